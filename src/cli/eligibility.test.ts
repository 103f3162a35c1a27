// `vinhdanh eligibility --facts FILE.json`: JSON in, JSON out, through the real command line.
import { execFile } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EvaluationResult } from '../contracts/eligibility';

const ROOT = path.resolve(import.meta.dirname, '../..');
const run = promisify(execFile);
let tmp: string;

async function cli(args: string[], input?: string) {
  try {
    const child = run(process.execPath, [path.join(ROOT, 'bin/vinhdanh.js'), 'eligibility', ...args], { cwd: ROOT, env: { ...process.env, DATA_DIR: tmp } });
    if (input !== undefined) {
      child.child.stdin?.end(input);
    }
    const r = await child;
    return { code: 0, stdout: r.stdout, stderr: r.stderr };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

const cstdcs = (rating: string) => ({
  target: 'CSTD_CS',
  year: 2024,
  candidate: { subject: 'INDIVIDUAL', serviceStartDate: '2015-01-01', ratings: [{ id: 1, year: 2024, rating }] },
});

beforeAll(async () => {
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'vd-elig-cli-'));
});
afterAll(() => fs.rm(tmp, { recursive: true, force: true }));

describe('vinhdanh eligibility --facts', () => {
  it('answers one request with the verdict and Vietnamese reasons', async () => {
    const file = path.join(tmp, 'one.json');
    await fs.writeFile(file, JSON.stringify(cstdcs('HTXSNV')));
    const r = await cli(['--facts', file]);
    expect(r.code, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout) as EvaluationResult;
    expect(out.status).toBe('ELIGIBLE');
    expect(out.reasons.some((x) => x.ruleId === 'CSTD_CS.achievement' && x.outcome === 'PASS' && x.evidence.includes(1))).toBe(true);
    expect(out.reasons.map((x) => x.text).join(' ')).toMatch(/Hoàn thành xuất sắc nhiệm vụ|HTXSNV/);
  }, 30_000);

  it('answers an array of requests from standard input, in English on request', async () => {
    const r = await cli(['--facts', '-', '--locale', 'en'], JSON.stringify([cstdcs('HTXSNV'), cstdcs('HTNV')]));
    expect(r.code, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout) as EvaluationResult[];
    expect(out.map((x) => x.status)).toEqual(['ELIGIBLE', 'NOT_ELIGIBLE']);
    expect(out[1]!.reasons.find((x) => x.outcome === 'FAIL')!.text).toMatch(/[A-Za-z]/);
  }, 30_000);

  it('refuses malformed facts with the field and a Vietnamese message, exit code 2', async () => {
    const file = path.join(tmp, 'bad.json');
    await fs.writeFile(file, JSON.stringify({ ...cstdcs('HTXSNV'), year: 'năm nay' }));
    const r = await cli(['--facts', file]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(JSON.parse(r.stderr)).toMatchObject({ error: 'VALIDATION', fields: { year: expect.any(String) } });
    await fs.writeFile(file, '{ not json');
    const broken = await cli(['--facts', file]);
    expect(broken.code).toBe(2);
    expect(broken.stderr).toMatch(/Tệp không phải JSON hợp lệ/);
  }, 30_000);
});
