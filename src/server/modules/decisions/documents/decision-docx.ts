// The commendation decision (quyết định khen thưởng) as a .docx in the Nghị định 30/2020 layout of
// the nomination and council documents (A4, Times New Roman, the superior and the issuing body
// beside the national motto, page numbers at the top from page 2): number and date, QUYẾT ĐỊNH and
// its subject, the authority, the basis, "QUYẾT ĐỊNH:", Điều 1 (the awards, grouped), Điều 2 (the
// money, or the effect when there is none), Điều 3 (execution), the signer with "Nơi nhận", and —
// when the list is longer than the threshold — an annex on a new page with one table per award.
import { AlignmentType, type Document, type Paragraph, type Table } from 'docx';
import { toRoman } from '../../../../domain/plans/heading-numbers';
import { PT14, TEXT_WIDTH, body, centred, headerTable, para, rule, run, signerTable, type PlanDocxModel } from '../../plans/plan-docx';
import { DOTS, awardVerb, borderedTable, docText, officialDocument, packOfficialDocx } from '../../nominations/documents/achievement-report-docx';
import { count2 } from '../../nominations/documents/proposal-docx';
import { decisionDocs as viMessages } from '../../../../contracts/messages/vi/decision-docs';
import { decisionDocs as enMessages } from '../../../../contracts/messages/en/decision-docs';
import { amountInWords, groupDigits } from './amount-words';
import type { DecisionAwardGroup, DecisionDocData, DecisionLine, DecisionSubjectKind } from './decision-data';

export type { DecisionDocData } from './decision-data';
export type DecisionLocale = 'vi' | 'en';
export type DecisionDocsKey = keyof typeof viMessages;

/** A decisionDocs.* message with `{name}` placeholders filled (read from the files directly, so it needs no registration). */
export function decisionLabel(locale: DecisionLocale, key: DecisionDocsKey, params: Record<string, string | number> = {}): string {
  const template: string = (locale === 'en' ? enMessages : viMessages)[key];
  return template.replace(/\{(\w+)\}/g, (m, name: string) => (name in params ? String(params[name]) : m));
}

/** Text as printed: NFC, XML-safe, trimmed; empty for null. */
export const clean = (s: string | null | undefined): string => (s ? docText(s).trim() : '');
/** A free text used inside a sentence: without its own closing punctuation. */
const inSentence = (s: string | null | undefined): string => clean(s).replace(/[.;:,\s]+$/u, '') || DOTS;
/** Lower-cases the first letter of a capitalised word ("Đã có" → "đã có"), not of an acronym ("LĐLĐ"). */
const lowerFirst = (s: string): string => (/^\p{Lu}\p{Ll}/u.test(s) ? s.charAt(0).toLocaleLowerCase('vi-VN') + s.slice(1) : s);
/** A closing sentence ends with "./." (Nghị định 30/2020). */
const finalStop = (s: string): string => (/\.\/\.$/.test(s) ? s : `${s.replace(/[.;:,\s]+$/u, '')}./.`);

/** "2.340.000 đồng". */
export function money(amountVnd: number, locale: DecisionLocale = 'vi'): string {
  return decisionLabel(locale, 'decisionDocs.amount', { amount: groupDigits(amountVnd, locale) });
}

/** Award groups that share the award and the achievement: one sentence in Điều 1, one table in the annex. */
export interface DecisionItem {
  awardName: string;
  achievement: string;
  groups: DecisionAwardGroup[];
}

/** Non-empty groups merged by award and achievement, in the order they first appear. */
export function decisionItems(groups: readonly DecisionAwardGroup[]): DecisionItem[] {
  const items = new Map<string, DecisionItem>();
  for (const g of groups) {
    if (!g.lines.length) continue;
    const awardName = clean(g.awardName);
    const achievement = inSentence(g.achievement);
    const key = `${awardName}\u0000${achievement}`;
    const item = items.get(key) ?? { awardName, achievement, groups: [] };
    item.groups.push(g);
    items.set(key, item);
  }
  return [...items.values()];
}

