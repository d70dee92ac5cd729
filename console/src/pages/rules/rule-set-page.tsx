import { useEffect, useState } from 'react';
import { useApi } from '../../api/use-api';
import { NotAllowed } from '../../auth/not-allowed';
import { useSession } from '../../auth/session-context';
import { Page } from '../../components/page';
import { ErrorPanel, Loading } from '../../components/status';
import { Link, navigate, useLocation } from '../../router';
import { DraftEditor } from './draft-editor';
import { PublishDialog, type SwitchRequest } from './publish-dialog';
import { versionLink, type RuleSetSummary, type RuleSetVersionDocument, type VersionList } from './rule-types';
import { SimulationPanel } from './simulation-panel';
import { useSimulation } from './use-simulation';
import { VersionViewer } from './version-viewer';
import { VersionsPanel } from './versions-panel';
import './rules.css';

const versionParam = (raw: string | null): number | null => (raw !== null && /^\d+$/.test(raw) ? Number(raw) : null);

/**
 * `/rules/:kind`: versions, any version read only (`?version=N`), a new draft from a version
 * (`?edit=N`) with simulation, publish and roll back.
 */
export function RuleSetPage({ kind }: { kind: string }) {
  const { query } = useLocation();
  const base = `/rule-sets/${encodeURIComponent(kind)}`;
  const overview = useApi<{ ruleSets: RuleSetSummary[] }>('/rule-sets');
  const list = useApi<VersionList>(`${base}/versions`);
  const mayAuthor = useSession().can('rules.author');
  // A draft needs rules.author: without it an `?edit=` link shows the version read only.
  const askedToEdit = versionParam(query.get('edit'));
  const editFrom = mayAuthor ? askedToEdit : null;
  const shown = editFrom === null ? (versionParam(query.get('version')) ?? askedToEdit ?? list.data?.activeVersion ?? null) : null;
  const { simulation, run, reset } = useSimulation(kind);
  const [switching, setSwitching] = useState<SwitchRequest | null>(null);
  const [flash, setFlash] = useState<string | null>(null);

  useEffect(() => reset(), [kind, editFrom, shown, reset]);

  const summary = overview.data?.ruleSets.find((r) => r.kind === kind);
  const title = summary ? `${summary.name} (${kind})` : `Rule set ${kind}`;
  return (
    <Page
      title={title}
      actions={
        <>
          <Link to={`/rules/audit?kind=${encodeURIComponent(kind)}`}>Audit log</Link>
          <Link to="/rules">All rule sets</Link>
        </>
      }
    >
      {summary?.plugin && <p className="muted">Rule pack of the {summary.plugin} plugin: it applies to the accounts of that plugin's industries only.</p>}
      {askedToEdit !== null && !mayAuthor && <NotAllowed permission="rules.author" what="Drafting a rule set" needs="the Program owner or Admin role" />}
      {flash && (
        <p className="flash" role="status">
          {flash}
        </p>
      )}
      {list.state === 'loading' && <Loading what="versions" />}
      {list.state === 'error' && <ErrorPanel error={list.error} onRetry={list.reload} />}
      {list.state === 'ready' && (
        <>
          <VersionsPanel list={list.data} shown={shown} />
          {editFrom !== null ? (
            <EditorFromVersion
              key={`${kind}:${editFrom}`}
              path={`${base}/versions/${editFrom}`}
              kind={kind}
              version={editFrom}
              onSaved={() => {
                list.reload();
                overview.reload();
              }}
              onSwitch={setSwitching}
              onSimulate={run}
            />
          ) : (
            shown !== null && <VersionViewer key={`${kind}:${shown}`} kind={kind} list={list.data} version={shown} onSwitch={setSwitching} onSimulate={run} />
          )}
          <SimulationPanel simulation={simulation} />
          {switching && (
            <PublishDialog
              kind={kind}
              request={switching}
              activeVersion={list.data.activeVersion}
              onClose={() => setSwitching(null)}
              onReload={() => {
                list.reload();
                overview.reload();
              }}
              onDone={(answer) => {
                setSwitching(null);
                setFlash(
                  `${switching.action === 'publish' ? 'Published' : 'Rolled back to'} v${answer.activeVersion} (was v${answer.previousVersion}); the portfolio is being rescored with it.`,
                );
                list.reload();
                overview.reload();
                navigate(versionLink(kind, answer.activeVersion));
              }}
            />
          )}
        </>
      )}
    </Page>
  );
}

/** Loads the version a draft starts from, then hands it to the editor. */
function EditorFromVersion({ path, version, ...rest }: { path: string; kind: string; version: number } & Omit<Parameters<typeof DraftEditor>[0], 'baseVersion' | 'baseDocument' | 'kind'>) {
  const doc = useApi<RuleSetVersionDocument>(path);
  if (doc.state === 'loading') return <Loading what={`version ${version}`} />;
  if (doc.state === 'error') return <ErrorPanel error={doc.error} onRetry={doc.reload} />;
  return <DraftEditor {...rest} baseVersion={version} baseDocument={doc.data.document} />;
}
