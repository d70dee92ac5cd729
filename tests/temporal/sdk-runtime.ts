// Keeps the SDK's per-worker INFO chatter (state changes, poller notes) out of test output
// while still surfacing warnings and errors. Import before creating any worker/connection.
import { DefaultLogger, Runtime } from '@temporalio/worker';

export function installQuietTemporalRuntime(): void {
  try {
    Runtime.install({ logger: new DefaultLogger('WARN') });
  } catch {
    // Already installed/instantiated in this process (shared module cache): keep that one.
  }
}
