import { INDUSTRIES } from '../../domain/vocabulary.js';
import { retentionOver, retentionTrend } from '../families/retention.family.js';
import { TIERS } from '../formulas/tier-band.js';
import { round, type TableBuilder, type TableColumn } from './metric-table.js';

const RETENTION_COLUMNS: TableColumn[] = [
  { key: 'clientsAtStart', label: 'Clients at start', unit: 'count' },
  { key: 'clientsAtEnd', label: 'Clients at end', unit: 'count' },
  { key: 'logoRetention', label: 'Logo retention', unit: 'ratio' },
  { key: 'grossRevenueRetention', label: 'Gross revenue retention', unit: 'ratio' },
  { key: 'netRevenueRetention', label: 'Net revenue retention', unit: 'ratio' },
];

export const retentionBySegmentTable: TableBuilder = async (scope) => {
  const accounts = await scope.accounts();
  const segments = [
    ...TIERS.map((tier) => ({ kind: 'tier', segment: String(tier), members: accounts.filter((a) => a.tier === tier) })),
    ...INDUSTRIES.map((industry) => ({ kind: 'industry', segment: industry, members: accounts.filter((a) => a.industry === industry) })),
  ];
  const rows = [];
  for (const s of segments) {
    const r = await retentionOver(scope, scope.period, s.members);
    rows.push({
      segmentKind: s.kind,
      segment: s.segment,
      clientsAtStart: r.clientsAtStart,
      clientsAtEnd: r.clientsAtEnd,
      logoRetention: round(r.logoRetention, 6),
      grossRevenueRetention: round(r.grossRevenueRetention, 6),
      netRevenueRetention: round(r.netRevenueRetention, 6),
    });
  }
  return { columns: [{ key: 'segmentKind', label: 'Segment kind' }, { key: 'segment', label: 'Segment' }, ...RETENTION_COLUMNS], rows };
};

export const retentionTrendTable: TableBuilder = async (scope) => ({
  columns: [{ key: 'month', label: 'Month' }, ...RETENTION_COLUMNS, { key: 'newClients', label: 'New clients', unit: 'count' }],
  rows: (await retentionTrend(scope)).map((p) => ({ ...p })),
});
