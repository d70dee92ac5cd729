import { count, declareFacts, indexBy, selectRows, FactClock, type FactBatchContext, type FactProvider, type FactValues } from '../../../src/plugin-api/index.js';
import { taxSeasonAt } from './fiscal-calendar.js';
import { serviceKindOf } from './service-lines.js';

export const DELIVERY_PROVIDER_ID = 'accounting.delivery';

interface IssueCountRow {
  account_id: string;
  issues: unknown;
}
interface EngagementRow {
  account_id: string;
  service_line: string;
  planned_end_date: string;
  actual_end_date: string | null;
  status: string;
}

/**
 * Delivery quality: in the tax season that is current or most recently completed (January 1 to
 * April 30 of asOf's year; see taxSeasonAt), which decides the engagement-letter renewal, and
 * compliance work running late right now, which puts filings at risk. Two queries per batch
 * (service issues in the season; engagements past their planned end that are due in the season
 * or still open).
 */
export const deliveryFacts: FactProvider = {
  id: DELIVERY_PROVIDER_ID,
  facts: declareFacts(DELIVERY_PROVIDER_ID, [
    { name: 'accounting.taxSeasonIssues', type: 'number', unit: 'count', min: 0, label: 'service issues in the tax season', description: "Service issues (complaints included) opened from January 1 to April 30 of asOf's year, up to asOf: the current tax season, or the last one once it is over." },
    { name: 'accounting.taxSeasonLateDeliveries', type: 'number', unit: 'count', min: 0, label: 'late deliveries in the tax season', description: "Engagements (not cancelled) planned to end from January 1 to April 30 of asOf's year that ended after their planned end date, or are still open past it at asOf." },
    { name: 'accounting.lateComplianceEngagements', type: 'number', unit: 'count', min: 0, label: 'compliance engagements running late', description: 'Compliance engagements (Audit, Tax, Payroll...) still open at asOf past their planned end date.' },
  ]),

  async compute({ em, tenantId, accountIds, asOf }: FactBatchContext) {
    const clock = new FactClock(asOf);
    const season = taxSeasonAt(asOf);
    const issues = indexBy(
      await selectRows<IssueCountRow>(
        em,
        `select account_id, count(*) as issues
           from service_issues
          where tenant_id = :tenantId and account_id in (:ids)
            and opened_at >= :seasonStart and opened_at < :seasonEnd and opened_at <= :asOf
          group by account_id`,
        { tenantId, ids: accountIds, seasonStart: season.start, seasonEnd: season.end, asOf: clock.asOf },
      ),
    );
    // Only engagements whose planned end has passed can be late.
    const engagements = await selectRows<EngagementRow>(
      em,
      `select account_id, service_line, planned_end_date, actual_end_date, status
         from engagements
        where tenant_id = :tenantId and account_id in (:ids) and status <> 'cancelled' and planned_end_date < :asOfDate
          and ((planned_end_date >= :firstDay and planned_end_date <= :lastDay)
               or (status <> 'completed' and (actual_end_date is null or actual_end_date > :asOfDate)))`,
      { tenantId, ids: accountIds, firstDay: season.firstDay, lastDay: season.lastDay, asOfDate: clock.asOfDate },
    );
    const lateInSeason = new Map<string, number>();
    const lateCompliance = new Map<string, number>();
    const bump = (map: Map<string, number>, id: string) => map.set(id, (map.get(id) ?? 0) + 1);
    for (const e of engagements) {
      // An end recorded after asOf has not happened yet as of asOf: the engagement is still open.
      const ended = e.actual_end_date !== null && e.actual_end_date <= clock.asOfDate;
      const open = !ended && e.status !== 'completed';
      const inSeason = e.planned_end_date >= season.firstDay && e.planned_end_date <= season.lastDay;
      if (inSeason && (ended ? e.actual_end_date! > e.planned_end_date : open)) bump(lateInSeason, e.account_id);
      if (open && serviceKindOf(e.service_line) === 'compliance') bump(lateCompliance, e.account_id);
    }
    const out = new Map<string, Partial<FactValues>>();
    for (const accountId of accountIds) {
      out.set(accountId, {
        'accounting.taxSeasonIssues': count(issues.get(accountId)?.issues),
        'accounting.taxSeasonLateDeliveries': lateInSeason.get(accountId) ?? 0,
        'accounting.lateComplianceEngagements': lateCompliance.get(accountId) ?? 0,
      });
    }
    return out;
  },
};
