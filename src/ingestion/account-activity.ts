import { Injectable } from '@nestjs/common';

export type AccountActivityListener = (tenantId: string, accountIds: string[]) => void;

/**
 * In-process notification that accounts changed (after commit). Scoring subscribes to rescore
 * within seconds; ingestion does not need to know who listens.
 */
@Injectable()
export class AccountActivity {
  private readonly listeners = new Set<AccountActivityListener>();

  subscribe(listener: AccountActivityListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  publish(tenantId: string, accountIds: string[]): void {
    for (const listener of this.listeners) listener(tenantId, accountIds);
  }
}
