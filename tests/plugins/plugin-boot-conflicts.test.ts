import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { installPlugins, PluginBootError } from '../../src/plugin-host/install-plugins.js';

interface FixturePlugin {
  folder: string;
  manifest: Record<string, unknown>;
  packs?: Record<string, unknown>[];
}

const manifest = (id: string, extra: Record<string, unknown> = {}) => ({ id, name: `${id} plugin`, version: '1.0.0', compatibility: '^0.1.0', industries: ['legal'], description: `fixture plugin ${id}`, ...extra });
const signal = (id: string, fact = 'daysSinceLastContact', operator = 'greaterThanInclusive', value: unknown = 30) => ({
  id,
  name: `Signal ${id}`,
  description: 'fixture signal',
  category: 'behavioural',
  severity: 'medium',
  conditions: { all: [{ fact, operator, value }] },
  explanation: 'no contact for {{daysSinceLastContact}} days',
});
const signalsPack = (plugin: string, items: { add?: unknown[]; override?: unknown[] }) => ({ kind: 'pack', plugin, extends: 'signals', name: `${plugin} signals`, ...items });

/** Writes data-only plugins into a fresh plugins folder. */
function pluginsDir(plugins: FixturePlugin[]): string {
  const dir = mkdtempSync(join(tmpdir(), 'plugins-conflict-'));
  for (const p of plugins) {
    mkdirSync(join(dir, p.folder, 'rules'), { recursive: true });
    writeFileSync(join(dir, p.folder, 'plugin.json'), JSON.stringify(p.manifest, null, 2));
    (p.packs ?? []).forEach((pack, i) => writeFileSync(join(dir, p.folder, 'rules', `pack-${i}.json`), JSON.stringify(pack, null, 2)));
  }
  return dir;
}

async function bootProblems(plugins: FixturePlugin[], packages: string[] = []): Promise<string[]> {
  try {
    await installPlugins({ pluginsDir: pluginsDir(plugins), packages });
  } catch (error) {
    expect(error).toBeInstanceOf(PluginBootError);
    return (error as PluginBootError).problems;
  }
  throw new Error('expected the boot to be refused');
}

describe('the plugin host refuses to boot, naming the problem', () => {
  it('on two plugins with one id', async () => {
    const problems = await bootProblems([{ folder: 'one', manifest: manifest('alpha') }, { folder: 'two', manifest: manifest('alpha') }]);
    expect(problems).toEqual(["duplicate plugin id 'alpha': plugins/one and plugins/two both declare it; remove one"]);
  });

  it('on a plugin built for another core version', async () => {
    const problems = await bootProblems([{ folder: 'old', manifest: manifest('oldie', { version: '2.3.0', compatibility: '^9.0.0' }) }]);
    expect(problems).toEqual(["plugin 'oldie' 2.3.0 (plugins/old) requires core ^9.0.0, but this is core 0.1.0"]);
  });

  it('on a rule that references a fact no one provides, with file, line and path', async () => {
    const problems = await bootProblems([{ folder: 'a', manifest: manifest('alpha'), packs: [signalsPack('alpha', { add: [signal('alpha-ghost', 'alpha.ghostFact')] })] }]);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/pack-0\.json:\d+:\d+ add\[0\]\.conditions\.all\[0\]\.fact: .*alpha\.ghostFact/);
  });

  it('on a rule that uses an operator no one provides', async () => {
    const problems = await bootProblems([{ folder: 'a', manifest: manifest('alpha'), packs: [signalsPack('alpha', { add: [signal('alpha-fuzzy', 'daysSinceLastContact', 'alpha.roughly', 30)] })] }]);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/pack-0\.json:\d+:\d+ add\[0\]\.conditions\.all\[0\]\.operator: .*alpha\.roughly/);
  });

  it('on two plugins overriding the same rule for the same accounts', async () => {
    const problems = await bootProblems([
      { folder: 'a', manifest: manifest('alpha'), packs: [signalsPack('alpha', { override: [signal('engagement-declining')] })] },
      { folder: 'b', manifest: manifest('beta', { industries: ['legal', 'accounting'] }), packs: [signalsPack('beta', { override: [signal('engagement-declining', 'daysSinceLastContact', 'greaterThanInclusive', 45)] })] },
    ]);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^plugins 'alpha' \(.*pack-0\.json\) and 'beta' \(.*pack-0\.json\) both override signals rule 'engagement-declining' for legal accounts; only one plugin may override a rule$/);
  });

  it('but lets plugins of disjoint industries override the same rule, each for its own accounts', async () => {
    const installed = await installPlugins({
      pluginsDir: pluginsDir([
        { folder: 'a', manifest: manifest('alpha'), packs: [signalsPack('alpha', { override: [signal('engagement-declining')] })] },
        { folder: 'b', manifest: manifest('beta', { industries: ['accounting'] }), packs: [signalsPack('beta', { override: [signal('engagement-declining', 'daysSinceLastContact', 'greaterThanInclusive', 45)] })] },
      ]),
    });
    expect(installed.packs.map((p) => [p.id, p.industries])).toEqual([['alpha.signals', ['legal']], ['beta.signals', ['accounting']]]);
  });

  it('on an invalid manifest, with the file and line', async () => {
    const problems = await bootProblems([{ folder: 'bad', manifest: manifest('Bad Id', { industries: ['astrology'] }) }]);
    expect(problems.join('\n')).toMatch(/plugin\.json:2:\d+ id: expected 2-31 lowercase letters/);
    expect(problems.join('\n')).toMatch(/plugin\.json:\d+:\d+ industries\[0\]: /);
  });

  it('on a configured package that is not installed', async () => {
    const problems = await bootProblems([], ['@acme/not-installed-plugin']);
    expect(problems).toEqual(["PLUGIN_PACKAGES: package '@acme/not-installed-plugin' is not installed (or has no plugin.json); install it next to the service (npm install @acme/not-installed-plugin)"]);
  });

  it('every problem at once, so one boot attempt tells the whole story', async () => {
    const problems = await bootProblems([
      { folder: 'one', manifest: manifest('alpha') },
      { folder: 'two', manifest: manifest('alpha') },
      { folder: 'old', manifest: manifest('oldie', { compatibility: '>=2.0.0' }) },
    ]);
    expect(problems).toHaveLength(2);
  });
});

