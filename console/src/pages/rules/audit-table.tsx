import { formatDateTime } from '../../format';
import { Link } from '../../router';
import { AUDIT_ACTION_LABELS, versionLink, type AuditEntry } from './rule-types';

/** The append-only authoring log: who did what to which rule set, when, why, and what changed. */
export function AuditTable({ entries }: { entries: AuditEntry[] }) {
  return (
    <table aria-label="Audit log">
      <thead>
        <tr>
          <th scope="col">When</th>
          <th scope="col">Rule set</th>
          <th scope="col">Action</th>
          <th scope="col">Version</th>
          <th scope="col">Actor</th>
          <th scope="col">Reason</th>
          <th scope="col">Changes</th>
        </tr>
      </thead>
      <tbody>
        {entries.map((e) => (
          <tr key={e.id}>
            <td>{formatDateTime(e.createdAt)}</td>
            <td>
              <Link to={`/rules/${encodeURIComponent(e.kind)}`}>{e.kind}</Link>
            </td>
            <td>
              <span className={`badge action-${e.action}`}>{AUDIT_ACTION_LABELS[e.action] ?? e.action}</span>
            </td>
            <td>
              <Link to={versionLink(e.kind, e.version)}>v{e.version}</Link>
              {e.fromVersion !== null && (
                <span className="muted">
                  {' '}
                  from <Link to={versionLink(e.kind, e.fromVersion)}>v{e.fromVersion}</Link>
                </span>
              )}
            </td>
            <td>{e.actor}</td>
            <td className="rules-reason">{e.reason ?? ''}</td>
            <td>
              <Changes entry={e} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function Changes({ entry }: { entry: AuditEntry }) {
  if (entry.changes.length === 0) return <span className="muted">none</span>;
  return (
    <details className="audit-changes">
      <summary>
        {entry.changes.length} change{entry.changes.length === 1 ? '' : 's'}
      </summary>
      <ul>
        {entry.changes.slice(0, 50).map((c, i) => (
          <li key={i}>
            <code>{c.path}</code>: {short(c.before)} → {short(c.after)}
          </li>
        ))}
        {entry.changes.length > 50 && <li className="muted">… and {entry.changes.length - 50} more</li>}
      </ul>
    </details>
  );
}

function short(value: unknown): string {
  if (value === undefined) return '(none)';
  const text = JSON.stringify(value);
  return text.length > 80 ? `${text.slice(0, 77)}…` : text;
}
