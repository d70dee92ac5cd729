import { createContext, useCallback, useContext, useMemo, type ReactNode } from 'react';
import { useApi } from '../api/use-api';
import { ErrorPanel, Loading } from '../components/status';
import type { SessionUser } from '../session';
import type { Permission, Role } from './roles';
import { signOut } from './sign-in';

/** GET /auth/me: the principal the token stands for, with the permissions of its roles. */
export interface Me {
  kind: 'user' | 'api-key' | 'platform';
  tenantId: string | null;
  subject: string;
  name: string;
  roles: Role[];
  personId: string | null;
  permissions: Permission[];
}

export interface SessionValue {
  user: SessionUser;
  me: Me;
  /** True when the signed-in person's roles grant `permission` (as the service decides: from /auth/me). */
  can: (permission: Permission) => boolean;
}

const SessionContext = createContext<SessionValue | null>(null);

/**
 * Asks the service who the stored token stands for before showing any view, so buttons are shown
 * for what the roles may do, not for what the browser remembers. A 401 here sends to sign-in (client.ts).
 */
export function SessionProvider({ user, children }: { user: SessionUser; children: ReactNode }) {
  const me = useApi<Me>('/auth/me');
  const permissions = useMemo(() => new Set(me.data?.permissions ?? []), [me.data]);
  const can = useCallback((permission: Permission) => permissions.has(permission), [permissions]);
  const value = useMemo(() => (me.data ? { user, me: me.data, can } : null), [user, me.data, can]);
  if (me.state === 'loading') return <Loading what="your session" />;
  if (me.state === 'error')
    return (
      <>
        <ErrorPanel error={me.error} onRetry={me.reload} />
        <button type="button" className="secondary" onClick={signOut}>
          Sign out
        </button>
      </>
    );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

/** The signed-in session; only inside the signed-in layout. */
export function useSession(): SessionValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession() outside the signed-in layout');
  return value;
}
