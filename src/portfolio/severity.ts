import { SIGNAL_SEVERITIES, type SignalSeverity } from '../rules/schema/signals-rule-set.schema.js';

/** The most severe of some signals (null when none are active). */
export function topSeverity(signals: readonly { severity: SignalSeverity }[]): SignalSeverity | null {
  let top = -1;
  for (const signal of signals) top = Math.max(top, SIGNAL_SEVERITIES.indexOf(signal.severity));
  return top < 0 ? null : SIGNAL_SEVERITIES[top];
}
