// "Biên bản họp Hội đồng Thi đua – Khen thưởng" as a .docx, in the Nghị định 30/2020 layout of the
// nomination documents (A4, Times New Roman, issuing body beside the national motto, page numbers at
// the top from page 2): time and place, who attended and the quorum, each agenda item with its vote
// (method, recusals, counts, result and the working), public-consultation feedback, other opinions,
// the result check code and the closing, signed by the secretary and the member presiding.
// The helpers shared with the vote-count minutes live here too.
import { AlignmentType, Table, TableBorders, TableLayoutType, TableRow, WidthType, type Document, type Paragraph } from 'docx';
import { AFTER_6PT, PT12, PT14, TEXT_WIDTH, body, cell, centred, headerTable, para, rule, run, type PlanDocxModel } from '../../plans/plan-docx';
import { placeDateLine } from '../../plans/plans.service';
import { DOTS, awardVerb, borderedTable, docText, officialDocument, packOfficialDocx } from '../../nominations/documents/achievement-report-docx';
import { count2 } from '../../nominations/documents/proposal-docx';
import { formatPerMille } from '../../../../domain/council/tally';
import { councilDocs as viMessages } from '../../../../contracts/messages/vi/council-docs';
import { councilDocs as enMessages } from '../../../../contracts/messages/en/council-docs';
import type { Locale } from '../../../../contracts/enums';
import type { MeetingMinutesData, MinutesItem, MinutesVote } from './minutes-data';

export type CouncilDocsKey = keyof typeof viMessages;

/** A councilDocs.* message with `{name}` placeholders filled (read from the files directly, so it needs no registration). */
export function docLabel(locale: Locale, key: CouncilDocsKey, params: Record<string, string | number> = {}): string {
  const template: string = (locale === 'en' ? enMessages : viMessages)[key];
  return template.replace(/\{(\w+)\}/g, (m, name: string) => (name in params ? String(params[name]) : m));
}

/** Text as printed: NFC, XML-safe, trimmed; empty for null. */
export const clean = (s: string | null | undefined): string => (s ? docText(s).trim() : '');
const orDots = (s: string | null | undefined): string => clean(s) || DOTS;
/** A free text used inside a sentence: without its own closing punctuation. */
const inSentence = (s: string): string => clean(s).replace(/[.;:,\s]+$/u, '') || DOTS;

/** 10 pt, for check codes. */
const PT10 = 20;
const VN_OFFSET_MS = 7 * 3600 * 1000; // Vietnam has no daylight saving time.

interface LocalTime {
  isoDate: string;
  year: number;
  day: string;
  month: string;
  clock: string;
}

/** A timestamp in Vietnam time; null for an absent or unreadable value. */
export function localTime(value: Date | string | null, locale: Locale): LocalTime | null {
  if (value === null) return null;
  const ms = (value instanceof Date ? value : new Date(value)).getTime();
  if (!Number.isFinite(ms)) return null;
  const d = new Date(ms + VN_OFFSET_MS);
  const two = (n: number) => String(n).padStart(2, '0');
  const isoDate = `${d.getUTCFullYear()}-${two(d.getUTCMonth() + 1)}-${two(d.getUTCDate())}`;
  return {
    isoDate,
    year: d.getUTCFullYear(),
    day: two(d.getUTCDate()),
    month: two(d.getUTCMonth() + 1),
    clock: docLabel(locale, 'councilDocs.time.clock', { hour: two(d.getUTCHours()), minute: two(d.getUTCMinutes()) }),
  };
}

/** "14 giờ 00 phút, ngày 05 tháng 12 năm 2024", or dots. */
export function dateTimeText(value: Date | string | null, locale: Locale): string {
  const t = localTime(value, locale);
  return t ? docLabel(locale, 'councilDocs.time.dateTime', { clock: t.clock, day: t.day, month: t.month, year: t.year }) : DOTS;
}

/** When something ended: "16 giờ 30 phút cùng ngày" on the day it started, else the full date and time. */
export function endTimeText(start: Date | string, end: Date | string | null, locale: Locale): string {
  const s = localTime(start, locale);
  const e = localTime(end, locale);
  if (!e) return DOTS;
  return s && s.isoDate === e.isoDate ? docLabel(locale, 'councilDocs.time.sameDay', { clock: e.clock }) : dateTimeText(end, locale);
}

