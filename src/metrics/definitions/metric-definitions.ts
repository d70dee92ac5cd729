/**
 * The catalogue of scalar figures: label, unit, target (where DOMAIN.md §9 gives one) and the
 * one-sentence definition the API returns with every value. docs/metrics.md repeats each
 * definition verbatim (a test keeps them equal).
 */
export const METRIC_UNITS = ['ratio', 'currency', 'count', 'months', 'days', 'years'] as const;
export type MetricUnit = (typeof METRIC_UNITS)[number];

export interface MetricDefinition {
  label: string;
  unit: MetricUnit;
  target?: string;
  definition: string;
}

export const METRIC_DEFINITIONS = {
  clients: {
    label: 'Active clients',
    unit: 'count',
    definition: 'Accounts that were clients at the end of the as-of day: started on or before it and not churned, or churned and won back by then.',
  },
  periodRevenue: {
    label: 'Revenue',
    unit: 'currency',
    definition: 'Sum of the invoice amounts issued in the period up to the as-of day (invoiced revenue, amounts as recorded, no currency conversion).',
  },
  logoRetention: {
    label: 'Client (logo) retention',
    unit: 'ratio',
    target: '≥ 90%',
    definition: '(Clients at period end − new clients in period) / clients at period start, where clients at start are the clients at the end of the day before the period and new clients are clients at the end who were not clients at the start (first-time and won-back clients).',
  },
  grossRevenueRetention: {
    label: 'Gross revenue retention',
    unit: 'ratio',
    target: '≥ 95%',
    definition: 'Over the clients at period start: the sum of each one\'s revenue this period capped at its revenue in the previous period, divided by their revenue in the previous period; contraction and churn lower it, expansion does not count.',
  },
  netRevenueRetention: {
    label: 'Net revenue retention',
    unit: 'ratio',
    target: '95-110%',
    definition: 'Revenue this period from the clients at period start / their revenue in the previous period of the same kind; includes expansion, so it can exceed 100%.',
  },
  newClientsNeeded: {
    label: 'New clients needed to stay flat',
    unit: 'count',
    definition: 'Clients at period start × (1 − logo retention), rounded up to whole clients.',
  },
  churnedClients: {
    label: 'Churned clients',
    unit: 'count',
    definition: 'Accounts whose churn date falls in the period up to the as-of day, including those won back since.',
  },
  churnedRevenue: {
    label: 'Revenue lost to churn',
    unit: 'currency',
    definition: 'Invoiced revenue of the churned clients in the 12 months up to and including their churn day (the annual revenue that left).',
  },
  winBackRate: {
    label: 'Win-back rate',
    unit: 'ratio',
    target: '15-20%',
    definition: 'Accounts won back in the period / accounts churned in the period (two counts over the same window, not a cohort).',
  },
  winBackPipeline: {
    label: 'Win-back pipeline',
    unit: 'count',
    definition: 'Win-back plays running at the as-of instant.',
  },
  acquisitionCost: {
    label: 'Client acquisition cost (CAC)',
    unit: 'currency',
    definition: '(Partner hours × hourly rate + marketing spend + proposal costs + other costs) / clients won, from the acquisition-cost entry covering the as-of day; clients won defaults to the accounts whose clientSince falls in that entry\'s period.',
  },
  clientLifetimeValue: {
    label: 'Client lifetime value (profit)',
    unit: 'currency',
    definition: 'Average annual revenue per client × gross margin × expected years, where the average is the revenue invoiced in the 12 months ending on the as-of day to the clients at the as-of day divided by their number; margin and years come from the acquisition-cost entry.',
  },
  paybackMonths: {
    label: 'CAC payback',
    unit: 'months',
    target: '< 18 months',
    definition: 'CAC / monthly profit per client, where monthly profit per client is the average annual revenue per client × gross margin / 12.',
  },
  programRoi: {
    label: 'Retention program ROI',
    unit: 'ratio',
    definition: '(Annual gross profit of the accounts the program kept − retention program cost) / program cost; kept accounts are those whose recovery play ended recovered or that were won back within the acquisition-cost entry\'s period up to the as-of day, valued at their revenue in the 12 months ending on the as-of day × gross margin.',
  },
  topTenConcentration: {
    label: 'Concentration risk (top-10 revenue share)',
    unit: 'ratio',
    definition: 'Revenue in the period of the 10 accounts with the most revenue / all revenue in the period.',
  },
  strategicRevenueShare: {
    label: 'Revenue share of tiers 3 and 4',
    unit: 'ratio',
    definition: 'Revenue in the period from accounts of tier 3 (strategic partner) or tier 4 (anchor) / all revenue in the period.',
  },
  averageTenure: {
    label: 'Average tenure',
    unit: 'years',
    definition: 'Mean tenure of the clients at the as-of day, in whole calendar months since clientSince divided by 12.',
  },
  decliningScoreShare: {
    label: 'Clients with a declining score',
    unit: 'ratio',
    definition: 'Share of scored clients whose latest score at the as-of instant is at least 10 points below their latest score 90 days earlier (for accounts first scored within those 90 days: below their first score).',
  },
  atRiskAccounts: {
    label: 'At-risk accounts',
    unit: 'count',
    definition: 'Clients whose latest health snapshot at the as-of instant is in the intervention or critical band (score below 60 with the default rules).',
  },
  detectionToInterventionDays: {
    label: 'Time from risk detection to intervention',
    unit: 'days',
    definition: 'Mean days from detection to the first intervention over the at-risk episodes detected in the period that had one by the as-of instant; detection is the first snapshot that put the account at risk after a healthy one (or its first snapshot), intervention the first recovery-play start or completed task on the account at or after it.',
  },
  interventionsStarted: {
    label: 'Interventions started',
    unit: 'count',
    definition: 'Recovery plays started in the period up to the as-of instant.',
  },
  recoveryRate: {
    label: 'At-risk recovery rate',
    unit: 'ratio',
    definition: 'Recovery plays that ended recovered in the period / recovery plays that ended (completed or failed, cancelled ones excluded) in the period.',
  },
  touchpointCoverage: {
    label: 'Touchpoint coverage',
    unit: 'ratio',
    definition: 'Share of scored clients within their tier\'s touchpoint cadence on the as-of day: every applicable requirement of their latest snapshot\'s cadence had a held touchpoint of its kind within its interval.',
  },
} as const satisfies Record<string, MetricDefinition>;

export type MetricId = keyof typeof METRIC_DEFINITIONS;
export const METRIC_IDS = Object.keys(METRIC_DEFINITIONS) as MetricId[];

/** The monthly dashboard's figures (DOMAIN.md §9). */
export const DASHBOARD_METRIC_IDS: readonly MetricId[] = [
  'logoRetention',
  'grossRevenueRetention',
  'netRevenueRetention',
  'atRiskAccounts',
  'interventionsStarted',
  'recoveryRate',
  'programRoi',
];
