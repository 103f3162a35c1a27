// "Tờ trình" of a submission batch (đề nghị khen thưởng) as a .docx, laid out like the plans
// (Nghị định 30/2020): header with the number, "TỜ TRÌNH" and the subject, "Kính gửi", the basis,
// one sentence per award counting persons and collectives, the list as a bordered table, then the
// signer block with "Nơi nhận". Lines the eligibility check flagged carry the proposer's reason.
import { AlignmentType, type Document, type Paragraph, type Table } from 'docx';
import {
  AFTER_6PT,
  PT14,
  TEXT_WIDTH,
  body,
  centred,
  headerTable,
  para,
  rule,
  run,
  signerTable,
  type PlanDocxModel,
} from '../../plans/plan-docx';
import { DOTS, awardVerb, borderedTable, docText, officialDocument, packOfficialDocx } from './achievement-report-docx';

export interface ProposalLine {
  order: number;
  subjectName: string;
  subjectKind: 'PERSON' | 'UNIT';
  position: string | null;
  unitName: string;
  awardName: string;
  /** Set when the eligibility check found the nominee not (yet) eligible. */
  eligibilityNote: string | null;
  /** Why the unit proposes the nominee anyway. */
  justification: string | null;
}

export interface ProposalModel {
  parentOrgName: string | null;
  orgName: string;
  /** "Số: 12/TTr-CĐCS", or "Số:      /TTr-CĐCS" before it is numbered. */
  numberLine: string;
  placeDateLine: string;
  /** "Kính gửi: Ban Thường vụ LĐLĐ huyện DMC". */
  recipientLine: string;
  /** "V/v đề nghị khen thưởng năm 2024". */
  subject: string;
  basis: string[];
  intro: string | null;
  lines: ProposalLine[];
  signer: { onBehalf: string | null; position: string; name: string | null };
  /** "Nơi nhận" lines. */
  recipients: string[];
}

const nfc = docText;
const clean = (s: string | null | undefined): string => (s ? nfc(s).trim() : '');

/** Counts print with two digits ("03"), as in administrative writing; 100 and more print as they are. */
export const count2 = (n: number): string => String(n).padStart(2, '0');

/**
 * One sentence per award, in the order awards first appear in the list:
 * "Đề nghị tặng Giấy khen cho 03 cá nhân và 01 tập thể." Titles are "công nhận danh hiệu".
 */
export function awardSummaries(lines: readonly Pick<ProposalLine, 'awardName' | 'subjectKind'>[]): string[] {
  const byAward = new Map<string, { persons: number; units: number }>();
  for (const l of lines) {
    const name = clean(l.awardName);
    const c = byAward.get(name) ?? { persons: 0, units: 0 };
    if (l.subjectKind === 'PERSON') c.persons++;
    else c.units++;
    byAward.set(name, c);
  }
  return [...byAward].map(([name, c]) => {
    const parts = [c.persons ? `${count2(c.persons)} cá nhân` : null, c.units ? `${count2(c.units)} tập thể` : null].filter((p): p is string => p !== null);
    const what = awardVerb(name) === 'công nhận' && !/^danh hiệu/i.test(name) ? `công nhận danh hiệu ${name}` : `${awardVerb(name)} ${name}`;
    return `Đề nghị ${what} cho ${parts.join(' và ')}.`;
  });
}

/** "Chức vụ, đơn vị" of a line: the position (persons) then the unit. */
export function positionAndUnit(l: Pick<ProposalLine, 'position' | 'unitName'>): string {
  return [clean(l.position), clean(l.unitName)].filter(Boolean).join(', ');
}

/** The Ghi chú cell: empty unless the nominee was flagged, then the flag, the proposer's reason and the check's note. */
export function remarkTexts(l: Pick<ProposalLine, 'eligibilityNote' | 'justification'>): string[] {
  if (!clean(l.eligibilityNote)) return [];
  return [`Chưa đủ điều kiện — lý do: ${clean(l.justification) || DOTS}`, `(${clean(l.eligibilityNote)})`];
}

// TT | Họ và tên / Tên tập thể | Chức vụ, đơn vị | Hình thức đề nghị | Ghi chú — sums to TEXT_WIDTH.
const LIST_WIDTHS = [624, 2268, 2495, 1700, TEXT_WIDTH - 624 - 2268 - 2495 - 1700];

export function proposalTable(lines: readonly ProposalLine[]): Table {
  const sorted = [...lines].sort((a, b) => a.order - b.order);
  const rows = sorted.map((l) => [[String(l.order)], [clean(l.subjectName)], [positionAndUnit(l)], [clean(l.awardName)], remarkTexts(l)]);
  return borderedTable([[['TT'], ['Họ và tên / Tên tập thể'], ['Chức vụ, đơn vị'], ['Hình thức đề nghị'], ['Ghi chú']], ...rows], LIST_WIDTHS, [
    AlignmentType.CENTER,
    AlignmentType.LEFT,
    AlignmentType.LEFT,
    AlignmentType.LEFT,
    AlignmentType.LEFT,
  ]);
}

const planShape = (m: ProposalModel): PlanDocxModel => ({
  parentOrgName: m.parentOrgName === null ? null : nfc(m.parentOrgName),
  orgName: nfc(m.orgName),
  numberLine: nfc(m.numberLine),
  placeDateLine: nfc(m.placeDateLine),
  title: clean(m.subject),
  basis: m.basis.map(clean),
  intro: m.intro === null ? null : clean(m.intro),
  blocks: [],
  // The name is written in after signing when not known yet.
  signer: { onBehalf: m.signer.onBehalf === null ? null : nfc(m.signer.onBehalf), position: nfc(m.signer.position), name: clean(m.signer.name) },
  recipients: m.recipients.map(clean),
  draft: false,
});

export function proposalChildren(m: ProposalModel): (Paragraph | Table)[] {
  const plan = planShape(m);
  const children: (Paragraph | Table)[] = [headerTable(plan)];
  children.push(para([run('TỜ TRÌNH', { bold: true, size: PT14 })], { alignment: AlignmentType.CENTER, indent: { firstLine: 0 }, spacing: { before: 360, after: 0 } }));
  children.push(centred([run(clean(m.subject), { bold: true, size: PT14 })]));
  children.push(rule(TEXT_WIDTH, 1701, 240));
  children.push(centred([run(clean(m.recipientLine))], 240));

  for (const b of m.basis) if (clean(b)) children.push(body([run(clean(b), { italics: true })]));
  if (clean(m.intro)) children.push(body([run(clean(m.intro))]));
  for (const s of awardSummaries(m.lines)) children.push(body([run(s)]));
  if (m.lines.length) {
    children.push(body([run('Danh sách cụ thể như sau:')], { keepNext: true }));
    children.push(proposalTable(m.lines));
  }
  children.push(body([run(`Kính đề nghị ${clean(m.recipientLine).replace(/^Kính gửi:\s*/i, '')} xem xét, quyết định./.`)], { spacing: { before: 120, after: AFTER_6PT } }));

  children.push(para([], { spacing: { before: 0, after: 0 } }));
  children.push(signerTable(plan));
  return children;
}

export async function proposalDocx(m: ProposalModel): Promise<Buffer> {
  return packOfficialDocx(proposalTitle(m), proposalChildren(m));
}

/** The same document through Packer alone (the reference the fast path is tested against). */
export function proposalDocument(m: ProposalModel): Document {
  return officialDocument(proposalTitle(m), proposalChildren(m));
}

const proposalTitle = (m: ProposalModel): string => `Tờ trình: ${clean(m.subject)}`;