/** Header of both minutes; the date line is the meeting's day. */
export function minutesHeader(d: MeetingMinutesData): Table {
  const start = localTime(d.startedAt, 'vi');
  const model: PlanDocxModel = {
    parentOrgName: clean(d.header.parentOrgName) || null,
    orgName: clean(d.header.orgName),
    numberLine: clean(d.header.numberLine),
    placeDateLine: docText(placeDateLine(orDots(d.header.placeName), start?.isoDate ?? null, start?.year ?? new Date().getUTCFullYear())),
    title: '',
    basis: [],
    intro: null,
    blocks: [],
    signer: { onBehalf: null, position: '', name: '' },
    recipients: [],
    draft: false,
  };
  return headerTable(model);
}

/** The document's name in bold capitals, then its subject lines, then a short rule. */
export function titleBlock(title: string, subject: string[]): Paragraph[] {
  const out = [para([run(title, { bold: true, size: PT14 })], { alignment: AlignmentType.CENTER, indent: { firstLine: 0 }, spacing: { before: 360, after: 0 } })];
  for (const s of subject) if (clean(s)) out.push(centred([run(clean(s), { bold: true, size: PT14 })]));
  out.push(rule(TEXT_WIDTH, 1701, 240));
  return out;
}

export const heading = (text: string): Paragraph => body([run(text, { bold: true })], { keepNext: true, spacing: { before: 120, after: AFTER_6PT } });
export const line = (text: string, opts: { italics?: boolean; bold?: boolean } = {}): Paragraph => body([run(text, opts)]);
/** Check codes: small type, unjustified (a hash does not break). */
export const smallLine = (text: string): Paragraph => para([run(text, { size: PT10 })], { alignment: AlignmentType.LEFT, indent: { firstLine: 0 }, spacing: { before: 0, after: 60 } });

export const sortedItems = (items: readonly MinutesItem[]): MinutesItem[] => [...items].sort((a, b) => a.position - b.position);

export const methodLabel = (item: MinutesItem, locale: Locale): string => docLabel(locale, `councilDocs.method.${item.method}`);
export const resultLabel = (vote: MinutesVote | null, locale: Locale): string => docLabel(locale, `councilDocs.result.${vote ? vote.result : 'NOT_VOTED'}`);
export const shareText = (vote: MinutesVote | null, locale: Locale): string => (vote && vote.perMille !== null ? formatPerMille(vote.perMille, locale) : '');

/** "Trần Văn Bình (cùng đơn vị với người được đề nghị: em ruột)". */
export function recusalTexts(vote: MinutesVote, locale: Locale): string[] {
  return vote.recusals.map((r) => {
    const reason = docLabel(locale, `councilDocs.recusal.${r.reason}`);
    return docLabel(locale, 'councilDocs.item.recusal', { name: orDots(r.name), reason: clean(r.note) ? `${reason}: ${inSentence(r.note ?? '')}` : reason });
  });
}

/** The lines describing an item's vote (method, turnout, recusals, counts, result with its working), or why it was not voted. */
export function voteLines(item: MinutesItem, locale: Locale): string[] {
  const v = item.vote;
  if (!v) return [docLabel(locale, 'councilDocs.item.notVoted', { reason: inSentence(item.notVotedReason ?? '') })];
  const out = [
    docLabel(locale, 'councilDocs.item.method', { method: methodLabel(item, locale) }),
    docLabel(locale, 'councilDocs.item.turnout', { total: count2(v.membersTotal), present: count2(v.present), recused: count2(v.recusals.length) }),
  ];
  if (v.recusals.length) out.push(docLabel(locale, 'councilDocs.item.recusals', { list: recusalTexts(v, locale).join('; ') }));
  out.push(docLabel(locale, 'councilDocs.item.counts', { yes: count2(v.yes), no: count2(v.no), abstain: count2(v.abstain) }));
  if (item.method === 'SECRET_PAPER') out.push(docLabel(locale, 'councilDocs.item.invalid', { invalid: count2(v.invalid) }));
  if (v.written > 0) out.push(docLabel(locale, 'councilDocs.item.written', { written: count2(v.written) }));
  out.push(docLabel(locale, 'councilDocs.item.result', { result: resultLabel(v, locale), explanation: inSentence(v.explanation) }));
  return out;
}

/** "1. Nguyễn Văn An – Trường THCS Lê Lợi: đề nghị tặng Giấy khen." */
export function itemHeading(item: MinutesItem, locale: Locale): string {
  return docLabel(locale, 'councilDocs.item.heading', {
    position: item.position,
    subject: orDots(item.subjectName),
    unit: orDots(item.unitName),
    verb: awardVerb(item.awardName),
    award: orDots(item.awardName),
  });
}

