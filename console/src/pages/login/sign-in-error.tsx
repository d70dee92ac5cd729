import { ApiError } from '../../api/client';

function explain(error: Error): string {
  if (error instanceof TypeError) return 'The service cannot be reached: check your connection and try again.';
  if (!(error instanceof ApiError)) return error.message;
  if (error.status === 401) return 'Wrong firm, email or password.';
  if (error.status === 400) return 'Check the highlighted fields.';
  if (error.status === 429) {
    const wait = /retry in (\d+)/.exec(error.message)?.[1];
    return `Too many sign-in attempts: try again in ${wait ? `${wait} seconds` : 'a minute'}.`;
  }
  return `The service could not sign you in (${error.status}: ${error.message}).`;
}

/** Why signing in failed, in words a person can act on (field problems are also shown at their fields). */
export function SignInError({ error }: { error: Error }) {
  return (
    <p className="error-panel" role="alert">
      {explain(error)}
    </p>
  );
}
