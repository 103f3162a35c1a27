// Loads the eligibility facts of many candidates at once, set-based: one query per subject kind,
// each candidate's records aggregated into compact JSON arrays by PostgreSQL, so the row count is
// the candidate count (not the record count) and Node parses one JSON value per kind and candidate.
import { sql, type SQL } from 'drizzle-orm';
import { unionWorkYearsSql } from '../achievements/union-work';
import type { DbOrTx } from '../../db/client';
import type { PersonFacts, UnitFacts } from '../../../contracts/eligibility';
import type { HistoryWindow } from '../../../domain/eligibility';
import type {
  AbsenceReason, DisciplineLevel, EducationLevel, InitiativeScope, OrgStatus, PendingCaseKind, Rating, UnionWorkCategory,
} from '../../../contracts/enums';

/** How many years of history a batch reads before the year considered (chains need at most 6). */
export const HISTORY_YEARS = 12;

export interface PersonCandidate {
  id: number;
  code: string;
  name: string;
  orgId: number | null;
  orgName: string | null;
  orgPath: string | null;
  facts: PersonFacts;
}

export interface UnitCandidate {
  id: number;
  code: string;
  name: string;
  parentId: number | null;
  parentName: string | null;
  path: string;
  facts: UnitFacts;
}

type Tuple = (string | number | boolean | null)[];

type PersonRow = {
  id: number;
  member_code: string;
  full_name: string;
  org_id: number | null;
  org_name: string | null;
  org_path: string | null;
  service_start_date: string | null;
  is_leader: boolean;
  is_direct_worker: boolean;
  gender: 'MALE' | 'FEMALE';
  education_level: EducationLevel | null;
  union_work_category: UnionWorkCategory | null;
  union_work_years: number | null;
  /** `id:code:year,…` (award codes are [A-Z0-9_]); compact text parses faster than JSON. */
  awards: string | null;
  /** `[id, decision number]` JSON arrays, comma-separated, for the awards of the year considered. */
  decisions: string | null;
  /** `id:year:rating,…` */
  ratings: string | null;
  initiatives: string | null;
  research: string | null;
  disciplines: string | null;
  absences: string | null;
  pending: string | null;
  registrations: string | null;
};

export interface PersonSelection {
  /** Subtree path (`/1/5/`) or a single person. */
  path?: string;
  personIds?: readonly number[];
  /** Diacritic-free name or member-code filter. */
  q?: string;
  year: number;
  referenceDate: string;
  /** History the target's rules read (src/domain/eligibility/window.ts); default: all awards and HISTORY_YEARS of the rest. */
  window?: HistoryWindow;
}

const str = (v: string | number | boolean | null | undefined) => (v === null || v === undefined ? undefined : String(v));

