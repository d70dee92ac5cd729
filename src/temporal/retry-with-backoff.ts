// Generic retry loop with capped exponential backoff and an overall deadline. Used where a
// dependency may legitimately still be starting (the worker connecting to a dev server).
import { setTimeout as sleep } from 'node:timers/promises';

export interface RetryOptions {
  /** Give up (rethrow the last error) once this much time has passed. */
  deadlineMs: number;
  initialDelayMs?: number;
  maxDelayMs?: number;
  /** Aborting stops waiting/retrying immediately (e.g. SIGTERM during startup). */
  signal?: AbortSignal;
  onRetry?: (error: unknown, attempt: number, delayMs: number) => void;
}

export async function retryWithBackoff<T>(fn: () => Promise<T>, options: RetryOptions): Promise<T> {
  const { deadlineMs, initialDelayMs = 250, maxDelayMs = 5_000, signal, onRetry } = options;
  const giveUpAt = Date.now() + deadlineMs;
  let delay = initialDelayMs;
  for (let attempt = 1; ; attempt++) {
    signal?.throwIfAborted();
    try {
      return await fn();
    } catch (error) {
      const remaining = giveUpAt - Date.now();
      if (remaining <= 0) throw error;
      const wait = Math.min(delay, remaining);
      onRetry?.(error, attempt, wait);
      await sleep(wait, undefined, { signal });
      delay = Math.min(delay * 2, maxDelayMs);
    }
  }
}
