import { useRef, useState, type FormEvent } from 'react';
import { api } from '../../api/client';
import type { Role } from '../../auth/roles';
import { ErrorPanel } from '../../components/status';
import type { PersonOption, UserRow } from './admin-types';
import { generatePassword, issuesByField } from './field-errors';
import { PersonSelect } from './person-select';
import { RoleCheckboxes } from './role-checkboxes';

const FIELDS = ['email', 'name', 'password', 'roles', 'personId'] as const;

/** Creates a user (POST /users): email, name, initial password, roles, and the firm person they are. */
export function UserCreateForm({ people, users, onCreated }: { people: PersonOption[]; users: UserRow[]; onCreated: (user: UserRow) => void }) {
  const [email, setEmail] = useState('');
  const [name, setName] = useState('');
  const [password, setPassword] = useState('');
  const [roles, setRoles] = useState<Role[]>(['viewer']);
  const [personId, setPersonId] = useState('');
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<Error | null>(null);
  const [busy, setBusy] = useState(false);
  const form = useRef<HTMLFormElement>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const local: Record<string, string> = {};
    if (password && password.length < 12) local.password = 'at least 12 characters';
    if (roles.length === 0) local.roles = 'choose at least one role';
    setFieldErrors(local);
    setError(null);
    if (Object.keys(local).length > 0) return;
    setBusy(true);
    try {
      const created = await api.send<UserRow>('POST', '/users', { email: email.trim(), name: name.trim(), roles, personId: personId || null, ...(password ? { password } : {}) });
      setEmail('');
      setName('');
      setPassword('');
      setRoles(['viewer']);
      setPersonId('');
      onCreated(created);
    } catch (e) {
      const { byField, rest } = issuesByField(e, FIELDS);
      setFieldErrors(byField);
      setError(rest);
      const first = FIELDS.find((f) => byField[f]);
      if (first) form.current?.querySelector<HTMLElement>(`[name="${first}"], #new-user-${first}`)?.focus();
    } finally {
      setBusy(false);
    }
  };

  return (
    <form ref={form} className="admin-form" onSubmit={submit} aria-labelledby="new-user-title" noValidate>
      <h3 id="new-user-title">New user</h3>
      <div className="admin-form-fields">
        <div className="field">
          <label htmlFor="new-user-email">Email</label>
          <input id="new-user-email" name="email" type="email" required value={email} onChange={(e) => setEmail(e.target.value)} aria-invalid={fieldErrors.email ? true : undefined} autoComplete="off" />
          {fieldErrors.email && <span className="field-error">{fieldErrors.email}</span>}
        </div>
        <div className="field">
          <label htmlFor="new-user-name">Name</label>
          <input id="new-user-name" name="name" required value={name} onChange={(e) => setName(e.target.value)} aria-invalid={fieldErrors.name ? true : undefined} autoComplete="off" />
          {fieldErrors.name && <span className="field-error">{fieldErrors.name}</span>}
        </div>
        <div className="field">
          <label htmlFor="new-user-password">Initial password</label>
          <span className="input-with-button">
            <input id="new-user-password" name="password" value={password} onChange={(e) => setPassword(e.target.value)} aria-invalid={fieldErrors.password ? true : undefined} aria-describedby="new-user-password-hint" autoComplete="new-password" spellCheck={false} />
            <button type="button" className="secondary" onClick={() => setPassword(generatePassword())}>
              Generate
            </button>
          </span>
          <span id="new-user-password-hint" className="muted hint">
            12+ characters; hand it over privately. Empty: the user cannot sign in until one is set.
          </span>
          {fieldErrors.password && <span className="field-error">{fieldErrors.password}</span>}
        </div>
        <PersonSelect id="new-user-personId" value={personId} onChange={setPersonId} people={people} users={users} error={fieldErrors.personId} />
      </div>
      <RoleCheckboxes legend="Roles" value={roles} onChange={setRoles} error={fieldErrors.roles} />
      <div className="admin-form-actions">
        <button type="submit" disabled={busy}>
          {busy ? 'Creating…' : 'Create user'}
        </button>
      </div>
      {error && <ErrorPanel error={error} />}
    </form>
  );
}
