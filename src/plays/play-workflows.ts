import type { PlayKind } from '../../workflows/shared/play-types.js';

/** Workflow type (export name in workflows/index.ts) of each play. */
export const PLAY_WORKFLOW_TYPES: Record<PlayKind, string> = {
  renewal: 'renewalWorkflow',
  recovery: 'recoveryWorkflow',
  win_back: 'winBackWorkflow',
  succession: 'successionWorkflow',
  onboarding: 'onboardingWorkflow',
  cadence: 'cadenceWorkflow',
};

export const PLAY_KINDS = Object.keys(PLAY_WORKFLOW_TYPES) as PlayKind[];

/** Deterministic id: one running play per account and play (and contract, for renewals). */
export function playWorkflowId(tenantId: string, accountId: string, play: PlayKind, scope?: string): string {
  return `${tenantId}/${accountId}/${play}${scope ? `/${scope}` : ''}`;
}
