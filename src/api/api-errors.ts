/** One problem with a request, addressed by the JSON path of the offending value. */
export interface FieldIssue {
  path: string;
  message: string;
  code?: string;
  expected?: string;
  /** Bulk imports: the 1-based data row and, for CSV, the file line. */
  row?: number;
  line?: number;
}

/** Typed domain errors; the HTTP filter maps them to status codes so services stay HTTP-agnostic. */
export class ValidationFailed extends Error {
  constructor(readonly issues: FieldIssue[], message = 'The request is invalid; nothing was changed.') {
    super(message);
  }
}
export class NotFound extends Error {}
export class Conflict extends Error {
  constructor(message: string, readonly details?: unknown) {
    super(message);
  }
}
/** A service the request needs (Temporal) cannot be reached: a 503 the client may retry, not a 500. */
export class DependencyUnavailable extends Error {
  constructor(readonly dependency: string, cause: unknown) {
    super(`${dependency} is unreachable (${cause instanceof Error ? cause.message : String(cause)}); retry later`, { cause });
  }
}
