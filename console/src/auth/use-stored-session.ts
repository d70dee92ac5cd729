import { useEffect, useSyncExternalStore } from 'react';
import { session, type StoredSession } from '../session';

/** The stored session, re-read when it changes (sign-in/out here or in another tab) and when it expires. */
export function useStoredSession(): StoredSession | null {
  const current = useSyncExternalStore(session.subscribe, session.current);
  const expiresAt = current?.expiresAt;
  useEffect(() => {
    if (!expiresAt) return;
    const wait = Date.parse(expiresAt) - Date.now();
    // setTimeout fires at once beyond 2^31 ms; a session that long is re-checked on the next change anyway.
    if (!(wait < 2 ** 31)) return;
    const timer = setTimeout(() => session.clear('Your session has expired: sign in again.'), Math.max(0, wait));
    return () => clearTimeout(timer);
  }, [expiresAt]);
  return current;
}
