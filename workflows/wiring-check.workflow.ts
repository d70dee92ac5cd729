// Smallest real workflow that exercises every moving part end to end: an activity with a
// retry policy, a signal, a query and a durable timer. Used to prove a worker/server pair
// is wired correctly (tests, `start` smoke checks), not for business logic.
import { condition, proxyActivities, setHandler } from '@temporalio/workflow';
import {
  acknowledgeWiringCheckSignal,
  wiringCheckStateQuery,
  type WiringCheckActivities,
  type WiringCheckInput,
  type WiringCheckState,
} from './shared/wiring-check.contract.js';

/** An unacknowledged check must not linger forever in the namespace. */
export const WIRING_CHECK_ACK_TIMEOUT = '1 day';

const { recordWiringCheck } = proxyActivities<WiringCheckActivities>({
  // The activity is a pure echo; anything slower than this means the worker is unhealthy.
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '30 seconds', maximumAttempts: 5 },
});

export async function wiringCheckWorkflow(input: WiringCheckInput): Promise<WiringCheckState> {
  const state: WiringCheckState = { stage: 'recording' };

  // Handlers first, so a signal that arrives before the activity finishes is not lost.
  setHandler(wiringCheckStateQuery, () => ({ ...state }));
  setHandler(acknowledgeWiringCheckSignal, ({ by }) => {
    state.acknowledgedBy ??= by; // first acknowledgement wins; repeats are harmless
  });

  state.activityResult = await recordWiringCheck(input);
  state.stage = 'awaiting-acknowledgement';

  const acknowledged = await condition(() => state.acknowledgedBy !== undefined, WIRING_CHECK_ACK_TIMEOUT);
  state.stage = acknowledged ? 'acknowledged' : 'timed-out';
  return { ...state };
}
