import { useApi } from '../../api/use-api';
import { ErrorPanel, Loading } from '../../components/status';
import { formatDate } from '../../format';
import { Link } from '../../router';
import { humanize } from '../accounts/account-vocabulary';
import type { InboxItem, List } from './account-types';
import { Section } from './section';

/** Unfinished tasks for this account, soonest due first (from the task inbox). */
export function OpenTasks({ accountId }: { accountId: string }) {
  const tasks = useApi<List<InboxItem>>(`/inbox?accountId=${encodeURIComponent(accountId)}&status=open&limit=100`);
  return (
    <Section title="Open tasks" actions={<Link to={`/inbox?accountId=${encodeURIComponent(accountId)}`}>Open in the task inbox</Link>}>
      {tasks.state === 'loading' && <Loading what="tasks" />}
      {tasks.state === 'error' && <ErrorPanel error={tasks.error} onRetry={tasks.reload} />}
      {tasks.state === 'ready' &&
        (tasks.data.items.length === 0 ? (
          <p className="muted">No open tasks.</p>
        ) : (
          <table>
            <caption className="visually-hidden">Open tasks of the account</caption>
            <thead>
              <tr>
                <th scope="col">Task</th>
                <th scope="col">Owner</th>
                <th scope="col">Due</th>
                <th scope="col">From</th>
              </tr>
            </thead>
            <tbody>
              {tasks.data.items.map((t) => (
                <tr key={t.id}>
                  <td>
                    <span className="task-title">{t.title}</span>
                    {t.description && <div className="muted small">{t.description}</div>}
                  </td>
                  <td>
                    {t.owner?.name ?? <span className="muted">unassigned</span>} <span className="muted">({humanize(t.ownerRole)})</span>
                  </td>
                  <td className={t.overdue ? 'overdue' : undefined}>
                    {formatDate(t.dueOn)}
                    {t.overdue && <strong> · overdue</strong>}
                  </td>
                  <td>{t.play ? <a href={`#play-${t.play.id}`}>{humanize(t.play.play)} play</a> : humanize(t.source)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ))}
    </Section>
  );
}
