import { defineQuery, defineSignal } from '@temporalio/workflow';
import type { HealthUpdate, PlayState } from './play-types.js';

/** A person completed a play task (through the API). */
export const taskCompletedSignal = defineSignal<[{ stepId: string; taskId: string; by: string; note?: string }]>('taskCompleted');
/** A play task was reassigned (the task row changes; the play records it). */
export const taskReassignedSignal = defineSignal<[{ stepId: string; taskId: string; toPersonId: string | null; toRole: string; by: string }]>('taskReassigned');
/** Scoring produced a new snapshot for the account. */
export const healthChangedSignal = defineSignal<[HealthUpdate]>('healthChanged');
/** Stop the play, recording why. */
export const cancelPlaySignal = defineSignal<[{ reason: string; by: string }]>('cancelPlay');
/** The play's state: current step, due dates, history. */
export const playStateQuery = defineQuery<PlayState>('playState');
