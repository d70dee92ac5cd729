import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config/load-config.js';

describe('configuration', () => {
  it('applies embedded defaults', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({ PORT: 3000, DATA_DIR: 'data', TEMPORAL_ADDRESS: '127.0.0.1:7233', TEMPORAL_TLS: false });
    expect(config.DATABASE_URL).toBeUndefined();
  });

  it('treats empty variables as unset', () => {
    const config = loadConfig({ DATABASE_URL: '', PORT: '' });
    expect(config.PORT).toBe(3000);
    expect(config.DATABASE_URL).toBeUndefined();
  });

  it('names every bad variable, what it expects, and hides secrets', () => {
    let error: unknown;
    try {
      loadConfig({ PORT: 'eighty', DATABASE_URL: 'mysql://root:hunter2@db/x', TEMPORAL_ADDRESS: 'nohost', LOG_LEVEL: 'loud' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const problems = (error as ConfigError).problems.join('\n');
    expect(problems).toMatch(/^PORT: .*number.*\(got "eighty"\)$/m);
    expect(problems).toMatch(/^DATABASE_URL: expected a postgres:\/\/ or postgresql:\/\/ URL \(got <redacted>\)$/m);
    expect(problems).toMatch(/^TEMPORAL_ADDRESS: expected host:port/m);
    expect(problems).toMatch(/^LOG_LEVEL: /m);
    expect(problems).not.toContain('hunter2');
  });

  it.each(['dist/src/main.js', 'dist/src/worker.js', 'dist/src/persistence/migrate.js'])('%s fails fast with exit 78 naming the variable', (entry) => {
    // The test command compiles before running the suite; the processes must refuse bad config before doing anything.
    expect(existsSync(entry), `${entry} is built by ./retention test`).toBe(true);
    const result = spawnSync(process.execPath, [entry], { env: { PATH: process.env.PATH, PORT: '99999' }, encoding: 'utf8', timeout: 20_000 });
    expect(result.status).toBe(78);
    expect(result.stderr).toContain('Invalid configuration');
    expect(result.stderr).toMatch(/PORT: .*65535/);
  });
});
