import { Injectable } from '@nestjs/common';
import { Notifier } from '../notifications/notifier.js';

export interface HealthChange {
  tenantId: string;
  accountId: string;
  score: number;
  band: 'healthy' | 'intervention' | 'critical';
  tier: number;
  at: string;
  signals: { id: string; category: string; severity: string }[];
}

/** Post-commit notification of new snapshots; plays subscribe to steer running plays. */
@Injectable()
export class HealthChanges extends Notifier<[changes: HealthChange[]]> {
  publish(changes: HealthChange[]): void {
    if (changes.length) this.notify(changes);
  }
}
