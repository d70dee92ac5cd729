import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { accountScopedProperties } from '../persistence/tenant-scoped.properties.js';
import { RELATIONSHIP_STRENGTHS, SENIORITIES, STAKEHOLDER_ROLES } from '../domain/vocabulary.js';

/** A person at the client (stakeholder map, DOMAIN.md section 3). */
export const Stakeholder = defineEntity({
  name: 'Stakeholder',
  tableName: 'stakeholders',
  // Batch fact queries filter `tenant_id = ? and account_id in (...)`: without this index SQLite's planner
  // scans the tenant index (every row of a one-firm database).
  indexes: [{ properties: ['tenantId', 'accountId'] }],
  properties: {
    ...accountScopedProperties(),
    name: p.string().length(200),
    title: p.string().length(200).nullable(),
    email: p.string().length(254).nullable(),
    role: p.enum(STAKEHOLDER_ROLES),
    seniority: p.enum(SENIORITIES),
    strength: p.enum(RELATIONSHIP_STRENGTHS),
    metInPerson: p.boolean().default(false),
    reachesOutProactively: p.boolean().default(false),
    /** Former employee of the firm now at the client (consulting alumni network). */
    isFirmAlumnus: p.boolean().default(false),
    departedAt: p.date().nullable(),
  },
});
export type Stakeholder = InferEntity<typeof Stakeholder>;
