import { Inject, Injectable } from '@nestjs/common';
import { MikroORM, type EntityManager } from '@mikro-orm/core';
import { NotFound } from '../../api/api-errors.js';
import { TenantsService } from '../../tenants/tenants.service.js';
import type { DefaultRuleSets } from '../defaults/default-rule-sets.js';
import { CompiledRuleBundle, type RuleVersions } from '../engine/compiled-rule-bundle.js';
import { OperatorRegistry } from '../engine/operator-registry.js';
import type { PackDefault } from '../packs/pack-default.js';
import type { RulePack } from '../schema/rule-pack.schema.js';
import { RULE_SET_KINDS, type RuleBundle, type RuleSetDocument, type RuleSetKind } from '../schema/rule-set.schema.js';
import { ActiveRuleSet } from './active-rule-set.entity.js';
import { RuleSetVersion } from './rule-set-version.entity.js';
import { TenantRules } from './tenant-rules.js';

export const DEFAULT_RULE_SETS = Symbol('DEFAULT_RULE_SETS');
export const RULE_PACKS = Symbol('RULE_PACKS');

/** A core rule-set kind ('health') or a plugin pack id ('legal.signals'). */
export type RuleSetId = string;
export type AnyRuleDocument = RuleSetDocument | RulePack;

export interface ActiveRuleSetView {
  kind: RuleSetId;
  version: number;
  hash: string;
  revision: number;
  document: AnyRuleDocument;
}

export type RuleOverrides = Partial<Record<RuleSetId, { document: AnyRuleDocument; version: number; hash: string }>>;

const MAX_COMPILED = 64;

/**
 * Resolves which rule-set versions are live for a tenant (core kinds and the packs of installed
 * plugins alike) and hands out compiled engines, cached by content hash so every account of a
 * rescoring run shares one engine per industry.
 */
@Injectable()
export class RuleSetRegistry {
  private readonly compiled = new Map<string, CompiledRuleBundle>();
  private readonly packsById: Map<string, PackDefault>;

  constructor(
    @Inject(MikroORM) private readonly orm: MikroORM,
    @Inject(DEFAULT_RULE_SETS) private readonly defaults: DefaultRuleSets,
    @Inject(RULE_PACKS) packs: PackDefault[],
    private readonly operators: OperatorRegistry,
    private readonly tenants: TenantsService,
  ) {
    this.packsById = new Map(packs.map((p) => [p.id, p]));
  }

  /** Every rule set authoring knows: the core kinds, then the installed packs. */
  ids(): RuleSetId[] {
    return [...RULE_SET_KINDS, ...this.packsById.keys()];
  }

  packOf(id: RuleSetId): PackDefault | undefined {
    return this.packsById.get(id);
  }

  async active(tenantId: string, em: EntityManager = this.orm.em.fork()): Promise<Record<RuleSetId, ActiveRuleSetView>> {
    const rows = await em.find(ActiveRuleSet, { tenantId });
    const stored = rows.filter((r) => r.version > 0);
    const versions = stored.length
      ? await em.find(RuleSetVersion, { $or: stored.map((r) => ({ tenantId, kind: r.kind, version: r.version })) })
      : [];
    const out: Record<RuleSetId, ActiveRuleSetView> = {};
    for (const kind of this.ids()) {
      const row = rows.find((r) => r.kind === kind);
      const version = row && row.version > 0 ? versions.find((v) => v.kind === kind && v.version === row.version) : undefined;
      const fallback = this.defaultOf(kind)!;
      out[kind] = version
        ? { kind, version: version.version, hash: version.hash, revision: row!.revision, document: version.document as AnyRuleDocument }
        : { kind, version: 0, hash: fallback.hash, revision: row?.revision ?? 0, document: fallback.document };
    }
    return out;
  }

  /**
   * The tenant's live rules, optionally with some rule sets replaced (simulation of a draft).
   * Packs of plugins the tenant has not enabled are left out.
   */
  async activeRules(tenantId: string, overrides: RuleOverrides = {}): Promise<TenantRules> {
    const [active, enabled] = await Promise.all([this.active(tenantId), this.tenants.enabledPlugins(tenantId)]);
    const chosen = (id: RuleSetId) => overrides[id] ?? active[id];
    const bundle = {} as Record<RuleSetKind, RuleSetDocument>;
    const versions: RuleVersions = {};
    for (const kind of RULE_SET_KINDS) {
      bundle[kind] = chosen(kind).document as RuleSetDocument;
      versions[kind] = { version: chosen(kind).version, hash: chosen(kind).hash };
    }
    const packs = [...this.packsById.values()]
      .filter((p) => !enabled || enabled.includes(p.plugin))
      .map((p) => ({ id: p.id, plugin: p.plugin, industries: p.industries, document: chosen(p.id).document as RulePack, version: chosen(p.id).version, hash: chosen(p.id).hash }));
    return new TenantRules({ bundle: bundle as RuleBundle, versions }, packs, (b, v) => this.compile(b, v));
  }

  compile(bundle: RuleBundle, versions: RuleVersions): CompiledRuleBundle {
    const key = Object.keys(versions).sort().map((k) => `${k}=${versions[k].hash}`).join(':');
    let compiled = this.compiled.get(key);
    if (!compiled) {
      compiled = new CompiledRuleBundle(bundle, versions, this.operators);
      if (this.compiled.size >= MAX_COMPILED) this.compiled.delete(this.compiled.keys().next().value as string);
      this.compiled.set(key, compiled);
    }
    return compiled;
  }

  /** A stored version's document (version 0 is the shipped file: rules/ or the plugin's pack). */
  async document(tenantId: string, kind: RuleSetId, version: number, em: EntityManager = this.orm.em.fork()): Promise<{ document: AnyRuleDocument; hash: string; status: string }> {
    if (version === 0) {
      const fallback = this.defaultOf(kind);
      if (!fallback) throw new NotFound(`unknown rule set '${kind}'`);
      return { ...fallback, status: 'published' };
    }
    const row = await em.findOne(RuleSetVersion, { tenantId, kind, version });
    if (!row) throw new NotFound(`${kind} rule set version ${version} not found`);
    return { document: row.document as AnyRuleDocument, hash: row.hash, status: row.status };
  }

  /** Version 0 of a rule set: the default file, or the pack as the plugin ships it. */
  defaultOf(kind: RuleSetId): { document: AnyRuleDocument; hash: string } | undefined {
    if ((RULE_SET_KINDS as string[]).includes(kind)) return { document: this.defaults.bundle[kind as RuleSetKind], hash: this.defaults.hashes[kind as RuleSetKind] };
    const pack = this.packsById.get(kind);
    return pack ? { document: pack.document, hash: pack.hash } : undefined;
  }

  defaultsOf(): DefaultRuleSets {
    return this.defaults;
  }
}
