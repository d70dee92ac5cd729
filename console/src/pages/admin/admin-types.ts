import type { Role } from '../../auth/roles';

/** GET /users items. */
export interface UserRow {
  id: string;
  email: string;
  name: string;
  roles: Role[];
  personId: string | null;
  disabled: boolean;
  createdAt: string;
}

/** GET /api-keys items (the secret is never listed: POST answers it once, as `token`). */
export interface ApiKeyRow {
  id: string;
  name: string;
  role: Role;
  rateLimitPerMinute: number | null;
  createdBy: string;
  createdAt: string;
  revokedAt: string | null;
}

export interface CreatedApiKey extends ApiKeyRow {
  token: string;
}

export interface PersonOption {
  id: string;
  name: string;
  title: string;
}
