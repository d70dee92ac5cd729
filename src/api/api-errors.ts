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
