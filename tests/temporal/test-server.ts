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

export function createTimeSkippingEnv(): Promise<TestWorkflowEnvironment> {
  return TestWorkflowEnvironment.createTimeSkipping({
    server: { executable: { type: 'existing-path', path: testServerPath() } },
  });
}
