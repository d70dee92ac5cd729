import { formatDateTime, formatNumber } from '../../format';
import type { SimulationReport } from './rule-types';
import { SimulationDistribution } from './simulation-distribution';
import { EscalationChanges, ScoreChanges, SignalChanges, StageChanges, TierChanges } from './simulation-tables';

const sum = (r: Record<string, number>) => Object.values(r).reduce((s, n) => s + n, 0);

/** What would change on today's portfolio: summary counts, then who moves and why. */
export function SimulationDiff({ report, label }: { report: SimulationReport; label: string }) {
  const up = report.tierChanges.filter((c) => c.to > c.from).length;
  const fires = report.signalChanges.reduce((n, c) => n + c.added.length, 0);
  const stops = report.signalChanges.reduce((n, c) => n + c.removed.length, 0);
  const { before, after } = report.distribution;
  return (
    <section className="panel simulation" aria-labelledby="simulation-title">
      <h2 id="simulation-title">Simulation: {label}</h2>
      <p className="muted">
        Evaluated on the live portfolio as of {formatDateTime(report.asOf)}, against the rules active now. Nothing was changed.
      </p>
      <dl className="simulation-summary" aria-label="Simulation summary">
        <Stat term="Accounts evaluated" value={report.accounts} />
        <Stat term="Accounts affected" value={report.changedAccounts} strong />
        <Stat term="Tier moves" value={report.tierChanges.length} detail={report.tierChanges.length ? `${up} up, ${report.tierChanges.length - up} down` : undefined} />
        <Stat term="Score changes" value={report.scoreChanges.length} detail={`average ${formatNumber(before.averageScore)} → ${formatNumber(after.averageScore)}`} />
        <Stat term="Stage changes" value={report.stageChanges.length} />
        <Stat term="Signals" value={fires + stops} detail={`${fires} would fire, ${stops} would stop`} />
        <Stat
          term="Escalations"
          value={report.escalations.onlyWithCandidate.length + report.escalations.onlyWithCurrent.length}
          detail={`${report.escalations.onlyWithCandidate.length} new, ${report.escalations.onlyWithCurrent.length} no longer (${sum(report.escalations.current)} → ${sum(report.escalations.candidate)} firing)`}
        />
      </dl>
      {report.changedAccounts === 0 && <p role="status">No account would change: this candidate decides exactly like the active rules on today's portfolio.</p>}
      <SimulationDistribution before={before} after={after} />
      <TierChanges rows={report.tierChanges} />
      <ScoreChanges rows={report.scoreChanges} />
      <SignalChanges rows={report.signalChanges} before={before.signals} after={after.signals} />
      <EscalationChanges escalations={report.escalations} />
      <StageChanges rows={report.stageChanges} />
    </section>
  );
}

function Stat({ term, value, detail, strong }: { term: string; value: number; detail?: string; strong?: boolean }) {
  return (
    <div className={strong ? 'stat strong' : 'stat'}>
      <dt>{term}</dt>
      <dd>
        <span className="stat-value">{formatNumber(value)}</span>
        {detail && <span className="muted stat-detail">{detail}</span>}
      </dd>
    </div>
  );
}
