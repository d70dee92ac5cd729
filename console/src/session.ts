// Who the console is signed in as: the answer of POST /auth/login, kept in localStorage so a reload
// or a new tab stays signed in. The key and shape are shared with tests/browser/console-kit.ts.
import type { Role } from '../../src/auth/roles';

export interface SessionUser {
  id: string;
  name: string;
  email: string;
  roles: Role[];
  personId: string | null;
  tenant: string;
}

export interface StoredSession {
  token: string;
  /** ISO time the token stops working (absent: unknown, the server's 401 tells). */
  expiresAt?: string;
  user: SessionUser;
}

const KEY = 'retention.session';
/** The firm typed last, to prefill the sign-in form (not a secret). */
const LAST_FIRM_KEY = 'retention.lastFirm';

type Listener = () => void;
const listeners = new Set<Listener>();
/** Why the last session ended (shown on the sign-in page until the next sign-in). */
let endedBecause: string | null = null;
let cachedRaw: string | null | undefined;
let cached: StoredSession | null = null;

function isSession(value: unknown): value is StoredSession {
  const s = value as StoredSession | null;
  return !!s && typeof s.token === 'string' && s.token !== '' && !!s.user && typeof s.user.tenant === 'string' && Array.isArray(s.user.roles);
}

function expired(s: StoredSession): boolean {
  return !!s.expiresAt && Date.parse(s.expiresAt) <= Date.now();
}

function notify(): void {
  for (const listener of listeners) listener();
}

// Signing in or out in another tab applies here too.
window.addEventListener('storage', (event) => {
  if (event.key === KEY || event.key === null) notify();
});

export const session = {
  /** The current session, or null when signed out, unreadable or expired. Stable identity while unchanged (for useSyncExternalStore). */
  current(): StoredSession | null {
    const raw = localStorage.getItem(KEY);
    if (raw !== cachedRaw) {
      cachedRaw = raw;
      try {
        const parsed: unknown = raw ? JSON.parse(raw) : null;
        cached = isSession(parsed) ? parsed : null;
      } catch {
        cached = null;
      }
    }
    return cached && !expired(cached) ? cached : null;
  },
  token(): string | null {
    return session.current()?.token ?? null;
  },
  /** The signed-in firm ('' when signed out): per-firm preferences are keyed by it. */
  tenant(): string {
    return session.current()?.user.tenant ?? '';
  },
  save(value: StoredSession): void {
    endedBecause = null;
    localStorage.setItem(KEY, JSON.stringify(value));
    localStorage.setItem(LAST_FIRM_KEY, value.user.tenant);
    notify();
  },
  /** Signs out on this browser: the token is forgotten (it is not revoked server-side; it expires). */
  clear(reason: string | null = null): void {
    endedBecause = reason;
    localStorage.removeItem(KEY);
    notify();
  },
  /** The reason given to the last clear() (until the next sign-in). */
  endReason(): string | null {
    return endedBecause;
  },
  lastFirm(): string {
    return localStorage.getItem(LAST_FIRM_KEY) ?? '';
  },
  subscribe(listener: Listener): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
};
