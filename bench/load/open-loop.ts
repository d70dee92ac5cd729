/**
 * Open-loop load: requests are sent at fixed times (start + i / rate) whatever the responses,
 * so a slow server never lowers the offered load (no coordinated omission). The sender runs in
 * a worker thread: the app under test runs in the main thread, and a sender sharing its event
 * loop would send late (and time late) exactly when the app is busy.
 */
import { Worker } from 'node:worker_threads';

export interface PlannedRequest {
  method: 'GET' | 'POST';
  /** Path and query, e.g. /api/v1/accounts/<id>. */
  path: string;
  body?: unknown;
  /** Free label carried into the sample (endpoint name, event index…). */
  tag?: string;
}

export interface LoadPlan {
  url: string;
  tenant: string;
  /** Bearer token of the caller (BenchApp.token). */
  token: string;
  /** Requests per second. */
  rate: number;
  requests: PlannedRequest[];
  /** Cycle through `requests` until stop() instead of sending each once. */
  cycle?: boolean;
  /** Keep response bodies in the samples (events: to check what was applied). */
  keepBodies?: boolean;
}

export interface Sample {
  index: number;
  tag?: string;
  /** When the schedule said to send (clock.now() milliseconds). */
  scheduledAt: number;
  sentAt: number;
  /** Response fully received. */
  doneAt: number;
  status: number;
  body?: string;
  error?: string;
}

export interface LoadResult {
  samples: Sample[];
  startedAt: number;
  sent: number;
  /** Largest delay between a scheduled and an actual send: large values mean the sender itself fell behind. */
  maxSendLagMs: number;
}

export interface LoadRun {
  /** Stop scheduling; in-flight requests still complete and are reported. */
  stop(): void;
  result: Promise<LoadResult>;
}

export function startOpenLoop(plan: LoadPlan): LoadRun {
  const worker = new Worker(new URL('./open-loop.worker.js', import.meta.url), { workerData: plan });
  const result = new Promise<LoadResult>((resolve, reject) => {
    worker.once('message', (message: LoadResult) => {
      resolve(message);
      void worker.terminate();
    });
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`load worker exited (${code}) before reporting`)));
  });
  return { stop: () => worker.postMessage('stop'), result };
}
