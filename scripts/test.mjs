#!/usr/bin/env node
// The one test command (`npm test`): unit, API (real PostgreSQL) and browser suites.
// Browser tests need Debian's Chromium; on a fresh machine it is installed here with apt-get
// rather than skipped. Set TEST_DATABASE_URL to run against a PostgreSQL server instead of the
// embedded one. Extra arguments go to vitest (e.g. `npm test -- --project unit`).
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const args = process.argv.slice(2);
const wantsE2e = args.length === 0 || args.includes('e2e');

function run(cmd, cmdArgs, opts = {}) {
  const r = spawnSync(cmd, cmdArgs, { stdio: 'inherit', ...opts });
  return r.status ?? 1;
}

if (wantsE2e && !existsSync(CHROMIUM)) {
  console.log(`Chromium not found at ${CHROMIUM}: installing Debian's chromium package…`);
  const sudo = process.getuid?.() === 0 ? [] : ['sudo'];
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const update = run(sudo[0] ?? 'apt-get', [...sudo.slice(1), ...(sudo.length ? ['apt-get'] : []), 'update', '-qq'], { env });
  const install = update === 0 ? run(sudo[0] ?? 'apt-get', [...sudo.slice(1), ...(sudo.length ? ['apt-get'] : []), 'install', '-y', '-qq', 'chromium'], { env }) : update;
  if (install !== 0 || !existsSync(CHROMIUM)) {
    console.error('Could not install chromium; browser tests cannot run.');
    process.exit(1);
  }
}

process.exit(run(process.execPath, ['node_modules/vitest/vitest.mjs', 'run', ...args]));
