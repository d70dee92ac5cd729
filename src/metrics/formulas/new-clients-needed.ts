import { clean } from './ratio.js';

/**
 * New clients needed just to stay flat = clients at start × (1 − retention), in whole clients
 * (100 clients at 90% → 10; at 95% → 5). Null when retention is undefined.
 */
export function newClientsToStayFlat(clientsAtStart: number, retention: number | null): number | null {
  if (retention === null) return null;
  return Math.max(0, Math.ceil(clean(clientsAtStart * (1 - retention), 6)));
}
