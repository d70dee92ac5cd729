import { ApiError } from '../../api/client';

/**
 * Splits a 400's issues into those of the form's own fields (`body.roles[0]` → `roles`) and the rest,
 * so each message is shown next to its field and nothing is lost.
 */
export function issuesByField(error: unknown, fields: readonly string[]): { byField: Record<string, string>; rest: Error | null } {
  if (!(error instanceof ApiError)) return { byField: {}, rest: error as Error };
  const byField: Record<string, string> = {};
  const others = error.issues.filter((issue) => {
    const field = /^body\.([A-Za-z]+)/.exec(issue.path)?.[1];
    if (!field || !fields.includes(field)) return true;
    byField[field] ??= issue.message + (issue.expected ? ` (expected ${issue.expected})` : '');
    return false;
  });
  const rest = others.length > 0 || error.issues.length === 0 ? new ApiError(error.status, error.code, error.message, others) : null;
  return { byField, rest };
}

/** A password an administrator can hand over: 16 characters from an unambiguous alphabet, from the browser's CSPRNG. */
export function generatePassword(): string {
  const alphabet = 'abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';
  const limit = 256 - (256 % alphabet.length); // rejection sampling: no modulo bias
  let out = '';
  while (out.length < 16) {
    for (const b of crypto.getRandomValues(new Uint8Array(32))) if (b < limit && out.length < 16) out += alphabet[b % alphabet.length];
  }
  return out;
}
