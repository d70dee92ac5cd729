import { Fragment, useState } from 'react';
import { useSession } from '../../auth/session-context';
import { formatDate, formatDateTime } from '../../format';
import { Link } from '../../router';
import { playLabel, roleLabel, sourceLabel, type InboxItem, type PersonRow } from './inbox-types';
import { TaskRowActions, type ActionOutcome, type TaskAction } from './task-row-actions';

const DAY = 86_400_000;
const daysLate = (dueOn: string) => Math.floor((Date.now() - Date.parse(`${dueOn}T00:00:00Z`)) / DAY);
const unfinished = (t: InboxItem) => t.status === 'open' || t.status === 'in_progress';

/** The tasks, soonest due first; overdue ones stand out. Each open task can be completed or reassigned in place. */
export function InboxList({ items, people, onDone }: { items: InboxItem[]; people: PersonRow[]; onDone: (outcome: ActionOutcome) => void }) {
  const [open, setOpen] = useState<{ id: string; action: TaskAction } | null>(null);
  const mayAct = useSession().can('tasks.act'); // without it the page says why (inbox-page)
  return (
    <table className="inbox-table" aria-label="Tasks">
      <thead>
        <tr>
          <th scope="col">Due</th>
          <th scope="col">Task</th>
          <th scope="col">Account</th>
          <th scope="col">Play</th>
          <th scope="col">Owner</th>
          <th scope="col">Status</th>
          <th scope="col">
            <span className="visually-hidden">Actions</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {items.map((t) => (
          <Fragment key={t.id}>
            <tr className={t.overdue ? 'task-overdue' : undefined}>
              <td className="task-due">
                {formatDate(t.dueOn)}
                {t.overdue && t.dueOn && <span className="badge high">overdue {daysLate(t.dueOn)} d</span>}
              </td>
              <td>
                <span className="task-title">{t.title}</span>
                {t.description && <span className="task-description muted">{t.description}</span>}
                <span className="badge">{sourceLabel(t.source)}</span>
              </td>
              <td>
                {t.account ? (
                  <>
                    <Link to={`/accounts/${encodeURIComponent(t.account.id)}`}>{t.account.name}</Link>
                    {t.account.tier !== null && <span className="muted"> · tier {t.account.tier}</span>}
                  </>
                ) : (
                  <span className="muted">—</span>
                )}
              </td>
              <td>
                {t.play && t.account ? (
                  <>
                    <Link to={`/accounts/${encodeURIComponent(t.account.id)}#play-${t.play.id}`}>{playLabel(t.play.play)}</Link>
                    <span className="muted"> · {t.play.status}</span>
                  </>
                ) : (
                  <span className="muted">—</span>
                )}
              </td>
              <td>
                {t.owner?.name ?? <span className="muted">nobody yet</span>}
                <span className="muted task-role">{roleLabel(t.ownerRole)}</span>
              </td>
              <td>
                {t.status === 'done' ? `completed ${formatDateTime(t.completedAt)}` : t.status.replace('_', ' ')}
              </td>
              <td className="task-actions">
                {mayAct && unfinished(t) && (
                  <>
                    <button type="button" aria-expanded={open?.id === t.id && open.action === 'complete'} onClick={() => setOpen({ id: t.id, action: 'complete' })}>
                      Complete
                    </button>
                    <button type="button" className="secondary" aria-expanded={open?.id === t.id && open.action === 'reassign'} onClick={() => setOpen({ id: t.id, action: 'reassign' })}>
                      Reassign
                    </button>
                  </>
                )}
              </td>
            </tr>
            {open?.id === t.id && (
              <tr className="task-action-row">
                <td colSpan={7}>
                  <TaskRowActions
                    key={open.action}
                    task={t}
                    action={open.action}
                    people={people}
                    onCancel={() => setOpen(null)}
                    onDone={(outcome) => {
                      setOpen(null);
                      onDone(outcome);
                    }}
                  />
                </td>
              </tr>
            )}
          </Fragment>
        ))}
      </tbody>
    </table>
  );
}
