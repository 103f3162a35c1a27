// The printouts of an award ceremony in the Nghị định 30/2020 layout of the other documents (A4,
// Times New Roman, the superior and the organising body beside the national motto):
// - "Danh sách nhận khen thưởng": the recipients group by group (đợt) with who presents to them, the
//   name, unit, award and a column to sign on receipt;
// - "Chương trình buổi lễ": the running order, then the call order by group with the presenters.
// Both are written through the shared fast path (packOfficialDocx) so a list of thousands stays quick.
import { AlignmentType, type Paragraph, type Table } from 'docx';
import { PT14, TEXT_WIDTH, body, centred, headerTable, para, rule, run } from '../../plans/plan-docx';
import { DOTS, borderedTable, docText, packOfficialDocx, unnumberedHeader } from '../../nominations/documents/achievement-report-docx';
import { count2 } from '../../nominations/documents/proposal-docx';
import { t } from '../../../../contracts/messages';
import type { ProgrammeLine } from '../../../../contracts/ceremonies';

export interface CeremonyDocLine {
  name: string;
  unit: string | null;
  award: string;
}

export interface CeremonyDocGroup {
  groupNo: number;
  presenter: string | null;
  lines: CeremonyDocLine[];
}

export interface CeremonyDocModel {
  parentOrgName: string | null;
  orgName: string;
  /** "Dương Minh Châu, ngày 15 tháng 01 năm 2027". */
  placeDateLine: string;
  title: string;
  /** "08:00, ngày 15/01/2027". */
  when: string;
  place: string;
  programme: ProgrammeLine[];
  /** Active recipients only, in call order. */
  groups: CeremonyDocGroup[];
}

const clean = (s: string | null | undefined): string => (s ? docText(s).trim() : '');
const L = (key: string, params?: Record<string, string | number>) => t('vi', `ceremonies.doc.${key}`, params);


function titleBlock(m: CeremonyDocModel, heading: string): (Paragraph | Table)[] {
  return [
    headerTable(unnumberedHeader(m)),
    para([run(heading, { bold: true, size: PT14 })], { alignment: AlignmentType.CENTER, indent: { firstLine: 0 }, spacing: { before: 360, after: 0 } }),
    centred([run(clean(m.title), { bold: true, size: PT14 })]),
    rule(TEXT_WIDTH, 1701, 240),
    body([run(`${L('when')}: `, { bold: true }), run(clean(m.when))]),
    body([run(`${L('place')}: `, { bold: true }), run(clean(m.place))]),
  ];
}

const groupHeading = (g: CeremonyDocGroup): Paragraph =>
  body(
    [
      run(L('group', { n: count2(g.groupNo), count: count2(g.lines.length) }), { bold: true }),
      run(` — ${L('presenter')}: `, { bold: true }),
      // No presenter yet: a dotted line to write the name on.
      run(clean(g.presenter) || DOTS),
    ],
    { alignment: AlignmentType.LEFT, keepNext: true, spacing: { before: 120, after: 60 } },
  );

// Column widths in twips (TEXT_WIDTH = 9071).
const LIST_WIDTHS = [600, 2600, 2500, 2071, 1300];
const CALL_WIDTHS = [680, 3000, 2900, 2491];

/** "Danh sách nhận khen thưởng": one table per group, with a column to sign on receipt. */
export function recipientsListChildren(m: CeremonyDocModel): (Paragraph | Table)[] {
  const children = titleBlock(m, L('listHeading'));
  const total = m.groups.reduce((s, g) => s + g.lines.length, 0);
  children.push(body([run(L('total', { count: count2(total), groups: count2(m.groups.length) }))]));
  let n = 0;
  for (const g of m.groups) {
    children.push(groupHeading(g));
    const header = [[L('col.no')], [L('col.name')], [L('col.unit')], [L('col.award')], [L('col.signature')]];
    const rows = g.lines.map((l) => [[String(++n)], [clean(l.name)], [clean(l.unit)], [clean(l.award)], ['']]);
    children.push(borderedTable([header, ...rows], LIST_WIDTHS, [AlignmentType.CENTER, AlignmentType.LEFT, AlignmentType.LEFT, AlignmentType.LEFT, AlignmentType.LEFT]));
  }
  return children;
}

/** "Chương trình buổi lễ": the running order, then who is called up in each group and who presents. */
export function programmeChildren(m: CeremonyDocModel): (Paragraph | Table)[] {
  const children = titleBlock(m, L('programmeHeading'));
  const header = [[L('col.at')], [L('col.item')], [L('col.by')]];
  const rows = m.programme.map((p) => [[clean(p.at)], [clean(p.item)], [clean(p.by)]]);
  children.push(borderedTable([header, ...rows], [1300, 5071, 2700], [AlignmentType.CENTER, AlignmentType.LEFT, AlignmentType.LEFT]));
  children.push(para([run(L('callHeading'), { bold: true })], { alignment: AlignmentType.CENTER, indent: { firstLine: 0 }, keepNext: true, spacing: { before: 360, after: 120 } }));
  let n = 0;
  for (const g of m.groups) {
    children.push(groupHeading(g));
    const rows = g.lines.map((l) => [[String(++n)], [clean(l.name)], [clean(l.unit)], [clean(l.award)]]);
    children.push(borderedTable([[[L('col.no')], [L('col.name')], [L('col.unit')], [L('col.award')]], ...rows], CALL_WIDTHS, [AlignmentType.CENTER, AlignmentType.LEFT, AlignmentType.LEFT, AlignmentType.LEFT]));
  }
  return children;
}

export const recipientsListDocx = (m: CeremonyDocModel): Promise<Buffer> => packOfficialDocx(`${L('listHeading')}: ${clean(m.title)}`, recipientsListChildren(m));
export const programmeDocx = (m: CeremonyDocModel): Promise<Buffer> => packOfficialDocx(`${L('programmeHeading')}: ${clean(m.title)}`, programmeChildren(m));
