import type { EntityManager } from '@mikro-orm/core';
import { AcquisitionCost } from '../../metrics/acquisition-costs/acquisition-cost.entity.js';
import { parseCostPeriod } from '../../metrics/acquisition-costs/cost-period.js';
import { nameUuid } from './random.js';

/**
 * The demo firm's acquisition costs (DOMAIN.md §9 inputs) for the current and the two previous
 * calendar years, so CAC, CLV, payback and program ROI have numbers in the demo (deterministic ids, like the rest of the demo): about 1,800
 * partner hours at $350, $250K marketing and $120K proposals a year, a 30% margin and clients
 * staying six years. Clients won are counted from the accounts (no override).
 */
export function demoAcquisitionCosts(tenantId: string, asOf: Date): Record<string, unknown>[] {
  const year = asOf.getUTCFullYear();
  return [year - 2, year - 1, year].map((y, i) => {
    const period = parseCostPeriod(String(y))!;
    const growth = 1 + 0.05 * i;
    return {
      id: nameUuid('demo-acquisition-costs', tenantId, period.id),
      tenantId,
      createdAt: asOf,
      updatedAt: asOf,
      period: period.id,
      periodStart: period.from,
      periodEnd: period.to,
      partnerHours: Math.round(1_800 * growth),
      hourlyRate: 350,
      marketingSpend: Math.round(250_000 * growth),
      proposalCosts: Math.round(120_000 * growth),
      otherCosts: 30_000,
      clientsWon: null,
      grossMargin: 0.3,
      expectedYears: 6,
      retentionProgramCost: Math.round(300_000 * growth),
    };
  });
}

/** Inserts the demo entries a tenant does not have yet (idempotent). */
export async function seedDemoAcquisitionCosts(em: EntityManager, tenantId: string, asOf: Date): Promise<number> {
  const rows = demoAcquisitionCosts(tenantId, asOf);
  const existing = new Set((await em.find(AcquisitionCost, { tenantId }, { fields: ['period'] })).map((e) => e.period));
  const missing = rows.filter((r) => !existing.has(r.period as string));
  if (missing.length) await em.insertMany(AcquisitionCost, missing as never[]);
  return missing.length;
}
