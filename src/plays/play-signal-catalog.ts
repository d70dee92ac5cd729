import { z } from 'zod';
import type { SignalDefinition } from '@temporalio/common';
import { renewalOutcomeSignal, RENEWAL_OUTCOMES } from '../../workflows/shared/renewal.contract.js';

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
};
