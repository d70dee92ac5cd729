import { useApi } from '../../api/use-api';
import { ErrorPanel, Loading } from '../../components/status';
import { formatDate, formatDateTime } from '../../format';
import { humanize } from '../accounts/account-vocabulary';
import type { PlayInstance, PlayState, PlayStep } from './account-types';

const MARK: Record<PlayStep['status'], string> = { done: '✓', open: '●', pending: '○', skipped: '–', cancelled: '×' };

/** A play's steps (done, current, to come) with due dates and who completed what, from GET /plays/:id. */
export function PlayTimeline({ playId }: { playId: string }) {
  const live = useApi<{ play: PlayInstance; state: PlayState }>(`/plays/${encodeURIComponent(playId)}`);
  if (live.state === 'loading') return <Loading what="the play's timeline" />;
  if (live.state === 'error') return <ErrorPanel error={live.error} onRetry={live.reload} />;
  const { state } = live.data;
  const today = new Date().toISOString().slice(0, 10);
  return (
    <div className="play-timeline">
      <ol aria-label={`${humanize(state.play)} steps`}>
        {state.steps.map((step) => {
          const current = step.id === state.currentStep || (step.status === 'open' && !state.currentStep);
          const late = step.status === 'open' && step.dueOn !== undefined && step.dueOn < today;
          return (
            <li key={step.id} className={`step step-${step.status}${current ? ' current' : ''}`} aria-current={current ? 'step' : undefined}>
              <span className="step-mark" aria-hidden="true">
                {MARK[step.status]}
              </span>
              <span className="step-title">{step.title}</span>
              <span className="muted"> · {humanize(step.ownerRole)}</span>
              <span className="step-when">
                {step.status === 'done'
                  ? ` · done ${formatDateTime(step.completedAt ?? null)}${step.completedBy ? ` by ${step.completedBy}` : ''}`
                  : step.dueOn
                    ? ` · due ${formatDate(step.dueOn)}`
                    : ''}
                {late && <strong className="overdue"> · overdue</strong>}
                {step.escalated && <strong className="overdue"> · escalated</strong>}
                {step.status !== 'done' && step.status !== 'open' && <span className="muted"> · {step.status}</span>}
              </span>
            </li>
          );
        })}
      </ol>
      {state.history.length > 0 && (
        <details className="play-history">
          <summary>History ({state.history.length} events)</summary>
          <ul>
            {[...state.history].reverse().map((h, i) => (
              <li key={i}>
                <time dateTime={h.at}>{formatDateTime(h.at)}</time> {h.event}
                {h.detail ? <span className="muted"> — {h.detail}</span> : null}
              </li>
            ))}
          </ul>
        </details>
      )}
    </div>
  );
}
