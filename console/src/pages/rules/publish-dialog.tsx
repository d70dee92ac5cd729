import { useEffect, useRef, useState, type FormEvent } from 'react';
import { api, ApiError } from '../../api/client';
import { ErrorPanel } from '../../components/status';
import type { SwitchAnswer } from './rule-types';

export type SwitchRequest = { action: 'publish' | 'rollback'; version: number };

interface Props {
  kind: string;
  request: SwitchRequest;
  /** The version the page believes is active (a rollback is refused with 409 if it changed meanwhile). */
  activeVersion: number;
  onClose: () => void;
  onDone: (answer: SwitchAnswer) => void;
  /** After a 409: reload the versions so the person sees what is active now. */
  onReload: () => void;
}

/**
 * Publish a draft or roll back to an earlier version, with the reason the audit log requires.
 * A concurrent publish answers 409: said plainly, with a reload, and nothing changed.
 */
export function PublishDialog({ kind, request, activeVersion, onClose, onDone, onReload }: Props) {
  const dialog = useRef<HTMLDialogElement>(null);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<Error | null>(null);
  const publishing = request.action === 'publish';
  const verb = publishing ? `Publish v${request.version}` : `Roll back to v${request.version}`;

  useEffect(() => {
    // Modal: focus stays inside, Escape cancels (the close event reports it). Removing the element closes it.
    const el = dialog.current!;
    if (!el.open) el.showModal();
  }, []);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (reason.trim().length < 3) return setError(new Error('Say why (at least 3 characters): the reason goes into the audit log.'));
    setBusy(true);
    setError(null);
    try {
      const path = publishing ? `/rule-sets/${encodeURIComponent(kind)}/versions/${request.version}/publish` : `/rule-sets/${encodeURIComponent(kind)}/rollback`;
      // A publish is guarded by the draft's base version on the server; a rollback by what this page showed as active.
      const body = publishing ? { reason: reason.trim() } : { toVersion: request.version, reason: reason.trim(), expectedActiveVersion: activeVersion };
      onDone(await api.send<SwitchAnswer>('POST', path, body));
    } catch (e) {
      setError(e as Error);
      setBusy(false);
    }
  };

  const conflict = error instanceof ApiError && error.status === 409;
  return (
    <dialog ref={dialog} className="publish-dialog" aria-labelledby="publish-dialog-title" onClose={onClose}>
      <form onSubmit={submit} className="form" noValidate>
        <h2 id="publish-dialog-title">
          {verb} of {kind}
        </h2>
        <p>
          {publishing ? `Version ${request.version} becomes the active ${kind} rule set` : `Version ${request.version} becomes active again`} (now v{activeVersion}). Every account is
          rescored with it right away; escalations and plays follow the new scores.
        </p>
        <label>
          Reason (recorded in the audit log)
          <input required minLength={3} maxLength={2000} value={reason} onChange={(e) => setReason(e.target.value)} autoFocus disabled={busy} />
        </label>
        {conflict ? (
          <div className="error-panel" role="alert">
            <strong>Someone else changed the {kind} rule set meanwhile; nothing was published.</strong>
            <p>{error.message}</p>
            <button
              type="button"
              onClick={() => {
                onReload();
                onClose();
              }}
            >
              Reload versions
            </button>
          </div>
        ) : (
          error && <ErrorPanel error={error} />
        )}
        <div className="dialog-actions">
          <button type="submit" disabled={busy}>
            {busy ? 'Working…' : verb}
          </button>
          <button type="button" className="secondary" onClick={onClose}>
            Cancel
          </button>
        </div>
      </form>
    </dialog>
  );
}
