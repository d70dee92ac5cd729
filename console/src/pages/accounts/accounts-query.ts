// The accounts list's search, filters, sort and page live in the URL (a filtered list is a link).
/** As GET /portfolio/accounts sorts: ascending, or descending with a leading '-'. */
export const SORTS = ['score', '-score', 'name', '-name', 'change', '-change'] as const;
export type Sort = (typeof SORTS)[number];
export const PAGE_SIZE = 50;

export interface AccountsQuery {
  search?: string;
  tier?: string;
  industry?: string;
  ownerPersonId?: string;
  status?: string;
  severity?: string;
  sort: Sort;
  page: number;
}

const FILTER_KEYS = ['search', 'tier', 'industry', 'ownerPersonId', 'status', 'severity'] as const;
export type FilterKey = (typeof FILTER_KEYS)[number];

export function readAccountsQuery(query: URLSearchParams): AccountsQuery {
  const sort = query.get('sort');
  const page = Number(query.get('page'));
  const out: AccountsQuery = { sort: SORTS.includes(sort as Sort) ? (sort as Sort) : 'score', page: Number.isInteger(page) && page > 1 ? page : 1 };
  for (const k of FILTER_KEYS) {
    const v = query.get(k);
    if (v) out[k] = v;
  }
  return out;
}

/** The console URL of this list state ('/accounts?tier=2&sort=-change'). */
export function accountsPath(q: AccountsQuery): string {
  const s = new URLSearchParams();
  for (const k of FILTER_KEYS) if (q[k]) s.set(k, q[k] as string);
  if (q.sort !== 'score') s.set('sort', q.sort);
  if (q.page > 1) s.set('page', String(q.page));
  const text = s.toString();
  return `/accounts${text ? `?${text}` : ''}`;
}

/** The API request for this list state. */
export function portfolioRequest(q: AccountsQuery): string {
  const s = new URLSearchParams();
  for (const k of FILTER_KEYS) if (q[k]) s.set(k, q[k] as string);
  s.set('sort', q.sort);
  s.set('limit', String(PAGE_SIZE));
  s.set('offset', String((q.page - 1) * PAGE_SIZE));
  return `/portfolio/accounts?${s.toString()}`;
}
