import { useApi } from '../../api/use-api';
import { Page } from '../../components/page';
import { ErrorPanel, Loading } from '../../components/status';
import { formatDate } from '../../format';
import { useLocation } from '../../router';
import { AcquisitionCosts } from './acquisition-costs';
import { AtRiskList } from './at-risk-list';
import { metricsParams, PERIODS, readFilters } from './dashboard-filters';
import type { DashboardData } from './dashboard-types';
import { FiguresGrid } from './figures-grid';
import { FilterBar } from './filter-bar';
import { MoreMetrics } from './more-metrics';
import { PortfolioMix } from './portfolio-mix';
import { ProgrammeActivity } from './programme-activity';
import { RetentionTrend } from './retention-trend';
import './dashboard.css';

/** The retention program owner's monthly view of the portfolio, filtered by period and segment (kept in the URL). */
export function DashboardPage() {
  const { query } = useLocation();
  const filters = readFilters(query);
  const params = metricsParams(filters);
  const qs = new URLSearchParams(Object.entries(params).filter((e): e is [string, string] => !!e[1])).toString();
  const dashboard = useApi<DashboardData>(`/metrics/dashboard${qs ? `?${qs}` : ''}`);
  return (
    <Page title="Portfolio dashboard">
      <FilterBar filters={filters} />
      {dashboard.state === 'loading' && <Loading what="the dashboard" />}
      {dashboard.state === 'error' && <ErrorPanel error={dashboard.error} onRetry={dashboard.reload} />}
      {dashboard.state === 'ready' && (
        <>
          <p className="period-line" aria-live="polite">
            {PERIODS.find((p) => p.value === dashboard.data.period.kind)?.label ?? dashboard.data.period.kind}: {formatDate(dashboard.data.period.from)} – {formatDate(dashboard.data.period.to)}
          </p>
          <FiguresGrid figures={dashboard.data.figures} />
          <RetentionTrend trend={dashboard.data.retentionTrend} />
          <PortfolioMix data={dashboard.data} />
          <ProgrammeActivity data={dashboard.data} />
        </>
      )}
      <AtRiskList params={params} />
      <MoreMetrics params={params} />
      <AcquisitionCosts onSaved={dashboard.reload} />
    </Page>
  );
}
