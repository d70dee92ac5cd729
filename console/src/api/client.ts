import { session } from '../session';

/** One problem of a 4xx answer, as the service's error model reports it. */
export interface ApiIssue {
  path: string;
  code?: string;
  message: string;
  expected?: string;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly issues: ApiIssue[] = [],
  ) {
    super(message);
  }
}

const API = '/api/v1';

function headers(extra?: Record<string, string>): Record<string, string> {
  return { 'x-tenant-id': session.tenant(), 'x-actor': session.actor(), ...extra };
}

async function parse<T>(response: Response): Promise<T> {
  const text = await response.text();
  let body: unknown = undefined;
  try {
    body = text ? JSON.parse(text) : undefined;
  } catch {
    body = text;
  }
  if (!response.ok) {
    const err = (body ?? {}) as { error?: string; message?: string; issues?: ApiIssue[] };
    throw new ApiError(response.status, err.error ?? 'http_error', err.message ?? `${response.status} ${response.statusText}`, err.issues ?? []);
  }
  return body as T;
}

export const api = {
  async get<T>(path: string, signal?: AbortSignal): Promise<T> {
    return parse<T>(await fetch(API + path, { headers: headers(), signal }));
  },
  async send<T>(method: 'POST' | 'PUT' | 'PATCH' | 'DELETE', path: string, body?: unknown): Promise<T> {
    const init: RequestInit = { method, headers: headers(body === undefined ? undefined : { 'content-type': 'application/json' }) };
    if (body !== undefined) init.body = JSON.stringify(body);
    return parse<T>(await fetch(API + path, init));
  },
  /** Saves a file answer (CSV exports). Through fetch, not a plain link, because the tenant travels in a header. */
  async download(path: string, filename: string): Promise<void> {
    const response = await fetch(API + path, { headers: headers() });
    if (!response.ok) await parse(response);
    const blob = await response.blob();
    const url = URL.createObjectURL(blob);
    const a = document.createElement('a');
    a.href = url;
    a.download = filename;
    a.click();
    URL.revokeObjectURL(url);
  },
};

/** Builds a query string from defined values only. */
export function query(params: Record<string, string | number | undefined | null>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== '') q.set(k, String(v));
  const s = q.toString();
  return s ? `?${s}` : '';
}
