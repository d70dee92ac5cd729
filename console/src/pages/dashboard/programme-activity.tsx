import { BarList } from '../../components/charts/bar-list';
import { formatMoney, formatNumber } from '../../format';
import { humanize } from '../accounts/account-vocabulary';
import type { DashboardData } from './dashboard-types';

/** What the retention programme is doing (plays in flight) and why clients left (top churn reasons). */
export function ProgrammeActivity({ data }: { data: DashboardData }) {
  return (
    <div className="grid">
      <section className="panel" aria-labelledby="plays-title">
        <h2 id="plays-title">Plays in flight</h2>
        {data.playsInFlight.length === 0 ? (
          <p className="muted">No plays running.</p>
        ) : (
          <BarList
            caption="Running plays by kind"
            valueHeading="Running"
            format={formatNumber}
            items={[...data.playsInFlight].sort((a, b) => b.running - a.running).map((p) => ({ key: p.play, label: humanize(p.play), value: p.running }))}
          />
        )}
      </section>
      <section className="panel" aria-labelledby="churn-title">
        <h2 id="churn-title">Top churn reasons</h2>
        {data.topChurnReasons.length === 0 ? (
          <p className="muted">No churn in this period.</p>
        ) : (
          <BarList
            caption="Churned accounts by reason, with the revenue lost"
            valueHeading="Accounts"
            detailHeading="Revenue"
            format={formatNumber}
            items={data.topChurnReasons.map((r) => ({ key: r.reason, label: humanize(r.reason), value: r.accounts, detail: formatMoney(r.revenue) }))}
          />
        )}
      </section>
    </div>
  );
}
