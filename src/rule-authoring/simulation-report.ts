import type { AccountEvaluation } from '../scoring/evaluation.js';
import type { PortfolioRow } from './portfolio-evaluator.js';

export interface Distribution {
  tiers: Record<string, number>;
  bands: Record<string, number>;
  /** Accounts per 10-point score bucket: [0-9], [10-19], ... [90-100]. */
  scoreHistogram: number[];
  averageScore: number;
  signals: Record<string, number>;
}

export interface SimulationReport {
  accounts: number;
  changedAccounts: number;
  tierChanges: { accountId: string; name: string; from: number; to: number }[];
  stageChanges: { accountId: string; name: string; from: number; to: number }[];
  scoreChanges: { accountId: string; name: string; from: number; to: number; delta: number }[];
  signalChanges: { accountId: string; name: string; added: string[]; removed: string[] }[];
  escalations: {
    /** Protocols that would newly fire (not true on the current snapshot), per protocol. */
    current: Record<string, number>;
    candidate: Record<string, number>;
    onlyWithCandidate: { accountId: string; name: string; protocol: string }[];
    onlyWithCurrent: { accountId: string; name: string; protocol: string }[];
  };
  distribution: { before: Distribution; after: Distribution };
}

/** Compares current (evaluations[0]) with candidate (evaluations[1]) for every account. */
export function buildSimulationReport(rows: PortfolioRow[]): SimulationReport {
  const report: SimulationReport = {
    accounts: rows.length, changedAccounts: 0, tierChanges: [], stageChanges: [], scoreChanges: [], signalChanges: [],
    escalations: { current: {}, candidate: {}, onlyWithCandidate: [], onlyWithCurrent: [] },
    distribution: { before: distribution(rows.map((r) => r.evaluations[0])), after: distribution(rows.map((r) => r.evaluations[1])) },
  };
  for (const row of rows) {
    const [before, after] = row.evaluations;
    const who = { accountId: row.accountId, name: row.name };
    let changed = false;
    if (before.tier !== after.tier) (changed = true), report.tierChanges.push({ ...who, from: before.tier, to: after.tier });
    if (before.stage !== after.stage) (changed = true), report.stageChanges.push({ ...who, from: before.stage, to: after.stage });
    if (before.score !== after.score) (changed = true), report.scoreChanges.push({ ...who, from: before.score, to: after.score, delta: after.score - before.score });
    const b = new Set(before.signals.map((s) => s.id));
    const a = new Set(after.signals.map((s) => s.id));
    const added = [...a].filter((s) => !b.has(s));
    const removed = [...b].filter((s) => !a.has(s));
    if (added.length || removed.length) (changed = true), report.signalChanges.push({ ...who, added, removed });
    const had = new Set(row.currentProtocols);
    const fireBefore = before.protocols.filter((p) => !had.has(p));
    const fireAfter = after.protocols.filter((p) => !had.has(p));
    for (const p of fireBefore) report.escalations.current[p] = (report.escalations.current[p] ?? 0) + 1;
    for (const p of fireAfter) report.escalations.candidate[p] = (report.escalations.candidate[p] ?? 0) + 1;
    for (const p of fireAfter.filter((p) => !fireBefore.includes(p))) (changed = true), report.escalations.onlyWithCandidate.push({ ...who, protocol: p });
    for (const p of fireBefore.filter((p) => !fireAfter.includes(p))) (changed = true), report.escalations.onlyWithCurrent.push({ ...who, protocol: p });
    if (changed) report.changedAccounts++;
  }
  report.scoreChanges.sort((x, y) => Math.abs(y.delta) - Math.abs(x.delta));
  return report;
}

function distribution(evaluations: AccountEvaluation[]): Distribution {
  const out: Distribution = { tiers: {}, bands: {}, scoreHistogram: Array(10).fill(0), averageScore: 0, signals: {} };
  for (const e of evaluations) {
    out.tiers[e.tier] = (out.tiers[e.tier] ?? 0) + 1;
    out.bands[e.band] = (out.bands[e.band] ?? 0) + 1;
    out.scoreHistogram[Math.min(9, Math.floor(e.score / 10))]++;
    for (const s of e.signals) out.signals[s.id] = (out.signals[s.id] ?? 0) + 1;
  }
  out.averageScore = evaluations.length ? Math.round((evaluations.reduce((s, e) => s + e.score, 0) / evaluations.length) * 10) / 10 : 0;
  return out;
}
