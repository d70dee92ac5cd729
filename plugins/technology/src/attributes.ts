import { z } from 'zod';

/** Resolution targets (hours from opening to resolution) when the client's contract names none. */
export const DEFAULT_SLA_HOURS = { critical: 8, high: 24, medium: 72, low: 168 } as const;
export type Severity = keyof typeof DEFAULT_SLA_HOURS;

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;
const hours = () => z.number().positive().max(24 * 365);

/**
 * `account.attributes.technology`: what a technology-services firm knows about a client that the
 * core model lacks — licences and product usage, the support contract, go-live and the release
 * plan. Everything is optional: a client without usage data simply has no adoption facts.
 */
export const technologyAttributes = z.strictObject({
  /** Seats the client licenses (the denominator of adoption). */
  licensedSeats: z.number().int().min(1).max(1_000_000).optional(),
  /** Monthly active users, one entry per month (the last two years at most). */
  usage: z
    .array(z.strictObject({ month: z.string().regex(MONTH, 'expected a month as YYYY-MM'), activeUsers: z.number().int().min(0).max(10_000_000) }))
    .max(24)
    .superRefine((entries, ctx) => {
      const seen = new Set<string>();
      entries.forEach((entry, index) => {
        if (seen.has(entry.month)) ctx.addIssue({ code: 'custom', path: [index, 'month'], message: `month ${entry.month} appears twice` });
        seen.add(entry.month);
      });
    })
    .default([]),
  /** Contractual hours to resolve a service issue, per severity (defaults 8/24/72/168). */
  slaHours: z
    .strictObject({ critical: hours().default(DEFAULT_SLA_HOURS.critical), high: hours().default(DEFAULT_SLA_HOURS.high), medium: hours().default(DEFAULT_SLA_HOURS.medium), low: hours().default(DEFAULT_SLA_HOURS.low) })
    .refine((s) => s.critical <= s.high && s.high <= s.medium && s.medium <= s.low, 'a more severe issue cannot have a longer resolution target (critical ≤ high ≤ medium ≤ low)')
    .optional(),
  /** When the implemented system went (or goes) live: the start of the handover to support. */
  goLiveOn: z.iso.date({ error: 'expected a date as YYYY-MM-DD' }).optional(),
  /** Product releases relevant to the client, past or planned: each is a reason to talk. */
  releases: z
    .array(z.strictObject({ name: z.string().trim().min(1).max(120), on: z.iso.date({ error: 'expected a date as YYYY-MM-DD' }) }))
    .max(50)
    .default([]),
});
export type TechnologyAttributes = z.output<typeof technologyAttributes>;

/**
 * The parsed attributes, or undefined when they no longer fit the schema (written before a schema
 * change): facts then treat the account as having no plugin data rather than failing the batch.
 */
export function readAttributes(raw: unknown): TechnologyAttributes | undefined {
  const parsed = technologyAttributes.safeParse(raw);
  return parsed.success ? parsed.data : undefined;
}

/** 'YYYY-MM' of a date or instant (UTC). */
export const monthOf = (value: Date | string): string => (typeof value === 'string' ? value.slice(0, 7) : value.toISOString().slice(0, 7));

/** Whole months from `from` to `to` ('YYYY-MM'). */
export function monthsBetween(from: string, to: string): number {
  return (Number(to.slice(0, 4)) - Number(from.slice(0, 4))) * 12 + (Number(to.slice(5, 7)) - Number(from.slice(5, 7)));
}

/** The 'YYYY-MM' `months` months before `month`. */
export function monthsBefore(month: string, months: number): string {
  const index = Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1 - months;
  return `${String(Math.floor(index / 12)).padStart(4, '0')}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/** The latest usage entry at or before `month` (entries after it are not yet known at that time). */
export function latestUsage(attributes: TechnologyAttributes, month: string): { month: string; activeUsers: number } | undefined {
  let latest: { month: string; activeUsers: number } | undefined;
  for (const entry of attributes.usage) if (entry.month <= month && (!latest || entry.month > latest.month)) latest = entry;
  return latest;
}
