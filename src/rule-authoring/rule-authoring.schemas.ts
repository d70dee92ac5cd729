import { z } from 'zod';
import { NotFound } from '../api/api-errors.js';
import { queryInt } from '../api/zod-fields.js';

const version = z.number().int().min(0);
const reason = z.string().trim().min(3, 'say why (at least 3 characters): it goes into the audit log').max(2000);

/** /validate judges any JSON document (an invalid one is a 200 report), but a request without one is a 400. */
export const validateBody = z.custom<unknown>((value) => value !== undefined, 'expected a JSON rule-set document as the request body');
export const draftBody = z.strictObject({ document: z.unknown(), basedOnVersion: version.optional() });
export const candidateBody = z.union([z.strictObject({ document: z.unknown() }), z.strictObject({ version })]);
export const backtestBody = z.intersection(
  candidateBody,
  z.object({ from: z.iso.datetime({ offset: true }).optional(), to: z.iso.datetime({ offset: true }).optional() }),
);
export const publishBody = z.strictObject({ reason, expectedActiveVersion: version.optional() });
export const rollbackBody = z.strictObject({ toVersion: version, reason, expectedActiveVersion: version.optional() });
export const auditQuery = z.strictObject({ kind: z.string().regex(/^[a-z][a-z0-9.]{1,40}$/, 'expected a rule-set id such as health or legal.signals').optional(), limit: queryInt(1, 500).default(100) });

/** A core kind or an installed plugin pack id; anything else is a 404 listing what exists. */
export function kindOrThrow(kind: string, known: readonly string[]): string {
  if (!known.includes(kind)) throw new NotFound(`unknown rule set '${kind}'; rule sets: ${known.join(', ')}`);
  return kind;
}

export function versionParam(raw: string): number {
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0) throw new NotFound(`version '${raw}' not found`);
  return n;
}
