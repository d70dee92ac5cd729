import { ApiError } from '../api/client';

export function Loading({ what }: { what: string }) {
  return (
    <p className="loading" role="status" aria-live="polite">
      Loading {what}…
    </p>
  );
}

/** An error with the service's field paths, and a retry when the caller can offer one. */
export function ErrorPanel({ error, onRetry }: { error: Error; onRetry?: () => void }) {
  const issues = error instanceof ApiError ? error.issues : [];
  return (
    <div className="error-panel" role="alert">
      <strong>{error instanceof ApiError ? `${error.status}: ${error.message}` : error.message}</strong>
      {issues.length > 0 && (
        <ul>
          {issues.map((issue, i) => (
            <li key={i}>
              <code>{issue.path}</code> {issue.message}
              {issue.expected ? ` (expected ${issue.expected})` : ''}
            </li>
          ))}
        </ul>
      )}
      {onRetry && (
        <button type="button" onClick={onRetry}>
          Retry
        </button>
      )}
    </div>
  );
}
