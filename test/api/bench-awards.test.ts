// Bench award records and funnel (`vinhdanh bench-data … --awards N --years Y`): generated into a
// small bench dataset with the triggers off and the indexes dropped, they come back with the indexes,
// foreign keys and triggers as before, the subject snapshot columns filled from the subjects, a
// realistic mix (mostly grassroots titles, a few revoked), rollups that give the base tables'
// figures, and a funnel of the last year; a second load is refused.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { cloneDatabase } from '../support/app';
import { connect, type Database } from '../../src/server/db/client';
import { BenchDataError, generateBenchData } from '../../src/server/seed/bench-data';
import { generateBenchAwards, generateBenchFunnel, type BenchAwardResult, type BenchFunnelResult } from '../../src/server/seed/bench-awards';
import { baseSource } from '../../src/server/modules/dashboard/dashboard.base';
import { rollupSource } from '../../src/server/modules/dashboard/dashboard.rollup';

type Clone = Awaited<ReturnType<typeof cloneDatabase>>;
let clone: Clone;
let database: Database;
let awards: BenchAwardResult;
let funnel: BenchFunnelResult;
let before: string[];

const defs = async (d: Database) =>
  (
    await d.db.execute<{ def: string }>(sql`
      select indexdef as def from pg_indexes where tablename = 'award_record'
      union all select conname || ' ' || pg_get_constraintdef(oid) from pg_constraint where conrelid = 'award_record'::regclass
      union all select tgname || ' ' || tgenabled::text from pg_trigger where tgrelid = 'award_record'::regclass and not tgisinternal
      order by 1`)
  ).rows.map((r) => r.def);
const one = async <T>(q: ReturnType<typeof sql>) => (await database.db.execute<T & Record<string, unknown>>(q)).rows[0]!;

beforeAll(async () => {
  clone = await cloneDatabase();
  database = connect(clone.url, 4);
  before = await defs(database);
  await generateBenchData(database.db, { members: 3000, perCdcs: 90, seed: 3 });
  awards = await generateBenchAwards(database.db, { awards: 8000, years: 10, seed: 3 });
  funnel = await generateBenchFunnel(database.db, { year: 2025, seed: 3 });
}, 120_000);

afterAll(async () => {
  await database?.close();
  await clone?.drop();
});

describe('bench award records', () => {
  it('restores the indexes, constraints and triggers of award_record', async () => {
    expect(await defs(database)).toEqual(before);
  });

  it('has about the records asked for, over the years asked for, mostly grassroots titles, a few revoked', async () => {
    const r = await one<{ n: number; lo: number; hi: number; grassroots: number; revoked: number; superseded: number; units: number }>(sql`
      select count(*)::int as n, min(year)::int as lo, max(year)::int as hi,
             count(*) filter (where award_code in ('LDTT', 'CSTD_CS', 'TTLDTT', 'CDCS_HTXSNV', 'TO_CD_VUNG_MANH', 'DVCD_XS', 'GK_CDCS'))::int as grassroots,
             count(*) filter (where status = 'REVOKED')::int as revoked, count(*) filter (where status = 'SUPERSEDED')::int as superseded,
             count(org_id)::int as units
      from award_record`);
    expect(r.n).toBe(awards.awards);
    expect(Math.abs(r.n - 8000) / 8000).toBeLessThan(0.15);
    expect([r.lo, r.hi]).toEqual([2016, 2025]);
    expect(r.grassroots / r.n).toBeGreaterThan(0.85);
    expect(r.revoked).toBeGreaterThan(0);
    expect(r.revoked / r.n).toBeLessThan(0.03);
    expect(r.units).toBe(awards.collectives);
  });

  it('fills the snapshot columns from the subjects', async () => {
    const r = await one<{ wrong: number }>(sql`
      select count(*)::int as wrong from award_record a
      left join person p on p.id = a.person_id left join organisation o on o.id = a.org_id left join org_kind k on k.code = o.kind
      where (a.person_id is not null and (a.subject_gender is distinct from p.gender or a.subject_is_leader is distinct from p.is_leader
                                          or a.subject_is_direct_worker is distinct from p.is_direct_worker))
         or (a.org_id is not null and a.subject_small is distinct from k.small_collective)`);
    expect(r.wrong).toBe(0);
  });

  it('leaves rollups that give the base tables’ figures', async () => {
    const orgs = (await database.db.execute<{ path: string }>(sql`select path from organisation where depth <= 2 order by id limit 12`)).rows;
    for (const { path } of orgs)
      for (const year of [2020, 2025]) {
        const s = { path, year };
        const norm = (x: unknown) => JSON.stringify(x, (_k, v: unknown) => (typeof v === 'string' && /^\d+$/.test(v) ? Number(v) : v));
        const sorted = (rows: unknown[]) => rows.map(norm).sort();
        expect(sorted(await rollupSource.awardCounts(database.db, s))).toEqual(sorted(await baseSource.awardCounts(database.db, s)));
        expect(sorted(await rollupSource.shareCounts(database.db, s))).toEqual(sorted(await baseSource.shareCounts(database.db, s)));
        expect(norm(await rollupSource.streaks(database.db, s))).toEqual(norm(await baseSource.streaks(database.db, s)));
      }
  });

  it('adds a funnel of the last year: registrations, nominations at every stage, their events', async () => {
    expect(funnel.registrations).toBeGreaterThan(0);
    expect(funnel.nominations).toBeGreaterThan(0);
    const root = await one<{ path: string }>(sql`select path from organisation where depth = 0`);
    const f = await baseSource.funnel(database.db, { path: root.path, year: 2025 });
    const by = Object.fromEntries(f.map((r) => [r.stage, Number(r.individuals) + Number(r.collectives)]));
    expect(by.REGISTERED).toBeGreaterThan(by.NOMINATED!);
    expect(by.NOMINATED).toBe(funnel.nominations);
    expect(by.NOMINATED).toBeGreaterThan(by.DECIDED!);
    expect(by.DECIDED).toBeGreaterThan(0);
  });

  it('refuses a second load', async () => {
    await expect(generateBenchAwards(database.db, { awards: 10, years: 1 })).rejects.toBeInstanceOf(BenchDataError);
    await expect(generateBenchFunnel(database.db, { year: 2025 })).rejects.toBeInstanceOf(BenchDataError);
  });
});
