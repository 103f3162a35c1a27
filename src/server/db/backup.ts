// Backup and restore as a portable logical dump: works between the embedded PostgreSQL 18 and a
// PostgreSQL 15+ server in either direction, without pg_dump. The file format is described in
// ./backup/format.ts.
//
// Backup reads every table of schema public in one REPEATABLE READ READ ONLY transaction (one
// consistent snapshot) with COPY … TO STDOUT, streaming: no table is ever held in memory.
// Restore refuses a non-empty target, brings an empty one to the backup's migration level, then
// loads everything in ONE transaction (COPY … FROM STDIN in foreign-key order, setval for every
// sequence, then reads every table back and compares row counts and SHA-256 with the header):
// any failure rolls the whole restore back.
import crypto from 'node:crypto';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { once } from 'node:events';
import { Readable, type Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGzip, gzipSync } from 'node:zlib';
import type pg from 'pg';
import { from as copyFrom, to as copyTo } from 'pg-copy-streams';
import { migrate } from 'drizzle-orm/node-postgres/migrator';
import type { Database, Db } from './client';
import { MIGRATIONS_DIR, runMigrations } from './migrate';
import {
  appliedMigrations,
  codeMigrations,
  describeMigration,
  listSequences,
  listTables,
  migrationSeededTables,
  readJournal,
  sameMigration,
  type Migration,
} from './backup/catalog';
import {
  asReadError,
  BackupError,
  corrupted,
  FORMAT_VERSION,
  ident,
  MAGIC,
  openBackup,
  qualified,
  selectForCopy,
  SESSION_SETTINGS,
  type BackupHeader,
  type ByteReader,
  type TableEntry,
} from './backup/format';

export { BackupError, type BackupHeader } from './backup/format';

export type Log = (message: string) => void;

function appVersion(): string {
  try {
    const pkg = JSON.parse(fs.readFileSync(path.join(MIGRATIONS_DIR, '..', 'package.json'), 'utf8')) as { version?: string };
    return pkg.version ?? 'unknown';
  } catch {
    return 'unknown';
  }
}

function countNewlines(chunk: Buffer): number {
  let n = 0;
  for (let i = chunk.indexOf(10); i >= 0; i = chunk.indexOf(10, i + 1)) n++;
  return n;
}

async function writeChunk(w: Writable, chunk: Buffer): Promise<void> {
  if (w.destroyed) throw w.errored ?? new Error('output closed');
  if (!w.write(chunk)) await once(w, 'drain');
}

async function applySessionSettings(client: pg.ClientBase, extra: [string, string][] = []): Promise<void> {
  const all = [...SESSION_SETTINGS, ...extra];
  await client.query(`select set_config(k, v, true) from unnest($1::text[], $2::text[]) as s(k, v)`, [all.map((s) => s[0]), all.map((s) => s[1])]);
}

/** COPY text of a table in the header's row order, hashed and counted as it streams by. */
async function readTable(client: pg.ClientBase, t: Pick<TableEntry, 'name' | 'columns' | 'orderBy'>, sink?: Writable) {
  const hash = crypto.createHash('sha256');
  let bytes = 0;
  let rows = 0;
  const stream = client.query(copyTo(`COPY (${selectForCopy(t.name, t.columns, t.orderBy)}) TO STDOUT`));
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    hash.update(chunk);
    bytes += chunk.length;
    rows += countNewlines(chunk);
    if (sink) await writeChunk(sink, chunk);
  }
  return { rows, bytes, sha256: hash.digest('hex'), serverRows: stream.rowCount };
}

// ---------------------------------------------------------------------------------------------
// Backup

export interface BackupResult {
  file: string;
  bytes: number;
  header: BackupHeader;
  ms: number;
}

