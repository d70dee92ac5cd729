/**
 * CPU time (user + system) spent by each process of the run between two marks. On a shared or
 * busy machine wall-clock figures stretch; CPU seconds per play show where the work goes (our
 * start path, the dev server, the worker) and what a quiet machine could do. Linux only
 * (/proc/<pid>/stat); elsewhere the other processes' figures are null.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

let ticksPerSecond: number | undefined;
function clockTicks(): number {
  if (ticksPerSecond === undefined) {
    try {
      ticksPerSecond = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
    } catch {
      ticksPerSecond = 100;
    }
  }
  return ticksPerSecond;
}

/** utime + stime of a process in seconds, or undefined when it cannot be read. */
export function cpuSecondsOf(pid: number): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name (which may contain spaces) start after the last ')'.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / clockTicks(); // utime, stime (fields 14, 15)
  } catch {
    return undefined;
  }
}

const benchCpu = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1e6;
};

export type CpuSnapshot = Record<string, number | undefined>;

export class CpuMeter {
  private readonly pids = new Map<string, number>();

  watch(name: string, pid: number | undefined): void {
    if (pid !== undefined) this.pids.set(name, pid);
  }

  snapshot(): CpuSnapshot {
    const snap: CpuSnapshot = { bench: benchCpu() };
    for (const [name, pid] of this.pids) snap[name] = cpuSecondsOf(pid);
    return snap;
  }

  /** CPU seconds each process spent from `from` to `to` (null when unknown at either end). */
  static between(from: CpuSnapshot, to: CpuSnapshot): Record<string, number | null> {
    return Object.fromEntries(Object.keys(to).map((name) => {
      const a = from[name] ?? 0; // a process started after `from` had spent nothing then
      const b = to[name];
      return [name, b === undefined ? null : Math.round((b - a) * 100) / 100];
    }));
  }
}
