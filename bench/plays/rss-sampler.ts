/**
 * Samples a process's resident memory. Linux: /proc/<pid>/status, whose VmHWM is the kernel's own
 * high-water mark (a peak between two samples is not missed); elsewhere `ps -o rss=`.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';

export interface RssReading {
  atMs: number;
  rssMiB: number;
  /** Peak RSS so far per the kernel (Linux only). */
  hwmMiB?: number;
}

const MIB = 1024; // /proc and ps report kB

export function readRss(pid: number): RssReading | undefined {
  const atMs = performance.now();
  try {
    if (existsSync('/proc/self/status')) {
      const status = readFileSync(`/proc/${pid}/status`, 'utf8');
      const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1]);
      return { atMs, rssMiB: kb('VmRSS') / MIB, hwmMiB: kb('VmHWM') / MIB };
    }
    return { atMs, rssMiB: Number(execFileSync('ps', ['-o', 'rss=', '-p', String(pid)], { encoding: 'utf8' }).trim()) / MIB };
  } catch {
    return undefined; // the process is gone
  }
}

/** Samples every `intervalMs` until stopped; phases label the samples for the report. */
export class RssSampler {
  readonly samples: (RssReading & { phase: string })[] = [];
  private phase = 'boot';
  private readonly timer: NodeJS.Timeout;

  constructor(private readonly pid: number, intervalMs: number) {
    this.timer = setInterval(() => this.sample(), intervalMs);
    this.timer.unref();
    this.sample();
  }

  mark(phase: string): void {
    this.phase = phase;
    this.sample();
  }

  sample(): RssReading | undefined {
    const reading = readRss(this.pid);
    if (reading) this.samples.push({ ...reading, phase: this.phase });
    return reading;
  }

  stop(): void {
    clearInterval(this.timer);
  }

  inPhase(phase: string): number[] {
    return this.samples.filter((s) => s.phase === phase).map((s) => s.rssMiB);
  }

  /** Highest RSS seen: the kernel's high-water mark when available, else the largest sample. */
  peakMiB(): number {
    return Math.max(0, ...this.samples.map((s) => Math.max(s.rssMiB, s.hwmMiB ?? 0)));
  }
}
