import type { EntityManager } from '@mikro-orm/core';
import { resourceByPath } from '../resources/resource-definitions.js';
import type { ResourceDefinition } from '../resources/resource-definition.js';
import type { EventType } from './event-type.js';

/** "Something happened" events that add one history row: the payload is the resource's create body. */
function recordEvent(type: string, resourcePath: string, description: string): EventType {
  const def = resourceByPath(resourcePath) as ResourceDefinition;
  return {
    type,
    description,
    data: def.create,
    references: def.references,
    async apply(em: EntityManager, tenantId: string, data: Record<string, unknown>, entityId: string) {
      em.create(def.entity, { ...data, id: entityId, tenantId } as never);
      return { accountId: (data.accountId as string | undefined) ?? null, entityId };
    },
  };
}

export const RECORD_EVENT_TYPES: EventType[] = [
  recordEvent('touchpoint.recorded', 'touchpoints', 'A meeting, call or message with the client (held, cancelled, rescheduled or unanswered).'),
  recordEvent('survey.responded', 'survey-responses', 'An NPS or CSAT answer.'),
  recordEvent('service_issue.opened', 'service-issues', 'A service problem or complaint was raised.'),
  recordEvent('observation.recorded', 'observations', 'A person or integration noticed a qualitative signal.'),
  recordEvent('invoice.issued', 'invoices', 'An invoice was issued.'),
  recordEvent('contract.signed', 'contracts', 'A contract, retainer, matter or engagement letter was signed.'),
  recordEvent('engagement.started', 'engagements', 'A project or matter started.'),
  recordEvent('stakeholder.added', 'stakeholders', 'A client contact was added to the stakeholder map.'),
  recordEvent('team.assigned', 'team-assignments', 'A firm person was assigned to the account team.'),
  recordEvent('opportunity.identified', 'opportunities', 'A cross-sell, upsell or cross-organisation opportunity.'),
  recordEvent('wallet.estimated', 'wallet-estimates', "A new estimate of the client's total spend in our service areas."),
];
