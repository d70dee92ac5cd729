import { useEffect, type ReactNode } from 'react';
import { loginPath } from '../auth/next-path';
import { rolesText, type Permission } from '../auth/roles';
import { SessionProvider, useSession } from '../auth/session-context';
import { signOut } from '../auth/sign-in';
import { useStoredSession } from '../auth/use-stored-session';
import { Link, navigate, useLocation } from '../router';
import '../auth/session.css';

/** Views in the main navigation, each shown only to roles holding the permission its data needs. */
const NAV: { to: string; label: string; permission: Permission | null }[] = [
  { to: '/', label: 'Dashboard', permission: 'metrics.read' },
  { to: '/accounts', label: 'Accounts', permission: 'accounts.read' },
  { to: '/rules', label: 'Rules', permission: 'rules.read' },
  { to: '/inbox', label: 'Task inbox', permission: null }, // everyone has tasks
  { to: '/admin', label: 'Admin', permission: 'access.manage' },
];

/** The signed-in frame: without a session every view sends to the sign-in page (and back afterwards). */
export function Layout({ children }: { children: ReactNode }) {
  const stored = useStoredSession();
  if (!stored) return <ToSignIn />;
  // Keyed by token: signing in as someone else (e.g. in another tab) asks /auth/me again.
  return (
    <SessionProvider key={stored.token} user={stored.user}>
      <Shell>{children}</Shell>
    </SessionProvider>
  );
}

function ToSignIn() {
  const { path, query } = useLocation();
  const search = query.toString();
  const target = loginPath(path + (search ? `?${search}` : '') + window.location.hash);
  useEffect(() => navigate(target, { replace: true }), [target]);
  return null;
}

function Shell({ children }: { children: ReactNode }) {
  const { path } = useLocation();
  const { user, me, can } = useSession();
  const active = (to: string) => (to === '/' ? path === '/' : path === to || path.startsWith(to + '/'));
  const nav = NAV.filter((item) => item.permission === null || can(item.permission));
  // The dashboard is firm-wide metrics: a role without them starts on the first view it can use.
  const home = path === '/' && !can('metrics.read') ? (nav[0]?.to ?? '/settings') : null;
  useEffect(() => {
    if (home) navigate(home, { replace: true });
  }, [home]);
  if (home) return null;
  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="top-bar">
        <nav className="top-nav" aria-label="Main">
          <span className="brand">Retention</span>
          {nav.map((item) => (
            <Link key={item.to} to={item.to} aria-current={active(item.to) ? 'page' : undefined}>
              {item.label}
            </Link>
          ))}
        </nav>
        <div className="session-bar" role="group" aria-label="Signed in">
          <Link to="/settings" className="session-link" aria-current={active('/settings') ? 'page' : undefined} title={`${rolesText(me.roles)} · your session`}>
            {user.name} <span className="session-firm">@ {me.tenantId ?? user.tenant}</span>
          </Link>
          <button type="button" className="sign-out" onClick={() => signOut()}>
            Sign out
          </button>
        </div>
      </header>
      <main id="main">{children}</main>
    </div>
  );
}
