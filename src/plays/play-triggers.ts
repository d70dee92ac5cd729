import { Inject, Injectable } from '@nestjs/common';
import { MikroORM } from '@mikro-orm/core';
import { Account } from '../accounts/account.entity.js';
import { computeFactsForAccounts } from '../facts/batch-fact-computer.js';
import { FactCatalog } from '../facts/fact-catalog.js';
import { Person } from '../relationships/person.entity.js';
import { Stakeholder } from '../relationships/stakeholder.entity.js';
import { TeamAssignment } from '../relationships/team-assignment.entity.js';
import { RuleSetRegistry } from '../rules/registry/rule-set-registry.service.js';
import { AccountHealth } from '../scoring/account-health.entity.js';
import type { PlayKind } from '../../workflows/shared/play-types.js';
import { PlayInstance } from './play-instance.entity.js';
import { PlayStarter, type StartPlayRequest } from './play-starter.service.js';
import { playWorkflowId } from './play-workflows.js';

const DAY = 86_400_000;
const KINDS = ['executive', 'strategic', 'operational', 'maintenance'] as const;
const SINCE_FACT: Record<(typeof KINDS)[number], string> = {
  executive: 'daysSinceLastExecutiveTouchpoint',
  strategic: 'daysSinceLastStrategicTouchpoint',
  operational: 'daysSinceLastOperationalTouchpoint',
  maintenance: 'daysSinceLastMaintenanceTouchpoint',
};

export type TriggeredPlay = Extract<PlayKind, 'succession' | 'onboarding' | 'cadence'>;

/**
 * Plays that start from the state of the data rather than from an escalation: a relationship
 * owner's recorded departure or a champion who left (succession), a client in its first 90 days
 * (onboarding), and every active client's touchpoint cadence. Idempotent: a play already running
 * (deterministic workflow id) is not started again.
 */
@Injectable()
export class PlayTriggers {
  constructor(
    @Inject(MikroORM) private readonly orm: MikroORM,
    private readonly starter: PlayStarter,
    private readonly catalog: FactCatalog,
    private readonly registry: RuleSetRegistry,
  ) {}

  async startDuePlays(tenantId: string, options: { accountIds?: string[]; kinds?: TriggeredPlay[] } = {}): Promise<Record<TriggeredPlay, number>> {
    const kinds = new Set(options.kinds ?? ['succession', 'onboarding', 'cadence']);
    const em = this.orm.em.fork();
    const scope = options.accountIds ? { id: { $in: options.accountIds } } : {};
    const accounts = await em.find(Account, { tenantId, status: { $ne: 'churned' }, ...scope }, { fields: ['id', 'clientSince'] });
    const ids = accounts.map((a) => a.id);
    const running = new Set((await em.find(PlayInstance, { tenantId, accountId: { $in: ids }, status: 'running' }, { fields: ['workflowId'] })).map((p) => p.workflowId));
    const requests: StartPlayRequest[] = [];
    const today = new Date().toISOString().slice(0, 10);

    if (kinds.has('succession')) {
      const owners = await em.find(TeamAssignment, { tenantId, accountId: { $in: ids }, role: { $in: ['executive_sponsor', 'account_lead'] }, $or: [{ toDate: null }, { toDate: { $gte: today } }] });
      const people = new Map((await em.find(Person, { tenantId, id: { $in: owners.map((o) => o.personId) }, departureDate: { $ne: null } })).map((p) => [p.id, p]));
      for (const owner of owners) {
        const person = people.get(owner.personId);
        if (!person?.departureDate || !person.departureKind || person.departureDate < today) continue;
        requests.push({ tenantId, accountId: owner.accountId, play: 'succession', scope: `person-${person.id}`, anchorDate: person.departureDate, reason: `${person.name} (${owner.role.replace('_', ' ')}): ${person.departureKind.replace('_', ' ')} on ${person.departureDate}`, context: { trigger: 'owner_departure', departureKind: person.departureKind, departingPersonId: person.id } });
      }
      const recent = new Date(Date.now() - 30 * DAY).toISOString().slice(0, 10);
      for (const champion of await em.find(Stakeholder, { tenantId, accountId: { $in: ids }, role: 'champion', departedAt: { $gte: recent } })) {
        requests.push({ tenantId, accountId: champion.accountId, play: 'succession', scope: `champion-${champion.id}`, anchorDate: champion.departedAt!, reason: `champion ${champion.name} left on ${champion.departedAt}`, context: { trigger: 'champion_departed', departingStakeholderId: champion.id } });
      }
    }
    if (kinds.has('onboarding')) {
      const since = new Date(Date.now() - 90 * DAY).toISOString().slice(0, 10);
      for (const account of accounts.filter((a) => a.clientSince >= since && a.clientSince <= today)) {
        requests.push({ tenantId, accountId: account.id, play: 'onboarding', anchorDate: account.clientSince, reason: `new client since ${account.clientSince}`, context: {} });
      }
    }
    if (kinds.has('cadence')) requests.push(...(await this.cadenceRequests(tenantId, ids.filter((id) => !running.has(playWorkflowId(tenantId, id, 'cadence'))))));

    const started: Record<TriggeredPlay, number> = { succession: 0, onboarding: 0, cadence: 0 };
    for (const request of requests) {
      if (running.has(playWorkflowId(request.tenantId, request.accountId, request.play, request.scope))) continue;
      if ((await this.starter.start(request)).started) started[request.play as TriggeredPlay]++;
    }
    return started;
  }

  /** The tier's cadence from the active rule set (as data), and when each kind last happened. */
  private async cadenceRequests(tenantId: string, accountIds: string[]): Promise<StartPlayRequest[]> {
    if (!accountIds.length) return [];
    const em = this.orm.em.fork();
    // Per industry: a plugin's cadence pack (e.g. a year-end checkpoint) applies to its accounts only.
    const rules = await this.registry.activeRules(tenantId);
    const industries = new Map((await em.find(Account, { tenantId, id: { $in: accountIds } }, { fields: ['id', 'industry'] })).map((a) => [a.id, a.industry]));
    const tiers = new Map((await em.find(AccountHealth, { tenantId, accountId: { $in: accountIds } }, { fields: ['accountId', 'tier'] })).map((h) => [h.accountId, h.tier]));
    const facts = await computeFactsForAccounts(this.catalog, em, tenantId, accountIds, new Date());
    return accountIds.map((accountId) => {
      const tier = tiers.get(accountId) ?? 1;
      const cadence = rules.forIndustry(industries.get(accountId)).bundle.cadence;
      const f = facts.get(accountId)!;
      const lastTouchpoints = Object.fromEntries(KINDS.map((k) => {
        const days = f[SINCE_FACT[k]];
        return [k, typeof days === 'number' ? new Date(Date.now() - days * DAY).toISOString().slice(0, 10) : null];
      }));
      // Requirements only during active work are left to the people running the project.
      const requirements = (cadence.tiers[tier - 1]?.requirements ?? []).filter((r) => !r.onlyDuringActiveWork).map(({ touchpointKind, everyDays, description }) => ({ touchpointKind, everyDays, description }));
      return { tenantId, accountId, play: 'cadence' as const, reason: `tier ${tier} touchpoint cadence`, context: { tier }, extra: { cadence: { tier, requirements }, lastTouchpoints } };
    });
  }
}
