// Drill-down from a dashboard figure to its records (issue 10): the same reader check as the
// dashboard (readableOrg), the figure's query (drilldown.queries.ts), rows mapped to the contract
// and a title saying in words which figure they are. Read-only: no audit event.
import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import type { AuthActor } from '../../lib/actor';
import type { Locale } from '../../../contracts/enums';
import { t, type MessageKey } from '../../../contracts/messages';
import type { AwardRecordRow, DrilldownDto, FigureSelector, FunnelRowDto, OverdueRowDto, StreakRowDto } from '../../../contracts/dashboard-drilldown';
import { validation } from '../../lib/errors';
import { todayInVietnam } from '../imports/xlsx/validate-member-row';
import { readableOrg } from './dashboard.service';
import {
  countRows, drillQuery, pageRows, type AwardRecordSqlRow, type DrillScope, type FunnelSqlRow, type OverdueSqlRow, type StreakSqlRow,
} from './drilldown.queries';

const viNumber = (n: number) => n.toLocaleString('vi-VN');

type Row = AwardRecordRow | StreakRowDto | FunnelRowDto | OverdueRowDto;

/** The organisation level's label (the dashboard's overdue table uses the same keys). */
export const levelText = (locale: Locale, rank: number) =>
  t(locale, ([10, 20, 30, 40, 50, 60].includes(rank) ? `dashboard.level.${rank}` : 'dashboard.level.other') as MessageKey);

const awardName = (locale: Locale, r: { name_vi: string; name_en: string }) => (locale === 'en' ? r.name_en : r.name_vi);

function mapAward(locale: Locale, r: AwardRecordSqlRow): AwardRecordRow {
  return {
    id: Number(r.id),
    subject: r.person_id === null ? 'COLLECTIVE' : 'INDIVIDUAL',
    personId: r.person_id === null ? null : Number(r.person_id),
    orgId: r.org_id === null ? null : Number(r.org_id),
    subjectName: r.subject_name,
    subjectCode: r.subject_code,
    unitName: r.unit_name,
    awardCode: r.award_code,
    awardName: awardName(locale, r),
    year: Number(r.year),
    decisionNumber: r.decision_number,
    decisionDate: r.decision_date,
    source: r.source,
    sourceLabel: t(locale, `recordSource.${r.source}`),
  };
}

function mapStreak(subject: 'PERSON' | 'UNIT', r: StreakSqlRow): StreakRowDto {
  return {
    subject,
    personId: subject === 'PERSON' ? Number(r.subject) : null,
    orgId: subject === 'UNIT' ? Number(r.subject) : null,
    subjectName: r.subject_name,
    subjectCode: r.subject_code,
    unitName: r.unit_name,
    years: Number(r.years),
    fromYear: Number(r.from_year),
  };
}

function mapFunnel(locale: Locale, r: FunnelSqlRow): FunnelRowDto {
  const registration = r.kind === 'REGISTRATION';
  return {
    kind: r.kind,
    id: Number(r.id),
    subject: r.individual ? 'INDIVIDUAL' : 'COLLECTIVE',
    subjectName: r.subject_name,
    subjectCode: r.subject_code,
    unitName: r.unit_name,
    awardCode: r.award_code,
    awardName: awardName(locale, r),
    status: r.status,
    statusLabel: t(locale, registration ? `registration.review.${r.status}` : `web.nominations.status.${r.status}`),
    date: r.date,
    link: registration ? null : `/de-nghi/ho-so/${Number(r.id)}`,
  };
}

const OVERDUE_LINK = {
  RESPONSE: '/yeu-cau/',
  APPRAISAL: '/de-nghi/to-trinh/',
  OPINION: '/de-nghi/ho-so/',
  SCORE_SHEET: '/cham-diem/phieu/',
  RECOMMENDATION: '/kiem-tra/',
} as const;

function mapOverdue(locale: Locale, kind: keyof typeof OVERDUE_LINK, r: OverdueSqlRow): OverdueRowDto {
  const b = r.b ?? '';
  const title =
    kind === 'OPINION'
      ? t(locale, 'drilldown.overdue.opinion', { agency: r.a, subject: b })
      : kind === 'SCORE_SHEET'
        ? t(locale, 'drilldown.overdue.scoreSheet', { round: r.a, subject: b })
        : kind === 'RECOMMENDATION'
          ? t(locale, 'drilldown.overdue.recommendation', { topic: r.a, text: b })
          : r.a;
  return {
    kind,
    id: Number(r.id),
    title,
    orgId: Number(r.org_id),
    orgName: r.org_name,
    rank: Number(r.rank),
    levelLabel: levelText(locale, Number(r.rank)),
    dueOn: r.due_on,
    daysOverdue: Number(r.days),
    link: `${OVERDUE_LINK[kind]}${Number(r.link_id)}`,
  };
}

