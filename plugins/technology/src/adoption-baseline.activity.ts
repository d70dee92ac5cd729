import { selectRows, type PluginActivityDeps, type PluginActivityInput, type PluginActivityResult } from '../../../src/plugin-api/index.js';
import { latestUsage, monthOf, readAttributes } from './attributes.js';

/**
 * Automated step of the handover play (`technology.adoptionBaseline`): records the adoption the
 * 30/60/90-day reviews are measured against, as the step's summary in the play's timeline.
 * Read-only (one query), so Temporal's retries are harmless.
 */
export async function adoptionBaseline(input: PluginActivityInput, deps: PluginActivityDeps): Promise<PluginActivityResult> {
  const [row] = await selectRows<{ attributes: unknown }>(deps.orm.em.fork(), 'select attributes from accounts where tenant_id = :tenantId and id = :accountId', { tenantId: input.tenantId, accountId: input.accountId });
  if (!row) {
    // Deleted while the play ran: nothing to measure, and retrying would not change that.
    deps.log.warn({ accountId: input.accountId, workflowId: input.workflowId }, 'adoption baseline: account not found');
    return { summary: 'account not found; no adoption baseline recorded' };
  }
  const all = typeof row.attributes === 'string' ? (JSON.parse(row.attributes) as unknown) : row.attributes; // SQLite: json as text
  const attributes = readAttributes(all && typeof all === 'object' ? (all as Record<string, unknown>).technology : undefined);
  const latest = attributes ? latestUsage(attributes, monthOf(new Date())) : undefined;
  if (!attributes || !latest) return { summary: 'no usage data yet' };
  const seats = attributes.licensedSeats;
  const summary = seats ? `adoption ${Math.round((latest.activeUsers / seats) * 100)}% of ${seats} seats (${latest.month})` : `${latest.activeUsers} active users (${latest.month}); licensed seats not recorded`;
  deps.log.info({ accountId: input.accountId, workflowId: input.workflowId, stepId: input.stepId, summary }, 'adoption baseline recorded');
  return { summary };
}
