import type { MikroORM } from '@mikro-orm/core';
import { ApplicationFailure } from '@temporalio/common';
import type { WinBackActivities } from '../../workflows/shared/win-back.contract.js';
import { Account } from '../accounts/account.entity.js';
import { retryOnBusy } from '../persistence/retry-on-busy.js';

/** Side effects of the win-back play, all idempotent. */
export function createWinBackActivities(orm: MikroORM): WinBackActivities {
  return {
    /**
     * A new contract brought the client back: the account's status becomes 'won_back' (its
     * churn date and reason stay as history). A retry or replay finds it already won back.
     */
    async markAccountWonBack({ tenantId, accountId }) {
      await retryOnBusy(() => orm.em.fork().transactional(async (em) => {
        const account = await em.findOne(Account, { tenantId, id: accountId });
        if (!account) throw ApplicationFailure.nonRetryable(`account ${accountId} not found in tenant ${tenantId}`, 'AccountNotFound');
        if (account.status !== 'won_back') account.status = 'won_back';
      }));
    },
  };
}
