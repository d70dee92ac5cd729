// The dashboard's period and segment filters live in the URL query, so a filtered view is a link.
export const PERIODS = [
  { value: 'month', label: 'Month' },
  { value: 'quarter', label: 'Quarter' },
  { value: 'year', label: 'Year' },
  { value: 'rolling12', label: 'Rolling 12 months' },
] as const;
export type PeriodKind = (typeof PERIODS)[number]['value'];

export interface DashboardFilters {
  period: PeriodKind;
  /** The day whose period is shown (default: today, decided by the API). */
  at?: string;
  tier?: string;
  industry?: string;
  ownerPersonId?: string;
}

const KEYS = ['period', 'at', 'tier', 'industry', 'ownerPersonId'] as const;

/** Reads the filters from the query; values of the wrong shape are dropped (a stale link still opens). */
export function readFilters(query: URLSearchParams): DashboardFilters {
  const period = query.get('period');
  const at = query.get('at');
  const tier = query.get('tier');
  return {
    period: PERIODS.some((p) => p.value === period) ? (period as PeriodKind) : 'rolling12',
    at: at && /^\d{4}-\d{2}-\d{2}$/.test(at) ? at : undefined,
    tier: tier && /^[1-4]$/.test(tier) ? tier : undefined,
    industry: query.get('industry') || undefined,
    ownerPersonId: query.get('ownerPersonId') || undefined,
  };
}

/** The metrics API's query parameters for these filters (the same names as in the URL). */
export function metricsParams(filters: DashboardFilters): Record<string, string | undefined> {
  return Object.fromEntries(KEYS.map((k) => [k, filters[k]]));
}

/** '?period=quarter&tier=2' (default period left out), or ''. */
export function filtersSearch(filters: DashboardFilters): string {
  const q = new URLSearchParams();
  for (const k of KEYS) {
    const v = filters[k];
    if (v && !(k === 'period' && v === 'rolling12')) q.set(k, v);
  }
  const s = q.toString();
  return s ? `?${s}` : '';
}
