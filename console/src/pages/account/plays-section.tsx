import { useState } from 'react';
import { useApi } from '../../api/use-api';
import { ErrorPanel, Loading } from '../../components/status';
import { formatDateTime } from '../../format';
import { humanize } from '../accounts/account-vocabulary';
import type { List, PlayInstance } from './account-types';
import { PlayTimeline } from './play-timeline';
import { Section } from './section';

/** The account's plays, running ones first; each opens onto its live timeline (queried from the workflow). */
export function PlaysSection({ accountId }: { accountId: string }) {
  const plays = useApi<List<PlayInstance>>(`/accounts/${encodeURIComponent(accountId)}/plays`);
  return (
    <Section title="Plays">
      {plays.state === 'loading' && <Loading what="plays" />}
      {plays.state === 'error' && <ErrorPanel error={plays.error} onRetry={plays.reload} />}
      {plays.state === 'ready' &&
        (plays.data.items.length === 0 ? (
          <p className="muted">No plays have run for this account.</p>
        ) : (
          <ul className="plays">
            {[...plays.data.items]
              .sort((a, b) => Number(b.status === 'running') - Number(a.status === 'running') || b.startedAt.localeCompare(a.startedAt))
              .map((p) => (
                <li key={p.id} id={`play-${p.id}`}>
                  <PlayItem play={p} />
                </li>
              ))}
          </ul>
        ))}
    </Section>
  );
}

function PlayItem({ play }: { play: PlayInstance }) {
  // Running plays show their timeline at once; finished ones on demand (each is a workflow query).
  const [open, setOpen] = useState(play.status === 'running');
  return (
    <details open={open} onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>
        <strong>{humanize(play.play)}</strong> <span className={`badge play-${play.status}`}>{play.status}</span>
        {play.attention !== 'normal' && <span className="badge high"> {play.attention}</span>}
        <span className="muted">
          {' '}
          started {formatDateTime(play.startedAt)}
          {play.closedAt ? `, closed ${formatDateTime(play.closedAt)}` : ''}
          {play.outcome ? ` — ${humanize(play.outcome)}` : ''}
        </span>
      </summary>
      {play.reason && <p className="muted small">Why: {play.reason}</p>}
      {open && <PlayTimeline playId={play.id} />}
    </details>
  );
}
