import { LineChart, type LineSeries } from '../../components/charts/line-chart';
import { formatPercent } from '../../format';
import type { DashboardData } from './dashboard-types';

const MONTH = new Intl.DateTimeFormat('en-GB', { month: 'short', year: '2-digit', timeZone: 'UTC' });
const monthLabel = (month: string) => MONTH.format(new Date(`${month}-01T00:00:00Z`));

/** Logo, gross and net revenue retention, each a rolling-12-month value at every month end. */
export function RetentionTrend({ trend }: { trend: DashboardData['retentionTrend'] }) {
  const series: LineSeries[] = [
    { id: 'logo', label: 'Logo retention', key: 'logoRetention' as const },
    { id: 'grr', label: 'Gross revenue retention', key: 'grossRevenueRetention' as const },
    { id: 'nrr', label: 'Net revenue retention', key: 'netRevenueRetention' as const },
  ].map(({ id, label, key }) => ({ id, label, points: trend.map((m, i) => ({ x: i, xLabel: monthLabel(m.month), y: m[key] })) }));
  return (
    <section className="panel" aria-labelledby="trend-title">
      <h2 id="trend-title">Retention trend (rolling 12 months, at each month end)</h2>
      {trend.length === 0 ? (
        <p className="muted">No months to show.</p>
      ) : (
        <LineChart label="Retention trend" series={series} formatY={formatPercent} references={[{ y: 0.9, label: 'logo target 90%' }]} />
      )}
    </section>
  );
}
