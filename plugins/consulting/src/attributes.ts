import { z } from 'zod';

/**
 * `account.attributes.consulting`: what the core model lacks for consulting clients. The annual
 * strategic planning session (DOMAIN.md sections 1, 7: tier 3-4 relationships hold one a year) is
 * a relationship milestone the firm records, not a touchpoint kind; the client's planning month
 * (its budget cycle) is when the next engagements get decided.
 */
export const consultingAttributes = z.strictObject({
  /** Date of the last annual strategic planning session held with the client (YYYY-MM-DD). */
  lastStrategicPlanningOn: z.iso.date().optional(),
  /** Month (1-12) the client plans its year and budgets: the session belongs shortly before it. */
  planningMonth: z.number().int().min(1).max(12).optional(),
});
export type ConsultingAttributes = z.output<typeof consultingAttributes>;
