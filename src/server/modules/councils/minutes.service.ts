// Fills the two minutes (biên bản họp, biên bản kiểm phiếu) from the meeting's rows: attendance,
// recusals, sealed tallies with their working, public feedback and how it was handled. Four reads,
// whatever the length of the agenda.
import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import type { Locale } from '../../../contracts/enums';
import { t } from '../../../contracts/messages';
import { evaluateVote, explainVote, formatFraction, needed, resolveVoteRule, type VoteRule } from '../../../domain/council';
import type { TallyBody } from './ballot-chain';
import { findCouncil } from './councils.service';
import { feedbackForNominations } from '../consultations/for-councils';
import type { MeetingRow } from './meetings.service';
import type { CouncilRoleCode, MeetingMinutesData, MinutesItem, RecusalReasonCode } from './documents/minutes-data';
import { meetingMinutesDocx } from './documents/meeting-minutes-docx';
import { countMinutesDocx } from './documents/count-minutes-docx';

const num = (v: unknown) => Number(v);

export async function minutesData(db: DbOrTx, m: MeetingRow, locale: Locale): Promise<MeetingMinutesData> {
  const [council, org, seats, itemRows, feedback] = await Promise.all([
    findCouncil(db, m.council_id),
    db.execute<{ name: string; parent_name: string | null; address: string | null }>(sql`
      select o.name, p.name as parent_name, o.address from organisation o left join organisation p on p.id = o.parent_id where o.id = ${m.org_id}`),
    db.execute<{ id: number; full_name: string; role: CouncilRoleCode; title: string | null; status: 'PRESENT' | 'ABSENT' | null; absence_reason: string | null }>(sql`
      select cm.id, p.full_name, cm.role, cm.title, a.status, a.absence_reason
      from council_member cm join person p on p.id = cm.person_id
      left join meeting_attendance a on a.meeting_id = ${m.id} and a.member_id = cm.id
      where cm.council_id = ${m.council_id} and (cm.left_on is null or a.status is not null)
      order by array_position(array['CHAIR','VICE_CHAIR','STANDING','MEMBER'], cm.role), p.full_name, cm.id`),
    db.execute<{
      id: number; position: number; nomination_id: number; subject_name: string; unit_name: string | null; award_name: string; method: MinutesItem['method'];
      status: string; withdrawn_reason: string | null; body: TallyBody | null; ballots_root: string | null;
      recusals: { name: string; reason: RecusalReasonCode; note: string | null }[];
    }>(sql`
      select i.id, i.position, i.nomination_id, n.subject_name, o.name as unit_name, ${locale === 'en' ? sql`a.name_en` : sql`a.name_vi`} as award_name,
             i.method, i.status, i.withdrawn_reason, bt.body, bt.ballots_root,
             coalesce((select jsonb_agg(jsonb_build_object('name', p.full_name, 'reason', r.reason, 'note', r.note) order by p.full_name)
                       from meeting_recusal r join council_member cm on cm.id = r.member_id join person p on p.id = cm.person_id
                       where r.item_id = i.id), '[]'::jsonb) as recusals
      from meeting_item i join nomination n on n.id = i.nomination_id join award_type a on a.code = n.award_code
      left join organisation o on o.path = n.subject_path left join ballot_tally bt on bt.item_id = i.id
      where i.meeting_id = ${m.id} order by i.position`),
    db.execute<{ id: number }>(sql`select nomination_id as id from meeting_item where meeting_id = ${m.id}`).then((r) => feedbackForNominations(db, r.rows.map((x) => num(x.id)))),
  ]);
  const byNomination = new Map<number, MinutesItem['feedback']>();
  for (const [nominationId, list] of feedback) {
    byNomination.set(
      nominationId,
      list.map((f) => {
        const handling = f.handling ?? t(locale, 'councils.minutes.feedbackUnhandled');
        return { authorName: f.authorName, content: f.body, handling: f.status === 'DISMISSED' ? `${t(locale, 'councils.minutes.feedbackDismissed')}: ${handling}` : handling };
      }),
    );
  }
  const members = seats.rows.map((s) => ({ name: s.full_name, role: s.role, title: s.title, attendance: s.status ?? 'ABSENT', absenceReason: s.absence_reason }));
  const present = members.filter((x) => x.attendance === 'PRESENT').length;
  const defaultRule: VoteRule = resolveVoteRule({ code: '', level: '' }, council?.vote_rules ?? null);
  const need = needed(defaultRule.quorum, members.length, false);
  const quorumText = t(locale, present >= need ? 'councils.minutes.quorumMet' : 'councils.minutes.quorumNotMet', {
    present, total: members.length, quorum: formatFraction(defaultRule.quorum, locale),
  });
  const presiding = m.presiding_member_id ? seats.rows.find((s) => num(s.id) === m.presiding_member_id) : seats.rows.find((s) => s.role === 'CHAIR');
  const counterNames = m.counter_member_ids.map((id) => seats.rows.find((s) => num(s.id) === id)?.full_name).filter((x): x is string => !!x);
  const items: MinutesItem[] = minutesItems(itemRows.rows, byNomination, locale);
  return {
    header: {
      parentOrgName: org.rows[0]?.parent_name ?? null,
      orgName: org.rows[0]?.name ?? m.org_name,
      councilName: council ? `${council.name}, ${council.term_label}` : m.council_name,
      numberLine: null,
      placeName: m.place ?? '',
    },
    meetingTitle: m.title,
    startedAt: m.opened_at ?? m.scheduled_at,
    closedAt: m.closed_at,
    place: m.place,
    presiding: presiding ? { name: presiding.full_name, role: presiding.role, title: presiding.title } : null,
    secretaryName: m.secretary_name,
    counters: counterNames,
    members,
    quorumText,
    items,
    notes: m.notes,
    tallyHead: m.tally_head,
  };
}

