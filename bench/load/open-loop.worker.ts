/** Worker-thread side of startOpenLoop (see open-loop.ts): sends on schedule, reports every sample. */
import { parentPort, workerData } from 'node:worker_threads';
import { now, sleep } from './clock.js';
import { httpCall, keepAliveAgent } from './http.js';
import type { LoadPlan, LoadResult, Sample } from './open-loop.js';

const plan = workerData as LoadPlan;
const port = parentPort!;
let stopped = false;
port.on('message', (message) => {
  if (message === 'stop') stopped = true;
});

const agent = keepAliveAgent();
const interval = 1000 / plan.rate;
const limit = plan.cycle ? Infinity : plan.requests.length;
const samples: Sample[] = [];
const inFlight = new Set<Promise<void>>();
let maxSendLagMs = 0;

function fire(index: number, scheduledAt: number): void {
  const spec = plan.requests[index % plan.requests.length];
  const sentAt = now();
  maxSendLagMs = Math.max(maxSendLagMs, sentAt - scheduledAt);
  const done = httpCall(agent, plan.url + spec.path, spec.method, { tenant: plan.tenant, token: plan.token }, spec.body).then((res) => {
    samples.push({
      index, tag: spec.tag, scheduledAt, sentAt, doneAt: now(), status: res.status,
      ...(plan.keepBodies || res.status === 0 ? { body: res.body } : {}), ...(res.error ? { error: res.error } : {}),
    });
  });
  inFlight.add(done);
  void done.finally(() => inFlight.delete(done));
}

const startedAt = now() + 10;
let sent = 0;
while (sent < limit && !stopped) {
  const due = startedAt + sent * interval;
  const wait = due - now();
  if (wait > 0) {
    await sleep(wait); // messages (stop) are handled while sleeping
    continue;
  }
  fire(sent, due);
  sent++;
}
while (inFlight.size) await Promise.all([...inFlight]);
agent.destroy();
port.postMessage({ samples: samples.sort((a, b) => a.index - b.index), startedAt, sent, maxSendLagMs: Math.round(maxSendLagMs * 10) / 10 } satisfies LoadResult);
