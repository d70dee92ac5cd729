import { declareFacts, FactClock, groupBy, num, round, selectRows, type FactBatchContext, type FactProvider, type FactValues } from '../../../src/plugin-api/index.js';

/** Person titles that can own a client relationship at a law firm (equity/salaried partners, principals). */
const PARTNER_TITLES = new Set(['partner', 'principal']);
/** Team roles that make someone the client's relationship partner (not a matter specialist). */
const RELATIONSHIP_ROLES = new Set(['account_lead', 'executive_sponsor']);
/** A successor "builds" the relationship: this many held client touchpoints in the window. */
const SUCCESSOR_MIN_TOUCHPOINTS = 2;
const SUCCESSOR_WINDOW_DAYS = 180;
const SHARE_WINDOW_DAYS = 365;
/** Below this many attributed touchpoints a share says nothing. */
const SHARE_MIN_TOUCHPOINTS = 5;
const TITLES = ['partner', 'principal', 'director', 'manager', 'senior', 'associate', 'staff'] as const;

interface TeamRow {
  account_id: string;
  person_id: string;
  role: string;
  title: string;
  departure_kind: string | null;
  departure_date: string | null;
}
interface ContactRow {
  account_id: string;
  person_id: string;
  title: string | null;
  n365: unknown;
  n180: unknown;
}

export const SUCCESSION_PROVIDER_ID = 'legal.succession';

/**
 * Partner succession (DOMAIN.md section 10, legal): client loyalty is personal to the relationship
 * partner, so a partner's retirement is the biggest retention risk and needs a successor who builds
 * the relationship years ahead. Two queries per batch: the active team with each member's title and
 * recorded departure, and held touchpoints per firm person over the last 365 days.
 */
export const successionFactsProvider: FactProvider = {
  id: SUCCESSION_PROVIDER_ID,
  facts: declareFacts(SUCCESSION_PROVIDER_ID, [
    {
      name: 'legal.relationshipPartnerRetiresInDays',
      type: 'number',
      unit: 'days',
      min: 0,
      label: 'days until the relationship partner retires',
      description: 'Days from asOf to the soonest recorded retirement (today or later) of a person titled partner who is actively assigned to the account as account lead or executive sponsor; null when no such partner has a retirement on record.',
    },
    {
      name: 'legal.successorPartnerEngaged',
      type: 'boolean',
      label: 'successor partner engaged',
      description: `Whether another partner or principal (not retiring before the relationship partner) is actively assigned to the account in any role and held at least ${SUCCESSOR_MIN_TOUCHPOINTS} touchpoints with the client in the last ${SUCCESSOR_WINDOW_DAYS} days; null when no relationship partner is retiring.`,
    },
    {
      name: 'legal.topPersonTouchpointSharePct',
      type: 'number',
      unit: 'percent',
      min: 0,
      max: 100,
      label: 'share of client contact by one person',
      description: `Percent (whole number) of the held touchpoints of the last ${SHARE_WINDOW_DAYS} days with a recorded firm person that the single most frequent person held; null under ${SHARE_MIN_TOUCHPOINTS} such touchpoints.`,
    },
    {
      name: 'legal.topPersonTitle',
      type: 'string',
      enumValues: TITLES,
      label: 'title of the person holding most client contact',
      description: `Title (partner, principal, ...) of that most frequent person; null when the share is null.`,
    },
  ]),

  async compute({ em, tenantId, accountIds, asOf }: FactBatchContext) {
    const clock = new FactClock(asOf);
    const team = await selectRows<TeamRow>(
      em,
      `select ta.account_id, ta.person_id, ta.role, p.title, p.departure_kind, p.departure_date
         from team_assignments ta
         join people p on p.id = ta.person_id and p.tenant_id = ta.tenant_id
        where ta.tenant_id = :tenantId and ta.account_id in (:ids)
          and ta.from_date <= :asOfDate and (ta.to_date is null or ta.to_date >= :asOfDate)`,
      { tenantId, ids: accountIds, asOfDate: clock.asOfDate },
    );
    const contacts = await selectRows<ContactRow>(
      em,
      `select t.account_id, t.person_id, p.title, count(*) as n365,
              sum(case when t.occurred_at > :since180 then 1 else 0 end) as n180
         from touchpoints t
         left join people p on p.id = t.person_id and p.tenant_id = t.tenant_id
        where t.tenant_id = :tenantId and t.account_id in (:ids) and t.person_id is not null and t.outcome = 'held'
          and t.occurred_at > :since365 and t.occurred_at <= :asOf
        group by t.account_id, t.person_id, p.title`,
      { tenantId, ids: accountIds, since180: clock.since(SUCCESSOR_WINDOW_DAYS), since365: clock.since(SHARE_WINDOW_DAYS), asOf: clock.asOf },
    );

    const teamBy = groupBy(team);
    const contactsBy = groupBy(contacts);
    const result = new Map<string, Partial<FactValues>>();
    for (const accountId of accountIds) {
      const members = teamBy.get(accountId) ?? [];
      const held = contactsBy.get(accountId) ?? [];
      const recent = new Map(held.map((c) => [String(c.person_id), num(c.n180) ?? 0]));

      // Retiring relationship partners: partner title, lead or sponsor seat, retirement today or later.
      const retiring = members.filter((m) => m.title === 'partner' && RELATIONSHIP_ROLES.has(m.role) && m.departure_kind === 'retirement' && m.departure_date !== null && m.departure_date >= clock.asOfDate);
      const retirementDate = retiring.map((m) => m.departure_date!).sort()[0];
      const retiringIds = new Set(retiring.map((m) => String(m.person_id)));
      // A successor must outlast the retirement (someone leaving first is no successor).
      const successorEngaged = retirementDate === undefined
        ? null
        : members.some((m) => !retiringIds.has(String(m.person_id)) && PARTNER_TITLES.has(m.title) && (m.departure_date === null || m.departure_date > retirementDate) && (recent.get(String(m.person_id)) ?? 0) >= SUCCESSOR_MIN_TOUCHPOINTS);

      const total = held.reduce((sum, c) => sum + (num(c.n365) ?? 0), 0);
      // Highest count first; ties broken by person id so the reported title is deterministic.
      const top = [...held].sort((a, b) => (num(b.n365) ?? 0) - (num(a.n365) ?? 0) || String(a.person_id).localeCompare(String(b.person_id)))[0];
      const enoughContact = top !== undefined && total >= SHARE_MIN_TOUCHPOINTS;

      result.set(accountId, {
        'legal.relationshipPartnerRetiresInDays': retirementDate === undefined ? null : clock.daysUntil(retirementDate),
        'legal.successorPartnerEngaged': successorEngaged,
        'legal.topPersonTouchpointSharePct': enoughContact ? round(((num(top.n365) ?? 0) / total) * 100) : null,
        'legal.topPersonTitle': enoughContact ? (top.title ?? null) : null,
      });
    }
    return result;
  },
};
