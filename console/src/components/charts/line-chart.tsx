import { useId, useRef, useState, type KeyboardEvent } from 'react';
import { ChartDataTable } from './chart-data-table';
import { dataTable, defaultPoint, nextPoint, pointText, segments, summary, thin, type LineSeries, type PointKey, type ReferenceLine } from './line-series';
import { linearScale, niceDomain, niceTicks, SERIES_COLOURS } from './scale';
import { useWidth } from './use-width';
import './charts.css';

export type { LinePoint, LineSeries, ReferenceLine } from './line-series';

interface Props {
  /** Accessible name of the chart (and the data table caption). */
  label: string;
  series: LineSeries[];
  formatY: (v: number) => string;
  yDomain?: [number, number];
  references?: ReferenceLine[];
  height?: number;
}

const M = { left: 52, right: 16, top: 14, bottom: 30 };
const keyOf = (k: PointKey) => `${k.s}:${k.i}`;

/**
 * A line chart with points. The drawing is one role="img"; the points sit in an overlay group,
 * reachable with one Tab stop (arrow keys move between points and series) and show a tooltip on
 * hover or focus. The numbers are also in a toggleable data table.
 */
export function LineChart({ label, series, formatY, yDomain, references = [], height = 260 }: Props) {
  const tooltipId = useId();
  const [canvas, W] = useWidth<HTMLDivElement>(720);
  const circles = useRef(new Map<string, SVGCircleElement>());
  const [active, setActive] = useState<PointKey | null>(null);
  const all = series.flatMap((s) => s.points);
  const ys = all.flatMap((p) => (p.y === null ? [] : [p.y]));
  const xs = all.map((p) => p.x);
  const domain = yDomain ?? niceDomain([...ys, ...references.map((r) => r.y)]);
  const x = linearScale([Math.min(...xs), Math.max(...xs)], [M.left + 8, W - M.right - 8]);
  const y = linearScale(domain, [height - M.bottom, M.top]);
  const colour = (s: number) => series[s].color ?? SERIES_COLOURS[s % SERIES_COLOURS.length];
  const tabStop = active ?? defaultPoint(series);
  const isActive = (s: number, i: number) => active?.s === s && active.i === i;
  const table = dataTable(series, formatY);

  const onKeyDown = (event: KeyboardEvent, from: PointKey) => {
    if (event.key === 'Escape') return setActive(null);
    const next = nextPoint(series, from, event.key);
    if (next === undefined) return;
    event.preventDefault();
    if (next) circles.current.get(keyOf(next))?.focus();
  };

  const activePoint = active ? series[active.s]?.points[active.i] : undefined;
  return (
    <figure className="chart">
      <div className="chart-canvas" ref={canvas}>
        <svg viewBox={`0 0 ${W} ${height}`} width={W} height={height} role="img" aria-label={`${label}: ${summary(series, formatY)}`}>
          {niceTicks(domain[0], domain[1], 4).map((t) => (
            <g key={t} className="chart-grid">
              <line x1={M.left} x2={W - M.right} y1={y(t)} y2={y(t)} />
              <text x={M.left - 6} y={y(t)} dy="0.32em" textAnchor="end">
                {formatY(t)}
              </text>
            </g>
          ))}
          {references.map((r) => (
            <g key={r.label} className="chart-reference">
              <line x1={M.left} x2={W - M.right} y1={y(r.y)} y2={y(r.y)} />
              <text x={W - M.right} y={y(r.y)} dy="-0.35em" textAnchor="end">
                {r.label}
              </text>
            </g>
          ))}
          {thin(series[0]?.points ?? [], Math.max(2, Math.floor(W / 90))).map((p) => (
            <text key={p.x} className="chart-tick" x={x(p.x)} y={height - M.bottom + 18} textAnchor="middle">
              {p.xLabel}
            </text>
          ))}
          {series.map((s, si) =>
            segments(s.points).map((seg, n) => (
              <polyline key={`${s.id}-${n}`} className="chart-line" stroke={colour(si)} points={seg.map((p) => `${x(p.x)},${y(p.y as number)}`).join(' ')} />
            )),
          )}
        </svg>
        <svg className="chart-points" viewBox={`0 0 ${W} ${height}`} width={W} height={height} role="group" aria-label={`${label}: data points (arrow keys move between points)`}>
          {series.map((s, si) =>
            s.points.map((p, i) =>
              p.y === null ? null : (
                <circle
                  key={`${s.id}-${i}`}
                  ref={(el) => {
                    if (el) circles.current.set(keyOf({ s: si, i }), el);
                    else circles.current.delete(keyOf({ s: si, i }));
                  }}
                  className="chart-point"
                  cx={x(p.x)}
                  cy={y(p.y)}
                  r={isActive(si, i) ? 6 : 4}
                  fill={colour(si)}
                  role="img"
                  aria-label={pointText(s, p, formatY)}
                  aria-describedby={isActive(si, i) ? tooltipId : undefined}
                  tabIndex={tabStop?.s === si && tabStop.i === i ? 0 : -1}
                  onMouseEnter={() => setActive({ s: si, i })}
                  onMouseLeave={() => setActive(null)}
                  onFocus={() => setActive({ s: si, i })}
                  onBlur={() => setActive(null)}
                  onKeyDown={(e) => onKeyDown(e, { s: si, i })}
                />
              ),
            ),
          )}
        </svg>
        {active && activePoint && activePoint.y !== null && (
          <div id={tooltipId} className={`chart-tooltip${x(activePoint.x) > W * 0.7 ? ' from-right' : x(activePoint.x) < W * 0.3 ? ' from-left' : ''}`} role="tooltip" style={{ left: `${(x(activePoint.x) / W) * 100}%`, top: `${(y(activePoint.y) / height) * 100}%` }}>
            <strong>{activePoint.xLabel}</strong>
            <span>
              {series[active.s].label}: {formatY(activePoint.y)}
            </span>
            {activePoint.note && <span className="chart-tooltip-note">{activePoint.note}</span>}
          </div>
        )}
      </div>
      {series.length > 1 && (
        <figcaption className="chart-legend">
          {series.map((s, si) => (
            <span key={s.id}>
              <i style={{ background: colour(si) }} aria-hidden="true" /> {s.label}
            </span>
          ))}
        </figcaption>
      )}
      <ChartDataTable caption={label} head={table.head} rows={table.rows} textColumns={table.textColumns} />
    </figure>
  );
}
