import { describe, expect, it } from 'vitest';
import { FactCatalog } from '../../src/facts/fact-catalog.js';
import { declareFacts, type FactDefinition } from '../../src/facts/fact-definition.js';
import type { FactProvider } from '../../src/facts/fact-provider.js';
import { CORE_FACT_PROVIDERS, createCoreFactCatalog } from '../../src/facts/core-fact-providers.js';
import { INDUSTRIES } from '../../src/domain/vocabulary.js';

const provider = (id: string, facts: Omit<FactDefinition, 'source'>[]): FactProvider => ({
  id,
  facts: declareFacts(id, facts),
  compute: async () => new Map(),
});
const numberFact = (name: string) => ({ name, type: 'number' as const, unit: 'count', label: name, description: `The ${name}.` });

/** The facts other modules (rules, scoring, plugins) are written against. */
const REQUIRED: Record<string, string[]> = {
  'core.profile': ['industry', 'accountStatus', 'segment', 'region', 'tenureMonths', 'tenureYears', 'clientSinceDays'],
  'core.commercial': [
    'annualRevenue', 'trailing12mRevenue', 'revenueLast90d', 'revenuePrev90d', 'spendTrendQoQPct', 'activeContracts', 'hasRetainer',
    'hasMultiYearContract', 'autoRenew', 'daysToContractEnd', 'contractValueChangePct', 'maxDaysInvoiceLate', 'avgDaysInvoiceLate',
    'overdueInvoiceCount', 'overdueAmount', 'projectsOverBudget', 'projectsLate', 'activeEngagements', 'daysSinceLastEngagementEnd',
    'openOpportunityValue', 'walletAnnualSpend', 'shareOfWalletPct', 'serviceLineCount',
  ],
  'core.engagement': [
    'daysSinceLastContact', 'daysSinceLastStrategicConversation', 'daysSinceLastExecutiveTouchpoint', 'touchpoints30d', 'touchpoints90d',
    'touchpointsPrev90d', 'touchpointTrendPct', 'executiveTouchpoints90d', 'strategicTouchpoints90d', 'operationalTouchpoints90d',
    'maintenanceTouchpoints90d', 'cancellationRate90d', 'noResponseCount90d', 'avgResponseHours90d', 'avgResponseHoursPrev90d',
    'responseTimeTrendPct', 'inboundShare90d',
  ],
  'core.relationship': [
    'stakeholderCount', 'activeThreads', 'decisionMakerAccess', 'cLevelAccess', 'hasActiveChampion', 'championDeparted', 'singleThreaded',
    'atRiskStakeholders', 'blockers', 'firmAlumniContacts', 'newExecutiveSponsorOrProcurement', 'hasExecutiveSponsor', 'teamChanges365d',
    'accountLeadChangedDays',
  ],
  'core.satisfaction': [
    'latestNps', 'previousNps', 'npsChange', 'avgCsat365d', 'latestCsat', 'openComplaints', 'openServiceIssues', 'criticalIssues90d',
    'complaints90d', 'daysSinceLastComplaint',
  ],
  'core.observations': [
    'competitorMentioned90d', 'exploringOptions90d', 'rfpIssued180d', 'discountRequests180d', 'refusedMultiMonthCommitment180d',
    'negativeToneShift90d', 'noStrategicInputRequested90d',
  ],
  'core.scoring': ['healthScore', 'previousHealthScore', 'scoreChange30d', 'scoreDrop30d', 'tier', 'activeSignalCount', 'criticalSignalCount'],
};