const itemLines = (item: DecisionItem): DecisionLine[] => item.groups.flatMap((g) => g.lines);

/** "03 cá nhân và 01 tập thể": persons first. */
export function countsText(item: DecisionItem, locale: DecisionLocale = 'vi'): string {
  const count = (kind: DecisionSubjectKind) => item.groups.filter((g) => g.subjectKind === kind).reduce((a, g) => a + g.lines.length, 0);
  const parts = (['INDIVIDUAL', 'COLLECTIVE'] as const).filter((k) => count(k) > 0).map((k) => decisionLabel(locale, `decisionDocs.count.${k}`, { n: count2(count(k)) }));
  return parts.length === 2 ? decisionLabel(locale, 'decisionDocs.count.both', { first: parts[0]!, second: parts[1]! }) : (parts[0] ?? '');
}

/** "Tặng" for forms of reward, "Công nhận danh hiệu" for titles (just "Công nhận" when the name already says "Danh hiệu"). */
export function verbText(awardName: string, locale: DecisionLocale = 'vi'): string {
  if (awardVerb(awardName) === 'tặng') return decisionLabel(locale, 'decisionDocs.verb.give');
  return decisionLabel(locale, /^danh hiệu/i.test(clean(awardName)) ? 'decisionDocs.verb.recogniseNamed' : 'decisionDocs.verb.recognise');
}

/** "Tặng Giấy khen … cho 03 cá nhân và 01 tập thể đã có thành tích …" (without closing punctuation). */
export function awardSentence(item: DecisionItem, locale: DecisionLocale = 'vi'): string {
  return decisionLabel(locale, 'decisionDocs.awards.sentence', {
    verb: verbText(item.awardName, locale),
    award: item.awardName || DOTS,
    counts: countsText(item, locale),
    achievement: lowerFirst(item.achievement),
  });
}

/** The one amount every awardee of the group receives; null when none is set or they differ. */
export function uniformAmount(g: DecisionAwardGroup): number | null {
  const amounts = new Set(g.lines.map((l) => l.amountVnd).filter((a): a is number => a !== null));
  return amounts.size === 1 && g.lines.every((l) => l.amountVnd !== null) ? [...amounts][0]! : null;
}

const groupSum = (g: DecisionAwardGroup): number => g.lines.reduce((a, l) => a + (l.amountVnd ?? 0), 0);
const hasMoney = (g: DecisionAwardGroup): boolean => g.lines.some((l) => l.amountVnd !== null);

/** "Nguyễn Văn An, Giáo viên, Trường THCS Lê Lợi". */
export function lineText(l: DecisionLine): string {
  return [clean(l.name) || DOTS, clean(l.position), clean(l.unit)].filter(Boolean).join(', ');
}

/** "Giáo viên, Trường THCS Lê Lợi" (the annex's unit column). */
const positionAndUnit = (l: DecisionLine): string => [clean(l.position), clean(l.unit)].filter(Boolean).join(', ');

/**
 * The inline list of an item: "1. Nguyễn Văn An, Giáo viên, Trường THCS Lê Lợi;" (prefixed by the
 * item's number when Điều 1 has several), the last ending with "."; a line's amount is added when
 * its group's amounts differ (Điều 2 then only gives the sum).
 */
export function inlineLines(item: DecisionItem, prefix: string, locale: DecisionLocale = 'vi'): string[] {
  const out: string[] = [];
  for (const g of item.groups) {
    const varied = hasMoney(g) && uniformAmount(g) === null;
    for (const l of g.lines) {
      const text = varied && l.amountVnd !== null ? decisionLabel(locale, 'decisionDocs.line.withAmount', { line: lineText(l), amount: money(l.amountVnd, locale) }) : lineText(l);
      out.push(`${prefix}${out.length + 1}. ${text}`);
    }
  }
  return out.map((s, i) => `${s}${i === out.length - 1 ? '.' : ';'}`);
}

