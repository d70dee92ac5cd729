import type { RuleBundle } from '../schema/rule-set.schema.js';
import { packItemKey, type RulePack } from '../schema/rule-pack.schema.js';

type Item = Record<string, unknown>;

/**
 * The effective rule bundle for the accounts a set of packs applies to: each pack's overrides
 * replace the matching items of its rule set in place, its additions are appended. Pure; packs
 * apply in the order given (the host sorts them by plugin id). Items an override names but the
 * base no longer has are skipped: validation reports them before anything is published.
 */
export function applyRulePacks(base: RuleBundle, packs: readonly RulePack[]): RuleBundle {
  if (!packs.length) return base;
  const out = structuredClone(base) as RuleBundle;
  for (const pack of packs) {
    const key = (item: unknown) => packItemKey(pack, item);
    switch (pack.extends) {
      case 'signals':
        out.signals.signals = merge(out.signals.signals, pack, key);
        break;
      case 'escalation':
        out.escalation.protocols = merge(out.escalation.protocols, pack, key);
        break;
      case 'tier':
        out.tier.promotions = merge(out.tier.promotions, pack, key);
        break;
      case 'health':
        for (const component of out.health.components) {
          const mine = (list: typeof pack.add) => list.filter((i) => i.component === component.id);
          const items = component.rules.map((rule) => ({ component: component.id, rule }));
          component.rules = merge(items, { add: mine(pack.add), override: mine(pack.override) }, key).map((i) => i.rule);
        }
        break;
      case 'cadence':
        for (const tier of out.cadence.tiers) {
          const mine = (list: typeof pack.add) => list.filter((i) => i.tier === tier.tier);
          const items = tier.requirements.map((requirement) => ({ tier: tier.tier, requirement }));
          tier.requirements = merge(items, { add: mine(pack.add), override: mine(pack.override) }, key).map((i) => i.requirement);
        }
        break;
    }
  }
  return out;
}

function merge<T>(items: T[], pack: { add: readonly unknown[]; override: readonly unknown[] }, key: (item: unknown) => string): T[] {
  const overrides = new Map(pack.override.map((o) => [key(o), o as T]));
  return [...items.map((item) => overrides.get(key(item as Item)) ?? item), ...(pack.add as T[])];
}
