import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { accountScopedProperties } from '../persistence/tenant-scoped.properties.js';
import { EXECUTIVE_SEATS, OBSERVATION_KINDS, OBSERVATION_SOURCES, TONES } from '../domain/vocabulary.js';

/** A qualitative signal noticed by a person or an integration ("exploring options", tone shift...). */
export const Observation = defineEntity({
  name: 'Observation',
  tableName: 'observations',
  indexes: [{ properties: ['tenantId', 'accountId', 'observedAt'] }],
  properties: {
    ...accountScopedProperties(),
    kind: p.enum(OBSERVATION_KINDS),
    /** For new_executive: which seat changed hands. */
    executiveSeat: p.enum(EXECUTIVE_SEATS).nullable(),
    /** For tone_shift: the tone now heard. */
    tone: p.enum(TONES).nullable(),
    competitor: p.string().length(200).nullable(),
    detail: p.text().nullable(),
    source: p.enum(OBSERVATION_SOURCES).default('person'),
    recordedBy: p.string().length(200).nullable(),
    observedAt: p.datetime(),
  },
});
export type Observation = InferEntity<typeof Observation>;
