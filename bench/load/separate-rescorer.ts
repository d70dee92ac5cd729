/** Parent side of rescorer-process.ts: a full rescoring in another process on the same database. */
import { fork, type ChildProcess } from 'node:child_process';

export interface SeparateRescorer {
  rescoreAll(): Promise<{ stats: unknown; ms: number }>;
  close(): Promise<void>;
}

type Reply = { type: 'ready' } | { type: 'done'; stats: unknown; ms: number } | { type: 'failed'; error: string };

function next(child: ChildProcess): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const onExit = (code: number | null) => reject(new Error(`rescorer process exited (${code})`));
    child.once('exit', onExit);
    child.once('message', (reply: Reply) => {
      child.off('exit', onExit);
      resolve(reply);
    });
  });
}

export async function startSeparateRescorer(env: Record<string, string>, tenantId: string): Promise<SeparateRescorer> {
  const child = fork(new URL('./rescorer-process.js', import.meta.url), [], { env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
  const ready = await next(child);
  if (ready.type !== 'ready') throw new Error(`rescorer process did not start: ${JSON.stringify(ready)}`);
  return {
    async rescoreAll() {
      const reply = next(child);
      child.send({ type: 'rescore', tenantId });
      const result = await reply;
      if (result.type !== 'done') throw new Error(`rescoring in the separate process failed: ${JSON.stringify(result)}`);
      return { stats: result.stats, ms: result.ms };
    },
    async close() {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.send({ type: 'exit' });
      await exited;
    },
  };
}
