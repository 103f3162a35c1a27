#!/usr/bin/env node
// Builds the web client into dist/web when it is missing or older than its sources. Runs on
// `npm ci` / `npm install` (the `prepare` script) so that `npm start` serves it at once.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const DIST_INDEX = path.join(ROOT, 'dist/web/index.html');
const SOURCES = ['src/web', 'src/contracts', 'src/domain', 'index.html', 'vite.config.ts'].map((p) => path.join(ROOT, p));

function newestMtime(p) {
  if (!fs.existsSync(p)) return 0;
  const st = fs.statSync(p);
  if (!st.isDirectory()) return st.mtimeMs;
  let newest = 0;
  for (const entry of fs.readdirSync(p)) newest = Math.max(newest, newestMtime(path.join(p, entry)));
  return newest;
}

export async function buildWebIfStale({ force = false } = {}) {
  const sources = Math.max(...SOURCES.map(newestMtime));
  if (!force && fs.existsSync(DIST_INDEX) && fs.statSync(DIST_INDEX).mtimeMs >= sources) return false;
  const { build } = await import('vite');
  // Always the production build of React: under vitest NODE_ENV is "test", which would otherwise
  // give the development build — and that bundle would then be served by `npm start` too.
  const previous = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({ configFile: path.join(ROOT, 'vite.config.ts'), logLevel: 'warn', mode: 'production' });
  } finally {
    if (previous === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = previous;
  }
  return true;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const t0 = Date.now();
  const built = await buildWebIfStale({ force: process.argv.includes('--force') });
  console.log(built ? `Web client built in ${((Date.now() - t0) / 1000).toFixed(1)} s (dist/web).` : 'Web client is up to date (dist/web).');
}
