import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { docText } from './achievement-report-docx';
import { PROPOSAL_LIST_COLUMNS, proposalListXlsx, type ProposalListLine, type ProposalListModel } from './proposal-list-xlsx';

const line = (order: number, over: Partial<ProposalListLine> = {}): ProposalListLine => ({
  order,
  subjectName: `Nguyễn Thị Lan ${order}`,
  subjectKind: 'PERSON',
  position: 'Kế toán',
  unitName: 'Công ty TNHH Phước Đông',
  awardName: 'Giấy khen',
  eligibilityNote: null,
  justification: null,
  ...over,
});

const model = (over: Partial<ProposalListModel> = {}): ProposalListModel => ({
  title: 'Danh sách đề nghị khen thưởng năm 2024 (kèm theo Tờ trình số 12/TTr-CĐCS)',
  notes: ['Đơn vị đề nghị: Công đoàn cơ sở Công ty TNHH Phước Đông'],
  lines: [
    line(2, { subjectName: 'Tổ Kế toán', subjectKind: 'UNIT', position: null, eligibilityStatus: 'Đủ điều kiện' }),
    line(1, {
      subjectName: 'Huỳnh Thị Mỹ Duyên',
      awardName: 'Chiến sĩ thi đua cơ sở',
      eligibilityStatus: 'Chưa đủ điều kiện',
      eligibilityNote: 'Chưa có sáng kiến được công nhận',
      justification: 'Sáng kiến đang chờ công nhận',
      reviewStatus: 'Chờ duyệt',
    }),
    line(3),
  ],
  ...over,
});

type Cell = string | number | null;

async function readBack(buf: Buffer): Promise<{ sheet: ExcelJS.Worksheet; rows: Cell[][] }> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf as unknown as ArrayBuffer);
  const sheet = wb.worksheets[0];
  if (!sheet) throw new Error('no worksheet');
  const rows: Cell[][] = [];
  sheet.eachRow({ includeEmpty: true }, (row, n) => {
    const values: Cell[] = [];
    for (let c = 1; c <= PROPOSAL_LIST_COLUMNS.length; c++) {
      const v = row.getCell(c).value;
      values.push(v === null || v === undefined ? null : typeof v === 'number' ? v : String(v));
    }
    rows[n - 1] = values;
  });
  return { sheet, rows };
}

describe('proposalListXlsx', () => {
  it('writes the title, notes, award counts, a frozen header and one row per line in list order', async () => {
    const m = model();
    const { sheet, rows } = await readBack(await proposalListXlsx(m));
    expect(sheet.name).toBe('Danh sách đề nghị');
    expect(rows[0]?.[0]).toBe(m.title);
    expect(rows[1]?.[0]).toBe('Đơn vị đề nghị: Công đoàn cơ sở Công ty TNHH Phước Đông');
    expect(rows[2]?.[0]).toBe('Đề nghị tặng Giấy khen cho 01 cá nhân và 01 tập thể.');
    expect(rows[3]?.[0]).toBe('Đề nghị công nhận danh hiệu Chiến sĩ thi đua cơ sở cho 01 cá nhân.');
    const headerAt = 4;
    expect(rows[headerAt]).toEqual(PROPOSAL_LIST_COLUMNS.map((c) => c.header));
    expect(sheet.getRow(headerAt + 1).getCell(1).font?.bold).toBe(true);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: headerAt + 1 });

    const data = rows.slice(headerAt + 1);
    expect(data).toHaveLength(m.lines.length);
    expect(data).toEqual([
      [
        1,
        'Huỳnh Thị Mỹ Duyên',
        'Cá nhân',
        'Kế toán',
        'Công ty TNHH Phước Đông',
        'Kế toán, Công ty TNHH Phước Đông',
        'Chiến sĩ thi đua cơ sở',
        'Chưa đủ điều kiện',
        'Chưa có sáng kiến được công nhận',
        'Sáng kiến đang chờ công nhận',
        'Chờ duyệt',
        'Chưa đủ điều kiện — lý do: Sáng kiến đang chờ công nhận (Chưa có sáng kiến được công nhận)',
      ],
      [2, 'Tổ Kế toán', 'Tập thể', null, 'Công ty TNHH Phước Đông', 'Công ty TNHH Phước Đông', 'Giấy khen', 'Đủ điều kiện', null, null, null, null],
      [3, 'Nguyễn Thị Lan 3', 'Cá nhân', 'Kế toán', 'Công ty TNHH Phước Đông', 'Kế toán, Công ty TNHH Phước Đông', 'Giấy khen', null, null, null, null, null],
    ]);
  });

  it.each([0, 1, 500])('has %i data rows for as many lines', async (n) => {
    const lines = Array.from({ length: n }, (_, i) => line(n - i));
    const { rows } = await readBack(await proposalListXlsx(model({ notes: undefined, lines })));
    const headerAt = rows.findIndex((r) => r[0] === 'TT');
    expect(headerAt).toBe(n ? 2 : 1); // title, one award sentence when there are lines
    expect(rows.slice(headerAt + 1).map((r) => r[0])).toEqual(Array.from({ length: n }, (_, i) => i + 1));
  });

  it('keeps arbitrary names intact (NFC) and the file readable (property)', async () => {
    const chars = fc.constantFrom(...'aăâđêôơưÀẢẠĐẾỆ &<>"\'=+-@'.split(''), '\u0301', '\u0323', '\u0309', '\u0000', '\u001b');
    const text = fc.array(chars, { minLength: 1, maxLength: 20 }).map((a) => a.join(''));
    await fc.assert(
      fc.asyncProperty(fc.array(text, { minLength: 1, maxLength: 5 }), text, async (names, title) => {
        const { rows } = await readBack(await proposalListXlsx(model({ title, notes: [], lines: names.map((subjectName, i) => line(i + 1, { subjectName })) })));
        expect(rows[0]?.[0] ?? '').toBe(docText(title).trim());
        const headerAt = rows.findIndex((r) => r[0] === 'TT');
        expect(rows.slice(headerAt + 1).map((r) => r[1] ?? '')).toEqual(names.map((s) => docText(s).trim()));
      }),
      { numRuns: 30 },
    );
  });
});
