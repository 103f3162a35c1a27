// Browser tests run against the production build of the web client: build it when it is missing
// or older than its sources (the same check as `npm install`'s prepare step).
import { spawnSync } from 'node:child_process';
import path from 'node:path';

export default function setup() {
  const r = spawnSync(process.execPath, [path.resolve(import.meta.dirname, '../../scripts/build-web.mjs')], { stdio: 'inherit' });
  if (r.status !== 0) throw new Error('building the web client failed');
}
