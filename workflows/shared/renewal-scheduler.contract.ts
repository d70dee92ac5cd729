/** Workflow-safe contract of the daily renewal scheduler. */
export interface RenewalSchedulerInput {
  tenantId: string;
}

export interface RenewalSchedulerActivities {
  /** Starts renewal plays for contracts ending within the template's lead time (idempotent). */
  startDueRenewals(input: RenewalSchedulerInput): Promise<{ considered: number; started: number }>;
  /** Starts succession, onboarding and cadence plays the data calls for (idempotent). */
  startTriggeredPlays(input: RenewalSchedulerInput): Promise<Record<string, number>>;
}
