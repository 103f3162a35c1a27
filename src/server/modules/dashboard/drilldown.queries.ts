// The records behind each dashboard figure (issue 10): one set-based query per kind of figure that
// selects exactly the set the figure counts — the same predicates as dashboard.base.ts (records in
// force, the subtree by scope path, the year) and dashboard.overdue.ts (work past its deadline today
// in Vietnam's calendar) — with the columns a reader needs, in Vietnamese order. Counted and paged on
// the server; the export reads the same query without a page.
import { sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import type { FigureSelector } from '../../../contracts/dashboard-drilldown';
import { FUNNEL_EVENT, inForce } from './dashboard.base';
import { overdueItems } from './dashboard.overdue';

export interface DrillScope {
  /** Materialised path of the organisation: the subtree. */
  path: string;
  year: number;
  /** Today in Vietnam's calendar (overdue items). */
  today: string;
}

/** A figure's rows: the select (without order) and its order. */
interface DrillQuery {
  body: SQL;
  order: SQL;
}

const VI = sql.raw('collate "vi-x-icu"');
const inSubtree = (column: string, path: string) => sql`${sql.raw(column)} like ${`${path}%`}`;

// ── Award records (award and share figures) ─────────────────────────────────────────────────────────

export type AwardRecordSqlRow = {
  id: number | string; person_id: number | string | null; org_id: number | string | null; subject_name: string; subject_code: string;
  unit_name: string | null; award_code: string; name_vi: string; name_en: string; year: number; decision_number: string | null;
  decision_date: string | null; source: string;
};

function awardRecords(s: DrillScope, where: SQL): DrillQuery {
  return {
    body: sql`
      select r.id, r.person_id, r.org_id, coalesce(p.full_name, so.name) as subject_name, coalesce(p.member_code, so.code) as subject_code,
             ko.name as unit_name, r.award_code, at.name_vi, at.name_en, r.year::int as year, r.decision_number,
             r.decision_date::text as decision_date, r.source
      from award_record r
      join award_type at on at.code = r.award_code
      left join person p on p.id = r.person_id
      left join organisation so on so.id = r.org_id
      left join lateral (select o.name from organisation o where o.path = r.scope_path order by o.id limit 1) ko on true
      where ${inForce('r', undefined)} and ${inSubtree('r.scope_path', s.path)} and ${where}`,
    order: sql`subject_name ${VI}, year desc, award_code, id`,
  };
}

/** Numerator filter of each share (dashboard.base.ts baseShareCounts), on top of its denominator. */
const SHARE_NUMERATOR = {
  NON_LEADER: sql`not r.subject_is_leader`,
  DIRECT_WORKER: sql`r.subject_is_direct_worker`,
  WOMEN: sql`r.subject_gender = 'FEMALE'`,
  SMALL_COLLECTIVE: sql`r.subject_small`,
} as const;

// ── Streaks ─────────────────────────────────────────────────────────────────────────────────────────

export type StreakSqlRow = {
  subject: number | string; subject_name: string; subject_code: string; unit_name: string | null; years: number; from_year: number;
};

/** The runs of baseStreaks (gaps and islands over years in force, wherever kept) ending in the year. */
function streaks(s: DrillScope, subject: 'PERSON' | 'UNIT', minYears: number): DrillQuery {
  const live = inForce('r', undefined);
  const person = subject === 'PERSON';
  return {
    body: sql`
      with cur as (
        select distinct coalesce(r.person_id, -r.org_id) as subject from award_record r
        where ${live} and ${inSubtree('r.scope_path', s.path)} and r.year = ${s.year} and ${person ? sql`r.person_id is not null` : sql`r.org_id is not null`}
      ), ys as (
        ${person
          ? sql`select cur.subject, r.year from cur join award_record r on r.person_id = cur.subject where ${live} and r.year <= ${s.year}`
          : sql`select cur.subject, r.year from cur join award_record r on r.org_id = -cur.subject where ${live} and r.year <= ${s.year}`}
        group by 1, 2
      ), isl as (
        select subject, year, year - row_number() over (partition by subject order by year) as grp from ys
      ), runs as (
        select subject, count(*)::int as years, min(year)::int as from_year from isl group by subject, grp having max(year) = ${s.year}
      )
      ${person
        ? sql`select runs.subject, p.full_name as subject_name, p.member_code as subject_code, o.name as unit_name, runs.years, runs.from_year
              from runs join person p on p.id = runs.subject left join organisation o on o.id = p.org_id where runs.years >= ${minYears}`
        : sql`select -runs.subject as subject, o.name as subject_name, o.code as subject_code, po.name as unit_name, runs.years, runs.from_year
              from runs join organisation o on o.id = -runs.subject left join organisation po on po.id = o.parent_id where runs.years >= ${minYears}`}`,
    order: sql`years desc, subject_name ${VI}, subject`,
  };
}

// ── Funnel ──────────────────────────────────────────────────────────────────────────────────────────

export type FunnelSqlRow = {
  kind: 'REGISTRATION' | 'NOMINATION'; id: number | string; individual: boolean; subject_name: string; subject_code: string | null;
  unit_name: string | null; award_code: string; name_vi: string; name_en: string; status: string; date: string;
};

function funnel(s: DrillScope, stage: FigureSelector & { figure: 'funnel' }): DrillQuery {
  if (stage.stage === 'REGISTERED') {
    return {
      body: sql`
        select 'REGISTRATION' as kind, g.id, g.person_id is not null as individual, coalesce(p.full_name, so.name) as subject_name,
               coalesce(p.member_code, so.code) as subject_code, u.name as unit_name, g.award_code, at.name_vi, at.name_en,
               g.review_status as status, g.registered_on::text as date
        from emulation_registration g
        join award_type at on at.code = g.award_code
        join organisation u on u.id = g.unit_id
        left join person p on p.id = g.person_id
        left join organisation so on so.id = g.org_id
        where ${inForce('g', undefined)} and not g.review_status = 'RETURNED' and g.year = ${s.year} and ${inSubtree('g.scope_path', s.path)}`,
      order: sql`subject_name ${VI}, award_code, id`,
    };
  }
  const kind = FUNNEL_EVENT[stage.stage];
  const revoked = stage.stage === 'DECIDED' ? sql` and not exists (select 1 from nomination_event rv where rv.nomination_id = n.id and rv.kind = 'REVOKED')` : sql``;
  return {
    body: sql`
      select 'NOMINATION' as kind, n.id, n.person_id is not null as individual, n.subject_name, coalesce(p.member_code, so.code) as subject_code,
             po.name as unit_name, n.award_code, at.name_vi, at.name_en, n.status, (min(e.occurred_at) at time zone 'Asia/Ho_Chi_Minh')::date::text as date
      from nomination n
      join nomination_round nr on nr.id = n.round_id and nr.year = ${s.year}
      join nomination_event e on e.nomination_id = n.id and e.kind = ${kind}
      join award_type at on at.code = n.award_code
      join organisation po on po.id = n.proposer_org_id
      left join person p on p.id = n.person_id
      left join organisation so on so.id = n.subject_org_id
      where ${inSubtree('n.subject_path', s.path)}${revoked}
      group by n.id, p.member_code, so.code, po.name, at.name_vi, at.name_en`,
    order: sql`subject_name ${VI}, award_code, id`,
  };
}

// ── Overdue ─────────────────────────────────────────────────────────────────────────────────────────

export type OverdueSqlRow = {
  id: number | string; a: string; b: string | null; link_id: number | string; org_id: number | string; org_name: string; rank: number;
  due_on: string; days: number;
};

function overdue(s: DrillScope, sel: FigureSelector & { figure: 'overdue' }): DrillQuery {
  return {
    body: sql`
      select x.id, x.a, x.b, x.link_id, x.org_id, o.name as org_name, k.rank::int as rank, x.due_on::text as due_on, (${s.today}::date - x.due_on)::int as days
      from (${overdueItems(sel.kind, s.path, s.today)}) x join organisation o on o.id = x.org_id join org_kind k on k.code = o.kind
      ${sel.rank === undefined ? sql`` : sql`where k.rank = ${sel.rank}`}`,
    order: sql`days desc, org_name ${VI}, a ${VI}, id`,
  };
}

// ── Dispatch ────────────────────────────────────────────────────────────────────────────────────────

export function drillQuery(s: DrillScope, sel: FigureSelector): DrillQuery {
  switch (sel.figure) {
    case 'award': {
      const subject = sel.subject === 'INDIVIDUAL' ? sql` and r.person_id is not null` : sel.subject === 'COLLECTIVE' ? sql` and r.org_id is not null` : sql``;
      return awardRecords(s, sql`r.year = ${s.year} and r.award_code = ${sel.code}${subject}`);
    }
    case 'share': {
      const year = sel.period === 'THIS' ? s.year : s.year - 1;
      const side = sel.key === 'SMALL_COLLECTIVE' ? sql`r.org_id is not null` : sql`r.person_id is not null`;
      const numerator = sel.part === 'NUMERATOR' ? sql` and ${SHARE_NUMERATOR[sel.key]}` : sql``;
      return awardRecords(s, sql`r.year = ${year} and ${side}${numerator}`);
    }
    case 'streak':
      return streaks(s, sel.subject, sel.minYears);
    case 'funnel':
      return funnel(s, sel);
    case 'overdue':
      return overdue(s, sel);
  }
}

export async function countRows(db: DbOrTx, q: DrillQuery): Promise<number> {
  const r = await db.execute<{ n: number | string }>(sql`select count(*) as n from (${q.body}) c`);
  return Number(r.rows[0]!.n);
}

export async function pageRows(db: DbOrTx, q: DrillQuery, limit: number, offset: number): Promise<Record<string, unknown>[]> {
  const r = await db.execute<Record<string, unknown>>(sql`select * from (${q.body}) d order by ${q.order} limit ${limit} offset ${offset}`);
  return r.rows;
}
