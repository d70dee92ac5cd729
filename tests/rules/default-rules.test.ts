import { beforeAll, describe, expect, it } from 'vitest';
import type { FactValues } from '../../src/facts/fact-definition.js';
import { evaluateAccount } from '../../src/scoring/account-evaluator.js';
import type { AccountEvaluation, ScoreHistory } from '../../src/scoring/evaluation.js';
import { AT_39, AT_40, AT_59, AT_60, defaultBundle, factsWith, HEALTHY_TIER2 } from './default-rules.fixture.js';

const AS_OF = new Date('2026-11-01T00:00:00Z');
const DAY = 86_400_000;

describe('default rule sets (rules/*.json)', () => {
  let run: (values: FactValues, history?: ScoreHistory) => Promise<AccountEvaluation>;

  beforeAll(async () => {
    const { catalog, compiled } = await defaultBundle();
    run = (values, history = { recent: [] }) => evaluateAccount(compiled, factsWith(catalog, values), history, AS_OF);
  });

  const components = (e: AccountEvaluation) => Object.fromEntries(e.components.map((c) => [c.id, c.points]));

  describe('health score', () => {
    it('awards every point to a fully healthy account (weights 30/25/25/20)', async () => {
      const e = await run(HEALTHY_TIER2);
      expect(components(e)).toEqual({ engagement: 30, relationship: 25, financial: 25, satisfaction: 20 });
      expect(e.score).toBe(100);
      expect(e.band).toBe('healthy');
      expect(e.protocols).toEqual([]);
    });

    it('60 is healthy, 59 needs intervention (and triggers the review-meeting protocol)', async () => {
      const at60 = await run(AT_60);
      expect(components(at60)).toEqual({ engagement: 10, relationship: 22, financial: 15, satisfaction: 13 });
      expect(at60.score).toBe(60);
      expect(at60.band).toBe('healthy');
      expect(at60.protocols).not.toContain('below-60');

      const at59 = await run(AT_59);
      expect(components(at59)).toEqual({ engagement: 5, relationship: 22, financial: 15, satisfaction: 17 });
      expect(at59.score).toBe(59);
      expect(at59.band).toBe('intervention');
      expect(at59.protocols).toContain('below-60');
    });

    it('40 needs intervention, 39 is critical (partner + recovery plan protocol)', async () => {
      const at40 = await run(AT_40);
      expect(components(at40)).toEqual({ engagement: 10, relationship: 9, financial: 11, satisfaction: 10 });
      expect(at40.score).toBe(40);
      expect(at40.band).toBe('intervention');
      expect(at40.protocols).not.toContain('below-40');

      const at39 = await run(AT_39);
      expect(at39.score).toBe(39);
      expect(at39.band).toBe('critical');
      expect(at39.protocols).toEqual(expect.arrayContaining(['below-40', 'below-60']));
    });

    it('explains each component with the rules that fired and the fact values they read', async () => {
      const e = await run(AT_59);
      const engagement = e.components.find((c) => c.id === 'engagement')!;
      expect(engagement.rules.map((r) => [r.id, r.points])).toEqual([['contact-this-month', 6], ['regular-touchpoints', 4], ['touchpoints-falling', -5]]);
      expect(engagement.rules[2]).toMatchObject({ reason: 'touchpoints -50% vs the previous 90 days', facts: { touchpointTrendPct: -50, tier: 2, activeEngagements: 1 } });
    });

    it('treats missing data as no evidence: no NPS earns neutral credit instead of a penalty', async () => {
      const e = await run({ ...HEALTHY_TIER2, latestNps: null });
      const satisfaction = e.components.find((c) => c.id === 'satisfaction')!;
      expect(satisfaction.rules.map((r) => r.id)).toEqual(['nps-not-collected', 'csat-high', 'no-open-complaints']);
      expect(satisfaction.points).toBe(15);
    });

    it('does not punish a transactional client for going quiet between projects', async () => {
      const between = { ...HEALTHY_TIER2, annualRevenue: 20_000, annualRelationshipValue: 20_000, hasRetainer: false, activeEngagements: 0, daysSinceLastContact: 95, touchpoints90d: 0, touchpointTrendPct: -100 };
      const e = await run(between);
      expect(e.tier).toBe(1);
      const engagement = e.components.find((c) => c.id === 'engagement')!;
      expect(engagement.rules.map((r) => r.id)).toContain('quiet-between-projects');
      expect(engagement.rules.map((r) => r.id)).not.toContain('silent-60-days');
      // The same silence on a tier-2 retainer client is penalised.
      const tier2 = await run({ ...between, annualRevenue: 120_000, annualRelationshipValue: 120_000, hasRetainer: true });
      expect(tier2.components.find((c) => c.id === 'engagement')!.rules.map((r) => r.id)).toEqual(expect.arrayContaining(['silent-60-days', 'touchpoints-falling']));
    });
  });

  describe('escalation triggers at their edges', () => {
    const history = (previousScore: number): ScoreHistory => ({
      previous: { score: previousScore, tier: 2, tierBelowSince: null, protocols: [], computedAt: new Date(AS_OF.getTime() - 10 * DAY) },
      recent: [{ at: new Date(AS_OF.getTime() - 10 * DAY), score: previousScore }],
    });

    it('a 15-point drop within 30 days escalates, a 14-point drop does not', async () => {
      const dropped15 = await run(AT_60, history(75));
      expect(dropped15.facts.scoreDrop30d).toBe(15);
      expect(dropped15.protocols).toContain('score-drop-15');
      expect(dropped15.signals.map((s) => s.id)).toContain('score-falling');

      const dropped14 = await run(AT_60, history(74));
      expect(dropped14.facts.scoreDrop30d).toBe(14);
      expect(dropped14.protocols).not.toContain('score-drop-15');
    });

    it('an invoice 31 days late escalates to the executive sponsor, 30 days does not', async () => {
      const late31 = await run({ ...HEALTHY_TIER2, maxDaysInvoiceLate: 31 });
      expect(late31.protocols).toContain('payment-30-late');
      expect(late31.signals.find((s) => s.id === 'late-payment')?.explanation).toBe('An invoice is 31 days late');
      const late30 = await run({ ...HEALTHY_TIER2, maxDaysInvoiceLate: 30 });
      expect(late30.protocols).not.toContain('payment-30-late');
      expect(late30.signals.map((s) => s.id)).not.toContain('late-payment');
    });

    it('61 days without contact raises the high-risk signal, 59 days does not (60+ is the threshold)', async () => {
      const silent61 = await run({ ...HEALTHY_TIER2, daysSinceLastContact: 61 });
      expect(silent61.signals.find((s) => s.id === 'no-contact-60-days')).toMatchObject({ category: 'high_risk', severity: 'high', explanation: 'No conversation for 61 days' });
      const silent59 = await run({ ...HEALTHY_TIER2, daysSinceLastContact: 59 });
      expect(silent59.signals.map((s) => s.id)).not.toContain('no-contact-60-days');
    });
  });

  describe('tiers and lifecycle', () => {
    it.each([
      [null, 1], [0, 1], [49_999, 1], [50_000, 2], [199_999, 2], [200_000, 3], [999_999, 3], [1_000_000, 4],
    ])('annual relationship value %s → tier %i', async (annualRelationshipValue, tier) => {
      const e = await run({ ...HEALTHY_TIER2, annualRelationshipValue, tenureYears: 1 });
      expect(e.tier).toBe(tier);
      expect(e.rawTier).toBe(tier);
    });

    it('promotes a key account one tier beyond revenue (tenure, access, room to grow)', async () => {
      const e = await run({ ...HEALTHY_TIER2, tenureYears: 4, serviceLineCount: 3 });
      expect(e.rawTier).toBe(2);
      expect(e.tier).toBe(3);
      expect(e.tierReasons.map((r) => r.id)).toEqual(['tier-2', 'key-account']);
    });

    it('demotes a key account only after the lower tier held for 90 days', async () => {
      const previous = (since: string | null) => ({ previous: { score: 90, tier: 3, tierBelowSince: since, protocols: [], computedAt: new Date(AS_OF.getTime() - DAY) }, recent: [] });
      const first = await run({ ...HEALTHY_TIER2, tenureYears: 1 }, previous(null));
      expect(first).toMatchObject({ rawTier: 2, tier: 3, tierBelowSince: '2026-11-01' });
      const after89 = await run({ ...HEALTHY_TIER2, tenureYears: 1 }, previous(new Date(AS_OF.getTime() - 89 * DAY).toISOString().slice(0, 10)));
      expect(after89.tier).toBe(3);
      const after90 = await run({ ...HEALTHY_TIER2, tenureYears: 1 }, previous(new Date(AS_OF.getTime() - 90 * DAY).toISOString().slice(0, 10)));
      expect(after90).toMatchObject({ tier: 2, tierBelowSince: null });
    });

    it('places accounts in lifecycle stages and tenure bands', async () => {
      expect(await run({ tenureMonths: 5, tenureYears: 0.4 })).toMatchObject({ stage: 1, tenureBand: 'new' });
      expect(await run({ tenureMonths: 20, tenureYears: 1.7, serviceLineCount: 1 })).toMatchObject({ stage: 2, tenureBand: 'established' });
      expect(await run({ ...HEALTHY_TIER2, tenureMonths: 72, tenureYears: 6, annualRevenue: 1_500_000, annualRelationshipValue: 1_500_000, serviceLineCount: 3, stakeholderCount: 6, activeThreads: 5, strategicTouchpoints90d: 3 })).toMatchObject({ stage: 5, stageName: 'Strategic alliance', tenureBand: 'long_term' });
    });
  });

  describe('cadence', () => {
    it('reports overdue touchpoint kinds for the tier', async () => {
      const e = await run({ ...HEALTHY_TIER2, daysSinceLastStrategicTouchpoint: 120, daysSinceLastOperationalTouchpoint: 10, daysSinceLastMaintenanceTouchpoint: 30 });
      expect(e.cadence.map((c) => [c.touchpointKind, c.overdue])).toEqual([['operational', false], ['strategic', true], ['maintenance', false]]);
    });
  });
});
