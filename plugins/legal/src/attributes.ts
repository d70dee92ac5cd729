import { z } from 'zod';

export const CONFLICT_STATUSES = ['pending', 'cleared', 'declined'] as const;

/**
 * One conflict check run before the firm accepts a new matter for the client. A declined check
 * means the firm could not act (it acts for an adverse party): the client took the matter to
 * another firm, which now has a foothold. The core model has no place for this.
 */
export const conflictCheckSchema = z
  .strictObject({
    /** The prospective matter, as the intake team names it. */
    matter: z.string().trim().min(1).max(200),
    practiceArea: z.string().trim().min(1).max(120).optional(),
    raisedOn: z.iso.date(),
    status: z.enum(CONFLICT_STATUSES),
    /** When the check was cleared or declined; absent while pending. */
    decidedOn: z.iso.date().optional(),
    note: z.string().trim().max(500).optional(),
  })
  .superRefine((check, ctx) => {
    if (check.status === 'pending' && check.decidedOn) ctx.addIssue({ code: 'custom', path: ['decidedOn'], message: 'a pending check has no decision date' });
    if (check.status !== 'pending' && !check.decidedOn) ctx.addIssue({ code: 'custom', path: ['decidedOn'], message: `required when status is ${check.status}` });
    if (check.decidedOn && check.decidedOn < check.raisedOn) ctx.addIssue({ code: 'custom', path: ['decidedOn'], message: 'cannot be before raisedOn' });
  });
export type ConflictCheck = z.output<typeof conflictCheckSchema>;

/** `account.attributes.legal`: only what the core model lacks. */
export const legalAttributesSchema = z.strictObject({
  /** Conflict checks for this client's prospective matters (most recent few hundred). */
  conflictChecks: z.array(conflictCheckSchema).max(200).optional(),
});
export type LegalAttributes = z.output<typeof legalAttributesSchema>;
