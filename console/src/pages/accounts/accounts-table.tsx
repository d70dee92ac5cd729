import { formatDate, formatMoney } from '../../format';
import { Link, navigate } from '../../router';
import { humanize, TIERS } from './account-vocabulary';
import { accountsPath, type AccountsQuery, type Sort } from './accounts-query';
import type { PortfolioAccount } from './portfolio-types';
import { ScoreBadge } from './score-badge';
import { ScoreChange } from './score-change';

const DAY = 86_400_000;

/** The portfolio as a dense table; three columns sort (the API sorts, so paging stays right). */
export function AccountsTable({ items, query }: { items: PortfolioAccount[]; query: AccountsQuery }) {
  // A header sorts by its first direction (worst scores, biggest drops, A to Z first); again flips it.
  const header = (label: string, first: Sort, second: Sort, className?: string) => {
    const state = query.sort === first ? first : query.sort === second ? second : null;
    const ariaSort = state === null ? 'none' : state.startsWith('-') ? 'descending' : 'ascending';
    return (
      <th scope="col" className={className} aria-sort={ariaSort}>
        <button type="button" className="sort" onClick={() => navigate(accountsPath({ ...query, sort: state === first ? second : first, page: 1 }), { replace: true })}>
          {label} {ariaSort === 'descending' ? '▼' : ariaSort === 'ascending' ? '▲' : ''}
        </button>
      </th>
    );
  };
  const today = Date.now();
  return (
    <table className="accounts-table">
      <caption className="visually-hidden">Accounts</caption>
      <thead>
        <tr>
          {header('Name', 'name', '-name')}
          <th scope="col">Industry</th>
          <th scope="col">Tier</th>
          {header('Score', 'score', '-score', 'num')}
          {header('30-day change', 'change', '-change', 'num')}
          <th scope="col">Severity</th>
          <th scope="col" className="num">
            Signals
          </th>
          <th scope="col">Owner</th>
          <th scope="col">Next renewal</th>
          <th scope="col" className="num">
            Annual value
          </th>
          <th scope="col">Status</th>
        </tr>
      </thead>
      <tbody>
        {items.map((a) => {
          const renewalSoon = a.nextRenewalOn !== null && Date.parse(`${a.nextRenewalOn}T00:00:00Z`) - today <= 90 * DAY;
          return (
            <tr key={a.id}>
              <td className="name">
                <Link to={`/accounts/${a.id}`}>{a.name}</Link>
              </td>
              <td>{humanize(a.industry)}</td>
              <td title={a.tier ? TIERS.find((t) => t.tier === a.tier)?.name : undefined}>{a.tier ?? '—'}</td>
              <td className="num">
                <ScoreBadge score={a.score} band={a.band} />
              </td>
              <td className="num">
                <ScoreChange change={a.change30d} />
              </td>
              <td>{a.severity ? <span className={`badge ${a.severity}`}>{a.severity}</span> : <span className="muted">none</span>}</td>
              <td className="num">
                {a.signalCount}
                {a.criticalSignalCount > 0 && <span className="muted"> ({a.criticalSignalCount} critical)</span>}
              </td>
              <td>{a.owner?.name ?? <span className="muted">unassigned</span>}</td>
              <td className={renewalSoon ? 'soon' : undefined}>{formatDate(a.nextRenewalOn)}</td>
              <td className="num">{formatMoney(a.annualValue)}</td>
              <td>{humanize(a.status)}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
