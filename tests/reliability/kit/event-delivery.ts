// A client that delivers events the way real sources do: shuffled, duplicated, in batches of a
// few, and redelivered when the API refuses a batch (an update that arrives before the row it
// updates is refused as a whole with 400; the client sends it again later, as a webhook retry does).
import type { IngestionEvent } from './account-event-set.js';
import type { FirmClient } from './firm-client.js';
import { randomInt, shuffle } from './prng.js';

export interface DeliveryStats {
  requests: number;
  eventsSent: number;
  applied: number;
  duplicates: number;
  /** Batches refused with 400 because an event referred to a row not there yet. */
  refusedOutOfOrder: number;
  /** Anything that is neither 200 nor such a 400 (must stay 0). */
  unexpected: string[];
  /** Event id → the statuses the API acknowledged it with, in order. */
  acknowledgements: Map<string, string[]>;
}

export const emptyStats = (): DeliveryStats => ({ requests: 0, eventsSent: 0, applied: 0, duplicates: 0, refusedOutOfOrder: 0, unexpected: [], acknowledgements: new Map() });

/** The events shuffled, each duplicated (1-2 extra copies) with probability `duplicateRate`. */
export function shuffledWithDuplicates(events: readonly IngestionEvent[], random: () => number, duplicateRate: number): IngestionEvent[] {
  const stream = [...events];
  for (const event of events) if (random() < duplicateRate) for (let i = randomInt(random, 1, 2); i > 0; i--) stream.push(event);
  return shuffle(stream, random);
}

const body = (batch: IngestionEvent[]) => ({ events: batch.map(({ id, type, occurredAt, data }) => ({ id, type, occurredAt, data })) });

/**
 * Delivers `stream` in batches of 1..maxBatch distinct events. A batch refused because an event
 * came before the row it refers to goes back into the queue at a random later position.
 */
export async function deliver(firm: FirmClient, stream: IngestionEvent[], random: () => number, maxBatch: number, stats: DeliveryStats): Promise<void> {
  const queue = [...stream];
  let budget = stream.length * 30; // a bound, so a bug cannot loop forever
  while (queue.length) {
    if (--budget < 0) throw new Error(`delivery did not converge; left: ${queue.map((e) => e.id).join(', ')}`);
    const size = randomInt(random, 1, maxBatch);
    const batch: IngestionEvent[] = [];
    for (let i = 0; i < queue.length && batch.length < size; ) {
      if (batch.some((e) => e.id === queue[i].id)) i++; // one id once per batch (a batch repeating an id is refused by design)
      else batch.push(...queue.splice(i, 1));
    }
    stats.requests++;
    stats.eventsSent += batch.length;
    const res = await firm.call('POST', '/api/v1/events', body(batch));
    if (res.status === 200) {
      for (const result of res.body.results as { id: string; status: string }[]) {
        stats.acknowledgements.set(result.id, [...(stats.acknowledgements.get(result.id) ?? []), result.status]);
        if (result.status === 'applied') stats.applied++;
        else stats.duplicates++;
      }
    } else if (res.status === 400 && refusedForOrder(res.body)) {
      stats.refusedOutOfOrder++;
      for (const event of batch) queue.splice(randomInt(random, Math.min(queue.length, 1), queue.length), 0, event);
    } else {
      stats.unexpected.push(`${res.status} ${JSON.stringify(res.body).slice(0, 300)}`);
    }
  }
}

/** 400 because a referenced row does not exist yet (checked up front, or met while applying the batch). */
function refusedForOrder(body: { issues?: { code?: string; message?: string }[] }): boolean {
  return !!body.issues?.length && body.issues.every((i) => i.code === 'unknown_reference' || /disappeared during the batch/.test(i.message ?? ''));
}
