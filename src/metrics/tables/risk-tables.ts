import { peopleNames } from '../data/owners.loader.js';
import { coverageByTier, coverageOf } from '../families/coverage.family.js';
import { healthDistribution, riskOf, severityCounts } from '../families/risk.family.js';
import { ratio } from '../formulas/ratio.js';
import { MS_PER_DAY } from '../period/calendar.js';
import { round, type TableBuilder } from './metric-table.js';

/** How many of an at-risk account's signals the table names. */
const TOP_SIGNALS = 3;

export const atRiskTable: TableBuilder = async (scope) => {
  const risk = await riskOf(scope);
  const owners = await peopleNames(scope.em, scope.tenantId, risk.atRisk.flatMap((a) => (a.account.ownerPersonId ? [a.account.ownerPersonId] : [])));
  const asOf = scope.period.asOf.getTime();
  const rows = [...risk.atRisk]
    .sort((a, b) => severityOrder(b.severity) - severityOrder(a.severity) || a.snapshot.score - b.snapshot.score || a.account.name.localeCompare(b.account.name))
    .map((a) => ({
      accountId: a.account.id,
      name: a.account.name,
      tier: a.account.tier,
      score: a.snapshot.score,
      severity: a.severity,
      topSignals: a.signals.slice(0, TOP_SIGNALS).map((s) => `${s.name} (${s.severity})`).join('; '),
      owner: a.account.ownerPersonId ? owners.get(a.account.ownerPersonId) ?? null : null,
      detectedAt: a.detectedAt?.toISOString() ?? null,
      daysAtRisk: a.detectedAt ? Math.floor((asOf - a.detectedAt.getTime()) / MS_PER_DAY) : null,
    }));
  return {
    columns: [
      { key: 'accountId', label: 'Account id' },
      { key: 'name', label: 'Account' },
      { key: 'tier', label: 'Tier', unit: 'count' },
      { key: 'score', label: 'Health score', unit: 'score' },
      { key: 'severity', label: 'Severity' },
      { key: 'topSignals', label: 'Top signals' },
      { key: 'owner', label: 'Owner' },
      { key: 'detectedAt', label: 'Detected at', unit: 'datetime' },
      { key: 'daysAtRisk', label: 'Days at risk', unit: 'days' },
    ],
    rows,
  };
};

const severityOrder = (s: string) => ['low', 'medium', 'high', 'critical'].indexOf(s);

export const atRiskBySeverityTable: TableBuilder = async (scope) => {
  const risk = await riskOf(scope);
  return {
    columns: [
      { key: 'severity', label: 'Severity' },
      { key: 'accounts', label: 'Accounts', unit: 'count' },
      { key: 'share', label: 'Share of at-risk accounts', unit: 'ratio' },
    ],
    rows: severityCounts(risk).map((s) => ({ ...s, share: round(ratio(s.accounts, risk.atRisk.length), 6) })),
  };
};

export const healthDistributionTable: TableBuilder = async (scope) => ({
  columns: [
    { key: 'band', label: 'Score band' },
    { key: 'accounts', label: 'Accounts', unit: 'count' },
  ],
  rows: healthDistribution(await riskOf(scope)),
});

export const touchpointCoverageTable: TableBuilder = async (scope) => ({
  columns: [
    { key: 'tier', label: 'Tier', unit: 'count' },
    { key: 'accounts', label: 'Scored clients', unit: 'count' },
    { key: 'covered', label: 'Within cadence', unit: 'count' },
    { key: 'share', label: 'Share within cadence', unit: 'ratio' },
  ],
  rows: coverageByTier(await coverageOf(scope)).map((r) => ({ ...r, share: round(r.share, 6) })),
});
