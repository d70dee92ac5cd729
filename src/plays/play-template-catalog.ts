import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { PlayKind, PlayTemplate } from '../../workflows/shared/play-types.js';
import { locateJsonPaths, positionOf } from '../rules/files/json-locator.js';
import { projectRoot } from '../rules/defaults/project-root.js';
import { playTemplateSchema } from './play-template.schema.js';

export class PlayTemplatesInvalid extends Error {}

/**
 * Play templates by play kind and version. The newest version of a play's template is used
 * for new plays; a running play keeps the template it was started with (it is in its input).
 */
export class PlayTemplateCatalog {
  private readonly templates = new Map<string, PlayTemplate[]>();

  register(template: PlayTemplate, source: string): void {
    const list = this.templates.get(template.play) ?? [];
    if (list.some((t) => t.version === template.version && t.id === template.id)) throw new PlayTemplatesInvalid(`${source}: template ${template.id} v${template.version} is registered twice`);
    list.push(template);
    list.sort((a, b) => b.version - a.version);
    this.templates.set(template.play, list);
  }

  /**
   * The newest template for a play. For an account whose industry an enabled plugin serves, the
   * plugin's template replaces the core one (enabledPlugins undefined: every installed plugin).
   */
  latest(play: PlayKind, account: { industry?: string; enabledPlugins?: readonly string[] | null } = {}): PlayTemplate {
    const list = this.templates.get(play) ?? [];
    const fromPlugin = account.industry
      ? list.find((t) => t.plugin && t.industries?.includes(account.industry!) && (!account.enabledPlugins || account.enabledPlugins.includes(t.plugin)))
      : undefined;
    const template = fromPlugin ?? list.find((t) => !t.plugin);
    if (!template) throw new Error(`no play template for '${play}'`);
    return template;
  }

  all(): PlayTemplate[] {
    return [...this.templates.values()].flat();
  }
}

/** Loads and validates play-templates/*.json; every problem names file:line. */
export function loadPlayTemplates(dir: string = join(projectRoot(), 'play-templates')): PlayTemplateCatalog {
  const catalog = new PlayTemplateCatalog();
  const problems: string[] = [];
  for (const name of readdirSync(dir).filter((f) => f.endsWith('.json')).sort()) {
    const file = join(dir, name);
    const text = readFileSync(file, 'utf8');
    let raw: unknown;
    try {
      raw = JSON.parse(text);
    } catch (error) {
      problems.push(`${file}: malformed JSON: ${(error as Error).message}`);
      continue;
    }
    const parsed = playTemplateSchema.safeParse(raw);
    if (!parsed.success) {
      const positions = locateJsonPaths(text);
      for (const issue of parsed.error.issues) {
        const path = issue.path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('').replace(/^\./, '');
        const { line, column } = positionOf(positions, path || '(document)');
        problems.push(`${file}:${line}:${column} ${path || '(document)'}: ${issue.message}`);
      }
      continue;
    }
    const { $schema: _, ...template } = parsed.data;
    catalog.register(template as PlayTemplate, file);
  }
  if (problems.length) throw new PlayTemplatesInvalid(`play templates are invalid:\n${problems.map((p) => `  ${p}`).join('\n')}`);
  return catalog;
}