export async function backupDatabase(
  database: { pool: pg.Pool },
  file: string,
  opts: { overwrite?: boolean; log?: Log } = {},
): Promise<BackupResult> {
  const t0 = Date.now();
  const log = opts.log ?? (() => {});
  const target = path.resolve(file);
  if (!opts.overwrite && fs.existsSync(target)) {
    throw new BackupError(`${target} already exists; choose another file name (or --force to replace it).`, `${target} đã tồn tại; hãy chọn tên tệp khác (hoặc --force để ghi đè).`);
  }
  await fsp.mkdir(path.dirname(target), { recursive: true });
  const tmp = `${target}.${process.pid}-${crypto.randomBytes(4).toString('hex')}.tmp`;
  const dataTmp = `${tmp}-data`;

  const client = await database.pool.connect();
  let clientOk = false;
  try {
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    await applySessionSettings(client);
    const tables = await listTables(client);
    const sequenceNames = await listSequences(client);
    const migrations = await appliedMigrations(client);
    if (migrations.length === 0) {
      throw new BackupError(
        'This database has no Vinh Danh schema (no migrations were ever applied): there is nothing to back up. Check DATABASE_URL / DATA_DIR.',
        'Cơ sở dữ liệu này chưa có lược đồ Vinh Danh (chưa chạy migration nào): không có gì để sao lưu. Hãy kiểm tra DATABASE_URL / DATA_DIR.',
      );
    }
    // now() is the start of this transaction, i.e. the moment of the snapshot.
    const server = await client.query<{ version: string; db: string; at: Date }>(`select current_setting('server_version') as version, current_database()::text as db, now() as at`);

    // Table data into a temporary gzip member: the header, which needs the counts and checksums,
    // goes in front of it afterwards.
    const gz = createGzip();
    const written = pipeline(gz, fs.createWriteStream(dataTmp, { flags: 'wx', mode: 0o600 }));
    written.catch(() => {}); // awaited below; a failure also destroys gz, which stops writeChunk
    const entries: TableEntry[] = [];
    for (const t of tables) {
      const r = await readTable(client, t, gz);
      if (r.serverRows !== r.rows) throw new Error(`COPY of ${t.name}: the server reported ${r.serverRows} rows, ${r.rows} lines were read`);
      entries.push({ name: t.name, columns: t.columns, orderBy: t.orderBy, rows: r.rows, bytes: r.bytes, sha256: r.sha256 });
      log(`  ${t.name.padEnd(24)} ${String(r.rows).padStart(9)} rows`);
    }
    gz.end();
    await written;

    // Sequences are not transactional: read after the data, they are at least as far as any row.
    const sequences: BackupHeader['sequences'] = [];
    for (const name of sequenceNames) {
      const s = await client.query<{ last_value: string; is_called: boolean }>(`select last_value::text as last_value, is_called from ${qualified(name)}`);
      sequences.push({ name, lastValue: s.rows[0]!.last_value, isCalled: s.rows[0]!.is_called });
    }
    await client.query('COMMIT');
    clientOk = true;

    const header: BackupHeader = {
      format: 'vinhdanh-backup',
      formatVersion: FORMAT_VERSION,
      appVersion: appVersion(),
      createdAt: new Date(server.rows[0]!.at).toISOString(),
      source: { serverVersion: server.rows[0]!.version, database: server.rows[0]!.db },
      settings: Object.fromEntries(SESSION_SETTINGS),
      migrations,
      tables: entries,
      sequences,
    };
    // Header member, then the data member appended as it is; synced before it takes the final name.
    await fsp.writeFile(tmp, gzipSync(Buffer.from(`${MAGIC} ${FORMAT_VERSION}\n${JSON.stringify(header)}\n`, 'utf8')), { flag: 'wx', mode: 0o600 });
    await pipeline(fs.createReadStream(dataTmp), fs.createWriteStream(tmp, { flags: 'a' }));
    const fh = await fsp.open(tmp, 'r+');
    try {
      await fh.sync();
    } finally {
      await fh.close();
    }
    await fsp.rename(tmp, target);
    const { size } = await fsp.stat(target);
    return { file: target, bytes: size, header, ms: Date.now() - t0 };
  } finally {
    // A failed COPY can leave the connection mid-protocol: drop it (the snapshot was read-only).
    client.release(clientOk ? undefined : true);
    await fsp.rm(dataTmp, { force: true });
    await fsp.rm(tmp, { force: true });
  }
}

// ---------------------------------------------------------------------------------------------
// Checking a file

