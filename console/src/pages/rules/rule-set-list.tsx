import { Link } from '../../router';
import { formatDateTime } from '../../format';
import type { ActiveVersions } from './use-active-versions';
import { versionLabel, versionLink, type RuleSetSummary } from './rule-types';

/** One table of rule sets: active version, when and by whom it was published, open drafts. */
export function RuleSetList({ title, ruleSets, active, showPlugin }: { title: string; ruleSets: RuleSetSummary[]; active: ActiveVersions; showPlugin: boolean }) {
  const headingId = `rule-sets-${title.toLowerCase().replace(/\W+/g, '-')}`;
  return (
    <section className="panel" aria-labelledby={headingId}>
      <h2 id={headingId}>{title}</h2>
      <table>
        <thead>
          <tr>
            {showPlugin && <th scope="col">Plugin</th>}
            <th scope="col">Rule set</th>
            <th scope="col">Active version</th>
            <th scope="col">Published</th>
            <th scope="col">Reason</th>
            <th scope="col">Drafts</th>
          </tr>
        </thead>
        <tbody>
          {ruleSets.map((rs) => {
            const row = active.state === 'ready' ? active.byKind.get(rs.kind) : undefined;
            const pending = active.state === 'loading' ? '…' : '—';
            return (
              <tr key={rs.kind}>
                {showPlugin && <td>{rs.plugin}</td>}
                <td>
                  <Link to={`/rules/${encodeURIComponent(rs.kind)}`}>{rs.name}</Link> <code className="muted">{rs.kind}</code>
                </td>
                <td>
                  <Link to={versionLink(rs.kind, rs.activeVersion)}>{versionLabel(rs.activeVersion)}</Link>
                </td>
                <td>
                  {row?.publishedAt ? `${formatDateTime(row.publishedAt)} by ${row.publishedBy}` : row ? <span className="muted">shipped ({row.createdBy})</span> : pending}
                </td>
                <td className="rules-reason">{row?.publishReason ?? pending}</td>
                <td>
                  {rs.drafts.length === 0 ? (
                    <span className="muted">none</span>
                  ) : (
                    <span className="rules-draft-links">
                      {rs.drafts.length} ({rs.drafts.map((v) => (
                        <Link key={v} to={versionLink(rs.kind, v)}>
                          v{v}
                        </Link>
                      ))})
                    </span>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}
