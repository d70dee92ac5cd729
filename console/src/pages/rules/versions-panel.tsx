import { formatDateTime } from '../../format';
import { Link } from '../../router';
import { versionLabel, versionLink, type VersionList } from './rule-types';

/** Every version of a rule set, newest first: the active one marked, drafts, who published what and why. */
export function VersionsPanel({ list, shown }: { list: VersionList; shown: number | null }) {
  return (
    <section className="panel" aria-labelledby="versions-title">
      <h2 id="versions-title">Versions</h2>
      <table>
        <thead>
          <tr>
            <th scope="col">Version</th>
            <th scope="col">Status</th>
            <th scope="col">Based on</th>
            <th scope="col">Created</th>
            <th scope="col">Published</th>
            <th scope="col">Reason</th>
          </tr>
        </thead>
        <tbody>
          {list.versions.map((v) => {
            const active = v.version === list.activeVersion;
            return (
              <tr key={v.version} className={[active ? 'version-active' : '', v.version === shown ? 'version-shown' : ''].join(' ')}>
                <td>
                  <Link to={versionLink(list.kind, v.version)} aria-current={v.version === shown ? 'true' : undefined}>
                    {versionLabel(v.version)}
                  </Link>
                </td>
                <td>
                  {active ? <span className="badge ok">active</span> : v.status === 'draft' ? <span className="badge medium">draft</span> : <span className="badge">published</span>}
                </td>
                <td>{v.basedOnVersion === null ? '—' : <Link to={versionLink(list.kind, v.basedOnVersion)}>v{v.basedOnVersion}</Link>}</td>
                <td>
                  {v.createdBy}
                  {v.createdAt && <span className="muted"> · {formatDateTime(v.createdAt)}</span>}
                </td>
                <td>{v.publishedAt ? `${v.publishedBy} · ${formatDateTime(v.publishedAt)}` : '—'}</td>
                <td className="rules-reason">{v.publishReason ?? ''}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}