describe('the processes refuse to start on a plugin conflict', () => {
  const conflicting = () => pluginsDir([{ folder: 'one', manifest: manifest('alpha') }, { folder: 'two', manifest: manifest('alpha') }]);

  it.each(['dist/src/main.js', 'dist/src/worker.js', 'dist/src/persistence/demo/seed-demo.cli.js'])('%s exits 1 with the message and no stack trace', (entry) => {
    expect(existsSync(entry), `${entry} is built by ./retention test`).toBe(true);
    const dataDir = mkdtempSync(join(tmpdir(), 'plugins-boot-'));
    const result = spawnSync(process.execPath, [entry], { env: { PATH: process.env.PATH, PLUGINS_DIR: conflicting(), DATA_DIR: dataDir, TEMPORAL_ADDRESS: '127.0.0.1:1', LOG_LEVEL: 'silent', PORT: '0' }, encoding: 'utf8', timeout: 30_000 });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain("plugins cannot be installed:\n  - duplicate plugin id 'alpha'");
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  it('the plugins CLI reports the same, and validates a plugin folder being written', () => {
    const dir = conflicting();
    const bad = spawnSync(process.execPath, ['dist/src/plugin-host/cli/plugins-cli.js', 'validate'], { env: { PATH: process.env.PATH, PLUGINS_DIR: dir, LOG_LEVEL: 'silent' }, encoding: 'utf8', timeout: 30_000 });
    expect(bad.status).toBe(1);
    expect(bad.stderr).toContain("duplicate plugin id 'alpha'");
    const empty = mkdtempSync(join(tmpdir(), 'plugins-none-'));
    const candidate = pluginsDir([{ folder: 'mine', manifest: manifest('mine'), packs: [signalsPack('mine', { add: [signal('mine-quiet')] })] }]);
    const ok = spawnSync(process.execPath, ['dist/src/plugin-host/cli/plugins-cli.js', 'validate', join(candidate, 'mine')], { env: { PATH: process.env.PATH, PLUGINS_DIR: empty, LOG_LEVEL: 'silent' }, encoding: 'utf8', timeout: 30_000 });
    expect(ok.stderr).toBe('');
    expect(ok.status).toBe(0);
    expect(ok.stdout).toContain('mine@1.0.0');
    expect(ok.stdout).toContain('rule packs: mine.signals');
  });
});
