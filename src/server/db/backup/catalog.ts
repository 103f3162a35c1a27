// What a backup contains, read from the PostgreSQL catalog: the tables of schema public in
// foreign-key order with their stored (non-generated) columns and primary keys, the sequences,
// and the migrations drizzle has applied.
import fs from 'node:fs';
import path from 'node:path';
import type pg from 'pg';
import { readMigrationFiles } from 'drizzle-orm/migrator';
import { MIGRATIONS_DIR } from '../migrate';
import { REFERENCE_TABLES } from '../reference-data';
import { BackupError, type OrderBy } from './format';

/** Where drizzle records applied migrations (drizzle-orm's defaults, which migrate.ts uses). */
export const MIGRATIONS_TABLE = 'drizzle.__drizzle_migrations';

export interface TableInfo {
  name: string;
  /** Stored columns in attribute order; generated columns (e.g. person.name_folded) are left out. */
  columns: string[];
  orderBy: OrderBy;
}

export interface Migration {
  hash: string;
  createdAt: number;
  tag: string | null;
}

/** Tables of schema public, parents before children (a table's foreign keys point backwards). */
export async function listTables(client: pg.ClientBase): Promise<TableInfo[]> {
  const tables = await client.query<{ oid: string; name: string }>(`
    select c.oid::int8::text as oid, c.relname as name
    from pg_class c
    where c.relnamespace = 'public'::regnamespace and c.relkind in ('r', 'p') and not c.relispartition
    order by c.relname`);
  const columns = await client.query<{ oid: string; name: string; generated: string; collatable: boolean }>(`
    select a.attrelid::int8::text as oid, a.attname::text as name, a.attgenerated::text as generated, a.attcollation <> 0 as collatable
    from pg_attribute a join pg_class c on c.oid = a.attrelid
    where c.relnamespace = 'public'::regnamespace and c.relkind in ('r', 'p') and a.attnum > 0 and not a.attisdropped
    order by a.attrelid, a.attnum`);
  const keys = await client.query<{ oid: string; cols: string[] }>(`
    select i.indrelid::int8::text as oid, array_agg(a.attname::text order by k.ord) as cols
    from pg_index i
    join pg_class c on c.oid = i.indrelid
    cross join lateral unnest(i.indkey::int2[]) with ordinality as k(attnum, ord)
    join pg_attribute a on a.attrelid = i.indrelid and a.attnum = k.attnum
    where i.indisprimary and c.relnamespace = 'public'::regnamespace
    group by i.indrelid`);
  const fks = await client.query<{ child: string; parent: string }>(`
    select distinct conrelid::int8::text as child, confrelid::int8::text as parent
    from pg_constraint
    where contype = 'f' and connamespace = 'public'::regnamespace`);

  const byOid = new Map(tables.rows.map((t) => [t.oid, t.name]));
  const colsOf = new Map<string, { name: string; generated: boolean; collatable: boolean }[]>();
  for (const c of columns.rows) {
    const list = colsOf.get(c.oid) ?? [];
    list.push({ name: c.name, generated: c.generated !== '', collatable: c.collatable });
    colsOf.set(c.oid, list);
  }
  const pkOf = new Map(keys.rows.map((k) => [k.oid, k.cols]));

  const info = new Map<string, TableInfo>();
  for (const t of tables.rows) {
    const cols = colsOf.get(t.oid) ?? [];
    const stored = cols.filter((c) => !c.generated).map((c) => c.name);
    if (stored.length === 0) continue; // nothing to copy
    const pk = pkOf.get(t.oid);
    const orderBy: OrderBy = pk ? pk.map((column) => ({ column, collateC: cols.find((c) => c.name === column)?.collatable ?? false })) : null;
    info.set(t.name, { name: t.name, columns: stored, orderBy });
  }

  // Kahn's algorithm, alphabetical among ready tables; self-references need no ordering (COPY
  // checks foreign keys at the end of the statement).
  const parents = new Map<string, Set<string>>([...info.keys()].map((n) => [n, new Set<string>()]));
  for (const fk of fks.rows) {
    const child = byOid.get(fk.child);
    const parent = byOid.get(fk.parent);
    if (!child || !parent || child === parent || !info.has(child) || !info.has(parent)) continue;
    parents.get(child)!.add(parent);
  }
  const ordered: TableInfo[] = [];
  const done = new Set<string>();
  while (done.size < info.size) {
    const ready = [...info.keys()].filter((n) => !done.has(n) && [...parents.get(n)!].every((p) => done.has(p))).sort();
    if (ready.length === 0) {
      const rest = [...info.keys()].filter((n) => !done.has(n)).join(', ');
      throw new BackupError(
        `The foreign keys between tables ${rest} form a cycle; this backup format cannot order them.`,
        `Khóa ngoại giữa các bảng ${rest} tạo thành vòng lặp; định dạng sao lưu này không sắp xếp được.`,
      );
    }
    for (const n of ready) {
      ordered.push(info.get(n)!);
      done.add(n);
    }
  }
  return ordered;
}

