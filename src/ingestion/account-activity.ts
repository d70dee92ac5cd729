import { Injectable } from '@nestjs/common';
import { Notifier } from '../notifications/notifier.js';

/**
 * In-process notification that accounts changed (after commit). Scoring subscribes to rescore
 * within seconds; ingestion does not need to know who listens.
 */
@Injectable()
export class AccountActivity extends Notifier<[tenantId: string, accountIds: string[]]> {
  publish(tenantId: string, accountIds: string[]): void {
    this.notify(tenantId, accountIds);
  }
}
