import type { MikroORM } from '@mikro-orm/core';
import type { RenewalFollowUps } from '../../workflows/shared/renewal.contract.js';
import { PlayCommand } from '../escalations/play-command.entity.js';
import { retryOnBusy } from '../persistence/retry-on-busy.js';

/** Plays that start other plays do it through the play-command outbox, idempotently. */
export function createPlayFollowUpActivities(orm: MikroORM): RenewalFollowUps {
  return {
    async requestPlay(request) {
      await retryOnBusy(() => orm.em.fork().transactional(async (em) => {
        if (await em.findOne(PlayCommand, { tenantId: request.tenantId, idempotencyKey: request.idempotencyKey })) return;
        em.create(PlayCommand, {
          tenantId: request.tenantId, accountId: request.accountId, play: request.play, action: 'start', reason: request.reason,
          source: 'play', sourceRef: request.idempotencyKey, idempotencyKey: request.idempotencyKey, payload: request.payload,
        });
      }));
    },
  };
}
