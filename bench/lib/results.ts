// Each benchmark writes bench/results/<name>.json (git-ignored); scripts/bench.mjs turns them into BENCHMARKS.md tables.
import fs from 'node:fs';
import path from 'node:path';
import { machine, type Machine } from './machine';

export const RESULTS_DIR = path.resolve(import.meta.dirname, '../results');

export interface ResultEnvelope<T> {
  name: string;
  startedAt: string;
  finishedAt: string;
  seconds: number;
  machine: Machine;
  result: T;
}

export function writeResult<T>(name: string, startedAt: Date, result: T, postgres?: string): string {
  fs.mkdirSync(RESULTS_DIR, { recursive: true });
  const finished = new Date();
  const env: ResultEnvelope<T> = {
    name,
    startedAt: startedAt.toISOString(),
    finishedAt: finished.toISOString(),
    seconds: Math.round((finished.getTime() - startedAt.getTime()) / 100) / 10,
    machine: { ...machine(), ...(postgres ? { postgres } : {}) },
    result,
  };
  const file = path.join(RESULTS_DIR, `${name}.json`);
  fs.writeFileSync(file, JSON.stringify(env, null, 2) + '\n');
  return file;
}

export function envInt(name: string, fallback: number): number {
  const v = process.env[name];
  if (v === undefined || v === '') return fallback;
  const n = Number(v.replace(/[_,]/g, ''));
  if (!Number.isInteger(n) || n <= 0) throw new Error(`${name} must be a positive integer, got ${v}`);
  return n;
}
