import { z } from 'zod';

/** Reusable field validators so every endpoint speaks the same formats. */
export const uuid = () => z.uuid({ error: 'expected a UUID' });
export const isoDate = () => z.iso.date({ error: 'expected a date as YYYY-MM-DD' });
/** ISO-8601 timestamp with offset; becomes a Date for the ORM. */
export const isoDateTime = () =>
  z.iso
    .datetime({ offset: true, error: 'expected an ISO-8601 timestamp, e.g. 2026-01-31T09:00:00Z' })
    .transform((value) => new Date(value));
/**
 * An email address as RFC 5321 bounds it (and as JSON Schema's `format: email` checks it): zod's
 * pattern alone lets a 100-character local part or a label ending in '-' through, and the columns
 * are varchar(254) (longer is a 500 on PostgreSQL).
 */
export const email = () =>
  z.email({ error: 'expected an email address' }).max(254).refine((value) => {
    const at = value.lastIndexOf('@');
    return at <= 64 && value.slice(at + 1).split('.').every((label) => label.length <= 63 && !label.startsWith('-') && !label.endsWith('-'));
  }, 'expected an email address (at most 64 characters before the @, domain labels of at most 63 that neither start nor end with -)');
/**
 * An integer query parameter: digits only. z.coerce.number() alone turns '' and ' ' into 0 and
 * reads '0x10' or '1e2' as numbers, accepting values the document (type: integer) rules out.
 */
export const queryInt = (min: number, max: number) =>
  z
    .preprocess((value) => (typeof value === 'string' && !/^-?\d+$/.test(value) ? Number.NaN : value), z.coerce.number({ error: 'expected an integer' }).int().min(min).max(max))
    .meta({ type: 'integer', minimum: min, maximum: max });
export const money = () => z.number({ error: 'expected a number' }).finite().nonnegative().max(1e12);
export const shortText = (max = 200) => z.string().trim().min(1).max(max);
export const longText = () => z.string().max(20_000);
export const currency = () => z.string().regex(/^[A-Z]{3}$/, 'expected an ISO-4217 currency code like USD');
export const tenantId = () =>
  z.string().regex(/^[a-z0-9][a-z0-9-]{1,62}$/, 'expected a lowercase slug of 2-63 letters, digits or dashes');