/** "Có mặt 08/09 thành viên; vắng 01 (Lê Văn Cường: đi công tác)." */
export function attendanceTotals(d: MeetingMinutesData, locale: Locale): string {
  const absent = d.members.filter((m) => m.attendance === 'ABSENT');
  const present = d.members.length - absent.length;
  if (!absent.length) return docLabel(locale, 'councilDocs.attendance.totalsNoAbsence', { present: count2(present), total: count2(d.members.length) });
  const reasons = absent.map((m) => (clean(m.absenceReason) ? `${orDots(m.name)}: ${inSentence(m.absenceReason ?? '')}` : orDots(m.name))).join('; ');
  return docLabel(locale, 'councilDocs.attendance.totals', { present: count2(present), total: count2(d.members.length), absent: count2(absent.length), reasons: ` (${reasons})` });
}

const HALF = Math.floor(TEXT_WIDTH / 2);

/** A signing column: its title, the hint, and for each name room for the signature then the name. */
function signColumn(title: string, names: string[], locale: Locale): Paragraph[] {
  const out = [centred([run(title, { bold: true })]), centred([run(docLabel(locale, 'councilDocs.sign.hint'), { italics: true, size: PT12 })])];
  for (const name of names.length ? names : ['']) {
    for (let i = 0; i < 4; i++) out.push(centred([]));
    out.push(centred([run(clean(name), { bold: true })]));
  }
  return out;
}

/** Two signing columns side by side, without borders; a column with no title stays empty. */
export function signatureTable(left: { title: string; names: string[] } | null, right: { title: string; names: string[] }, locale: Locale): Table {
  return new Table({
    width: { size: HALF * 2, type: WidthType.DXA },
    columnWidths: [HALF, HALF],
    layout: TableLayoutType.FIXED,
    borders: TableBorders.NONE,
    rows: [
      new TableRow({
        cantSplit: true,
        children: [cell(HALF, left ? signColumn(left.title, left.names, locale) : [centred([])]), cell(HALF, signColumn(right.title, right.names, locale))],
      }),
    ],
  });
}

// STT | Họ và tên | Chức danh trong Hội đồng | Chức vụ | Tham dự — sums to TEXT_WIDTH.
const MEMBER_WIDTHS = [624, 2400, 1900, 2447, TEXT_WIDTH - 624 - 2400 - 1900 - 2447];

function membersTable(d: MeetingMinutesData, locale: Locale): Table {
  const head = (['index', 'name', 'role', 'title', 'attendance'] as const).map((k) => [docLabel(locale, `councilDocs.members.col.${k}`)]);
  const rows = d.members.map((m, i) => [
    [String(i + 1)],
    [orDots(m.name)],
    [docLabel(locale, `councilDocs.role.${m.role}`)],
    [clean(m.title)],
    [
      m.attendance === 'PRESENT'
        ? docLabel(locale, 'councilDocs.attendance.PRESENT')
        : clean(m.absenceReason)
          ? docLabel(locale, 'councilDocs.attendance.absentWithReason', { reason: inSentence(m.absenceReason ?? '') })
          : docLabel(locale, 'councilDocs.attendance.ABSENT'),
    ],
  ]);
  return borderedTable([head, ...rows], MEMBER_WIDTHS, [AlignmentType.CENTER, AlignmentType.LEFT, AlignmentType.LEFT, AlignmentType.LEFT, AlignmentType.LEFT]);
}

/** Feedback paragraphs: per nominee with feedback, its heading then one line per opinion; or the "none" line. */
export function feedbackParagraphs(items: readonly MinutesItem[], locale: Locale): Paragraph[] {
  const withFeedback = sortedItems(items).filter((i) => i.feedback.length > 0);
  if (!withFeedback.length) return [line(docLabel(locale, 'councilDocs.feedback.none'))];
  const out: Paragraph[] = [];
  for (const item of withFeedback) {
    out.push(body([run(docLabel(locale, 'councilDocs.feedback.item', { subject: orDots(item.subjectName), award: orDots(item.awardName) }), { italics: true })], { keepNext: true }));
    for (const f of item.feedback) {
      out.push(line(docLabel(locale, 'councilDocs.feedback.entry', { author: orDots(f.authorName), content: inSentence(f.content), handling: inSentence(f.handling) })));
    }
  }
  return out;
}

/** Free text split into paragraphs, blank lines dropped. */
export const textParagraphs = (s: string | null): string[] =>
  (s ?? '')
    .split(/\r?\n|\r/)
    .map(clean)
    .filter(Boolean);