function mapRows(locale: Locale, sel: FigureSelector, rows: Record<string, unknown>[]): Row[] {
  switch (sel.figure) {
    case 'award':
    case 'share':
      return rows.map((r) => mapAward(locale, r as AwardRecordSqlRow));
    case 'streak':
      return rows.map((r) => mapStreak(sel.subject, r as StreakSqlRow));
    case 'funnel':
      return rows.map((r) => mapFunnel(locale, r as FunnelSqlRow));
    case 'overdue':
      return rows.map((r) => mapOverdue(locale, sel.kind, r as OverdueSqlRow));
  }
}

/** The figure in words ("Khen thưởng “Lao động tiên tiến” (cá nhân) năm 2025"); 400 for an unknown award code. */
async function figureTitle(db: DbOrTx, locale: Locale, year: number, sel: FigureSelector): Promise<string> {
  switch (sel.figure) {
    case 'award': {
      const r = await db.execute<{ name_vi: string; name_en: string }>(sql`select name_vi, name_en from award_type where code = ${sel.code}`);
      const a = r.rows[0];
      if (!a) throw validation('drilldown.award.unknown', { code: sel.code });
      return t(locale, 'drilldown.title.award', { award: awardName(locale, a), subject: t(locale, `drilldown.subject.${sel.subject}`), year });
    }
    case 'share': {
      const y = sel.period === 'THIS' ? year : year - 1;
      const share = t(locale, `dashboard.share.${sel.key}`);
      if (sel.part === 'NUMERATOR') return t(locale, 'drilldown.title.shareNumerator', { share, year: y });
      return t(locale, sel.key === 'SMALL_COLLECTIVE' ? 'drilldown.title.shareDenominatorCollective' : 'drilldown.title.shareDenominatorIndividual', { share, year: y });
    }
    case 'streak':
      return t(locale, `drilldown.title.streak.${sel.subject}`, { years: sel.minYears, year });
    case 'funnel':
      return t(locale, 'drilldown.title.funnel', { year, stage: t(locale, `dashboard.funnel.${sel.stage}`) });
    case 'overdue': {
      const kind = t(locale, `dashboard.overdue.${sel.kind}`);
      return sel.rank === undefined ? t(locale, 'drilldown.title.overdue', { kind }) : t(locale, 'drilldown.title.overdueLevel', { kind, level: levelText(locale, sel.rank) });
    }
  }
}

interface Request {
  orgId: number;
  year: number;
  figure: FigureSelector;
}

async function prepare(db: DbOrTx, actor: AuthActor, locale: Locale, q: Request) {
  const org = await readableOrg(db, actor, q.orgId);
  const today = todayInVietnam();
  const scope: DrillScope = { path: org.path, year: q.year, today };
  const title = await figureTitle(db, locale, q.year, q.figure);
  return { org, today, title, query: drillQuery(scope, q.figure) };
}

/** One page of the figure's records, with how many there are in all. */
export async function drilldownPage(db: DbOrTx, actor: AuthActor, locale: Locale, q: Request & { page: number; pageSize: number }): Promise<DrilldownDto> {
  const { title, query } = await prepare(db, actor, locale, q);
  const [total, rows] = await Promise.all([countRows(db, query), pageRows(db, query, q.pageSize, (q.page - 1) * q.pageSize)]);
  return { figure: q.figure.figure, title, total, page: q.page, pageSize: q.pageSize, items: mapRows(locale, q.figure, rows) } as DrilldownDto;
}

/** Every record of the figure (at most `max`; more → 400 saying how many). */
export async function drilldownAll(db: DbOrTx, actor: AuthActor, locale: Locale, q: Request, max: number) {
  const { org, today, title, query } = await prepare(db, actor, locale, q);
  // One read of at most max + 1 rows; the count (for the message) only when the list is too long.
  const rows = await pageRows(db, query, max + 1, 0);
  if (rows.length > max) throw validation('drilldown.export.tooMany', { count: viNumber(await countRows(db, query)), max: viNumber(max) });
  return { org, today, title, rows: mapRows(locale, q.figure, rows) };
}

/** Splits the flat query into the scope, the page and the figure selector. */
export function splitQuery<T extends { orgId: number; year: number; page?: number; pageSize?: number }>(q: T & FigureSelector) {
  const { orgId, year, page, pageSize, ...figure } = q;
  return { orgId, year, page, pageSize, figure: figure as unknown as FigureSelector };
}
