import { ErrorPanel } from '../../components/status';
import { formatDate } from '../../format';
import { humanize } from '../accounts/account-vocabulary';
import { ScoreBadge } from '../accounts/score-badge';
import type { Account, HealthSnapshot } from './account-types';
import { useTeam } from './use-team';

/** Who the client is, where it stands (tier, stage, health) and who at the firm owns the relationship. */
export function AccountHeader({ account, health }: { account: Account; health: HealthSnapshot | null }) {
  const team = useTeam(account.id);
  const owner = team.state === 'ready' ? team.data.find((m) => m.role === 'account_lead') : undefined;
  return (
    <div className="panel account-header">
      <dl className="facts-row">
        <Fact term="Health">
          {health ? (
            <>
              <ScoreBadge score={health.score} band={health.band} /> <span className="muted">{health.band}</span>
            </>
          ) : (
            <span className="muted">not scored</span>
          )}
        </Fact>
        <Fact term="Industry">{humanize(account.industry)}</Fact>
        <Fact term="Tier">{health ? `${health.tier} · ${health.tierName}` : '—'}</Fact>
        <Fact term="Stage">{health ? `${health.stage} · ${health.stageName}` : '—'}</Fact>
        <Fact term="Status">
          {humanize(account.status)}
          {account.churnedAt && ` on ${formatDate(account.churnedAt)}`}
        </Fact>
        <Fact term="Client since">{formatDate(account.clientSince)}</Fact>
        <Fact term="Owner">{team.state === 'loading' ? '…' : (owner?.name ?? <span className="muted">no account lead</span>)}</Fact>
        {(account.segment || account.region) && <Fact term="Segment">{[account.segment, account.region].filter(Boolean).join(' · ')}</Fact>}
      </dl>
      {account.churnReason && (
        <p className="churn-note">
          Churned: {humanize(account.churnReason)}
          {account.churnNotes ? ` — ${account.churnNotes}` : ''}
        </p>
      )}
      {team.state === 'error' && <ErrorPanel error={team.error} />}
      {team.state === 'ready' && team.data.length > 0 && (
        <p className="team-line">
          <span className="muted">Team: </span>
          {team.data.map((m, i) => (
            <span key={`${m.role}-${m.personId}`}>
              {i > 0 && ' · '}
              {m.name} <span className="muted">({humanize(m.role)})</span>
            </span>
          ))}
        </p>
      )}
    </div>
  );
}

function Fact({ term, children }: { term: string; children: React.ReactNode }) {
  return (
    <div>
      <dt>{term}</dt>
      <dd>{children}</dd>
    </div>
  );
}