/** Reads a whole backup file and checks every table's size, row count and SHA-256. */
export async function checkBackupFile(file: string): Promise<BackupHeader> {
  const { header, reader, close } = await openBackup(file);
  try {
    for (const t of header.tables) {
      const hash = crypto.createHash('sha256');
      let rows = 0;
      for await (const chunk of reader.take(t.bytes)) {
        hash.update(chunk);
        rows += countNewlines(chunk);
      }
      if (hash.digest('hex') !== t.sha256) throw checksumMismatch(t.name);
      if (rows !== t.rows) throw corrupted(`table ${t.name} has ${rows} rows instead of ${t.rows}`);
    }
    if (!(await reader.atEnd())) throw corrupted('unexpected data after the last table');
    return header;
  } catch (err) {
    throw asReadError(err);
  } finally {
    close();
  }
}

function checksumMismatch(table: string): BackupError {
  return new BackupError(`The backup file is damaged: the checksum of table ${table} does not match.`, `Tệp sao lưu bị hỏng: tổng kiểm (SHA-256) của bảng ${table} không khớp.`);
}

// ---------------------------------------------------------------------------------------------
// Restore

export interface RestoreResult {
  header: BackupHeader;
  tables: { name: string; rows: number }[];
  sequences: number;
  /** Migrations applied before loading (to reach the backup's level) and after (to reach the code's). */
  migratedBefore: string[];
  migratedAfter: string[];
  /** Tables filled by the migrations themselves whose default rows were replaced by the backup's. */
  replacedSeedTables: string[];
  warnings: string[];
  ms: number;
}

export interface RestoreOptions {
  log?: Log;
  /** Check the whole file before touching the database (default true). Tests turn it off to exercise rollback. */
  verifyFileFirst?: boolean;
}

function isPrefix(prefix: Migration[], of: Migration[]): number {
  // Index of the first difference, or -1 when `prefix` is a prefix of (or equal to) `of`.
  for (let i = 0; i < prefix.length; i++) if (!of[i] || !sameMigration(prefix[i]!, of[i]!)) return i;
  return -1;
}

/** Applies the code's first `count` migrations (all of them: the usual runMigrations). */
export async function migrateTo(db: Db, count: number, total = codeMigrations().length): Promise<void> {
  if (count >= total) return runMigrations(db);
  const dir = await fsp.mkdtemp(path.join(os.tmpdir(), 'vd-migrations-'));
  try {
    const journal = readJournal();
    const entries = journal.entries.slice(0, count);
    await fsp.mkdir(path.join(dir, 'meta'));
    await fsp.writeFile(path.join(dir, 'meta', '_journal.json'), JSON.stringify({ ...journal, entries }));
    for (const e of entries) await fsp.copyFile(path.join(MIGRATIONS_DIR, `${e.tag}.sql`), path.join(dir, `${e.tag}.sql`));
    await migrate(db, { migrationsFolder: dir });
  } finally {
    await fsp.rm(dir, { recursive: true, force: true });
  }
}

async function rollbackOrDrop(client: pg.PoolClient): Promise<boolean> {
  try {
    await Promise.race([
      client.query('ROLLBACK'),
      new Promise((_, reject) => setTimeout(() => reject(new Error('rollback timed out')), 10_000).unref()),
    ]);
    return true;
  } catch {
    return false; // closing the connection makes the server roll back
  }
}

