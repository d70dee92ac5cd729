import type { MigrationObject } from '@mikro-orm/core';
import { Migration20261122130928 } from './Migration20261122130928.js';
import { Migration20261122131955 } from './Migration20261122131955.js';
import { Migration20261122135418 } from './Migration20261122135418.js';
import { Migration20261122160001 } from './Migration20261122160001.js';
import { Migration20261201214328 } from './Migration20261201214328.js';
import { Migration20261201223518 } from './Migration20261201223518.js';
import { Migration20261201234042 } from './Migration20261201234042.js';
import { Migration20261202000222 } from './Migration20261202000222.js';
import { Migration20261202000446 } from './Migration20261202000446.js';

/** Ordered migration chain for postgresql. Append new migrations; never edit an applied one. */
export const POSTGRESQL_MIGRATIONS: MigrationObject[] = [
  { name: 'Migration20261122130928', class: Migration20261122130928 }, // initial schema
  { name: 'Migration20261122131955', class: Migration20261122131955 }, // rule sets, health snapshots, escalations, play-command outbox
  { name: 'Migration20261122135418', class: Migration20261122135418 }, // play instances
  { name: 'Migration20261122160001', class: Migration20261122160001 }, // plugins enabled per tenant
  { name: 'Migration20261201214328', class: Migration20261201214328 }, // account health signature (unchanged results without loading the snapshot)
  { name: 'Migration20261201223518', class: Migration20261201223518 }, // (tenant, account) and (tenant, id) indexes for batch fact queries
  { name: 'Migration20261201234042', class: Migration20261201234042 }, // acquisition costs (metrics: CAC, CLV, payback, program ROI)
  { name: 'Migration20261202000222', class: Migration20261202000222 }, // users, API keys and the audit log (access control, issue 7)
  { name: 'Migration20261202000446', class: Migration20261202000446 }, // field versions of update events (out-of-order delivery never regresses a row)
];
