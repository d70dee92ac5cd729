import { runAsSystem } from '../audit/request-context.js';

/**
 * A synchronous in-process publish/subscribe channel: producers publish after commit and
 * never need to know who listens (scoring, plays).
 */
export class Notifier<Args extends unknown[]> {
  private readonly listeners = new Set<(...args: Args) => void>();

  subscribe(listener: (...args: Args) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Listeners do the system's own work: outside the caller's request context (not attributed to them in the audit log). */
  protected notify(...args: Args): void {
    for (const listener of this.listeners) runAsSystem(() => listener(...args));
  }
}
