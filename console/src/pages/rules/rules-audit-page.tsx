import { useId } from 'react';
import { query as toQuery } from '../../api/client';
import { useApi } from '../../api/use-api';
import { Page } from '../../components/page';
import { ErrorPanel, Loading } from '../../components/status';
import { Link, navigate, useLocation } from '../../router';
import { AuditTable } from './audit-table';
import { AUDIT_ACTION_LABELS, type AuditEntry, type RuleSetSummary } from './rule-types';
import './rules.css';

const LIMITS = ['100', '500'];

/**
 * `/rules/audit`: the append-only audit log of rule authoring. Filtered by rule set on the server;
 * by actor and action among the loaded entries. Filters live in the URL (shareable).
 */
export function RulesAuditPage() {
  const { query } = useLocation();
  const id = useId();
  const filters = { kind: query.get('kind') ?? '', actor: query.get('actor') ?? '', action: query.get('action') ?? '', limit: LIMITS.includes(query.get('limit') ?? '') ? query.get('limit')! : '100' };
  const overview = useApi<{ ruleSets: RuleSetSummary[] }>('/rule-sets');
  const audit = useApi<{ items: AuditEntry[] }>(`/rule-sets/audit${toQuery({ kind: filters.kind, limit: filters.limit })}`);
  const set = (key: keyof typeof filters, value: string) => navigate(`/rules/audit${toQuery({ ...filters, limit: filters.limit === '100' ? '' : filters.limit, [key]: value })}`, { replace: true });
  const actor = filters.actor.trim().toLowerCase();
  const entries = (audit.data?.items ?? []).filter((e) => (!actor || e.actor.toLowerCase().includes(actor)) && (!filters.action || e.action === filters.action));
  const kinds = overview.data?.ruleSets.map((r) => r.kind) ?? (filters.kind ? [filters.kind] : []);
  return (
    <Page title="Rules audit log" actions={<Link to="/rules">All rule sets</Link>}>
      <form className="audit-filters" role="search" aria-label="Filter the audit log" onSubmit={(e) => e.preventDefault()}>
        <div className="field">
          <label htmlFor={`${id}-kind`}>Rule set</label>
          <select id={`${id}-kind`} value={filters.kind} onChange={(e) => set('kind', e.target.value)}>
            <option value="">All rule sets</option>
            {kinds.map((k) => (
              <option key={k} value={k}>
                {k}
              </option>
            ))}
          </select>
        </div>
        <label>
          Actor
          <input type="search" value={filters.actor} placeholder="name contains…" onChange={(e) => set('actor', e.target.value)} />
        </label>
        <div className="field">
          <label htmlFor={`${id}-action`}>Action</label>
          <select id={`${id}-action`} value={filters.action} onChange={(e) => set('action', e.target.value)}>
            <option value="">All actions</option>
            {Object.entries(AUDIT_ACTION_LABELS).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-limit`}>Latest</label>
          <select id={`${id}-limit`} value={filters.limit} onChange={(e) => set('limit', e.target.value)}>
            {LIMITS.map((l) => (
              <option key={l} value={l}>
                {l} entries
              </option>
            ))}
          </select>
        </div>
      </form>
      {overview.state === 'error' && <ErrorPanel error={overview.error} onRetry={overview.reload} />}
      {audit.state === 'loading' && <Loading what="audit log" />}
      {audit.state === 'error' && <ErrorPanel error={audit.error} onRetry={audit.reload} />}
      {audit.state === 'ready' && (
        <section className="panel" aria-label="Audit entries">
          <p className="muted" role="status">
            {entries.length} of the latest {audit.data.items.length} entr{audit.data.items.length === 1 ? 'y' : 'ies'}
            {filters.kind ? ` of ${filters.kind}` : ''}
            {actor || filters.action ? ' match the filters' : ''}. Entries are never changed or deleted.
          </p>
          {entries.length > 0 && <AuditTable entries={entries} />}
        </section>
      )}
    </Page>
  );
}
