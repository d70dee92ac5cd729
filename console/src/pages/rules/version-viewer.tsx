import { useMemo, useState } from 'react';
import { api } from '../../api/client';
import { useApi } from '../../api/use-api';
import { rolesText } from '../../auth/roles';
import { useSession } from '../../auth/session-context';
import { JsonEditor } from '../../components/json-editor/json-editor';
import { ErrorPanel, Loading } from '../../components/status';
import { navigate } from '../../router';
import type { SwitchRequest } from './publish-dialog';
import type { RuleSetVersionDocument, VersionList } from './rule-types';
import type { Candidate } from './use-simulation';

interface Props {
  kind: string;
  list: VersionList;
  version: number;
  onSwitch: (request: SwitchRequest) => void;
  onSimulate: (candidate: Candidate, label: string) => void;
}

/** One stored version, read only, with what can be done with it: draft from it, simulate, publish, roll back, export. */
export function VersionViewer({ kind, list, version, onSwitch, onSimulate }: Props) {
  const doc = useApi<RuleSetVersionDocument>(`/rule-sets/${encodeURIComponent(kind)}/versions/${version}`);
  const [downloadError, setDownloadError] = useState<Error | null>(null);
  const text = useMemo(() => (doc.state === 'ready' ? JSON.stringify(doc.data.document, null, 2) : ''), [doc.state, doc.data]);
  const row = list.versions.find((v) => v.version === version);
  const active = version === list.activeVersion;
  const { can, me } = useSession();
  const mayAuthor = can('rules.author'); // draft, simulate
  const mayPublish = can('rules.publish'); // publish, roll back
  const switchable = row?.status === 'draft' || (row?.status === 'published' && !active);
  const roles = rolesText(me.roles);
  const readOnlyReason = !mayAuthor
    ? `Read only for your role (${roles}): drafting, simulating and publishing need a Program owner or an Admin.`
    : !mayPublish && switchable
      ? `Publishing and rolling back need a Program owner or an Admin (you are ${roles}).`
      : null;
  return (
    <section className="panel" aria-labelledby="version-title">
      <h2 id="version-title">
        Version {version} {active ? <span className="badge ok">active</span> : row?.status === 'draft' ? <span className="badge medium">draft</span> : null}
      </h2>
      <div className="toolbar" role="group" aria-label={`Actions for version ${version}`}>
        {mayAuthor && (
          <button type="button" onClick={() => navigate(`/rules/${encodeURIComponent(kind)}?edit=${version}`)}>
            New draft from v{version}
          </button>
        )}
        {mayAuthor && !active && (
          <button type="button" className="secondary" onClick={() => onSimulate({ version }, `v${version} instead of v${list.activeVersion}`)}>
            Simulate v{version}
          </button>
        )}
        {mayPublish && row?.status === 'draft' && (
          <button type="button" className="secondary" onClick={() => onSwitch({ action: 'publish', version })}>
            Publish v{version}…
          </button>
        )}
        {mayPublish && row?.status === 'published' && !active && (
          <button type="button" className="secondary" onClick={() => onSwitch({ action: 'rollback', version })}>
            Roll back to v{version}…
          </button>
        )}
        <button
          type="button"
          className="secondary"
          onClick={() => api.download(`/rule-sets/${encodeURIComponent(kind)}/versions/${version}/export`, `${kind}.json`).catch(setDownloadError)}
        >
          Download JSON
        </button>
        {readOnlyReason && <span className="muted read-only-reason">{readOnlyReason}</span>}
      </div>
      {downloadError && <ErrorPanel error={downloadError} />}
      {doc.state === 'loading' && <Loading what={`version ${version}`} />}
      {doc.state === 'error' && <ErrorPanel error={doc.error} onRetry={doc.reload} />}
      {doc.state === 'ready' && <JsonEditor id="version-json" label={`${kind} version ${version} (read only)`} value={text} readOnly rows={22} />}
    </section>
  );
}
