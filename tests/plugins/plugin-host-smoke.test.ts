import { describe, expect, it } from 'vitest';
import { installPlugins } from '../../src/plugin-host/install-plugins.js';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

describe('smoke', () => {
  it('loads the external package', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'plugins-'));
    const installed = await installPlugins({ pluginsDir: empty, packages: ['@acme/retention-plugin-architecture'] });
    expect(installed.plugins.map((p) => p.id)).toEqual(['architecture']);
    expect(installed.packs.map((p) => p.id)).toEqual(['architecture.signals']);
    expect(installed.catalog.has('architecture.daysPastPermitDecision')).toBe(true);
  });
});
