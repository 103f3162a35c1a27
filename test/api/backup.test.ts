// Backup and restore: a portable logical dump that round-trips exactly, refuses what it must,
// rolls back on any failure, and crosses between the embedded PostgreSQL 18 and a server 15.
import crypto from 'node:crypto';
import { execFile } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { gunzipSync, gzipSync } from 'node:zlib';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { connect, type Database } from '../../src/server/db/client';
import { backupDatabase, checkBackupFile, migrateTo, restoreDatabase, type BackupHeader } from '../../src/server/db/backup';
import { codeMigrations } from '../../src/server/db/backup/catalog';
import { REFERENCE_TABLES } from '../../src/server/db/reference-data';
import { verifyAuditChain } from '../../src/server/lib/audit';
import { cloneDatabase, startTestApp, type TestEnv } from '../support/app';
import { withDatabase as urlWithDatabase } from '../support/global-db';
import { createOrg, createUser, loginAs, smallWorld } from '../factories';

const SERVER_URL = 'postgres://postgres@127.0.0.1:5432/test';
const ROOT = path.resolve(import.meta.dirname, '../..');

async function reachable(url: string): Promise<boolean> {
  const c = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  try {
    await c.connect();
  } catch {
    return false;
  }
  try {
    await c.query('select 1');
    return true;
  } catch {
    return false;
  } finally {
    await c.end();
  }
}
const serverReachable = await reachable(SERVER_URL);

// ---------------------------------------------------------------------------------------------
// Helpers

interface Snapshot {
  tables: Record<string, string[]>;
  sequences: Record<string, { lastValue: string; isCalled: boolean }>;
}

/** Every table of schema public as sorted JSON rows (generated columns included), and every sequence. */
async function snapshot(url: string): Promise<Snapshot> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    await c.query(`set timezone = 'UTC'`);
    const tables = await c.query<{ name: string }>(`select relname::text as name from pg_class where relnamespace = 'public'::regnamespace and relkind = 'r' order by 1`);
    const out: Snapshot = { tables: {}, sequences: {} };
    for (const { name } of tables.rows) {
      const r = await c.query<{ r: string }>(`select r from (select to_jsonb(t)::text as r from public."${name}" t) s order by r collate "C"`);
      out.tables[name] = r.rows.map((x) => x.r);
    }
    const seqs = await c.query<{ name: string }>(`select relname::text as name from pg_class where relnamespace = 'public'::regnamespace and relkind = 'S' order by 1`);
    for (const { name } of seqs.rows) {
      const s = await c.query<{ last_value: string; is_called: boolean }>(`select last_value::text as last_value, is_called from public."${name}"`);
      out.sequences[name] = { lastValue: s.rows[0]!.last_value, isCalled: s.rows[0]!.is_called };
    }
    return out;
  } finally {
    await c.end();
  }
}

/** Tables with rows, apart from org_kind (reference rows the migrations insert). */
/** Tables a fresh database already fills: org_kind (migration) and the seeded reference data. */
const SEEDED = new Set<string>(['org_kind', ...REFERENCE_TABLES]);

function dataTables(s: Snapshot): string[] {
  return Object.entries(s.tables)
    .filter(([name, rows]) => !SEEDED.has(name) && rows.length > 0)
    .map(([name]) => name);
}

