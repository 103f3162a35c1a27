// Generated documents: the báo cáo thành tích of a nomination, pre-filled with the nominee's history
// from Vinh Danh's records (the unit edits it in Word and uploads it back into the dossier), and the
// tờ trình of a submission with its list (DOCX, XLSX).
import { sql } from 'drizzle-orm';
import type { AuthActor } from '../../lib/actor';
import type { DbOrTx } from '../../db/client';
import type { AppContext } from '../../lib/context';
import { t } from '../../../contracts/messages';
import { vnDate } from '../../lib/dates';
import { defaultReferenceDate } from '../../../domain/eligibility';
import { loadPersonCandidates, loadUnitCandidates } from '../eligibility/facts.repository';
import { placeDateLine } from '../plans/plans.service';
import { todayInVietnam } from '../imports/xlsx';
import { achievementReportDocx, type AchievementReportModel } from './documents/achievement-report-docx';
import { proposalDocx, type ProposalLine } from './documents/proposal-docx';
import { proposalListXlsx } from './documents/proposal-list-xlsx';
import { awardNames } from './rounds.service';
import type { NominationRow } from './nominations.service';
import { loadReadableSubmission, type SubmissionRow } from './submissions.service';

const PLACE_DOTS = '……………';

async function orgHeader(db: DbOrTx, orgId: number): Promise<{ name: string; parentName: string | null; address: string | null; validFrom: string; members: number }> {
  const r = await db.execute<{ name: string; parent_name: string | null; address: string | null; valid_from: string; members: number }>(sql`
    select o.name, p.name as parent_name, o.address, o.valid_from::text as valid_from,
           (select count(*) from person x where x.org_path like o.path || '%' and x.status = 'ACTIVE')::int as members
    from organisation o left join organisation p on p.id = o.parent_id where o.id = ${orgId}`);
  const row = r.rows[0]!;
  return { name: row.name, parentName: row.parent_name, address: row.address, validFrom: row.valid_from, members: Number(row.members) };
}

/** The model of one nomination's report, from its records (awards, ratings, initiatives). */
export async function achievementReportModel(db: DbOrTx, n: NominationRow): Promise<AchievementReportModel> {
  const awards = await awardNames(db, 'vi');
  const year = Number(n.year);
  const proposer = await orgHeader(db, Number(n.proposer_org_id));
  const base = {
    parentOrgName: proposer.parentName,
    orgName: proposer.name,
    placeDateLine: placeDateLine(PLACE_DOTS, null, year),
    awardName: awards.get(n.award_code)?.name ?? n.award_code,
    year,
    achievementSummary: n.achievement_summary,
    certifyingOrgName: proposer.name,
  };
  // Awards from the records themselves (the engine's facts carry no decision numbers), newest first.
  const received = await db.execute<{ award_code: string; year: number; decision_number: string | null; decision_date: string | null }>(sql`
    select award_code, year, decision_number, decision_date::text as decision_date from award_record
    where status = 'ACTIVE' and ${n.person_id !== null ? sql`person_id = ${n.person_id}` : sql`org_id = ${n.subject_org_id}`}
    order by year desc, id desc limit 200`);
  const history = (f: { ratings: { year: number; rating: string }[] }) => ({
    ratings: [...f.ratings].sort((a, b) => b.year - a.year).map((r) => ({ year: r.year, rating: r.rating })),
    awards: received.rows.map((a) => ({
      year: Number(a.year),
      name: awards.get(a.award_code)?.name ?? a.award_code,
      decision: [a.decision_number, a.decision_date ? vnDate(a.decision_date) : null].filter(Boolean).join(', ') || null,
    })),
  });
  if (n.person_id !== null) {
    const [c] = await loadPersonCandidates(db, { personIds: [Number(n.person_id)], year, referenceDate: defaultReferenceDate(year) });
    const p = await db.execute<{ full_name: string; gender: 'MALE' | 'FEMALE'; birth_date: string | null; position: string | null; joined_union_on: string | null; ethnicity: string | null; education_level: string | null }>(sql`
      select full_name, gender, birth_date::text as birth_date, position, joined_union_on::text as joined_union_on, ethnicity, education_level from person where id = ${n.person_id}`);
    const person = p.rows[0]!;
    return {
      ...base,
      subjectKind: 'PERSON',
      person: {
        fullName: person.full_name,
        gender: person.gender,
        birthDate: person.birth_date,
        position: person.position,
        unitName: n.subject_unit_name,
        joinedUnionOn: person.joined_union_on,
        ethnicity: person.ethnicity,
        educationLevel: person.education_level ? t('vi', `educationLevel.${person.education_level}`) : null,
      },
      ...history(c?.facts ?? { ratings: [] }),
      initiatives: (c?.facts.initiatives ?? []).map((i) => ({ title: i.title ?? '', recognisedOn: i.recognisedOn, recognisedBy: i.recognisedBy ?? null })),
      signerTitle: 'NGƯỜI BÁO CÁO',
      signerName: person.full_name,
    };
  }
  const [c] = await loadUnitCandidates(db, { orgIds: [Number(n.subject_org_id)], year });
  const unit = await orgHeader(db, Number(n.subject_org_id));
  return {
    ...base,
    subjectKind: 'UNIT',
    unit: { name: unit.name, address: unit.address, memberCount: unit.members, foundedOn: unit.validFrom, leaderName: null },
    ...history(c?.facts ?? { ratings: [] }),
    initiatives: [],
    signerTitle: 'THỦ TRƯỞNG ĐƠN VỊ',
    signerName: null,
  };
}

