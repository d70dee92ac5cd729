// The contract plugins compile against. Plugins import from here only (plus workflows/shared
// types), never from other platform folders, so the core can change behind this surface.
export { RetentionPlugin, pluginContributionsOf, type PluginContributions, type PluginActivities, type PluginActivityDeps, type PluginActivityInput, type PluginActivityResult } from './retention-plugin.js';
export { pluginManifestSchema, type PluginManifest } from './plugin-manifest.schema.js';
export { declareFacts, type FactDefinition, type FactValue, type FactValues } from '../facts/fact-definition.js';
export type { FactBatchContext, FactProvider } from '../facts/fact-provider.js';
export type { OperatorDefinition } from '../rules/engine/operator-registry.js';
export { rulePackSchema, type RulePack } from '../rules/schema/rule-pack.schema.js';
export { pluginAttributesOf } from './account-attributes.js';
export type { DemoAccountView } from './demo-account.js';
// Batch helpers the core providers use too: portable SQL, time and number handling.
export { selectRows, groupBy, indexBy } from '../facts/sql.js';
export { FactClock, DAY_MS, daysBetween, daysSince, isoDate, toInstant } from '../facts/time.js';
export { num, count, round, ratio, mean } from '../facts/numbers.js';
