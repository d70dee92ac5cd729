import type { Permission } from './roles';

/** What each permission lets a person do in the console, in plain words (the session page lists them). */
export const PERMISSION_LABELS: Record<Permission, string> = {
  'accounts.read': 'see accounts, their health, history and plays',
  'portfolio.read': 'see firm-wide escalation records and play commands',
  'accounts.write': 'edit accounts and their history',
  ingest: 'send events and bulk imports',
  'rules.read': 'read rule sets, their versions and audit log',
  'rules.author': 'validate, draft, simulate and backtest rule sets',
  'rules.publish': 'publish rule sets and roll them back',
  'plays.act': 'start, cancel and signal plays',
  'tasks.act': 'complete and reassign tasks',
  'scoring.rescore': 'rescore the portfolio',
  'metrics.read': 'see the retention dashboard and metric tables',
  'metrics.inputs': 'enter acquisition costs (CAC inputs)',
  'plugins.manage': 'enable industry plugins for the firm',
  'audit.read': 'read audit logs',
  'access.manage': 'manage users and API keys',
};