/** A database with no schema at all (as `createdb` leaves it), on the test server or another one. */
async function blankDatabase(adminUrl = inject('dbAdminUrl'), prefix = `${inject('dbTemplate')}_bk`) {
  const name = `${prefix}_${crypto.randomBytes(4).toString('hex')}`;
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

/** Opens a database for the duration of `work`. */
async function using<T>(url: string, work: (d: Database) => Promise<T>): Promise<T> {
  const d = connect(url, 3);
  try {
    return await work(d);
  } finally {
    await d.close();
  }
}

/** Decodes a backup file into its header and per-table data (test files are small). */
function unpack(file: Buffer): { header: BackupHeader; data: Map<string, Buffer> } {
  const raw = gunzipSync(file);
  const nl1 = raw.indexOf(10);
  const nl2 = raw.indexOf(10, nl1 + 1);
  const header = JSON.parse(raw.subarray(nl1 + 1, nl2).toString('utf8')) as BackupHeader;
  const data = new Map<string, Buffer>();
  let at = nl2 + 1;
  for (const t of header.tables) {
    data.set(t.name, raw.subarray(at, at + t.bytes));
    at += t.bytes;
  }
  return { header, data };
}

function pack(header: BackupHeader, data: Map<string, Buffer>): Buffer {
  const parts: Buffer[] = [Buffer.from(`#vinhdanh-backup 1\n${JSON.stringify(header)}\n`)];
  for (const t of header.tables) parts.push(data.get(t.name)!);
  return gzipSync(Buffer.concat(parts));
}

function decodesTo(gz: Buffer, expected: Buffer): boolean {
  try {
    return gunzipSync(gz).equals(expected);
  } catch {
    return false;
  }
}

const sha256 = (b: Buffer) => crypto.createHash('sha256').update(b).digest('hex');

const execFileP = promisify(execFile);
async function cli(args: string[], databaseUrl: string) {
  try {
    const r = await execFileP(process.execPath, [path.join(ROOT, 'bin/vinhdanh.js'), ...args], {
      cwd: ROOT,
      env: { ...process.env, DATABASE_URL: databaseUrl, DATA_DIR: path.join(tmp, 'cli-data') },
    });
    return { code: 0, stdout: r.stdout, stderr: r.stderr };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

// ---------------------------------------------------------------------------------------------

let env: TestEnv;
let tmp: string;
let file: string;
let source: Snapshot;
let header: BackupHeader;

beforeAll(async () => {
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'vd-backup-test-'));
  env = await startTestApp();
  const world = await smallWorld(env.database.db);
  // Changes through the API, so that audit_event, org_event, session, … have rows.
  const admin = await loginAs(env.app, 'admin');
  const created = await admin.post('/api/v1/members', { fullName: 'Lê Thị Đào', gender: 'FEMALE', orgId: world.orgs.cdcsB.id, cccd: '072190000099', birthDate: '1991-02-03' });
  expect(created.statusCode).toBeLessThan(300);
  const patched = await admin.patch(`/api/v1/members/${world.persons.an}`, { position: 'Giáo viên', phone: '0901234567' });
  expect(patched.statusCode).toBeLessThan(300);
  const renamed = await admin.post(`/api/v1/organisations/${world.orgs.cdcsA.id}/rename`, { name: 'Công đoàn cơ sở Trường THCS Phước Minh (mới)', effectiveOn: '2024-03-01', reason: 'Đổi tên theo quyết định' });
  expect(renamed.statusCode).toBeLessThan(300);
  await env.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'xem', password: 'sai' }, remoteAddress: '10.1.2.3' });

  source = await snapshot(env.url);
  file = path.join(tmp, 'nguon.vdb.gz');
  header = (await backupDatabase(env.database, file)).header;
}, 120_000);

afterAll(async () => {
  await env?.close();
  if (tmp) await fs.rm(tmp, { recursive: true, force: true });
});

describe('backup', () => {
  it('writes one gzip file: header with versions, migrations, tables (rows, SHA-256) and sequences, then COPY data', async () => {
    const bytes = await fs.readFile(file);
    expect(bytes.subarray(0, 2)).toEqual(Buffer.from([0x1f, 0x8b]));
    const { header: h, data } = unpack(bytes);
    expect(h).toEqual(header);
    expect(h.format).toBe('vinhdanh-backup');
    expect(h.formatVersion).toBe(1);
    expect(h.appVersion).toMatch(/^\d+\.\d+\.\d+/);
    expect(Date.parse(h.createdAt)).toBeGreaterThan(Date.now() - 600_000);

    // The migrations are drizzle's own record of this database.
    const applied = await env.database.pool.query<{ hash: string; created_at: string }>(`select hash, created_at::text as created_at from drizzle.__drizzle_migrations order by id`);
    expect(h.migrations.map((m) => [m.hash, m.createdAt])).toEqual(applied.rows.map((m) => [m.hash, Number(m.created_at)]));
    expect(h.migrations[0]!.tag).toBe('0000_extensions');

    // Every table of schema public, parents before children, with exact counts and checksums.
    expect(h.tables.map((t) => t.name).sort()).toEqual(Object.keys(source.tables).sort());
    const order = h.tables.map((t) => t.name);
    for (const [parent, child] of [['org_kind', 'organisation'], ['organisation', 'person'], ['person', 'app_user'], ['app_user', 'role_assignment'], ['person', 'membership']]) {
      expect(order.indexOf(parent!)).toBeLessThan(order.indexOf(child!));
    }
    for (const t of h.tables) {
      expect(t.rows, t.name).toBe(source.tables[t.name]!.length);
      expect(sha256(data.get(t.name)!), t.name).toBe(t.sha256);
    }
    expect(h.tables.find((t) => t.name === 'audit_event')!.rows).toBeGreaterThan(10);
    // Generated columns are not dumped (PostgreSQL recomputes them).
    const person = h.tables.find((t) => t.name === 'person')!;
    expect(person.columns).toContain('full_name');
    expect(person.columns).not.toContain('name_folded');
    expect(data.get('person')!.toString('utf8')).toContain('Nguyễn Thị Ánh');

    expect(Object.fromEntries(h.sequences.map((s) => [s.name, { lastValue: s.lastValue, isCalled: s.isCalled }]))).toEqual(source.sequences);
    expect(h.sequences.map((s) => s.name)).toEqual(expect.arrayContaining(['audit_event_id_seq', 'person_id_seq', 'member_code_seq']));
  });

  it('is deterministic: an unchanged database gives the same table checksums', async () => {
    const again = path.join(tmp, 'again.vdb.gz');
    const r = await backupDatabase(env.database, again);
    expect(r.header.tables).toEqual(header.tables);
  });

  it('refuses a database without the Vinh Danh schema (nothing to back up)', async () => {
    const blank = await blankDatabase();
    try {
      await expect(using(blank.url, (d) => backupDatabase(d, path.join(tmp, 'nothing.vdb.gz')))).rejects.toThrow(/no Vinh Danh schema/);
      await expect(fs.stat(path.join(tmp, 'nothing.vdb.gz'))).rejects.toThrow(/ENOENT/);
    } finally {
      await blank.drop();
    }
  });

  it('does not overwrite an existing file unless asked', async () => {
    await expect(backupDatabase(env.database, file)).rejects.toThrow(/already exists/);
    expect(unpack(await fs.readFile(file)).header).toEqual(header);
  });
});

