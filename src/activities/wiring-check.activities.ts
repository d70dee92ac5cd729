import { Context } from '@temporalio/activity';
import type { WiringCheckActivities } from '../../workflows/shared/wiring-check.contract.js';

/** Pure and idempotent: safe to retry any number of times. */
export function createWiringCheckActivities(): WiringCheckActivities {
  return {
    async recordWiringCheck(input) {
      const { attempt } = Context.current().info;
      return { echoedNote: input.note, tenantId: input.tenantId, attempt };
    },
  };
}
