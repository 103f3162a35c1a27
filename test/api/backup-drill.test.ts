// Backup and restore drill (docs/reliability.md): a realistic database with the application running
// on it and several writers doing audited API writes for the whole duration of the backup; the
// backup is restored into an EMPTY database of the other kind (embedded PostgreSQL ↔ the server at
// 127.0.0.1:5432). The restore must be exactly the backup's snapshot: the same row count in every
// table (counted inside the backup's own snapshot), the same audit chain head, every write
// acknowledged before the backup began, no write begun after the snapshot, and the application
// must start on it and serve a login and a read.
//
// Directions covered: in the embedded run (no TEST_DATABASE_URL) both embedded → server and
// server → embedded when the server is reachable (CI: always), else embedded → another embedded
// database. In the TEST_DATABASE_URL run there is no embedded server: server → another database on
// the same server (the cross-kind directions are proven by the embedded run).
import crypto from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { connect, type Database } from '../../src/server/db/client';
import { runMigrations } from '../../src/server/db/migrate';
import { backupDatabase, restoreDatabase, type BackupResult } from '../../src/server/db/backup';
import { createContext } from '../../src/server/bootstrap';
import { buildApp } from '../../src/server/app';
import { loadConfig } from '../../src/server/config';
import type { AppContext } from '../../src/server/lib/context';
import { verifyAuditChain } from '../../src/server/lib/audit';
import { withDatabase as urlWithDatabase } from '../support/global-db';
import { createPerson, loginAs, smallWorld, type Client } from '../factories';

const SERVER_ADMIN_URL = 'postgres://postgres@127.0.0.1:5432/test';
const WRITERS = 4;
/** Writes that must be acknowledged while the backup's snapshot is open, before it reads on. */
const WRITES_DURING_SNAPSHOT = 12;
const WORLD_MEMBERS = 300;

async function reachable(url: string): Promise<boolean> {
  const c = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  try {
    await c.connect();
    await c.query('select 1');
    return true;
  } catch {
    return false;
  } finally {
    await c.end().catch(() => {});
  }
}

type Kind = 'embedded' | 'server';
const runKind: Kind = process.env.TEST_DATABASE_URL ? 'server' : 'embedded';
const serverReachable = runKind === 'embedded' && (await reachable(SERVER_ADMIN_URL));

/** An empty database (as `createdb` leaves it) on the embedded server of this run or on the server. */
async function emptyDatabase(kind: Kind, label: string) {
  const adminUrl = kind === runKind ? inject('dbAdminUrl') : SERVER_ADMIN_URL;
  // Clones of the run's template are dropped by the global teardown too, should a test crash.
  const name = `${inject('dbTemplate')}_drill_${label}_${crypto.randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database ${name} encoding 'UTF8' template template0`);
  await admin.end();
  return {
    url: urlWithDatabase(adminUrl, name),
    async drop() {
      const c = new pg.Client({ connectionString: adminUrl });
      await c.connect();
      await c.query(`select pg_terminate_backend(pid) from pg_stat_activity where datname = $1 and pid <> pg_backend_pid()`, [name]);
      await c.query(`drop database if exists ${name}`);
      await c.end();
    },
  };
}

interface RunningApp {
  app: FastifyInstance;
  ctx: AppContext;
  database: Database;
  close(): Promise<void>;
}

/** The real application on a database (as startTestApp does on a clone). */
async function startAppOn(url: string, dataDir: string): Promise<RunningApp> {
  const database = connect(url, 8);
  const config = loadConfig({ DATA_DIR: dataDir, SESSION_SECRET: crypto.randomBytes(32).toString('hex'), REPORT_SETTLE_MS: '100' });
  const ctx = createContext(config, database);
  const app = await buildApp(ctx);
  await app.ready();
  return {
    app,
    ctx,
    database,
    async close() {
      await app.close();
      await Promise.allSettled([...ctx.background]);
      await database.close();
    },
  };
}

async function tableNames(d: Database): Promise<string[]> {
  const r = await d.pool.query<{ name: string }>(`select relname::text as name from pg_class where relnamespace = 'public'::regnamespace and relkind = 'r' order by 1`);
  return r.rows.map((x) => x.name);
}

async function countAll(q: (text: string) => Promise<pg.QueryResult>, names: string[]): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const name of names) out[name] = Number((await q(`select count(*)::bigint as n from public."${name}"`)).rows[0].n);
  return out;
}

interface Head {
  last_id: string;
  last_hash: string;
  event_count: string;
}
const HEAD_SQL = `select last_id::text as last_id, last_hash, event_count::text as event_count from audit_head where id = 1`;

