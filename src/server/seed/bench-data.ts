// Synthetic national-scale data for benchmarks (`vinhdanh bench-data --members N`): TLĐ → 34
// provinces → 8 district-level unions each → ≈ N/40 grassroots unions (CĐCS), the larger ones split
// into tổ công đoàn → N members with one open membership each. Every row is generated inside
// PostgreSQL with set-based INSERT … SELECT over generate_series; the only per-row work is hashing
// the row number with the seed (hashint8extended), so a seed always gives the same dataset.
//
// The load runs in one transaction. On the member tables the secondary indexes and foreign keys
// are dropped first and re-created from their catalogue definitions afterwards (as pg_restore
// does): building an index once is far cheaper than maintaining it for a million inserts.
import { sql, type SQL } from 'drizzle-orm';
import type { Db, Tx } from '../db/client';
import { audit } from '../lib/audit';
import {
  COMPANY_A, COMPANY_B, ETHNICITY, FAMILY, FEMALE_GIVEN, FEMALE_MIDDLE, FEMALE_SECOND_MIDDLE, FOREIGN, HOSTS, MALE_GIVEN,
  MALE_MIDDLE, PLACES, tilt, weightedIndex,
} from './bench/names';
import { DISTRICTS, PROVINCES, SECTOR_PROFILE, type SectorKey } from './bench/provinces';

export interface BenchDataOptions {
  members: number;
  seed?: number;
  /** Average members per grassroots union (default 40). */
  perCdcs?: number;
  /** Drop and re-create the member tables' secondary indexes and foreign keys around the load (default true). */
  rebuildIndexes?: boolean;
  /** Run VACUUM (ANALYZE) at the end (default true). */
  analyze?: boolean;
  log?: (message: string) => void;
}

export interface BenchDataResult {
  members: number;
  seed: number;
  organisations: { total: number; provinces: number; districts: number; cdcs: number; toCongDoan: number };
  /** Seconds per stage, in order. */
  stages: Record<string, number>;
  totalSeconds: number;
  membersPerSecond: number;
}

export class BenchDataError extends Error {}

export const BENCH_MAX_MEMBERS = 50_000_000;
/** Dates are computed against a fixed day so that a seed always gives the same rows. */
const AS_OF = '2025-06-30';
const SECTOR_KEYS = Object.keys(SECTOR_PROFILE) as SectorKey[];

/** Empty means: no organisation, no person, no membership. */
export async function isEmptyForBench(db: Db | Tx): Promise<boolean> {
  const r = await db.execute<{ used: boolean }>(sql`
    select exists(select 1 from organisation) or exists(select 1 from person) or exists(select 1 from membership) as used`);
  return !r.rows[0]!.used;
}

