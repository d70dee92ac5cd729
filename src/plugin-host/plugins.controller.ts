import { Body, Controller, Get, Inject, Param, Put } from '@nestjs/common';
import type { Logger } from 'pino';
import { z } from 'zod';
import { ValidationFailed } from '../api/api-errors.js';
import { parseOrThrow } from '../api/zod-issues.js';
import { APP_LOGGER } from '../logging/logger.module.js';
import { ScoringService } from '../scoring/scoring.service.js';
import { assertOwnFirm } from '../tenants/own-firm.js';
import { TenantId } from '../tenants/tenant-id.decorator.js';
import { TenantsService } from '../tenants/tenants.service.js';
import { INSTALLED_PLUGINS, type InstalledPlugins } from './installed-plugins.js';
import { Authenticated, Requires } from '../auth/policy.decorators.js';

const enablementBody = z.strictObject({ enabled: z.array(z.string().min(1).max(40)).max(50).nullable() });

/** Installed plugins and, per firm, which of them apply. */
@Controller()
export class PluginsController {
  constructor(
    @Inject(INSTALLED_PLUGINS) private readonly installed: InstalledPlugins,
    private readonly tenants: TenantsService,
    private readonly scoring: ScoringService,
    @Inject(APP_LOGGER) private readonly log: Logger,
  ) {}

  @Get('plugins')
  @Authenticated()
  list() {
    return {
      coreVersion: this.installed.coreVersion,
      plugins: this.installed.plugins.map(({ moduleClass: _, contributions, ...plugin }) => ({ ...plugin, accountAttributes: Boolean(contributions.accountAttributes) })),
    };
  }

  @Get('tenants/:id/plugins')
  @Requires('rules.read')
  async enabled(@Param('id') id: string, @TenantId() tenantId: string) {
    assertOwnFirm(id, tenantId);
    return this.describe(id);
  }

  private async describe(id: string) {
    await this.tenants.assertExists(id);
    const enabled = await this.tenants.enabledPlugins(id);
    return { tenantId: id, enabled: enabled ?? this.installed.plugins.map((p) => p.id), allInstalled: enabled === null };
  }

  /** `enabled: null` follows every installed plugin (the default); a list pins exactly those. The portfolio is rescored. */
  @Put('tenants/:id/plugins')
  @Requires('plugins.manage')
  async setEnabled(@Param('id') id: string, @Body() body: unknown, @TenantId() tenantId: string) {
    assertOwnFirm(id, tenantId);
    const { enabled } = parseOrThrow(enablementBody, body, 'body');
    const known = this.installed.plugins.map((p) => p.id);
    const unknown = (enabled ?? []).map((plugin, index) => ({ plugin, index })).filter(({ plugin }) => !known.includes(plugin));
    if (unknown.length) throw new ValidationFailed(unknown.map(({ plugin, index }) => ({ path: `body.enabled[${index}]`, message: `no installed plugin '${plugin}' (installed: ${known.join(', ') || 'none'})`, code: 'unknown_plugin' })));
    await this.tenants.setEnabledPlugins(id, enabled ? [...new Set(enabled)].sort() : null);
    void this.scoring.rescore(id, 'all', 'publish').catch((err: unknown) => this.log.error({ err, tenantId: id }, 'rescoring after a plugin change failed'));
    return { ...(await this.describe(id)), rescoring: 'started' };
  }
}