/** Điều 2's lines for the groups with money, the base salary and rounding, and the total. */
export function moneyLines(d: DecisionDocData, locale: DecisionLocale = 'vi'): string[] {
  const m = d.articles.money;
  if (!m) return [];
  const groupLines = d.articles.awards
    .filter((g) => g.lines.length && hasMoney(g))
    .map((g) => {
      const each = uniformAmount(g);
      const amount = each ?? groupSum(g);
      const params = {
        award: inSentence(g.awardName),
        count: count2(g.lines.length),
        kind: decisionLabel(locale, `decisionDocs.kind.${g.subjectKind}`),
        amount: money(amount, locale),
        words: amountInWords(amount, locale),
      };
      return decisionLabel(locale, each === null ? 'decisionDocs.money.varied' : 'decisionDocs.money.uniform', params);
    })
    .map((s, i, all) => `${s}${i === all.length - 1 ? '.' : ';'}`);
  const salary = decisionLabel(locale, 'decisionDocs.money.baseSalary', { amount: money(m.baseSalaryVnd, locale), source: inSentence(m.baseSalarySource) });
  return [
    ...groupLines,
    clean(m.roundingText) ? `${salary} ${clean(m.roundingText)}` : salary,
    decisionLabel(locale, 'decisionDocs.money.total', { amount: money(m.totalVnd, locale), words: amountInWords(m.totalVnd, locale), fund: inSentence(m.fundName) }),
  ];
}

/** "05/QĐ-LĐLĐ ngày 05 tháng 02 năm 2026" parts of the annex's reference, from the header lines. */
export function annexReference(d: DecisionDocData): { number: string; date: string } {
  const number = docText(d.numberLine).replace(/^\s*Số\s*:\s?/iu, '').trimEnd();
  const line = clean(d.placeDateLine);
  const comma = line.indexOf(',');
  return { number: number.trim() ? number : DOTS, date: comma >= 0 ? line.slice(comma + 1).trim() : line };
}

/** Whether the list goes to an annex: more lines, all groups together, than the threshold. */
export const needsAnnex = (d: DecisionDocData): boolean => d.articles.awards.reduce((a, g) => a + g.lines.length, 0) > d.annexThreshold;

// STT | Họ và tên / Tên tập thể | (Chức vụ,) đơn vị | Số tiền — each sums to TEXT_WIDTH.
const WIDTHS_MONEY = [680, 3000, TEXT_WIDTH - 680 - 3000 - 1700, 1700];
const WIDTHS_PLAIN = [680, 3400, TEXT_WIDTH - 680 - 3400];

/** The cell texts of an item's annex table (header, one row per awardee, a total row when it carries money); the DOCX and the PDF print these. */
export function annexRows(item: DecisionItem, locale: DecisionLocale = 'vi'): { head: string[]; rows: string[][]; withMoney: boolean } {
  const lines = itemLines(item);
  const withMoney = lines.some((l) => l.amountVnd !== null);
  const label = (k: 'index' | 'name' | 'unit' | 'positionUnit' | 'amount') => decisionLabel(locale, `decisionDocs.annex.col.${k}`);
  const head = [label('index'), label('name'), label(lines.some((l) => clean(l.position)) ? 'positionUnit' : 'unit'), ...(withMoney ? [label('amount')] : [])];
  const rows = lines.map((l, i) => [String(i + 1), clean(l.name) || DOTS, positionAndUnit(l), ...(withMoney ? [l.amountVnd === null ? '' : groupDigits(l.amountVnd, locale)] : [])]);
  if (withMoney) {
    const sum = lines.reduce((a, l) => a + (l.amountVnd ?? 0), 0);
    rows.push(['', decisionLabel(locale, 'decisionDocs.annex.total'), '', groupDigits(sum, locale)]);
  }
  return { head, rows, withMoney };
}

