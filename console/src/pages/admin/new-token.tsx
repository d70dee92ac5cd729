import { useRef, useState } from 'react';
import type { CreatedApiKey } from './admin-types';

/**
 * The secret of a new API key, shown this once (the service keeps only its hash): a read-only field
 * to select, a copy button, and a "done" that forgets it.
 */
export function NewToken({ apiKey, onDone }: { apiKey: CreatedApiKey; onDone: () => void }) {
  const field = useRef<HTMLInputElement>(null);
  const [copied, setCopied] = useState<'yes' | 'failed' | null>(null);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(apiKey.token);
      setCopied('yes');
    } catch {
      // No clipboard access (permissions, insecure context): leave it selected for Ctrl+C.
      field.current?.select();
      setCopied('failed');
    }
  };
  return (
    <div className="new-token" role="region" aria-label="New API key">
      <p>
        <strong>API key “{apiKey.name}” created.</strong> Copy its token now: it is shown only once. Send it as <code>Authorization: Bearer &lt;token&gt;</code>.
      </p>
      <label htmlFor="new-key-token">New API key token</label>
      <span className="input-with-button">
        <input id="new-key-token" ref={field} readOnly value={apiKey.token} onFocus={(e) => e.target.select()} spellCheck={false} />
        <button type="button" onClick={copy}>
          Copy token
        </button>
        <button type="button" className="secondary" onClick={onDone}>
          Done
        </button>
      </span>
      {copied && (
        <p role="status" className="muted">
          {copied === 'yes' ? 'Copied to the clipboard.' : 'The browser did not allow copying: the token is selected, press Ctrl+C (⌘C).'}
        </p>
      )}
    </div>
  );
}
