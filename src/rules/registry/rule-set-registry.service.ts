import { Inject, Injectable } from '@nestjs/common';
import { MikroORM, type EntityManager } from '@mikro-orm/core';
import { NotFound } from '../../api/api-errors.js';
import type { DefaultRuleSets } from '../defaults/default-rule-sets.js';
import { CompiledRuleBundle, type RuleVersions } from '../engine/compiled-rule-bundle.js';
import { OperatorRegistry } from '../engine/operator-registry.js';
import { RULE_SET_KINDS, type RuleBundle, type RuleSetDocument, type RuleSetKind } from '../schema/rule-set.schema.js';
import { ActiveRuleSet } from './active-rule-set.entity.js';
import { RuleSetVersion } from './rule-set-version.entity.js';

export const DEFAULT_RULE_SETS = Symbol('DEFAULT_RULE_SETS');

export interface ActiveRuleSetView {
  kind: RuleSetKind;
  version: number;
  hash: string;
  revision: number;
  document: RuleSetDocument;
}

const MAX_COMPILED = 64;

/**
 * Resolves which rule-set versions are live for a tenant and hands out compiled engines,
 * cached by content hash so every account of a rescoring run shares one engine.
 */
@Injectable()
export class RuleSetRegistry {
  private readonly compiled = new Map<string, CompiledRuleBundle>();

  constructor(
    @Inject(MikroORM) private readonly orm: MikroORM,
    @Inject(DEFAULT_RULE_SETS) private readonly defaults: DefaultRuleSets,
    private readonly operators: OperatorRegistry,
  ) {}

  async active(tenantId: string, em: EntityManager = this.orm.em.fork()): Promise<Record<RuleSetKind, ActiveRuleSetView>> {
    const rows = await em.find(ActiveRuleSet, { tenantId });
    const stored = rows.filter((r) => r.version > 0);
    const versions = stored.length
      ? await em.find(RuleSetVersion, { $or: stored.map((r) => ({ tenantId, kind: r.kind, version: r.version })) })
      : [];
    const out = {} as Record<RuleSetKind, ActiveRuleSetView>;
    for (const kind of RULE_SET_KINDS) {
      const row = rows.find((r) => r.kind === kind);
      const version = row && row.version > 0 ? versions.find((v) => v.kind === kind && v.version === row.version) : undefined;
      out[kind] = version
        ? { kind, version: version.version, hash: version.hash, revision: row!.revision, document: version.document as RuleSetDocument }
        : { kind, version: 0, hash: this.defaults.hashes[kind], revision: row?.revision ?? 0, document: this.defaults.bundle[kind] };
    }
    return out;
  }

  /** The live bundle, optionally with some kinds replaced (simulation of a draft). */
  async activeBundle(tenantId: string, overrides: Partial<Record<RuleSetKind, { document: RuleSetDocument; version: number; hash: string }>> = {}): Promise<CompiledRuleBundle> {
    const active = await this.active(tenantId);
    const bundle = {} as Record<RuleSetKind, RuleSetDocument>;
    const versions = {} as RuleVersions;
    for (const kind of RULE_SET_KINDS) {
      const chosen = overrides[kind] ?? active[kind];
      bundle[kind] = chosen.document;
      versions[kind] = { version: chosen.version, hash: chosen.hash };
    }
    return this.compile(bundle as RuleBundle, versions);
  }

  compile(bundle: RuleBundle, versions: RuleVersions): CompiledRuleBundle {
    const key = RULE_SET_KINDS.map((k) => versions[k].hash).join(':');
    let compiled = this.compiled.get(key);
    if (!compiled) {
      compiled = new CompiledRuleBundle(bundle, versions, this.operators);
      if (this.compiled.size >= MAX_COMPILED) this.compiled.delete(this.compiled.keys().next().value as string);
      this.compiled.set(key, compiled);
    }
    return compiled;
  }

  /** A stored version's document (version 0 is the default file). */
  async document(tenantId: string, kind: RuleSetKind, version: number, em: EntityManager = this.orm.em.fork()): Promise<{ document: RuleSetDocument; hash: string; status: string }> {
    if (version === 0) return { document: this.defaults.bundle[kind], hash: this.defaults.hashes[kind], status: 'published' };
    const row = await em.findOne(RuleSetVersion, { tenantId, kind, version });
    if (!row) throw new NotFound(`${kind} rule set version ${version} not found`);
    return { document: row.document as RuleSetDocument, hash: row.hash, status: row.status };
  }

  defaultsOf(): DefaultRuleSets {
    return this.defaults;
  }
}
