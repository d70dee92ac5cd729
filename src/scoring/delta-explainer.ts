import type { FactDefinition, FactValue, FactValues } from '../facts/fact-definition.js';
import { formatFactValue } from '../rules/engine/template.js';
import type { AccountEvaluation, ComponentResult } from './evaluation.js';

export interface FactChange {
  fact: string;
  label: string;
  before: FactValue;
  after: FactValue;
}

export interface ComponentDelta {
  id: string;
  name: string;
  delta: number;
  rulesAdded: string[];
  rulesRemoved: string[];
  factChanges: FactChange[];
}

export interface ScoreDelta {
  from: number;
  to: number;
  delta: number;
  components: ComponentDelta[];
  tier?: { from: number; to: number };
  signalsAdded: string[];
  signalsRemoved: string[];
  /** e.g. "−8: engagement −6 (touchpoints in 90 days 12 → 4); satisfaction −2 (NPS 9 → 7)" */
  summary: string;
}

export interface PreviousResult {
  score: number;
  tier: number;
  components: ComponentResult[];
  signals: { id: string }[];
  facts: FactValues;
}

const signed = (n: number) => (n > 0 ? `+${n}` : n < 0 ? `−${Math.abs(n)}` : '±0');

/** Explains how the current evaluation differs from the previous snapshot, down to fact values. */
export function explainDelta(previous: PreviousResult, current: AccountEvaluation, labelOf: (fact: string) => FactDefinition | undefined): ScoreDelta {
  const components: ComponentDelta[] = current.components.map((now) => {
    const before = previous.components.find((c) => c.id === now.id);
    const beforeRules = new Map((before?.rules ?? []).map((r) => [r.id, r]));
    const nowRules = new Map(now.rules.map((r) => [r.id, r]));
    const touched = [...now.rules, ...(before?.rules ?? [])];
    const facts = new Set(touched.flatMap((r) => Object.keys(r.facts)));
    const factChanges: FactChange[] = [...facts]
      .filter((f) => (previous.facts[f] ?? null) !== (current.facts[f] ?? null))
      .map((f) => ({ fact: f, label: labelOf(f)?.label ?? f, before: previous.facts[f] ?? null, after: current.facts[f] ?? null }));
    return {
      id: now.id,
      name: now.name,
      delta: now.points - (before?.points ?? 0),
      rulesAdded: [...nowRules.keys()].filter((id) => !beforeRules.has(id)),
      rulesRemoved: [...beforeRules.keys()].filter((id) => !nowRules.has(id)),
      factChanges,
    };
  });
  const delta = current.score - previous.score;
  const beforeSignals = new Set(previous.signals.map((s) => s.id));
  const nowSignals = new Set(current.signals.map((s) => s.id));
  const parts = components
    .filter((c) => c.delta !== 0)
    .sort((a, b) => Math.abs(b.delta) - Math.abs(a.delta))
    .map((c) => {
      const why = c.factChanges.slice(0, 3).map((f) => `${f.label} ${formatFactValue(f.before)} → ${formatFactValue(f.after)}`).join(', ');
      return `${c.id} ${signed(c.delta)}${why ? ` (${why})` : ''}`;
    });
  const tierChanged = previous.tier !== current.tier;
  const extras = [
    ...(tierChanged ? [`tier ${previous.tier} → ${current.tier}`] : []),
    ...[...nowSignals].filter((s) => !beforeSignals.has(s)).map((s) => `signal ${s} raised`),
    ...[...beforeSignals].filter((s) => !nowSignals.has(s)).map((s) => `signal ${s} cleared`),
  ];
  return {
    from: previous.score,
    to: current.score,
    delta,
    components,
    ...(tierChanged ? { tier: { from: previous.tier, to: current.tier } } : {}),
    signalsAdded: [...nowSignals].filter((s) => !beforeSignals.has(s)),
    signalsRemoved: [...beforeSignals].filter((s) => !nowSignals.has(s)),
    summary: `${signed(delta)}${parts.length ? `: ${parts.join('; ')}` : ''}${extras.length ? `${parts.length ? '; ' : ': '}${extras.join('; ')}` : ''}`,
  };
}
