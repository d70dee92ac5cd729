import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AppConfig } from '../config/config.schema.js';

/**
 * The HMAC key of the service's own tokens: AUTH_JWT_SECRET, or (outside production) a random key
 * generated once into DATA_DIR/auth/jwt-secret so the API and later restarts agree on it.
 */
export function resolveJwtSecret(config: Pick<AppConfig, 'AUTH_JWT_SECRET' | 'DATA_DIR'>): Uint8Array {
  if (config.AUTH_JWT_SECRET) return new TextEncoder().encode(config.AUTH_JWT_SECRET);
  const dir = join(config.DATA_DIR, 'auth');
  const file = join(dir, 'jwt-secret');
  if (!existsSync(file)) {
    mkdirSync(dir, { recursive: true });
    // 'wx' fails if another process created it meanwhile; then we read theirs.
    try {
      writeFileSync(file, randomBytes(48).toString('base64url'), { flag: 'wx', mode: 0o600 });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    chmodSync(file, 0o600);
  }
  return new TextEncoder().encode(readFileSync(file, 'utf8').trim());
}
