import { SetMetadata } from '@nestjs/common';
import type { Permission } from './roles.js';

export const POLICY_KEY = 'retention:policy';

/** What a route's policy is. Every route must declare one (the guard refuses routes without). */
export type RoutePolicy =
  | { kind: 'public' }
  | { kind: 'platform' }
  | { kind: 'authenticated' }
  | { kind: 'permission'; permission: Permission; account?: AccountParam };

/** Where a route names the account it touches, for account-scoped callers (404 on accounts they do not serve). */
export type AccountParam = { param: string; is: 'account' | 'task' | 'play' };

export const Public = () => SetMetadata(POLICY_KEY, { kind: 'public' } satisfies RoutePolicy);
export const PlatformOnly = () => SetMetadata(POLICY_KEY, { kind: 'platform' } satisfies RoutePolicy);
export const Authenticated = () => SetMetadata(POLICY_KEY, { kind: 'authenticated' } satisfies RoutePolicy);
export const Requires = (permission: Permission, account?: AccountParam) => SetMetadata(POLICY_KEY, { kind: 'permission', permission, ...(account ? { account } : {}) } satisfies RoutePolicy);