describe('fact catalog', () => {
  it('rejects a duplicate fact name, naming both providers', () => {
    const catalog = new FactCatalog([provider('core.engagement', [numberFact('touchpoints90d')])]);
    expect(() => catalog.register(provider('plugin.agencies', [numberFact('campaignsLive'), numberFact('touchpoints90d')]))).toThrow(
      /Duplicate fact "touchpoints90d": provider "plugin.agencies" declares it, but provider "core.engagement" already does/,
    );
    // Nothing of the refused provider was registered.
    expect(catalog.has('campaignsLive')).toBe(false);
    expect(catalog.all().map((p) => p.id)).toEqual(['core.engagement']);
  });

  it('rejects a plugin redeclaring a core fact', () => {
    const catalog = createCoreFactCatalog();
    expect(() => catalog.register(provider('plugin.legal', [numberFact('latestNps')]))).toThrow(/"plugin.legal".*"core.satisfaction"/);
  });

  it('rejects duplicate provider ids, duplicates within a provider and malformed definitions', () => {
    const catalog = new FactCatalog([provider('a', [numberFact('x')])]);
    expect(() => catalog.register(provider('a', [numberFact('y')]))).toThrow(/provider "a" is already registered/);
    expect(() => catalog.register(provider('b', [numberFact('y'), numberFact('y')]))).toThrow(/"y" is declared twice by provider "b"/);
    expect(() => catalog.register(provider('c', [numberFact('Bad Name')]))).toThrow(/not camelCase/);
    expect(() => catalog.register(provider('d', [{ ...numberFact('z'), min: 5, max: 1 }]))).toThrow(/min 5 is above max 1/);
    expect(() => catalog.register(provider('e', [{ name: 'flag', type: 'boolean', label: 'flag', description: 'A flag.', enumValues: ['a'] }]))).toThrow(/enumValues only apply/);
    expect(() => catalog.register({ id: 'f', facts: [{ ...numberFact('w'), source: 'g' }], compute: async () => new Map() })).toThrow(/must be "f"/);
    expect(() => catalog.register(provider('h', [numberFact('legal.partnerRetiring')]))).not.toThrow();
  });

  it('looks facts up by name and lists providers and definitions', () => {
    const catalog = new FactCatalog([provider('a', [numberFact('one'), numberFact('two')])]).register(provider('b', [numberFact('three')]));
    expect(catalog.has('two')).toBe(true);
    expect(catalog.has('four')).toBe(false);
    expect(catalog.get('three')).toMatchObject({ name: 'three', source: 'b', type: 'number' });
    expect(catalog.get('four')).toBeUndefined();
    expect(catalog.providerOf('one')?.id).toBe('a');
    expect(catalog.all().map((p) => p.id)).toEqual(['a', 'b']);
    expect(catalog.definitions().map((d) => d.name)).toEqual(['one', 'two', 'three']);
    expect(catalog.names()).toEqual(['one', 'two', 'three']);
  });

  it('declares every core fact once, in its provider, with metadata', () => {
    const catalog = createCoreFactCatalog();
    expect(catalog.all()).toHaveLength(CORE_FACT_PROVIDERS.length);
    for (const [source, names] of Object.entries(REQUIRED)) {
      for (const name of names) expect({ name, source: catalog.get(name)?.source }).toEqual({ name, source });
    }
    for (const definition of catalog.definitions()) {
      expect(definition.label.length, definition.name).toBeGreaterThan(2);
      expect(definition.description.length, definition.name).toBeGreaterThan(20);
      if (definition.unit) {
        expect(['USD', 'days', 'months', 'years', 'count', 'percent', 'points', 'hours', 'ratio', 'score']).toContain(definition.unit);
      }
    }
    expect(catalog.get('industry')).toMatchObject({ type: 'string', enumValues: INDUSTRIES });
    expect(catalog.get('latestNps')).toMatchObject({ type: 'number', min: 0, max: 10 });
    expect(catalog.get('healthScore')).toMatchObject({ type: 'number', unit: 'score', min: 0, max: 100 });
    expect(catalog.get('singleThreaded')).toMatchObject({ type: 'boolean' });
  });

  it('gives every core fact a distinct label', () => {
    const labels = createCoreFactCatalog().definitions().map((d) => d.label);
    expect(new Set(labels).size).toBe(labels.length);
  });
});
