import type { MigrationObject } from '@mikro-orm/core';
import { Migration20261122130303 } from './Migration20261122130303.js';

/** Ordered migration chain for PostgreSQL. Append new migrations; never edit an applied one. */
export const POSTGRESQL_MIGRATIONS: MigrationObject[] = [
  { name: 'Migration20261122130303', class: Migration20261122130303 },
];
