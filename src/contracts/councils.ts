// Council (issue 7): Hội đồng Thi đua – Khen thưởng per organisation and term, its meetings, the
// agenda built from appraised nominations, attendance, recusal, secret ballots and sealed tallies.
// The arithmetic lives in src/domain/council; these are the shapes that cross the API.
import { z } from 'zod';
import { abilities, isoDate, pageQuery, reason } from './common';

export const COUNCIL_ROLES = ['CHAIR', 'VICE_CHAIR', 'STANDING', 'MEMBER'] as const;
export type CouncilRole = (typeof COUNCIL_ROLES)[number];
export const COUNCIL_STATUSES = ['ACTIVE', 'ENDED'] as const;
export const MEETING_STATUSES = ['SCHEDULED', 'OPEN', 'CLOSED', 'CANCELLED'] as const;
export type MeetingStatus = (typeof MEETING_STATUSES)[number];
export const ITEM_STATUSES = ['PENDING', 'VOTING', 'CLOSED', 'WITHDRAWN'] as const;
export const VOTE_METHODS = ['SECRET_ONLINE', 'SECRET_PAPER', 'SHOW_OF_HANDS'] as const;
export const VOTE_CHOICES = ['YES', 'NO', 'ABSTAIN'] as const;
export const VOTE_OUTCOMES = ['PASSED', 'FAILED', 'NO_QUORUM'] as const;
export const RECUSAL_REASONS = ['SELF', 'SAME_UNIT', 'SUPERIOR', 'DECLARED', 'MANUAL'] as const;
export const ATTENDANCE_STATUSES = ['PRESENT', 'ABSENT'] as const;

const text = (max: number) => z.string().trim().min(1).max(max);
const optionalText = (max: number) => z.string().trim().max(max).optional().nullable();

export const fraction = z
  .object({ num: z.number().int().min(1).max(1000), den: z.number().int().min(1).max(1000) })
  .refine((f) => f.num <= f.den, 'FRACTION_ABOVE_ONE');

export const voteRuleOverride = z
  .object({
    secret: z.boolean(),
    quorum: fraction,
    approval: fraction,
    strict: z.boolean(),
    denominator: z.enum(['ALL_MEMBERS', 'PRESENT']),
    writtenVotesFromAbsent: z.boolean(),
    recusedCounted: z.boolean(),
    consultationWorkingDays: z.number().int().min(0).max(60),
    source: z.string().trim().max(300),
  })
  .partial()
  .strict();

export const councilVoteRules = z
  .object({
    default: voteRuleOverride.optional(),
    awards: z.record(z.string().regex(/^[A-Z0-9_]{2,40}$/), voteRuleOverride).optional(),
  })
  .strict();

export const voteRuleDto = z.object({
  secret: z.boolean(),
  quorum: z.object({ num: z.number(), den: z.number() }),
  approval: z.object({ num: z.number(), den: z.number() }),
  strict: z.boolean(),
  denominator: z.enum(['ALL_MEMBERS', 'PRESENT']),
  writtenVotesFromAbsent: z.boolean(),
  recusedCounted: z.boolean(),
  consultationWorkingDays: z.number(),
  source: z.string(),
  uncertain: z.boolean(),
  /** "≥ 90 % của tổng số thành viên; túc số 2/3" in the reader's language. */
  text: z.string(),
});

// ── Councils and members ───────────────────────────────────────────────────────────────────────

export const councilMemberDto = z.object({
  id: z.number(),
  personId: z.number(),
  fullName: z.string(),
  unitName: z.string().nullable(),
  role: z.enum(COUNCIL_ROLES),
  title: z.string().nullable(),
  joinedOn: z.string(),
  leftOn: z.string().nullable(),
  leftReason: z.string().nullable(),
  /** Whether the person can sign in (needed to vote online). */
  hasAccount: z.boolean(),
  relations: z.array(z.object({ id: z.number(), subjectName: z.string(), relation: z.string() })),
});
export type CouncilMemberDto = z.infer<typeof councilMemberDto>;

export const councilDto = z.object({
  id: z.number(),
  orgId: z.number(),
  orgName: z.string(),
  name: z.string(),
  termLabel: z.string(),
  termStartsOn: z.string(),
  termEndsOn: z.string().nullable(),
  maxMembers: z.number(),
  standingOffice: z.string().nullable(),
  regulationRef: z.string().nullable(),
  voteRules: councilVoteRules,
  status: z.enum(COUNCIL_STATUSES),
  endedReason: z.string().nullable(),
  members: z.array(councilMemberDto),
  version: z.number(),
  abilities,
});
export type CouncilDto = z.infer<typeof councilDto>;

export const councilSummaryDto = councilDto.omit({ members: true, voteRules: true }).extend({ memberCount: z.number() });
export type CouncilSummaryDto = z.infer<typeof councilSummaryDto>;

