import { FactCatalog } from './fact-catalog.js';
import type { FactProvider } from './fact-provider.js';
import { commercialFactsProvider } from './providers/commercial-facts.provider.js';
import { engagementFactsProvider } from './providers/engagement-facts.provider.js';
import { profileFactsProvider } from './providers/profile-facts.provider.js';
import { relationshipFactsProvider } from './providers/relationship-facts.provider.js';
import { satisfactionFactsProvider } from './providers/satisfaction-facts.provider.js';
import { scoringFactsProvider } from './providers/scoring-facts.provider.js';
import { signalFactsProvider } from './providers/signal-facts.provider.js';

/** The facts the platform computes itself; plugins add providers to the catalog beside these. */
export const CORE_FACT_PROVIDERS: readonly FactProvider[] = [
  profileFactsProvider,
  commercialFactsProvider,
  engagementFactsProvider,
  relationshipFactsProvider,
  satisfactionFactsProvider,
  signalFactsProvider,
  scoringFactsProvider,
];

/** A fresh catalog holding the core providers (register plugin providers on it afterwards). */
export function createCoreFactCatalog(): FactCatalog {
  return new FactCatalog(CORE_FACT_PROVIDERS);
}
