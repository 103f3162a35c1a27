// The list of a submission batch (tờ trình) as an .xlsx, through the shared table workbook (title,
// the award-count sentences, a styled frozen header, one row per nominee in list order) so that it
// looks like the other list exports.
import { tableWorkbook } from '../../imports/xlsx/table-workbook';
import { docText } from './achievement-report-docx';
import { awardSummaries, positionAndUnit, remarkTexts, type ProposalLine } from './proposal-docx';

export interface ProposalListLine extends ProposalLine {
  /** Outcome of the eligibility check as a label, e.g. "Đủ điều kiện" / "Chưa đủ điều kiện". */
  eligibilityStatus?: string | null;
  /** Level the line has reached or the decision on it, e.g. "Đã duyệt", "Trả lại". */
  reviewStatus?: string | null;
}

export interface ProposalListModel {
  /** "Danh sách đề nghị khen thưởng năm 2024 (kèm theo Tờ trình số 12/TTr-CĐCS)". */
  title: string;
  /** Lines printed under the title before the award counts (unit, batch…). */
  notes?: string[];
  lines: ProposalListLine[];
}

export const PROPOSAL_LIST_COLUMNS = [
  { header: 'TT', width: 6 },
  { header: 'Họ và tên / Tên tập thể', width: 30 },
  { header: 'Cá nhân / Tập thể', width: 12 },
  { header: 'Chức vụ', width: 22 },
  { header: 'Đơn vị', width: 32 },
  { header: 'Chức vụ, đơn vị', width: 40 },
  { header: 'Hình thức đề nghị', width: 28 },
  { header: 'Điều kiện', width: 20 },
  { header: 'Lưu ý khi kiểm tra điều kiện', width: 40 },
  { header: 'Lý do đề nghị', width: 40 },
  { header: 'Trạng thái', width: 16 },
  { header: 'Ghi chú', width: 50 },
] as const;

const nfc = (s: string | null | undefined): string => (s ? docText(s).trim() : '');

export function proposalListRows(lines: readonly ProposalListLine[]): (string | number | null)[][] {
  return [...lines]
    .sort((a, b) => a.order - b.order)
    .map((l) => [
      l.order,
      nfc(l.subjectName),
      l.subjectKind === 'PERSON' ? 'Cá nhân' : 'Tập thể',
      nfc(l.position) || null,
      nfc(l.unitName) || null,
      positionAndUnit(l) || null,
      nfc(l.awardName),
      nfc(l.eligibilityStatus) || null,
      nfc(l.eligibilityNote) || null,
      nfc(l.justification) || null,
      nfc(l.reviewStatus) || null,
      remarkTexts(l).join(' ') || null,
    ]);
}

export async function proposalListXlsx(m: ProposalListModel): Promise<Buffer> {
  return tableWorkbook({
    sheet: 'Danh sách đề nghị',
    title: nfc(m.title),
    lines: [...(m.notes ?? []).map(nfc).filter(Boolean), ...awardSummaries(m.lines)],
    columns: PROPOSAL_LIST_COLUMNS.map((c) => ({ header: c.header, width: c.width })),
    rows: proposalListRows(m.lines),
  });
}