/** A nomination sent to the council and not yet on an agenda. */
export const waitingNominationDto = z.object({
  id: z.number(),
  subjectName: z.string(),
  unitName: z.string().nullable(),
  awardCode: z.string(),
  awardName: z.string(),
  eligibilityStatus: z.string(),
});
export type WaitingNominationDto = z.infer<typeof waitingNominationDto>;

export const councilListQuery = pageQuery.extend({ orgId: z.coerce.number().int().positive().optional(), status: z.enum(COUNCIL_STATUSES).optional() });

export const createCouncilInput = z.object({
  orgId: z.number().int().positive(),
  name: text(300),
  termLabel: text(100),
  termStartsOn: isoDate,
  termEndsOn: isoDate.optional().nullable(),
  maxMembers: z.number().int().min(3).max(99).default(9),
  standingOffice: optionalText(200),
  regulationRef: optionalText(300),
  voteRules: councilVoteRules.default({}),
});
export type CreateCouncilInput = z.infer<typeof createCouncilInput>;

export const updateCouncilInput = z.object({
  version: z.number().int().positive(),
  name: text(300).optional(),
  termLabel: text(100).optional(),
  termEndsOn: isoDate.optional().nullable(),
  maxMembers: z.number().int().min(3).max(99).optional(),
  standingOffice: optionalText(200),
  regulationRef: optionalText(300),
  voteRules: councilVoteRules.optional(),
});
export type UpdateCouncilInput = z.infer<typeof updateCouncilInput>;

export const endCouncilInput = z.object({ reason });

export const addCouncilMemberInput = z.object({
  personId: z.number().int().positive(),
  role: z.enum(COUNCIL_ROLES),
  title: optionalText(200),
  joinedOn: isoDate.optional(),
});
export type AddCouncilMemberInput = z.infer<typeof addCouncilMemberInput>;

export const endCouncilMemberInput = z.object({ reason, leftOn: isoDate.optional() });

export const declareRelationInput = z
  .object({ personId: z.number().int().positive().optional(), orgId: z.number().int().positive().optional(), relation: text(300) })
  .refine((v) => (v.personId === undefined) !== (v.orgId === undefined), 'ONE_SUBJECT');

export const councilMemberParams = z.object({ id: z.coerce.number().int().positive(), memberId: z.coerce.number().int().positive() });

// ── Meetings ───────────────────────────────────────────────────────────────────────────────────

export const tallyDto = z.object({
  counts: z.object({ yes: z.number(), no: z.number(), abstain: z.number(), invalid: z.number() }),
  written: z.number(),
  membersTotal: z.number(),
  present: z.number(),
  recused: z.number(),
  denominator: z.number(),
  outcome: z.enum(VOTE_OUTCOMES),
  /** "8/9 = 88,9 % < 90 %: không đạt". */
  explanation: z.string(),
  ballotsRoot: z.string(),
  hash: z.string(),
});
export type TallyDto = z.infer<typeof tallyDto>;

export const meetingItemDto = z.object({
  id: z.number(),
  nominationId: z.number(),
  position: z.number(),
  subjectName: z.string(),
  unitName: z.string().nullable(),
  awardCode: z.string(),
  awardName: z.string(),
  eligibilityStatus: z.string(),
  justification: z.string().nullable(),
  method: z.enum(VOTE_METHODS),
  status: z.enum(ITEM_STATUSES),
  /** The rule frozen at opening, or the rule that would apply now. */
  rule: voteRuleDto,
  /** An unfinished public consultation blocks the vote until its last day has passed. */
  consultationEndsOn: z.string().nullable(),
  recusals: z.array(z.object({ memberId: z.number(), fullName: z.string(), reason: z.enum(RECUSAL_REASONS), note: z.string().nullable() })),
  /** How many have voted (online and written): never who voted how. */
  votedCount: z.number(),
  withdrawnReason: z.string().nullable(),
  tally: tallyDto.nullable(),
  /** For the signed-in council member: may they vote, and have they. */
  mine: z.object({ canVote: z.boolean(), voted: z.boolean(), recused: z.boolean() }),
});
export type MeetingItemDto = z.infer<typeof meetingItemDto>;

export const attendanceDto = z.object({
  memberId: z.number(),
  fullName: z.string(),
  role: z.enum(COUNCIL_ROLES),
  status: z.enum(ATTENDANCE_STATUSES).nullable(),
  absenceReason: z.string().nullable(),
});

export const meetingDto = z.object({
  id: z.number(),
  councilId: z.number(),
  councilName: z.string(),
  orgId: z.number(),
  orgName: z.string(),
  title: z.string(),
  scheduledAt: z.string(),
  place: z.string().nullable(),
  status: z.enum(MEETING_STATUSES),
  presidingMemberId: z.number().nullable(),
  secretaryName: z.string().nullable(),
  counterMemberIds: z.array(z.number()),
  notes: z.string().nullable(),
  openedAt: z.string().nullable(),
  closedAt: z.string().nullable(),
  tallyHead: z.string().nullable(),
  cancelledReason: z.string().nullable(),
  attendance: z.array(attendanceDto),
  quorum: z.object({ present: z.number(), total: z.number(), needed: z.number(), met: z.boolean() }),
  itemCounts: z.object({ total: z.number(), pending: z.number(), voting: z.number(), closed: z.number(), passed: z.number() }),
  /** The signed-in user's seat on this council, if any. */
  myMemberId: z.number().nullable(),
  version: z.number(),
  abilities,
});
export type MeetingDto = z.infer<typeof meetingDto>;

