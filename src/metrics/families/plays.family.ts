import type { PortfolioScope } from '../data/portfolio-scope.js';
import { runningAt, type PlayRecord } from '../data/plays.loader.js';
import { figure, type MetricFigure } from '../definitions/metric-figure.js';
import { ratio } from '../formulas/ratio.js';
import { startOfDay } from '../period/calendar.js';

export interface PlaysResult {
  /** Plays of the segment's accounts running at the as-of instant. */
  running: PlayRecord[];
  recoveryStarted: number;
  recoveryEnded: number;
  recovered: number;
}

const within = (at: Date | null, from: Date, to: Date) => at !== null && at.getTime() >= from.getTime() && at.getTime() <= to.getTime();

/** Plays of the segment's accounts: what runs at the as-of instant, recovery plays started and ended in the period. */
export async function playsOf(scope: PortfolioScope): Promise<PlaysResult> {
  const from = startOfDay(scope.period.from);
  const asOf = scope.period.asOf;
  const inScope = new Set((await scope.accounts()).map((a) => a.id));
  const plays = (await scope.plays(from)).filter((p) => inScope.has(p.accountId));
  const recovery = plays.filter((p) => p.play === 'recovery');
  // Ended = closed with a result; a cancelled play says nothing about whether recovery works.
  const ended = recovery.filter((p) => within(p.closedAt, from, asOf) && (p.status === 'completed' || p.status === 'failed'));
  return {
    running: plays.filter((p) => runningAt(p, asOf)),
    recoveryStarted: recovery.filter((p) => within(p.startedAt, from, asOf)).length,
    recoveryEnded: ended.length,
    recovered: ended.filter((p) => p.outcome === 'recovered').length,
  };
}

export function playsFigures(p: PlaysResult): MetricFigure[] {
  const winBack = p.running.filter((x) => x.play === 'win_back').length;
  return [
    figure('interventionsStarted', p.recoveryStarted, { recoveryPlaysStarted: p.recoveryStarted }),
    figure('recoveryRate', ratio(p.recovered, p.recoveryEnded), { recovered: p.recovered, ended: p.recoveryEnded }),
    figure('winBackPipeline', winBack, { openWinBackPlays: winBack }),
  ];
}

/** Running plays per kind, most first. */
export function playsInFlight(p: PlaysResult): { play: string; running: number }[] {
  const counts = new Map<string, number>();
  for (const play of p.running) counts.set(play.play, (counts.get(play.play) ?? 0) + 1);
  return [...counts].map(([play, running]) => ({ play, running })).sort((a, b) => b.running - a.running || a.play.localeCompare(b.play));
}