export async function restoreDatabase(database: Database, file: string, opts: RestoreOptions = {}): Promise<RestoreResult> {
  const t0 = Date.now();
  const log = opts.log ?? (() => {});
  const warnings: string[] = [];

  // 1. The file. By default every byte is checked before the database is touched.
  let header: BackupHeader;
  if (opts.verifyFileFirst === false) {
    const opened = await openBackup(file);
    opened.close();
    header = opened.header;
  } else {
    log('Checking the backup file…');
    header = await checkBackupFile(file);
  }

  // 2. Migrations: the backup's must be a prefix of (or equal to) the code's.
  const code = codeMigrations();
  const diff = isPrefix(header.migrations, code);
  if (diff >= 0) {
    const m = header.migrations[diff]!;
    throw new BackupError(
      `The backup was made by a different or newer version of Vinh Danh (${header.appVersion}): its migration ${describeMigration(m)} is not one of this version's migrations. Restore it with the matching version.`,
      `Bản sao lưu được tạo bởi phiên bản Vinh Danh khác hoặc mới hơn (${header.appVersion}): migration ${describeMigration(m)} không có trong phiên bản này. Hãy phục hồi bằng phiên bản tương ứng.`,
    );
  }

  // 3. The target: UTF-8, empty, migrations consistent with the code, brought to the backup's level.
  const seeded = migrationSeededTables();
  let applied: Migration[];
  const probe = await database.pool.connect();
  try {
    const enc = await probe.query<{ e: string }>(`select current_setting('server_encoding') as e`);
    if (enc.rows[0]!.e !== 'UTF8') {
      throw new BackupError(`The target database uses encoding ${enc.rows[0]!.e}; Vinh Danh needs UTF8.`, `Cơ sở dữ liệu đích dùng bảng mã ${enc.rows[0]!.e}; Vinh Danh cần UTF8.`);
    }
    applied = await appliedMigrations(probe);
    // Checked before migrating anything, and again under lock in the restore transaction.
    await refuseUnlessEmpty(probe, await listTables(probe), seeded);
  } finally {
    probe.release();
  }
  const targetDiff = isPrefix(applied, code);
  if (targetDiff >= 0) {
    throw new BackupError(
      `The target database has migration ${describeMigration(applied[targetDiff]!)} that this version of Vinh Danh does not know; it is not a database of this version.`,
      `Cơ sở dữ liệu đích có migration ${describeMigration(applied[targetDiff]!)} mà phiên bản này không biết; đó không phải cơ sở dữ liệu của phiên bản này.`,
    );
  }
  const migratedBefore: string[] = [];
  if (applied.length < header.migrations.length) {
    log(applied.length === 0 ? 'Creating the schema (migrations)…' : 'Applying migrations up to the backup’s level…');
    await migrateTo(database.db, header.migrations.length, code.length);
    migratedBefore.push(...code.slice(applied.length, header.migrations.length).map((m) => m.tag));
  } else if (applied.length > header.migrations.length) {
    warnings.push(
      `The target schema is newer than the backup (migrations ${code.slice(header.migrations.length, applied.length).map((m) => m.tag).join(', ')} were applied before the data was loaded, so any data changes they make were not applied to the restored rows).`,
    );
  }

  // 4. One transaction: refuse unless empty, load, set sequences, read back and compare, commit.
  const client = await database.pool.connect();
  let keep = true;
  const loaded: RestoreResult['tables'] = [];
  const replacedSeedTables: string[] = [];
  try {
    await client.query('BEGIN');
    await applySessionSettings(client, [['lock_timeout', '15s']]);
    const tables = await listTables(client);
    const byName = new Map(tables.map((t) => [t.name, t]));
    for (const t of header.tables) {
      const there = byName.get(t.name);
      const missing = there ? t.columns.filter((c) => !there.columns.includes(c)) : [];
      if (!there || missing.length) {
        const what = there ? `columns ${missing.join(', ')} of table ${t.name}` : `table ${t.name}`;
        throw new BackupError(`The target database has no ${what}; it does not match the backup's schema.`, `Cơ sở dữ liệu đích không có ${what}; không khớp với lược đồ của bản sao lưu.`);
      }
    }
    // Writers wait (readers do not) until the restore commits or rolls back.
    if (tables.length) await client.query(`LOCK TABLE ${tables.map((t) => qualified(t.name)).join(', ')} IN EXCLUSIVE MODE`);

    await refuseUnlessEmpty(client, tables, seeded);
    // Reference rows inserted by the migrations (org_kind) are replaced by the backup's own.
    const inBackup = new Set(header.tables.map((t) => t.name));
    for (const t of [...tables].reverse()) {
      if (!seeded.has(t.name) || !inBackup.has(t.name)) continue;
      const r = await client.query(`DELETE FROM ${qualified(t.name)}`);
      if (r.rowCount) replacedSeedTables.push(t.name);
    }

    log('Loading tables…');
    const opened = await openBackup(file);
    try {
      if (JSON.stringify(opened.header) !== JSON.stringify(header)) throw corrupted('the file changed while it was being restored');
      for (const t of header.tables) {
        await loadTable(client, opened.reader, t);
        loaded.push({ name: t.name, rows: t.rows });
        log(`  ${t.name.padEnd(24)} ${String(t.rows).padStart(9)} rows`);
      }
      if (!(await opened.reader.atEnd())) throw corrupted('unexpected data after the last table');
    } finally {
      opened.close();
    }

    const sequences = new Set(await listSequences(client));
    for (const s of header.sequences) {
      if (!sequences.has(s.name)) {
        throw new BackupError(`The target database has no sequence ${s.name}; it does not match the backup's schema.`, `Cơ sở dữ liệu đích không có sequence ${s.name}; không khớp với lược đồ của bản sao lưu.`);
      }
      await client.query(`select setval($1::regclass, $2::bigint, $3::boolean)`, [qualified(s.name), s.lastValue, s.isCalled]);
    }

    log('Verifying…');
    for (const t of header.tables) {
      const r = await readTable(client, t);
      if (r.rows !== t.rows || r.sha256 !== t.sha256) {
        throw new BackupError(
          `After loading, table ${t.name} does not read back as in the backup (${r.rows} rows, expected ${t.rows}${r.rows === t.rows ? '; contents differ' : ''}).`,
          `Sau khi nạp, bảng ${t.name} không giống bản sao lưu (${r.rows} dòng, cần ${t.rows}${r.rows === t.rows ? '; nội dung khác' : ''}).`,
        );
      }
    }
    await client.query('COMMIT');
  } catch (err) {
    keep = await rollbackOrDrop(client);
    throw asReadError(err);
  } finally {
    client.release(keep ? undefined : true);
  }

  // 5. Migrations newer than the backup run on the restored data, as they would have in place.
  const migratedAfter: string[] = [];
  if (header.migrations.length < code.length && applied.length < code.length) {
    log('Applying the newer migrations…');
    await runMigrations(database.db);
    migratedAfter.push(...code.slice(Math.max(header.migrations.length, applied.length)).map((m) => m.tag));
  }
  return { header, tables: loaded, sequences: header.sequences.length, migratedBefore, migratedAfter, replacedSeedTables, warnings, ms: Date.now() - t0 };
}