export const meetingSummaryDto = meetingDto.omit({ attendance: true, counterMemberIds: true, notes: true }).extend({ pendingVotes: z.number() });
export type MeetingSummaryDto = z.infer<typeof meetingSummaryDto>;

export const meetingListQuery = pageQuery.extend({
  councilId: z.coerce.number().int().positive().optional(),
  /** Only meetings of this organisation's councils. */
  orgId: z.coerce.number().int().positive().optional(),
  /** Only meetings of councils the signed-in user sits on. */
  mine: z.enum(['true', 'false']).optional(),
  status: z.enum(MEETING_STATUSES).optional(),
});

export const meetingItemListQuery = pageQuery.extend({ status: z.enum(ITEM_STATUSES).optional() });

export const createMeetingInput = z.object({
  councilId: z.number().int().positive(),
  title: text(300),
  scheduledAt: z.string().datetime({ offset: true }),
  place: optionalText(300),
  secretaryName: optionalText(200),
  presidingMemberId: z.number().int().positive().optional().nullable(),
});
export type CreateMeetingInput = z.infer<typeof createMeetingInput>;

export const updateMeetingInput = z.object({
  version: z.number().int().positive(),
  title: text(300).optional(),
  scheduledAt: z.string().datetime({ offset: true }).optional(),
  place: optionalText(300),
  secretaryName: optionalText(200),
  presidingMemberId: z.number().int().positive().optional().nullable(),
  counterMemberIds: z.array(z.number().int().positive()).max(9).optional(),
  notes: optionalText(10_000),
});
export type UpdateMeetingInput = z.infer<typeof updateMeetingInput>;

export const addAgendaInput = z
  .object({
    /** Nominations sent to this council (status TO_COUNCIL, held by its organisation). */
    nominationIds: z.array(z.number().int().positive()).max(2000).optional(),
    /** Add every nomination waiting for this council. */
    all: z.boolean().optional(),
    /** Default: SECRET_ONLINE. */
    method: z.enum(VOTE_METHODS).optional(),
  })
  .refine((v) => v.all === true || (v.nominationIds?.length ?? 0) > 0, 'NOTHING_TO_ADD');

export const attendanceInput = z.object({
  entries: z
    .array(z.object({ memberId: z.number().int().positive(), status: z.enum(ATTENDANCE_STATUSES), absenceReason: optionalText(500) }))
    .min(1)
    .max(99),
});

export const openVotingInput = z.object({
  /** Items to open; empty = every pending item. */
  itemIds: z.array(z.number().int().positive()).max(2000).optional(),
});

export const changeMethodInput = z.object({ method: z.enum(VOTE_METHODS) });
export const recusalInput = z.object({ memberId: z.number().int().positive(), note: text(500) });
export const withdrawItemInput = z.object({ reason });

export const castBallotsInput = z.object({
  votes: z
    .array(z.object({ itemId: z.number().int().positive(), choice: z.enum(VOTE_CHOICES) }))
    .min(1)
    .max(2000)
    .refine((v) => new Set(v.map((x) => x.itemId)).size === v.length, 'DUPLICATE_ITEM'),
});

export const receiptDto = z.object({
  /** Shown once: the voter keeps it to check their ballots are in the count. */
  receipt: z.string(),
  items: z.array(z.number()),
});
export type ReceiptDto = z.infer<typeof receiptDto>;

export const writtenVoteInput = z.object({ memberId: z.number().int().positive(), choice: z.enum(VOTE_CHOICES) });

export const countsInput = z.object({
  yes: z.number().int().min(0).max(999),
  no: z.number().int().min(0).max(999),
  abstain: z.number().int().min(0).max(999),
  invalid: z.number().int().min(0).max(999).default(0),
  /** Written votes of absent members included in the counts. */
  written: z.number().int().min(0).max(999).default(0),
});

export const closeItemsInput = z.object({ itemIds: z.array(z.number().int().positive()).max(2000).optional() });

export const receiptCheckInput = z.object({ receipt: z.string().trim().min(8).max(40) });
export const receiptCheckDto = z.object({
  found: z.boolean(),
  items: z.array(z.object({ itemId: z.number(), position: z.number(), subjectName: z.string(), sealed: z.boolean() })),
});

export const verifyDto = z.object({
  ok: z.boolean(),
  items: z.number(),
  ballots: z.number(),
  problems: z.array(z.object({ itemId: z.number().nullable(), problem: z.string(), detail: z.string() })),
});
export type VerifyDto = z.infer<typeof verifyDto>;

export const cancelMeetingInput = z.object({ reason });
