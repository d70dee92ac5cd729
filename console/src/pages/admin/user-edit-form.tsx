import { useState, type FormEvent } from 'react';
import { api } from '../../api/client';
import type { Role } from '../../auth/roles';
import { ErrorPanel } from '../../components/status';
import type { PersonOption, UserRow } from './admin-types';
import { generatePassword, issuesByField } from './field-errors';
import { PersonSelect } from './person-select';
import { RoleCheckboxes } from './role-checkboxes';

const FIELDS = ['name', 'password', 'roles', 'personId'] as const;

interface Props {
  user: UserRow;
  people: PersonOption[];
  users: UserRow[];
  /** The signed-in administrator edits their own user: they keep the admin role (or they would lock themselves out). */
  isSelf: boolean;
  onCancel: () => void;
  onSaved: (user: UserRow) => void;
}

/** Changes a user's name, roles, person link or password (PATCH /users/:id; only what changed is sent). */
export function UserEditForm({ user, people, users, isSelf, onCancel, onSaved }: Props) {
  const [name, setName] = useState(user.name);
  const [roles, setRoles] = useState<Role[]>(user.roles);
  const [personId, setPersonId] = useState(user.personId ?? '');
  const [password, setPassword] = useState('');
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<Error | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const body: Record<string, unknown> = {};
    if (name.trim() !== user.name) body.name = name.trim();
    if ([...roles].sort().join() !== [...user.roles].sort().join()) body.roles = roles;
    if ((personId || null) !== user.personId) body.personId = personId || null;
    if (password) body.password = password;
    const local: Record<string, string> = {};
    if (password && password.length < 12) local.password = 'at least 12 characters';
    if (roles.length === 0) local.roles = 'choose at least one role';
    setFieldErrors(local);
    setError(null);
    if (Object.keys(local).length > 0) return;
    if (Object.keys(body).length === 0) return onCancel();
    setBusy(true);
    try {
      onSaved(await api.send<UserRow>('PATCH', `/users/${encodeURIComponent(user.id)}`, body));
    } catch (e) {
      const { byField, rest } = issuesByField(e, FIELDS);
      setFieldErrors(byField);
      setError(rest);
      setBusy(false);
    }
  };

  const prefix = `edit-user-${user.id}`;
  return (
    <form className="admin-form" onSubmit={submit} aria-label={`Edit ${user.email}`} noValidate>
      <div className="admin-form-fields">
        <div className="field">
          <label htmlFor={`${prefix}-name`}>Name</label>
          <input id={`${prefix}-name`} value={name} onChange={(e) => setName(e.target.value)} autoFocus aria-invalid={fieldErrors.name ? true : undefined} />
          {fieldErrors.name && <span className="field-error">{fieldErrors.name}</span>}
        </div>
        <div className="field">
          <label htmlFor={`${prefix}-password`}>New password</label>
          <span className="input-with-button">
            <input id={`${prefix}-password`} value={password} onChange={(e) => setPassword(e.target.value)} placeholder="unchanged" autoComplete="new-password" spellCheck={false} aria-invalid={fieldErrors.password ? true : undefined} />
            <button type="button" className="secondary" onClick={() => setPassword(generatePassword())}>
              Generate
            </button>
          </span>
          {fieldErrors.password && <span className="field-error">{fieldErrors.password}</span>}
        </div>
        <PersonSelect id={`${prefix}-person`} value={personId} onChange={setPersonId} people={people} users={users} self={user.id} error={fieldErrors.personId} />
      </div>
      <RoleCheckboxes legend="Roles" value={roles} onChange={setRoles} error={fieldErrors.roles} locked={isSelf ? { role: 'admin', reason: 'your own admin role: another admin can remove it' } : undefined} />
      <div className="admin-form-actions">
        <button type="submit" disabled={busy}>
          {busy ? 'Saving…' : 'Save changes'}
        </button>
        <button type="button" className="secondary" onClick={onCancel} disabled={busy}>
          Cancel
        </button>
      </div>
      {error && <ErrorPanel error={error} />}
    </form>
  );
}
