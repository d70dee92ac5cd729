// Barrel used as the worker's workflowsPath and as the bundle entry: every workflow
// function exported here becomes a registered workflow type (by export name).
export { wiringCheckWorkflow } from './wiring-check.workflow.js';
export { dailyRescoreWorkflow } from './daily-rescore.workflow.js';
export { renewalWorkflow } from './renewal.workflow.js';
export { renewalSchedulerWorkflow } from './renewal-scheduler.workflow.js';
export { recoveryWorkflow } from './recovery.workflow.js';
export { winBackWorkflow } from './win-back.workflow.js';
export { successionWorkflow } from './succession.workflow.js';
export { onboardingWorkflow } from './onboarding.workflow.js';
export { cadenceWorkflow } from './cadence.workflow.js';
