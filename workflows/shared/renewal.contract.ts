import { defineSignal } from '@temporalio/workflow';

export const RENEWAL_OUTCOMES = ['renewed', 'expanded', 'shrunk', 'lost'] as const;
export type RenewalOutcome = (typeof RENEWAL_OUTCOMES)[number];

/** The decision on the renewal, recorded by a person through the API. */
export const renewalOutcomeSignal = defineSignal<[{ outcome: RenewalOutcome; by: string; note?: string }]>('renewalOutcome');

/** Follow-ups a lost renewal causes, outside this play (written to the play-command outbox). */
export interface RenewalFollowUps {
  requestPlay(request: { tenantId: string; accountId: string; play: 'win_back'; reason: string; idempotencyKey: string; payload: Record<string, string | number | boolean | null> }): Promise<void>;
}
