/**
 * The catalogue of metric tables (GET /metrics/tables): name, label and what a row is.
 * docs/metrics.md repeats each definition verbatim.
 */
export const TABLE_DEFINITIONS = {
  'at-risk': {
    label: 'At-risk accounts',
    definition: 'One row per client at risk at the as-of instant (latest snapshot in the intervention or critical band), most severe first: score, severity, its most severe signals, owner, when the current at-risk episode was detected and for how many days.',
  },
  'at-risk-by-severity': {
    label: 'At-risk accounts by severity',
    definition: 'At-risk clients per severity (critical band, else the most severe warning signal, else low) with their share of all at-risk clients.',
  },
  concentration: {
    label: 'Revenue concentration (top 10)',
    definition: 'The 10 accounts with the most revenue in the period, with their share of all revenue in the period and the cumulative share.',
  },
  'tenure-by-tier': {
    label: 'Tenure by tier',
    definition: 'Per tier, the clients at the as-of day and their average, median and longest tenure in years (whole months since clientSince / 12).',
  },
  'tier-mix': {
    label: 'Tier mix',
    definition: 'Per tier, the clients at the as-of day and the revenue of the tier\'s accounts in the period.',
  },
  'churn-reasons': {
    label: 'Churn reasons',
    definition: 'Accounts churned in the period per recorded reason, with the revenue they brought in the 12 months up to their churn and their share of the churned accounts.',
  },
  'churn-by-tenure': {
    label: 'Churn by tenure',
    definition: 'Accounts churned in the period per tenure at churn (under 1 year, 1-2, 2-5, 5 years and more), with the revenue they brought in the 12 months up to their churn.',
  },
  'touchpoint-coverage': {
    label: 'Touchpoint coverage by tier',
    definition: 'Per tier, the scored clients, those within their cadence on the as-of day (every applicable requirement met by a held touchpoint of its kind within its interval) and their share.',
  },
  'win-back-pipeline': {
    label: 'Win-back pipeline',
    definition: 'Clients lost at the as-of day whose churn was within the last 730 days, and any account with a win-back play running: churn day and reason, revenue lost, when win-back outreach is due (90 days after the churn) and the play\'s state.',
  },
  'retention-by-segment': {
    label: 'Retention by segment',
    definition: 'Logo, gross and net revenue retention over the period per tier and per industry (segments as on the as-of day), with the clients at start and at end.',
  },
  'health-distribution': {
    label: 'Health distribution',
    definition: 'Scored clients per health-score band (0-39, 40-59, 60-79, 80-100) at the as-of instant.',
  },
  'retention-trend': {
    label: 'Retention trend',
    definition: 'Rolling-12-month logo, gross and net revenue retention at each of the 12 month ends ending on the as-of day (the last point ends on the as-of day itself).',
  },
  figures: {
    label: 'All figures',
    definition: 'Every scalar figure of GET /metrics as one row: value, unit, target, definition and the inputs it was computed from.',
  },
} as const satisfies Record<string, { label: string; definition: string }>;

export type TableName = keyof typeof TABLE_DEFINITIONS;
export const TABLE_NAMES = Object.keys(TABLE_DEFINITIONS) as TableName[];
