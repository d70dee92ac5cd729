import { z } from 'zod';

const amount = () => z.number({ error: 'expected a number' }).finite().nonnegative().max(99_999_999_999);

/** PUT /metrics/acquisition-costs/:period body: strict, every amount non-negative, margin a fraction. */
export const acquisitionCostBodySchema = z.strictObject({
  partnerHours: z.number({ error: 'expected a number' }).finite().nonnegative().max(1_000_000_000),
  hourlyRate: amount(),
  marketingSpend: amount(),
  proposalCosts: amount(),
  otherCosts: amount().default(0),
  /** Overrides the default (accounts whose clientSince falls in the period). */
  clientsWon: z.number({ error: 'expected an integer' }).int().nonnegative().max(10_000_000).nullish(),
  grossMargin: z.number({ error: 'expected a fraction between 0 and 1' }).min(0).max(1),
  expectedYears: z.number({ error: 'expected a number of years' }).positive().max(100),
  retentionProgramCost: amount().nullish(),
});
export type AcquisitionCostBody = z.output<typeof acquisitionCostBodySchema>;