/** Splits `total` into integer parts proportional to `weights` (largest remainder). */
export function apportion(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  const exact = weights.map((w) => (total * w) / sum);
  const parts = exact.map(Math.floor);
  let left = total - parts.reduce((a, b) => a + b, 0);
  const order = exact.map((x, i) => [x - Math.floor(x), i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (const [, i] of order) {
    if (left-- <= 0) break;
    parts[i]!++;
  }
  return parts;
}

/** A weighted mix as 100 slots of 1-based sector numbers (index into SECTOR_KEYS). */
function mixSlots(mix: ReadonlyArray<readonly [SectorKey, number]>): number[] {
  const { values, index } = weightedIndex(mix.map(([k, w]) => [k, w] as const), 100);
  return index.map((i) => SECTOR_KEYS.indexOf(values[i - 1] as SectorKey) + 1);
}

function districtRows(cdcsTotal: number) {
  const perProvince = apportion(cdcsTotal, PROVINCES.map((p) => p.weight));
  const rows: Array<{ no: number; prov_no: number; code: string; name: string; kind: string; n_cdcs: number; scale: number; mix: number[] }> = [];
  PROVINCES.forEach((p, pi) => {
    const perDistrict = apportion(perProvince[pi]!, DISTRICTS.map((d) => d.share));
    DISTRICTS.forEach((d, di) => {
      const place = PLACES[(pi * 11 + di * 7) % PLACES.length]!;
      rows.push({
        no: rows.length + 1,
        prov_no: pi + 1,
        code: `${p.code}-${d.suffix}`,
        name: d.name.replace('{p}', place).replace('{t}', p.name).normalize('NFC'),
        kind: d.kind,
        n_cdcs: perDistrict[di]!,
        scale: d.scale,
        mix: mixSlots(d.sectors),
      });
    });
  });
  return rows;
}

/** Host-name templates flattened, with per-sector start and count (1-based). */
function hostTemplates() {
  const all: string[] = [];
  const start: number[] = [];
  const count: number[] = [];
  for (const key of SECTOR_KEYS) {
    start.push(all.length + 1);
    count.push(HOSTS[key].length);
    all.push(...HOSTS[key].map((t) => t.normalize('NFC')));
  }
  return { all, start, count };
}

const nfc = (xs: readonly string[]) => xs.map((x) => x.normalize('NFC'));
/** An array sent as one parameter (drizzle would otherwise expand it into a list). */
const arr = (xs: readonly (string | number)[], type: 'text' | 'int' | 'float8') => sql`${sql.param(xs)}::${sql.raw(type)}[]`;
export const secs = (t0: number) => Math.round((performance.now() - t0) / 10) / 100;

/** Seconds per stage of a load, logged as each ends. */
export function stageClock(log: (message: string) => void) {
  const stages: Record<string, number> = {};
  const tAll = performance.now();
  let t = tAll;
  const stage = (name: string, extra = '') => {
    stages[name] = secs(t);
    log(`${name}: ${stages[name]} s${extra ? ` (${extra})` : ''}`);
    t = performance.now();
  };
  return { stages, stage, tAll };
}

export interface Detached {
  indexes: Array<{ name: string; def: string }>;
  fks: Array<{ table: string; name: string; def: string }>;
}

export async function detachIndexes(tx: Tx, tables: string[]): Promise<Detached> {
  const rels = sql.join(tables.map((t) => sql`${t}::regclass`), sql`, `);
  const idx = await tx.execute<{ name: string; def: string }>(sql`
    select i.indexrelid::regclass::text as name, pg_get_indexdef(i.indexrelid) as def
    from pg_index i
    where i.indrelid in (${rels}) and not i.indisprimary
      and not exists (select 1 from pg_constraint c where c.conindid = i.indexrelid and c.contype in ('p', 'u', 'x'))
    order by i.indexrelid`);
  const fks = await tx.execute<{ table: string; name: string; def: string }>(sql`
    select conrelid::regclass::text as table, quote_ident(conname) as name, pg_get_constraintdef(oid) as def
    from pg_constraint where contype = 'f' and conrelid in (${rels}) order by oid`);
  for (const f of fks.rows) await tx.execute(sql.raw(`alter table ${f.table} drop constraint ${f.name}`));
  for (const i of idx.rows) await tx.execute(sql.raw(`drop index ${i.name}`));
  return { indexes: idx.rows, fks: fks.rows };
}

export async function reattach(tx: Tx, d: Detached, log: (m: string) => void) {
  for (const i of d.indexes) {
    const t0 = performance.now();
    await tx.execute(sql.raw(i.def));
    log(`  index ${i.name}: ${secs(t0)} s`);
  }
  for (const f of d.fks) await tx.execute(sql.raw(`alter table ${f.table} add constraint ${f.name} ${f.def}`));
}

export async function generateBenchData(db: Db, opts: BenchDataOptions): Promise<BenchDataResult> {
  const members = opts.members;
  const seed = opts.seed ?? 1;
  const perCdcs = opts.perCdcs ?? 40;
  const log = opts.log ?? (() => {});
  if (!Number.isInteger(members) || members < 1 || members > BENCH_MAX_MEMBERS) throw new BenchDataError(`--members must be an integer between 1 and ${BENCH_MAX_MEMBERS}`);
  if (!Number.isInteger(seed) || seed < 0 || seed > 1_000_000) throw new BenchDataError('--seed must be an integer between 0 and 1000000');

  const { stages, stage, tAll } = stageClock(log);

  const cdcsTotal = Math.max(1, Math.round(members / perCdcs));
  const districts = districtRows(cdcsTotal);
  const hosts = hostTemplates();
  // Hash "channels": the k-th independent pseudo-random value of a row is hashint8extended(row, base + k).
  const base = seed * 1000;
  const h = (row: string, k: number) => sql.raw(`(hashint8extended(${row}, ${base + k}) & 2147483647)`);
  const u = (row: string, k: number) => sql.raw(`((hashint8extended(${row}, ${base + k}) & 2147483647)::float8 / 2147483648.0)`);
  const orgSeq = sql`pg_get_serial_sequence('organisation', 'id')`;

  const counts = await db.transaction(async (tx) => {
    if (!(await isEmptyForBench(tx))) throw new BenchDataError('The database is not empty: bench-data only fills an empty database (no organisations, persons or memberships).');
    await tx.execute(sql`set local work_mem = '256MB'`);
    await tx.execute(sql`set local maintenance_work_mem = '1GB'`);
    await tx.execute(sql`set local synchronous_commit = off`);

    // ── Organisations, staged in a temporary table that also carries each unit's member range [lo, hi).
    await tx.execute(sql`
      create temp table bench_org (
        id bigint primary key, code text not null, name text not null, short_name text, kind text not null, sector text,
        parent_id bigint, path text not null, depth smallint not null, province_root_id bigint,
        prov_no int, prov_code text, cccd_prov text, sector_no int, hash_key bigint, lo bigint, hi bigint, leaf boolean not null default false
      ) on commit drop`);
    await tx.execute(sql`
      insert into bench_org (id, code, name, short_name, kind, parent_id, path, depth, province_root_id)
      select id, 'TLD', 'Tổng Liên đoàn Lao động Việt Nam', 'Tổng LĐLĐ Việt Nam', 'TLD', null, '/' || id || '/', 0, null
      from (select nextval(${orgSeq}) as id) s`);
    await tx.execute(sql`
      with s as materialized (
        select nextval(${orgSeq}) as id, p.code, p.name, p.cccd, p.no
        from unnest(${arr(PROVINCES.map((p) => p.code), 'text')}, ${arr(nfc(PROVINCES.map((p) => p.name)), 'text')}, ${arr(PROVINCES.map((p) => p.cccd), 'text')})
          with ordinality as p(code, name, cccd, no)
        order by p.no)
      insert into bench_org (id, code, name, short_name, kind, parent_id, path, depth, province_root_id, prov_no, prov_code, cccd_prov)
      select s.id, s.code, 'Liên đoàn Lao động ' || s.name, 'LĐLĐ ' || replace(s.name, 'Thành phố', 'TP'), 'LDLD_TINH', t.id, t.path || s.id || '/', 1, s.id,
             s.no, s.code, s.cccd
      from s cross join bench_org t where t.depth = 0`);
    await tx.execute(sql`
      create temp table bench_district on commit drop as
      select * from jsonb_to_recordset(${JSON.stringify(districts)}::jsonb)
        as d(no int, prov_no int, code text, name text, kind text, n_cdcs int, scale float8, mix int[])`);
    await tx.execute(sql`
      with s as materialized (
        select nextval(${orgSeq}) as id, d.* from bench_district d order by d.no)
      insert into bench_org (id, code, name, kind, parent_id, path, depth, province_root_id, prov_no, prov_code, cccd_prov, hash_key)
      select s.id, s.code, s.name, s.kind, p.id, p.path || s.id || '/', 2, p.id, p.prov_no, p.prov_code, p.cccd_prov, s.no
      from s join bench_org p on p.depth = 1 and p.prov_no = s.prov_no`);

    // Grassroots unions: sector from the district's mix, host name from the sector's templates, a
    // log-normal size weight (σ = 0.9, scaled by the district's kind) turned into member ranges.
    const cdcsRow = 'c.k';
    await tx.execute(sql`
      with c as materialized (
        select nextval(${orgSeq}) as id, d.no as d_no, d.code as d_code, d.scale, d.mix, j, d.no::bigint * 1000000 + j as k
        from bench_district d cross join lateral generate_series(1, d.n_cdcs) as j
        order by d.no, j),
      s as (
        select c.*, c.mix[1 + ${h(cdcsRow, 501)} % 100] as sector_no,
               c.scale * (0.15 + exp(0.9 * sqrt(-2 * ln(${u(cdcsRow, 502)} + 1e-9)) * cos(2 * pi() * ${u(cdcsRow, 503)}) - 0.405)) as w,
               ${h(cdcsRow, 504)} as r_tpl, ${h(cdcsRow, 505)} as r_place, ${h(cdcsRow, 506)} as r_a, ${h(cdcsRow, 507)} as r_b
        from c)
      insert into bench_org (id, code, name, kind, sector, parent_id, path, depth, province_root_id, prov_no, prov_code, cccd_prov, sector_no, hash_key, lo)
      select s.id, s.d_code || '-' || case when s.j < 10000 then lpad(s.j::text, 4, '0') else s.j::text end,
             'Công đoàn cơ sở ' || replace(replace(replace(replace(
               (${arr(hosts.all, 'text')})[(${arr(hosts.start, 'int')})[s.sector_no] + s.r_tpl % (${arr(hosts.count, 'int')})[s.sector_no]],
               '{p}', (${arr(nfc(PLACES), 'text')})[1 + s.r_place % ${PLACES.length}]),
               '{a}', (${arr(nfc(COMPANY_A), 'text')})[1 + s.r_a % ${COMPANY_A.length}]),
               '{b}', (${arr(nfc(COMPANY_B), 'text')})[1 + s.r_b % ${COMPANY_B.length}]),
               '{f}', (${arr(nfc(FOREIGN), 'text')})[1 + s.r_b % ${FOREIGN.length}]),
             'CDCS', (${arr(SECTOR_KEYS.map((k) => SECTOR_PROFILE[k].sector), 'text')})[s.sector_no],
             p.id, p.path || s.id || '/', 3, p.province_root_id, p.prov_no, p.prov_code, p.cccd_prov, s.sector_no, s.k,
             round(s.w * 1000000)::bigint
      from s join bench_org p on p.depth = 2 and p.hash_key = s.d_no`);
    // Member ranges: cumulative weights (kept in lo for the moment) scaled to exactly `members`.
    await tx.execute(sql`
      update bench_org b set lo = r.lo, hi = r.hi
      from (select id, floor(${members}::numeric * (sum(lo) over w - lo) / sum(lo) over ())::bigint as lo,
                   floor(${members}::numeric * (sum(lo) over w) / sum(lo) over ())::bigint as hi
            from bench_org where depth = 3 window w as (order by id)) r
      where b.id = r.id`);
    // Tổ công đoàn under the larger unions (150+ members): one per ~60 members, at most 12.
    await tx.execute(sql`
      with t as materialized (
        select nextval(${orgSeq}) as id, c.id as parent_id, c.code as c_code, c.path as c_path, c.province_root_id, c.prov_no, c.prov_code,
               c.cccd_prov, c.sector_no, c.lo as c_lo, c.hi - c.lo as size, n, k, c.hash_key * 100 + k as tk
        from bench_org c
          cross join lateral (select least(12, (c.hi - c.lo) / 60)::int as n) m
          cross join lateral generate_series(1, m.n) as k
        where c.depth = 3 and c.hi - c.lo >= 150
        order by c.id, k)
      insert into bench_org (id, code, name, kind, sector, parent_id, path, depth, province_root_id, prov_no, prov_code, cccd_prov, sector_no, hash_key, lo, hi, leaf)
      select t.id, t.c_code || '-T' || lpad(t.k::text, 2, '0'),
             'Tổ công đoàn ' || case (${arr(SECTOR_KEYS, 'text')})[t.sector_no]
               when 'TRUONG_HOC' then 'Tổ ' || (${arr(nfc(['Toán – Tin', 'Ngữ văn', 'Ngoại ngữ', 'Khoa học tự nhiên', 'Khoa học xã hội', 'Văn phòng', 'Thể dục – Nghệ thuật', 'Tiểu học khối 1–2', 'Tiểu học khối 3–5', 'Mầm non']), 'text')})[1 + (t.k - 1) % 10]
               when 'YTE' then 'Khoa ' || (${arr(nfc(['Nội', 'Ngoại', 'Sản', 'Nhi', 'Hồi sức cấp cứu', 'Xét nghiệm', 'Chẩn đoán hình ảnh', 'Dược', 'Hành chính', 'Khám bệnh', 'Truyền nhiễm', 'Y học cổ truyền']), 'text')})[1 + (t.k - 1) % 12]
               when 'FDI' then 'Phân xưởng ' || t.k
               when 'NGOAI_NN' then 'Phân xưởng ' || t.k
               else 'số ' || t.k end,
             'TO_CD', null, t.parent_id, t.c_path || t.id || '/', 4, t.province_root_id, t.prov_no, t.prov_code, t.cccd_prov, t.sector_no, t.tk,
             t.c_lo + floor((t.k - 1) * t.size::numeric / t.n)::bigint, t.c_lo + floor(t.k * t.size::numeric / t.n)::bigint, true
      from t`);
    await tx.execute(sql`update bench_org c set leaf = true where c.depth = 3 and not exists (select 1 from bench_org t where t.parent_id = c.id)`);
    await tx.execute(sql`
      insert into organisation (id, code, name, short_name, kind, sector, parent_id, path, depth, province_root_id, status, valid_from, address)
      select id, code, name, short_name, kind, sector, parent_id, path, depth, province_root_id, 'ACTIVE', date '1980-01-01' + (depth * 365), null
      from bench_org order by id`);
    await tx.execute(sql`
      insert into org_event (org_id, kind, effective_on, after)
      select id, 'CREATED', valid_from, jsonb_build_object('name', name, 'code', code, 'kind', kind) from organisation`);
    const orgCounts = await tx.execute<{ depth: number; n: number }>(sql`select depth, count(*)::int as n from bench_org group by depth order by depth`);
    const byDepth = new Map(orgCounts.rows.map((r) => [Number(r.depth), Number(r.n)]));
    const organisations = {
      total: [...byDepth.values()].reduce((a, b) => a + b, 0),
      provinces: byDepth.get(1) ?? 0,
      districts: byDepth.get(2) ?? 0,
      cdcs: byDepth.get(3) ?? 0,
      toCongDoan: byDepth.get(4) ?? 0,
    };
    stage('organisations', `${organisations.total} units: ${organisations.provinces} provinces, ${organisations.districts} district-level, ${organisations.cdcs} CĐCS, ${organisations.toCongDoan} tổ công đoàn`);

    const detached = opts.rebuildIndexes === false ? null : await detachIndexes(tx, ['person', 'membership']);
    if (detached) stage('detach indexes', `${detached.indexes.length} indexes, ${detached.fks.length} foreign keys`);

    // ── Members, one statement per province (the CCCD serial is numbered within a province).
    const fam = weightedIndex(FAMILY);
    const eth = weightedIndex(ETHNICITY);
    const mMid = weightedIndex(MALE_MIDDLE);
    const mMidYoung = weightedIndex(tilt(MALE_MIDDLE, 'Văn'));
    const fMid = weightedIndex(FEMALE_MIDDLE);
    const fMidYoung = weightedIndex(tilt(FEMALE_MIDDLE, 'Thị'));
    const profile = (f: (p: (typeof SECTOR_PROFILE)[SectorKey]) => string | number) => SECTOR_KEYS.map((k) => f(SECTOR_PROFILE[k]));
    const r = 'g.i';
    const personSql = (provNo: number): SQL => sql`
      insert into person (member_code, full_name, gender, birth_date, cccd, position, is_leader, is_direct_worker, phone, ethnicity,
                          joined_union_on, status, org_id, org_path, province_root_id)
      select member_code, full_name, case when female then 'FEMALE' else 'MALE' end, birth_date,
             cccd_prov || gdigit || to_char(birth_date, 'YY')
               || lpad(((row_number() over (partition by gdigit, extract(year from birth_date) order by i) * 387419
                        + (hashint8extended(gdigit::int * 10000 + extract(year from birth_date)::int, ${base + provNo * 10 + 15}) & 2147483647)) % 1000000)::text, 6, '0'),
             position, is_leader, is_direct_worker, phone, ethnicity, joined_union_on, 'ACTIVE', org_id, org_path, province_root_id
      from (
        select n.*, family || ' ' || middle || coalesce(' ' || second, '') || ' ' || given as full_name,
               (case when birth_date >= date '2000-01-01' then 2 else 0 end + female::int)::text as gdigit
        from (
          select m.*,
                 case when female then (${arr(nfc(FEMALE_GIVEN), 'text')})[1 + (r_given + ((${arr(nfc(FEMALE_GIVEN), 'text')})[1 + r_given % ${FEMALE_GIVEN.length}] = middle)::int) % ${FEMALE_GIVEN.length}]
                      else (${arr(nfc(MALE_GIVEN), 'text')})[1 + (r_given + ((${arr(nfc(MALE_GIVEN), 'text')})[1 + r_given % ${MALE_GIVEN.length}] = middle)::int) % ${MALE_GIVEN.length}] end as given,
                 case when middle = 'Thị' and r_second % 100 < 12 then (${arr(nfc(FEMALE_SECOND_MIDDLE), 'text')})[1 + r_second % ${FEMALE_SECOND_MIDDLE.length}] end as second
          from (
            select b.*,
                   (${arr(fam.values, 'text')})[(${arr(fam.index, 'int')})[1 + r_family % 1000]] as family,
                   case when female and birth_date >= date '1990-01-01' then (${arr(fMid.values, 'text')})[(${arr(fMidYoung.index, 'int')})[1 + r_middle % 1000]]
                        when female then (${arr(fMid.values, 'text')})[(${arr(fMid.index, 'int')})[1 + r_middle % 1000]]
                        when birth_date >= date '1990-01-01' then (${arr(mMid.values, 'text')})[(${arr(mMidYoung.index, 'int')})[1 + r_middle % 1000]]
                        else (${arr(mMid.values, 'text')})[(${arr(mMid.index, 'int')})[1 + r_middle % 1000]] end as middle
            from (
              select l.id as org_id, l.path as org_path, l.province_root_id, l.cccd_prov, g.i,
                     l.prov_code || lpad((g.i + 1)::text, 8, '0') as member_code,
                     ${u(r, 1)} < (${arr(profile((p) => p.female), 'float8')})[l.sector_no] as female,
                     date '1966-01-01' + floor((${u(r, 2)} + ${u(r, 3)}) / 2 * 14975)::int as birth_date,
                     ${u(r, 4)} < 0.05 as is_leader,
                     ${u(r, 5)} as direct_u,
                     (${arr(profile((p) => p.direct), 'float8')})[l.sector_no] as direct_share,
                     case when ${u(r, 4)} < 0.05 then (${arr(nfc(profile((p) => p.leaderPosition) as string[]), 'text')})[l.sector_no]
                          when ${h(r, 6)} % 10 = 0 then null
                          else (${arr(nfc(profile((p) => p.position) as string[]), 'text')})[l.sector_no] end as position,
                     case when ${h(r, 7)} % 4 = 0 then null
                          else '0' || (array['3','5','7','8','9'])[1 + ${h(r, 7)} % 5] || lpad((${h(r, 8)} % 100000000)::text, 8, '0') end as phone,
                     (${arr(eth.values, 'text')})[(${arr(eth.index, 'int')})[1 + ${h(r, 9)} % 1000]] as ethnicity,
                     ${u(r, 10)} as join_u,
                     ${h(r, 11)} as r_family, ${h(r, 12)} as r_middle, ${h(r, 13)} as r_given, ${h(r, 14)} as r_second
              from bench_org l cross join lateral generate_series(l.lo, l.hi - 1) as g(i)
              where l.leaf and l.prov_no = ${provNo}
            ) b
          ) m
        ) n
      ) x
      cross join lateral (select
          not is_leader and direct_u < direct_share as is_direct_worker,
          (birth_date + interval '18 years')::date
            + floor(join_u * greatest(0, ${AS_OF}::date - (birth_date + interval '18 years')::date))::int as joined_union_on) y
      order by i`;

    let done = 0;
    const tPersons = performance.now();
    for (let p = 1; p <= PROVINCES.length; p++) {
      const ins = await tx.execute(personSql(p));
      done += ins.rowCount ?? 0;
      const el = (performance.now() - tPersons) / 1000;
      log(`  members ${done.toLocaleString('en-US')} / ${members.toLocaleString('en-US')} (${PROVINCES[p - 1]!.code}, ${el.toFixed(1)} s, ${Math.round(done / Math.max(el, 0.001)).toLocaleString('en-US')}/s)`);
    }
    if (done !== members) throw new Error(`bench-data: generated ${done} members instead of ${members}`);
    stage('members', `${done} rows`);
    await tx.execute(sql`insert into membership (person_id, org_id, valid_from) select id, org_id, joined_union_on from person order by id`);
    stage('memberships');
    if (detached) {
      await reattach(tx, detached, log);
      stage('rebuild indexes');
    }
    await audit(tx, { userId: null }, [{
      action: 'bench.seed', entityType: 'system', entityId: null, orgId: null,
      after: { members, seed, organisations },
    }]);
    return { organisations };
  });
  stage('commit');

  if (opts.analyze !== false) {
    await db.execute(sql`vacuum (analyze) organisation, person, membership, org_event`);
    stage('vacuum analyze');
  }
  const totalSeconds = secs(tAll);
  log(`total: ${totalSeconds} s for ${members.toLocaleString('en-US')} members (${Math.round(members / totalSeconds).toLocaleString('en-US')} members/s)`);
  return { members, seed, organisations: counts.organisations, stages, totalSeconds, membersPerSecond: Math.round(members / totalSeconds) };
}
