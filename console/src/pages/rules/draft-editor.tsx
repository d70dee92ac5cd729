import { useMemo, useState, type FormEvent } from 'react';
import { api } from '../../api/client';
import { useSession } from '../../auth/session-context';
import { JsonEditor } from '../../components/json-editor/json-editor';
import { jsonPath, parseJsonSource, type JsonPathPart } from '../../components/json-editor/json-source-map';
import { ErrorPanel } from '../../components/status';
import { Link, navigate } from '../../router';
import { editorMarkers } from './editor-markers';
import type { SwitchRequest } from './publish-dialog';
import { versionLink, type DraftAnswer } from './rule-types';
import { thresholdGroups } from './threshold-fields';
import { ThresholdForm } from './threshold-form';
import { ValidationStatus } from './validation-status';
import { useRuleValidation } from './use-rule-validation';
import type { Candidate } from './use-simulation';

interface Props {
  kind: string;
  baseVersion: number;
  baseDocument: unknown;
  onSaved: (answer: DraftAnswer) => void;
  onSwitch: (request: SwitchRequest) => void;
  onSimulate: (candidate: Candidate, label: string) => void;
}

/**
 * A new draft: the JSON (source of truth) and a form for its numbers, both editing the same text,
 * validated as you type by the service's validator. Save, simulate and publish need a valid document.
 */
export function DraftEditor({ kind, baseVersion, baseDocument, onSaved, onSwitch, onSimulate }: Props) {
  const [text, setText] = useState(() => `${JSON.stringify(baseDocument, null, 2)}\n`);
  const parsed = useMemo(() => parseJsonSource(text), [text]);
  const validation = useRuleValidation(kind, text, parsed.ok ? parsed.value : undefined, parsed.ok);
  const markers = useMemo(() => editorMarkers(parsed, validation), [parsed, validation]);
  const groups = useMemo(() => (parsed.ok ? thresholdGroups(parsed.value) : []), [parsed]);
  const [saving, setSaving] = useState(false);
  const [saveError, setSaveError] = useState<Error | null>(null);
  const [saved, setSaved] = useState<{ answer: DraftAnswer; text: string } | null>(null);
  const [simulatedText, setSimulatedText] = useState<string | null>(null);
  const ready = validation.state === 'checked' && validation.valid;
  const mayPublish = useSession().can('rules.publish');

  /** A form edit replaces just that number in the text, so the rest of the JSON keeps its layout. */
  const setNumber = (path: JsonPathPart[], value: number) => {
    if (!parsed.ok) return;
    const node = parsed.nodes.get(jsonPath(path));
    if (!node) return;
    setText(text.slice(0, node.start) + JSON.stringify(value) + text.slice(node.end)); // offsets belong to this text
  };

  const save = async (event?: FormEvent) => {
    event?.preventDefault();
    if (!ready || saving || !parsed.ok) return;
    setSaving(true);
    setSaveError(null);
    try {
      const answer = await api.send<DraftAnswer>('POST', `/rule-sets/${encodeURIComponent(kind)}/drafts`, { document: parsed.value, basedOnVersion: baseVersion });
      setSaved({ answer, text });
      onSaved(answer);
    } catch (error) {
      setSaveError(error as Error);
    } finally {
      setSaving(false);
    }
  };

  const simulate = () => {
    if (!ready || !parsed.ok) return;
    setSimulatedText(text);
    onSimulate({ document: parsed.value }, saved && saved.text === text ? `draft v${saved.answer.version}` : `unsaved draft based on v${baseVersion}`);
  };

  return (
    <section className="panel draft-editor" aria-labelledby="draft-title">
      <h2 id="draft-title">New draft based on v{baseVersion}</h2>
      <form onSubmit={save} aria-labelledby="draft-title">
        <div className="editor-grid">
          <ThresholdForm groups={groups} onChange={setNumber} disabledReason={parsed.ok ? undefined : 'The JSON does not parse: fix the syntax error to use the form again.'} />
          <JsonEditor id="draft-json" label={`${kind} rule set (JSON)`} value={text} onChange={setText} markers={markers} status={<ValidationStatus validation={validation} />} />
        </div>
        <div className="toolbar">
          <button type="submit" disabled={!ready || saving}>
            {saving ? 'Saving…' : 'Save draft'}
          </button>
          <button type="button" className="secondary" disabled={!ready} onClick={simulate}>
            Simulate
          </button>
          <button type="button" className="secondary" onClick={() => navigate(`/rules/${encodeURIComponent(kind)}`)}>
            Discard
          </button>
          {simulatedText !== null && simulatedText !== text && <span className="muted">Edited since the last simulation.</span>}
        </div>
      </form>
      {saveError && <ErrorPanel error={saveError} />}
      {saved && (
        <div className="saved-draft" role="status">
          <p>
            Saved as draft <Link to={versionLink(kind, saved.answer.version)}>v{saved.answer.version}</Link> ({saved.answer.changes.length} change
            {saved.answer.changes.length === 1 ? '' : 's'} from v{saved.answer.basedOnVersion}).
            {saved.text !== text && ' Edited since: saving again creates another draft.'}
          </p>
          <ul className="change-list">
            {saved.answer.changes.slice(0, 12).map((c) => (
              <li key={c.path}>
                <code>{c.path}</code> {JSON.stringify(c.before) ?? '—'} → {JSON.stringify(c.after) ?? '—'}
              </li>
            ))}
          </ul>
          {mayPublish ? (
            <button type="button" onClick={() => onSwitch({ action: 'publish', version: saved.answer.version })} disabled={saved.text !== text}>
              Publish v{saved.answer.version}…
            </button>
          ) : (
            <p className="muted">Publishing needs a Program owner or an Admin: ask one to review and publish v{saved.answer.version}.</p>
          )}
        </div>
      )}
    </section>
  );
}
