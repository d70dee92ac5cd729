import { DAY_MS, daysBetween, isoDate, toInstant, type DemoAccountView } from '../../../src/plugin-api/index.js';
import type { AgencyAttributes } from './attributes.js';

type Engagement = DemoAccountView['engagements'][number];

/** The KPI a campaign is typically bought on, by the service line that ran it. */
const KPI_BY_SERVICE_LINE: Record<string, string> = {
  Creative: 'brand lift',
  'Media Buying': 'ROAS',
  Digital: 'qualified leads',
  Brand: 'brand awareness',
  Social: 'engagement rate',
  Content: 'engaged sessions',
};

const addDays = (date: string, days: number) => isoDate(toInstant(date)!.getTime() + days * DAY_MS);
const between = (random: () => number, min: number, max: number) => min + Math.floor(random() * (max - min + 1));

/**
 * Sample `attributes.agencies` that fit the account's generated story:
 * - a new concept is presented one to three weeks before each campaign's kickoff; about one
 *   account in seven has kept re-running an old idea (its last new concept is 150+ days old);
 * - results are reported monthly on retainers (after each campaign otherwise) from the reporting
 *   tool, but never after the last held touchpoint: a client that went silent has not been shown
 *   a report since (the quiet-between-campaigns story's last touchpoint is the campaign wrap-up
 *   with its results report); about one account in ten lets reporting slip by six weeks or more;
 * - the latest campaign that has run three weeks or more has a KPI result, lower when it ran
 *   over budget or late.
 */
export function agencyDemoAttributes(view: DemoAccountView): AgencyAttributes | undefined {
  const { asOf, random } = view;
  const started = view.engagements
    .filter((e) => e.startDate <= asOf && e.status !== 'planned' && !(e.status === 'cancelled' && e.actualEndDate === null))
    .sort((a, b) => (a.startDate < b.startDate ? -1 : a.startDate > b.startDate ? 1 : 0));
  if (started.length === 0) return undefined;
  const out: AgencyAttributes = {};

  const conceptBefore = (e: Engagement) => addDays(e.startDate, -between(random, 7, 21));
  const stale = random() < 0.1 ? started.filter((e) => daysBetween(e.startDate, asOf) >= 150).at(-1) : undefined;
  out.lastNewConceptOn = conceptBefore(stale ?? started.at(-1)!);

  const retainer = view.contracts.some((c) => c.kind === 'retainer' && c.startDate <= asOf && (c.endDate === null || c.endDate >= asOf));
  const latest = started.at(-1)!;
  const latestEnd = latest.actualEndDate ?? latest.plannedEndDate;
  let reportDue = retainer ? addDays(asOf, -between(random, 0, 29)) : latestEnd <= asOf ? addDays(latestEnd, between(random, 7, 14)) : addDays(asOf, -between(random, 0, 29));
  if (random() < 0.1) reportDue = addDays(reportDue, -between(random, 45, 90));
  const lastContact = view.touchpoints
    .filter((t) => t.outcome === 'held')
    .map((t) => isoDate(t.occurredAt))
    .filter((day) => day <= asOf)
    .sort()
    .at(-1);
  if (lastContact !== undefined) out.lastResultsReportOn = reportDue < lastContact ? reportDue : lastContact;

  const measured = started.filter((e) => daysBetween(e.startDate, asOf) >= 21).at(-1);
  if (measured) {
    let attainment = 74 + random() * 54;
    if (measured.actualCost > measured.budget * 1.05) attainment -= between(random, 12, 25);
    if (measured.actualEndDate !== null && measured.actualEndDate > measured.plannedEndDate) attainment -= 5;
    out.latestCampaign = { name: measured.name, kpi: KPI_BY_SERVICE_LINE[measured.serviceLine] ?? 'campaign KPI', attainmentPct: Math.max(0, Math.round(attainment)) };
  }
  return out;
}