export async function achievementReport(db: DbOrTx, n: NominationRow): Promise<Buffer> {
  return achievementReportDocx(await achievementReportModel(db, n));
}

async function submissionLines(db: DbOrTx, s: SubmissionRow): Promise<(ProposalLine & { eligibilityStatus: string; reviewStatus: string })[]> {
  const awards = await awardNames(db, 'vi');
  const r = await db.execute<{ subject_name: string; person_id: number | null; position: string | null; unit_name: string | null; award_code: string; eligibility_status: string; justification: string | null; state: string }>(sql`
    select n.subject_name, n.person_id, p.position, coalesce(pu.name, ou.name) as unit_name, n.award_code, n.eligibility_status, n.justification, i.state
    from submission_item i join nomination n on n.id = i.nomination_id
      left join person p on p.id = n.person_id left join organisation pu on pu.id = p.org_id
      left join organisation so on so.id = n.subject_org_id left join organisation ou on ou.id = so.parent_id
    where i.submission_id = ${s.id} and i.state <> 'WITHDRAWN' order by i.position`);
  return r.rows.map((x, i) => ({
    order: i + 1,
    subjectName: x.subject_name,
    subjectKind: x.person_id !== null ? 'PERSON' : 'UNIT',
    position: x.position,
    unitName: x.unit_name ?? '',
    awardName: awards.get(x.award_code)?.name ?? x.award_code,
    eligibilityNote: x.eligibility_status === 'NOT_ELIGIBLE' ? t('vi', 'nominations.doc.notEligible') : null,
    justification: x.justification,
    eligibilityStatus: t('vi', `elig.status.${x.eligibility_status}`),
    reviewStatus: t('vi', `nominations.itemState.${x.state}`),
  }));
}

export async function proposalFiles(app: AppContext, actor: AuthActor, id: number, format: 'docx' | 'xlsx'): Promise<{ buffer: Buffer; fileName: string }> {
  const s = await loadReadableSubmission(app.db, actor, id);
  const lines = await submissionLines(app.db, s);
  const from = await orgHeader(app.db, Number(s.from_org_id));
  const year = Number(todayInVietnam().slice(0, 4));
  const base = `to-trinh-${s.id}`;
  if (format === 'xlsx') {
    return {
      buffer: await proposalListXlsx({ title: t('vi', 'nominations.doc.listTitle', { title: s.title, from: s.from_name }), lines }),
      fileName: `${base}-danh-sach.xlsx`,
    };
  }
  const buffer = await proposalDocx({
    parentOrgName: from.parentName,
    orgName: from.name,
    numberLine: 'Số:      /TTr',
    placeDateLine: placeDateLine(PLACE_DOTS, null, year),
    recipientLine: t('vi', 'nominations.doc.recipient', { to: s.to_name }),
    subject: t('vi', 'nominations.doc.subject', { title: s.title }),
    basis: [t('vi', 'nominations.doc.basis', { round: s.round_title })],
    intro: s.note,
    lines,
    signer: { onBehalf: t('vi', 'nominations.doc.onBehalf'), position: t('vi', 'nominations.doc.position'), name: null },
    recipients: [t('vi', 'nominations.doc.recipientNote', { to: s.to_name }), t('vi', 'nominations.doc.archive')],
  });
  return { buffer, fileName: `${base}.docx` };
}
