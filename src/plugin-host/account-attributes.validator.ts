import { Inject, Injectable } from '@nestjs/common';
import { ValidationFailed } from '../api/api-errors.js';
import { INSTALLED_PLUGINS, type InstalledPlugins } from './installed-plugins.js';

/**
 * `account.attributes` holds per-plugin data under the plugin's id, each validated by the schema
 * the plugin declared. Keys no installed plugin declares are refused: no ad-hoc fields. Returns
 * the parsed attributes (defaults applied).
 */
@Injectable()
export class AccountAttributesValidator {
  constructor(@Inject(INSTALLED_PLUGINS) private readonly installed: InstalledPlugins) {}

  parse(attributes: unknown, pathPrefix: string): Record<string, unknown> | null | undefined {
    if (attributes === undefined || attributes === null) return attributes;
    const issues: { path: string; message: string; code: string }[] = [];
    const out: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(attributes as Record<string, unknown>)) {
      const schema = this.installed.plugins.find((p) => p.id === key)?.contributions.accountAttributes;
      if (!schema) {
        const owners = this.installed.plugins.filter((p) => p.contributions.accountAttributes).map((p) => p.id);
        issues.push({ path: `${pathPrefix}.${key}`, message: `no installed plugin declares attributes '${key}' (attributes are keyed by plugin id: ${owners.join(', ') || 'none declare any'})`, code: 'unknown_attributes' });
        continue;
      }
      const parsed = schema.safeParse(value);
      if (parsed.success) out[key] = parsed.data;
      else for (const issue of parsed.error.issues) issues.push({ path: [pathPrefix, key, ...issue.path.map(String)].join('.'), message: issue.message, code: issue.code });
    }
    if (issues.length) throw new ValidationFailed(issues, 'Account attributes are invalid; nothing was changed.');
    return out;
  }
}
