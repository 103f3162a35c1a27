// The synthetic national dataset (`vinhdanh bench-data`): a small instance generated into a fresh
// database must have the same structure as real data (tree, paths, memberships, unique identity
// numbers, searchable Vietnamese names) and must never be loaded over existing data.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { cloneDatabase } from '../support/app';
import { connect, type Database } from '../../src/server/db/client';
import { BenchDataError, generateBenchData, type BenchDataResult } from '../../src/server/seed/bench-data';
import { listMembers } from '../../src/server/modules/members/members.repository';

const MEMBERS = 5000;
type Clone = Awaited<ReturnType<typeof cloneDatabase>>;

let clone: Clone;
let database: Database;
let result: BenchDataResult;
let schemaBefore: string[];

const schemaOf = async (d: Database) =>
  (
    await d.db.execute<{ def: string }>(sql`
      select indexdef as def from pg_indexes where tablename in ('person', 'membership')
      union all
      select conrelid::regclass || ' ' || conname || ' ' || pg_get_constraintdef(oid) from pg_constraint where conrelid in ('person'::regclass, 'membership'::regclass)
      order by 1`)
  ).rows.map((r) => r.def);

const one = async <T>(q: ReturnType<typeof sql>) => (await database.db.execute<T & Record<string, unknown>>(q)).rows[0]!;

beforeAll(async () => {
  clone = await cloneDatabase();
  database = connect(clone.url, 4);
  schemaBefore = await schemaOf(database);
  result = await generateBenchData(database.db, { members: MEMBERS, seed: 7 });
}, 120_000);

afterAll(async () => {
  await database?.close();
  await clone?.drop();
});

