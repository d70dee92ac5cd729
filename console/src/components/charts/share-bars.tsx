import { ChartDataTable } from './chart-data-table';
import { SERIES_COLOURS } from './scale';
import { useWidth } from './use-width';
import './charts.css';

export interface ShareRow {
  label: string;
  /** One value per segment (absolute amounts; shares are computed). */
  values: number[];
  format: (v: number) => string;
}

/**
 * 100 % stacked horizontal bars: how a whole splits into segments, one bar per measure
 * (e.g. tier mix by accounts and by revenue, side by side so the two can be compared).
 */
export function ShareBars({ label, segments, rows, colors = SERIES_COLOURS }: { label: string; segments: string[]; rows: ShareRow[]; colors?: string[] }) {
  const share = (row: ShareRow, i: number) => {
    const total = row.values.reduce((a, b) => a + b, 0);
    return total > 0 ? row.values[i] / total : 0;
  };
  const pct = (v: number) => `${Math.round(v * 100)}%`;
  const H = 26;
  const [canvas, W] = useWidth<HTMLDivElement>(480);
  return (
    <figure className="chart">
      <div ref={canvas}>
      <svg
        viewBox={`0 0 ${W} ${rows.length * (H + 22)}`}
        width={W}
        height={rows.length * (H + 22)}
        role="img"
        aria-label={`${label}: ${rows.map((r) => `${r.label} ${segments.map((s, i) => `${s} ${pct(share(r, i))}`).join(', ')}`).join('; ')}`}
      >
        {rows.map((row, r) => {
          let x = 0;
          return (
            <g key={row.label} transform={`translate(0 ${r * (H + 22)})`}>
              <text className="chart-tick" x={0} y={12}>
                {row.label}
              </text>
              {segments.map((segment, i) => {
                const w = share(row, i) * W;
                const at = x;
                x += w;
                return (
                  <g key={segment}>
                    <rect x={at} y={16} width={w} height={H - 6} fill={colors[i % colors.length]} />
                    {w > 34 && (
                      <text className="chart-inbar" x={at + w / 2} y={16 + (H - 6) / 2} dy="0.35em" textAnchor="middle">
                        {pct(share(row, i))}
                      </text>
                    )}
                  </g>
                );
              })}
            </g>
          );
        })}
      </svg>
      </div>
      <figcaption className="chart-legend">
        {segments.map((s, i) => (
          <span key={s}>
            <i style={{ background: colors[i % colors.length] }} aria-hidden="true" /> {s}
          </span>
        ))}
      </figcaption>
      <ChartDataTable
        caption={label}
        head={['', ...rows.flatMap((r) => [r.label, `${r.label} share`])]}
        rows={segments.map((s, i) => [s, ...rows.flatMap((r) => [r.format(r.values[i]), pct(share(r, i))])])}
      />
    </figure>
  );
}
