import { useState } from 'react';
import { api } from '../../api/client';
import { ROLE_LABELS } from '../../auth/roles';
import { ErrorPanel } from '../../components/status';
import { formatDateTime, formatNumber } from '../../format';
import type { ApiKeyRow, CreatedApiKey } from './admin-types';
import { ApiKeyCreateForm } from './api-key-create-form';
import { NewToken } from './new-token';

/** Integrations' API keys: list, create (token shown once), revoke (two steps: a revoked key cannot come back). */
export function ApiKeysPanel({ keys, onChanged }: { keys: ApiKeyRow[]; onChanged: () => void }) {
  const [created, setCreated] = useState<CreatedApiKey | null>(null);
  const [confirming, setConfirming] = useState<string | null>(null);
  const [flash, setFlash] = useState<string | null>(null);
  const [error, setError] = useState<Error | null>(null);

  const revoke = async (key: ApiKeyRow) => {
    setError(null);
    try {
      await api.send('DELETE', `/api-keys/${encodeURIComponent(key.id)}`);
      setFlash(`Revoked “${key.name}”: calls with it are refused from now on.`);
      onChanged();
    } catch (e) {
      setError(e as Error);
    } finally {
      setConfirming(null);
    }
  };

  const live = keys.filter((k) => !k.revokedAt).length;
  return (
    <section className="panel" aria-labelledby="keys-title">
      <h2 id="keys-title">API keys</h2>
      <p className="muted">
        {keys.length === 0 ? 'No API keys yet.' : `${keys.length} key${keys.length === 1 ? '' : 's'}, ${live} active.`} Integrations (CRM sync, billing feeds) call the API with a key;
        each key has one role.
      </p>
      {created && (
        <NewToken
          apiKey={created}
          onDone={() => {
            setCreated(null);
          }}
        />
      )}
      {flash && (
        <p className="admin-flash" role="status">
          {flash}
        </p>
      )}
      {error && <ErrorPanel error={error} />}
      {keys.length > 0 && (
        <table aria-label="API keys">
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Role</th>
              <th scope="col" className="num">
                Requests/min
              </th>
              <th scope="col">Created</th>
              <th scope="col">Status</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {keys.map((k) => (
              <tr key={k.id} className={k.revokedAt ? 'key-revoked' : undefined}>
                <td>{k.name}</td>
                <td>{ROLE_LABELS[k.role] ?? k.role}</td>
                <td className="num">{k.rateLimitPerMinute === null ? <span className="muted">default</span> : formatNumber(k.rateLimitPerMinute)}</td>
                <td>
                  {formatDateTime(k.createdAt)} <span className="muted">by {k.createdBy}</span>
                </td>
                <td>{k.revokedAt ? <span className="badge">revoked {formatDateTime(k.revokedAt)}</span> : <span className="badge ok">active</span>}</td>
                <td className="admin-actions">
                  {!k.revokedAt &&
                    (confirming === k.id ? (
                      <>
                        <button type="button" className="danger" onClick={() => revoke(k)} autoFocus>
                          Confirm revoke
                        </button>
                        <button type="button" className="secondary" onClick={() => setConfirming(null)}>
                          Keep
                        </button>
                      </>
                    ) : (
                      <button type="button" className="secondary" onClick={() => setConfirming(k.id)}>
                        Revoke
                      </button>
                    ))}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <ApiKeyCreateForm
        onCreated={(key) => {
          setFlash(null);
          setCreated(key);
          onChanged();
        }}
      />
    </section>
  );
}
