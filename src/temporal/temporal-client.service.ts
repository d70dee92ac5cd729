import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import type { Client } from '@temporalio/client';
import { DependencyUnavailable } from '../api/api-errors.js';
import { APP_CONFIG } from '../config/config.module.js';
import type { AppConfig } from '../config/config.schema.js';
import { connectTemporalClient, type TemporalClientHandle } from './temporal-connection.js';

/**
 * The API's Temporal client, connected on first use (the API must boot, and report health,
 * while Temporal is still starting or down) and reconnected after a failure.
 */
@Injectable()
export class TemporalClientService implements OnApplicationShutdown {
  private handle?: Promise<TemporalClientHandle>;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  async client(): Promise<Client> {
    this.handle ??= connectTemporalClient(this.config);
    try {
      return (await this.handle).client;
    } catch (error) {
      this.handle = undefined;
      throw new DependencyUnavailable('Temporal', error);
    }
  }

  /** Round trip to the frontend; throws when unreachable. */
  async probe(timeoutMs = 2_000): Promise<void> {
    const client = await withTimeout(this.client(), timeoutMs);
    await withTimeout(client.connection.workflowService.getSystemInfo({}), timeoutMs);
  }

  async onApplicationShutdown(): Promise<void> {
    const handle = await this.handle?.catch(() => undefined);
    await handle?.close();
  }
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms`)), ms);
    promise.then(resolve, reject).finally(() => clearTimeout(timer));
  });
}
