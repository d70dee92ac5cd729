import { useApi } from '../../api/use-api';
import { navigate } from '../../router';
import { humanize, INDUSTRIES, TIERS } from '../accounts/account-vocabulary';
import type { Person } from './dashboard-types';
import { filtersSearch, PERIODS, type DashboardFilters, type PeriodKind } from './dashboard-filters';

/** Period and segment selectors; every change rewrites the URL (replace: filters are not history steps). */
export function FilterBar({ filters }: { filters: DashboardFilters }) {
  const people = useApi<{ items: Person[] }>('/people?limit=500');
  const set = (patch: Partial<DashboardFilters>) => navigate(`/${filtersSearch({ ...filters, ...patch })}`, { replace: true });
  const owners = people.state === 'ready' ? [...people.data.items].sort((a, b) => a.name.localeCompare(b.name)) : [];
  const filtered = filters.tier || filters.industry || filters.ownerPersonId || filters.at || filters.period !== 'rolling12';
  return (
    <form className="dashboard-filters" aria-label="Dashboard filters" onSubmit={(e) => e.preventDefault()}>
      <label>
        Period
        <select value={filters.period} onChange={(e) => set({ period: e.target.value as PeriodKind })}>
          {PERIODS.map((p) => (
            <option key={p.value} value={p.value}>
              {p.label}
            </option>
          ))}
        </select>
      </label>
      <label>
        As of
        <input type="date" max={new Date().toISOString().slice(0, 10)} value={filters.at ?? ''} onChange={(e) => set({ at: e.target.value || undefined })} />
      </label>
      <label>
        Tier
        <select value={filters.tier ?? ''} onChange={(e) => set({ tier: e.target.value || undefined })}>
          <option value="">All tiers</option>
          {TIERS.map((t) => (
            <option key={t.tier} value={String(t.tier)}>
              {t.tier} · {t.name}
            </option>
          ))}
        </select>
      </label>
      <label>
        Industry
        <select value={filters.industry ?? ''} onChange={(e) => set({ industry: e.target.value || undefined })}>
          <option value="">All industries</option>
          {INDUSTRIES.map((i) => (
            <option key={i} value={i}>
              {humanize(i)}
            </option>
          ))}
        </select>
      </label>
      <label>
        Owner
        <select value={filters.ownerPersonId ?? ''} onChange={(e) => set({ ownerPersonId: e.target.value || undefined })} disabled={people.state === 'loading'}>
          <option value="">{people.state === 'error' ? 'All owners (people failed to load)' : 'All owners'}</option>
          {owners.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </select>
      </label>
      {filtered && (
        <button type="button" className="secondary" onClick={() => navigate('/', { replace: true })}>
          Clear filters
        </button>
      )}
    </form>
  );
}
