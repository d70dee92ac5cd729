import { factDefinitionProblems, type FactDefinition } from './fact-definition.js';
import type { FactProvider } from './fact-provider.js';

interface Entry {
  definition: FactDefinition;
  provider: FactProvider;
}

/**
 * Every fact rules may reference, each declared by exactly one provider. Core providers are
 * registered at construction; plugins register theirs later. Registration refuses duplicates
 * (fact names and provider ids) and malformed definitions, naming the providers involved.
 */
export class FactCatalog {
  readonly #providers: FactProvider[] = [];
  readonly #facts = new Map<string, Entry>();

  constructor(providers: Iterable<FactProvider> = []) {
    for (const provider of providers) this.register(provider);
  }

  /** Adds a provider and its facts; throws (registering nothing) on any conflict or malformed fact. */
  register(provider: FactProvider): this {
    if (!provider.id?.trim()) throw new Error('Fact provider has no id');
    if (this.#providers.some((existing) => existing.id === provider.id)) {
      throw new Error(`Fact provider "${provider.id}" is already registered`);
    }
    const seen = new Set<string>();
    for (const fact of provider.facts) {
      const problems = factDefinitionProblems(fact);
      if (problems.length > 0) {
        throw new Error(`Fact "${fact.name}" of provider "${provider.id}" is malformed: ${problems.join('; ')}`);
      }
      if (fact.source !== provider.id) {
        throw new Error(`Fact "${fact.name}" of provider "${provider.id}" declares source "${fact.source}"; it must be "${provider.id}"`);
      }
      if (seen.has(fact.name)) throw new Error(`Fact "${fact.name}" is declared twice by provider "${provider.id}"`);
      seen.add(fact.name);
      const existing = this.#facts.get(fact.name);
      if (existing) {
        throw new Error(
          `Duplicate fact "${fact.name}": provider "${provider.id}" declares it, but provider "${existing.provider.id}" already does`,
        );
      }
    }
    this.#providers.push(provider);
    for (const fact of provider.facts) this.#facts.set(fact.name, { definition: fact, provider });
    return this;
  }

  /** The definition of a fact, or undefined when no provider declares it. */
  get(name: string): FactDefinition | undefined {
    return this.#facts.get(name)?.definition;
  }

  has(name: string): boolean {
    return this.#facts.has(name);
  }

  /** The provider that computes a fact, or undefined. */
  providerOf(name: string): FactProvider | undefined {
    return this.#facts.get(name)?.provider;
  }

  /** Registered providers, in registration order. */
  all(): readonly FactProvider[] {
    return [...this.#providers];
  }

  /** Every fact definition, grouped by provider in registration order. */
  definitions(): readonly FactDefinition[] {
    return [...this.#facts.values()].map((entry) => entry.definition);
  }

  /** Fact names, in the order of definitions(). */
  names(): readonly string[] {
    return [...this.#facts.keys()];
  }
}
