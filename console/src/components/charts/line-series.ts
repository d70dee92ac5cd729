// Data helpers of the line chart: pure functions over its series (navigation, text, table rows).
export interface LinePoint {
  x: number;
  y: number | null;
  /** How the x value reads in tooltips, ticks and the data table ('Mar 26', '3 Dec, 14:05'). */
  xLabel: string;
  /** Extra text for the tooltip and the data table (e.g. why the score changed). */
  note?: string;
}
export interface LineSeries {
  id: string;
  label: string;
  color?: string;
  points: LinePoint[];
}
export interface ReferenceLine {
  y: number;
  label: string;
}
/** A point by series index and point index. */
export type PointKey = { s: number; i: number };

export const isDefined = (series: LineSeries[], k: PointKey): boolean => {
  const p = series[k.s]?.points[k.i];
  return p !== undefined && p.y !== null;
};

/** The newest defined point of the first series: the chart's single Tab stop. */
export function defaultPoint(series: LineSeries[]): PointKey | null {
  const points = series[0]?.points ?? [];
  for (let i = points.length - 1; i >= 0; i--) if (points[i].y !== null) return { s: 0, i };
  return null;
}

const STEPS: Record<string, (k: PointKey) => PointKey> = {
  ArrowRight: (k) => ({ s: k.s, i: k.i + 1 }),
  ArrowLeft: (k) => ({ s: k.s, i: k.i - 1 }),
  ArrowDown: (k) => ({ s: k.s + 1, i: k.i }),
  ArrowUp: (k) => ({ s: k.s - 1, i: k.i }),
};

/**
 * Where a key press moves focus: left/right along a series, up/down across series at the same
 * x, Home/End to a series' ends; gaps (null values) are skipped. Undefined: not a navigation key.
 */
export function nextPoint(series: LineSeries[], from: PointKey, key: string): PointKey | null | undefined {
  if (key === 'Home' || key === 'End') {
    const indexes = [...series[from.s].points.keys()].filter((i) => isDefined(series, { s: from.s, i }));
    return indexes.length ? { s: from.s, i: key === 'Home' ? indexes[0] : indexes[indexes.length - 1] } : null;
  }
  const step = STEPS[key];
  if (!step) return undefined;
  for (let k = step(from); k.s >= 0 && k.s < series.length && k.i >= 0 && k.i < series[k.s].points.length; k = step(k)) {
    if (isDefined(series, k)) return k;
  }
  return null;
}

export function pointText(s: LineSeries, p: LinePoint, formatY: (v: number) => string): string {
  return `${s.label}, ${p.xLabel}: ${p.y === null ? 'no value' : formatY(p.y)}${p.note ? ` (${p.note})` : ''}`;
}

/** A one-line description for the image: the latest value of each series. */
export function summary(series: LineSeries[], formatY: (v: number) => string): string {
  if (series.every((s) => s.points.every((p) => p.y === null))) return 'no data';
  return series
    .map((s) => {
      const last = [...s.points].reverse().find((p) => p.y !== null);
      return last ? `${s.label} ${formatY(last.y as number)} at ${last.xLabel}` : `${s.label} no data`;
    })
    .join('; ');
}

/** Runs of consecutive defined points (a null breaks the line). */
export function segments(points: LinePoint[]): LinePoint[][] {
  const out: LinePoint[][] = [[]];
  for (const p of points) {
    if (p.y === null) out.push([]);
    else out[out.length - 1].push(p);
  }
  return out.filter((s) => s.length > 1);
}

/** At most `max` tick labels, always keeping the newest. */
export function thin(points: LinePoint[], max: number): LinePoint[] {
  if (points.length <= max) return points;
  const every = Math.ceil(points.length / max);
  return points.filter((_, i) => (points.length - 1 - i) % every === 0);
}

/** The data table: one row per x, a value column per series (and a 'why' column when it has notes). */
export function dataTable(series: LineSeries[], formatY: (v: number) => string): { head: string[]; rows: string[][]; textColumns: number[] } {
  const withNotes = series.map((s) => s.points.some((p) => p.note));
  const head = ['', ...series.flatMap((s, n) => (withNotes[n] ? [s.label, `${s.label}: why`] : [s.label]))];
  const textColumns = head.flatMap((h, c) => (h.endsWith(': why') ? [c] : []));
  const xs = [...new Set(series.flatMap((s) => s.points.map((p) => p.x)))].sort((a, b) => a - b);
  const rows = xs.map((xv) => {
    const label = series.map((s) => s.points.find((p) => p.x === xv)).find(Boolean)?.xLabel ?? String(xv);
    return [
      label,
      ...series.flatMap((s, n) => {
        const p = s.points.find((q) => q.x === xv);
        const value = p && p.y !== null ? formatY(p.y) : '—';
        return withNotes[n] ? [value, p?.note ?? ''] : [value];
      }),
    ];
  });
  return { head, rows, textColumns };
}
