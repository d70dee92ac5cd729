import { BarChart } from '../../components/charts/bar-chart';
import { ShareBars } from '../../components/charts/share-bars';
import { formatMoney, formatNumber } from '../../format';
import { SEVERITIES, SEVERITY_COLOURS, TIERS } from '../accounts/account-vocabulary';
import type { DashboardData } from './dashboard-types';

const BAND_ORDER = ['0-39', '40-59', '60-79', '80-100'] as const;
const BAND_COLOURS = ['#b42318', '#b26a00', '#5b8fd6', '#1b7f4b'];
const TIER_COLOURS = ['#a9bde8', '#6f93de', '#2f5fc9', '#16213a'];

/** Health distribution, tier mix (accounts vs revenue) and at-risk accounts by severity. */
export function PortfolioMix({ data }: { data: DashboardData }) {
  const bands = BAND_ORDER.map((b) => data.healthDistribution.find((d) => d.band === b)?.accounts ?? 0);
  const tiers = TIERS.map((t) => data.tierMix.find((m) => m.tier === t.tier) ?? { tier: t.tier, accounts: 0, revenue: 0 });
  const severities = SEVERITIES.map((s) => data.atRiskBySeverity.find((a) => a.severity === s)?.accounts ?? 0);
  return (
    <div className="grid dashboard-mix">
      <section className="panel" aria-labelledby="health-dist-title">
        <h2 id="health-dist-title">Health distribution</h2>
        <BarChart label="Accounts by health score band" categories={[...BAND_ORDER]} series={[{ id: 'accounts', label: 'Accounts', values: bands }]} categoryColors={BAND_COLOURS} format={formatNumber} />
      </section>
      <section className="panel" aria-labelledby="tier-mix-title">
        <h2 id="tier-mix-title">Tier mix</h2>
        <ShareBars
          label="Tier mix by accounts and by revenue"
          segments={TIERS.map((t) => `Tier ${t.tier} · ${t.name}`)}
          colors={TIER_COLOURS}
          rows={[
            { label: 'Accounts', values: tiers.map((t) => t.accounts), format: formatNumber },
            { label: 'Revenue', values: tiers.map((t) => t.revenue), format: formatMoney },
          ]}
        />
      </section>
      <section className="panel" aria-labelledby="severity-title">
        <h2 id="severity-title">At-risk accounts by severity</h2>
        <BarChart
          label="At-risk accounts by their most severe signal"
          categories={SEVERITIES.map((s) => s)}
          series={[{ id: 'accounts', label: 'Accounts', values: severities }]}
          categoryColors={SEVERITIES.map((s) => SEVERITY_COLOURS[s])}
          format={formatNumber}
        />
      </section>
    </div>
  );
}
