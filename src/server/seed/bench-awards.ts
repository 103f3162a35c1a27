// Synthetic award records over several years for a bench dataset (`vinhdanh bench-data … --awards N
// --years Y`), generated inside PostgreSQL set-based like the members (bench-data.ts). Every person
// has a lasting propensity (a fifth are "strong", awarded most years; two fifths medium; the rest
// rarely), so that runs of consecutive years look like a real register; the award code follows a
// mix by level (mostly Lao động tiên tiến and Chiến sĩ thi đua cơ sở, few high ones); grassroots
// unions and tổ công đoàn get collective titles (about 4 % of the records). About 1 % of the records
// are revoked and 0.5 % superseded. The subject snapshot columns are filled in the same statement;
// the row and rollup triggers are disabled and the indexes dropped during the load, and the rollups
// are rebuilt set-based at the end — all in one transaction. generateBenchFunnel then adds the last
// year's registrations, nominations and their events in proportion (the dashboard's funnel).
import { sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { audit } from '../lib/audit';
import { rebuildRollupsIn, type RollupCounts } from '../modules/dashboard/dashboard.rollup-rebuild';
import { BenchDataError, detachIndexes, reattach, secs, stageClock } from './bench-data';

export interface BenchAwardOptions {
  awards: number;
  years: number;
  /** The last year generated (default 2025). */
  lastYear?: number;
  seed?: number;
  analyze?: boolean;
  log?: (message: string) => void;
}

export interface BenchAwardResult {
  awards: number;
  individuals: number;
  collectives: number;
  years: [number, number];
  rollups: RollupCounts;
  stages: Record<string, number>;
  totalSeconds: number;
}

export const BENCH_MAX_AWARDS = 200_000_000;
/** Share of the records given to collectives. */
const COLLECTIVE_SHARE = 0.04;
/** Person propensity tiers: [share of people, probability of an award in a year before scaling]. */
const PERSON_TIERS = [[0.2, 0.9], [0.4, 0.3], [0.4, 0.05]] as const;

/** Cumulative thresholds → award code, checked in order against a uniform value. */
const PERSON_CODES: ReadonlyArray<readonly [number, string]> = [
  [0.7, 'LDTT'], [0.92, 'CSTD_CS'], [0.95, 'GK_CD_CAP_TREN'], [0.975, 'BK_LDLD'], [0.99, 'GK_CDCS'], [0.996, 'BK_TLD'],
  [0.998, 'CSTD_BO_TINH'], [0.999, 'BK_TTG'], [0.9995, 'CSTD_TQ'], [1.01, 'HC_LD_3'],
];
const CDCS_CODES: ReadonlyArray<readonly [number, string]> = [
  [0.55, 'TTLDTT'], [0.8, 'CDCS_HTXSNV'], [0.9, 'DVCD_XS'], [0.96, 'GK_CD_CAP_TREN'], [0.99, 'BK_LDLD'], [0.997, 'CO_THI_DUA_LDLD'], [1.01, 'CO_THI_DUA_TLD'],
];
const TO_CODES: ReadonlyArray<readonly [number, string]> = [[0.85, 'TO_CD_VUNG_MANH'], [1.01, 'GK_CDCS']];

/** The expected probability of an award per person and year, before scaling. */
export function personTierMean(tiers: ReadonlyArray<readonly [number, number]> = PERSON_TIERS): number {
  return tiers.reduce((a, [share, p]) => a + share * p, 0);
}

/** A CASE choosing a code by cumulative thresholds on the uniform value `v`. */
function pick(v: string, table: ReadonlyArray<readonly [number, string]>) {
  return sql.raw(`case ${table.map(([t, code]) => `when ${v} < ${t} then '${code}'`).join(' ')} end`);
}

export async function generateBenchAwards(db: Db, opts: BenchAwardOptions): Promise<BenchAwardResult> {
  const { awards, years } = opts;
  const lastYear = opts.lastYear ?? 2025;
  const seed = opts.seed ?? 1;
  const log = opts.log ?? (() => {});
  if (!Number.isInteger(awards) || awards < 1 || awards > BENCH_MAX_AWARDS) throw new BenchDataError(`--awards must be an integer between 1 and ${BENCH_MAX_AWARDS}`);
  if (!Number.isInteger(years) || years < 1 || years > 30) throw new BenchDataError('--years must be an integer between 1 and 30');
  const firstYear = lastYear - years + 1;
  const { stages, stage, tAll } = stageClock(log);
  const base = seed * 1000 + 700;
  const u = (key: string, k: number) => `((hashint8extended(${key}, ${base + k}) & 2147483647)::float8 / 2147483648.0)`;

  const result = await db.transaction(async (tx) => {
    const sizes = await tx.execute<{ persons: number; units: number; used: boolean }>(sql`
      select (select count(*)::int from person) as persons, (select count(*)::int from organisation where depth >= 3) as units,
             exists(select 1 from award_record) as used`);
    const { persons, units, used } = sizes.rows[0]!;
    if (!persons) throw new BenchDataError('No members: generate them first (bench-data --members N).');
    if (used) throw new BenchDataError('award_record is not empty: bench awards only fill an empty award register.');
    await tx.execute(sql`set local work_mem = '256MB'`);
    await tx.execute(sql`set local maintenance_work_mem = '1GB'`);
    await tx.execute(sql`set local synchronous_commit = off`);
    await tx.execute(sql`alter table award_record disable trigger user`);
    const detached = await detachIndexes(tx, ['award_record']);
    stage('detach', `${detached.indexes.length} indexes, ${detached.fks.length} foreign keys, triggers disabled`);

    const collectiveTarget = Math.round(awards * COLLECTIVE_SHARE);
    const personTarget = awards - collectiveTarget;
    const f = personTarget / (Number(persons) * years * personTierMean());
    const q = sql.raw(`least(0.98, ${f} * case when ${u('p.id', 1)} < ${PERSON_TIERS[0][0]} then ${PERSON_TIERS[0][1]}
      when ${u('p.id', 1)} < ${PERSON_TIERS[0][0] + PERSON_TIERS[1][0]} then ${PERSON_TIERS[1][1]} else ${PERSON_TIERS[2][1]} end)`);
    const key = '(p.id * 64 + y - 2000)';
    const status = (k: string) => sql.raw(`case when ${u(k, 4)} < 0.01 then 'REVOKED' when ${u(k, 4)} < 0.015 then 'SUPERSEDED' else 'ACTIVE' end`);
    const ind = await tx.execute(sql`
      insert into award_record (person_id, scope_path, status, source, award_code, year, decision_date, revoked_at, revoked_reason,
                                subject_gender, subject_is_leader, subject_is_direct_worker, created_at)
      select p.id, p.org_path, x.status, 'IMPORT', ${pick(u(key, 3), PERSON_CODES)}, y, make_date(y, 12, 20),
             case when x.status = 'REVOKED' then make_date(y + 1, 3, 1)::timestamptz end,
             case when x.status = 'REVOKED' then 'Thu hồi (dữ liệu thử)' end,
             p.gender, p.is_leader, p.is_direct_worker, make_date(y, 12, 20)::timestamptz
      from person p cross join generate_series(${firstYear}::int, ${lastYear}::int) as y
        cross join lateral (select ${status(key)} as status) x
      where ${sql.raw(u(key, 2))} < ${q}`);
    stage('individual awards', `${ind.rowCount} rows`);

    const qu = collectiveTarget / (Number(units) * years);
    const ukey = '(o.id * 64 + y - 2000)';
    const col = await tx.execute(sql`
      insert into award_record (org_id, scope_path, status, source, award_code, year, decision_date, revoked_at, revoked_reason, subject_small, created_at)
      select o.id, o.path, x.status, 'IMPORT',
             case when o.depth = 3 then ${pick(u(ukey, 3), CDCS_CODES)} else ${pick(u(ukey, 3), TO_CODES)} end, y, make_date(y, 12, 20),
             case when x.status = 'REVOKED' then make_date(y + 1, 3, 1)::timestamptz end,
             case when x.status = 'REVOKED' then 'Thu hồi (dữ liệu thử)' end,
             k.small_collective, make_date(y, 12, 20)::timestamptz
      from organisation o join org_kind k on k.code = o.kind cross join generate_series(${firstYear}::int, ${lastYear}::int) as y
        cross join lateral (select ${status(ukey)} as status) x
      where o.depth >= 3 and ${sql.raw(u(ukey, 2))} < least(0.98, ${qu} * case when ${sql.raw(u('o.id', 1))} < 0.4 then 1.8 else 0.467 end)`);
    stage('collective awards', `${col.rowCount} rows`);

    await reattach(tx, detached, log);
    stage('rebuild indexes');
    await tx.execute(sql`alter table award_record enable trigger user`);
    const rollups = await rebuildRollupsIn(tx);
    stage('rollups', `${rollups.awardRows} award rows, ${rollups.runRows} runs, ${rollups.streakRows} streak counts`);
    const individuals = ind.rowCount ?? 0;
    const collectives = col.rowCount ?? 0;
    await audit(tx, { userId: null }, [{
      action: 'bench.awards', entityType: 'system', entityId: null, orgId: null,
      after: { awards: individuals + collectives, individuals, collectives, years: [firstYear, lastYear], seed },
    }]);
    return { individuals, collectives, rollups };
  });
  stage('commit');
  if (opts.analyze !== false) {
    await db.execute(sql`vacuum (analyze) award_record, dash_award_rollup, dash_subject_run, dash_streak_count`);
    stage('vacuum analyze');
  }
  const totalSeconds = secs(tAll);
  log(`total: ${totalSeconds} s for ${(result.individuals + result.collectives).toLocaleString('en-US')} award records`);
  return { awards: result.individuals + result.collectives, ...result, years: [firstYear, lastYear], stages, totalSeconds };
}

export interface BenchFunnelResult {
  year: number;
  registrations: number;
  nominations: number;
  events: number;
  seconds: number;
}

/**
 * The funnel of one year in proportion to its awards (after generateBenchAwards): every subject with
 * a grassroots title of the year registered for it, plus one in ten who was not awarded (a few
 * returned); every higher award of the year nominated through one annual round per province
 * (submitted → appraised → council passed → awarded), plus as many nominations again that stopped
 * along the way. Set-based, one transaction.
 */
export async function generateBenchFunnel(db: Db, opts: { year?: number; seed?: number; log?: (m: string) => void } = {}): Promise<BenchFunnelResult> {
  const year = opts.year ?? 2025;
  const base = (opts.seed ?? 1) * 1000 + 800;
  const u = (key: string, k: number) => sql.raw(`((hashint8extended(${key}, ${base + k}) & 2147483647)::float8 / 2147483648.0)`);
  const t0 = performance.now();
  const r = await db.transaction(async (tx) => {
    const used = await tx.execute<{ used: boolean }>(sql`select exists(select 1 from emulation_registration where year = ${year}) or exists(select 1 from nomination_round where year = ${year}) as used`);
    if (used.rows[0]!.used) throw new BenchDataError(`The funnel of ${year} already has rows.`);
    await tx.execute(sql`set local work_mem = '256MB'`);
    await tx.execute(sql`set local synchronous_commit = off`);
    const grassroots = sql`('LDTT', 'CSTD_CS', 'TTLDTT', 'CDCS_HTXSNV', 'TO_CD_VUNG_MANH', 'DVCD_XS', 'GK_CDCS')`;
    const reg = await tx.execute(sql`
      insert into emulation_registration (person_id, org_id, scope_path, status, source, year, award_code, registered_on, unit_id, review_status, review_reason)
      select s.person_id, s.org_id, s.scope_path, 'ACTIVE', 'IMPORT', ${year}::smallint, s.award_code, make_date(${year}, 2, 15), s.unit_id,
             case when s.returned then 'RETURNED' else 'APPROVED' end, case when s.returned then 'Chưa đủ điều kiện (dữ liệu thử)' end
      from (
        select distinct on (coalesce(r.person_id, -r.org_id), r.award_code) r.person_id, r.org_id, r.scope_path, r.award_code,
               coalesce(p.org_id, r.org_id) as unit_id, false as returned
        from award_record r left join person p on p.id = r.person_id
        where r.year = ${year} and r.award_code in ${grassroots}
        union all
        select p.id, null, p.org_path, 'LDTT', p.org_id, ${u('p.id', 2)} < 0.1
        from person p
        where ${u('p.id', 1)} < 0.1 and not exists (select 1 from award_record r where r.person_id = p.id and r.year = ${year} and r.award_code = 'LDTT')
      ) s`);
    await tx.execute(sql`
      insert into nomination_round (org_id, org_path, year, title, kind, ceremony_date, award_codes, parameters, schedule, status)
      select o.id, o.path, ${year}::smallint, 'Khen thưởng tổng kết năm ' || ${year} || ' (dữ liệu thử)', 'ANNUAL', make_date(${year} + 1, 1, 15), '[]'::jsonb, '{}'::jsonb, '{}'::jsonb, 'CLOSED'
      from organisation o where o.depth = 1`);
    // Awarded: the year's higher awards; stopped: as many again, spread over the earlier stages.
    const nom = await tx.execute(sql`
      insert into nomination (round_id, proposer_org_id, proposer_path, person_id, subject_org_id, subject_path, subject_name, award_code,
                              eligibility_status, eligibility_checked_at, status, holder_org_id, holder_path)
      select nr.id, s.proposer_id, s.scope_path, s.person_id, s.org_id, s.scope_path, s.name, s.code, 'ELIGIBLE', make_date(${year}, 10, 1)::timestamptz,
             s.status, nr.org_id, nr.org_path
      from (
        select r.person_id, r.org_id, r.scope_path, coalesce(p.full_name, o.name) as name,
               case when k = 0 then r.award_code when r.award_code = 'BK_TLD' then 'BK_LDLD' else 'BK_TLD' end as code, coalesce(p.org_id, r.org_id) as proposer_id,
               ('/' || split_part(r.scope_path, '/', 2) || '/' || split_part(r.scope_path, '/', 3) || '/') as prov_path,
               case when k = 0 then 'AWARDED' else (array['IN_REVIEW', 'ACCEPTED', 'COUNCIL_PASSED'])[1 + floor(${u('r.id', 3)} * 3)::int] end as status
        from award_record r left join person p on p.id = r.person_id left join organisation o on o.id = r.org_id
          cross join generate_series(0, 1) k
        where r.year = ${year} and r.status = 'ACTIVE' and r.award_code not in ${grassroots}
          and (k = 0 or r.person_id is null or r.person_id % 2 = 0)
      ) s join nomination_round nr on nr.org_path = s.prov_path and nr.year = ${year}
      on conflict do nothing`);
    const ev = await tx.execute(sql`
      insert into nomination_event (nomination_id, org_id, kind, occurred_at)
      select n.id, n.holder_org_id, e.kind, make_date(${year}, 10, 1)::timestamptz + e.step * interval '10 days'
      from nomination n join nomination_round nr on nr.id = n.round_id and nr.year = ${year}
        cross join lateral (values ('SUBMITTED', 0, 'IN_REVIEW'), ('APPRAISED', 1, 'ACCEPTED'), ('COUNCIL_PASSED', 2, 'COUNCIL_PASSED'), ('AWARDED', 3, 'AWARDED')) as e(kind, step, reached)
      where array_position(array['IN_REVIEW', 'ACCEPTED', 'COUNCIL_PASSED', 'AWARDED'], n.status) >= array_position(array['IN_REVIEW', 'ACCEPTED', 'COUNCIL_PASSED', 'AWARDED'], e.reached)`);
    return { registrations: reg.rowCount ?? 0, nominations: nom.rowCount ?? 0, events: ev.rowCount ?? 0 };
  });
  await db.execute(sql`vacuum (analyze) emulation_registration, nomination_round, nomination, nomination_event`);
  const seconds = secs(t0);
  opts.log?.(`funnel ${year}: ${r.registrations} registrations, ${r.nominations} nominations, ${r.events} events in ${seconds} s`);
  return { year, ...r, seconds };
}
