import { Injectable } from '@nestjs/common';
import type { EntityManager } from '@mikro-orm/core';
import type { FactValues } from '../facts/fact-definition.js';
import { renderTemplate } from '../rules/engine/template.js';
import type { EscalationRuleSet } from '../rules/schema/escalation-rule-set.schema.js';
import { TeamAssignment } from '../relationships/team-assignment.entity.js';
import { TEAM_ROLE_OF_TASK_OWNER } from '../relationships/team-role-of-task-owner.js';
import { createTasksOnce, type NewTask } from '../tasks/task-writer.js';
import { EscalationRecord, type EscalationOutcome } from './escalation-record.entity.js';
import { PlayCommand } from './play-command.entity.js';

const DAY = 86_400_000;

export interface EscalationInput {
  accountId: string;
  accountName: string;
  snapshotId: string;
  /** Protocol ids whose conditions became true with this snapshot. */
  newlyTrue: string[];
  facts: FactValues;
}


/**
 * Turns protocol triggers into tasks and play commands: dedupe by cooldown per account and
 * protocol, and firm-wide coordination of client-contact tasks per account. Runs inside the
 * scoring transaction, so a snapshot and its consequences commit together. A fixed number of
 * queries per batch of accounts.
 */
@Injectable()
export class EscalationService {
  async apply(em: EntityManager, tenantId: string, ruleSet: EscalationRuleSet, inputs: EscalationInput[], asOf: Date): Promise<number> {
    const firing = inputs.filter((i) => i.newlyTrue.length);
    if (!firing.length) return 0;
    const accountIds = firing.map((i) => i.accountId);
    const lookback = new Date(asOf.getTime() - Math.max(ruleSet.cooldownDays, ruleSet.coordination.windowDays) * DAY);
    const [records, team] = await Promise.all([
      em.find(EscalationRecord, { tenantId, accountId: { $in: accountIds }, firedAt: { $gt: lookback } }),
      em.find(TeamAssignment, { tenantId, accountId: { $in: accountIds }, $or: [{ toDate: null }, { toDate: { $gte: asOf.toISOString().slice(0, 10) } }] }),
    ]);
    const windowStart = asOf.getTime() - ruleSet.coordination.windowDays * DAY;
    const newTasks: NewTask[] = [];
    const taskOutcomes: EscalationOutcome[] = [];
    let fired = 0;
    for (const input of firing) {
      const mine = records.filter((r) => r.accountId === input.accountId);
      let contacts = mine.filter((r) => r.firedAt.getTime() > windowStart).flatMap((r) => r.outcomes).filter((o) => o.type === 'task' && o.contactsClient && !o.suppressed).length;
      const values = { ...input.facts, accountName: input.accountName };
      for (const protocol of ruleSet.protocols) {
        if (!input.newlyTrue.includes(protocol.id)) continue;
        if (mine.some((r) => r.protocolId === protocol.id && r.firedAt.getTime() > asOf.getTime() - ruleSet.cooldownDays * DAY)) continue;
        const outcomes: EscalationOutcome[] = [];
        for (const [index, action] of protocol.actions.entries()) {
          const key = `escalation:${protocol.id}:${input.snapshotId}:${index}`;
          if (action.type === 'play') {
            const command = em.create(PlayCommand, {
              tenantId, accountId: input.accountId, play: action.play, action: 'start', reason: renderTemplate(action.reason, values),
              source: 'escalation', sourceRef: `${protocol.id}:${input.snapshotId}`, idempotencyKey: key, payload: { protocolId: protocol.id, snapshotId: input.snapshotId },
            });
            outcomes.push({ type: 'play', id: command.id, play: action.play });
            continue;
          }
          const title = renderTemplate(action.title, values);
          if (action.contactsClient && contacts >= ruleSet.coordination.maxClientContactTasks) {
            outcomes.push({ type: 'task', title, contactsClient: true, suppressed: `coordinated: the firm is already contacting this client within ${ruleSet.coordination.windowDays} days` });
            continue;
          }
          if (action.contactsClient) contacts++;
          const owner = team.find((t) => t.accountId === input.accountId && t.role === TEAM_ROLE_OF_TASK_OWNER[action.ownerRole]);
          newTasks.push({
            tenantId, accountId: input.accountId, title, description: action.description ? renderTemplate(action.description, values) : `${protocol.name}: ${protocol.description}`,
            ownerRole: action.ownerRole, ownerPersonId: owner?.personId ?? null,
            dueOn: new Date(asOf.getTime() + action.dueInDays * DAY).toISOString().slice(0, 10), source: 'escalation', sourceRef: key,
          });
          const outcome: EscalationOutcome = { type: 'task', id: key, title, contactsClient: action.contactsClient };
          taskOutcomes.push(outcome);
          outcomes.push(outcome);
        }
        mine.push(em.create(EscalationRecord, { tenantId, accountId: input.accountId, protocolId: protocol.id, protocolName: protocol.name, snapshotId: input.snapshotId, firedAt: asOf, outcomes }));
        fired++;
      }
    }
    // Outcomes carry the task's source key until the batch exists; then its id.
    const created = await createTasksOnce(em, tenantId, newTasks);
    for (const outcome of taskOutcomes) outcome.id = created.get(outcome.id!)?.id ?? outcome.id;
    return fired;
  }
}
