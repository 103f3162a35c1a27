// Child process of bench/member-import.ts: imports FILE into UNIT as USER through the real
// use cases (validate → stage → commit), in its own process so that its peak memory is its own.
import { sql } from 'drizzle-orm';
import { connect } from '../../src/server/db/client';
import { createContext } from '../../src/server/bootstrap';
import { loadConfig } from '../../src/server/config';
import { loadRoles } from '../../src/server/lib/session';
import type { AuthActor } from '../../src/server/lib/actor';
import { findOrgByCode } from '../../src/server/modules/organisations/organisations.repository';
import { commitMemberImport, startMemberImport } from '../../src/server/modules/imports/member-import.service';
import { findJob } from '../../src/server/modules/imports/imports.repository';

const [url, file, unitCode, username, dataDir] = process.argv.slice(2) as [string, string, string, string, string];
const database = connect(url, 4);
const ctx = createContext(loadConfig({ DATA_DIR: dataDir, SESSION_SECRET: 'x'.repeat(40) }), database);
const u = (await database.db.execute<{ id: number }>(sql`select id from app_user where username = ${username}`)).rows[0]!;
const actor: AuthActor = { userId: Number(u.id), username, displayName: username, locale: 'vi', personId: null, roles: await loadRoles(ctx, Number(u.id)), csrfToken: '', sessionHash: '' };
const org = (await findOrgByCode(database.db, unitCode))!;

let peakRss = process.memoryUsage().rss;
const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 50);
const t0 = performance.now();
const jobId = await startMemberImport(ctx, actor, org, 'bench.xlsx', file);
await Promise.all([...ctx.background]);
const t1 = performance.now();
let job = (await findJob(database.db, jobId))!;
if (job.status !== 'READY') throw new Error(`validation ended ${job.status}: ${JSON.stringify(job.errors.slice(0, 3))}`);
await commitMemberImport(ctx, actor, job);
await Promise.all([...ctx.background]);
const t2 = performance.now();
job = (await findJob(database.db, jobId))!;
clearInterval(sampler);
if (job.status !== 'COMMITTED') throw new Error(`commit ended ${job.status}: ${JSON.stringify(job.errors.slice(0, 3))}`);
process.stdout.write(
  JSON.stringify({
    rows: job.total_rows,
    created: job.to_create,
    updated: job.to_update,
    validateMs: Math.round(t1 - t0),
    commitMs: Math.round(t2 - t1),
    totalMs: Math.round(t2 - t0),
    peakRssMb: Math.round(Math.max(peakRss, process.resourceUsage().maxRSS * 1024) / 1048576),
  }) + '\n',
);
await database.close();
