import { condition, patched, proxyActivities, setHandler, upsertSearchAttributes, workflowInfo } from '@temporalio/workflow';
import type { PlayActivities, PluginStepInput, PluginStepResult } from './play-activities.js';
import { cancelPlaySignal, healthChangedSignal, playStateQuery, taskCompletedSignal, taskReassignedSignal } from './play-signals.js';
import type { Attention, HealthUpdate, PlayInput, PlayState, PlayStep, StepState } from './play-types.js';

const DAY = 86_400_000;
const RANK: Record<Attention, number> = { normal: 0, elevated: 1, critical: 2 };

export const playActivities = proxyActivities<PlayActivities>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '2 seconds', backoffCoefficient: 2, maximumInterval: '1 minute', maximumAttempts: 20 },
});

/** Plugin activities are looked up by name (`<plugin>.<name>`) at run time. */
const pluginActivities = proxyActivities<Record<string, (input: PluginStepInput) => Promise<PluginStepResult>>>({
  startToCloseTimeout: '1 minute',
  retry: { initialInterval: '2 seconds', backoffCoefficient: 2, maximumInterval: '5 minutes', maximumAttempts: 20 },
});

const isoDate = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/**
 * Runs a play template deterministically: one task per step for the step's role, waits for its
 * completion (signal from the API) or its deadline, escalates once when late, raises the
 * play's attention when health drops below the template's thresholds. Workflow time only.
 */
export class PlayRunner {
  readonly state: PlayState;
  readonly workflowId: string;
  private readonly startedAt = Date.now();
  private cancelled?: { reason: string; by: string };
  private readonly healthListeners: ((update: HealthUpdate) => void)[] = [];
  private healthWork: Promise<void> = Promise.resolve();
  private closing = false;

  constructor(readonly input: PlayInput) {
    this.workflowId = workflowInfo().workflowId;
    const { template } = input;
    this.state = {
      play: template.play,
      templateId: template.id,
      templateVersion: template.version,
      status: 'running',
      attention: 'normal',
      steps: template.steps.map((s) => ({ id: s.id, title: s.title, ownerRole: s.ownerRole, status: 'pending' })),
      history: [{ at: new Date(this.startedAt).toISOString(), event: 'started', detail: input.reason }],
    };
    setHandler(playStateQuery, () => this.state);
    setHandler(taskCompletedSignal, ({ stepId, by, note }) => {
      const step = this.stepState(stepId);
      // 'pending' too: a completion can arrive in the same activation as the task's creation
      // result (signals are applied first), e.g. after a worker restart. Unknown or finished
      // steps are ignored (the API rejects those before signalling).
      if (!step || (step.status !== 'open' && step.status !== 'pending')) return;
      step.status = 'done';
      step.completedAt = new Date().toISOString();
      step.completedBy = by;
      this.log('step completed', `${stepId} by ${by}${note ? `: ${note}` : ''}`);
    });
    setHandler(taskReassignedSignal, ({ stepId, toRole, by }) => this.log('task reassigned', `${stepId} to ${toRole} by ${by}`));
    setHandler(cancelPlaySignal, (cancel) => {
      this.cancelled ??= cancel;
    });
    setHandler(healthChangedSignal, (update) => {
      this.state.lastHealth = update;
      this.healthListeners.forEach((listener) => listener(update));
    });
  }

  get isCancelled(): boolean {
    return this.cancelled !== undefined;
  }

  onHealth(listener: (update: HealthUpdate) => void): void {
    this.healthListeners.push(listener);
  }

  log(event: string, detail?: string): void {
    this.state.history.push({ at: new Date().toISOString(), event, ...(detail ? { detail } : {}) });
  }

  stepState(id: string): StepState | undefined {
    return this.state.steps.find((s) => s.id === id);
  }

  /** Raises attention per the template's health thresholds; each threshold's task is created once. */
  async applyHealth(update: HealthUpdate): Promise<void> {
    for (const threshold of [...this.input.template.healthThresholds].sort((a, b) => a.below - b.below)) {
      if (update.score >= threshold.below || RANK[threshold.attention] <= RANK[this.state.attention]) continue;
      this.state.attention = threshold.attention;
      this.log('attention raised', `${threshold.attention}: health ${update.score} below ${threshold.below}`);
      await playActivities.recordPlay({ ...this.who(), event: 'attention', detail: `${threshold.attention} (health ${update.score})` });
      if (threshold.task) {
        await this.createTask(`attention-${threshold.attention}`, threshold.task.title, threshold.task.ownerRole, isoDate(Date.now() + threshold.task.dueInDays * DAY));
      }
    }
  }

  /**
   * Watches health signals for the rest of the play. Updates are applied one after another and
   * `finish()` waits for them, so a threshold task is never created after the play closed.
   */
  watchHealth(): void {
    this.onHealth((update) => {
      this.healthWork = this.healthWork.then(() => (this.closing ? undefined : this.applyHealth(update)));
    });
  }

  dueMs(step: PlayStep, previousDoneMs: number): number | undefined {
    const anchor = this.input.anchorDate ? Date.parse(this.input.anchorDate) : undefined;
    if (step.due.afterStartDays !== undefined) return this.startedAt + step.due.afterStartDays * DAY;
    if (step.due.beforeAnchorDays !== undefined && anchor !== undefined) return anchor - step.due.beforeAnchorDays * DAY;
    if (step.due.afterAnchorDays !== undefined && anchor !== undefined) return anchor + step.due.afterAnchorDays * DAY;
    if (step.due.afterPreviousDays !== undefined) return previousDoneMs + step.due.afterPreviousDays * DAY;
    return undefined;
  }

