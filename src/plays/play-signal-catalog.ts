import { z } from 'zod';
import type { SignalDefinition } from '@temporalio/common';
import { renewalOutcomeSignal, RENEWAL_OUTCOMES } from '../../workflows/shared/renewal.contract.js';
import { addRecoveryActionSignal, recoveryPlanReadySignal } from '../../workflows/shared/recovery.contract.js';
import { clientReengagedSignal, newContractSignal } from '../../workflows/shared/win-back.contract.js';
import { successorNamedSignal, departureRescheduledSignal } from '../../workflows/shared/succession.contract.js';
import { touchpointRecordedSignal, tierChangedSignal } from '../../workflows/shared/cadence.contract.js';
import { TASK_OWNER_ROLES, TOUCHPOINT_KINDS } from '../domain/vocabulary.js';

/**
 * Play-specific signals people send through the API, each with the zod schema of its payload.
 * `by` (the actor) is added by the API.
 */
export interface PlaySignalEntry {
  definition: SignalDefinition<[never]>;
  plays: string[];
  payload: z.ZodObject;
}

export const PLAY_SIGNALS: Record<string, PlaySignalEntry> = {
  'renewal-outcome': {
    definition: renewalOutcomeSignal as unknown as SignalDefinition<[never]>,
    plays: ['renewal'],
    payload: z.strictObject({ outcome: z.enum(RENEWAL_OUTCOMES), note: z.string().max(2000).optional() }),
  },
  'recovery-action': {
    definition: addRecoveryActionSignal as unknown as SignalDefinition<[never]>,
    plays: ['recovery'],
    payload: z.strictObject({ id: z.string().regex(/^[a-z0-9][a-z0-9-]{0,59}$/), title: z.string().min(1).max(300), ownerRole: z.enum(TASK_OWNER_ROLES), dueInDays: z.number().int().min(0).max(365) }),
  },
  'recovery-plan-ready': { definition: recoveryPlanReadySignal as unknown as SignalDefinition<[never]>, plays: ['recovery'], payload: z.strictObject({ note: z.string().max(2000).optional() }) },
  'client-reengaged': { definition: clientReengagedSignal as unknown as SignalDefinition<[never]>, plays: ['win_back'], payload: z.strictObject({ note: z.string().max(2000).optional() }) },
  'new-contract': { definition: newContractSignal as unknown as SignalDefinition<[never]>, plays: ['win_back'], payload: z.strictObject({ contractId: z.string().min(1).max(80) }) },
  'successor-named': { definition: successorNamedSignal as unknown as SignalDefinition<[never]>, plays: ['succession'], payload: z.strictObject({ personId: z.uuid() }) },
  'departure-rescheduled': { definition: departureRescheduledSignal as unknown as SignalDefinition<[never]>, plays: ['succession'], payload: z.strictObject({ anchorDate: z.iso.date(), reason: z.string().max(2000).optional() }) },
  'touchpoint-recorded': { definition: touchpointRecordedSignal as unknown as SignalDefinition<[never]>, plays: ['cadence'], payload: z.strictObject({ kind: z.enum(TOUCHPOINT_KINDS), at: z.iso.datetime({ offset: true }) }) },
  'tier-changed': {
    definition: tierChangedSignal as unknown as SignalDefinition<[never]>,
    plays: ['cadence'],
    payload: z.strictObject({ tier: z.number().int().min(1).max(4), requirements: z.array(z.strictObject({ touchpointKind: z.enum(TOUCHPOINT_KINDS), everyDays: z.number().int().min(1).max(730), description: z.string().max(300) })).max(10) }),
  },
};
