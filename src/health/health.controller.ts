import { Controller, Get, Inject, Res } from '@nestjs/common';
import { MikroORM } from '@mikro-orm/core';
import type { Response } from 'express';
import { APP_CONFIG } from '../config/config.module.js';
import type { AppConfig } from '../config/config.schema.js';
import { dialectOf } from '../persistence/orm-options.js';
import { TemporalClientService } from '../temporal/temporal-client.service.js';
import { Public } from '../auth/policy.decorators.js';

type Check = { status: 'ok' } | { status: 'down'; error: string };

/** Liveness of the dependencies: 200 when all are reachable, 503 otherwise (body says which). */
@Controller('health')
export class HealthController {
  constructor(
    @Inject(MikroORM) private readonly orm: MikroORM,
    private readonly temporal: TemporalClientService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Get()
  @Public()
  async health(@Res({ passthrough: true }) response: Response) {
    const [database, temporal] = await Promise.all([
      check(() => this.orm.em.getConnection().execute('select 1')),
      check(() => this.temporal.probe()),
    ]);
    const ok = database.status === 'ok' && temporal.status === 'ok';
    response.status(ok ? 200 : 503);
    return {
      status: ok ? 'ok' : 'degraded',
      database: { ...database, dialect: dialectOf(this.config) },
      temporal: { ...temporal, address: this.config.TEMPORAL_ADDRESS, namespace: this.config.TEMPORAL_NAMESPACE },
    };
  }
}

async function check(probe: () => Promise<unknown>): Promise<Check> {
  try {
    await probe();
    return { status: 'ok' };
  } catch (error) {
    return { status: 'down', error: (error as Error).message };
  }
}
