// "Biên bản kiểm phiếu" of a council meeting as a .docx, in the same layout as the meeting minutes:
// the vote counters, the attendance, the results table (one row per agenda item, in agenda order),
// then per item the method, recusals, counts, the working of the result and the root hash of its
// ballots, the result check code of the meeting, and the counters' signatures.
import { AlignmentType, type Document, type Paragraph, type Table } from 'docx';
import { TEXT_WIDTH, body, run } from '../../plans/plan-docx';
import { DOTS, borderedTable, officialDocument, packOfficialDocx } from '../../nominations/documents/achievement-report-docx';
import { count2 } from '../../nominations/documents/proposal-docx';
import type { Locale } from '../../../../contracts/enums';
import type { MeetingMinutesData, MinutesItem } from './minutes-data';
import {
  clean,
  dateTimeText,
  docLabel,
  endTimeText,
  heading,
  line,
  localTime,
  minutesHeader,
  resultLabel,
  shareText,
  signatureTable,
  smallLine,
  sortedItems,
  titleBlock,
  voteLines,
} from './meeting-minutes-docx';

const COLUMNS = ['index', 'subject', 'unit', 'award', 'yes', 'no', 'abstain', 'ratio', 'result'] as const;
// STT | Họ tên / tập thể | Đơn vị | Hình thức / danh hiệu | Tán thành | Không tán thành | Không biểu quyết | Tỷ lệ | Kết quả.
const FIXED = [480, 1600, 1400, 1400, 760, 820, 900, 760];
const RESULT_WIDTHS = [...FIXED, TEXT_WIDTH - FIXED.reduce((a, b) => a + b, 0)];
const RESULT_ALIGN = [
  AlignmentType.CENTER,
  AlignmentType.LEFT,
  AlignmentType.LEFT,
  AlignmentType.LEFT,
  AlignmentType.CENTER,
  AlignmentType.CENTER,
  AlignmentType.CENTER,
  AlignmentType.CENTER,
  AlignmentType.CENTER,
];
/** What a count cell shows for an item that was not voted. */
const NONE = '–';

const orDots = (s: string | null | undefined): string => clean(s) || DOTS;

/** The cells of one row of the results table. */
export function resultRow(item: MinutesItem, locale: Locale): string[] {
  const v = item.vote;
  return [
    String(item.position),
    orDots(item.subjectName),
    orDots(item.unitName),
    orDots(item.awardName),
    v ? String(v.yes) : NONE,
    v ? String(v.no) : NONE,
    v ? String(v.abstain) : NONE,
    v ? shareText(v, locale) : NONE,
    resultLabel(v, locale),
  ];
}

export function resultsTable(items: readonly MinutesItem[], locale: Locale): Table {
  const head = COLUMNS.map((k) => [docLabel(locale, `councilDocs.count.col.${k}`)]);
  const rows = sortedItems(items).map((i) => resultRow(i, locale).map((c) => [c]));
  return borderedTable([head, ...rows], RESULT_WIDTHS, RESULT_ALIGN);
}

export function countMinutesChildren(d: MeetingMinutesData, locale: Locale = 'vi'): (Paragraph | Table)[] {
  const items = sortedItems(d.items);
  const start = localTime(d.startedAt, locale);
  const meetingOn = docLabel(locale, 'councilDocs.meetingOn', { title: clean(d.meetingTitle), date: start ? `${start.day}/${start.month}/${start.year}` : DOTS });
  const children: (Paragraph | Table)[] = [minutesHeader(d), ...titleBlock(docLabel(locale, 'councilDocs.count.title'), [d.header.councilName, meetingOn])];

  const time = dateTimeText(d.startedAt, locale);
  children.push(
    line(clean(d.place) ? docLabel(locale, 'councilDocs.count.opening', { time, place: clean(d.place).replace(/[.;,\s]+$/u, '') }) : docLabel(locale, 'councilDocs.count.openingNoPlace', { time }), {}),
  );
  const counters = d.counters.map(clean).filter(Boolean);
  if (!counters.length) children.push(line(docLabel(locale, 'councilDocs.count.noCounters')));
  counters.forEach((name, i) =>
    children.push(
      line(docLabel(locale, 'councilDocs.count.counter', { index: i + 1, name, role: docLabel(locale, i === 0 ? 'councilDocs.count.headRole' : 'councilDocs.count.memberRole') })),
    ),
  );
  children.push(line(docLabel(locale, 'councilDocs.count.task', { title: clean(d.meetingTitle), council: clean(d.header.councilName) })));
  const absent = d.members.filter((m) => m.attendance === 'ABSENT').length;
  children.push(line(docLabel(locale, 'councilDocs.count.attendance', { total: count2(d.members.length), present: count2(d.members.length - absent), absent: count2(absent) })));

  children.push(heading(docLabel(locale, 'councilDocs.count.section.results')));
  if (items.length) children.push(resultsTable(items, locale));
  else children.push(line(docLabel(locale, 'councilDocs.content.none')));

  if (items.length) children.push(heading(docLabel(locale, 'councilDocs.count.section.details')));
  for (const item of items) {
    children.push(body([run(docLabel(locale, 'councilDocs.count.detailHeading', { position: item.position, subject: orDots(item.subjectName), award: orDots(item.awardName) }), { bold: true })], { keepNext: true }));
    for (const l of voteLines(item, locale)) children.push(line(l));
    if (item.vote && clean(item.vote.ballotsRoot)) children.push(smallLine(docLabel(locale, 'councilDocs.count.ballotsRoot', { hash: clean(item.vote.ballotsRoot) })));
  }

  if (clean(d.tallyHead)) children.push(smallLine(docLabel(locale, 'councilDocs.integrity', { hash: clean(d.tallyHead) })));
  children.push(line(docLabel(locale, 'councilDocs.count.closing', { time: endTimeText(d.startedAt, d.closedAt, locale) })));

  children.push(body([], { spacing: { before: 120, after: 0 } }));
  const [head, ...others] = counters;
  children.push(
    signatureTable(
      others.length ? { title: docLabel(locale, 'councilDocs.sign.countMembers'), names: others } : null,
      { title: docLabel(locale, 'councilDocs.sign.countHead'), names: [head ?? ''] },
      locale,
    ),
  );
  return children;
}

const countTitle = (d: MeetingMinutesData, locale: Locale): string => docLabel(locale, 'councilDocs.count.fileTitle', { council: clean(d.header.councilName) });

/** The vote-count minutes (biên bản kiểm phiếu) as a .docx. */
export async function countMinutesDocx(data: MeetingMinutesData, locale: Locale = 'vi'): Promise<Buffer> {
  return packOfficialDocx(countTitle(data, locale), countMinutesChildren(data, locale));
}

/** The same document through Packer alone (the reference the fast path is tested against). */
export function countMinutesDocument(data: MeetingMinutesData, locale: Locale = 'vi'): Document {
  return officialDocument(countTitle(data, locale), countMinutesChildren(data, locale));
}
