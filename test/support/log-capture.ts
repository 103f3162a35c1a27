// Captures what the application logs: Fastify's logger (pino) writes synchronously to file
// descriptor 1 through fs.writeSync, other output goes through process.stdout.write. `restore()`
// puts both back.
import fs from 'node:fs';

export interface LogCapture {
  lines: string[];
  restore(): void;
}

export function captureLogs(): LogCapture {
  const lines: string[] = [];
  const writeSync = fs.writeSync;
  const stdoutWrite = process.stdout.write.bind(process.stdout);
  (fs as { writeSync: unknown }).writeSync = (fd: number, data: unknown, ...rest: unknown[]) => {
    if (fd === 1 || fd === 2) {
      lines.push(String(data));
      return Buffer.byteLength(String(data));
    }
    return (writeSync as (...a: unknown[]) => number)(fd, data, ...rest);
  };
  process.stdout.write = ((chunk: unknown) => {
    lines.push(String(chunk));
    return true;
  }) as typeof process.stdout.write;
  return {
    lines,
    restore() {
      (fs as { writeSync: unknown }).writeSync = writeSync;
      process.stdout.write = stdoutWrite;
    },
  };
}