function presidingText(d: MeetingMinutesData, locale: Locale): string {
  const p = d.presiding;
  if (!p) return DOTS;
  const role = docLabel(locale, 'councilDocs.role.ofCouncil', { role: docLabel(locale, `councilDocs.role.${p.role}`) });
  return [orDots(p.name), role, clean(p.title)].filter(Boolean).join(', ');
}

export function meetingMinutesChildren(d: MeetingMinutesData, locale: Locale = 'vi'): (Paragraph | Table)[] {
  const items = sortedItems(d.items);
  const children: (Paragraph | Table)[] = [minutesHeader(d), ...titleBlock(docLabel(locale, 'councilDocs.minutes.title'), [d.header.councilName, d.meetingTitle])];

  children.push(heading(docLabel(locale, 'councilDocs.section.timePlace')));
  children.push(line(docLabel(locale, 'councilDocs.timePlace.start', { time: dateTimeText(d.startedAt, locale) })));
  children.push(line(docLabel(locale, 'councilDocs.timePlace.place', { place: inSentence(d.place ?? '') })));

  children.push(heading(docLabel(locale, 'councilDocs.section.attendance')));
  children.push(line(docLabel(locale, 'councilDocs.presiding', { who: presidingText(d, locale) })));
  children.push(line(docLabel(locale, 'councilDocs.secretary', { name: orDots(d.secretaryName) })));
  const counters = d.counters.map(clean).filter(Boolean);
  if (counters.length) {
    const names = counters.map((n, i) => (i === 0 ? docLabel(locale, 'councilDocs.counters.head', { name: n }) : n));
    children.push(line(docLabel(locale, 'councilDocs.counters', { names: names.join(', ') })));
  }
  if (d.members.length) {
    children.push(body([run(docLabel(locale, 'councilDocs.members.intro'))], { keepNext: true }));
    children.push(membersTable(d, locale));
  }
  children.push(line(attendanceTotals(d, locale)), line(docLabel(locale, 'councilDocs.quorum', { text: inSentence(d.quorumText) })));

  children.push(heading(docLabel(locale, 'councilDocs.section.content')));
  if (!items.length) children.push(line(docLabel(locale, 'councilDocs.content.none')));
  else children.push(line(docLabel(locale, 'councilDocs.content.intro', { count: count2(items.length) })));
  for (const item of items) {
    children.push(body([run(itemHeading(item, locale), { bold: true })], { keepNext: true }));
    const lines = voteLines(item, locale);
    lines.forEach((l, i) => children.push(body([run(l, { bold: i === lines.length - 1 && item.vote !== null })], { keepNext: i < lines.length - 1 })));
  }

  children.push(heading(docLabel(locale, 'councilDocs.section.feedback')));
  children.push(...feedbackParagraphs(items, locale));

  children.push(heading(docLabel(locale, 'councilDocs.section.notes')));
  const notes = textParagraphs(d.notes);
  for (const n of notes.length ? notes : [docLabel(locale, 'councilDocs.notes.none')]) children.push(line(n));

  if (clean(d.tallyHead)) children.push(smallLine(docLabel(locale, 'councilDocs.integrity', { hash: clean(d.tallyHead) })));
  children.push(line(docLabel(locale, 'councilDocs.closing', { time: endTimeText(d.startedAt, d.closedAt, locale) })));

  children.push(para([], { spacing: { before: 120, after: 0 } }));
  children.push(
    signatureTable(
      { title: docLabel(locale, 'councilDocs.sign.secretary'), names: [clean(d.secretaryName)] },
      { title: docLabel(locale, 'councilDocs.sign.presiding'), names: [clean(d.presiding?.name)] },
      locale,
    ),
  );
  return children;
}

const minutesTitle = (d: MeetingMinutesData, locale: Locale): string => docLabel(locale, 'councilDocs.minutes.fileTitle', { council: clean(d.header.councilName) });

/** The meeting minutes (biên bản họp) as a .docx. */
export async function meetingMinutesDocx(data: MeetingMinutesData, locale: Locale = 'vi'): Promise<Buffer> {
  return packOfficialDocx(minutesTitle(data, locale), meetingMinutesChildren(data, locale));
}

/** The same document through Packer alone (the reference the fast path is tested against). */
export function meetingMinutesDocument(data: MeetingMinutesData, locale: Locale = 'vi'): Document {
  return officialDocument(minutesTitle(data, locale), meetingMinutesChildren(data, locale));
}
