// Maps the app config onto Temporal connection options: one place decides address,
// TLS and credentials for both the worker (NativeConnection) and clients (Connection).
import { Client, Connection, type ConnectionOptions } from '@temporalio/client';
import type { NativeConnectionOptions } from '@temporalio/worker';
import type { AppConfig } from '../config/config.schema.js';

export type TemporalConfig = Pick<
  AppConfig,
  'TEMPORAL_ADDRESS' | 'TEMPORAL_NAMESPACE' | 'TEMPORAL_TASK_QUEUE' | 'TEMPORAL_API_KEY' | 'TEMPORAL_TLS'
>;

/** Options shared by both connection kinds. */
function commonOptions(config: TemporalConfig) {
  const apiKey = config.TEMPORAL_API_KEY;
  return {
    address: config.TEMPORAL_ADDRESS,
    // An API key is a bearer token: never send it in clear text, so it implies TLS
    // (Temporal Cloud requires TLS anyway).
    tls: config.TEMPORAL_TLS || apiKey !== undefined,
    ...(apiKey !== undefined ? { apiKey } : {}),
  };
}

/** For the worker's NativeConnection.connect(). */
export function nativeConnectionOptions(config: TemporalConfig): NativeConnectionOptions {
  return commonOptions(config);
}

/** For client-side Connection.connect() (API process, CLI commands, tests). */
export function clientConnectionOptions(config: TemporalConfig): ConnectionOptions {
  return { ...commonOptions(config), connectTimeout: '10 seconds' };
}

export interface TemporalClientHandle {
  client: Client;
  connection: Connection;
  /** Closes the underlying connection; the client is unusable afterwards. */
  close(): Promise<void>;
}

/** Connects a client bound to the configured namespace. Caller owns close(). */
export async function connectTemporalClient(config: TemporalConfig): Promise<TemporalClientHandle> {
  const connection = await Connection.connect(clientConnectionOptions(config));
  const client = new Client({ connection, namespace: config.TEMPORAL_NAMESPACE });
  return { client, connection, close: () => connection.close() };
}
