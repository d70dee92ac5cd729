/**
 * Child process that rescoring runs in when a benchmark wants it outside the API process, as
 * production does (the daily rescoring is a Temporal activity in the worker process:
 * src/activities/scoring.activities.ts). Same worker context, same ScoringService, same
 * database; driven over IPC by separate-rescorer.ts.
 */
import { loadConfig } from '../../src/config/load-config.js';
import { createLogger } from '../../src/logging/logger.js';
import { ScoringService } from '../../src/scoring/scoring.service.js';
import { openWorkerContext } from '../../src/worker-context/open-worker-context.js';

const send = (message: unknown) => process.send!(message);
const config = loadConfig(process.env);
const { context, orm } = await openWorkerContext(config, createLogger('silent', 'bench-rescorer'));
const scoring = context.get(ScoringService);

process.on('message', (message: { type: 'rescore'; tenantId: string } | { type: 'exit' }) => {
  if (message.type === 'rescore') {
    const started = performance.now();
    scoring.rescore(message.tenantId, 'all', 'schedule').then(
      (stats) => send({ type: 'done', stats, ms: Math.round(performance.now() - started) }),
      (error: unknown) => send({ type: 'failed', error: (error as Error).stack ?? String(error) }),
    );
  } else {
    void context.close().then(() => orm.close(true)).finally(() => process.exit(0));
  }
});
send({ type: 'ready' });
