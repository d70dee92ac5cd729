import { z } from 'zod';
import { email, shortText, tenantId, uuid } from '../api/zod-fields.js';
import { ROLES } from './roles.js';

export const loginBody = z.strictObject({
  tenant: tenantId(),
  email: email(),
  password: z.string().min(1).max(200),
});

const password = z.string().min(12, 'at least 12 characters').max(200);
const roles = z.array(z.enum(ROLES)).min(1).max(ROLES.length).refine((r) => new Set(r).size === r.length, 'roles must not repeat');

export const userCreateBody = z.strictObject({
  email: email(),
  name: shortText(),
  password: password.optional(),
  roles,
  personId: uuid().nullish(),
});

export const userUpdateBody = z.strictObject({
  name: shortText().optional(),
  password: password.optional(),
  roles: roles.optional(),
  personId: uuid().nullish(),
  disabled: z.boolean().optional(),
});

export const apiKeyCreateBody = z.strictObject({
  name: shortText(120),
  role: z.enum(ROLES),
  rateLimitPerMinute: z.number().int().min(1).max(1_000_000).nullish(),
});