/** The annex table of one item: header, one row per awardee, and a total row when it carries money. */
export function annexTable(item: DecisionItem, locale: DecisionLocale = 'vi'): Table {
  const { head, rows, withMoney } = annexRows(item, locale);
  return borderedTable(
    [head, ...rows].map((r) => r.map((c) => [c])),
    withMoney ? WIDTHS_MONEY : WIDTHS_PLAIN,
    withMoney ? [AlignmentType.CENTER, AlignmentType.LEFT, AlignmentType.LEFT, AlignmentType.RIGHT] : [AlignmentType.CENTER, AlignmentType.LEFT, AlignmentType.LEFT],
  );
}

const titleLine = (text: string, before = 0): Paragraph =>
  para([run(text, { bold: true, size: PT14 })], { alignment: AlignmentType.CENTER, indent: { firstLine: 0 }, spacing: { before, after: 0 } });
const article = (n: number, text: string, locale: DecisionLocale): Paragraph =>
  body([run(`${decisionLabel(locale, 'decisionDocs.article', { n })} `, { bold: true }), run(text)]);
const line = (text: string): Paragraph => body([run(text)]);

/** "I. Tặng Giấy khen … (03 cá nhân và 01 tập thể)": the heading over the annex table of the `index`-th item (from 0). */
export const annexHeading = (item: DecisionItem, index: number, locale: DecisionLocale = 'vi'): string =>
  decisionLabel(locale, 'decisionDocs.annex.group', { numeral: toRoman(index + 1), verb: verbText(item.awardName, locale), award: item.awardName || DOTS, counts: countsText(item, locale) });

function annexChildren(d: DecisionDocData, items: readonly DecisionItem[], locale: DecisionLocale): (Paragraph | Table)[] {
  const out: (Paragraph | Table)[] = [
    para([run(decisionLabel(locale, 'decisionDocs.annex.title'), { bold: true, size: PT14 })], {
      alignment: AlignmentType.CENTER,
      indent: { firstLine: 0 },
      spacing: { before: 0, after: 0 },
      pageBreakBefore: true,
    }),
    titleLine(decisionLabel(locale, 'decisionDocs.annex.subtitle')),
    centred([run(decisionLabel(locale, 'decisionDocs.annex.of', annexReference(d)), { italics: true })]),
    rule(TEXT_WIDTH, 1701, 240),
  ];
  items.forEach((item, i) => {
    const heading = annexHeading(item, i, locale);
    out.push(body([run(heading, { bold: true })], { keepNext: true, indent: { firstLine: 0 }, spacing: { before: 120, after: 120 } }));
    out.push(annexTable(item, locale));
  });
  return out;
}

/** Without Điều 2's money, line amounts are not printed either (inline or in the annex). */
export const withoutStrayAmounts = (d: DecisionDocData): DecisionDocData =>
  d.articles.money ? d : { ...d, articles: { ...d.articles, awards: d.articles.awards.map((g) => ({ ...g, lines: g.lines.map((l) => ({ ...l, amountVnd: null })) })) } };

/** Điều 1–3 as printed: the text after "Điều n." and the lines under it (the DOCX and the PDF print these). */
export interface DecisionArticle {
  n: 1 | 2 | 3;
  text: string;
  lines: string[];
}

