import { useState, type ReactNode } from 'react';
import { Link } from '../../router';
import type { SimulationReport } from './rule-types';

const LIMIT = 25;

const AccountLink = ({ id, name }: { id: string; name: string }) => <Link to={`/accounts/${encodeURIComponent(id)}`}>{name}</Link>;

/** A titled table of account changes, long lists cut to 25 rows with a "show all". */
function ChangeTable<T>({ title, rows, head, render, empty }: { title: string; rows: T[]; head: ReactNode; render: (row: T) => ReactNode; empty: string }) {
  const [all, setAll] = useState(false);
  const shown = all ? rows : rows.slice(0, LIMIT);
  const id = `sim-${title.toLowerCase().replace(/\W+/g, '-')}`;
  return (
    <section className="simulation-section" aria-labelledby={id}>
      <h3 id={id}>
        {title} <span className="muted">({rows.length})</span>
      </h3>
      {rows.length === 0 ? (
        <p className="muted">{empty}</p>
      ) : (
        <>
          <table aria-labelledby={id}>
            <thead>{head}</thead>
            <tbody>{shown.map(render)}</tbody>
          </table>
          {rows.length > LIMIT && (
            <button type="button" className="secondary" onClick={() => setAll(!all)}>
              {all ? `Show the first ${LIMIT}` : `Show all ${rows.length}`}
            </button>
          )}
        </>
      )}
    </section>
  );
}

const Arrow = ({ from, to }: { from: number; to: number }) => <span className={to > from ? 'delta-up' : 'delta-down'}>{to > from ? '▲' : '▼'}</span>;

/** Accounts moving from one numbered level to another (tiers, lifecycle stages). */
function LevelChanges({ title, empty, unit, rows }: { title: string; empty: string; unit: string; rows: { accountId: string; name: string; from: number; to: number }[] }) {
  return (
    <ChangeTable
      title={title}
      rows={rows}
      empty={empty}
      head={
        <tr>
          <th scope="col">Account</th>
          <th scope="col">{unit} now</th>
          <th scope="col">With candidate</th>
        </tr>
      }
      render={(r) => (
        <tr key={r.accountId}>
          <td>
            <AccountLink id={r.accountId} name={r.name} />
          </td>
          <td>
            {unit} {r.from}
          </td>
          <td>
            <Arrow from={r.from} to={r.to} /> {unit} {r.to}
          </td>
        </tr>
      )}
    />
  );
}

export const TierChanges = ({ rows }: { rows: SimulationReport['tierChanges'] }) => <LevelChanges title="Tier moves" empty="Nobody would change tier." unit="Tier" rows={rows} />;

export function ScoreChanges({ rows }: { rows: SimulationReport['scoreChanges'] }) {
  return (
    <ChangeTable
      title="Score changes"
      rows={rows}
      empty="No health score would change."
      head={
        <tr>
          <th scope="col">Account</th>
          <th scope="col" className="num">
            Score now
          </th>
          <th scope="col" className="num">
            With candidate
          </th>
          <th scope="col" className="num">
            Change
          </th>
        </tr>
      }
      render={(r) => (
        <tr key={r.accountId}>
          <td>
            <AccountLink id={r.accountId} name={r.name} />
          </td>
          <td className="num">{r.from}</td>
          <td className="num">{r.to}</td>
          <td className={`num ${r.delta > 0 ? 'delta-up' : 'delta-down'}`}>{r.delta > 0 ? `+${r.delta}` : r.delta}</td>
        </tr>
      )}
    />
  );
}

export const StageChanges = ({ rows }: { rows: SimulationReport['stageChanges'] }) => (
  <LevelChanges title="Lifecycle stage changes" empty="No lifecycle stage would change." unit="Stage" rows={rows} />
);

export function SignalChanges({ rows, before, after }: { rows: SimulationReport['signalChanges']; before: Record<string, number>; after: Record<string, number> }) {
  const counts = [...new Set([...Object.keys(before), ...Object.keys(after)])].filter((s) => (before[s] ?? 0) !== (after[s] ?? 0)).sort();
  return (
    <>
      <ChangeTable
        title="Signals that would fire or stop"
        rows={rows}
        empty="No warning signal would start or stop firing."
        head={
          <tr>
            <th scope="col">Account</th>
            <th scope="col">Would fire</th>
            <th scope="col">Would stop</th>
          </tr>
        }
        render={(r) => (
          <tr key={r.accountId}>
            <td>
              <AccountLink id={r.accountId} name={r.name} />
            </td>
            <td>{r.added.map((s) => <span key={s} className="badge high">+ {s}</span>)}</td>
            <td>{r.removed.map((s) => <span key={s} className="badge ok">− {s}</span>)}</td>
          </tr>
        )}
      />
      {counts.length > 0 && (
        <p className="muted">
          Accounts per signal: {counts.map((s) => `${s} ${before[s] ?? 0} → ${after[s] ?? 0}`).join(' · ')}
        </p>
      )}
    </>
  );
}

export function EscalationChanges({ escalations }: { escalations: SimulationReport['escalations'] }) {
  const rows = [
    ...escalations.onlyWithCandidate.map((e) => ({ ...e, change: 'would newly fire' as const })),
    ...escalations.onlyWithCurrent.map((e) => ({ ...e, change: 'would no longer fire' as const })),
  ];
  return (
    <ChangeTable
      title="Escalations"
      rows={rows}
      empty="No escalation protocol would fire differently."
      head={
        <tr>
          <th scope="col">Account</th>
          <th scope="col">Protocol</th>
          <th scope="col">Change</th>
        </tr>
      }
      render={(r) => (
        <tr key={`${r.accountId}/${r.protocol}/${r.change}`}>
          <td>
            <AccountLink id={r.accountId} name={r.name} />
          </td>
          <td>
            <code>{r.protocol}</code>
          </td>
          <td className={r.change === 'would newly fire' ? 'delta-down' : 'delta-up'}>{r.change}</td>
        </tr>
      )}
    />
  );
}