/** Refuses unless every table is empty, apart from the reference rows the migrations insert. */
async function refuseUnlessEmpty(client: pg.ClientBase, tables: { name: string }[], seeded: Set<string>): Promise<void> {
  const nonEmpty: string[] = [];
  for (const t of tables) {
    if (seeded.has(t.name)) continue;
    const r = await client.query<{ x: boolean }>(`select exists (select 1 from ${qualified(t.name)}) as x`);
    if (r.rows[0]!.x) nonEmpty.push(t.name);
  }
  if (nonEmpty.length) {
    const many = nonEmpty.length > 1;
    throw new BackupError(
      `The target database is not empty (table${many ? 's' : ''} ${nonEmpty.join(', ')} ${many ? 'have' : 'has'} rows). Restore only into an empty database; nothing was changed.`,
      `Cơ sở dữ liệu đích không trống (bảng ${nonEmpty.join(', ')} đã có dữ liệu). Chỉ phục hồi vào cơ sở dữ liệu trống; không có gì bị thay đổi.`,
    );
  }
}

async function loadTable(client: pg.ClientBase, reader: ByteReader, t: TableEntry): Promise<void> {
  const hash = crypto.createHash('sha256');
  let rows = 0;
  let serverRows = 0;
  if (t.bytes > 0) {
    const copy = client.query(copyFrom(`COPY ${qualified(t.name)} (${t.columns.map(ident).join(', ')}) FROM STDIN`));
    async function* data() {
      for await (const chunk of reader.take(t.bytes)) {
        hash.update(chunk);
        rows += countNewlines(chunk);
        yield chunk;
      }
    }
    try {
      await pipeline(Readable.from(data()), copy);
    } catch (err) {
      if (err instanceof BackupError || !(err instanceof Error) || !('severity' in err)) throw err;
      throw new BackupError(`Loading table ${t.name} failed: ${err.message}`, `Nạp bảng ${t.name} thất bại: ${err.message}`);
    }
    serverRows = copy.rowCount;
  }
  if (hash.digest('hex') !== t.sha256) throw checksumMismatch(t.name);
  if (rows !== t.rows || serverRows !== t.rows) throw corrupted(`table ${t.name} has ${serverRows} rows instead of ${t.rows}`);
}