function minutesItems(
  rows: { id: number; position: number; nomination_id: number; subject_name: string; unit_name: string | null; award_name: string; method: MinutesItem['method']; status: string; withdrawn_reason: string | null; body: TallyBody | null; ballots_root: string | null; recusals: { name: string; reason: RecusalReasonCode; note: string | null }[] }[],
  feedback: Map<number, MinutesItem['feedback']>,
  locale: Locale,
): MinutesItem[] {
  return rows.map((r) => {
    const b = r.body;
    let vote: MinutesItem['vote'] = null;
    if (b) {
      const rule = b.rule as VoteRule;
      const result = evaluateVote({ rule, membersTotal: b.membersTotal, present: b.present, recused: b.recused, recusedPresent: b.recusedPresent, counts: b.counts, written: b.written });
      const ex = explainVote(rule, result, b.membersTotal, b.present, locale);
      vote = {
        membersTotal: b.membersTotal, present: b.present, recusals: r.recusals, yes: b.counts.yes, no: b.counts.no, abstain: b.counts.abstain,
        invalid: b.counts.invalid, written: b.written, perMille: result.denominator > 0 ? result.perMille : null, result: b.outcome,
        explanation: t(locale, ex.key, ex.params), ballotsRoot: r.ballots_root,
      };
    }
    const notVotedReason = b ? null : r.status === 'WITHDRAWN' ? (r.withdrawn_reason ?? '') : t(locale, 'councils.minutes.notVoted');
    return {
      position: num(r.position), subjectName: r.subject_name, unitName: r.unit_name ?? '', awardName: r.award_name, method: r.method,
      vote, notVotedReason, feedback: feedback.get(num(r.nomination_id)) ?? [],
    };
  });
}

export async function meetingMinutes(db: DbOrTx, m: MeetingRow, locale: Locale, kind: 'meeting' | 'count'): Promise<Buffer> {
  const data = await minutesData(db, m, locale);
  return kind === 'meeting' ? meetingMinutesDocx(data, locale) : countMinutesDocx(data, locale);
}
