import type { DemoAccountView } from '../../../src/plugin-api/index.js';
import { monthsBefore, monthsBetween } from './attributes.js';

const DAY_MS = 86_400_000;
/** Service lines whose engagements end with a system going live (the demo's technology topics). */
const GO_LIVE_LINES = new Set(['Implementation', 'Cloud Migration', 'Data & Analytics']);
const PRODUCTS = ['Platform', 'Analytics Suite', 'Integration Hub', 'Service Portal', 'Mobile App'];
const PREMIUM_SLA = { critical: 4, high: 12, medium: 48, low: 120 };

type Story = 'healthy' | 'low' | 'declining';

const addDays = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
const between = (random: () => number, min: number, max: number) => min + random() * (max - min);

function pick<T extends string>(random: () => number, weights: readonly (readonly [T, number])[]): T {
  let roll = random() * weights.reduce((sum, [, w]) => sum + w, 0);
  for (const [value, weight] of weights) if ((roll -= weight) < 0) return value;
  return weights[weights.length - 1][0];
}

/**
 * Sample `attributes.technology` that fit each demo account's story: go-live from its
 * implementation-type engagements (the next one within 30 days, else the last), seats from its
 * spend, monthly usage that is healthy, low or declining (more often troubled where the account had
 * recent service issues or churned), a quarterly release train and, for some, a premium SLA.
 */
export function technologyDemoAttributes(view: DemoAccountView): Record<string, unknown> | undefined {
  const { account, asOf, random } = view;
  const implementations = view.engagements.filter((e) => GO_LIVE_LINES.has(e.serviceLine));
  const wentLive = implementations.filter((e) => e.status === 'completed' && e.actualEndDate !== null && e.actualEndDate <= asOf).map((e) => e.actualEndDate!).sort();
  // An implementation finishing within 30 days is the next go-live; otherwise the last one that happened.
  const upcoming = implementations.filter((e) => (e.status === 'active' || e.status === 'planned') && e.plannedEndDate > asOf && e.plannedEndDate <= addDays(asOf, 30)).map((e) => e.plannedEndDate).sort()[0];
  const goLiveOn = upcoming ?? wentLive.at(-1);
  // Seats from what the client spends a year (contracts of the last 12 months): USD 600-1,800 per seat.
  const yearAgo = addDays(asOf, -365);
  const annualSpend = view.contracts.filter((c) => c.startDate <= asOf && (c.endDate === null || c.endDate > yearAgo)).reduce((sum, c) => sum + c.annualValue, 0);
  const licensedSeats = Math.min(20_000, Math.max(10, Math.round((annualSpend || 20_000) / between(random, 600, 1800))));

  const churned = account.status === 'churned' && account.churnedAt !== null;
  const recentIssues = view.serviceIssues.filter((i) => i.openedAt.getTime() > Date.parse(`${addDays(asOf, -180)}T00:00:00Z`)).length;
  const story: Story = churned
    ? 'declining'
    : pick(random, recentIssues >= 2 ? [['healthy', 25], ['low', 30], ['declining', 45]] : [['healthy', 55], ['low', 20], ['declining', 25]]);

  // Usage is reported per finished month for at most a year, from the first go-live. A client whose
  // first implementation is still under way has none yet.
  const lastMonth = churned ? account.churnedAt!.slice(0, 7) : monthsBefore(asOf.slice(0, 7), 1);
  const firstLive = wentLive[0]?.slice(0, 7);
  const live = firstLive !== undefined || implementations.length === 0;
  const firstMonth = firstLive && firstLive > monthsBefore(lastMonth, 11) ? firstLive : monthsBefore(lastMonth, 11);
  const usage: { month: string; activeUsers: number }[] = [];
  if (live && firstMonth <= lastMonth) {
    const count = monthsBetween(firstMonth, lastMonth) + 1;
    const target = story === 'healthy' ? between(random, 0.7, 0.92) : story === 'low' ? between(random, 0.22, 0.38) : between(random, 0.65, 0.85);
    const endLevel = story === 'declining' ? target * between(random, 0.45, 0.72) : target;
    const rampMonths = firstMonth === firstLive ? 3 : 0;
    for (let i = 0; i < count; i++) {
      let level = target;
      if (i < rampMonths) level = target * (0.35 + (0.65 * i) / rampMonths); // adoption grows after the first go-live
      const fromEnd = count - 1 - i;
      if (story === 'declining' && fromEnd < 4) level = target + ((endLevel - target) * (4 - fromEnd)) / 4;
      const noise = between(random, -0.03, 0.03);
      usage.push({ month: monthsBefore(lastMonth, fromEnd), activeUsers: Math.max(0, Math.round(licensedSeats * level * (1 + noise))) });
    }
  }

  // A quarterly release train: the last two releases and the next two.
  const product = PRODUCTS[Math.floor(random() * PRODUCTS.length)];
  const major = 3 + Math.floor(random() * 6);
  const firstUpcoming = Math.round(between(random, 3, 93));
  const releases = churned ? [] : [-2, -1, 0, 1].map((k) => ({ name: `${product} ${major}.${k + 2}`, on: addDays(asOf, firstUpcoming + k * 91) }));

  return {
    licensedSeats,
    usage,
    ...(random() < 0.3 ? { slaHours: PREMIUM_SLA } : {}),
    ...(goLiveOn ? { goLiveOn } : {}),
    releases,
  };
}
