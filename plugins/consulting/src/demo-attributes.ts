import { isoDate, type DemoAccountView } from '../../../src/plugin-api/index.js';
import type { ConsultingAttributes } from './attributes.js';

const PLANNING_SESSION = /strategic planning/i;

/**
 * Sample `attributes.consulting` for demo consulting accounts, read from their own history: the
 * last held annual strategic planning session (the demo holds one each winter with strategic
 * clients, and declining ones cancel theirs, so those fall overdue), and for most of them the
 * month they plan in. Accounts that never held one get nothing.
 */
export function consultingDemoAttributes(view: DemoAccountView): ConsultingAttributes | undefined {
  const sessions = view.touchpoints
    .filter((t) => t.outcome === 'held' && PLANNING_SESSION.test(t.summary ?? ''))
    .map((t) => isoDate(t.occurredAt))
    .filter((day) => day <= view.asOf)
    .sort();
  const last = sessions.at(-1);
  if (!last) return undefined;
  // Sessions recur in the client's budget cycle; a quarter of the clients never told us theirs.
  return view.random() < 0.75 ? { lastStrategicPlanningOn: last, planningMonth: Number(last.slice(5, 7)) } : { lastStrategicPlanningOn: last };
}
