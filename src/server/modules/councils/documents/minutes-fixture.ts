// One council meeting for the minutes tests (the document builders' own and the DOCX read-back
// test): the header, the nine members with one absent, the presiding member, secretary and counters.
import type { MeetingMinutesData, MinutesMember, MinutesVote } from './minutes-data';

export const minutesMember = (name: string, over: Partial<MinutesMember> = {}): MinutesMember => ({ name, role: 'MEMBER', title: null, attendance: 'PRESENT', absenceReason: null, ...over });

/** 8 of 9 in favour (passed under the two-thirds rule). */
export const minutesVote = (over: Partial<MinutesVote> = {}): MinutesVote => ({
  membersTotal: 9, present: 8, recusals: [], yes: 8, no: 0, abstain: 0, invalid: 0, written: 0,
  perMille: 889, result: 'PASSED', explanation: '8/9 = 88,9 % ≥ 2/3: đạt', ballotsRoot: null, ...over,
});

export const minutesMeeting = (): Omit<MeetingMinutesData, 'items' | 'notes' | 'tallyHead'> => ({
  header: {
    parentOrgName: 'Liên đoàn Lao động tỉnh Tây Ninh',
    orgName: 'LĐLĐ huyện Dương Minh Châu',
    councilName: 'Hội đồng Thi đua – Khen thưởng LĐLĐ huyện Dương Minh Châu, nhiệm kỳ 2023–2028',
    numberLine: 'Số: 05/BB-HĐTĐKT',
    placeName: 'Dương Minh Châu',
  },
  meetingTitle: 'Xét đề nghị khen thưởng tổng kết năm 2024',
  // 14:00 and 16:30 in Vietnam.
  startedAt: '2024-12-05T07:00:00Z',
  closedAt: new Date('2024-12-05T09:30:00Z'),
  place: 'Phòng họp số 1, LĐLĐ huyện Dương Minh Châu',
  presiding: { name: 'Đặng Thị Thu Hà', role: 'CHAIR', title: 'Chủ tịch LĐLĐ huyện' },
  secretaryName: 'Võ Minh Triết',
  counters: ['Lê Hoàng Phúc', 'Phạm Quỳnh Hương', 'Huỳnh Tấn Lộc'],
  members: [
    minutesMember('Đặng Thị Thu Hà', { role: 'CHAIR', title: 'Chủ tịch LĐLĐ huyện' }),
    minutesMember('Nguyễn Thành Công', { role: 'VICE_CHAIR', title: 'Phó Chủ tịch LĐLĐ huyện' }),
    minutesMember('Trương Văn Ẩn', { role: 'STANDING', title: 'Trưởng Ban Tổ chức' }),
    minutesMember('Lê Hoàng Phúc'),
    minutesMember('Phạm Quỳnh Hương'),
    minutesMember('Huỳnh Tấn Lộc'),
    minutesMember('Phạm Đức Thắng'),
    minutesMember('Võ Minh Triết'),
    minutesMember('Lê Văn Cường', { attendance: 'ABSENT', absenceReason: 'Đi công tác tại tỉnh' }),
  ],
  quorumText: '8/9 ≥ 2/3: đủ túc số',
});
