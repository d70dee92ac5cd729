import { useState } from 'react';
import { useApi } from '../../api/use-api';
import { MetricTable } from '../../components/metric-table';
import { ErrorPanel, Loading } from '../../components/status';
import type { MetricTableSummary } from './dashboard-types';

/** Every table of the metrics API, each expandable (loaded when opened) with its CSV download. */
export function MoreMetrics({ params }: { params: Record<string, string | undefined> }) {
  const tables = useApi<{ tables: MetricTableSummary[] }>('/metrics/tables');
  return (
    <section className="panel" aria-labelledby="more-title">
      <h2 id="more-title">More metrics</h2>
      {tables.state === 'loading' && <Loading what="metric tables" />}
      {tables.state === 'error' && <ErrorPanel error={tables.error} onRetry={tables.reload} />}
      {tables.state === 'ready' && (
        <ul className="more-metrics">
          {tables.data.tables.map((t) => (
            <li key={t.name}>
              <ExpandableTable table={t} params={params} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function ExpandableTable({ table, params }: { table: MetricTableSummary; params: Record<string, string | undefined> }) {
  const [open, setOpen] = useState(false);
  return (
    <details onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>
        <strong>{table.label}</strong> <span className="muted">— {table.definition}</span>
      </summary>
      {open && <MetricTable name={table.name} params={params} caption={table.label} />}
    </details>
  );
}
