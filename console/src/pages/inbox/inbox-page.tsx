import { useEffect, useMemo, useState } from 'react';
import { useApi } from '../../api/use-api';
import { NotAllowed } from '../../auth/not-allowed';
import { useSession } from '../../auth/session-context';
import { Page } from '../../components/page';
import { ErrorPanel, Loading } from '../../components/status';
import { navigate, useLocation } from '../../router';
import { InboxFilters } from './inbox-filters';
import { InboxList } from './inbox-list';
import { EVERYONE, inboxPath, inboxRequest, PAGE_SIZE, readInboxFilters, rememberedOwner } from './inbox-query';
import type { InboxPage as InboxAnswer, PersonRow } from './inbox-types';
import type { ActionOutcome } from './task-row-actions';
import './inbox.css';

/** `/inbox`: a person's tasks from plays and escalations; complete or reassign them. */
export function InboxPage() {
  const { query } = useLocation();
  const fromUrl = readInboxFilters(query);
  const { me: principal, can } = useSession();
  // The person chosen last time, else the signed-in user's own person, unless the link names someone (the URL is then completed to match).
  const remembered = rememberedOwner.get() || principal.personId || '';
  const filters = fromUrl.owner === '' && remembered ? { ...fromUrl, owner: remembered } : fromUrl;
  const people = useApi<{ items: PersonRow[] }>('/people?limit=500');
  const tasks = useApi<InboxAnswer>(inboxRequest(filters));
  const [outcome, setOutcome] = useState<ActionOutcome | null>(null);
  const sorted = useMemo(() => [...(people.data?.items ?? [])].sort((a, b) => a.name.localeCompare(b.name)), [people.data]);

  const completeUrl = fromUrl.owner === '' && filters.owner !== '' ? inboxPath(filters) : null;
  useEffect(() => {
    if (completeUrl) navigate(completeUrl, { replace: true });
  }, [completeUrl]);

  const me = sorted.find((p) => p.id === filters.owner);
  const unknownOwner = people.state === 'ready' && filters.owner !== '' && filters.owner !== EVERYONE && !me;
  const title = me ? `Task inbox: ${me.name}` : 'Task inbox';
  const go = (page: number) => navigate(inboxPath({ ...filters, page }));
  return (
    <Page title={title}>
      {people.state === 'loading' && <Loading what="people" />}
      {people.state === 'error' && <ErrorPanel error={people.error} onRetry={people.reload} />}
      {people.state === 'ready' && <InboxFilters filters={filters} people={sorted} />}
      {filters.owner === '' && people.state === 'ready' && <p className="muted">Choose yourself above to see your own tasks; until then everyone's are shown.</p>}
      {unknownOwner && <p className="error-panel">No person with id {filters.owner} in this firm: choose yourself again.</p>}
      {!can('tasks.act') && <NotAllowed permission="tasks.act" what="Completing and reassigning tasks" needs="a Partner, Account manager, Program owner or Admin role" />}
      {outcome && (
        <div className={outcome.tone === 'ok' ? 'inbox-flash ok' : 'inbox-flash problem'} role={outcome.tone === 'ok' ? 'status' : 'alert'}>
          {outcome.text}{' '}
          <button type="button" className="link-button" onClick={() => setOutcome(null)}>
            Dismiss
          </button>
        </div>
      )}
      {tasks.state === 'loading' && <Loading what="tasks" />}
      {tasks.state === 'error' && <ErrorPanel error={tasks.error} onRetry={tasks.reload} />}
      {tasks.state === 'ready' && (
        <section className="panel" aria-label="Task list">
          <p className="muted" aria-live="polite">
            {tasks.data.total === 0
              ? 'Nothing here: no task matches.'
              : `${(filters.page - 1) * PAGE_SIZE + 1}–${Math.min(filters.page * PAGE_SIZE, tasks.data.total)} of ${tasks.data.total} task${tasks.data.total === 1 ? '' : 's'}, soonest due first`}
          </p>
          {tasks.data.items.length > 0 && (
            <InboxList
              items={tasks.data.items}
              people={sorted}
              onDone={(o) => {
                setOutcome(o);
                tasks.reload();
              }}
            />
          )}
          {tasks.data.total > PAGE_SIZE && (
            <nav className="inbox-pager" aria-label="Pages">
              <button type="button" className="secondary" disabled={filters.page <= 1} onClick={() => go(filters.page - 1)}>
                Previous page
              </button>
              <span>
                Page {filters.page} of {Math.ceil(tasks.data.total / PAGE_SIZE)}
              </span>
              <button type="button" className="secondary" disabled={filters.page * PAGE_SIZE >= tasks.data.total} onClick={() => go(filters.page + 1)}>
                Next page
              </button>
            </nav>
          )}
        </section>
      )}
    </Page>
  );
}
