import { z } from 'zod';

/** Environment contract of every process (API, worker, CLI). Validated once at boot. */
export const configSchema = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  HOST: z.string().min(1).default('127.0.0.1'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  /** Folder for the embedded SQLite file and the Temporal dev server's database. */
  DATA_DIR: z.string().min(1).default('data'),
  /** postgres://user:pass@host:port/db switches persistence to PostgreSQL; unset means embedded SQLite. */
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\/.+/, 'expected a postgres:// or postgresql:// URL')
    .optional(),
  /** SQLite file name inside DATA_DIR (or ':memory:'). */
  SQLITE_FILE: z.string().min(1).default('retention.sqlite'),
  /** host:port of a Temporal frontend. Unset: the start command launches the local dev server on 127.0.0.1:7233. */
  TEMPORAL_ADDRESS: z
    .string()
    .regex(/^[^\s:]+:\d{1,5}$/, 'expected host:port')
    .default('127.0.0.1:7233'),
  TEMPORAL_NAMESPACE: z.string().min(1).default('default'),
  TEMPORAL_TASK_QUEUE: z.string().min(1).default('retention-plays'),
  /** Optional mTLS / API-key material for Temporal Cloud. */
  TEMPORAL_API_KEY: z.string().min(1).optional(),
  TEMPORAL_TLS: z
    .enum(['true', 'false'])
    .default('false')
    .transform((v) => v === 'true'),
  /** Folder of the default rule files (version 0 of every rule set). Default: rules/ in the project. */
  RULES_DIR: z.string().min(1).optional(),
  /** Folder of the default play templates. Default: play-templates/ in the project. */
  PLAY_TEMPLATES_DIR: z.string().min(1).optional(),
  /** Folder of the built web console (default: dist/console in the project, built by scripts/setup.sh). */
  CONSOLE_DIR: z.string().min(1).optional(),
  /** Folder of bundled plugins (default: plugins/ in the project). */
  PLUGINS_DIR: z.string().min(1).optional(),
  /** Comma-separated npm package names (or folders) of further plugins to install, e.g. @acme/retention-plugin-x. */
  PLUGIN_PACKAGES: z
    .string()
    .default('')
    .transform((v) => v.split(',').map((s) => s.trim()).filter(Boolean)),
  /** UTC time of the daily portfolio rescoring (a Temporal Schedule per tenant). */
  RESCORE_DAILY_AT: z
    .string()
    .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'expected HH:MM (UTC), e.g. 02:00')
    .default('02:00'),
  /**
   * Workflow runs the worker keeps in memory (sticky cache). Plays sleep for months, so the cache
   * bounds memory rather than the number of open plays: ~500 keeps a worker well under 1 GB.
   */
  TEMPORAL_MAX_CACHED_WORKFLOWS: z.coerce.number().int().min(0).max(100_000).default(500),
  /** Tag plays with the Retention* search attributes (must be registered on the cluster; the start command does it on the dev server). */
  TEMPORAL_SEARCH_ATTRIBUTES: z
    .enum(['true', 'false'])
    .default('true')
    .transform((v) => v === 'true'),
  /** How often the API dispatches pending play commands (the outbox), in milliseconds. */
  PLAY_DISPATCH_INTERVAL_MS: z.coerce.number().int().min(100).max(600_000).default(2000),
  /** UTC time of the daily renewal scheduler (starts renewal plays for contracts entering their lead time). */
  RENEWAL_SCHEDULER_AT: z
    .string()
    .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'expected HH:MM (UTC), e.g. 03:00')
    .default('03:00'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /**
   * HMAC secret (≥ 32 characters) signing the service's own sign-in tokens. Unset outside production: generated once into
   * DATA_DIR/auth/jwt-secret, so sessions survive restarts of the embedded set-up.
   */
  AUTH_JWT_SECRET: z.string().min(32, 'expected at least 32 characters').optional(),
  /** Lifetime of a sign-in token, in minutes. */
  AUTH_TOKEN_TTL_MINUTES: z.coerce.number().int().min(5).max(7 * 24 * 60).default(12 * 60),
  /** OIDC: tokens from this issuer are accepted too, verified against its JWKS (AUTH_OIDC_JWKS_URL). */
  AUTH_OIDC_ISSUER: z.url().optional(),
  AUTH_OIDC_JWKS_URL: z.url().optional(),
  AUTH_OIDC_AUDIENCE: z.string().min(1).optional(),
  /** OIDC claims carrying the firm (tenant id), the roles and the person id of the signed-in user. */
  AUTH_TENANT_CLAIM: z.string().min(1).default('tenant'),
  AUTH_ROLES_CLAIM: z.string().min(1).default('roles'),
  AUTH_PERSON_CLAIM: z.string().min(1).default('person_id'),
  /** Platform operator key (≥ 32 characters): the only credential that may create firms. Unset: firms are created by the seeder/CLI only. */
  PLATFORM_ADMIN_KEY: z.string().min(32, 'expected at least 32 characters').optional(),
  /** Requests per minute per credential (API key or user); an API key may set its own lower or higher limit. */
  RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).max(1_000_000).default(1200),
  /** Largest accepted JSON/CSV request body. */
  BODY_LIMIT: z.string().regex(/^\d+(kb|mb)$/, 'expected e.g. 5mb or 512kb').default('10mb'),
}).superRefine((c, ctx) => {
  // Several API replicas must sign and verify with one secret: production never generates its own.
  if (c.NODE_ENV === 'production' && !c.AUTH_JWT_SECRET) ctx.addIssue({ code: 'custom', path: ['AUTH_JWT_SECRET'], message: 'required when NODE_ENV=production' });
  if (c.AUTH_OIDC_ISSUER && !c.AUTH_OIDC_JWKS_URL) ctx.addIssue({ code: 'custom', path: ['AUTH_OIDC_JWKS_URL'], message: 'required with AUTH_OIDC_ISSUER' });
});

export type AppConfig = z.infer<typeof configSchema>;
