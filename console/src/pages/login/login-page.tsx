import { useEffect, useRef, useState, type FormEvent, type InputHTMLAttributes } from 'react';
import { ApiError } from '../../api/client';
import { nextPath } from '../../auth/next-path';
import { signIn } from '../../auth/sign-in';
import { useStoredSession } from '../../auth/use-stored-session';
import { Page } from '../../components/page';
import { navigate, useLocation } from '../../router';
import { session } from '../../session';
import { SignInError } from './sign-in-error';
import '../../auth/session.css';
import './login.css';

type Field = 'tenant' | 'email' | 'password';
const FIELDS: Field[] = ['tenant', 'email', 'password'];

/** `/login`: firm, email, password. After signing in, back to the view that asked (`?next=`). */
export function LoginPage() {
  const { query } = useLocation();
  const next = nextPath(query);
  const stored = useStoredSession();
  const [values, setValues] = useState<Record<Field, string>>(() => ({ tenant: session.lastFirm(), email: '', password: '' }));
  const [error, setError] = useState<Error | null>(null);
  const [busy, setBusy] = useState(false);
  const [ended] = useState(() => session.endReason());
  const form = useRef<HTMLFormElement>(null);

  // Signed in (by this form, or already, or in another tab): on to the view asked for.
  useEffect(() => {
    if (stored) navigate(next, { replace: true });
  }, [stored, next]);

  const focus = (field: Field) => form.current?.querySelector<HTMLInputElement>(`[name="${field}"]`)?.focus();
  const fieldError = (field: Field) => (error instanceof ApiError ? error.issues.find((i) => i.path === `body.${field}`)?.message : undefined);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    const empty = FIELDS.find((f) => values[f].trim() === '');
    if (empty) {
      setError(new Error(`Enter your ${empty === 'tenant' ? 'firm' : empty}.`));
      return focus(empty);
    }
    setBusy(true);
    setError(null);
    try {
      await signIn({ tenant: values.tenant.trim(), email: values.email.trim(), password: values.password });
    } catch (e) {
      setError(e as Error);
      setBusy(false);
      const issue = e instanceof ApiError ? FIELDS.find((f) => e.issues.some((i) => i.path === `body.${f}`)) : undefined;
      if (issue) return focus(issue);
      // Wrong credentials: keep firm and email, retype the password.
      setValues((v) => ({ ...v, password: '' }));
      focus('password');
    }
  };

  const input = (field: Field, label: string, props: InputHTMLAttributes<HTMLInputElement>) => {
    const problem = fieldError(field);
    return (
      <label>
        {label}
        <input
          name={field}
          value={values[field]}
          onChange={(e) => setValues({ ...values, [field]: e.target.value })}
          aria-invalid={problem ? true : undefined}
          aria-describedby={problem ? `login-${field}-error` : undefined}
          readOnly={busy} // not disabled: a disabled field cannot take the focus back after a refusal
          required
          {...props}
        />
        {problem && (
          <span id={`login-${field}-error`} className="field-error">
            {problem}
          </span>
        )}
      </label>
    );
  };

  return (
    <main id="main" className="login-main">
      <p className="login-brand">Retention</p>
      <Page title="Sign in">
        <form ref={form} className="form login-form panel" onSubmit={submit} noValidate aria-label="Sign in">
          {ended && !error && (
            <p className="login-note" role="status">
              {ended}
            </p>
          )}
          {input('tenant', 'Firm', { autoComplete: 'organization', autoFocus: values.tenant === '', spellCheck: false, autoCapitalize: 'none' })}
          {input('email', 'Email', { type: 'email', autoComplete: 'username', autoFocus: values.tenant !== '' })}
          {input('password', 'Password', { type: 'password', autoComplete: 'current-password' })}
          {error && <SignInError error={error} />}
          <button type="submit" disabled={busy}>
            {busy ? 'Signing in…' : 'Sign in'}
          </button>
          <p className="muted login-help">Accounts are created by your firm's console administrator. Forgot your password? Ask them to set a new one.</p>
        </form>
      </Page>
    </main>
  );
}
