import type { FactValues } from '../../src/facts/fact-definition.js';
import { createCoreFactCatalog } from '../../src/facts/core-fact-providers.js';
import { loadDefaultRuleSets } from '../../src/rules/defaults/default-rule-sets.js';
import { CompiledRuleBundle, type RuleVersions } from '../../src/rules/engine/compiled-rule-bundle.js';
import { OperatorRegistry } from '../../src/rules/engine/operator-registry.js';
import { RULE_SET_KINDS } from '../../src/rules/schema/rule-set.schema.js';

/** The default rules from rules/, compiled the way scoring compiles them. */
export async function defaultBundle() {
  const catalog = createCoreFactCatalog();
  const operators = new OperatorRegistry();
  const defaults = await loadDefaultRuleSets(catalog, operators);
  const versions = Object.fromEntries(RULE_SET_KINDS.map((k) => [k, { version: 0, hash: defaults.hashes[k] }])) as RuleVersions;
  return { catalog, operators, defaults, compiled: new CompiledRuleBundle(defaults.bundle, versions, operators) };
}

/** Every catalog fact missing (null), then the given values. */
export function factsWith(catalog: ReturnType<typeof createCoreFactCatalog>, values: FactValues): FactValues {
  const all: FactValues = Object.fromEntries(catalog.definitions().map((d) => [d.name, null]));
  return { ...all, ...values };
}

/**
 * A tier-2 retainer client that earns every point: engagement 30, relationship 25,
 * financial 25, satisfaction 20 = 100.
 */
export const HEALTHY_TIER2: FactValues = {
  annualRevenue: 120_000, annualRelationshipValue: 120_000, hasRetainer: true, tenureMonths: 30, tenureYears: 2.5, clientSinceDays: 900, activeEngagements: 1,
  daysSinceLastContact: 10, touchpoints90d: 7, daysSinceLastStrategicConversation: 45, avgResponseHours90d: 24,
  cancellationRate90d: 0.1, touchpointTrendPct: 0, responseTimeTrendPct: 0,
  decisionMakerAccess: true, cLevelAccess: true, activeThreads: 3, stakeholderCount: 4, hasActiveChampion: true, singleThreaded: false,
  championDeparted: false, atRiskStakeholders: 0, newExecutiveSponsorOrProcurement: false,
  maxDaysInvoiceLate: 2, spendTrendQoQPct: 5, discountRequests180d: 0,
  latestNps: 9, avgCsat365d: 4.5, openComplaints: 0, criticalIssues90d: 0, complaints90d: 0, negativeToneShift90d: false,
};

/** Exactly 60: engagement 10 (contact 20 days ago +6, 4 touchpoints +4), relationship 22, financial 15, satisfaction 13. */
export const AT_60: FactValues = {
  ...HEALTHY_TIER2,
  daysSinceLastContact: 20, touchpoints90d: 4, avgResponseHours90d: 60, daysSinceLastStrategicConversation: 100,
  maxDaysInvoiceLate: 20, spendTrendQoQPct: -10, latestNps: 8, avgCsat365d: 3.5,
};
/** 59 = 60 − 5 (touchpoints falling) + 4 (NPS 8 → 9). */
export const AT_59: FactValues = { ...AT_60, touchpointTrendPct: -50, latestNps: 9 };
/** 40 = 60 − 7 (no decision-maker) − 6 (no C-level) − 3 (CSAT 2.5) − 4 (spend −20%). */
export const AT_40: FactValues = { ...AT_60, decisionMakerAccess: false, cLevelAccess: false, avgCsat365d: 2.5, spendTrendQoQPct: -20 };
/** 39 = 40 − 5 (touchpoints falling) + 4 (NPS 8 → 9). */
export const AT_39: FactValues = { ...AT_40, touchpointTrendPct: -50, latestNps: 9 };
