/**
 * One clock for every timestamp a load benchmark records: milliseconds since the epoch with
 * sub-millisecond resolution, monotonic within the process. The same formula in the main thread
 * (the app and its hooks) and in the load worker thread gives comparable times across threads.
 */
export function now(): number {
  return performance.timeOrigin + performance.now();
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
