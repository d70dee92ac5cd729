// Starts the real Java time-skipping test server (provisioned by
// scripts/provision/temporal-test-server.sh) instead of the SDK's CDN download, which is
// unreachable here.
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { accessSync, constants } from 'node:fs';

export function testServerPath(): string {
  const path = process.env.TEMPORAL_TEST_SERVER;
  if (!path) {
    throw new Error(
      'TEMPORAL_TEST_SERVER is not set. Provision the time-skipping server and export its wrapper path:\n' +
        '  export TEMPORAL_TEST_SERVER="$(scripts/provision/temporal-test-server.sh | tail -n1)"',
    );
  }
  accessSync(path, constants.X_OK); // fail with the path in the message, not a spawn error later
  return path;
}

/**
 * The SDK gives the server a fixed 5 s to accept connections; a JVM starting on a loaded
 * 2-core machine can miss that, so a failed start is retried (a real failure repeats).
 */
export async function createTimeSkippingEnv(attempts = 3): Promise<TestWorkflowEnvironment> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await TestWorkflowEnvironment.createTimeSkipping({
        server: { executable: { type: 'existing-path', path: testServerPath() } },
      });
    } catch (error) {
      if (attempt >= attempts || !/did not start within/.test(String(error))) throw error;
    }
  }
}
