import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { moneyColumn } from '../../persistence/money-column.js';
import { tenantScopedProperties } from '../../persistence/tenant-scoped.properties.js';

/**
 * What a firm spent to win clients in one year or quarter, with the margin and expected client
 * life that turn revenue into CLV and payback (DOMAIN.md §9). Entered by the program owner; one
 * row per tenant and period.
 */
export const AcquisitionCost = defineEntity({
  name: 'AcquisitionCost',
  tableName: 'acquisition_costs',
  uniques: [{ properties: ['tenantId', 'period'] }],
  properties: {
    ...tenantScopedProperties(),
    /** 'YYYY' or 'YYYY-Qn'. */
    period: p.string().length(7),
    periodStart: p.date(),
    periodEnd: p.date(),
    partnerHours: p.decimal('number').precision(12).scale(2),
    hourlyRate: moneyColumn(),
    marketingSpend: moneyColumn(),
    proposalCosts: moneyColumn(),
    otherCosts: moneyColumn().default(0),
    /** Overrides the default count (accounts whose clientSince falls in the period). */
    clientsWon: p.integer().nullable(),
    /** Gross margin as a fraction (0.3 = 30%). */
    grossMargin: p.decimal('number').precision(5).scale(4),
    expectedYears: p.decimal('number').precision(6).scale(2),
    /** What the retention program itself cost in the period (for its ROI); optional. */
    retentionProgramCost: moneyColumn().nullable(),
  },
});
export type AcquisitionCost = InferEntity<typeof AcquisitionCost>;
