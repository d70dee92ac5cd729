import { applyRulePacks } from '../packs/apply-rule-packs.js';
import { packItemId, packItemKey, rulePackSchema, type RulePack } from '../schema/rule-pack.schema.js';
import type { RuleBundle } from '../schema/rule-set.schema.js';
import { checkDocumentLimits, checkRuleCount } from './document-limits.js';
import { checkParts, itemParts, type ValidationContext } from './rule-set-validator.js';
import { jsonPath, type RuleIssue, type ValidationReport } from './validation-issue.js';

export interface PackValidationContext extends Pick<ValidationContext, 'catalog' | 'operators'> {
  /** The plugin the pack must belong to (its rule-set id is `<plugin>.<extends>`). */
  plugin: string;
  /** The kind it must extend, when validated under a known id. */
  extends?: RulePack['extends'];
  /** The rule bundle the pack is applied to (override targets must exist in it). */
  base: RuleBundle;
}

export interface PackValidationResult extends ValidationReport {
  document?: RulePack;
}

/**
 * Validates a plugin rule pack with the same checks as a core rule set (schema, facts, operators,
 * values, templates in the scope of the extended rule set's phase), plus: it belongs to its
 * plugin, new ids carry the plugin prefix and collide with nothing, overrides name existing items.
 */
export function validateRulePack(raw: unknown, ctx: PackValidationContext): PackValidationResult {
  const limits = checkDocumentLimits(raw);
  if (limits.length) return { valid: false, issues: limits };
  const parsed = rulePackSchema.safeParse(raw);
  if (!parsed.success) {
    return { valid: false, issues: parsed.error.issues.map((i) => ({ path: jsonPath(i.path as (string | number)[]), severity: 'error' as const, message: i.message })) };
  }
  const pack = parsed.data;
  const tooMany = checkRuleCount('pack', pack);
  if (tooMany.length) return { valid: false, issues: tooMany };
  const issues: RuleIssue[] = [];
  if (pack.plugin !== ctx.plugin) issues.push({ path: 'plugin', severity: 'error', message: `this pack belongs to plugin '${ctx.plugin}', not '${pack.plugin}'` });
  if (ctx.extends && pack.extends !== ctx.extends) issues.push({ path: 'extends', severity: 'error', message: `this pack extends '${ctx.extends}'; it cannot change to '${pack.extends}'` });

  const baseKeys = new Set(existingKeys(pack, ctx.base));
  const seen = new Map<string, string>();
  (['add', 'override'] as const).forEach((list) =>
    (pack[list] as unknown[]).forEach((item, index) => {
      const path = [list, index];
      const key = packItemKey(pack, item);
      const first = seen.get(key);
      if (first) issues.push({ path: jsonPath(path), severity: 'error', message: `'${key}' appears twice in this pack (also at ${first})` });
      seen.set(key, jsonPath(path));
      if (list === 'override' && !baseKeys.has(key)) {
        issues.push({ path: jsonPath(path), severity: 'error', message: `overrides '${key}', which the ${pack.extends} rule set does not have (it has: ${[...baseKeys].slice(0, 12).join(', ')}${baseKeys.size > 12 ? ', …' : ''})` });
      }
      if (list === 'add') {
        const id = packItemId(pack, item);
        if (id !== undefined && !id.startsWith(`${pack.plugin}-`)) issues.push({ path: jsonPath([...path, ...(pack.extends === 'health' ? ['rule'] : []), 'id']), severity: 'error', message: `new ids must start with '${pack.plugin}-' (got '${id}')` });
        if (baseKeys.has(key)) issues.push({ path: jsonPath(path), severity: 'error', message: `'${key}' already exists in the ${pack.extends} rule set; put it under "override" to replace it` });
        if (pack.extends === 'health' && !ctx.base.health.components.some((c) => c.id === (item as { component: string }).component)) {
          issues.push({ path: jsonPath([...path, 'component']), severity: 'error', message: `no health component '${(item as { component: string }).component}' (components: ${ctx.base.health.components.map((c) => c.id).join(', ')})` });
        }
      }
      const parts = itemParts(pack.extends, pack.extends === 'health' ? (item as { rule: unknown }).rule : item, pack.extends === 'health' ? [...path, 'rule'] : path);
      issues.push(...checkParts(pack.extends, parts, ctx));
    }),
  );
  if (pack.extends === 'health' && !issues.some((i) => i.severity === 'error')) {
    for (const component of applyRulePacks(ctx.base, [pack]).health.components) {
      if (Math.abs(Math.min(0, ...component.rules.map((r) => r.points))) > component.weight) {
        issues.push({ path: 'add', severity: 'error', message: `a rule deducts more than the ${component.id} component's weight ${component.weight}` });
      }
    }
  }
  const valid = !issues.some((i) => i.severity === 'error');
  return { valid, issues, document: valid ? pack : undefined };
}

function existingKeys(pack: RulePack, base: RuleBundle): string[] {
  const key = (item: unknown) => packItemKey(pack, item);
  switch (pack.extends) {
    case 'signals':
      return base.signals.signals.map(key);
    case 'escalation':
      return base.escalation.protocols.map(key);
    case 'tier':
      return base.tier.promotions.map(key);
    case 'health':
      return base.health.components.flatMap((c) => c.rules.map((rule) => key({ component: c.id, rule })));
    case 'cadence':
      return base.cadence.tiers.flatMap((t) => t.requirements.map((requirement) => key({ tier: t.tier, requirement })));
  }
}
