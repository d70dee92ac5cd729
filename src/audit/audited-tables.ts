/**
 * Tables whose changes the system derives by itself (scores, escalation bookkeeping, play registry,
 * idempotency records): not audited as a person's change; their own histories explain them.
 */
export const UNAUDITED_TABLES: ReadonlySet<string> = new Set([
  'audit_log',
  'health_snapshots',
  'account_health',
  'escalation_records',
  'play_commands',
  'play_instances',
  'ingested_events',
]);
