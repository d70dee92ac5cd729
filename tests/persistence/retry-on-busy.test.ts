import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MikroORM } from '@mikro-orm/core';
import { loadConfig } from '../../src/config/load-config.js';
import { openOrm } from '../../src/persistence/open-orm.js';
import { isBusy, retryOnBusy } from '../../src/persistence/retry-on-busy.js';
import { Tenant } from '../../src/tenants/tenant.entity.js';

/**
 * Two processes (API and worker) share one SQLite file. A transaction that read before the other
 * committed cannot become a writer (SQLITE_BUSY_SNAPSHOT) and the busy timeout does not help;
 * retryOnBusy runs the whole transaction again. Two ORMs on one file stand in for the processes.
 */
describe('write transactions across two connections to one SQLite file', () => {
  let a: MikroORM;
  let b: MikroORM;
  beforeAll(async () => {
    const config = loadConfig({ DATA_DIR: mkdtempSync(join(tmpdir(), 'busy-')), SQLITE_FILE: 'shared.sqlite', LOG_LEVEL: 'silent', TEMPORAL_ADDRESS: '127.0.0.1:1' });
    a = await openOrm(config);
    await a.migrator.up();
    b = await openOrm(config);
  });
  afterAll(async () => {
    await a?.close(true);
    await b?.close(true);
  });

  /** A's transaction reads, B commits a write meanwhile (first attempt only), then A writes. */
  const readThenWrite = (id: string, interfere: { first: boolean }) =>
    a.em.fork().transactional(async (em) => {
      await em.count(Tenant, {});
      if (interfere.first) {
        interfere.first = false;
        // B's own connection, outside A's transaction context (the ORM keeps that per async context).
        await b.em.getConnection().execute('insert into tenants (id, name, created_at) values (?, ?, ?)', [`${id}-other`, 'Other', new Date().toISOString()]);
      }
      await em.insert(Tenant, { id, name: 'Mine', createdAt: new Date() });
    });

  it('fails at once with SQLITE_BUSY without a retry', async () => {
    const error = await readThenWrite('t1', { first: true }).then(() => undefined, (e: unknown) => e);
    expect(error, 'the upgrade to a writer is refused').toBeDefined();
    expect(isBusy(error)).toBe(true);
    expect(await a.em.fork().findOne(Tenant, { id: 't1' })).toBeNull();
  });

  it('succeeds when the whole transaction is run again, writing once', async () => {
    const interfere = { first: true };
    await retryOnBusy(() => readThenWrite('t2', interfere));
    expect(await a.em.fork().count(Tenant, { id: 't2' })).toBe(1);
    expect(await a.em.fork().count(Tenant, { id: 't2-other' })).toBe(1);
  });

  it('does not retry other errors', async () => {
    let calls = 0;
    await expect(retryOnBusy(async () => {
      calls++;
      throw new Error('constraint failed');
    })).rejects.toThrow('constraint failed');
    expect(calls).toBe(1);
  });
});
