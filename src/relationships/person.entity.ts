import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { tenantScopedProperties } from '../persistence/tenant-scoped.properties.js';
import { DEPARTURE_KINDS, PERSON_TITLES } from '../domain/vocabulary.js';

/** Someone at the firm who can own relationships and tasks. */
export const Person = defineEntity({
  name: 'Person',
  tableName: 'people',
  uniques: [{ properties: ['tenantId', 'email'] }],
  properties: {
    ...tenantScopedProperties(),
    name: p.string().length(200),
    email: p.string().length(254),
    title: p.enum(PERSON_TITLES),
    practiceArea: p.string().length(120).nullable(),
    /** A recorded future change of role: starts succession handoffs. */
    departureKind: p.enum(DEPARTURE_KINDS).nullable(),
    departureDate: p.date().nullable(),
  },
});
export type Person = InferEntity<typeof Person>;
