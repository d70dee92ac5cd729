import { useId } from 'react';
import { navigate } from '../../router';
import { EVERYONE, inboxPath, rememberedOwner, type InboxFilters as Filters } from './inbox-query';
import { OWNER_ROLES, STATUSES, type PersonRow } from './inbox-types';

/** Who I am (remembered) and which of my tasks to show; every change is a new URL (replace, not push). */
export function InboxFilters({ filters, people }: { filters: Filters; people: PersonRow[] }) {
  const id = useId();
  const set = (change: Partial<Filters>) => navigate(inboxPath({ ...filters, page: 1, ...change }), { replace: true });
  return (
    <form className="inbox-filters" role="search" aria-label="Filter tasks" onSubmit={(e) => e.preventDefault()}>
      <div className="field">
        <label htmlFor={`${id}-owner`}>I am</label>
        <select id={`${id}-owner`}
          value={filters.owner}
          onChange={(e) => {
            rememberedOwner.set(e.target.value);
            set({ owner: e.target.value });
          }}
        >
          {filters.owner === '' && <option value="">Choose yourself…</option>}
          <option value={EVERYONE}>Everyone (all owners)</option>
          {people.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-status`}>Status</label>
        <select id={`${id}-status`} value={filters.status} onChange={(e) => set({ status: e.target.value })}>
          {Object.entries(STATUSES).map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-role`}>Role</label>
        <select id={`${id}-role`} value={filters.role} onChange={(e) => set({ role: e.target.value })}>
          <option value="">Any role</option>
          {Object.entries(OWNER_ROLES).map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </select>
      </div>
      <label className="inbox-check">
        <input type="checkbox" checked={filters.overdue} onChange={(e) => set({ overdue: e.target.checked })} />
        Overdue only
      </label>
    </form>
  );
}
