// A deliberately incompatible edit of workflows/renewal.workflow.ts (for the replay test only):
// it records the play in the registry before opening the first milestone, which inserts a
// command into the history that recorded runs never had.
import { proxyActivities } from '@temporalio/workflow';
import type { PlayActivities } from '../../../workflows/shared/play-activities.js';
import type { PlayInput, PlayState } from '../../../workflows/shared/play-types.js';
import { renewalWorkflow as original } from '../../../workflows/renewal.workflow.js';

const acts = proxyActivities<PlayActivities>({ startToCloseTimeout: '30 seconds' });

export async function renewalWorkflow(input: PlayInput): Promise<PlayState> {
  await acts.recordPlay({ tenantId: input.tenantId, accountId: input.accountId, workflowId: 'x', play: 'renewal', event: 'started' });
  return original(input);
}