interface Write {
  kind: 'member' | 'unit';
  id: number;
  /** Phase when the request was sent and when its answer came back. */
  sent: Phase;
  acked: Phase;
}
/**
 * before: the backup has not begun; begun: BEGIN sent (the snapshot is taken at its first query);
 * held: the snapshot certainly exists (the test has read from it) and the backup is held;
 * reading: the backup reads on; after: the backup file is written.
 */
type Phase = 'before' | 'begun' | 'held' | 'reading' | 'after';

interface DrillResult {
  from: string;
  to: string;
  backup: BackupResult;
  writes: Write[];
  totalRows: number;
  restoreMs: number;
  versions: string;
}
const results: DrillResult[] = [];

/**
 * The drill itself, from a database of kind `from` to an empty one of kind `to`.
 * The backup's connection is wrapped: right before it copies table `person`, inside its snapshot,
 * the test counts every table and reads audit_head on that same connection (the snapshot's own
 * figures), then holds the copy until the writers have had WRITES_DURING_SNAPSHOT more writes
 * acknowledged — so writes certainly commit while the backup is running.
 */
async function drill(from: Kind, to: Kind, tmp: string): Promise<void> {
  const source = await emptyDatabase(from, 'src');
  const target = await emptyDatabase(to, 'dst');
  let app: RunningApp | null = null;
  let restored: RunningApp | null = null;
  const versions: string[] = [];
  let maxRestoredPerson = 0;
  try {
    await using(source.url, (d) => runMigrations(d.db));
    app = await startAppOn(source.url, path.join(tmp, `data-${from}`));
    const db = app.database.db;

    // A realistic world: the small tree, a few hundred members, a decision awarding some of them.
    const w = await smallWorld(db);
    const members: number[] = [];
    for (let i = 0; i < WORLD_MEMBERS; i++) {
      const org = i % 2 ? w.orgs.cdcsA : w.orgs.cdcsB;
      members.push(await createPerson(db, org, { fullName: `Thành Viên Diễn Tập ${i}`, gender: i % 3 ? 'FEMALE' : 'MALE', cccd: `0799${String(i).padStart(8, '0')}` }));
    }
    const decision = await db.execute<{ id: string }>(sql`insert into decision (org_id, org_path, year, subject, place, basis, execution, signer, recipients, created_by)
      values (${w.orgs.huyen.id}, ${w.orgs.huyen.path}, 2025, 'Khen thưởng diễn tập sao lưu', 'Tây Ninh', '[]'::jsonb, 'Thi hành', ${JSON.stringify({ onBehalf: 'TM.', title: 'CHỦ TỊCH', name: null })}::jsonb, '[]'::jsonb, ${w.users.admin}) returning id`);
    for (let i = 0; i < 20; i++) {
      await db.execute(sql`insert into decision_item (decision_id, position, person_id, subject_path, subject_name, unit_name, award_code, achievement)
        values (${decision.rows[0]!.id}, ${i + 1}, ${members[i]!}, ${w.orgs.cdcsA.path}, ${`Thành Viên Diễn Tập ${i}`}, 'Công đoàn cơ sở', (select code from award_type where subject = 'INDIVIDUAL' order by sort_order limit 1), 'Hoàn thành xuất sắc nhiệm vụ')`);
    }

    // The load: WRITERS signed-in officers creating members and sub-units through the API.
    let phase: Phase = 'before';
    let stop = false;
    const writes: Write[] = [];
    const failures: string[] = [];
    let seq = 0;
    const clients: Client[] = [];
    for (let k = 0; k < WRITERS; k++) clients.push(await loginAs(app.app, k % 2 ? 'huyen.tdkt' : 'admin'));
    let ackedWhileHeld = 0;
    let onAck: () => void = () => {};
    const writer = async (c: Client, k: number) => {
      while (!stop) {
        const n = ++seq;
        const sent = phase;
        const unit = n % 4 === 0;
        const res = unit
          ? await c.post('/api/v1/organisations', { code: `DRILL-${k}-${n}`, name: `Tổ công đoàn diễn tập ${n}`, kind: 'TO_CD', parentId: w.orgs.cdcsA.id, effectiveOn: '2024-06-01' })
          : await c.post('/api/v1/members', { fullName: `Đoàn Viên Tải ${n}`, gender: n % 2 ? 'MALE' : 'FEMALE', orgId: w.orgs.cdcsB.id, cccd: `0798${String(n).padStart(8, '0')}`, birthDate: '1992-04-05' });
        if (res.statusCode !== 200) {
          failures.push(`${res.statusCode} ${res.body}`);
          onAck();
          return;
        }
        writes.push({ kind: unit ? 'unit' : 'member', id: Number(res.json().id), sent, acked: phase });
        if (sent === 'held' && phase === 'held') ackedWhileHeld++;
        onAck();
      }
    };
    const load = clients.map((c, k) => writer(c, k));
    // Some acknowledged writes before the backup starts.
    while (writes.length < 3 * WRITERS && failures.length === 0) await new Promise((r) => setTimeout(r, 10));

    // The backup, on a wrapped connection (see above).
    let snapshotCounts: Record<string, number> | null = null;
    let snapshotHead: Head | null = null;
    const names = await tableNames(app.database);
    const pool = app.database.pool;
    const wrappedPool = {
      async connect() {
        const client = await pool.connect();
        const query = client.query.bind(client) as (...a: unknown[]) => unknown;
        const release = client.release.bind(client);
        let held = false;
        const own = client as unknown as { query: unknown; release: unknown };
        own.release = (err?: Error | boolean) => {
          // Back to the pool as it was: the application's transactions are not watched.
          delete own.query;
          delete own.release;
          release(err);
        };
        own.query = (...args: unknown[]) => {
          const q = args[0] as string | { text?: string; submit?: unknown } | null;
          if (typeof q === 'string' && q.startsWith('BEGIN')) phase = 'begun';
          if (!held && typeof q === 'object' && q !== null && typeof q.submit === 'function' && q.text?.includes('FROM "public"."person" AS')) {
            held = true;
            void (async () => {
              const inSnapshot = (text: string) => query(text) as Promise<pg.QueryResult>;
              snapshotCounts = await countAll(inSnapshot, names);
              snapshotHead = (await inSnapshot(HEAD_SQL)).rows[0] as Head;
              phase = 'held';
              await new Promise<void>((resolve) => {
                onAck = () => (ackedWhileHeld >= WRITES_DURING_SNAPSHOT || failures.length > 0) && resolve();
                onAck();
              });
              phase = 'reading';
              query(q);
            })();
            return q; // a COPY stream: the backup reads it once it is submitted
          }
          return query(...args);
        };
        return client;
      },
    } as unknown as pg.Pool;
    const file = path.join(tmp, `drill-${from}-to-${to}.vdb.gz`);
    const backup = await backupDatabase({ pool: wrappedPool }, file);
    phase = 'after';
    // The load keeps going after the backup, then stops.
    const afterFrom = writes.length;
    while (writes.length < afterFrom + 2 * WRITERS && failures.length === 0) await new Promise((r) => setTimeout(r, 10));
    stop = true;
    await Promise.all(load);
    expect(failures).toEqual([]);

    // The snapshot's own figures and the backup's header agree.
    expect(snapshotCounts).not.toBeNull();
    const counts = snapshotCounts!;
    const head = snapshotHead!;
    expect(Object.keys(counts).sort()).toEqual(backup.header.tables.map((t) => t.name).sort());
    for (const t of backup.header.tables) expect(t.rows, t.name).toBe(counts[t.name]);
    expect(counts.person).toBeGreaterThanOrEqual(4 + WORLD_MEMBERS);
    expect(counts.decision_item).toBe(20);
    // The source kept changing: it is ahead of the snapshot now.
    const liveHead = (await app.database.pool.query<Head>(HEAD_SQL)).rows[0]!;
    expect(Number(liveHead.last_id)).toBeGreaterThan(Number(head.last_id));
    const live = await countAll((t) => app!.database.pool.query(t), names);
    expect(live.person).toBeGreaterThan(counts.person!);

    // Restore into the empty database of the other kind.
    const t0 = Date.now();
    await using(target.url, (d) => restoreDatabase(d, file));
    const restoreMs = Date.now() - t0;

    await using(target.url, async (d) => {
      versions.push(`${backup.header.source.serverVersion} → ${(await d.pool.query<{ v: string }>(`select current_setting('server_version') as v`)).rows[0]!.v}`);
      // Every table: the snapshot's count.
      const got = await countAll((t) => d.pool.query(t), await tableNames(d));
      expect(got).toEqual(counts);
      // The audit chain: same head, intact, and the exact prefix of the source's (append-only) chain.
      expect((await d.pool.query<Head>(HEAD_SQL)).rows[0]).toEqual(head);
      const chain = await verifyAuditChain(d.db);
      expect(chain).toMatchObject({ ok: true, problems: [] });
      expect(chain.checked).toBe(Number(head.event_count));
      const restoredChain = await d.pool.query<{ id: string; hash: string }>(`select id::text as id, hash from audit_event order by id`);
      const sourceChain = await app!.database.pool.query<{ id: string; hash: string }>(`select id::text as id, hash from audit_event where id <= $1 order by id`, [head.last_id]);
      expect(restoredChain.rows).toEqual(sourceChain.rows);

      // Writes: every one acknowledged before the backup began is there; none sent after the
      // snapshot was taken is; and each load write is there exactly when its audit event is.
      const persons = new Set((await d.pool.query<{ id: string }>(`select id::text as id from person`)).rows.map((r) => Number(r.id)));
      const units = new Set((await d.pool.query<{ id: string }>(`select id::text as id from organisation`)).rows.map((r) => Number(r.id)));
      const audited = new Set(
        (await d.pool.query<{ k: string }>(`select entity_type || ':' || entity_id as k from audit_event where action = 'member.create' or action like 'organisation.create%'`)).rows.map((r) => r.k),
      );
      maxRestoredPerson = Math.max(...persons);
      const has = (x: Write) => (x.kind === 'member' ? persons : units).has(x.id);
      const acknowledgedBefore = writes.filter((x) => x.acked === 'before');
      const sentAfterSnapshot = writes.filter((x) => x.sent === 'held' || x.sent === 'reading' || x.sent === 'after');
      expect(acknowledgedBefore.length).toBeGreaterThanOrEqual(3 * WRITERS);
      expect(acknowledgedBefore.filter((x) => !has(x))).toEqual([]);
      expect(writes.filter((x) => x.sent === 'held' && x.acked === 'held').length).toBeGreaterThanOrEqual(WRITES_DURING_SNAPSHOT);
      expect(writes.filter((x) => x.sent === 'after').length).toBeGreaterThanOrEqual(WRITERS);
      expect(sentAfterSnapshot.filter(has)).toEqual([]);
      // Writes in flight when the backup began are in it or not, but always with their audit event.
      for (const x of writes) expect(has(x), `${x.kind} ${x.id}`).toBe(audited.has(`${x.kind === 'member' ? 'person' : 'organisation'}:${x.id}`));
      expect(new Set(writes.map((x) => x.kind))).toEqual(new Set(['member', 'unit']));
    });

    // The application starts on the restored database: a login, a read, and a new audited write.
    restored = await startAppOn(target.url, path.join(tmp, `data-${to}-restored`));
    const admin = await loginAs(restored.app, 'admin');
    const first = writes.find((x) => x.kind === 'member' && x.acked === 'before')!;
    const read = await admin.get(`/api/v1/members/${first.id}`);
    expect(read.statusCode).toBe(200);
    expect(read.json().fullName).toMatch(/^Đoàn Viên Tải \d+$/);
    const list = await admin.get('/api/v1/members');
    expect(list.statusCode).toBe(200);
    expect(list.json().total).toBeGreaterThanOrEqual(WORLD_MEMBERS);
    const created = await admin.post('/api/v1/members', { fullName: 'Người Sau Phục Hồi', gender: 'FEMALE', orgId: w.orgs.cdcsA.id, cccd: '079700000001', birthDate: '1990-01-01' });
    expect(created.statusCode, created.body).toBe(200);
    expect(Number(created.json().id)).toBeGreaterThan(maxRestoredPerson); // the sequences continue after the restored rows
    const after = await verifyAuditChain(restored.database.db);
    expect(after.ok).toBe(true);
    expect(after.checked).toBe(Number(head.event_count) + 1);

    results.push({ from, to, backup, writes, totalRows: Object.values(counts).reduce((s, n) => s + n, 0), restoreMs, versions: versions.join(', ') });
  } finally {
    await restored?.close();
    await app?.close();
    await source.drop();
    await target.drop();
  }
}

