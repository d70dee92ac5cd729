import { SEVERITIES } from '../accounts/account-vocabulary';
import type { Signal } from './account-types';
import { Section } from './section';

/** Warning signals active in the current snapshot, most severe first, each with its explanation. */
export function SignalsSection({ signals }: { signals: Signal[] }) {
  const sorted = [...signals].sort((a, b) => SEVERITIES.indexOf(a.severity) - SEVERITIES.indexOf(b.severity));
  return (
    <Section title={`Active signals (${signals.length})`}>
      {sorted.length === 0 ? (
        <p className="muted">No warning signals.</p>
      ) : (
        <ul className="signal-list">
          {sorted.map((s) => (
            <li key={s.id}>
              <span className={`badge ${s.severity}`}>{s.severity}</span> <strong>{s.name}</strong> <span className="muted">({s.category.replace(/_/g, ' ')})</span>
              <div>{s.explanation}</div>
            </li>
          ))}
        </ul>
      )}
    </Section>
  );
}