describe('bench-data', () => {
  it('builds TLĐ → 34 provinces → 8 district-level unions each → ≈ N/40 CĐCS, some with tổ công đoàn', async () => {
    const kinds = await database.db.execute<{ depth: number; kind: string; n: number }>(sql`
      select depth, kind, count(*)::int as n from organisation group by depth, kind order by depth, kind`);
    const count = (depth: number) => kinds.rows.filter((r) => Number(r.depth) === depth).reduce((a, r) => a + Number(r.n), 0);
    expect(count(0)).toBe(1);
    expect(kinds.rows.find((r) => Number(r.depth) === 0)!.kind).toBe('TLD');
    expect(count(1)).toBe(34);
    expect(count(2)).toBe(34 * 8);
    expect(count(3)).toBe(Math.round(MEMBERS / 40));
    expect(count(4)).toBeGreaterThan(0);
    expect(kinds.rows.filter((r) => Number(r.depth) === 4).map((r) => r.kind)).toEqual(['TO_CD']);
    expect(result.organisations).toEqual({ total: count(0) + count(1) + count(2) + count(3) + count(4), provinces: 34, districts: 272, cdcs: count(3), toCongDoan: count(4) });
    // Members follow the provinces' weights: Hồ Chí Minh City is the largest.
    const top = await one<{ code: string }>(sql`
      select o.code from person p join organisation o on o.id = p.province_root_id group by o.code order by count(*) desc limit 1`);
    expect(top.code).toBe('HCM');
    const holders = await database.db.execute<{ kind: string }>(sql`select distinct o.kind from person p join organisation o on o.id = p.org_id order by 1`);
    expect(holders.rows.map((r) => r.kind)).toEqual(['CDCS', 'TO_CD']);
  });

  it('keeps every path consistent with parent_id, depth and the province root', async () => {
    const bad = await one<{ n: number }>(sql`
      select count(*)::int as n from organisation o left join organisation p on p.id = o.parent_id
      where o.path <> coalesce(p.path, '/') || o.id || '/'
         or o.depth <> coalesce(p.depth + 1, 0)
         or o.depth <> array_length(string_to_array(trim(both '/' from o.path), '/'), 1) - 1
         or (o.parent_id is null) <> (o.depth = 0)
         or o.province_root_id is distinct from (case when o.depth = 0 then null else split_part(o.path, '/', 3)::bigint end)`);
    expect(Number(bad.n)).toBe(0);
    const ranks = await one<{ n: number }>(sql`
      select count(*)::int as n from organisation o join organisation p on p.id = o.parent_id
        join org_kind ko on ko.code = o.kind join org_kind kp on kp.code = p.kind where ko.rank <= kp.rank`);
    expect(Number(ranks.n)).toBe(0);
    const events = await one<{ n: number; o: number }>(sql`select (select count(*)::int from org_event where kind = 'CREATED') as n, (select count(*)::int from organisation) as o`);
    expect(Number(events.n)).toBe(Number(events.o));
  });

  it('gives every member the path of its unit and exactly one open membership there', async () => {
    const counts = await one<{ persons: number; memberships: number; open: number }>(sql`
      select (select count(*)::int from person) as persons, (select count(*)::int from membership) as memberships,
             (select count(distinct person_id)::int from membership where valid_to is null) as open`);
    expect(counts).toEqual({ persons: MEMBERS, memberships: MEMBERS, open: MEMBERS });
    const bad = await one<{ n: number }>(sql`
      select count(*)::int as n from person p join organisation o on o.id = p.org_id
        left join membership m on m.person_id = p.id and m.valid_to is null
      where p.org_path <> o.path or p.province_root_id is distinct from o.province_root_id or p.status <> 'ACTIVE'
         or m.org_id is distinct from p.org_id or m.valid_from <> p.joined_union_on`);
    expect(Number(bad.n)).toBe(0);
    const orphans = await one<{ n: number }>(sql`select count(*)::int as n from person where org_id is null or org_path is null`);
    expect(Number(orphans.n)).toBe(0);
  });

  it('issues unique member codes and unique 12-digit CCCD consistent with province, gender and birth year', async () => {
    const r = await one<{ n: number; codes: number; cccds: number; bad: number; places: number }>(sql`
      select count(*)::int as n, count(distinct member_code)::int as codes, count(distinct cccd)::int as cccds,
        count(*) filter (where cccd !~ '^[0-9]{12}$'
          or substr(cccd, 4, 1) <> ((case when birth_date >= '2000-01-01' then 2 else 0 end) + (gender = 'FEMALE')::int)::text
          or substr(cccd, 5, 2) <> to_char(birth_date, 'YY'))::int as bad,
        (select count(*)::int from (select province_root_id from person group by 1 having count(distinct substr(cccd, 1, 3)) > 1) x) as places
      from person`);
    expect(r).toEqual({ n: MEMBERS, codes: MEMBERS, cccds: MEMBERS, bad: 0, places: 0 });
    const ages = await one<{ young: number; old: number; early: number }>(sql`
      select count(*) filter (where birth_date > joined_union_on - interval '18 years')::int as young,
             count(*) filter (where birth_date < '1960-01-01')::int as old,
             count(*) filter (where joined_union_on > '2025-06-30')::int as early from person`);
    expect(ages).toEqual({ young: 0, old: 0, early: 0 });
  });

  it('writes Vietnamese names with diacritics (NFC), gender-consistent, and an ASCII folded name', async () => {
    const r = await one<{ n: number; accented: number; notNfc: number; foldedBad: number; words: number; maleThi: number; femaleVan: number; women: number }>(sql`
      select count(*)::int as n,
        count(*) filter (where full_name ~ '[^\\x20-\\x7e]')::int as accented,
        count(*) filter (where full_name <> normalize(full_name, NFC))::int as "notNfc",
        count(*) filter (where name_folded !~ '^[a-z]+( [a-z]+){2,3}$' or name_folded <> vd_fold(full_name))::int as "foldedBad",
        count(*) filter (where array_length(string_to_array(full_name, ' '), 1) not between 3 and 4)::int as words,
        count(*) filter (where gender = 'MALE' and full_name like '% Thị %')::int as "maleThi",
        count(*) filter (where gender = 'FEMALE' and full_name like '% Văn %')::int as "femaleVan",
        count(*) filter (where gender = 'FEMALE')::int as women
      from person`);
    expect(r.accented / r.n).toBeGreaterThan(0.9);
    expect({ notNfc: r.notNfc, foldedBad: r.foldedBad, words: r.words, maleThi: r.maleThi, femaleVan: r.femaleVan }).toEqual({ notNfc: 0, foldedBad: 0, words: 0, maleThi: 0, femaleVan: 0 });
    expect(r.women / r.n).toBeGreaterThan(0.35);
    expect(r.women / r.n).toBeLessThan(0.75);
    const nguyen = await one<{ share: number }>(sql`select avg((full_name like 'Nguyễn %')::int)::float8 as share from person`);
    expect(nguyen.share).toBeGreaterThan(0.3);
    expect(nguyen.share).toBeLessThan(0.46);
  });

  it('finds members through the list query by folded fragments, exactly as vd_fold says', async () => {
    const tld = await one<{ path: string }>(sql`select path from organisation where code = 'TLD'`);
    const province = await one<{ path: string }>(sql`select path from organisation where code = 'HCM'`);
    // Fragments from a deterministic sample of names: whole name, last two words, given name, a 3-letter piece.
    const sample = await database.db.execute<{ full_name: string }>(sql`select full_name from person where id % 997 = 0 order by id limit 5`);
    expect(sample.rows.length).toBe(5);
    const fold = (s: string) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').toLowerCase();
    const queries = sample.rows.flatMap(({ full_name }) => {
      const w = fold(full_name).split(' ');
      return [w.join(' '), w.slice(-2).join(' '), w[w.length - 1]!, w[w.length - 1]!.slice(0, 3)];
    });
    for (const q of queries) {
      const expected = await database.db.execute<{ id: number }>(sql`
        select id from person where status = 'ACTIVE' and (vd_fold(full_name) like '%' || ${q} || '%' or member_code ilike ${q + '%'}) order by id`);
      const got = await listMembers(database.db, { paths: [tld.path], status: 'ACTIVE', q }, 'name', 10_000, 0);
      expect(got.total, q).toBe(expected.rows.length);
      expect(got.rows.map((r) => Number(r.id)).sort((a, b) => a - b), q).toEqual(expected.rows.map((r) => Number(r.id)));
      expect(got.total).toBeGreaterThan(0);
      const inProvince = await listMembers(database.db, { paths: [province.path], status: 'ACTIVE', q }, 'name', 10_000, 0);
      expect(inProvince.rows.every((r) => r.org_path!.startsWith(province.path))).toBe(true);
      expect(inProvince.total).toBe(got.rows.filter((r) => r.org_path!.startsWith(province.path)).length);
    }
    // Typed with diacritics and capitals, the first full name finds the same members.
    const typed = sample.rows[0]!.full_name.toUpperCase();
    const a = await listMembers(database.db, { paths: [tld.path], status: 'ACTIVE', q: typed }, 'name', 100, 0);
    const b = await listMembers(database.db, { paths: [tld.path], status: 'ACTIVE', q: queries[0]! }, 'name', 100, 0);
    expect(a.rows.map((r) => r.id)).toEqual(b.rows.map((r) => r.id));
  });

  it('puts back the indexes and foreign keys it drops for the load', async () => {
    expect(await schemaOf(database)).toEqual(schemaBefore);
    const invalid = await one<{ n: number }>(sql`
      select count(*)::int as n from pg_index i where i.indrelid in ('person'::regclass, 'membership'::regclass) and not (i.indisvalid and i.indisready)`);
    expect(Number(invalid.n)).toBe(0);
  });

  it('refuses a database that already has data, and leaves it untouched', async () => {
    await expect(generateBenchData(database.db, { members: 10 })).rejects.toBeInstanceOf(BenchDataError);
    const n = await one<{ n: number }>(sql`select count(*)::int as n from person`);
    expect(Number(n.n)).toBe(MEMBERS);
    expect(await schemaOf(database)).toEqual(schemaBefore);
  });

  it('gives the same dataset for the same seed', async () => {
    const other = await cloneDatabase();
    const db2 = connect(other.url, 2);
    try {
      await generateBenchData(db2.db, { members: MEMBERS, seed: 7, analyze: false });
      const digest = (d: Database) =>
        d.db.execute<{ h: string }>(sql`select md5(string_agg(member_code || full_name || gender || birth_date || cccd || org_path, ',' order by member_code)) as h from person`);
      const normalise = (h: string, d: Database) => d.db.execute<{ min: number }>(sql`select min(id)::int as min from organisation`).then((r) => ({ h, min: r.rows[0]!.min }));
      const [a, b] = await Promise.all([digest(database), digest(db2)]);
      const [ma, mb] = await Promise.all([normalise(a.rows[0]!.h, database), normalise(b.rows[0]!.h, db2)]);
      // Organisation ids (and so paths) come from the sequence: equal on two fresh clones.
      expect(ma.min).toBe(mb.min);
      expect(a.rows[0]!.h).toBe(b.rows[0]!.h);
    } finally {
      await db2.close();
      await other.drop();
    }
  });

  it('rejects sizes out of range', async () => {
    await expect(generateBenchData(database.db, { members: 0 })).rejects.toBeInstanceOf(BenchDataError);
    await expect(generateBenchData(database.db, { members: 1.5 })).rejects.toBeInstanceOf(BenchDataError);
  });
});
