/**
 * Lets pending I/O (HTTP requests, their reads on the read connection) run before continuing a
 * long computation. better-sqlite3 is synchronous and promise chains are microtasks, so without
 * this a full rescoring would hold the event loop from start to end.
 */
export function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
