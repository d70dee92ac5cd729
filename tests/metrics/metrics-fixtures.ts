import { expect } from 'vitest';
import { createTenant } from '../api/fixtures.js';
import type { TestApp } from '../support/test-app.js';

/** Rows for the bulk import API (JSON); history rows name their account by `accountExternalRef`. */
export type Row = Record<string, unknown>;

/** Imports rows of one resource atomically through the API and fails loudly on any rejected row. */
export async function importRows(app: TestApp, tenant: string, resource: string, rows: Row[]): Promise<void> {
  const res = await app.call('POST', `/api/v1/import/${resource}?mode=atomic`, rows, { tenant });
  expect(res.status, `${resource}: ${JSON.stringify(res.body)}`).toBe(200);
  expect(res.body.failed, `${resource}: ${JSON.stringify(res.body.errors)}`).toBe(0);
}

export interface PortfolioFixture {
  accounts: Row[];
  invoices?: Row[];
  contracts?: Row[];
  people?: Row[];
  /** Rows with `personEmail` instead of `personId` (people get their ids on import). */
  teamAssignments?: Row[];
}

/** Creates the tenant and imports a portfolio through the API, in dependency order. */
export async function buildPortfolio(app: TestApp, tenant: string, fixture: PortfolioFixture): Promise<void> {
  await createTenant(app, tenant);
  await importRows(app, tenant, 'accounts', fixture.accounts);
  if (fixture.people?.length) await importRows(app, tenant, 'people', fixture.people);
  if (fixture.contracts?.length) await importRows(app, tenant, 'contracts', fixture.contracts);
  if (fixture.invoices?.length) await importRows(app, tenant, 'invoices', fixture.invoices);
  if (fixture.teamAssignments?.length) {
    const ids = new Map<string, string>();
    for (const email of new Set(fixture.teamAssignments.map((a) => String(a.personEmail)))) ids.set(email, await personId(app, tenant, email));
    await importRows(app, tenant, 'team-assignments', fixture.teamAssignments.map(({ personEmail, ...rest }) => ({ ...rest, personId: ids.get(String(personEmail)) })));
  }
}

export const account = (ref: string, extra: Row = {}): Row => ({ externalRef: ref, name: `Client ${ref}`, industry: 'legal', clientSince: '2022-01-10', ...extra });
export const churned = (on: string, reason = 'taken_for_granted'): Row => ({ status: 'churned', churnedAt: on, churnReason: reason });
export const contract = (ref: string, startDate: string, annualValue: number, extra: Row = {}): Row => ({ accountExternalRef: ref, kind: 'retainer', title: `Retainer ${ref} ${startDate}`, value: annualValue, annualValue, startDate, ...extra });
export const invoice = (ref: string, issuedOn: string, amount: number): Row => ({ accountExternalRef: ref, amount, issuedOn, dueOn: issuedOn, paidOn: issuedOn });

/** Looks up the ids of people created by import (by email). */
export async function personId(app: TestApp, tenant: string, email: string): Promise<string> {
  const res = await app.call('GET', `/api/v1/people?email=${encodeURIComponent(email)}&limit=1`, undefined, { tenant });
  expect(res.body.items, `person ${email}`).toHaveLength(1);
  return res.body.items[0].id as string;
}

export interface FigureBody {
  id: string;
  value: number | null;
  inputs: Record<string, number | null>;
  note?: string;
}

/** GET /metrics and index the figures by id. */
export async function figures(app: TestApp, tenant: string, query: string): Promise<Record<string, FigureBody>> {
  const res = await app.call('GET', `/api/v1/metrics?${query}`, undefined, { tenant });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return Object.fromEntries((res.body.figures as FigureBody[]).map((f) => [f.id, f]));
}

export async function table(app: TestApp, tenant: string, name: string, query: string): Promise<{ columns: { key: string; label: string }[]; rows: Record<string, unknown>[] }> {
  const res = await app.call('GET', `/api/v1/metrics/tables/${name}?${query}`, undefined, { tenant });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body;
}
