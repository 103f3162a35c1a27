// What the two minutes of a council meeting print (biên bản họp, biên bản kiểm phiếu): plain data
// the service fills from the meeting, its attendance, items, recusals, sealed tallies and the public
// consultation. Codes stay codes (role, method, result, recusal reason): the documents print their
// labels from the councilDocs.* messages. Names and free texts print as given (NFC, trimmed).
import type { VoteOutcome } from '../../../../domain/council/tally';
import type { VoteMethod } from '../../../../domain/council/vote-rules';

export type CouncilRoleCode = 'CHAIR' | 'VICE_CHAIR' | 'STANDING' | 'MEMBER';
export type RecusalReasonCode = 'SELF' | 'SAME_UNIT' | 'SUPERIOR' | 'DECLARED' | 'MANUAL';

export interface MinutesHeader {
  /** Line above the issuing body, e.g. "Liên đoàn Lao động tỉnh Tây Ninh" (printed uppercase); null when none. */
  parentOrgName: string | null;
  /** The issuing body, e.g. "LĐLĐ huyện Dương Minh Châu" (printed uppercase, bold). */
  orgName: string;
  /** "Hội đồng Thi đua – Khen thưởng LĐLĐ huyện Dương Minh Châu, nhiệm kỳ 2023–2028". */
  councilName: string;
  /** The whole number line, e.g. "Số: 05/BB-HĐTĐKT"; null prints no number. */
  numberLine: string | null;
  /** Place of the date line: "Dương Minh Châu" → "Dương Minh Châu, ngày 05 tháng 12 năm 2024". */
  placeName: string;
}

export interface MinutesMember {
  name: string;
  role: CouncilRoleCode;
  /** Office held, e.g. "Chủ tịch LĐLĐ huyện"; null when not recorded. */
  title: string | null;
  attendance: 'PRESENT' | 'ABSENT';
  /** Why an absent member is absent; ignored for present members. */
  absenceReason: string | null;
}

export interface MinutesRecusal {
  name: string;
  reason: RecusalReasonCode;
  /** Free note (e.g. the declared relation); printed after the reason. */
  note: string | null;
}

/** A sealed count (the tally row of the item). */
export interface MinutesVote {
  /** Members in office when voting opened. */
  membersTotal: number;
  /** Members present when voting opened. */
  present: number;
  recusals: MinutesRecusal[];
  yes: number;
  no: number;
  abstain: number;
  /** Spoilt paper ballots; printed only for SECRET_PAPER. */
  invalid: number;
  /** How many of the counted votes are written votes from absent members. */
  written: number;
  /** YES share of the rule's denominator in per mille (VoteResult.perMille); null prints no share. */
  perMille: number | null;
  result: VoteOutcome;
  /** The working of the result, e.g. "8/9 = 88,9 % < 90 %: không đạt". */
  explanation: string;
  /** Root hash of the item's ballots (printed in the count minutes); null for a show of hands without ballots. */
  ballotsRoot: string | null;
}

export interface MinutesFeedback {
  authorName: string;
  /** Short content of the feedback. */
  content: string;
  /** How it was handled (verified, answered, dismissed …). */
  handling: string;
}

export interface MinutesItem {
  /** Agenda position (STT); items print sorted by it. */
  position: number;
  subjectName: string;
  unitName: string;
  awardName: string;
  method: VoteMethod;
  /** The sealed count; null when the item was not voted (withdrawn, postponed). */
  vote: MinutesVote | null;
  /** Why the item was not voted; used when vote is null. */
  notVotedReason: string | null;
  /** Feedback received during the public consultation about this nominee. */
  feedback: MinutesFeedback[];
}

export interface MeetingMinutesData {
  header: MinutesHeader;
  /** "Xét đề nghị khen thưởng tổng kết năm 2024". */
  meetingTitle: string;
  /** When the meeting opened: a Date or an ISO timestamp; printed in Vietnam time (UTC+7). */
  startedAt: Date | string;
  /** When it closed; null prints dots to fill in. */
  closedAt: Date | string | null;
  /** Room, e.g. "Phòng họp số 1, LĐLĐ huyện Dương Minh Châu"; null prints dots. */
  place: string | null;
  presiding: { name: string; role: CouncilRoleCode; title: string | null } | null;
  secretaryName: string | null;
  /** Ban kiểm phiếu, the head first. */
  counters: string[];
  /** Members in office, in the order they print (chair first). */
  members: MinutesMember[];
  /** The quorum check with its rule, e.g. "8/9 ≥ 2/3: đủ túc số". */
  quorumText: string;
  /** Agenda items (one per nomination). */
  items: MinutesItem[];
  /** Other opinions, free text; one paragraph per line. */
  notes: string | null;
  /** Hash at the head of the meeting's tally chain (council_meeting.tally_head); null prints nothing. */
  tallyHead: string | null;
}
