import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';
import type { Principal } from '../auth/principal.js';

/** What the audit log needs to know about the request a change is made in. */
export interface RequestContext {
  requestId: string;
  request: string;
  /** Set by the auth guard once the caller is known. */
  principal?: Principal;
}

const storage = new AsyncLocalStorage<RequestContext>();

export const currentRequest = (): RequestContext | undefined => storage.getStore();

/** Express middleware: every request runs in its own context (the audit subscriber reads it at flush time). */
export function requestContextMiddleware(req: Request, res: Response, next: NextFunction): void {
  const incoming = req.headers['x-request-id'];
  const requestId = typeof incoming === 'string' && /^[\w.-]{1,64}$/.test(incoming) ? incoming : randomUUID();
  res.setHeader('x-request-id', requestId);
  storage.run({ requestId, request: `${req.method} ${req.originalUrl.split('?')[0].slice(0, 250)}` }, next);
}

/**
 * Runs work the system does on its own account (rescoring after a change, escalations) outside the
 * caller's context, so its writes are not attributed to the person whose request triggered it.
 */
export function runAsSystem<T>(work: () => T): T {
  return storage.exit(work);
}
