#!/usr/bin/env node
// `npm run soak`: the hardening tests of issue 11 run longer than in CI — the schema fuzzer with many
// more inputs per route, and the crash, database-fault, upload and secrecy tests round after round
// (each round on fresh databases, with new random inputs). Documented in docs/reliability.md.
//   SOAK_ROUNDS   rounds of the repeated tests (default 5)
//   FUZZ_RUNS     inputs per route and kind for the fuzzer (default 200; CI uses 8)
// Set TEST_DATABASE_URL to soak against a PostgreSQL server instead of the embedded one.
import { spawnSync } from 'node:child_process';

const rounds = Number(process.env.SOAK_ROUNDS ?? 5);
const fuzzRuns = process.env.FUZZ_RUNS ?? '200';
const REPEATED = ['test/api/crash-safety.test.ts', 'test/api/resilience.test.ts', 'test/api/db-restart.test.ts', 'test/api/upload-abuse.test.ts', 'test/api/ballot-secrecy.test.ts'];

function vitest(files, env = {}) {
  const t0 = Date.now();
  const r = spawnSync(process.execPath, ['node_modules/vitest/vitest.mjs', 'run', '--project', 'api', ...files], {
    stdio: 'inherit',
    env: { ...process.env, ...env },
  });
  return { ok: r.status === 0, seconds: Math.round((Date.now() - t0) / 1000) };
}

const results = [];
console.log(`Soak: the fuzzer with FUZZ_RUNS=${fuzzRuns}, then ${rounds} round(s) of ${REPEATED.length} files.`);
results.push({ what: `fuzz-routes (FUZZ_RUNS=${fuzzRuns})`, ...vitest(['test/api/fuzz-routes.test.ts'], { FUZZ_RUNS: fuzzRuns }) });
for (let i = 1; i <= rounds; i++) results.push({ what: `round ${i}/${rounds}`, ...vitest(REPEATED) });

console.log('\nSoak summary');
for (const r of results) console.log(`  ${r.ok ? 'ok    ' : 'FAILED'} ${r.what} (${r.seconds} s)`);
process.exit(results.every((r) => r.ok) ? 0 : 1);