  /** Runs the given steps in order; returns false when the play was cancelled meanwhile. */
  async runSteps(steps: PlayStep[] = this.input.template.steps): Promise<boolean> {
    let previousDone = Date.now();
    for (const step of steps) {
      if (this.isCancelled) return false;
      const state = this.stepState(step.id)!;
      if (step.onlyWhenAttention && RANK[this.state.attention] < RANK[step.onlyWhenAttention]) {
        state.status = 'skipped';
        continue;
      }
      this.state.currentStep = step.id;
      const due = this.dueMs(step, previousDone);
      state.dueOn = due !== undefined ? isoDate(Math.max(due, Date.now())) : undefined;
      if (step.activity) {
        if (!(await this.runAutomated(step, state, due))) return false;
        previousDone = Date.now();
        continue;
      }
      state.taskId = await this.createTask(step.id, step.title, step.ownerRole, state.dueOn ?? null, step.description);
      if (state.status === 'pending') state.status = 'open'; // unless already completed (see the signal handler)
      this.log('step opened', `${step.id} for ${step.ownerRole}${state.dueOn ? ` due ${state.dueOn}` : ''}`);
      if (step.wait === 'none') {
        previousDone = Date.now();
        continue;
      }
      const done = () => state.status === 'done' || this.isCancelled;
      if (due !== undefined && step.escalateAfterDays !== undefined) {
        const graceMs = Math.max(0, due + step.escalateAfterDays * DAY - Date.now());
        if (!(await condition(done, graceMs))) {
          state.escalated = true;
          const role = step.escalateToRole ?? 'partner';
          this.log('step late', `${step.id} escalated to ${role}`);
          await this.createTask(`${step.id}/late`, `Overdue: ${step.title}`, role, isoDate(Date.now() + 2 * DAY), `The ${step.ownerRole} task "${step.title}" was due ${state.dueOn}.`);
        }
      }
      await condition(done);
      if (this.isCancelled) return false;
      previousDone = Date.now();
    }
    this.state.currentStep = undefined;
    return true;
  }

  /** An automated step: waits for its due date, then runs the plugin activity and records its outcome. */
  private async runAutomated(step: PlayStep, state: StepState, due: number | undefined): Promise<boolean> {
    if (due !== undefined && due > Date.now()) await condition(() => this.isCancelled, due - Date.now());
    if (this.isCancelled) return false;
    const { summary } = await pluginActivities[step.activity!]({ tenantId: this.input.tenantId, accountId: this.input.accountId, workflowId: this.workflowId, stepId: step.id, parameters: this.input.template.parameters });
    state.status = 'done';
    state.completedAt = new Date().toISOString();
    state.completedBy = step.activity;
    this.log('step automated', `${step.id}: ${summary}`);
    // Plays started before this change replay without the record (and its activity call).
    if (patched('record-automated-step')) await playActivities.recordPlay({ ...this.who(), event: 'step', detail: `${step.id} (${step.activity}): ${summary}` });
    return true;
  }

  async createTask(key: string, title: string, ownerRole: PlayStep['ownerRole'], dueOn: string | null, description?: string): Promise<string> {
    const { taskId } = await playActivities.createPlayTask({
      tenantId: this.input.tenantId,
      accountId: this.input.accountId,
      sourceRef: `${this.workflowId}/${key}`,
      title,
      ...(description ? { description } : {}),
      ownerRole,
      dueOn,
    });
    return taskId;
  }

  who() {
    return { tenantId: this.input.tenantId, accountId: this.input.accountId, workflowId: this.workflowId, play: this.input.template.play };
  }

  /**
   * Closes the play: its open tasks are cancelled except hand-over tasks named in `keep` (step
   * keys, e.g. a post-mortem that outlives the play), status recorded.
   */
  async finish(status: 'completed' | 'cancelled' | 'failed', outcome?: string, options: { keep?: string[] } = {}): Promise<PlayState> {
    this.closing = true;
    await this.healthWork;
    this.state.status = status;
    if (outcome) this.state.outcome = outcome;
    this.state.currentStep = undefined;
    this.log(status, outcome ?? this.cancelled?.reason);
    // Keeps the Temporal UI/CLI view in step (search attribute declared as Keyword).
    if (this.input.indexed) upsertSearchAttributes({ RetentionStatus: [status] });
    for (const s of this.state.steps) if (s.status === 'open' || s.status === 'pending') s.status = 'cancelled';
    await playActivities.closePlayTasks({ tenantId: this.input.tenantId, workflowIdPrefix: `${this.workflowId}/`, status: 'cancelled', except: (options.keep ?? []).map((k) => `${this.workflowId}/${k}`) });
    await playActivities.recordPlay({ ...this.who(), event: status, status, ...(outcome ? { outcome } : {}), detail: this.cancelled ? `${this.cancelled.reason} (by ${this.cancelled.by})` : undefined });
    return this.state;
  }

  /** Resolves when cancelled (for races against long waits). */
  cancelledPromise(): Promise<void> {
    return condition(() => this.isCancelled);
  }
}
