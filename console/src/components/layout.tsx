import type { ReactNode } from 'react';
import { Link, useLocation } from '../router';
import { session } from '../session';

const NAV = [
  { to: '/', label: 'Dashboard' },
  { to: '/accounts', label: 'Accounts' },
  { to: '/rules', label: 'Rules' },
  { to: '/inbox', label: 'Task inbox' },
];

export function Layout({ children }: { children: ReactNode }) {
  const { path } = useLocation();
  const active = (to: string) => (to === '/' ? path === '/' : path === to || path.startsWith(to + '/'));
  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <nav className="top-nav" aria-label="Main">
        <span className="brand">Retention</span>
        {NAV.map((item) => (
          <Link key={item.to} to={item.to} aria-current={active(item.to) ? 'page' : undefined}>
            {item.label}
          </Link>
        ))}
        <Link className="session" to="/settings" aria-current={active('/settings') ? 'page' : undefined}>
          {session.actor()} @ {session.tenant()}
        </Link>
      </nav>
      <main id="main">{children}</main>
    </div>
  );
}
