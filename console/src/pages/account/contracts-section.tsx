import { useApi } from '../../api/use-api';
import { ErrorPanel, Loading } from '../../components/status';
import { formatDate, formatMoney } from '../../format';
import { humanize } from '../accounts/account-vocabulary';
import type { Contract, List } from './account-types';
import { Section } from './section';

const DAY = 86_400_000;
/** Renewal planning starts 180 days before a contract ends (DOMAIN.md §8). */
const LEAD_DAYS = 180;

/** Contracts with value and renewal dates; those ending within 180 days are highlighted. */
export function ContractsSection({ accountId }: { accountId: string }) {
  const list = useApi<List<Contract>>(`/contracts?accountId=${encodeURIComponent(accountId)}&limit=500`);
  return (
    <Section title="Contracts">
      {list.state === 'loading' && <Loading what="contracts" />}
      {list.state === 'error' && <ErrorPanel error={list.error} onRetry={list.reload} />}
      {list.state === 'ready' && (list.data.items.length === 0 ? <p className="muted">No contracts.</p> : <ContractsTable contracts={list.data.items} />)}
    </Section>
  );
}

function ContractsTable({ contracts }: { contracts: Contract[] }) {
  const today = Date.parse(new Date().toISOString().slice(0, 10) + 'T00:00:00Z');
  const daysLeft = (c: Contract) => (c.endDate ? Math.round((Date.parse(`${c.endDate}T00:00:00Z`) - today) / DAY) : null);
  // Running and upcoming contracts first (soonest end first), then ended ones (latest first).
  const sorted = [...contracts].sort((a, b) => {
    const da = daysLeft(a) ?? Infinity;
    const db = daysLeft(b) ?? Infinity;
    if (da >= 0 !== db >= 0) return da >= 0 ? -1 : 1;
    return da >= 0 ? da - db : db - da;
  });
  return (
    <table className="contracts-table">
      <caption className="visually-hidden">Contracts of the account</caption>
      <thead>
        <tr>
          <th scope="col">Contract</th>
          <th scope="col">Kind</th>
          <th scope="col" className="num">
            Value
          </th>
          <th scope="col" className="num">
            Annual value
          </th>
          <th scope="col">Start</th>
          <th scope="col">End</th>
          <th scope="col">Renewal</th>
        </tr>
      </thead>
      <tbody>
        {sorted.map((c) => {
          const left = daysLeft(c);
          const soon = left !== null && left >= 0 && left <= LEAD_DAYS;
          return (
            <tr key={c.id} className={soon ? 'renewal-soon' : undefined}>
              <td>{c.title}</td>
              <td>{humanize(c.kind)}</td>
              <td className="num">
                {formatMoney(c.value)} {c.currency !== 'USD' ? c.currency : ''}
              </td>
              <td className="num">{formatMoney(c.annualValue)}</td>
              <td>{formatDate(c.startDate)}</td>
              <td>
                {c.endDate ? formatDate(c.endDate) : 'open-ended'}
                {soon && <strong className="soon"> · ends in {left} days</strong>}
              </td>
              <td>
                {humanize(c.renewalStatus)}
                {c.autoRenew && <span className="muted"> · auto-renews</span>}
                {c.noticePeriodDays > 0 && <span className="muted"> · {c.noticePeriodDays}-day notice</span>}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
