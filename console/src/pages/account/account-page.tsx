import { ApiError } from '../../api/client';
import { useApi } from '../../api/use-api';
import { Page } from '../../components/page';
import { ErrorPanel, Loading } from '../../components/status';
import { Link } from '../../router';
import type { Account, HealthSnapshot, HistoryItem } from './account-types';
import { AccountHeader } from './account-header';
import { ContractsSection } from './contracts-section';
import { HealthComponents } from './health-components';
import { NoSuchAccount } from './no-such-account';
import { OpenTasks } from './open-tasks';
import { PlaysSection } from './plays-section';
import { RuleVersions } from './rule-versions';
import { ScoreHistory } from './score-history';
import { SignalsSection } from './signals-section';
import { StakeholderMap } from './stakeholder-map';
import './account.css';

/** Everything about one client: health and why, people, plays, tasks, contracts. */
export function AccountPage({ accountId }: { accountId: string }) {
  const account = useApi<Account>(`/accounts/${encodeURIComponent(accountId)}`);
  if (account.state === 'loading') return <Page title="Account"><Loading what="the account" /></Page>;
  if (account.state === 'error') {
    if (account.error instanceof ApiError && account.error.status === 404) return <NoSuchAccount accountId={accountId} />;
    return (
      <Page title="Account">
        <ErrorPanel error={account.error} onRetry={account.reload} />
      </Page>
    );
  }
  // Keyed by id: moving to another account starts its sections afresh instead of showing the previous one's data.
  return <AccountView key={account.data.id} account={account.data} />;
}

function AccountView({ account }: { account: Account }) {
  const id = encodeURIComponent(account.id);
  // History first: an account without snapshots (churned, not yet scored) has no current health to ask for.
  const history = useApi<{ items: HistoryItem[] }>(`/accounts/${id}/health/history?limit=200`);
  const scored = history.state === 'ready' && history.data.items.length > 0;
  const health = useApi<HealthSnapshot>(scored ? `/accounts/${id}/health` : null);
  const current = scored && health.state === 'ready' ? health.data : null;
  return (
    <Page title={account.name} actions={<Link to="/accounts">All accounts</Link>}>
      <AccountHeader account={account} health={current} />
      {history.state === 'loading' && <Loading what="health history" />}
      {history.state === 'error' && <ErrorPanel error={history.error} onRetry={history.reload} />}
      {history.state === 'ready' && <ScoreHistory history={history.data.items} />}
      {scored && health.state === 'loading' && <Loading what="current health" />}
      {scored && health.state === 'error' && <ErrorPanel error={health.error} onRetry={health.reload} />}
      {current && history.state === 'ready' && (
        <div className="account-columns">
          <HealthComponents components={current.components} />
          <div>
            <SignalsSection signals={current.signals} />
            <RuleVersions versions={current.ruleVersions} history={history.data.items} />
          </div>
        </div>
      )}
      <StakeholderMap accountId={account.id} />
      <div className="account-columns">
        <PlaysSection accountId={account.id} />
        <OpenTasks accountId={account.id} />
      </div>
      <ContractsSection accountId={account.id} />
    </Page>
  );
}
