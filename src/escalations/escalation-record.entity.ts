import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { accountScopedProperties } from '../persistence/tenant-scoped.properties.js';

export interface EscalationOutcome {
  type: 'task' | 'play';
  /** Created task or play command id. */
  id?: string;
  title?: string;
  play?: string;
  /** The task has someone contact the client (counts against coordination). */
  contactsClient?: boolean;
  /** Why the action was not taken (cooldown handled before; this is coordination). */
  suppressed?: string;
}

/** A protocol that fired for an account: the basis of dedupe/cooldown and of the audit trail. */
export const EscalationRecord = defineEntity({
  name: 'EscalationRecord',
  tableName: 'escalation_records',
  indexes: [{ properties: ['tenantId', 'accountId', 'protocolId', 'firedAt'] }],
  properties: {
    ...accountScopedProperties(),
    protocolId: p.string().length(80),
    protocolName: p.string().length(120),
    snapshotId: p.uuid(),
    firedAt: p.datetime(),
    outcomes: p.json<EscalationOutcome[]>(),
  },
});
export type EscalationRecord = InferEntity<typeof EscalationRecord>;
