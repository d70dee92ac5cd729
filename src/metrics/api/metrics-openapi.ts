import { inputSchema } from '../../api/openapi/json-schema.js';
import { INDUSTRIES } from '../../domain/vocabulary.js';
import { acquisitionCostBodySchema } from '../acquisition-costs/acquisition-cost.schema.js';
import { METRIC_UNITS } from '../definitions/metric-definitions.js';
import { TABLE_NAMES } from '../definitions/table-definitions.js';
import { PERIOD_KINDS } from '../period/metrics-period.js';

type Json = Record<string, unknown>;

/** OpenAPI paths and schemas of the metrics API (registered by src/api/openapi/openapi-document.ts). */
export function metricsPaths(prefix: string, tenantHeader: Json, errors: Json): { paths: Json; schemas: Json } {
  const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
  const json = (schema: unknown) => ({ 'application/json': { schema } });
  const tags = ['metrics'];
  const query = [
    { name: 'period', in: 'query', schema: { type: 'string', enum: PERIOD_KINDS, default: 'rolling12' }, description: 'Calendar month, quarter or year containing `at`, or the 12 months ending on `at`.' },
    { name: 'at', in: 'query', schema: { type: 'string', format: 'date' }, description: 'A day of the period (YYYY-MM-DD, not after today); default today (UTC).' },
    { name: 'tier', in: 'query', schema: { type: 'string', enum: ['1', '2', '3', '4'] }, description: "Only accounts of this tier on the as-of day (latest health snapshot; DOMAIN.md §1 revenue bands for accounts never scored by then)." },
    { name: 'industry', in: 'query', schema: { type: 'string', enum: INDUSTRIES } },
    { name: 'ownerPersonId', in: 'query', schema: { type: 'string', format: 'uuid' }, description: 'Only accounts whose relationship owner (account lead) on the as-of day is this person.' },
  ];
  const periodBlock = {
    type: 'object',
    properties: {
      period: { type: 'object', properties: { kind: { type: 'string', enum: PERIOD_KINDS }, from: { type: 'string', format: 'date' }, to: { type: 'string', format: 'date' }, asOfDay: { type: 'string', format: 'date' }, asOf: { type: 'string', format: 'date-time' } } },
      filters: { type: 'object', properties: { tier: { type: ['integer', 'null'] }, industry: { type: ['string', 'null'] }, ownerPersonId: { type: ['string', 'null'] } } },
    },
  };
  const schemas: Json = {
    MetricFigure: {
      type: 'object',
      required: ['id', 'label', 'value', 'unit', 'definition', 'inputs'],
      properties: {
        id: { type: 'string' },
        label: { type: 'string' },
        value: { type: ['number', 'null'], description: 'Ratios as fractions, money in the tenant currency; null when undefined (zero denominator, missing inputs).' },
        unit: { type: 'string', enum: METRIC_UNITS },
        target: { type: 'string' },
        definition: { type: 'string' },
        inputs: { type: 'object', additionalProperties: { type: ['number', 'null'] } },
        note: { type: 'string' },
      },
    },
    AcquisitionCostInput: inputSchema(acquisitionCostBodySchema),
    MetricTable: {
      type: 'object',
      properties: {
        name: { type: 'string', enum: TABLE_NAMES },
        label: { type: 'string' },
        definition: { type: 'string' },
        columns: { type: 'array', items: { type: 'object', required: ['key', 'label'], properties: { key: { type: 'string' }, label: { type: 'string' }, unit: { type: 'string' } } } },
        rows: { type: 'array', items: { type: 'object', additionalProperties: { type: ['string', 'number', 'null'] } } },
      },
    },
  };
  const figures = { allOf: [periodBlock, { type: 'object', properties: { figures: { type: 'array', items: ref('MetricFigure') } } }] };
  const paths: Json = {
    [`${prefix}/metrics`]: { get: { tags, summary: 'Every scalar retention figure with its definition and inputs (docs/metrics.md)', parameters: [tenantHeader, ...query], responses: { '200': { description: 'Figures', content: json(figures) }, ...errors } } },
    [`${prefix}/metrics/dashboard`]: {
      get: {
        tags,
        summary: 'The monthly dashboard: retention, at-risk, interventions, recovery, program ROI; 12-month trend, health distribution, tier mix, severity mix, plays in flight, top churn reasons',
        parameters: [tenantHeader, ...query],
        responses: { '200': { description: 'Dashboard', content: json({ allOf: [figures, { type: 'object', properties: { retentionTrend: { type: 'array' }, healthDistribution: { type: 'array' }, tierMix: { type: 'array' }, atRiskBySeverity: { type: 'array' }, playsInFlight: { type: 'array' }, topChurnReasons: { type: 'array' } } }] }) }, ...errors },
      },
    },
    [`${prefix}/metrics/tables`]: { get: { tags, summary: 'The metric tables: name, label, definition', parameters: [tenantHeader], responses: { '200': { description: 'Catalogue' }, ...errors } } },
    [`${prefix}/metrics/tables/{name}`]: {
      get: {
        tags,
        summary: 'One metric table as JSON, or as a CSV download (format=csv: header of labels, RFC 4180, formula cells prefixed with \')',
        parameters: [tenantHeader, { name: 'name', in: 'path', required: true, schema: { type: 'string', enum: TABLE_NAMES } }, ...query, { name: 'format', in: 'query', schema: { type: 'string', enum: ['json', 'csv'], default: 'json' } }],
        responses: { '200': { description: 'The table', content: { ...json({ allOf: [periodBlock, ref('MetricTable')] }), 'text/csv': { schema: { type: 'string' } } } }, ...errors },
      },
    },
    [`${prefix}/metrics/acquisition-costs`]: { get: { tags, summary: 'Entered acquisition costs per year or quarter, with the CAC they give', parameters: [tenantHeader], responses: { '200': { description: 'Entries' }, ...errors } } },
    [`${prefix}/metrics/acquisition-costs/{period}`]: {
      put: {
        tags,
        summary: "Enter a year's ('YYYY') or quarter's ('YYYY-Qn') acquisition costs, margin and expected client life (idempotent upsert)",
        parameters: [tenantHeader, { name: 'period', in: 'path', required: true, schema: { type: 'string', pattern: '^\\d{4}(-Q[1-4])?$' } }],
        requestBody: { required: true, content: json(ref('AcquisitionCostInput')) },
        responses: { '200': { description: 'The stored entry with its derived CAC' }, ...errors },
      },
    },
  };
  return { paths, schemas };
}
