// Contract between the wiring-check workflow, its activity and its clients.
// Workflow-safe: only types plus defineSignal/defineQuery (which are plain name holders
// and safe to import from Node code such as clients and tests).
import { defineQuery, defineSignal } from '@temporalio/workflow';

export interface WiringCheckInput {
  tenantId: string;
  note: string;
}

export interface WiringCheckActivityResult {
  echoedNote: string;
  tenantId: string;
  /** Activity attempt number (1 on the first try): proves the retry policy is in play. */
  attempt: number;
}

/** Implemented in src/activities; workflows reach it only through `import type` + proxyActivities. */
export interface WiringCheckActivities {
  recordWiringCheck(input: WiringCheckInput): Promise<WiringCheckActivityResult>;
}

export type WiringCheckStage = 'recording' | 'awaiting-acknowledgement' | 'acknowledged' | 'timed-out';

export interface WiringCheckState {
  stage: WiringCheckStage;
  acknowledgedBy?: string;
  activityResult?: WiringCheckActivityResult;
}

export interface WiringCheckAcknowledgement {
  by: string;
}

export const WIRING_CHECK_WORKFLOW_TYPE = 'wiringCheckWorkflow';
export const acknowledgeWiringCheckSignal = defineSignal<[WiringCheckAcknowledgement]>('acknowledgeWiringCheck');
export const wiringCheckStateQuery = defineQuery<WiringCheckState>('wiringCheckState');
