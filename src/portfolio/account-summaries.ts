import type { EntityManager } from '@mikro-orm/core';
import { Contract } from '../commercial/contract.entity.js';
import { Person } from '../relationships/person.entity.js';
import { TeamAssignment } from '../relationships/team-assignment.entity.js';
import { HealthSnapshot } from '../scoring/health-snapshot.entity.js';
import type { SignalSeverity } from '../rules/schema/signals-rule-set.schema.js';
import { topSeverity } from './severity.js';

const BATCH = 500;

function batches<T>(items: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += BATCH) out.push(items.slice(i, i + BATCH));
  return out;
}

const day = (value: unknown): string => (value instanceof Date ? value.toISOString().slice(0, 10) : String(value).slice(0, 10));

/** Accounts whose active relationship owner (account lead) is `personId`. */
export async function accountsLedBy(em: EntityManager, tenantId: string, personId: string, today: string): Promise<Set<string>> {
  const rows = await em.find(TeamAssignment, { tenantId, personId, role: 'account_lead', fromDate: { $lte: today }, $or: [{ toDate: null }, { toDate: { $gte: today } }] }, { fields: ['accountId'] });
  return new Set(rows.map((r) => r.accountId));
}

/** The most severe active signal of each snapshot's account (snapshots loaded in batches). */
export async function severitiesOf(em: EntityManager, tenantId: string, snapshotIds: readonly string[]): Promise<Map<string, SignalSeverity | null>> {
  const out = new Map<string, SignalSeverity | null>();
  for (const ids of batches(snapshotIds)) {
    const snapshots = await em.find(HealthSnapshot, { tenantId, id: { $in: ids } }, { fields: ['id', 'accountId', 'signals'] });
    for (const s of snapshots) out.set(s.accountId, topSeverity(s.signals));
  }
  return out;
}

/** Current account leads by account, with their names. */
export async function ownersOf(em: EntityManager, tenantId: string, accountIds: readonly string[], today: string): Promise<Map<string, { id: string; name: string }>> {
  const out = new Map<string, { id: string; name: string }>();
  if (!accountIds.length) return out;
  const leads = await em.find(
    TeamAssignment,
    { tenantId, accountId: { $in: [...accountIds] }, role: 'account_lead', fromDate: { $lte: today }, $or: [{ toDate: null }, { toDate: { $gte: today } }] },
    { orderBy: { fromDate: 'desc' }, fields: ['accountId', 'personId'] },
  );
  const people = await em.find(Person, { tenantId, id: { $in: [...new Set(leads.map((l) => l.personId))] } }, { fields: ['id', 'name'] });
  const names = new Map(people.map((p) => [p.id, p.name]));
  for (const lead of leads) if (!out.has(lead.accountId)) out.set(lead.accountId, { id: lead.personId, name: names.get(lead.personId) ?? '(unknown person)' });
  return out;
}

export interface ContractSummary {
  nextRenewalOn: string | null;
  annualValue: number | null;
}

/** Next contract end not yet renewed or lost, and the annual value of contracts running today. */
export async function contractsOf(em: EntityManager, tenantId: string, accountIds: readonly string[], today: string): Promise<Map<string, ContractSummary>> {
  const out = new Map<string, ContractSummary>();
  if (!accountIds.length) return out;
  const contracts = await em.find(Contract, { tenantId, accountId: { $in: [...accountIds] } }, { fields: ['accountId', 'startDate', 'endDate', 'annualValue', 'renewalStatus'] });
  for (const c of contracts) {
    const summary = out.get(c.accountId) ?? { nextRenewalOn: null, annualValue: null };
    const start = day(c.startDate);
    const end = c.endDate ? day(c.endDate) : null;
    if (start <= today && (!end || end >= today)) summary.annualValue = (summary.annualValue ?? 0) + Number(c.annualValue ?? 0);
    const open = c.renewalStatus === 'not_started' || c.renewalStatus === 'in_progress';
    if (end && end >= today && open && (!summary.nextRenewalOn || end < summary.nextRenewalOn)) summary.nextRenewalOn = end;
    out.set(c.accountId, summary);
  }
  return out;
}
