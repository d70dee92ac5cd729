import type { OwnerRole, PlayKind } from './play-types.js';

export interface PlayTaskRequest {
  tenantId: string;
  accountId: string;
  /** Idempotency key: workflow id + step id (+ suffix); a retry never creates a second task. */
  sourceRef: string;
  title: string;
  description?: string;
  ownerRole: OwnerRole;
  dueOn: string | null;
}

export interface PlayRecord {
  tenantId: string;
  accountId: string;
  workflowId: string;
  play: PlayKind;
  event: 'started' | 'step' | 'attention' | 'completed' | 'cancelled' | 'failed';
  status?: 'running' | 'completed' | 'cancelled' | 'failed';
  outcome?: string;
  detail?: string;
}

/** What an automated step passes to a plugin activity (`<plugin>.<name>`). */
export interface PluginStepInput {
  tenantId: string;
  accountId: string;
  workflowId: string;
  stepId: string;
  /** The template's parameters. */
  parameters: Record<string, string | number | boolean>;
}

/** A short outcome the play records in its timeline. */
export interface PluginStepResult {
  summary: string;
}

/** Side effects plays may cause. All idempotent; none contacts a client. */
export interface PlayActivities {
  createPlayTask(request: PlayTaskRequest): Promise<{ taskId: string }>;
  /** Closes the play's open tasks (play cancelled or closed), except hand-over tasks named in `except` (full sourceRefs). */
  closePlayTasks(request: { tenantId: string; workflowIdPrefix: string; status: 'cancelled' | 'done'; except?: string[] }): Promise<number>;
  recordPlay(record: PlayRecord): Promise<void>;
}