/** Active records only: revoked and superseded rows are history, not facts. */
export async function loadPersonCandidates(db: DbOrTx, sel: PersonSelection): Promise<PersonCandidate[]> {
  const from = sel.year - (sel.window ? sel.window.years - 1 : HISTORY_YEARS);
  const ratingsFrom = sel.year - (sel.window ? sel.window.ratingYears - 1 : HISTORY_YEARS);
  const fromDate = `${from}-01-01`;
  // Awards outside the window are read only for the codes the window names (e.g. Kỷ niệm chương: once).
  // and, when the window names them, only the codes the rules read.
  const awardsWhere = sel.window
    ? sql`(r.year >= ${from} or r.award_code = any(${sql.param([...sel.window.allYearCodes])}::text[]))${
        sel.window.awardCodes ? sql` and r.award_code = any(${sql.param([...sel.window.awardCodes])}::text[])` : sql``
      }`
    : sql`true`;
  const where: SQL[] = [sql`p.status = 'ACTIVE'`];
  if (sel.path !== undefined) where.push(sql`p.org_path like ${`${sel.path}%`}`);
  if (sel.personIds !== undefined) where.push(sql`p.id = any(${sql.raw(`'{${sel.personIds.map(Number).join(',')}}'::bigint[]`)})`);
  if (sel.q) {
    const folded = `%${sel.q}%`;
    where.push(sql`(p.name_folded like vd_fold(${folded}) or p.member_code ilike ${folded})`);
  }
  // Every kind of record in one union, aggregated once per person: one sort instead of one per kind.
  // Awards and ratings travel as compact `id:code:year` / `id:year:rating` text, the rest as JSON.
  const ref = sql`${sel.referenceDate}::date`;
  const r = await db.execute<PersonRow>(sql`
    with c as materialized (
      select p.id, p.member_code, p.full_name, p.org_id, p.org_path, p.service_start_date, p.is_leader, p.is_direct_worker,
             p.gender, p.education_level, p.union_work_category, p.union_work_years_before
      from person p where ${sql.join(where, sql` and `)}
    ),
    recs as (
      select r.person_id, 1 as k, r.id || ':' || r.award_code || ':' || r.year as t from award_record r
        where r.status = 'ACTIVE' and ${awardsWhere}
      union all
      select r.person_id, 2, r.id || ':' || r.year || ':' || r.rating from performance_rating r where r.status = 'ACTIVE' and r.year >= ${ratingsFrom}
      union all
      select r.person_id, 3, json_build_array(r.id, r.recognised_on, r.scope, r.applied, r.benefit_value_vnd)::text from initiative r
        where r.status = 'ACTIVE' and r.recognised_on >= ${fromDate}
      union all
      select r.person_id, 4, json_build_array(r.id, r.accepted_on, r.scope, r.applied)::text from research_topic r
        where r.status = 'ACTIVE' and r.accepted_on >= ${fromDate}
      union all
      select r.person_id, 5, json_build_array(r.id, r.level, r.valid_from, r.valid_to)::text from discipline r where r.status = 'ACTIVE'
      union all
      select r.person_id, 6, json_build_array(r.id, r.reason, r.valid_from, r.valid_to)::text from absence r
        where r.status = 'ACTIVE' and r.valid_to >= ${fromDate}
      union all
      select r.person_id, 7, json_build_array(r.id, r.kind, r.opened_on, r.closed_on)::text from pending_case r where r.status = 'ACTIVE'
      union all
      select r.person_id, 8, json_build_array(r.id, r.year, r.award_code)::text from emulation_registration r
        where r.status = 'ACTIVE' and r.review_status <> 'RETURNED' and r.year >= ${from}
      union all
      -- The decision numbers of the year considered: the only ones an explanation names.
      select r.person_id, 9, json_build_array(r.id, r.decision_number)::text from award_record r
        where r.status = 'ACTIVE' and r.year = ${sel.year} and r.decision_number is not null
    ),
    agg as (
      select x.person_id,
             string_agg(x.t, ',') filter (where x.k = 1) as awards, string_agg(x.t, ',') filter (where x.k = 2) as ratings,
             string_agg(x.t, ',') filter (where x.k = 3) as initiatives, string_agg(x.t, ',') filter (where x.k = 4) as research,
             string_agg(x.t, ',') filter (where x.k = 5) as disciplines, string_agg(x.t, ',') filter (where x.k = 6) as absences,
             string_agg(x.t, ',') filter (where x.k = 7) as pending, string_agg(x.t, ',') filter (where x.k = 8) as registrations,
             string_agg(x.t, ',') filter (where x.k = 9) as decisions
      from recs x join c on c.id = x.person_id group by x.person_id
    ),
    uw as (
      select f.person_id from officer f join c on c.id = f.person_id where f.valid_from <= ${ref} group by f.person_id
    )
    select c.id, c.member_code, c.full_name, c.org_id, o.name as org_name, c.org_path, c.service_start_date, c.is_leader,
           c.is_direct_worker, c.gender, c.education_level, c.union_work_category,
           case when c.union_work_years_before is null and uw.person_id is null then null
                else ${unionWorkYearsSql(sql`c.id`, sql`c.union_work_years_before`, ref)} end as union_work_years,
           agg.awards, agg.decisions, agg.ratings, agg.initiatives, agg.research, agg.disciplines, agg.absences, agg.pending, agg.registrations
    from c left join organisation o on o.id = c.org_id left join agg on agg.person_id = c.id left join uw on uw.person_id = c.id`);
  return r.rows.map(toPersonCandidate);
}

