import type { MigrationObject } from '@mikro-orm/core';
import { Migration20261122130301 } from './Migration20261122130301.js';

/** Ordered migration chain for SQLite. Append new migrations; never edit an applied one. */
export const SQLITE_MIGRATIONS: MigrationObject[] = [
  { name: 'Migration20261122130301', class: Migration20261122130301 },
];
