import { LineChart } from '../../components/charts/line-chart';
import { formatDateTime } from '../../format';
import { ScoreBadge } from '../accounts/score-badge';
import type { HistoryItem } from './account-types';
import { Section } from './section';

const DAYS = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: '2-digit', timeZone: 'UTC' });
const HOURS = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit', timeZone: 'UTC' });
/** Day labels, or times of day when the whole history fits in a couple of days (e.g. a burst of events). */
const labeller = (items: HistoryItem[]) => {
  const times = items.map((s) => Date.parse(s.computedAt));
  const short = Math.max(...times) - Math.min(...times) < 3 * 86_400_000;
  return (at: string) => (short ? HOURS : DAYS).format(new Date(at));
};
const explanation = (s: HistoryItem) => s.delta?.summary ?? 'first score';

/** The score over time; every point and every change says why it moved (the snapshot's delta explanation). */
export function ScoreHistory({ history }: { history: HistoryItem[] }) {
  const oldestFirst = [...history].sort((a, b) => a.computedAt.localeCompare(b.computedAt));
  const label = labeller(history);
  return (
    <Section title="Health score history" className="score-history">
      {history.length === 0 ? (
        <p className="muted">No health snapshots yet (churned accounts are not scored).</p>
      ) : (
        <div className="score-history-body">
          <LineChart
            label="Health score history"
            yDomain={[0, 100]}
            references={[
              { y: 60, label: 'intervention below 60' },
              { y: 40, label: 'critical below 40' },
            ]}
            formatY={(v) => String(Math.round(v))}
            series={[
              {
                id: 'score',
                label: 'Health score',
                points: oldestFirst.map((s) => ({ x: Date.parse(s.computedAt), y: s.score, xLabel: label(s.computedAt), note: explanation(s) })),
              },
            ]}
          />
          <ChangeList newestFirst={[...oldestFirst].reverse()} />
        </div>
      )}
    </Section>
  );
}

function ChangeList({ newestFirst }: { newestFirst: HistoryItem[] }) {
  return (
    <div className="change-list">
      <h3>Changes</h3>
      <ol aria-label="Score changes, newest first">
        {newestFirst.map((s) => (
          <li key={s.id} className="change">
            <div className="change-head">
              <ScoreBadge score={s.score} band={s.band} />
              <time dateTime={s.computedAt}>{formatDateTime(s.computedAt)}</time>
              <span className="muted">{s.trigger}</span>
            </div>
            <p className="delta-summary">{explanation(s)}</p>
            {s.delta && (s.delta.signalsAdded.length > 0 || s.delta.signalsRemoved.length > 0) && (
              <p className="delta-signals">
                {s.delta.signalsAdded.map((id) => (
                  <span key={`+${id}`} className="badge raised">
                    + {id}
                  </span>
                ))}
                {s.delta.signalsRemoved.map((id) => (
                  <span key={`-${id}`} className="badge cleared">
                    − {id}
                  </span>
                ))}
              </p>
            )}
          </li>
        ))}
      </ol>
    </div>
  );
}
