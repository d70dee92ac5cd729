// Captures the app's JSON log lines in memory, so a suite can count what the service reported
// (failed rescoring passes, dropped connections) while faults were injected.
import { Writable } from 'node:stream';
import type { Logger } from 'pino';
import { createLogger } from '../../../src/logging/logger.js';

export interface LogCapture {
  log: Logger;
  lines: Record<string, unknown>[];
  count(msg: string | RegExp): number;
}

export function captureLogs(level = 'warn'): LogCapture {
  const lines: Record<string, unknown>[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString().split('\n')) if (line.trim()) lines.push(JSON.parse(line) as Record<string, unknown>);
      done();
    },
  });
  return {
    log: createLogger(level, 'reliability', sink),
    lines,
    count: (msg) => lines.filter((l) => (typeof msg === 'string' ? l.msg === msg : msg.test(String(l.msg)))).length,
  };
}
