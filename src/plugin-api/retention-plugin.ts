import { Module, type DynamicModule, type ModuleMetadata, type Type } from '@nestjs/common';
import type { MikroORM } from '@mikro-orm/core';
import type { Logger } from 'pino';
import type { z } from 'zod';
import type { FactProvider } from '../facts/fact-provider.js';
import type { OperatorDefinition } from '../rules/engine/operator-registry.js';
import type { PluginStepInput, PluginStepResult } from '../../workflows/shared/play-activities.js';
import type { DemoAccountView } from './demo-account.js';

/** What a plugin's activities may use (the worker builds them once, at start). */
export interface PluginActivityDeps {
  orm: MikroORM;
  log: Logger;
}

/**
 * Activities by bare name; the worker registers them as `<plugin>.<name>` with its dependencies
 * bound. Temporal retries them, so each must be idempotent.
 */
export type PluginActivities = Record<string, (input: PluginActivityInput, deps: PluginActivityDeps) => Promise<PluginActivityResult>>;

/** What an automated play step passes to a plugin activity, and the outcome it records. */
export type PluginActivityInput = PluginStepInput;
export type PluginActivityResult = PluginStepResult;

/** The code half of a plugin (the data half — rule packs, play templates — lives in its folder). */
export interface PluginContributions extends Pick<ModuleMetadata, 'imports' | 'providers' | 'exports'> {
  /** Batch fact providers; ids `<plugin>.<group>`, fact names `<plugin>.<name>`. Computed for the plugin's industries only. */
  facts?: FactProvider[];
  /** Custom operators, named `<plugin>.<name>`, each with a typed value schema. */
  operators?: OperatorDefinition[];
  /** Activities automated play steps can run (namespaced by the host). */
  activities?: PluginActivities;
  /** Schema of `account.attributes.<plugin>`: validated on every account write that carries it (any industry: an account may change industry; facts read it only for the plugin's industries). */
  accountAttributes?: z.ZodType;
  /**
   * Sample `attributes.<plugin>` for the demo portfolio's accounts of the plugin's industries
   * (deterministic: use `account.random()`); validated with `accountAttributes` when seeded.
   */
  demoAttributes?: (account: DemoAccountView) => Record<string, unknown> | undefined;
}

const CONTRIBUTIONS = Symbol.for('retention.plugin.contributions');

/**
 * Marks a class as a retention plugin: a Nest module (its providers may serve the plugin's own
 * needs) plus typed contributions the host reads back. Compare Vendure's @VendurePlugin.
 */
export function RetentionPlugin(contributions: PluginContributions): ClassDecorator {
  return (target) => {
    Module({ imports: contributions.imports ?? [], providers: contributions.providers ?? [], exports: contributions.exports ?? [] })(target);
    Object.defineProperty(target, CONTRIBUTIONS, { value: contributions, enumerable: false });
  };
}

/** The contributions of a decorated plugin class, or undefined when the class is not one. */
export function pluginContributionsOf(target: unknown): PluginContributions | undefined {
  if (typeof target !== 'function') return undefined;
  return (target as unknown as Record<symbol, PluginContributions | undefined>)[CONTRIBUTIONS];
}

export type PluginModuleClass = Type<unknown> | DynamicModule;
