import { useState, type FormEvent } from 'react';
import { Page } from '../components/page';
import { session } from '../session';

/** Chooses the firm (tenant) and the name recorded in audit logs, until sign-in exists. */
export function SettingsPage() {
  const [tenant, setTenant] = useState(session.tenant());
  const [actor, setActor] = useState(session.actor());
  const [saved, setSaved] = useState(false);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    session.set(tenant.trim(), actor.trim());
    setSaved(true);
    window.location.reload();
  };
  return (
    <Page title="Session">
      <form className="form" onSubmit={submit}>
        <label>
          Firm (tenant id)
          <input required value={tenant} onChange={(e) => setTenant(e.target.value)} />
        </label>
        <label>
          Your name (recorded in audit logs)
          <input required value={actor} onChange={(e) => setActor(e.target.value)} />
        </label>
        <button type="submit">Save</button>
        {saved && <p role="status">Saved.</p>}
      </form>
    </Page>
  );
}
