import { ChartDataTable } from './chart-data-table';
import { linearScale, niceTicks, SERIES_COLOURS } from './scale';
import { useWidth } from './use-width';
import './charts.css';

export interface BarSeries {
  id: string;
  label: string;
  color?: string;
  values: number[];
}

interface Props {
  label: string;
  categories: string[];
  series: BarSeries[];
  format: (v: number) => string;
  /** Several series: stacked (parts of a whole) or side by side. */
  stacked?: boolean;
  /** One series: a colour per category (e.g. red to green health bands). */
  categoryColors?: string[];
  height?: number;
}

const M = { left: 44, right: 8, top: 18, bottom: 28 };

/** A vertical bar chart (plain, grouped or stacked) with value labels; role="img" plus a data table. */
export function BarChart({ label, categories, series, format, stacked = false, categoryColors, height = 200 }: Props) {
  const [canvas, W] = useWidth<HTMLDivElement>(480);
  const totals = categories.map((_, c) => (stacked ? series.reduce((sum, s) => sum + (s.values[c] ?? 0), 0) : Math.max(0, ...series.map((s) => s.values[c] ?? 0))));
  const max = Math.max(1, ...totals);
  const ticks = niceTicks(0, max, 4);
  const top = Math.max(max, ticks[ticks.length - 1] ?? max);
  const y = linearScale([0, top], [height - M.bottom, M.top]);
  const band = (W - M.left - M.right) / Math.max(1, categories.length);
  const barWidth = Math.min(64, band * 0.7);
  const colour = (s: number, c: number) => (series.length === 1 && categoryColors?.[c]) || series[s].color || SERIES_COLOURS[s % SERIES_COLOURS.length];
  const described = categories.map((c, i) => `${c} ${series.map((s) => (series.length > 1 ? `${s.label} ${format(s.values[i] ?? 0)}` : format(s.values[i] ?? 0))).join(', ')}`).join('; ');

  return (
    <figure className="chart">
      <div ref={canvas}>
      <svg viewBox={`0 0 ${W} ${height}`} width={W} height={height} role="img" aria-label={`${label}: ${described || 'no data'}`}>
        {ticks.map((t) => (
          <g key={t} className="chart-grid">
            <line x1={M.left} x2={W - M.right} y1={y(t)} y2={y(t)} />
            <text x={M.left - 6} y={y(t)} dy="0.32em" textAnchor="end">
              {format(t)}
            </text>
          </g>
        ))}
        {categories.map((category, c) => {
          const x0 = M.left + band * c + (band - barWidth) / 2;
          let base = 0;
          return (
            <g key={category}>
              {series.map((s, si) => {
                const v = s.values[c] ?? 0;
                const w = stacked || series.length === 1 ? barWidth : barWidth / series.length;
                const x = stacked || series.length === 1 ? x0 : x0 + w * si;
                const from = stacked ? base : 0;
                base = stacked ? base + v : base;
                return <rect key={s.id} x={x} width={Math.max(1, w - 1)} y={y(from + v)} height={Math.max(0, y(from) - y(from + v))} fill={colour(si, c)} />;
              })}
              <text className="chart-value" x={x0 + barWidth / 2} y={y(totals[c])} dy="-0.4em" textAnchor="middle">
                {stacked || series.length === 1 ? format(totals[c]) : ''}
              </text>
              <text className="chart-tick" x={x0 + barWidth / 2} y={height - M.bottom + 18} textAnchor="middle">
                {category}
              </text>
            </g>
          );
        })}
      </svg>
      </div>
      {series.length > 1 && (
        <figcaption className="chart-legend">
          {series.map((s, si) => (
            <span key={s.id}>
              <i style={{ background: colour(si, 0) }} aria-hidden="true" /> {s.label}
            </span>
          ))}
        </figcaption>
      )}
      <ChartDataTable caption={label} head={['', ...series.map((s) => s.label)]} rows={categories.map((c, i) => [c, ...series.map((s) => format(s.values[i] ?? 0))])} />
    </figure>
  );
}
