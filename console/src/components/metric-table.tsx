import { useState } from 'react';
import { api } from '../api/client';
import { useApi } from '../api/use-api';
import { formatByUnit, formatDate, formatDateTime } from '../format';
import { Link } from '../router';
import { ErrorPanel, Loading } from './status';
import './charts/charts.css';
import './charts/metric-figures.css';

export interface MetricColumn {
  key: string;
  label: string;
  unit?: string;
}
export type MetricCell = string | number | null;
/** A metrics table as GET /metrics/tables/:name answers it. */
export interface MetricTableData {
  name: string;
  label: string;
  definition: string;
  columns: MetricColumn[];
  rows: Record<string, MetricCell>[];
}

/** Columns naming an account: rendered as links to its page when the row carries the account id. */
const ACCOUNT_NAME_KEYS = ['accountName', 'name', 'account'];
const ACCOUNT_ID_KEYS = ['accountId', 'id'];
const SEVERITIES = ['critical', 'high', 'medium', 'low'];

/**
 * Any metrics table, rendered generically from its columns (units decide the formatting), with
 * its definition and a CSV download of the same table (same filters) from the API.
 * `params` are the metrics query parameters (period, at, segment filters).
 */
export function MetricTable({ name, params, caption }: { name: string; params: Record<string, string | undefined>; caption?: string }) {
  const search = new URLSearchParams(Object.entries(params).filter((e): e is [string, string] => !!e[1]));
  const qs = search.toString();
  const table = useApi<MetricTableData>(`/metrics/tables/${encodeURIComponent(name)}${qs ? `?${qs}` : ''}`);
  const [downloadError, setDownloadError] = useState<Error | null>(null);
  const [downloading, setDownloading] = useState(false);

  const download = async () => {
    setDownloadError(null);
    setDownloading(true);
    try {
      const csv = new URLSearchParams(search);
      csv.set('format', 'csv');
      await api.download(`/metrics/tables/${encodeURIComponent(name)}?${csv.toString()}`, `${name}.csv`);
    } catch (error) {
      setDownloadError(error as Error);
    } finally {
      setDownloading(false);
    }
  };

  if (table.state === 'loading') return <Loading what={caption ?? name} />;
  if (table.state === 'error') return <ErrorPanel error={table.error} onRetry={table.reload} />;
  const { columns, rows, label, definition } = table.data;
  const idKey = ACCOUNT_ID_KEYS.find((k) => rows.some((r) => typeof r[k] === 'string'));
  const nameKey = idKey ? columns.find((c) => ACCOUNT_NAME_KEYS.includes(c.key) && c.key !== idKey)?.key : undefined;
  const shown = columns.filter((c) => !(nameKey && c.key === idKey));
  return (
    <div className="metric-table">
      <div className="metric-table-head">
        <p className="muted">{definition}</p>
        <button type="button" className="secondary" onClick={download} disabled={downloading} aria-label={`Download CSV: ${caption ?? label}`}>
          {downloading ? 'Downloading…' : 'Download CSV'}
        </button>
      </div>
      {downloadError && <ErrorPanel error={downloadError} />}
      {rows.length === 0 ? (
        <p className="muted">No rows for these filters.</p>
      ) : (
        <div className="metric-table-scroll">
          <table>
            <caption className="visually-hidden">{caption ?? label}</caption>
            <thead>
              <tr>
                {shown.map((c) => (
                  <th key={c.key} scope="col" className={isNumeric(c, rows) ? 'num' : undefined}>
                    {c.label}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map((row, i) => (
                <tr key={String((idKey && row[idKey]) ?? i)}>
                  {shown.map((c) => (
                    <td key={c.key} className={isNumeric(c, rows) ? 'num' : undefined}>
                      {c.key === nameKey && idKey && row[idKey] ? <Link to={`/accounts/${row[idKey]}`}>{String(row[c.key] ?? '')}</Link> : <Cell column={c} value={row[c.key]} />}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}

function isNumeric(column: MetricColumn, rows: Record<string, MetricCell>[]): boolean {
  return rows.some((r) => typeof r[column.key] === 'number');
}

function Cell({ column, value }: { column: MetricColumn; value: MetricCell | undefined }) {
  if (value === null || value === undefined || value === '') return <span className="muted">—</span>;
  if (typeof value === 'number') return <>{formatByUnit(value, column.unit ?? 'count')}</>;
  if (column.key === 'severity' && SEVERITIES.includes(value)) return <span className={`badge ${value}`}>{value}</span>;
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return <>{formatDate(value)}</>;
  if (/^\d{4}-\d{2}-\d{2}T/.test(value)) return <>{formatDateTime(value)}</>;
  return <>{value}</>;
}
