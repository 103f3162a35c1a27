// The national dataset the national benchmarks measure: a database generated beforehand
// (BENCH_NATIONAL_DB=postgres://…/vd_national, measured as is) or one generated here with bench-data
// (embedded, or a fresh database on BENCH_DATABASE_URL) — and the scopes they time: the national root
// and the largest province (most award records of the year), plus a district and two grassroots
// unions of that province for checks.
//
// Sizes when generating: BENCH_NATIONAL_MEMBERS (default 200,000; the national set is 11,300,000),
// BENCH_NATIONAL_AWARDS (default members × 30/11.3, i.e. 30 million for the national set),
// BENCH_NATIONAL_PER_CDCS (default 90).
import { sql } from 'drizzle-orm';
import { connect, type Database, type Db } from '../../src/server/db/client';
import type { AuthActor } from '../../src/server/lib/actor';
import { generateBenchData } from '../../src/server/seed/bench-data';
import { generateBenchAwards, generateBenchFunnel } from '../../src/server/seed/bench-awards';
import { onCleanup, openBenchDatabase } from './database';
import { envInt } from './results';

export interface NationalDatabase {
  database: Database;
  postgres: string;
  /** Seconds spent generating, or null for a database generated beforehand. */
  generation: Record<string, number> | null;
}

export type Scope = {
  id: number;
  path: string;
  name: string;
};

export async function openNationalDatabase(label: string, year: number): Promise<NationalDatabase> {
  const existing = process.env.BENCH_NATIONAL_DB;
  if (existing) {
    const database = connect(existing, 10);
    onCleanup(() => database.close());
    const v = await database.pool.query<{ server_version: string }>('show server_version');
    return { database, postgres: `PostgreSQL ${v.rows[0]!.server_version} (BENCH_NATIONAL_DB, generated beforehand)`, generation: null };
  }
  const bdb = await openBenchDatabase(process.env.BENCH_DATABASE_URL ? `${label}_server` : `${label}_embedded`);
  const members = envInt('BENCH_NATIONAL_MEMBERS', 200_000);
  const log = (m: string) => console.log(`  ${m}`);
  const m = await generateBenchData(bdb.db, { members, perCdcs: envInt('BENCH_NATIONAL_PER_CDCS', 90), log });
  const a = await generateBenchAwards(bdb.db, { awards: envInt('BENCH_NATIONAL_AWARDS', Math.round((members * 30) / 11.3)), years: 10, lastYear: year, log });
  const f = await generateBenchFunnel(bdb.db, { year, log });
  const generation = { membersSeconds: m.totalSeconds, awardsSeconds: a.totalSeconds, rollupSeconds: a.stages.rollups ?? 0, funnelSeconds: f.seconds };
  return { database: bdb, postgres: bdb.postgres, generation };
}

/** The national root, the province with the most award records of the year, and a district and two grassroots unions of it. */
export async function nationalScopes(db: Db, year: number): Promise<{ root: Scope; province: Scope & { awards: number }; district: Scope; cdcs: Scope[] }> {
  const root = (await db.execute<Scope>(sql`select id, path, name from organisation where depth = 0 order by id limit 1`)).rows[0]!;
  const province = (
    await db.execute<Scope & { awards: number }>(sql`
      select o.id, o.path, o.name, (select coalesce(sum(individuals + collectives), 0)::int from dash_award_rollup where prefix = o.path and year = ${year}) as awards
      from organisation o where o.depth = 1 order by awards desc, o.id limit 1`)
  ).rows[0]!;
  const district = (await db.execute<Scope>(sql`select id, path, name from organisation where depth = 2 and path like ${`${province.path}%`} order by id limit 1`)).rows[0]!;
  const cdcs = (await db.execute<Scope>(sql`select id, path, name from organisation where depth = 3 and path like ${`${district.path}%`} order by id limit 2`)).rows;
  const num = <T extends Scope>(s: T): T => ({ ...s, id: Number(s.id) });
  return { root: num(root), province: num(province), district: num(district), cdcs: cdcs.map(num) };
}

/** A system administrator at `org`, for calling services in-process (no session). */
export function adminActorAt(org: Scope): AuthActor {
  return {
    userId: 0, username: 'bench', displayName: 'Bench', locale: 'vi', personId: null, csrfToken: '', sessionHash: '',
    roles: [{ id: 0, role: 'SYSTEM_ADMIN', orgId: org.id, orgPath: org.path, orgName: org.name }],
  };
}