/** Calls `fn` with the three parts of every `a:b:c` item of a comma-separated list (hand-parsed: a batch reads hundreds of thousands). */
function eachTriple(s: string | null, fn: (a: string, b: string, c: string) => void): void {
  if (!s) return;
  let i = 0;
  while (i < s.length) {
    const a = s.indexOf(':', i);
    const b = s.indexOf(':', a + 1);
    let e = s.indexOf(',', b + 1);
    if (e < 0) e = s.length;
    fn(s.slice(i, a), s.slice(a + 1, b), s.slice(b + 1, e));
    i = e + 1;
  }
}

/** `id:code:year,…` → award facts, with the decision numbers of the year considered. */
function parseAwards(s: string | null, decisions: ReadonlyMap<string, string>): PersonFacts['awards'] {
  const out: PersonFacts['awards'] = [];
  eachTriple(s, (id, code, year) => {
    const decisionNumber = decisions.size > 0 ? decisions.get(id) : undefined;
    const award = { id: Number(id), code, year: Number(year) };
    out.push(decisionNumber === undefined ? award : { ...award, decisionNumber });
  });
  return out;
}

/** `id:year:rating,…` → rating facts. */
function parseRatings(s: string | null): PersonFacts['ratings'] {
  const out: PersonFacts['ratings'] = [];
  eachTriple(s, (id, year, rating) => out.push({ id: Number(id), year: Number(year), rating: rating as Rating }));
  return out;
}

/** Comma-separated JSON arrays (as string_agg joins them) → the arrays. */
const jsonList = (s: string | null): Tuple[] => (s ? (JSON.parse(`[${s}]`) as Tuple[]) : []);

function toPersonCandidate(row: PersonRow): PersonCandidate {
  const decisions = new Map(jsonList(row.decisions).map(([id, number]) => [String(id), String(number)]));
  const facts: PersonFacts = {
    subject: 'INDIVIDUAL',
    id: Number(row.id),
    name: row.full_name,
    serviceStartDate: row.service_start_date ?? undefined,
    isLeader: row.is_leader,
    isDirectWorker: row.is_direct_worker,
    gender: row.gender,
    educationLevel: row.education_level ?? undefined,
    unionWorkCategory: row.union_work_category ?? undefined,
    unionWorkYears: row.union_work_years ?? undefined,
    awards: parseAwards(row.awards, decisions),
    ratings: parseRatings(row.ratings),
    initiatives: jsonList(row.initiatives).map(([id, recognisedOn, scope, applied, benefit]) => ({
      id: Number(id), recognisedOn: String(recognisedOn), scope: scope as InitiativeScope, applied: applied === true,
      benefitValueVnd: benefit === null ? undefined : Number(benefit),
    })),
    research: jsonList(row.research).map(([id, acceptedOn, scope, applied]) => ({
      id: Number(id), acceptedOn: String(acceptedOn), scope: scope as InitiativeScope, applied: applied === true,
    })),
    disciplines: jsonList(row.disciplines).map(([id, level, from, to]) => ({ id: Number(id), level: level as DisciplineLevel, from: String(from), to: str(to) })),
    absences: jsonList(row.absences).map(([id, reason, from, to]) => ({ id: Number(id), reason: reason as AbsenceReason, from: String(from), to: String(to) })),
    pendingCases: jsonList(row.pending).map(([id, kind, openedOn, closedOn]) => ({ id: Number(id), kind: kind as PendingCaseKind, openedOn: String(openedOn), closedOn: str(closedOn) })),
    registrations: jsonList(row.registrations).map(([id, year, code]) => ({ id: Number(id), year: Number(year), code: String(code) })),
  };
  return {
    id: Number(row.id),
    code: row.member_code,
    name: row.full_name,
    orgId: row.org_id === null ? null : Number(row.org_id),
    orgName: row.org_name,
    orgPath: row.org_path,
    facts,
  };
}

