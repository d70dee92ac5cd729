/**
 * The machine a benchmark ran on, printed with every result: figures are only comparable on the
 * same hardware, and the load average at start shows when something else was busy meanwhile.
 */
import { cpus, loadavg, totalmem } from 'node:os';

export interface MachineInfo {
  cpus: number;
  cpu: string | undefined;
  memoryGiB: number;
  node: string;
  platform: string;
  /** 1, 5 and 15 minute load averages when the benchmark started. */
  loadavgAtStart: number[];
}

export function machineInfo(): MachineInfo {
  return {
    cpus: cpus().length,
    cpu: cpus()[0]?.model,
    memoryGiB: Math.round((totalmem() / 2 ** 30) * 10) / 10,
    node: process.version,
    platform: `${process.platform}-${process.arch}`,
    loadavgAtStart: loadavg().map((l) => Math.round(l * 100) / 100),
  };
}
