import { clean } from '../formulas/ratio.js';
import { METRIC_DEFINITIONS, type MetricId, type MetricUnit } from './metric-definitions.js';

/** One scalar figure as the API returns it: the value with what it means and what it was computed from. */
export interface MetricFigure {
  id: MetricId;
  label: string;
  /** Ratios as fractions, money in the tenant's currency units; null when undefined (zero denominator, missing inputs). */
  value: number | null;
  unit: MetricUnit;
  target?: string;
  definition: string;
  /** Numerator, denominator and the like, so the figure can be checked by hand. */
  inputs: Record<string, number | null>;
  /** Where a figure's inputs came from when that is not obvious (e.g. which acquisition-cost entry). */
  note?: string;
}

const DECIMALS: Record<MetricUnit, number> = { ratio: 6, currency: 2, count: 0, months: 2, days: 2, years: 2 };

/** Rounds to the unit's precision; anything not finite becomes null. */
export function presentValue(value: number | null, unit: MetricUnit): number | null {
  if (value === null || !Number.isFinite(value)) return null;
  return clean(value, DECIMALS[unit]);
}

export function figure(id: MetricId, value: number | null, inputs: Record<string, number | null>, note?: string): MetricFigure {
  const definition = METRIC_DEFINITIONS[id];
  const cleanInputs = Object.fromEntries(Object.entries(inputs).map(([k, v]) => [k, v === null || !Number.isFinite(v) ? null : clean(v, 6)]));
  return {
    id,
    label: definition.label,
    value: presentValue(value, definition.unit),
    unit: definition.unit,
    ...('target' in definition ? { target: definition.target } : {}),
    definition: definition.definition,
    inputs: cleanInputs,
    ...(note ? { note } : {}),
  };
}
