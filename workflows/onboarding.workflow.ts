import { PlayRunner } from './shared/play-runner.js';
import type { PlayInput, PlayState, PlayStep } from './shared/play-types.js';

const DAY = 86_400_000;
const isoDate = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/**
 * Onboarding, the first 90 days of a new client: kickoff, agreed success criteria, a first result
 * delivered faster than promised, check-ins at 30 and 90 days. Every milestone is a task for the
 * template's role, due a set number of days after the start; a late one is escalated once. Health
 * drops raise attention and involve the partner. Outcome `onboarded`.
 *
 * Template parameters: `promisedFirstResultDays` (what the client was promised) and
 * `firstResultStep` (the step that beats that promise; its task says both dates).
 */
export async function onboardingWorkflow(input: PlayInput): Promise<PlayState> {
  const startMs = Date.now();
  const play = new PlayRunner(input);
  // Health drops raise attention (template thresholds). Tracked, so closing the play waits for a
  // threshold's task and closes it too (the runner's watchHealth() does not wait).
  let closing = false;
  const healthWork: Promise<void>[] = [];
  play.onHealth((update) => {
    if (!closing) healthWork.push(play.applyHealth(update));
  });
  const finish = async (status: 'completed' | 'cancelled', outcome?: string) => {
    closing = true;
    await Promise.allSettled(healthWork);
    return play.finish(status, outcome);
  };

  const promisedDays = Number(input.template.parameters.promisedFirstResultDays ?? 0);
  const firstResultStep = String(input.template.parameters.firstResultStep ?? 'first-result');
  const steps = input.template.steps.map((step): PlayStep => {
    if (step.id !== firstResultStep || !(promisedDays > 0) || step.due.afterStartDays === undefined) return step;
    const note = `Promised to the client by ${isoDate(startMs + promisedDays * DAY)} (day ${promisedDays}); deliver by ${isoDate(startMs + step.due.afterStartDays * DAY)} (day ${step.due.afterStartDays}).`;
    return { ...step, description: step.description ? `${step.description} ${note}` : note };
  });

  if (!(await play.runSteps(steps))) return finish('cancelled');
  return finish('completed', 'onboarded');
}
