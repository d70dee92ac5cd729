import { useId, useState, type FormEvent } from 'react';
import { api, ApiError } from '../../api/client';
import { ErrorPanel } from '../../components/status';
import { OWNER_ROLES, type InboxItem, type PersonRow } from './inbox-types';

export type TaskAction = 'complete' | 'reassign';
export interface ActionOutcome {
  tone: 'ok' | 'problem';
  text: string;
}

interface Props {
  task: InboxItem;
  action: TaskAction;
  people: PersonRow[];
  onCancel: () => void;
  /** Called after the server answered (success, 404 or 409): the inbox reloads from the server. */
  onDone: (outcome: ActionOutcome) => void;
}

/**
 * Complete (with an optional note) or reassign (to a person and/or role) one task. No optimistic
 * update: the list is read again from the server afterwards. A task completed or removed meanwhile
 * (409/404) is said plainly; a bad request shows the field paths in the form.
 */
export function TaskRowActions({ task, action, people, onCancel, onDone }: Props) {
  const id = useId();
  const [note, setNote] = useState('');
  const [ownerPersonId, setOwnerPersonId] = useState(task.owner?.id ?? '');
  const [ownerRole, setOwnerRole] = useState(task.ownerRole);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<Error | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      if (action === 'complete') {
        const answer = await api.send<{ play: { id: string } | null }>('POST', `/tasks/${task.id}/complete`, note.trim() ? { note: note.trim() } : {});
        onDone({ tone: 'ok', text: `Completed “${task.title}”.${answer.play ? ' Its play was told and moves on.' : ''}` });
      } else {
        await api.send('POST', `/tasks/${task.id}/reassign`, { ownerRole, ownerPersonId: ownerPersonId || null });
        const who = people.find((p) => p.id === ownerPersonId)?.name ?? 'nobody in particular';
        onDone({ tone: 'ok', text: `Reassigned “${task.title}” to ${who} (${OWNER_ROLES[ownerRole] ?? ownerRole}).` });
      }
    } catch (e) {
      setBusy(false);
      if (e instanceof ApiError && e.status === 409) onDone({ tone: 'problem', text: `“${task.title}” was already completed or cancelled by someone else; nothing changed. The list shows its current state.` });
      else if (e instanceof ApiError && e.status === 404) onDone({ tone: 'problem', text: `“${task.title}” no longer exists; nothing changed. The list was refreshed.` });
      else setError(e as Error);
    }
  };

  const label = action === 'complete' ? `Complete “${task.title}”` : `Reassign “${task.title}”`;
  return (
    <form className="task-action-form" onSubmit={submit} aria-label={label}>
      {action === 'complete' ? (
        <label>
          Completion note (optional)
          <input value={note} maxLength={2000} onChange={(e) => setNote(e.target.value)} autoFocus placeholder="what was done, what the client said" />
        </label>
      ) : (
        <>
          <div className="field">
            <label htmlFor={`${id}-owner`}>New owner</label>
            <select id={`${id}-owner`} value={ownerPersonId} onChange={(e) => setOwnerPersonId(e.target.value)} autoFocus>
              <option value="">Nobody in particular (the role's queue)</option>
              {people.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.name}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor={`${id}-role`}>Role</label>
            <select id={`${id}-role`} value={ownerRole} onChange={(e) => setOwnerRole(e.target.value)}>
              {Object.entries(OWNER_ROLES).map(([value, text]) => (
                <option key={value} value={value}>
                  {text}
                </option>
              ))}
            </select>
          </div>
        </>
      )}
      <div className="task-action-buttons">
        <button type="submit" disabled={busy}>
          {busy ? 'Working…' : action === 'complete' ? 'Mark complete' : 'Reassign task'}
        </button>
        <button type="button" className="secondary" onClick={onCancel} disabled={busy}>
          Cancel
        </button>
      </div>
      {error && <ErrorPanel error={error} />}
    </form>
  );
}
