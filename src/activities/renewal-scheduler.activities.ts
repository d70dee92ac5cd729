import type { MikroORM } from '@mikro-orm/core';
import type { RenewalSchedulerActivities } from '../../workflows/shared/renewal-scheduler.contract.js';
import { Account } from '../accounts/account.entity.js';
import { Contract } from '../commercial/contract.entity.js';
import type { PlayStarter } from '../plays/play-starter.service.js';
import type { PlayTemplateCatalog } from '../plays/play-template-catalog.js';
import type { PlayTriggers } from '../plays/play-triggers.js';
import type { TenantsService } from '../tenants/tenants.service.js';

const DAY = 86_400_000;

/** Finds contracts entering their renewal window and starts their renewal plays. */
export function createRenewalSchedulerActivities(orm: MikroORM, starter: PlayStarter, templates: PlayTemplateCatalog, triggers: PlayTriggers, tenants: TenantsService): RenewalSchedulerActivities {
  return {
    startTriggeredPlays: ({ tenantId }) => triggers.startDuePlays(tenantId),
    async startDueRenewals({ tenantId }) {
      // Plugin templates may plan renewals earlier (e.g. engagement letters): look as far as the longest lead.
      const leadOf = (industry?: string) => Number(templates.latest('renewal', { industry, enabledPlugins: enabled }).parameters.leadDays ?? 180);
      const enabled = await tenants.enabledPlugins(tenantId);
      const maxLead = Math.max(leadOf(), ...templates.all().filter((t) => t.play === 'renewal').map((t) => Number(t.parameters.leadDays ?? 180)));
      const today = new Date().toISOString().slice(0, 10);
      const horizonOf = (days: number) => new Date(Date.now() + days * DAY).toISOString().slice(0, 10);
      const em = orm.em.fork();
      const contracts = await em.find(Contract, { tenantId, endDate: { $gte: today, $lte: horizonOf(maxLead) }, renewalStatus: { $in: ['not_started', 'in_progress'] } });
      const industryOf = new Map((await em.find(Account, { tenantId, id: { $in: contracts.map((c) => c.accountId) }, status: { $ne: 'churned' } }, { fields: ['id', 'industry'] })).map((a) => [a.id, a.industry]));
      let started = 0;
      for (const contract of contracts.filter((c) => industryOf.has(c.accountId))) {
        const leadDays = leadOf(industryOf.get(contract.accountId));
        if (contract.endDate! > horizonOf(leadDays)) continue;
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