/** The three articles of a decision already stripped of stray amounts (withoutStrayAmounts), for its merged items. */
export function decisionArticles(d: DecisionDocData, items: readonly DecisionItem[], annex: boolean, locale: DecisionLocale = 'vi'): DecisionArticle[] {
  const out: DecisionArticle[] = [];
  // Điều 1: the awards. One item reads straight after "Điều 1."; several are numbered 1., 2., …
  const sentence = (item: DecisionItem) => (annex ? decisionLabel(locale, 'decisionDocs.awards.annexRef', { sentence: awardSentence(item, locale) }) : `${awardSentence(item, locale)}:`);
  if (items.length === 1) {
    out.push({ n: 1, text: sentence(items[0]!), lines: annex ? [] : inlineLines(items[0]!, '', locale) });
  } else {
    const lines = items.flatMap((item, i) => [`${i + 1}. ${sentence(item)}`, ...(annex ? [] : inlineLines(item, `${i + 1}.`, locale))]);
    out.push({ n: 1, text: decisionLabel(locale, 'decisionDocs.awards.intro'), lines });
  }

  // Điều 2: the money, or the effect when the decision carries none.
  const effect = decisionLabel(locale, 'decisionDocs.effect');
  const execution = inSentence(d.articles.execution);
  if (d.articles.money) {
    out.push({ n: 2, text: decisionLabel(locale, 'decisionDocs.money.intro'), lines: moneyLines(d, locale) });
    const mentionsEffect = /hiệu lực|takes effect/iu.test(execution);
    out.push({ n: 3, text: finalStop(mentionsEffect ? execution : `${effect} ${execution}`), lines: [] });
  } else {
    out.push({ n: 2, text: effect, lines: [] });
    out.push({ n: 3, text: finalStop(execution), lines: [] });
  }
  return out;
}

export function decisionChildren(data: DecisionDocData, locale: DecisionLocale = 'vi'): (Paragraph | Table)[] {
  const d = withoutStrayAmounts(data);
  const items = decisionItems(d.articles.awards);
  const annex = needsAnnex(d);
  const children: (Paragraph | Table)[] = [];
  if (d.isDraft) {
    children.push(para([run(decisionLabel(locale, 'decisionDocs.draftMark'), { bold: true })], { alignment: AlignmentType.RIGHT, indent: { firstLine: 0 }, spacing: { before: 0, after: 120 } }));
  }
  const header: PlanDocxModel = {
    parentOrgName: clean(d.superiorOrgName) || null,
    orgName: clean(d.issuerName),
    numberLine: docText(d.numberLine),
    placeDateLine: clean(d.placeDateLine),
    title: '',
    basis: [],
    intro: null,
    blocks: [],
    signer: { onBehalf: clean(d.signer.onBehalf) || null, position: clean(d.signer.title), name: clean(d.signer.name) },
    recipients: d.recipients.map(clean).filter(Boolean),
    draft: d.isDraft,
  };
  children.push(headerTable(header));
  children.push(titleLine(decisionLabel(locale, 'decisionDocs.title'), 360));
  if (clean(d.subject)) children.push(titleLine(clean(d.subject)));
  children.push(rule(TEXT_WIDTH, 1701, 240));
  children.push(centred([run(clean(d.authorityLine).toLocaleUpperCase('vi-VN'), { bold: true })], 240));

  for (const b of d.basis) if (clean(b)) children.push(body([run(clean(b), { italics: true })]));
  children.push(para([run(decisionLabel(locale, 'decisionDocs.decides'), { bold: true })], { alignment: AlignmentType.CENTER, indent: { firstLine: 0 }, spacing: { before: 120, after: 120 } }));

  for (const a of decisionArticles(d, items, annex, locale)) {
    children.push(article(a.n, a.text, locale));
    for (const l of a.lines) children.push(line(l));
  }

  children.push(para([], { spacing: { before: 120, after: 0 } }));
  children.push(signerTable(header));

  if (annex && items.length) children.push(...annexChildren(d, items, locale));
  return children;
}

const decisionTitle = (d: DecisionDocData, locale: DecisionLocale): string => decisionLabel(locale, 'decisionDocs.fileTitle', { subject: clean(d.subject) });

/** The commendation decision as a .docx (the annex included when the list is long). */
export async function decisionDocx(data: DecisionDocData, locale: DecisionLocale = 'vi'): Promise<Buffer> {
  return packOfficialDocx(decisionTitle(data, locale), decisionChildren(data, locale));
}

/** The same document through Packer alone (the reference the fast path is tested against). */
export function decisionDocument(data: DecisionDocData, locale: DecisionLocale = 'vi'): Document {
  return officialDocument(decisionTitle(data, locale), decisionChildren(data, locale));
}
