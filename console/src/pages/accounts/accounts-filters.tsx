import { useEffect, useState, type FormEvent } from 'react';
import { useApi } from '../../api/use-api';
import { navigate } from '../../router';
import { ACCOUNT_STATUSES, humanize, INDUSTRIES, SEVERITIES, TIERS } from './account-vocabulary';
import { accountsPath, type AccountsQuery, type FilterKey } from './accounts-query';

interface Person {
  id: string;
  name: string;
}

/** Search (applied as you type, after a pause, or on Enter) and the segment filters. */
export function AccountsFilters({ query }: { query: AccountsQuery }) {
  const people = useApi<{ items: Person[] }>('/people?limit=500');
  const [search, setSearch] = useState(query.search ?? '');
  const apply = (patch: Partial<AccountsQuery>) => navigate(accountsPath({ ...query, ...patch, page: 1 }), { replace: true });

  useEffect(() => setSearch(query.search ?? ''), [query.search]); // back/forward and shared links
  // Typing filters after a short pause; the URL (not each keystroke) drives the request.
  useEffect(() => {
    if ((query.search ?? '') === search) return;
    const timer = setTimeout(() => apply({ search: search || undefined }), 300);
    return () => clearTimeout(timer);
  }, [search]); // eslint-disable-line react-hooks/exhaustive-deps

  const submit = (event: FormEvent) => {
    event.preventDefault();
    apply({ search: search || undefined });
  };
  const select = (key: FilterKey, label: string, options: { value: string; label: string }[], all: string) => (
    <label>
      {label}
      <select value={query[key] ?? ''} onChange={(e) => apply({ [key]: e.target.value || undefined })}>
        <option value="">{all}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </label>
  );
  const owners = people.state === 'ready' ? [...people.data.items].sort((a, b) => a.name.localeCompare(b.name)) : [];
  return (
    <form className="accounts-filters" role="search" aria-label="Find accounts" onSubmit={submit}>
      <label>
        Search
        <input type="search" value={search} placeholder="Account name" onChange={(e) => setSearch(e.target.value)} />
      </label>
      {select('tier', 'Tier', TIERS.map((t) => ({ value: String(t.tier), label: `${t.tier} · ${t.name}` })), 'All tiers')}
      {select('industry', 'Industry', INDUSTRIES.map((i) => ({ value: i, label: humanize(i) })), 'All industries')}
      {select('severity', 'Severity', SEVERITIES.map((s) => ({ value: s, label: humanize(s) })), 'Any severity')}
      {select('status', 'Status', ACCOUNT_STATUSES.map((s) => ({ value: s, label: humanize(s) })), 'Any status')}
      {select('ownerPersonId', 'Owner', owners.map((p) => ({ value: p.id, label: p.name })), people.state === 'error' ? 'All owners (people failed to load)' : 'All owners')}
      <button type="submit">Search</button>
    </form>
  );
}
