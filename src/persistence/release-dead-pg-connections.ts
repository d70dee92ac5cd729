// The PostgreSQL pool must survive a server crash with transactions in flight. Kysely (under
// MikroORM) hands a transaction's connection back to the pool only after a successful COMMIT or
// ROLLBACK; on a connection the crash killed both fail, so the connection stayed checked out for
// good. Every crash shrank the pool by the transactions it interrupted, until every request waited
// forever for a connection (found by tests/reliability/database-restart.test.ts). Here a checked-out
// connection that ends is returned to the pool as broken (destroyed, its slot freed); a later
// release by its holder is a no-op.

/** The parts of a pg Pool / PoolClient this needs (pg's own types are a dev dependency). */
interface PgClient {
  release(err?: Error | boolean): void;
  on(event: 'end', listener: () => void): unknown;
}
interface PgPool {
  on(event: 'acquire', listener: (client: PgClient) => void): unknown;
  on(event: 'release', listener: (err: Error | undefined, client: PgClient) => void): unknown;
}

export function releaseDeadConnections(pool: PgPool): void {
  const checkedOut = new WeakSet<PgClient>();
  const watched = new WeakSet<PgClient>();
  pool.on('acquire', (client) => {
    checkedOut.add(client);
    if (watched.has(client)) return;
    watched.add(client);
    client.on('end', () => {
      if (!checkedOut.has(client)) return; // idle connections are the pool's own business
      const release = client.release;
      client.release = () => undefined;
      release.call(client, new Error('connection to PostgreSQL lost'));
    });
  });
  pool.on('release', (_err, client) => checkedOut.delete(client));
}
