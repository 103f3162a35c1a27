// The records behind each dashboard figure (issue 10): one set-based query per kind of figure that
// selects exactly the set the figure counts — the same predicates as dashboard.base.ts (records in
// force, the subtree by scope path, the year) and dashboard.overdue.ts (work past its deadline today
// in Vietnam's calendar) — with the columns a reader needs. Paged on the server in an index-backed
// order (migration 0024), so that a page reads about its own rows even at national scale: award
// records, registrations and nominations grouped by unit (the scope path, then the id), streaks
// longest first then by name; overdue work (a small set) most overdue first. The totals of figures
// kept in rollups come from the rollups, which equal the figures by construction (0022, 0023); the
// overdue lists are counted. The export reads the same query without a page.
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

/** A figure's rows: the select (without order), its order (over the select's columns) and, where a rollup keeps the figure, its total. */
interface DrillQuery {
  body: SQL;
  order: SQL;
  /** A query of one row `n`: how many rows the select gives (otherwise they are counted). */
  total?: SQL;
}

const VI = sql.raw('collate "vi-x-icu"');
const inSubtree = (column: string, path: string) => sql`${sql.raw(column)} like ${`${path}%`}`;
/** The subtree by scope path in byte order: a range of the drill-down indexes (collate "C"), which also give the order. */
const inSubtreeC = (column: string, path: string) => sql`${sql.raw(column)} collate "C" like ${`${path}%`}`;
/** Grouped by unit: the scope path in byte order, then the id (the select outputs scope_path and id). */
const BY_UNIT = sql`d.scope_path collate "C", d.id`;

// ── Award records (award and share figures) ─────────────────────────────────────────────────────────

export type AwardRecordSqlRow = {
  id: number | string; person_id: number | string | null; org_id: number | string | null; subject_name: string; subject_code: string;
  unit_name: string | null; award_code: string; name_vi: string; name_en: string; year: number; decision_number: string | null;
  decision_date: string | null; source: string; scope_path: string;
};

function awardRecords(s: DrillScope, where: SQL, total: SQL): DrillQuery {
  return {
    body: sql`
      select r.id, r.person_id, r.org_id, coalesce(p.full_name, so.name) as subject_name, coalesce(p.member_code, so.code) as subject_code,
             ko.name as unit_name, r.award_code, at.name_vi, at.name_en, r.year::int as year, r.decision_number,
             r.decision_date::text as decision_date, r.source, r.scope_path
      from award_record r
      join award_type at on at.code = r.award_code
      left join person p on p.id = r.person_id
      left join organisation so on so.id = r.org_id
      left join lateral (select o.name from organisation o where o.path = r.scope_path order by o.id limit 1) ko on true
      where ${inForce('r', undefined)} and ${inSubtreeC('r.scope_path', s.path)} and ${where}`,
    order: BY_UNIT,
    total,
  };
}

/** Numerator filter of each share (dashboard.base.ts baseShareCounts), on top of its denominator. */
const SHARE_NUMERATOR = {
  NON_LEADER: sql`not r.subject_is_leader`,
  DIRECT_WORKER: sql`r.subject_is_direct_worker`,
  WOMEN: sql`r.subject_gender = 'FEMALE'`,
  SMALL_COLLECTIVE: sql`r.subject_small`,
} as const;

/** The rollup column (dash_award_rollup) counting each share's numerator. */
const SHARE_NUMERATOR_COLUMN = { NON_LEADER: 'non_leader', DIRECT_WORKER: 'direct_worker', WOMEN: 'women', SMALL_COLLECTIVE: 'small' } as const;

const awardTotal = (s: DrillScope, year: number, columns: string, code?: string) => sql`
  select coalesce(sum(${sql.raw(columns)}), 0)::bigint as n from dash_award_rollup
  where prefix = ${s.path} and year = ${year}${code === undefined ? sql`` : sql` and award_code = ${code}`}`;

