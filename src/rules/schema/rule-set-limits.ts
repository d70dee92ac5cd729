/**
 * Size limits of one rule-set document (core rule set or plugin pack), checked by the validator
 * before and after parsing: a rule set is evaluated for every account on every rescoring, and
 * authoring endpoints take documents from people, so both size and rule count are bounded.
 */

/** Largest document, as compact JSON (the default health rule set is ~23 KB). */
export const MAX_RULE_SET_BYTES = 256 * 1024;

/** Deepest nesting of objects and arrays in a document (condition trees are further limited by MAX_CONDITION_DEPTH). */
export const MAX_DOCUMENT_DEPTH = 64;

/**
 * Most rules in one set: health rules across all components, signals, escalation protocols, tiers
 * plus promotions, lifecycle stages, cadence requirements, or a pack's add + override items
 * (the default health rule set has 42).
 */
export const MAX_RULES_PER_SET = 250;
