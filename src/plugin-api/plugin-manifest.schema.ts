import { validRange, valid } from 'semver';
import { z } from 'zod';
import { INDUSTRIES } from '../domain/vocabulary.js';

/** Plugin ids double as fact, operator, activity and rule-id namespaces: short, lowercase, no dots. */
export const pluginId = () => z.string().regex(/^[a-z][a-z0-9]{1,30}$/, 'expected 2-31 lowercase letters and digits, starting with a letter');
const relativePath = () =>
  z
    .string()
    .min(1)
    .max(200)
    .refine((p) => !p.startsWith('/') && !p.split(/[\\/]/).includes('..'), 'expected a path inside the plugin folder');

/**
 * plugin.json: what a plugin is and where its parts live. Validated by the host at boot and by
 * `./retention plugins validate` with this one schema.
 */
export const pluginManifestSchema = z.strictObject({
  $schema: z.string().max(500).optional(),
  id: pluginId(),
  name: z.string().min(1).max(120),
  version: z.string().refine((v) => valid(v) !== null, 'expected a semantic version such as 1.2.0'),
  /** Range of core versions the plugin works with, e.g. "^0.1.0". */
  compatibility: z.string().refine((r) => validRange(r) !== null, 'expected a semver range such as ^0.1.0 or >=0.1.0 <0.3.0'),
  industries: z.array(z.enum(INDUSTRIES)).min(1).max(INDUSTRIES.length),
  description: z.string().min(1).max(2000),
  /** Module (relative to the manifest) whose default export is the plugin class; omit for a data-only plugin. */
  entry: relativePath().optional(),
  /** Folders of rule packs and play templates (defaults: rules/ and play-templates/). */
  rules: relativePath().default('rules'),
  playTemplates: relativePath().default('play-templates'),
});
export type PluginManifest = z.output<typeof pluginManifestSchema>;
