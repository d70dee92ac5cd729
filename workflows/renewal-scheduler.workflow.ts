import { proxyActivities } from '@temporalio/workflow';
import type { RenewalSchedulerActivities, RenewalSchedulerInput } from './shared/renewal-scheduler.contract.js';

const { startDueRenewals, startTriggeredPlays } = proxyActivities<RenewalSchedulerActivities>({
  startToCloseTimeout: '10 minutes',
  retry: { initialInterval: '30 seconds', backoffCoefficient: 2, maximumAttempts: 5 },
});

/**
 * Run daily by a per-tenant Temporal Schedule: every contract whose end date is within the
 * renewal lead time gets its renewal play (never started by hand), and the succession,
 * onboarding and cadence plays the data calls for are started. Starting is idempotent,
 * so a contract already in planning is left as it is.
 */
export async function renewalSchedulerWorkflow(input: RenewalSchedulerInput): Promise<{ renewals: { considered: number; started: number }; triggered: Record<string, number> }> {
  const renewals = await startDueRenewals(input);
  // Also the data-driven plays (successions, onboarding, cadence), so none waits on an event.
  const triggered = await startTriggeredPlays(input);
  return { renewals, triggered };
}
