import { z } from 'zod';
import { ValidationFailed } from '../../api/api-errors.js';
import { isoDate, uuid } from '../../api/zod-fields.js';
import { parseOrThrow } from '../../api/zod-issues.js';
import { INDUSTRIES } from '../../domain/vocabulary.js';
import type { SegmentFilters } from '../data/portfolio-scope.js';
import type { Tier } from '../formulas/tier-band.js';
import { dayOf } from '../period/calendar.js';
import { PERIOD_KINDS, resolvePeriod, type MetricsPeriod } from '../period/metrics-period.js';

const commonShape = {
  period: z.enum(PERIOD_KINDS).default('rolling12'),
  /** A day of the period (rolling12: its last day); default today (UTC). */
  at: isoDate().optional(),
  tier: z.enum(['1', '2', '3', '4']).optional(),
  industry: z.enum(INDUSTRIES).optional(),
  ownerPersonId: uuid().optional(),
};

/** Query of every metrics route: period, day and segment filters; unknown parameters are rejected. */
export const metricsQuerySchema = z.strictObject(commonShape);
/** Tables also take the output format. */
export const tableQuerySchema = z.strictObject({ ...commonShape, format: z.enum(['json', 'csv']).default('json') });

export interface MetricsRequest {
  period: MetricsPeriod;
  filters: SegmentFilters;
}

/**
 * Validates a metrics query (400 with the field path, e.g. `query.tier`) and turns it into the
 * period (clamped to `now`) and filters. A day after today is refused: metrics describe what happened.
 */
export function parseMetricsRequest(query: unknown, now: Date): MetricsRequest {
  return toRequest(parseOrThrow(metricsQuerySchema, query, 'query'), now);
}

export function parseTableRequest(query: unknown, now: Date): MetricsRequest & { format: 'json' | 'csv' } {
  const parsed = parseOrThrow(tableQuerySchema, query, 'query');
  return { ...toRequest(parsed, now), format: parsed.format };
}

function toRequest(query: z.output<typeof metricsQuerySchema>, now: Date): MetricsRequest {
  const today = dayOf(now);
  const at = query.at ?? today;
  if (at > today) throw new ValidationFailed([{ path: 'query.at', code: 'too_big', message: `must not be after today (${today}): metrics describe what happened` }]);
  if (at < '1900-01-01') throw new ValidationFailed([{ path: 'query.at', code: 'too_small', message: 'must be 1900-01-01 or later' }]);
  return {
    period: resolvePeriod(query.period, at, now),
    filters: { tier: query.tier ? (Number(query.tier) as Tier) : null, industry: query.industry ?? null, ownerPersonId: query.ownerPersonId ?? null },
  };
}

/** The `period` and `filters` blocks every response starts with. */
export function describeRequest(request: MetricsRequest) {
  const { kind, from, to, asOf, asOfDay } = request.period;
  return { period: { kind, from, to, asOfDay, asOf: asOf.toISOString() }, filters: request.filters };
}