type UnitRow = {
  id: number;
  code: string;
  name: string;
  status: OrgStatus;
  valid_to: string | null;
  parent_id: number | null;
  parent_name: string | null;
  path: string;
  awards: Tuple[] | null;
  ratings: Tuple[] | null;
  disciplines: Tuple[] | null;
  pending: Tuple[] | null;
  registrations: Tuple[] | null;
  leads: Tuple[] | null;
  stats: Tuple[] | null;
  member_stats: Tuple | null;
};

export interface UnitSelection {
  path?: string;
  orgIds?: readonly number[];
  q?: string;
  year: number;
}

/**
 * Collective candidates. Yearly figures come from the unit's reported statistics; when none were
 * reported for the year, they are computed from the records of the unit's current members
 * (members with a rating for the year are the ones assessed).
 */
export async function loadUnitCandidates(db: DbOrTx, sel: UnitSelection): Promise<UnitCandidate[]> {
  const from = sel.year - HISTORY_YEARS;
  const where: SQL[] = [sql`(o.status = 'ACTIVE' or o.valid_to >= ${`${sel.year}-01-01`}::date)`];
  if (sel.path !== undefined) where.push(sql`o.path like ${`${sel.path}%`}`);
  if (sel.orgIds !== undefined) where.push(sql`o.id = any(${sql.raw(`'{${sel.orgIds.map(Number).join(',')}}'::bigint[]`)})`);
  if (sel.q) {
    const folded = `%${sel.q}%`;
    where.push(sql`(vd_fold(o.name) like vd_fold(${folded}) or o.code ilike ${folded})`);
  }
  const y = sel.year;
  const r = await db.execute<UnitRow>(sql`
    with c as materialized (
      select o.id, o.code, o.name, o.status, o.valid_to, o.parent_id, o.path from organisation o where ${sql.join(where, sql` and `)}
    ),
    aw as (select r.org_id, json_agg(json_build_array(r.id, r.award_code, r.year, r.decision_number, r.decision_date, r.issuer_name)) a
           from award_record r join c on c.id = r.org_id where r.status = 'ACTIVE' group by r.org_id),
    rt as (select r.org_id, json_agg(json_build_array(r.id, r.year, r.rating)) a
           from performance_rating r join c on c.id = r.org_id where r.status = 'ACTIVE' and r.year >= ${from} group by r.org_id),
    dc as (select r.org_id, json_agg(json_build_array(r.id, r.level, r.valid_from, r.valid_to)) a
           from discipline r join c on c.id = r.org_id where r.status = 'ACTIVE' group by r.org_id),
    pc as (select r.org_id, json_agg(json_build_array(r.id, r.kind, r.opened_on, r.closed_on)) a
           from pending_case r join c on c.id = r.org_id where r.status = 'ACTIVE' group by r.org_id),
    rg as (select r.org_id, json_agg(json_build_array(r.id, r.year, r.award_code)) a
           from emulation_registration r join c on c.id = r.org_id where r.status = 'ACTIVE' and r.review_status <> 'RETURNED' and r.year >= ${from} group by r.org_id),
    cl as (select r.org_id, json_agg(json_build_array(r.id, r.year, r.cluster_name, r.level)) a
           from cluster_lead r join c on c.id = r.org_id where r.status = 'ACTIVE' and r.year >= ${from} group by r.org_id),
    st as (select r.org_id, json_agg(json_build_array(r.year, r.members, r.completed, r.ldtt, r.cstdcs, r.disciplined_warning_or_above)) a
           from unit_year_stats r join c on c.id = r.org_id where r.status = 'ACTIVE' and r.year >= ${from} group by r.org_id),
    ms as (
      select c.id as org_id,
             json_build_array(${y}::int, count(pr.id)::int,
               count(pr.id) filter (where pr.rating <> 'KHTNV')::int,
               count(pr.id) filter (where exists (select 1 from award_record a where a.person_id = p.id and a.year = ${y} and a.award_code = 'LDTT' and a.status = 'ACTIVE'))::int,
               count(pr.id) filter (where exists (select 1 from award_record a where a.person_id = p.id and a.year = ${y} and a.award_code = 'CSTD_CS' and a.status = 'ACTIVE'))::int,
               count(pr.id) filter (where exists (select 1 from discipline d where d.person_id = p.id and d.status = 'ACTIVE'
                 and d.level <> 'KHIEN_TRACH' and d.valid_from <= ${`${y}-12-31`}::date and coalesce(d.valid_to, 'infinity'::date) >= ${`${y}-01-01`}::date))::int) a
      from c join person p on p.org_path like c.path || '%' and p.status = 'ACTIVE'
        join performance_rating pr on pr.person_id = p.id and pr.year = ${y} and pr.status = 'ACTIVE'
      group by c.id
    )
    select c.id, c.code, c.name, c.status, c.valid_to, c.parent_id, po.name as parent_name, c.path,
           aw.a as awards, rt.a as ratings, dc.a as disciplines, pc.a as pending, rg.a as registrations, cl.a as leads,
           st.a as stats, ms.a as member_stats
    from c left join organisation po on po.id = c.parent_id
      left join aw on aw.org_id = c.id left join rt on rt.org_id = c.id left join dc on dc.org_id = c.id
      left join pc on pc.org_id = c.id left join rg on rg.org_id = c.id left join cl on cl.org_id = c.id
      left join st on st.org_id = c.id left join ms on ms.org_id = c.id
    order by c.path`);
  return r.rows.map((row) => toUnitCandidate(row, y));
}

