import { account, churned, contract, invoice, type PortfolioFixture, type Row } from './metrics-fixtures.js';

const S = (n: number) => `S${n}`;

/**
 * Many small clients churn, the strategic one stays (logo retention low, revenue retention high).
 * S1-S10 bring $10,000 a year (S1-S5 legal, S6-S10 accounting); S1-S5 churn in 2025 (S1, S2 in
 * February, S3 on May 1, S4 in August, S5 in November); B brings $1,000,000 a year. W churned in
 * 2024 and was won back by a contract starting 2025-04-01; N became a client mid-2025.
 * Owners: P1 leads S1-S3 and B, P2 the others.
 */
export function smallClientsChurn(): PortfolioFixture {
  const churnDays: Record<number, [string, string]> = {
    1: ['2025-02-10', 'taken_for_granted'],
    2: ['2025-02-10', 'taken_for_granted'],
    3: ['2025-05-01', 'taken_for_granted'],
    4: ['2025-08-20', 'competitor_better_value'],
    5: ['2025-11-05', 'competitor_better_value'],
  };
  const accounts: Row[] = [];
  const invoices: Row[] = [];
  for (let n = 1; n <= 10; n++) {
    const lost = churnDays[n];
    accounts.push(account(S(n), { industry: n <= 5 ? 'legal' : 'accounting', ...(n === 5 ? { clientSince: '2024-12-01' } : {}), ...(lost ? churned(lost[0], lost[1]) : {}) }));
    invoices.push(invoice(S(n), n === 5 ? '2024-12-15' : '2024-09-15', 10_000));
    if (!lost) invoices.push(invoice(S(n), '2025-06-15', 10_000));
  }
  accounts.push(account('B', { name: 'Big Anchor Corp', industry: 'consulting', clientSince: '2020-01-10' }));
  invoices.push(invoice('B', '2024-03-15', 1_000_000), invoice('B', '2025-03-15', 1_000_000));
  accounts.push(account('W', { industry: 'technology', clientSince: '2021-01-10', status: 'won_back', churnedAt: '2024-09-01', churnReason: 'key_contact_left' }));
  invoices.push(invoice('W', '2024-05-10', 20_000), invoice('W', '2025-06-10', 20_000));
  accounts.push(account('N', { industry: 'technology', clientSince: '2025-07-01' }));
  invoices.push(invoice('N', '2025-08-01', 5_000));
  const lead = (ref: string, email: string, toDate: string | null = null): Row => ({ accountExternalRef: ref, personEmail: email, role: 'account_lead', fromDate: '2020-01-01', toDate });
  return {
    accounts,
    invoices,
    contracts: [contract('W', '2021-01-10', 20_000, { endDate: '2024-09-01' }), contract('W', '2025-04-01', 40_000)],
    people: [
      { name: 'Pat One', email: 'p1@firm.example', title: 'partner' },
      { name: 'Sam Two', email: 'p2@firm.example', title: 'manager' },
    ],
    teamAssignments: [
      ...['S1', 'S2', 'S3'].map((ref) => lead(ref, 'p1@firm.example', churnDays[Number(ref.slice(1))][0])),
      lead('B', 'p1@firm.example'),
      ...['S4', 'S5'].map((ref) => lead(ref, 'p2@firm.example', churnDays[Number(ref.slice(1))][0])),
      ...['S6', 'S7', 'S8', 'S9', 'S10', 'W', 'N'].map((ref) => lead(ref, 'p2@firm.example')),
    ],
  };
}

/** Ten small clients stay, the one strategic client ($1M a year) churns on 2025-02-01 (logo high, revenue low). */
export function strategicClientChurns(): PortfolioFixture {
  const accounts: Row[] = [];
  const invoices: Row[] = [];
  for (let n = 1; n <= 10; n++) {
    accounts.push(account(S(n)));
    invoices.push(invoice(S(n), '2024-09-15', 10_000), invoice(S(n), '2025-09-15', 10_000));
  }
  accounts.push(account('B', { name: 'Big Anchor Corp', industry: 'consulting', clientSince: '2018-01-10', ...churned('2025-02-01', 'competitor_better_value') }));
  invoices.push(invoice('B', '2024-03-15', 1_000_000));
  return { accounts, invoices };
}

/** `clients` clients since 2023, `lost` of them churned mid-2025 (DOMAIN.md §9: 100 clients at 90% → 10 needed). */
export function clientsWithChurn(clients: number, lost: number): PortfolioFixture {
  return {
    accounts: Array.from({ length: clients }, (_, i) => account(`C${i + 1}`, { clientSince: '2023-01-10', ...(i < lost ? churned('2025-06-30') : {}) })),
  };
}

/**
 * DOMAIN.md §9 economics: 10 clients won in 2025 (clientSince in January), each invoiced $100,000 in
 * 2025 — $100,000 a year of revenue per client.
 */
export function tenNewClients(): PortfolioFixture {
  const accounts: Row[] = [];
  const invoices: Row[] = [];
  for (let n = 1; n <= 10; n++) {
    const day = `2025-01-${String(10 + n).padStart(2, '0')}`;
    accounts.push(account(`E${n}`, { industry: 'consulting', clientSince: day }));
    invoices.push(invoice(`E${n}`, '2025-03-01', 60_000), invoice(`E${n}`, '2025-09-01', 40_000));
  }
  return { accounts, invoices };
}
