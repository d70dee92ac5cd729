import { useRef, useState, type FormEvent } from 'react';
import { api, ApiError } from '../../api/client';
import { useApi } from '../../api/use-api';
import { NotAllowed } from '../../auth/not-allowed';
import { useSession } from '../../auth/session-context';
import { ErrorPanel, Loading } from '../../components/status';
import { AcquisitionCostEntries, type CostEntry } from './acquisition-cost-entries';
import { costBody, COST_FIELDS, fieldOfIssue, type CostValues } from './acquisition-cost-fields';
import { CostField } from './cost-field';

/** CAC inputs per year or quarter: what the program owner entered, and a form to enter or correct one. */
export function AcquisitionCosts({ onSaved }: { onSaved: () => void }) {
  const mayEnter = useSession().can('metrics.inputs');
  const list = useApi<{ items: CostEntry[] }>('/metrics/acquisition-costs');
  const [values, setValues] = useState<CostValues>({ period: String(new Date().getUTCFullYear()) });
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<Error | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const form = useRef<HTMLFormElement>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSaving(true);
    setSaved(null);
    setFormError(null);
    setFieldErrors({});
    const period = (values.period ?? '').trim();
    if (!period) {
      setSaving(false);
      setFieldErrors({ period: 'Enter a year (2026) or a quarter (2026-Q3)' });
      form.current?.querySelector<HTMLInputElement>('[name="period"]')?.focus();
      return;
    }
    try {
      await api.send('PUT', `/metrics/acquisition-costs/${encodeURIComponent(period)}`, costBody(values));
      setSaved(period);
      list.reload();
      onSaved();
    } catch (error) {
      const issues = error instanceof ApiError ? error.issues : [];
      const byField: Record<string, string> = {};
      const rest = issues.filter((issue) => {
        const field = fieldOfIssue(issue.path);
        if (field && !byField[field]) byField[field] = issue.message + (issue.expected ? ` (expected ${issue.expected})` : '');
        return !field;
      });
      setFieldErrors(byField);
      if (rest.length > 0 || issues.length === 0) setFormError(error instanceof ApiError ? new ApiError(error.status, error.code, error.message, rest) : (error as Error));
      const first = ['period', ...COST_FIELDS.map((f) => f.key)].find((key) => byField[key]); // in form order
      if (first) form.current?.querySelector<HTMLInputElement>(`[name="${first}"]`)?.focus();
    } finally {
      setSaving(false);
    }
  };

  const edit = (entry: CostEntry) => {
    setValues(Object.fromEntries([['period', entry.period], ...COST_FIELDS.map((f) => [f.key, entry[f.key] === null || entry[f.key] === undefined ? '' : String(entry[f.key])])]));
    setFieldErrors({});
    setSaved(null);
    form.current?.querySelector<HTMLInputElement>('[name="period"]')?.focus();
  };

  return (
    <section className="panel" aria-labelledby="cac-title">
      <h2 id="cac-title">Acquisition cost inputs</h2>
      <p className="muted">What winning new clients cost, per year (2026) or quarter (2026-Q3): the CAC, CLV and payback figures read these.</p>
      {list.state === 'loading' && <Loading what="acquisition costs" />}
      {list.state === 'error' && <ErrorPanel error={list.error} onRetry={list.reload} />}
      {list.state === 'ready' && list.data.items.length > 0 && <AcquisitionCostEntries entries={list.data.items} onEdit={mayEnter ? edit : undefined} />}
      {list.state === 'ready' && list.data.items.length === 0 && !mayEnter && <p className="muted">No inputs entered yet.</p>}
      {!mayEnter && <NotAllowed permission="metrics.inputs" what="Entering acquisition costs" needs="the Program owner or Admin role" />}
      {mayEnter && (
        <form ref={form} className="cac-form" onSubmit={submit} noValidate aria-label="Acquisition cost inputs">
          <CostField name="period" label="Period" required hint="YYYY or YYYY-Qn" value={values.period ?? ''} error={fieldErrors.period} onChange={(v) => setValues({ ...values, period: v })} />
          {COST_FIELDS.map((f) => (
            <CostField key={f.key} name={f.key} label={f.label} hint={f.hint} required={f.required} type="number" step={f.step} value={values[f.key] ?? ''} error={fieldErrors[f.key]} onChange={(v) => setValues({ ...values, [f.key]: v })} />
          ))}
          <div className="cac-actions">
            <button type="submit" disabled={saving}>
              {saving ? 'Saving…' : 'Save inputs'}
            </button>
            {saved && (
              <span role="status" className="saved">
                Saved the inputs for {saved}.
              </span>
            )}
          </div>
        </form>
      )}
      {formError && <ErrorPanel error={formError} />}
    </section>
  );
}
