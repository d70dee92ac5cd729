import type { MigrationObject } from '@mikro-orm/core';
import { Migration20261122130926 } from './Migration20261122130926.js';
import { Migration20261122131954 } from './Migration20261122131954.js';
import { Migration20261122135416 } from './Migration20261122135416.js';
import { Migration20261122160000 } from './Migration20261122160000.js';
import { Migration20261201214327 } from './Migration20261201214327.js';
import { Migration20261201223517 } from './Migration20261201223517.js';
import { Migration20261201234035 } from './Migration20261201234035.js';
import { Migration20261202000221 } from './Migration20261202000221.js';
import { Migration20261202000445 } from './Migration20261202000445.js';

/** Ordered migration chain for sqlite. Append new migrations; never edit an applied one. */
export const SQLITE_MIGRATIONS: MigrationObject[] = [
  { name: 'Migration20261122130926', class: Migration20261122130926 }, // initial schema
  { name: 'Migration20261122131954', class: Migration20261122131954 }, // rule sets, health snapshots, escalations, play-command outbox
  { name: 'Migration20261122135416', class: Migration20261122135416 }, // play instances
  { name: 'Migration20261122160000', class: Migration20261122160000 }, // plugins enabled per tenant
  { name: 'Migration20261201214327', class: Migration20261201214327 }, // account health signature (unchanged results without loading the snapshot)
  { name: 'Migration20261201223517', class: Migration20261201223517 }, // (tenant, account) and (tenant, id) indexes for batch fact queries
  { name: 'Migration20261201234035', class: Migration20261201234035 }, // acquisition costs (metrics: CAC, CLV, payback, program ROI)
  { name: 'Migration20261202000221', class: Migration20261202000221 }, // users, API keys and the audit log (access control, issue 7)
  { name: 'Migration20261202000445', class: Migration20261202000445 }, // field versions of update events (out-of-order delivery never regresses a row)
];