export async function listSequences(client: pg.ClientBase): Promise<string[]> {
  const r = await client.query<{ name: string }>(`
    select c.relname::text as name from pg_class c
    where c.relkind = 'S' and c.relnamespace = 'public'::regnamespace
    order by 1`);
  return r.rows.map((s) => s.name);
}

/** Applied migrations, oldest first; empty when drizzle has never run on this database. */
export async function appliedMigrations(client: pg.ClientBase): Promise<Migration[]> {
  const exists = await client.query<{ t: string | null }>(`select to_regclass($1)::text as t`, [MIGRATIONS_TABLE]);
  if (!exists.rows[0]?.t) return [];
  const r = await client.query<{ hash: string; created_at: string }>(`select hash, created_at::text as created_at from ${MIGRATIONS_TABLE} order by id`);
  const tags = new Map(codeMigrations().map((m) => [m.createdAt, m.tag]));
  return r.rows.map((m) => ({ hash: m.hash, createdAt: Number(m.created_at), tag: tags.get(Number(m.created_at)) ?? null }));
}

interface Journal {
  entries: { idx: number; when: number; tag: string; breakpoints: boolean }[];
}

export function readJournal(dir = MIGRATIONS_DIR): Journal {
  return JSON.parse(fs.readFileSync(path.join(dir, 'meta', '_journal.json'), 'utf8')) as Journal;
}

/** The migrations this version of the code ships, as drizzle identifies them (hash of the file, journal time). */
export function codeMigrations(): (Migration & { tag: string })[] {
  const files = readMigrationFiles({ migrationsFolder: MIGRATIONS_DIR });
  const journal = readJournal();
  return files.map((f, i) => ({ hash: f.hash, createdAt: f.folderMillis, tag: journal.entries[i]!.tag }));
}

/**
 * Tables that the migrations themselves fill with reference rows (`INSERT INTO org_kind …`): in a
 * freshly migrated database they are not empty, yet hold no data of the installation. The same
 * holds for the reference data seeded right after the migrations (src/server/db/reference-data.ts).
 */
export function migrationSeededTables(): Set<string> {
  const journal = readJournal();
  const seeded = new Set<string>(REFERENCE_TABLES);
  for (const e of journal.entries) {
    const text = fs.readFileSync(path.join(MIGRATIONS_DIR, `${e.tag}.sql`), 'utf8');
    for (const m of text.matchAll(/\binsert\s+into\s+(?:"?public"?\.)?"?([A-Za-z_][A-Za-z0-9_]*)"?/gi)) seeded.add(m[1]!);
  }
  return seeded;
}

export function sameMigration(a: Migration, b: Migration): boolean {
  return a.hash === b.hash && a.createdAt === b.createdAt;
}

export function describeMigration(m: Migration): string {
  return m.tag ?? `${m.createdAt} (${m.hash.slice(0, 12)}…)`;
}
