import type { MikroORM } from '@mikro-orm/core';
import type { RenewalSchedulerActivities } from '../../workflows/shared/renewal-scheduler.contract.js';
import { Account } from '../accounts/account.entity.js';
import { Contract } from '../commercial/contract.entity.js';
import type { PlayStarter } from '../plays/play-starter.service.js';
import type { PlayTemplateCatalog } from '../plays/play-template-catalog.js';
import type { PlayTriggers } from '../plays/play-triggers.js';

const DAY = 86_400_000;

/** Finds contracts entering their renewal window and starts their renewal plays. */
export function createRenewalSchedulerActivities(orm: MikroORM, starter: PlayStarter, templates: PlayTemplateCatalog, triggers: PlayTriggers): RenewalSchedulerActivities {
  return {
    startTriggeredPlays: ({ tenantId }) => triggers.startDuePlays(tenantId),
    async startDueRenewals({ tenantId }) {
      const leadDays = Number(templates.latest('renewal').parameters.leadDays ?? 180);
      const today = new Date().toISOString().slice(0, 10);
      const horizon = new Date(Date.now() + leadDays * DAY).toISOString().slice(0, 10);
      const em = orm.em.fork();
      const contracts = await em.find(Contract, { tenantId, endDate: { $gte: today, $lte: horizon }, renewalStatus: { $in: ['not_started', 'in_progress'] } });
      const active = new Set((await em.find(Account, { tenantId, id: { $in: contracts.map((c) => c.accountId) }, status: { $ne: 'churned' } }, { fields: ['id'] })).map((a) => a.id));
      let started = 0;
      for (const contract of contracts.filter((c) => active.has(c.accountId))) {
        const result = await starter.start({
          tenantId, accountId: contract.accountId, play: 'renewal', scope: contract.id, anchorDate: contract.endDate!,
          context: { contractId: contract.id, contractTitle: contract.title, annualValue: contract.annualValue },
          reason: `${contract.title} ends on ${contract.endDate} (within ${leadDays} days)`,
        });
        if (result.started) started++;
        if (contract.renewalStatus === 'not_started') contract.renewalStatus = 'in_progress';
      }
      await em.flush();
      return { considered: contracts.length, started };
    },
  };
}