function toUnitCandidate(row: UnitRow, year: number): UnitCandidate {
  const stats = (row.stats ?? []).map(([y, members, completed, ldtt, cstdcs, disciplined]) => ({
    year: Number(y), members: Number(members), completed: Number(completed), ldtt: Number(ldtt), cstdcs: Number(cstdcs), disciplinedWarningOrAbove: Number(disciplined),
  }));
  const computed = row.member_stats;
  if (computed && Number(computed[1]) > 0 && !stats.some((s) => s.year === year)) {
    const [y, members, completed, ldtt, cstdcs, disciplined] = computed;
    stats.push({ year: Number(y), members: Number(members), completed: Number(completed), ldtt: Number(ldtt), cstdcs: Number(cstdcs), disciplinedWarningOrAbove: Number(disciplined) });
  }
  const facts: UnitFacts = {
    subject: 'COLLECTIVE',
    id: Number(row.id),
    name: row.name,
    status: row.status,
    endedOn: row.status === 'ACTIVE' ? undefined : (row.valid_to ?? undefined),
    awards: (row.awards ?? []).map(([id, code, y, decisionNumber, decisionDate, issuer]) => ({
      id: Number(id), code: String(code), year: Number(y), decisionNumber: str(decisionNumber), decisionDate: str(decisionDate), issuer: str(issuer),
    })),
    ratings: (row.ratings ?? []).map(([id, y, rating]) => ({ id: Number(id), year: Number(y), rating: rating as Rating })),
    disciplines: (row.disciplines ?? []).map(([id, level, from, to]) => ({ id: Number(id), level: level as DisciplineLevel, from: String(from), to: str(to) })),
    pendingCases: (row.pending ?? []).map(([id, kind, openedOn, closedOn]) => ({ id: Number(id), kind: kind as PendingCaseKind, openedOn: String(openedOn), closedOn: str(closedOn) })),
    registrations: (row.registrations ?? []).map(([id, y, code]) => ({ id: Number(id), year: Number(y), code: String(code) })),
    stats,
    clusterLeads: (row.leads ?? []).map(([id, y, cluster, level]) => ({ id: Number(id), year: Number(y), cluster: str(cluster), level: level as 'UPPER' | 'PROVINCE' | 'CENTRAL' })),
  };
  return {
    id: Number(row.id),
    code: row.code,
    name: row.name,
    parentId: row.parent_id === null ? null : Number(row.parent_id),
    parentName: row.parent_name,
    path: row.path,
    facts,
  };
}
