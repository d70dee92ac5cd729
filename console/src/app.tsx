import { Layout } from './components/layout';
import { matchPath, RouterProvider, useLocation } from './router';
import { DashboardPage } from './pages/dashboard/dashboard-page';
import { AccountsPage } from './pages/accounts/accounts-page';
import { AccountPage } from './pages/account/account-page';
import { RuleSetsPage } from './pages/rules/rule-sets-page';
import { RuleSetPage } from './pages/rules/rule-set-page';
import { RulesAuditPage } from './pages/rules/rules-audit-page';
import { InboxPage } from './pages/inbox/inbox-page';
import { SettingsPage } from './pages/settings-page';
import { NotFoundPage } from './pages/not-found-page';
import { LoginPage } from './pages/login/login-page';
import { AdminPage } from './pages/admin/admin-page';

type Params = Record<string, string>;
// Order matters: literal paths before parameterised ones.
const ROUTES: [string, (params: Params) => React.ReactNode][] = [
  ['/', () => <DashboardPage />],
  ['/accounts', () => <AccountsPage />],
  ['/accounts/:id', (p) => <AccountPage accountId={p.id} />],
  ['/rules', () => <RuleSetsPage />],
  ['/rules/audit', () => <RulesAuditPage />],
  ['/rules/:kind', (p) => <RuleSetPage kind={p.kind} />],
  ['/inbox', () => <InboxPage />],
  ['/settings', () => <SettingsPage />],
  ['/admin', () => <AdminPage />],
];

function CurrentView() {
  const { path } = useLocation();
  for (const [pattern, render] of ROUTES) {
    const params = matchPath(pattern, path);
    if (params) return <>{render(params)}</>;
  }
  return <NotFoundPage />;
}

/** The sign-in page stands alone; every other view is inside the signed-in layout. */
function Frame() {
  const { path } = useLocation();
  if (path === '/login') return <LoginPage />;
  return (
    <Layout>
      <CurrentView />
    </Layout>
  );
}

export function App() {
  return (
    <RouterProvider>
      <Frame />
    </RouterProvider>
  );
}
