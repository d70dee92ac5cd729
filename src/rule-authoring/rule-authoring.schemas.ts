import { z } from 'zod';
import { NotFound } from '../api/api-errors.js';
import { RULE_SET_KINDS, type RuleSetKind } from '../rules/schema/rule-set.schema.js';

export const actorSchema = z.string().trim().min(1).max(200).default('anonymous');
const version = z.number().int().min(0);
const reason = z.string().trim().min(3, 'say why (at least 3 characters): it goes into the audit log').max(2000);

export const draftBody = z.strictObject({ document: z.unknown(), basedOnVersion: version.optional() });
export const candidateBody = z.union([z.strictObject({ document: z.unknown() }), z.strictObject({ version })]);
export const backtestBody = z.intersection(
  candidateBody,
  z.object({ from: z.iso.datetime({ offset: true }).optional(), to: z.iso.datetime({ offset: true }).optional() }),
);
export const publishBody = z.strictObject({ reason, expectedActiveVersion: version.optional() });
export const rollbackBody = z.strictObject({ toVersion: version, reason, expectedActiveVersion: version.optional() });
export const auditQuery = z.strictObject({ kind: z.enum(RULE_SET_KINDS as [RuleSetKind, ...RuleSetKind[]]).optional(), limit: z.coerce.number().int().min(1).max(500).default(100) });

export function kindOrThrow(kind: string): RuleSetKind {
  if (!(RULE_SET_KINDS as string[]).includes(kind)) throw new NotFound(`unknown rule set '${kind}'; rule sets: ${RULE_SET_KINDS.join(', ')}`);
  return kind as RuleSetKind;
}

export function versionParam(raw: string): number {
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0) throw new NotFound(`version '${raw}' not found`);
  return n;
}
