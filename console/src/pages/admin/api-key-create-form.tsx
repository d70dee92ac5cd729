import { useState, type FormEvent } from 'react';
import { api } from '../../api/client';
import { API_KEY_ROLES, ROLE_HINTS, ROLE_LABELS, type Role } from '../../auth/roles';
import { ErrorPanel } from '../../components/status';
import type { CreatedApiKey } from './admin-types';
import { issuesByField } from './field-errors';

const FIELDS = ['name', 'role', 'rateLimitPerMinute'] as const;

/** Creates an API key for an integration (POST /api-keys): a name, one role, an optional rate limit. */
export function ApiKeyCreateForm({ onCreated }: { onCreated: (key: CreatedApiKey) => void }) {
  const [name, setName] = useState('');
  const [role, setRole] = useState<Role>('integration');
  const [rate, setRate] = useState('');
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<Error | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setFieldErrors({});
    setError(null);
    if (rate.trim() !== '' && !/^\d+$/.test(rate.trim())) return setFieldErrors({ rateLimitPerMinute: 'a whole number of requests per minute, or empty for the default' });
    setBusy(true);
    try {
      const created = await api.send<CreatedApiKey>('POST', '/api-keys', { name: name.trim(), role, ...(rate.trim() ? { rateLimitPerMinute: Number(rate) } : {}) });
      setName('');
      setRate('');
      onCreated(created);
    } catch (e) {
      const { byField, rest } = issuesByField(e, FIELDS);
      setFieldErrors(byField);
      setError(rest);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="admin-form" onSubmit={submit} aria-labelledby="new-key-title" noValidate>
      <h3 id="new-key-title">New API key</h3>
      <div className="admin-form-fields">
        <div className="field">
          <label htmlFor="new-key-name">Key name</label>
          <input id="new-key-name" value={name} onChange={(e) => setName(e.target.value)} placeholder="e.g. CRM sync" required aria-invalid={fieldErrors.name ? true : undefined} autoComplete="off" />
          {fieldErrors.name && <span className="field-error">{fieldErrors.name}</span>}
        </div>
        <div className="field">
          <label htmlFor="new-key-role">Role</label>
          <select id="new-key-role" value={role} onChange={(e) => setRole(e.target.value as Role)} aria-describedby="new-key-role-hint">
            {API_KEY_ROLES.map((r) => (
              <option key={r} value={r}>
                {ROLE_LABELS[r]}
              </option>
            ))}
          </select>
          <span id="new-key-role-hint" className="muted hint">
            {ROLE_HINTS[role]}
          </span>
          {fieldErrors.role && <span className="field-error">{fieldErrors.role}</span>}
        </div>
        <div className="field">
          <label htmlFor="new-key-rate">Requests per minute</label>
          <input id="new-key-rate" inputMode="numeric" value={rate} onChange={(e) => setRate(e.target.value)} placeholder="default" aria-invalid={fieldErrors.rateLimitPerMinute ? true : undefined} />
          {fieldErrors.rateLimitPerMinute && <span className="field-error">{fieldErrors.rateLimitPerMinute}</span>}
        </div>
      </div>
      <div className="admin-form-actions">
        <button type="submit" disabled={busy}>
          {busy ? 'Creating…' : 'Create API key'}
        </button>
      </div>
      {error && <ErrorPanel error={error} />}
    </form>
  );
}
