import { useId, useState } from 'react';
import { formatByUnit, formatNumber } from '../format';
import './charts/charts.css';
import './charts/metric-figures.css';

/** One scalar figure of the metrics API (contract: docs/metrics.md). */
export interface MetricFigure {
  id: string;
  label: string;
  value: number | null;
  unit: 'ratio' | 'currency' | 'count' | 'months' | 'days' | 'years';
  target?: string;
  definition: string;
  inputs: Record<string, number | null>;
}

/**
 * A figure as a card: value, target (and whether it is met), the definition as visible help
 * text, and the inputs behind the value on demand, so anyone can check it by hand.
 */
export function MetricCard({ figure }: { figure: MetricFigure }) {
  const headingId = useId();
  const definitionId = useId();
  const [expanded, setExpanded] = useState(false);
  const verdict = meetsTarget(figure);
  const inputs = Object.entries(figure.inputs ?? {});
  return (
    <article className="metric-card" aria-labelledby={headingId} data-metric={figure.id}>
      <h3 id={headingId}>{figure.label}</h3>
      <p className={`metric-value${verdict === false ? ' off-target' : verdict ? ' on-target' : ''}`}>{formatByUnit(figure.value, figure.unit)}</p>
      {figure.target && (
        <p className="metric-target">
          Target {figure.target}
          {verdict !== null && <span className="visually-hidden">{verdict ? ' (met)' : ' (not met)'}</span>}
          {verdict !== null && <span aria-hidden="true">{verdict ? ' ✓' : ' ✗'}</span>}
        </p>
      )}
      {/* Clamped to three lines to keep the cards even; the whole text is in the DOM (and the title). */}
      <p id={definitionId} className={`metric-definition${expanded ? ' expanded' : ''}`} title={figure.definition}>
        {figure.definition}
      </p>
      {figure.definition.length > 120 && (
        <button type="button" className="metric-more" aria-expanded={expanded} aria-controls={definitionId} onClick={() => setExpanded(!expanded)}>
          {expanded ? 'Less' : 'Full definition'}
        </button>
      )}
      {inputs.length > 0 && (
        <details className="metric-inputs">
          <summary>Inputs</summary>
          <dl>
            {inputs.map(([key, value]) => (
              <div key={key}>
                <dt>{humanize(key)}</dt>
                <dd>{formatNumber(value)}</dd>
              </div>
            ))}
          </dl>
        </details>
      )}
    </article>
  );
}

/** 'clientsAtStart' → 'clients at start'. */
function humanize(key: string): string {
  return key.replace(/([a-z0-9])([A-Z])/g, '$1 $2').replace(/[_-]+/g, ' ').toLowerCase();
}

/**
 * Reads targets such as '≥ 90%', '≤ 12 months', '95–110%' and says whether the value meets them;
 * null when there is no value or the target is not of a form we can read.
 */
export function meetsTarget(figure: Pick<MetricFigure, 'value' | 'unit' | 'target'>): boolean | null {
  if (figure.value === null || !figure.target) return null;
  const scale = (s: string) => (figure.unit === 'ratio' && s.includes('%') ? 100 : 1);
  const num = (s: string) => Number(s.replace(/[^0-9.]/g, ''));
  const t = figure.target.replace(/,/g, '');
  const range = /^\s*(\d+(?:\.\d+)?)\s*%?\s*[–-]\s*(\d+(?:\.\d+)?)\s*(%?)/.exec(t);
  if (range) return figure.value >= num(range[1]) / scale(t) && figure.value <= num(range[2]) / scale(t);
  const bound = /^\s*(≥|>=|>|≤|<=|<)\s*\$?\s*(\d+(?:\.\d+)?)/.exec(t);
  if (!bound) return null;
  const limit = num(bound[2]) / scale(t);
  return { '≥': figure.value >= limit, '>=': figure.value >= limit, '>': figure.value > limit, '≤': figure.value <= limit, '<=': figure.value <= limit, '<': figure.value < limit }[bound[1]] ?? null;
}
