import { BASE, navigate } from '../router';
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

/** The token carries the firm and the name audit logs record: no tenant or actor headers. */
function headers(extra?: Record<string, string>): Record<string, string> {
  const token = session.token();
  return { ...(token ? { authorization: `Bearer ${token}` } : {}), ...extra };
}

/**
 * A 401 on a signed-in request means the token expired or was refused: forget it and ask for a
 * sign-in, coming back to this view afterwards. (The sign-in request itself answers 401 for a wrong
 * password; it is sent without a token and handled by the form.)
 */
function signInAgain(sentToken: boolean): void {
  if (!sentToken) return;
  session.clear('Your session has ended: sign in again.');
  const here = window.location.pathname.startsWith(BASE) ? window.location.pathname.slice(BASE.length) || '/' : '/';
  if (here === '/login') return; // several requests failing at once redirect once
  navigate(`/login${query({ next: here + window.location.search + window.location.hash })}`, { replace: true });
}

async function parse<T>(response: Response, sentToken = false): Promise<T> {
  const text = await response.text();
  let body: unknown = undefined;
  try {
    body = text ? JSON.parse(text) : undefined;
  } catch {
    body = text;
  }
  if (!response.ok) {
    if (response.status === 401) signInAgain(sentToken);
    const err = (body ?? {}) as { error?: string; message?: string; issues?: ApiIssue[] };
    throw new ApiError(response.status, err.error ?? 'http_error', err.message ?? `${response.status} ${response.statusText}`, err.issues ?? []);
  }
  return body as T;
}

const signedIn = () => session.token() !== null;

export const api = {
  async get<T>(path: string, signal?: AbortSignal): Promise<T> {
    const sent = signedIn();
    return parse<T>(await fetch(API + path, { headers: headers(), signal }), sent);
  },
  async send<T>(method: 'POST' | 'PUT' | 'PATCH' | 'DELETE', path: string, body?: unknown): Promise<T> {
    const sent = signedIn();
    const init: RequestInit = { method, headers: headers(body === undefined ? undefined : { 'content-type': 'application/json' }) };
    if (body !== undefined) init.body = JSON.stringify(body);
    return parse<T>(await fetch(API + path, init), sent);
  },
  /** Saves a file answer (CSV exports). Through fetch, not a plain link, because the credential travels in a header. */
  async download(path: string, filename: string): Promise<void> {
    const sent = signedIn();
    const response = await fetch(API + path, { headers: headers() });
    if (!response.ok) await parse(response, sent);
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
