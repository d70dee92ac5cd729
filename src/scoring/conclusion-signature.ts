import { createHash } from 'node:crypto';
import { canonicalJson } from '../ingestion/deterministic-id.js';
import type { RuleVersions } from '../rules/engine/compiled-rule-bundle.js';

/** The parts of an evaluation that make it a different conclusion (fact noise that changed nothing does not). */
export interface Conclusions {
  score: number;
  tier: number;
  rawTier: number;
  stage: number;
  tenureBand: string;
  band: string;
  signals: { id: string }[];
  protocols: string[];
  components: { id: string; points: number; rules: { id: string }[] }[];
  cadence: { overdue: boolean }[];
}

function conclusionJson(x: Conclusions): string {
  return JSON.stringify([x.score, x.tier, x.rawTier, x.stage, x.tenureBand, x.band, x.signals.map((s) => s.id), x.protocols, x.components.map((c) => [c.id, c.points, c.rules.map((r) => r.id)]), x.cadence.map((c) => c.overdue)]);
}

/**
 * Hash of the conclusions and the rule versions that reached them, kept on the account's health
 * row: a rescoring that concludes the same needs no snapshot, and no read of the old one to know.
 * Canonical JSON for the versions: PostgreSQL's jsonb does not keep key order.
 */
export function conclusionSignature(x: Conclusions, versions: RuleVersions): string {
  return createHash('sha256').update(conclusionJson(x)).update('\n').update(canonicalJson(versions)).digest('hex');
}

/** For health rows written before signatures existed: compare with the stored snapshot itself. */
export function sameConclusions(previous: Conclusions & { ruleVersions: RuleVersions }, current: Conclusions, versions: RuleVersions): boolean {
  return conclusionJson(previous) === conclusionJson(current) && canonicalJson(previous.ruleVersions) === canonicalJson(versions);
}
