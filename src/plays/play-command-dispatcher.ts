import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { MikroORM } from '@mikro-orm/core';
import type { Logger } from 'pino';
import { Account } from '../accounts/account.entity.js';
import { APP_CONFIG } from '../config/config.module.js';
import type { AppConfig } from '../config/config.schema.js';
import { PlayCommand } from '../escalations/play-command.entity.js';
import { APP_LOGGER } from '../logging/logger.module.js';
import { AccountHealth } from '../scoring/account-health.entity.js';
import { HealthSnapshot } from '../scoring/health-snapshot.entity.js';
import type { PlayKind } from '../../workflows/shared/play-types.js';
import { TemporalClientService } from '../temporal/temporal-client.service.js';
import { PlayStarter } from './play-starter.service.js';
import { PLAY_KINDS } from './play-workflows.js';

const MAX_ATTEMPTS = 10;

/**
 * Drains the play-command outbox: each pending command starts its play (idempotently: the
 * same command twice still yields one running play) and is marked dispatched. Failures are
 * retried on later ticks; nothing is lost while Temporal is down.
 */
@Injectable()
export class PlayCommandDispatcher implements OnApplicationBootstrap, OnApplicationShutdown {
  private timer?: NodeJS.Timeout;
  private running?: Promise<number>;
  private stopping = false;

  constructor(
    @Inject(MikroORM) private readonly orm: MikroORM,
    private readonly starter: PlayStarter,
    private readonly temporal: TemporalClientService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(APP_LOGGER) private readonly log: Logger,
  ) {}

  onApplicationBootstrap(): void {
    const tick = () => {
      void this.dispatchPending()
        .catch((error: unknown) => this.log.warn({ reason: (error as Error).message }, 'play-command dispatch pass failed'))
        .finally(() => {
          if (this.stopping) return; // never re-arm after shutdown
          this.timer = setTimeout(tick, this.config.PLAY_DISPATCH_INTERVAL_MS);
          this.timer.unref();
        });
    };
    this.timer = setTimeout(tick, this.config.PLAY_DISPATCH_INTERVAL_MS);
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopping = true;
    if (this.timer) clearTimeout(this.timer);
    await this.running?.catch(() => undefined);
  }

  /** One pass over pending commands; concurrent calls share the pass. Returns how many were dispatched. */
  dispatchPending(): Promise<number> {
    this.running ??= this.pass().finally(() => (this.running = undefined));
    return this.running;
  }

  private async pass(): Promise<number> {
    const em = this.orm.em.fork();
    const pending = await em.find(PlayCommand, { status: 'pending', attempts: { $lt: MAX_ATTEMPTS } }, { orderBy: { createdAt: 'asc' }, limit: 100 });
    if (!pending.length) return 0;
    try {
      await this.temporal.probe();
    } catch {
      return 0; // Temporal down: not the commands' fault, no attempt counted; the next tick retries
    }
    let dispatched = 0;
    for (const command of pending) {
      if (this.stopping) break;
      try {
        if (!(PLAY_KINDS as string[]).includes(command.play)) throw new Error(`no such play '${command.play}'`);
        await this.starter.start({ tenantId: command.tenantId, accountId: command.accountId, play: command.play as PlayKind, reason: command.reason, context: await this.contextFor(command) });
        command.status = 'dispatched';
        command.dispatchedAt = new Date();
        dispatched++;
      } catch (error) {
        command.attempts += 1;
        command.lastError = (error as Error).message;
        if (command.attempts >= MAX_ATTEMPTS) command.status = 'failed';
        this.log.warn({ commandId: command.id, play: command.play, attempts: command.attempts, reason: command.lastError }, 'play command not dispatched');
      }
      await em.flush();
    }
    return dispatched;
  }

  /** What the play needs to know at start, gathered now (the workflow never reads the database). */
  private async contextFor(command: PlayCommand): Promise<Record<string, string | number | boolean | null>> {
    const em = this.orm.em.fork();
    if (command.play === 'recovery') {
      const health = await em.findOne(AccountHealth, { tenantId: command.tenantId, accountId: command.accountId });
      const snapshot = health ? await em.findOne(HealthSnapshot, { id: health.snapshotId }, { fields: ['signals', 'score'] }) : null;
      return {
        signalCategories: [...new Set((snapshot?.signals ?? []).map((s) => s.category))].join(','),
        signals: (snapshot?.signals ?? []).map((s) => s.id).join(','),
        score: snapshot?.score ?? null,
      };
    }
    if (command.play === 'win_back') {
      const account = await em.findOne(Account, { tenantId: command.tenantId, id: command.accountId });
      return { churnReason: account?.churnReason ?? 'other', lostOn: (command.payload.lostOn as string | undefined) ?? account?.churnedAt ?? null };
    }
    return Object.fromEntries(Object.entries(command.payload).filter(([, v]) => ['string', 'number', 'boolean'].includes(typeof v) || v === null)) as Record<string, string | number | boolean | null>;
  }
}
