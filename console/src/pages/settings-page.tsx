import { useApi } from '../api/use-api';
import { PERMISSION_LABELS } from '../auth/permission-labels';
import { ROLE_HINTS, ROLE_LABELS } from '../auth/roles';
import { useSession } from '../auth/session-context';
import { signOut } from '../auth/sign-in';
import { Page } from '../components/page';
import { ErrorPanel, Loading } from '../components/status';
import { formatDateTime } from '../format';
import { Link } from '../router';
import { session } from '../session';

/** `/settings`: who you are signed in as, in which firm, with which roles and what they allow; sign out. */
export function SettingsPage() {
  const { user, me } = useSession();
  const expiresAt = session.current()?.expiresAt;
  return (
    <Page
      title="Your session"
      actions={
        <button type="button" onClick={() => signOut()}>
          Sign out
        </button>
      }
    >
      <div className="grid">
        <section className="panel" aria-labelledby="who-title">
          <h2 id="who-title">Signed in as</h2>
          <dl className="session-facts">
            <dt>Name</dt>
            <dd>{me.name}</dd>
            <dt>Email</dt>
            <dd>{user.email}</dd>
            <dt>Firm</dt>
            <dd>{me.tenantId ?? user.tenant}</dd>
            <dt>Person in the firm</dt>
            <dd>{me.personId ? <LinkedPerson personId={me.personId} /> : <span className="muted">not linked: tasks are not routed to you by name</span>}</dd>
            <dt>Session ends</dt>
            <dd>{expiresAt ? formatDateTime(expiresAt) : <span className="muted">when the service says so</span>}</dd>
          </dl>
        </section>
        <section className="panel" aria-labelledby="roles-title">
          <h2 id="roles-title">Roles</h2>
          <ul>
            {me.roles.map((role) => (
              <li key={role}>
                <strong>{ROLE_LABELS[role] ?? role}</strong> <span className="muted">— {ROLE_HINTS[role]}</span>
              </li>
            ))}
          </ul>
          <p className="muted">Roles are given by your firm's administrator.</p>
        </section>
      </div>
      <section className="panel" aria-labelledby="can-title">
        <h2 id="can-title">What you can do</h2>
        <ul className="permission-list">
          {me.permissions.map((p) => (
            <li key={p}>
              {PERMISSION_LABELS[p] ?? p} <code className="muted">{p}</code>
            </li>
          ))}
        </ul>
      </section>
    </Page>
  );
}

function LinkedPerson({ personId }: { personId: string }) {
  const person = useApi<{ id: string; name: string; title?: string | null }>(`/people/${encodeURIComponent(personId)}`);
  if (person.state === 'loading') return <Loading what="your person record" />;
  if (person.state === 'error') return <ErrorPanel error={person.error} onRetry={person.reload} />;
  return (
    <>
      {person.data.name} · <Link to={`/inbox?owner=${encodeURIComponent(person.data.id)}`}>your tasks</Link>
    </>
  );
}