// ── Streaks ─────────────────────────────────────────────────────────────────────────────────────────

export type StreakSqlRow = {
  subject: number | string; subject_name: string; subject_code: string; unit_name: string | null; years: number; from_year: number;
};

/**
 * The runs of baseStreaks ending in the year, as dash_subject_run keeps them (run lengths ≥ 2 and the
 * name when the run was recorded), of the subjects holding an award of the year in the subtree; longest
 * first, then by that name (dash_subject_run_drill_*_idx), then by the subject key.
 */
function streaks(s: DrillScope, subject: 'PERSON' | 'UNIT', minYears: number): DrillQuery {
  const person = subject === 'PERSON';
  const held = person
    ? sql`exists (select 1 from award_record r where r.person_id = u.subject and r.year = ${s.year} and ${inForce('r', undefined)} and ${inSubtree('r.scope_path', s.path)})`
    : sql`exists (select 1 from award_record r where r.org_id = -u.subject and r.year = ${s.year} and ${inForce('r', undefined)} and ${inSubtree('r.scope_path', s.path)})`;
  return {
    body: person
      ? sql`select u.subject, p.full_name as subject_name, p.member_code as subject_code, o.name as unit_name, u.run::int as years,
                   (u.year - u.run + 1)::int as from_year, u.run, u.name, u.subject as subject_key
            from dash_subject_run u join person p on p.id = u.subject left join organisation o on o.id = p.org_id
            where u.year = ${s.year} and u.subject > 0 and u.run >= ${minYears} and ${held}`
      : sql`select -u.subject as subject, o.name as subject_name, o.code as subject_code, po.name as unit_name, u.run::int as years,
                   (u.year - u.run + 1)::int as from_year, u.run, u.name, u.subject as subject_key
            from dash_subject_run u join organisation o on o.id = -u.subject left join organisation po on po.id = o.parent_id
            where u.year = ${s.year} and u.subject < 0 and u.run >= ${minYears} and ${held}`,
    order: sql`d.run desc nulls last, d.name ${VI}, d.subject_key`,
    total: sql`select coalesce(sum(subjects), 0)::bigint as n from dash_streak_count
               where prefix = ${s.path} and year = ${s.year} and kind = ${person ? 'P' : 'U'} and run >= ${minYears}`,
  };
}

// ── Funnel ──────────────────────────────────────────────────────────────────────────────────────────

export type FunnelSqlRow = {
  kind: 'REGISTRATION' | 'NOMINATION'; id: number | string; individual: boolean; subject_name: string; subject_code: string | null;
  unit_name: string | null; award_code: string; name_vi: string; name_en: string; status: string; date: string;
};

const funnelTotal = (s: DrillScope, stage: string) => sql`
  select coalesce(sum(individuals + collectives), 0)::bigint as n from dash_funnel_rollup where prefix = ${s.path} and year = ${s.year} and stage = ${stage}`;

