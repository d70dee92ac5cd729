import type { RulePack } from '../schema/rule-pack.schema.js';

/** A plugin's rule pack as shipped (version 0 of the pack's rule set), with where it applies. */
export interface PackDefault {
  /** `<plugin>.<extends>` */
  id: string;
  plugin: string;
  industries: readonly string[];
  document: RulePack;
  hash: string;
  file: string;
}
