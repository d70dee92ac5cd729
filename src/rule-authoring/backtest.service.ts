import { Inject, Injectable } from '@nestjs/common';
import { MikroORM } from '@mikro-orm/core';
import type { FactValues } from '../facts/fact-definition.js';
import { canonicalHash } from '../rules/defaults/canonical-hash.js';
import { RuleSetRegistry, type AnyRuleDocument, type RuleSetId } from '../rules/registry/rule-set-registry.service.js';
import { evaluateAccount } from '../scoring/account-evaluator.js';
import type { ScoreHistory } from '../scoring/evaluation.js';
import { HealthSnapshot } from '../scoring/health-snapshot.entity.js';

export const MAX_BACKTEST_SNAPSHOTS = 100_000;
const DERIVED = ['healthScore', 'previousHealthScore', 'scoreChange30d', 'scoreDrop30d', 'tier', 'activeSignalCount', 'criticalSignalCount'];
const DAY = 86_400_000;

export interface BacktestReport {
  kind: string;
  from: string;
  to: string;
  snapshots: number;
  accounts: number;
  differing: { tier: number; band: number; signals: number; score: number };
  escalations: { actual: Record<string, number>; candidate: Record<string, number> };
  /** Per account, the first stored snapshot where the candidate would have concluded differently. */
  firstDivergences: { accountId: string; at: string; actual: { score: number; tier: number; band: string }; candidate: { score: number; tier: number; band: string } }[];
  truncated: boolean;
}

/**
 * Replays stored history: every snapshot in the window kept the facts it was computed from, so
 * the candidate rules are re-run on exactly those facts, in time order per account (with the
 * candidate's own score history), and compared with what was concluded then.
 */
@Injectable()
export class BacktestService {
  constructor(@Inject(MikroORM) private readonly orm: MikroORM, private readonly registry: RuleSetRegistry) {}

  async backtest(tenantId: string, kind: RuleSetId, candidate: AnyRuleDocument, candidateVersion: number, from: Date, to: Date): Promise<BacktestReport> {
    const rules = await this.registry.activeRules(tenantId, { [kind]: { document: candidate, version: candidateVersion, hash: canonicalHash(candidate) } });
    const snapshots = await this.orm.em.fork().find(
      HealthSnapshot,
      { tenantId, computedAt: { $gte: from, $lte: to } },
      { orderBy: { accountId: 'asc', computedAt: 'asc' }, limit: MAX_BACKTEST_SNAPSHOTS + 1, fields: ['accountId', 'computedAt', 'score', 'tier', 'band', 'signals', 'protocols', 'facts'] },
    );
    const truncated = snapshots.length > MAX_BACKTEST_SNAPSHOTS;
    const report: BacktestReport = {
      kind, from: from.toISOString(), to: to.toISOString(), snapshots: Math.min(snapshots.length, MAX_BACKTEST_SNAPSHOTS), accounts: 0,
      differing: { tier: 0, band: 0, signals: 0, score: 0 }, escalations: { actual: {}, candidate: {} }, firstDivergences: [], truncated,
    };
    let account = '';
    let history: ScoreHistory = { recent: [] };
    let actualProtocols: string[] = [];
    let diverged = false;
    for (const snap of snapshots.slice(0, MAX_BACKTEST_SNAPSHOTS)) {
      if (snap.accountId !== account) {
        account = snap.accountId;
        history = { recent: [] };
        actualProtocols = [];
        diverged = false;
        report.accounts++;
      }
      const facts = Object.fromEntries(Object.entries(snap.facts).filter(([k]) => !DERIVED.includes(k))) as FactValues;
      const e = await evaluateAccount(rules.forIndustry(typeof facts.industry === 'string' ? facts.industry : null), facts, history, snap.computedAt);
      const sig = (ids: string[]) => ids.slice().sort().join(',');
      const differs = { tier: e.tier !== snap.tier, band: e.band !== snap.band, signals: sig(e.signals.map((s) => s.id)) !== sig(snap.signals.map((s) => s.id)), score: e.score !== snap.score };
      for (const key of Object.keys(differs) as (keyof typeof differs)[]) if (differs[key]) report.differing[key]++;
      if (!diverged && (differs.tier || differs.band || differs.signals) && report.firstDivergences.length < 200) {
        diverged = true;
        report.firstDivergences.push({ accountId: account, at: snap.computedAt.toISOString(), actual: { score: snap.score, tier: snap.tier, band: snap.band }, candidate: { score: e.score, tier: e.tier, band: e.band } });
      }
      const candidateBefore = new Set(history.previous?.protocols ?? []);
      for (const p of e.protocols.filter((p) => !candidateBefore.has(p))) report.escalations.candidate[p] = (report.escalations.candidate[p] ?? 0) + 1;
      for (const p of snap.protocols.filter((p) => !actualProtocols.includes(p))) report.escalations.actual[p] = (report.escalations.actual[p] ?? 0) + 1;
      actualProtocols = snap.protocols;
      const recent = [...history.recent, { at: snap.computedAt, score: e.score }].filter((r) => r.at.getTime() > snap.computedAt.getTime() - 30 * DAY);
      const older = [...history.recent, ...(history.previous ? [{ at: history.previous.computedAt, score: history.previous.score }] : [])].filter((r) => r.at.getTime() <= snap.computedAt.getTime() - 30 * DAY);
      history = {
        previous: { score: e.score, tier: e.tier, tierBelowSince: e.tierBelowSince, protocols: e.protocols, computedAt: snap.computedAt },
        recent,
        ...(older.length ? { score30DaysAgo: older[older.length - 1].score } : history.score30DaysAgo !== undefined ? { score30DaysAgo: history.score30DaysAgo } : {}),
      };
    }
    return report;
  }
}