describe('restore', () => {
  it('restores into an empty clone: every table and sequence equal, audit chain intact, new rows do not collide', async () => {
    const clone = await cloneDatabase();
    try {
      const r = await using(clone.url, (d) => restoreDatabase(d, file));
      expect(r.migratedBefore).toEqual([]);
      expect([...r.replacedSeedTables].sort()).toEqual([...SEEDED].sort());
      expect(r.tables.reduce((s, t) => s + t.rows, 0)).toBe(Object.values(source.tables).reduce((s, rows) => s + rows.length, 0));

      const restored = await snapshot(clone.url);
      for (const name of Object.keys(source.tables)) expect(restored.tables[name], name).toEqual(source.tables[name]);
      expect(restored.sequences).toEqual(source.sequences);

      await using(clone.url, async (d) => {
        const chain = await verifyAuditChain(d.db);
        expect(chain).toMatchObject({ ok: true, problems: [] });
        expect(chain.checked).toBe(source.tables.audit_event!.length);

        // Sequences continue after the restored rows: new inserts (and audit events) do not collide.
        const maxAudit = await d.pool.query<{ m: number }>(`select max(id) as m from audit_event`);
        const tld = await d.pool.query<{ id: number; path: string }>(`select id, path from organisation where code = 'TLD'`);
        const org = await createOrg(d.db, { code: 'MOI', name: 'Liên đoàn Lao động tỉnh Mới', kind: 'LDLD_TINH', parent: { id: Number(tld.rows[0]!.id), path: tld.rows[0]!.path, code: 'TLD' } });
        expect(org.id).toBeGreaterThan(Math.max(...source.tables.organisation!.map((o) => JSON.parse(o).id as number)));
        const userId = await createUser(d.db, 'nguoi.moi', [{ role: 'VIEWER', org }]);
        expect(userId).toBeGreaterThan(Math.max(...source.tables.app_user!.map((u) => JSON.parse(u).id as number)));
        const events = await d.pool.query<{ id: number }>(`select id from audit_event where id > $1`, [maxAudit.rows[0]!.m]);
        expect(events.rows.length).toBe(2); // user.create, user.grantRole
        expect((await verifyAuditChain(d.db)).ok).toBe(true);
      });
    } finally {
      await clone.drop();
    }
  });

  it('creates the schema first in a database without one, and reads back byte for byte', async () => {
    const blank = await blankDatabase();
    try {
      const r = await using(blank.url, (d) => restoreDatabase(d, file));
      expect(r.migratedBefore).toEqual(header.migrations.map((m) => m.tag));
      expect(r.migratedAfter).toEqual([]);
      expect(await snapshot(blank.url)).toEqual(source);
      // A backup of the restored database has the very same data.
      const again = await using(blank.url, (d) => backupDatabase(d, path.join(tmp, 'blank-again.vdb.gz')));
      expect(again.header.tables).toEqual(header.tables);
      expect(again.header.sequences).toEqual(header.sequences);
    } finally {
      await blank.drop();
    }
  });

  it('restores a backup of an older version: migrates to its level, loads, then applies the newer migrations', async () => {
    const code = codeMigrations();
    const older = await blankDatabase();
    const target = await blankDatabase();
    try {
      const olderFile = path.join(tmp, 'older.vdb.gz');
      await using(older.url, async (d) => {
        await migrateTo(d.db, code.length - 1);
        await createOrg(d.db, { code: 'TLD', name: 'Tổng Liên đoàn Lao động Việt Nam', kind: 'TLD' });
        await backupDatabase(d, olderFile);
      });
      const olderSnapshot = await snapshot(older.url);
      const r = await using(target.url, (d) => restoreDatabase(d, olderFile));
      expect(r.header.migrations.map((m) => m.tag)).toEqual(code.slice(0, -1).map((m) => m.tag));
      expect(r.migratedBefore).toEqual(code.slice(0, -1).map((m) => m.tag));
      expect(r.migratedAfter).toEqual([code.at(-1)!.tag]);
      const restored = await snapshot(target.url);
      // Rows come back as they were; a column the newer migrations added is new (and null).
      const before = (olderSnapshot.tables.organisation ?? []).map((row) => JSON.parse(row) as Record<string, unknown>);
      const after = (restored.tables.organisation ?? []).map((row) => JSON.parse(row) as Record<string, unknown>);
      expect(after).toHaveLength(before.length);
      expect(after.map((row, i) => Object.fromEntries(Object.keys(before[i]!).map((k) => [k, row[k]])))).toEqual(before);
      const applied = await using(target.url, (d) => d.pool.query<{ hash: string }>(`select hash from drizzle.__drizzle_migrations order by id`));
      expect(applied.rows.map((m) => m.hash)).toEqual(code.map((m) => m.hash));
    } finally {
      await older.drop();
      await target.drop();
    }
  });

  it('refuses a database that already has data, and changes nothing', async () => {
    await expect(restoreDatabase(env.database, file)).rejects.toThrow(/not empty.*organisation.*nothing was changed/s);
    expect(await snapshot(env.url)).toEqual(source);

    // Any row counts, not only organisations: here one failed login.
    const clone = await cloneDatabase();
    try {
      await using(clone.url, async (d) => {
        await d.pool.query(`insert into login_attempt (ip, username, succeeded) values ('10.0.0.1', 'x', false)`);
        const before = await snapshot(clone.url);
        await expect(restoreDatabase(d, file)).rejects.toThrow(/table login_attempt has rows/);
        expect(await snapshot(clone.url)).toEqual(before);
      });
    } finally {
      await clone.drop();
    }

    // A non-empty database of an older version is refused before it is migrated.
    const older = await blankDatabase();
    try {
      await using(older.url, async (d) => {
        await migrateTo(d.db, codeMigrations().length - 1);
        await createOrg(d.db, { code: 'TLD', name: 'Tổng Liên đoàn Lao động Việt Nam', kind: 'TLD' });
        await expect(restoreDatabase(d, file)).rejects.toThrow(/table organisation has rows/);
        const applied = await d.pool.query(`select 1 from drizzle.__drizzle_migrations`);
        expect(applied.rows.length).toBe(codeMigrations().length - 1);
      });
    } finally {
      await older.drop();
    }
  });

  describe('damaged files leave the target as it was', () => {
    let clone: Awaited<ReturnType<typeof cloneDatabase>>;
    let empty: Snapshot;
    beforeAll(async () => {
      clone = await cloneDatabase();
      empty = await snapshot(clone.url);
      expect(dataTables(empty)).toEqual([]);
    });
    afterAll(() => clone.drop());

    const attempt = async (bytes: Buffer, opts: { verifyFileFirst?: boolean } = {}) => {
      const bad = path.join(tmp, `bad-${crypto.randomBytes(3).toString('hex')}.vdb.gz`);
      await fs.writeFile(bad, bytes);
      const outcome = await using(clone.url, (d) => restoreDatabase(d, bad, opts)).then(
        () => null,
        (err: Error) => err,
      );
      expect(await snapshot(clone.url)).toEqual(empty);
      return outcome;
    };

    it('refuses flipped bytes', async () => {
      const bytes = Buffer.from(await fs.readFile(file));
      const original = gunzipSync(bytes);
      for (const at of [0.5, 0.75, 0.95]) {
        const copy = Buffer.from(bytes);
        // A few gzip header bytes (mtime, OS) are not covered by any check: use the next byte then.
        for (let i = Math.floor(copy.length * at); ; i++) {
          copy[i] = copy[i]! ^ 0xff;
          if (!decodesTo(copy, original)) break;
          copy[i] = copy[i]! ^ 0xff;
        }
        const err = await attempt(copy);
        expect(err?.message).toMatch(/damaged|truncated|not a readable/);
        const direct = await attempt(copy, { verifyFileFirst: false });
        expect(direct?.message).toMatch(/damaged|truncated|not a readable|failed/);
      }
    });

    it('refuses a truncated file', async () => {
      const bytes = await fs.readFile(file);
      for (const at of [0.3, 0.9]) {
        const cut = bytes.subarray(0, Math.floor(bytes.length * at));
        expect((await attempt(cut))?.message).toMatch(/truncated/);
        expect((await attempt(cut, { verifyFileFirst: false }))?.message).toMatch(/truncated/);
      }
      expect((await attempt(bytes.subarray(0, bytes.length - 3)))?.message).toMatch(/truncated/);
    });

    it('rolls back tables already loaded when a later table fails its checksum', async () => {
      const { header: h, data } = unpack(await fs.readFile(file));
      const last = [...h.tables].reverse().find((t) => t.rows > 0)!;
      last.sha256 = '0'.repeat(64);
      const err = await attempt(pack(h, data), { verifyFileFirst: false });
      expect(err?.message).toMatch(new RegExp(`checksum of table ${last.name} does not match`));
      expect(await checkBackupFile(file)).toEqual(header); // the original is fine
    });

    it('rolls back when PostgreSQL rejects a row (a consistent file with bad data)', async () => {
      const { header: h, data } = unpack(await fs.readFile(file));
      const person = data.get('person')!.toString('utf8').replace('\tFEMALE\t', '\tNU\t');
      data.set('person', Buffer.from(person));
      const t = h.tables.find((x) => x.name === 'person')!;
      t.sha256 = sha256(data.get('person')!);
      t.bytes = data.get('person')!.length;
      const err = await attempt(pack(h, data));
      expect(err?.message).toMatch(/Loading table person failed: .*person_gender_ck/);
    });

    it('refuses a backup from a version whose migrations this code does not have', async () => {
      const { header: h, data } = unpack(await fs.readFile(file));
      h.migrations.push({ hash: 'f'.repeat(64), createdAt: 4102444800000, tag: '9999_future' });
      const err = await attempt(pack(h, data));
      expect(err?.message).toMatch(/different or newer version.*9999_future/);
    });
  });

  it('works through the command line; `vinhdanh audit verify` passes on the restored database', async () => {
    const cliFile = path.join(tmp, 'cli.vdb.gz');
    const b = await cli(['backup', cliFile], env.url);
    expect(b.code, b.stderr).toBe(0);
    expect(b.stdout).toMatch(/Done \/ xong: \d+ tables, \d+ rows/);

    const blank = await blankDatabase();
    try {
      const r = await cli(['restore', cliFile], blank.url);
      expect(r.code, r.stderr).toBe(0);
      expect(r.stdout).toMatch(/audit_event\s+\d+ rows/);
      const v = await cli(['audit', 'verify'], blank.url);
      expect(v.code, v.stderr).toBe(0);
      expect(v.stdout).toMatch(/OK: \d+ audit events, chain intact/);

      const again = await cli(['restore', cliFile], blank.url);
      expect(again.code).toBe(1);
      expect(again.stderr).toMatch(/Error: The target database is not empty/);
      expect(again.stderr).toMatch(/Lỗi: Cơ sở dữ liệu đích không trống/);
    } finally {
      await blank.drop();
    }
  }, 180_000);

  it.runIf(serverReachable)('crosses kinds: restores into the PostgreSQL server at 127.0.0.1:5432 and back', async () => {
    const server = await blankDatabase(SERVER_URL, 'vd_bk_cross');
    const back = await blankDatabase();
    try {
      const version = await using(server.url, async (d) => (await d.pool.query<{ v: string }>(`select current_setting('server_version') as v`)).rows[0]!.v);
      await using(server.url, (d) => restoreDatabase(d, file));
      expect(await snapshot(server.url)).toEqual(source);
      await using(server.url, async (d) => expect((await verifyAuditChain(d.db)).ok).toBe(true));

      // And back from the server: the COPY text is byte-identical across versions.
      const fromServer = await using(server.url, (d) => backupDatabase(d, path.join(tmp, 'server.vdb.gz')));
      expect(fromServer.header.source.serverVersion).toBe(version);
      expect(fromServer.header.tables).toEqual(header.tables);
      await using(back.url, (d) => restoreDatabase(d, fromServer.file));
      expect(await snapshot(back.url)).toEqual(source);
    } finally {
      await server.drop();
      await back.drop();
    }
  }, 120_000);
});