function funnel(s: DrillScope, stage: FigureSelector & { figure: 'funnel' }): DrillQuery {
  if (stage.stage === 'REGISTERED') {
    return {
      body: sql`
        select 'REGISTRATION' as kind, g.id, g.person_id is not null as individual, coalesce(p.full_name, so.name) as subject_name,
               coalesce(p.member_code, so.code) as subject_code, u.name as unit_name, g.award_code, at.name_vi, at.name_en,
               g.review_status as status, g.registered_on::text as date, g.scope_path
        from emulation_registration g
        join award_type at on at.code = g.award_code
        join organisation u on u.id = g.unit_id
        left join person p on p.id = g.person_id
        left join organisation so on so.id = g.org_id
        where ${inForce('g', undefined)} and not g.review_status = 'RETURNED' and g.year = ${s.year} and ${inSubtreeC('g.scope_path', s.path)}`,
      order: BY_UNIT,
      total: funnelTotal(s, stage.stage),
    };
  }
  // The stages a nomination reached (dash_nomination_reach, migration 0023: one row per stage, from its
  // first event of the kind; DECIDED counts while no revocation was recorded), grouped by the subject's unit.
  const kind = FUNNEL_EVENT[stage.stage];
  const revoked = stage.stage === 'DECIDED' ? sql` and not exists (select 1 from dash_nomination_reach rv where rv.nomination_id = n.id and rv.stage = 'REVOKED')` : sql``;
  return {
    body: sql`
      select 'NOMINATION' as kind, n.id, n.person_id is not null as individual, n.subject_name, coalesce(p.member_code, so.code) as subject_code,
             po.name as unit_name, n.award_code, at.name_vi, at.name_en, n.status,
             (select (min(e.occurred_at) at time zone 'Asia/Ho_Chi_Minh')::date::text from nomination_event e where e.nomination_id = n.id and e.kind = ${kind}) as date,
             n.subject_path as scope_path
      from nomination n
      join nomination_round nr on nr.id = n.round_id and nr.year = ${s.year}
      join dash_nomination_reach x on x.nomination_id = n.id and x.stage = ${stage.stage}
      join award_type at on at.code = n.award_code
      join organisation po on po.id = n.proposer_org_id
      left join person p on p.id = n.person_id
      left join organisation so on so.id = n.subject_org_id
      where ${inSubtreeC('n.subject_path', s.path)}${revoked}`,
    order: BY_UNIT,
    total: funnelTotal(s, stage.stage),
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
    order: sql`d.days desc, d.org_name ${VI}, d.a ${VI}, d.id`,
  };
}

// ── Dispatch ────────────────────────────────────────────────────────────────────────────────────────

export function drillQuery(s: DrillScope, sel: FigureSelector): DrillQuery {
  switch (sel.figure) {
    case 'award': {
      const subject = sel.subject === 'INDIVIDUAL' ? sql` and r.person_id is not null` : sel.subject === 'COLLECTIVE' ? sql` and r.org_id is not null` : sql``;
      const counted = sel.subject === 'INDIVIDUAL' ? 'individuals' : sel.subject === 'COLLECTIVE' ? 'collectives' : 'individuals + collectives';
      return awardRecords(s, sql`r.year = ${s.year} and r.award_code = ${sel.code}${subject}`, awardTotal(s, s.year, counted, sel.code));
    }
    case 'share': {
      const year = sel.period === 'THIS' ? s.year : s.year - 1;
      const side = sel.key === 'SMALL_COLLECTIVE' ? sql`r.org_id is not null` : sql`r.person_id is not null`;
      const numerator = sel.part === 'NUMERATOR' ? sql` and ${SHARE_NUMERATOR[sel.key]}` : sql``;
      const counted = sel.part === 'NUMERATOR' ? SHARE_NUMERATOR_COLUMN[sel.key] : sel.key === 'SMALL_COLLECTIVE' ? 'collectives' : 'individuals';
      return awardRecords(s, sql`r.year = ${year} and ${side}${numerator}`, awardTotal(s, year, counted));
    }
    case 'streak':
      return streaks(s, sel.subject, sel.minYears);
    case 'funnel':
      return funnel(s, sel);
    case 'overdue':
      return overdue(s, sel);
  }
}

/** How many rows the figure's select gives: from its rollup when kept there, otherwise counted. */
export async function countRows(db: DbOrTx, q: DrillQuery): Promise<number> {
  const r = await db.execute<{ n: number | string }>(q.total ?? sql`select count(*) as n from (${q.body}) c`);
  return Number(r.rows[0]!.n);
}

export async function pageRows(db: DbOrTx, q: DrillQuery, limit: number, offset: number): Promise<Record<string, unknown>[]> {
  const r = await db.execute<Record<string, unknown>>(sql`select * from (${q.body}) d order by ${q.order} limit ${limit} offset ${offset}`);
  return r.rows;
}
