import { Injectable } from '@nestjs/common';

export interface HealthChange {
  tenantId: string;
  accountId: string;
  score: number;
  band: 'healthy' | 'intervention' | 'critical';
  tier: number;
  at: string;
  signals: { id: string; category: string; severity: string }[];
}

export type HealthChangeListener = (changes: HealthChange[]) => void;

/** Post-commit notification of new snapshots; plays subscribe to steer running plays. */
@Injectable()
export class HealthChanges {
  private readonly listeners = new Set<HealthChangeListener>();

  subscribe(listener: HealthChangeListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  publish(changes: HealthChange[]): void {
    if (changes.length) for (const listener of this.listeners) listener(changes);
  }
}
