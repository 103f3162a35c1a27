// The public page of an organisation's consultations: the lists still running (or about to), and
// those ended in the last 90 days. Only what the law asks to publish: the subject's name, unit,
// award and the public summary — never a CCCD, phone, email or birth date.
import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { CONSULTATION_LIMITS, type PublicConsultationPage } from '../../../contracts/consultations';
import { addCalendarDays } from '../../../domain/nominations';
import { todayInVietnam } from '../imports/xlsx';
import { awardNames } from '../nominations/rounds.service';
import { phaseOf, SUBJECT_UNIT_JOINS } from './consultations.service';

export async function listPublicConsultations(db: DbOrTx, code: string, page: number, pageSize: number): Promise<PublicConsultationPage | null> {
  const org = await db.execute<{ id: number; code: string; name: string }>(sql`select id, code, name from organisation where code = ${code} and status = 'ACTIVE'`);
  const o = org.rows[0];
  if (!o) return null;
  const today = todayInVietnam();
  const since = addCalendarDays(today, -CONSULTATION_LIMITS.publicDaysAfterEnd);
  const where = sql`c.org_id = ${o.id} and c.status = 'OPEN' and c.ends_on >= ${since}::date`;
  const [rows, total] = await Promise.all([
    db.execute<{ id: number; title: string; starts_on: string; ends_on: string; working_days: number; status: string }>(sql`
      select c.id, c.title, c.starts_on::text as starts_on, c.ends_on::text as ends_on, c.working_days, c.status
      from consultation c where ${where}
      order by (c.ends_on < ${today}::date), c.starts_on desc, c.id desc limit ${pageSize} offset ${(page - 1) * pageSize}`),
    db.execute<{ n: number }>(sql`select count(*)::int as n from consultation c where ${where}`),
  ]);
  const ids = rows.rows.map((c) => Number(c.id));
  const [items, awards] = await Promise.all([
    ids.length === 0
      ? Promise.resolve({ rows: [] as { id: number; consultation_id: number; subject_name: string; unit_name: string; award_code: string; public_summary: string }[] })
      : db.execute<{ id: number; consultation_id: number; subject_name: string; unit_name: string; award_code: string; public_summary: string }>(sql`
          select i.id, i.consultation_id, n.subject_name, coalesce(su.name, '') as unit_name, n.award_code, i.public_summary
          from consultation_item i join nomination n on n.id = i.nomination_id ${SUBJECT_UNIT_JOINS}
          where i.consultation_id = any(${sql.param(ids)}::bigint[])
          order by i.consultation_id, i.id`),
    awardNames(db, 'vi'),
  ]);
  return {
    org: { code: o.code, name: o.name },
    items: rows.rows.map((c) => ({
      id: Number(c.id),
      title: c.title,
      startsOn: c.starts_on,
      endsOn: c.ends_on,
      workingDays: Number(c.working_days),
      phase: phaseOf(c, today),
      items: items.rows
        .filter((i) => Number(i.consultation_id) === Number(c.id))
        .map((i) => ({ id: Number(i.id), subjectName: i.subject_name, unitName: i.unit_name, awardName: awards.get(i.award_code)?.name ?? i.award_code, publicSummary: i.public_summary })),
    })),
    total: Number(total.rows[0]!.n),
    page,
    pageSize,
  };
}
