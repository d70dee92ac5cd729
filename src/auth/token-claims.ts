import { z } from 'zod';
import { ROLES } from './roles.js';

/** The service's own sign-in tokens (HS256). */
export const LOCAL_ISSUER = 'retention-platform';
export const LOCAL_AUDIENCE = 'retention-api';

/** What a verified token must say about the caller, whoever issued it. */
export const callerClaims = z.object({
  sub: z.string().min(1).max(200),
  tenant: z.string().regex(/^[a-z0-9][a-z0-9-]{1,62}$/),
  roles: z.array(z.enum(ROLES)).min(1).max(10),
  name: z.string().min(1).max(200).optional(),
  personId: z.uuid().nullable().optional(),
});
export type CallerClaims = z.infer<typeof callerClaims>;
