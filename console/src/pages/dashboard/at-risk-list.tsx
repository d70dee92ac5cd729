import { MetricTable } from '../../components/metric-table';

/** Accounts at risk now, most severe first (names link to the account page), with a CSV download. */
export function AtRiskList({ params }: { params: Record<string, string | undefined> }) {
  return (
    <section className="panel" aria-labelledby="at-risk-title">
      <h2 id="at-risk-title">At-risk accounts</h2>
      <MetricTable name="at-risk" params={params} caption="At-risk accounts" />
    </section>
  );
}
