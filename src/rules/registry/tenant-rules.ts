import type { CompiledRuleBundle, RuleVersions } from '../engine/compiled-rule-bundle.js';
import { applyRulePacks } from '../packs/apply-rule-packs.js';
import type { RulePack } from '../schema/rule-pack.schema.js';
import type { RuleBundle } from '../schema/rule-set.schema.js';

/** A plugin pack as live for a tenant: the version in force and the industries it applies to. */
export interface LivePack {
  id: string;
  plugin: string;
  industries: readonly string[];
  document: RulePack;
  version: number;
  hash: string;
}

/**
 * The rules a tenant scores with: the core rule sets plus the packs of its enabled plugins, each
 * applied only to accounts of the plugin's industries. One compiled bundle per industry, built on
 * first use; its versions name the core sets and exactly the packs that shaped it.
 */
export class TenantRules {
  private readonly byIndustry = new Map<string, CompiledRuleBundle>();

  constructor(
    private readonly core: { bundle: RuleBundle; versions: RuleVersions },
    readonly packs: readonly LivePack[],
    private readonly compile: (bundle: RuleBundle, versions: RuleVersions) => CompiledRuleBundle,
  ) {}

  forIndustry(industry: string | null | undefined): CompiledRuleBundle {
    const key = industry ?? '';
    let compiled = this.byIndustry.get(key);
    if (!compiled) {
      const applicable = this.packs.filter((p) => industry && p.industries.includes(industry)).sort((a, b) => a.id.localeCompare(b.id));
      const versions: RuleVersions = { ...this.core.versions };
      for (const pack of applicable) versions[pack.id] = { version: pack.version, hash: pack.hash };
      compiled = this.compile(applyRulePacks(this.core.bundle, applicable.map((p) => p.document)), versions);
      this.byIndustry.set(key, compiled);
    }
    return compiled;
  }

  /** The core rule sets without any pack (accounts no enabled plugin serves). */
  get base(): CompiledRuleBundle {
    return this.forIndustry(undefined);
  }
}
