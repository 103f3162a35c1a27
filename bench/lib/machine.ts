// What the benchmarks ran on, recorded with every result.
import os from 'node:os';
import fs from 'node:fs';

export interface Machine {
  cpu: string;
  cores: number;
  ramGb: number;
  node: string;
  os: string;
  /** 1, 5 and 15-minute load averages when the result was written: other work on the machine skews timings. */
  loadAvg: number[];
  postgres?: string;
}

export function machine(): Machine {
  let cpu = os.cpus()[0]?.model ?? 'unknown';
  try {
    const m = /^model name\s*:\s*(.+)$/m.exec(fs.readFileSync('/proc/cpuinfo', 'utf8'));
    if (m) cpu = m[1]!.trim();
  } catch {
    /* not Linux */
  }
  return {
    cpu,
    cores: os.cpus().length,
    ramGb: Math.round(os.totalmem() / 1024 ** 3),
    node: process.version,
    os: `${os.type()} ${os.release()}`,
    loadAvg: os.loadavg().map((x) => Math.round(x * 100) / 100),
  };
}
