import { Fragment, useMemo, useState } from 'react';
import { api } from '../../api/client';
import { rolesText } from '../../auth/roles';
import { useSession } from '../../auth/session-context';
import { ErrorPanel } from '../../components/status';
import { formatDate } from '../../format';
import { Link } from '../../router';
import type { PersonOption, UserRow } from './admin-types';
import { UserCreateForm } from './user-create-form';
import { UserEditForm } from './user-edit-form';

interface Props {
  users: UserRow[];
  people: PersonOption[];
  /** The signed-in administrator's user id (they cannot disable themselves here). */
  selfId: string;
  onChanged: () => void;
}

/** The firm's users: who signs in, with which roles and person link; edit, disable or enable; create. */
export function UsersPanel({ users, people, selfId, onChanged }: Props) {
  const [editing, setEditing] = useState<string | null>(null);
  const [flash, setFlash] = useState<string | null>(null);
  const [error, setError] = useState<Error | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const { me } = useSession();
  const personName = useMemo(() => new Map(people.map((p) => [p.id, p.name])), [people]);

  const setDisabled = async (user: UserRow, disabled: boolean) => {
    setBusy(user.id);
    setError(null);
    try {
      await api.send('PATCH', `/users/${encodeURIComponent(user.id)}`, { disabled });
      setFlash(disabled ? `Disabled ${user.email}: they can no longer sign in, and their open sessions stop working.` : `Enabled ${user.email}: they can sign in again.`);
      onChanged();
    } catch (e) {
      setError(e as Error);
    } finally {
      setBusy(null);
    }
  };

  const active = users.filter((u) => !u.disabled).length;
  return (
    <section className="panel" aria-labelledby="users-title">
      <h2 id="users-title">Users</h2>
      <p className="muted">
        {users.length} user{users.length === 1 ? '' : 's'}, {active} active. People sign in with the firm id, their email and password.
      </p>
      {flash && (
        <p className="admin-flash" role="status">
          {flash}
        </p>
      )}
      {error && <ErrorPanel error={error} />}
      <table aria-label="Users">
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Email</th>
            <th scope="col">Roles</th>
            <th scope="col">Person</th>
            <th scope="col">Status</th>
            <th scope="col">Created</th>
            <th scope="col">
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {users.map((u) => {
            const isSelf = u.id === selfId;
            return (
              <Fragment key={u.id}>
                <tr className={u.disabled ? 'user-disabled' : undefined}>
                  <td>
                    {u.name}
                    {isSelf && <span className="badge">you</span>}
                  </td>
                  <td>{u.email}</td>
                  <td>{rolesText(u.roles)}</td>
                  <td>{u.personId ? <Link to={`/inbox?owner=${encodeURIComponent(u.personId)}`}>{personName.get(u.personId) ?? u.personId}</Link> : <span className="muted">—</span>}</td>
                  <td>{u.disabled ? <span className="badge high">disabled</span> : <span className="badge ok">active</span>}</td>
                  <td>{formatDate(u.createdAt)}</td>
                  <td className="admin-actions">
                    <button type="button" className="secondary" aria-expanded={editing === u.id} onClick={() => setEditing(editing === u.id ? null : u.id)}>
                      Edit
                    </button>
                    {u.disabled ? (
                      <button type="button" className="secondary" disabled={busy === u.id} onClick={() => setDisabled(u, false)}>
                        Enable
                      </button>
                    ) : (
                      <button type="button" className="secondary" disabled={busy === u.id || isSelf} title={isSelf ? 'You cannot disable yourself: ask another admin.' : undefined} onClick={() => setDisabled(u, true)}>
                        Disable
                      </button>
                    )}
                  </td>
                </tr>
                {editing === u.id && (
                  <tr className="admin-edit-row">
                    <td colSpan={7}>
                      <UserEditForm
                        user={u}
                        people={people}
                        users={users}
                        isSelf={isSelf}
                        onCancel={() => setEditing(null)}
                        onSaved={(saved) => {
                          setEditing(null);
                          setFlash(`Saved ${saved.email}. Role changes apply from ${isSelf ? 'your' : 'their'} next sign-in.`);
                          onChanged();
                        }}
                      />
                    </td>
                  </tr>
                )}
              </Fragment>
            );
          })}
        </tbody>
      </table>
      <UserCreateForm
        people={people}
        users={users}
        onCreated={(user) => {
          setFlash(`Created ${user.email} (${rolesText(user.roles)}): they sign in with firm “${me.tenantId}”, this email and the password you set.`);
          onChanged();
        }}
      />
    </section>
  );
}