async function using<T>(url: string, work: (d: Database) => Promise<T>): Promise<T> {
  const d = connect(url, 3);
  try {
    return await work(d);
  } finally {
    await d.close();
  }
}

let tmp: string;
beforeAll(async () => {
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'vd-backup-drill-'));
});
afterAll(async () => {
  for (const r of results) {
    const n = (...p: Phase[]) => r.writes.filter((x) => p.includes(x.sent)).length;
    console.log(
      `backup drill ${r.from} → ${r.to} (PostgreSQL ${r.versions}): ${r.totalRows} rows, ${(r.backup.bytes / 1024).toFixed(0)} KiB, backup ${r.backup.ms} ms under ${WRITERS} writers ` +
        `(${r.writes.length} writes sent: ${n('before')} before, ${n('begun', 'held', 'reading')} during, ${n('after')} after), restore ${r.restoreMs} ms`,
    );
  }
  if (tmp) await fs.rm(tmp, { recursive: true, force: true });
});

describe('backup and restore drill under write load', () => {
  if (runKind === 'embedded' && serverReachable) {
    it('embedded PostgreSQL → empty database on the server at 127.0.0.1:5432', () => drill('embedded', 'server', tmp), 240_000);
    it('server at 127.0.0.1:5432 → empty embedded database', () => drill('server', 'embedded', tmp), 240_000);
  } else {
    // Only one kind is available in this run (see the header comment).
    it(`${runKind} → another empty ${runKind} database (the other kind is not available in this run)`, () => drill(runKind, runKind, tmp), 240_000);
  }
});
