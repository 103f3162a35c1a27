import fc from 'fast-check';
import { Packer } from 'docx';
import JSZip from 'jszip';
import { SaxesParser } from 'saxes';
import { describe, expect, it } from 'vitest';
import { DOTS, docText } from './achievement-report-docx';
import { awardSummaries, count2, positionAndUnit, proposalDocument, proposalDocx, remarkTexts, type ProposalLine, type ProposalModel } from './proposal-docx';

const line = (order: number, over: Partial<ProposalLine> = {}): ProposalLine => ({
  order,
  subjectName: `Nguyễn Văn Đức ${order}`,
  subjectKind: 'PERSON',
  position: 'Giáo viên',
  unitName: 'Trường THCS Lê Lợi',
  awardName: 'Giấy khen',
  eligibilityNote: null,
  justification: null,
  ...over,
});

const model = (over: Partial<ProposalModel> = {}): ProposalModel => ({
  parentOrgName: 'LĐLĐ huyện Dương Minh Châu',
  orgName: 'Công đoàn cơ sở Trường THCS Lê Lợi',
  numberLine: 'Số: 12/TTr-CĐCS',
  placeDateLine: 'Huyện DMC, ngày 05 tháng 12 năm 2024',
  recipientLine: 'Kính gửi: Ban Thường vụ LĐLĐ huyện DMC',
  subject: 'V/v đề nghị khen thưởng năm 2024',
  basis: ['Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022;', 'Căn cứ kết quả bình xét thi đua năm 2024 của Ban Chấp hành Công đoàn cơ sở;'],
  intro: 'Ban Chấp hành Công đoàn cơ sở Trường THCS Lê Lợi kính trình Ban Thường vụ LĐLĐ huyện xem xét, khen thưởng như sau:',
  lines: [
    line(1, { subjectName: 'Trần Thị Ngọc Ánh', position: 'Tổ trưởng', awardName: 'Giấy khen' }),
    line(2, { subjectName: 'Lê Hoàng Phúc', position: null, awardName: 'Giấy khen' }),
    line(3, {
      subjectName: 'Phạm Quỳnh Hương',
      awardName: 'Chiến sĩ thi đua cơ sở',
      eligibilityNote: 'Chưa có sáng kiến được công nhận',
      justification: 'Có giải pháp đang chờ Hội đồng sáng kiến công nhận',
    }),
    line(4, { subjectName: 'Tổ Ngữ văn', subjectKind: 'UNIT', position: null, awardName: 'Giấy khen' }),
    line(5, { subjectName: 'Võ Minh Triết', awardName: 'Giấy khen' }),
  ],
  signer: { onBehalf: 'TM. BAN CHẤP HÀNH', position: 'CHỦ TỊCH', name: 'Đặng Thị Thu Hà' },
  recipients: ['Như trên;', 'Lưu: VT.'],
  ...over,
});

const unescape = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
const textOf = (xml: string) => unescape([...xml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((x) => x[1] ?? '').join(''));

async function part(zip: JSZip, name: string): Promise<string> {
  const f = zip.file(name);
  if (!f) throw new Error(`missing part ${name}`);
  return f.async('string');
}

async function unpack(buf: Buffer) {
  const zip = await JSZip.loadAsync(buf);
  const document = await part(zip, 'word/document.xml');
  const paragraphs = [...document.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((x) => textOf(x[0]));
  return { document, text: textOf(document), paragraphs, styles: await part(zip, 'word/styles.xml') };
}

function parseXml(xml: string): void {
  const parser = new SaxesParser();
  parser.on('error', (e) => {
    throw e;
  });
  parser.write(xml).close();
}

/** Rows (cells' texts) of the one table whose own borders are single lines: the list. */
function listRows(document: string): string[][] {
  const tables = [...document.matchAll(/<w:tbl>[\s\S]*?<\/w:tbl>/g)].map((x) => x[0]).filter((t) => /w:val="single"/.test(/<w:tblBorders>[\s\S]*?<\/w:tblBorders>/.exec(t)?.[0] ?? ''));
  expect(tables).toHaveLength(1);
  return [...(tables[0] ?? '').matchAll(/<w:tr[ >][\s\S]*?<\/w:tr>/g)].map((r) => [...r[0].matchAll(/<w:tc>[\s\S]*?<\/w:tc>/g)].map((c) => textOf(c[0])));
}

describe('count2', () => {
  it.each([
    [0, '00'],
    [1, '01'],
    [9, '09'],
    [10, '10'],
    [99, '99'],
    [120, '120'],
  ])('%i → %s', (n, s) => expect(count2(n)).toBe(s));
});

describe('awardSummaries', () => {
  const p = (awardName: string) => ({ awardName, subjectKind: 'PERSON' as const });
  const u = (awardName: string) => ({ awardName, subjectKind: 'UNIT' as const });
  it.each([
    { lines: [p('Giấy khen'), p('Giấy khen'), u('Giấy khen'), p('Giấy khen')], out: ['Đề nghị tặng Giấy khen cho 03 cá nhân và 01 tập thể.'] },
    { lines: [u('Giấy khen'), u('Giấy khen')], out: ['Đề nghị tặng Giấy khen cho 02 tập thể.'] },
    { lines: [p('Chiến sĩ thi đua cơ sở')], out: ['Đề nghị công nhận danh hiệu Chiến sĩ thi đua cơ sở cho 01 cá nhân.'] },
    { lines: [u('Danh hiệu Tập thể lao động xuất sắc')], out: ['Đề nghị công nhận Danh hiệu Tập thể lao động xuất sắc cho 01 tập thể.'] },
    {
      lines: [p('Bằng khen của BCH LĐLĐ tỉnh'), p('Giấy khen'), p('Bằng khen của BCH LĐLĐ tỉnh'), u('Giấy khen')],
      out: ['Đề nghị tặng Bằng khen của BCH LĐLĐ tỉnh cho 02 cá nhân.', 'Đề nghị tặng Giấy khen cho 01 cá nhân và 01 tập thể.'],
    },
    { lines: [p(' Giấy khen '), p('Giấy khen'.normalize('NFD'))], out: ['Đề nghị tặng Giấy khen cho 02 cá nhân.'] },
    { lines: [], out: [] },
  ])('$out', ({ lines, out }) => {
    expect(awardSummaries(lines)).toEqual(out);
  });

  it('counts every line exactly once (property)', () => {
    const awards = fc.constantFrom('Giấy khen', 'Bằng khen', 'Lao động tiên tiến', 'Cờ thi đua');
    const kind = fc.constantFrom('PERSON' as const, 'UNIT' as const);
    fc.assert(
      fc.property(fc.array(fc.record({ awardName: awards, subjectKind: kind }), { maxLength: 150 }), (lines) => {
        const sentences = awardSummaries(lines);
        expect(sentences).toHaveLength(new Set(lines.map((l) => l.awardName)).size);
        const total = sentences.flatMap((s) => [...s.matchAll(/(\d{2,}) (cá nhân|tập thể)/g)].map((m) => Number(m[1]))).reduce((a, b) => a + b, 0);
        expect(total).toBe(lines.length);
      }),
    );
  });
});

describe('positionAndUnit and remarkTexts', () => {
  it.each([
    [{ position: 'Giáo viên', unitName: 'Trường A' }, 'Giáo viên, Trường A'],
    [{ position: null, unitName: 'Trường A' }, 'Trường A'],
    [{ position: '  ', unitName: 'Trường A' }, 'Trường A'],
  ])('%j → %s', (l, s) => expect(positionAndUnit(l)).toBe(s));

  it.each([
    [{ eligibilityNote: null, justification: 'Có lý do' }, []],
    [{ eligibilityNote: 'Thiếu sáng kiến', justification: 'Đang chờ công nhận' }, ['Chưa đủ điều kiện — lý do: Đang chờ công nhận', '(Thiếu sáng kiến)']],
    [{ eligibilityNote: 'Thiếu sáng kiến', justification: null }, [`Chưa đủ điều kiện — lý do: ${DOTS}`, '(Thiếu sáng kiến)']],
  ])('%j → %j', (l, s) => expect(remarkTexts(l)).toEqual(s));
});

describe('proposalDocx', () => {
  it('produces a well-formed package', async () => {
    const buf = await proposalDocx(model());
    expect(buf.subarray(0, 2).toString('latin1')).toBe('PK');
    const zip = await JSZip.loadAsync(buf);
    for (const name of ['[Content_Types].xml', 'word/document.xml', 'word/styles.xml']) parseXml(await part(zip, name));
  });

  it('prints header, TỜ TRÌNH, Kính gửi, basis, intro, award counts, list, closing, signer and Nơi nhận in order', async () => {
    const m = model();
    const { text, document } = await unpack(await proposalDocx(m));
    let at = 0;
    for (const s of [
      'LĐLĐ HUYỆN DƯƠNG MINH CHÂU',
      'CÔNG ĐOÀN CƠ SỞ TRƯỜNG THCS LÊ LỢI',
      'Số: 12/TTr-CĐCS',
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Huyện DMC, ngày 05 tháng 12 năm 2024',
      'TỜ TRÌNH',
      'V/v đề nghị khen thưởng năm 2024',
      'Kính gửi: Ban Thường vụ LĐLĐ huyện DMC',
      ...m.basis,
      m.intro ?? '',
      'Đề nghị tặng Giấy khen cho 03 cá nhân và 01 tập thể.',
      'Đề nghị công nhận danh hiệu Chiến sĩ thi đua cơ sở cho 01 cá nhân.',
      'Họ và tên / Tên tập thể',
      'Trần Thị Ngọc Ánh',
      'Kính đề nghị Ban Thường vụ LĐLĐ huyện DMC xem xét, quyết định./.',
      'Nơi nhận:',
      '- Như trên;',
      '- Lưu: VT.',
      'TM. BAN CHẤP HÀNH',
      'CHỦ TỊCH',
      'Đặng Thị Thu Hà',
    ]) {
      const i = text.indexOf(s, at);
      expect(i, `"${s}" after offset ${at}`).toBeGreaterThanOrEqual(0);
      at = i + s.length;
    }
    // Basis in italics.
    const basisPara = [...document.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((x) => x[0]).find((p) => textOf(p) === m.basis[0]);
    expect(basisPara).toMatch(/<w:i\/>|<w:i w:val="(true|1)"\/>/);
  });

  it('lists every line in order with the justification in Ghi chú for flagged lines', async () => {
    const m = model({ lines: [...model().lines].reverse() });
    const rows = listRows((await unpack(await proposalDocx(m))).document);
    expect(rows[0]).toEqual(['TT', 'Họ và tên / Tên tập thể', 'Chức vụ, đơn vị', 'Hình thức đề nghị', 'Ghi chú']);
    expect(rows).toHaveLength(m.lines.length + 1);
    expect(rows.slice(1)).toEqual([
      ['1', 'Trần Thị Ngọc Ánh', 'Tổ trưởng, Trường THCS Lê Lợi', 'Giấy khen', ''],
      ['2', 'Lê Hoàng Phúc', 'Trường THCS Lê Lợi', 'Giấy khen', ''],
      ['3', 'Phạm Quỳnh Hương', 'Giáo viên, Trường THCS Lê Lợi', 'Chiến sĩ thi đua cơ sở', 'Chưa đủ điều kiện — lý do: Có giải pháp đang chờ Hội đồng sáng kiến công nhận(Chưa có sáng kiến được công nhận)'],
      ['4', 'Tổ Ngữ văn', 'Trường THCS Lê Lợi', 'Giấy khen', ''],
      ['5', 'Võ Minh Triết', 'Giáo viên, Trường THCS Lê Lợi', 'Giấy khen', ''],
    ]);
  });

  it.each([0, 1, 25, 120])('has %i list rows plus the header for as many lines', async (n) => {
    const lines = Array.from({ length: n }, (_, i) => line(i + 1, { subjectKind: i % 4 === 3 ? 'UNIT' : 'PERSON' }));
    const { document, text } = await unpack(await proposalDocx(model({ lines })));
    if (n === 0) {
      expect(document).not.toMatch(/Họ và tên \/ Tên tập thể/);
      expect(text).not.toContain('Đề nghị tặng');
      return;
    }
    const rows = listRows(document);
    expect(rows).toHaveLength(n + 1);
    expect(rows.slice(1).map((r) => r[0])).toEqual(lines.map((l) => String(l.order)));
    const units = lines.filter((l) => l.subjectKind === 'UNIT').length;
    const persons = n - units;
    const expected = `Đề nghị tặng Giấy khen cho ${[persons ? `${count2(persons)} cá nhân` : '', units ? `${count2(units)} tập thể` : ''].filter(Boolean).join(' và ')}.`;
    expect(text).toContain(expected);
  });

  it('leaves the number and the signer’s name blank before signing', async () => {
    const { text, paragraphs } = await unpack(await proposalDocx(model({ numberLine: 'Số:      /TTr-CĐCS', signer: { onBehalf: null, position: 'Chủ tịch', name: null }, intro: null, basis: [] })));
    expect(text).toContain('Số:      /TTr-CĐCS');
    expect(text).not.toContain('TM.');
    expect(text).not.toContain('Căn cứ');
    const i = paragraphs.lastIndexOf('CHỦ TỊCH');
    expect(i).toBeGreaterThan(0);
    expect(paragraphs.slice(i + 1).every((p) => p === '')).toBe(true);
  });

  it('uses A4 portrait and Times New Roman', async () => {
    const { document, styles } = await unpack(await proposalDocx(model()));
    expect(document).toMatch(/<w:pgSz[^>]*w:w="11906"[^>]*w:h="16838"/);
    expect(document).not.toMatch(/w:orient="landscape"/);
    expect(document).toMatch(/<w:pgMar[^>]*w:left="1701"/);
    const defaults = /<w:docDefaults>[\s\S]*?<\/w:docDefaults>/.exec(styles)?.[0] ?? '';
    for (const attr of ['ascii', 'hAnsi', 'eastAsia', 'cs']) expect(defaults).toContain(`w:${attr}="Times New Roman"`);
    // The list fits the text width (fixed twips; LibreOffice ignores percentages).
    const list = [...document.matchAll(/<w:tbl>[\s\S]*?<\/w:tbl>/g)].map((x) => x[0]).find((t) => t.includes('Ghi chú')) ?? '';
    const cols = [...list.matchAll(/<w:gridCol w:w="(\d+)"\/>/g)].map((x) => Number(x[1]));
    expect(cols).toHaveLength(5);
    expect(cols.reduce((a, b) => a + b, 0)).toBe(11906 - 1701 - 1134);
  });

  it('keeps arbitrary names and reasons intact (NFC) without breaking the file (property)', async () => {
    const chars = fc.constantFrom(...'aăâđeêoôơuưyÀÁẢÃẠĐẾỆ &<>"\'/—“”'.split(''), '\u0300', '\u0301', '\u0303', '\u0309', '\u0323', '\u0000', '\u000b', ']]>', '&amp;');
    const text = fc.array(chars, { minLength: 1, maxLength: 25 }).map((a) => a.join(''));
    await fc.assert(
      fc.asyncProperty(fc.array(fc.record({ subjectName: text, justification: text, awardName: text }), { minLength: 1, maxLength: 6 }), async (xs) => {
        const lines = xs.map((x, i) => line(i + 1, { ...x, eligibilityNote: 'Chưa đủ' }));
        const buf = await proposalDocx(model({ lines }));
        const zip = await JSZip.loadAsync(buf);
        const document = await part(zip, 'word/document.xml');
        parseXml(document);
        expect(document.normalize('NFC')).toBe(document);
        const rows = listRows(document).slice(1);
        expect(rows.map((r) => r[1])).toEqual(xs.map((x) => docText(x.subjectName).trim()));
        expect(rows.map((r) => r[4])).toEqual(xs.map((x) => `Chưa đủ điều kiện — lý do: ${docText(x.justification).trim() || DOTS}(Chưa đủ)`));
      }),
      { numRuns: 30 },
    );
  });

  it('writes the same document.xml as Packer does from the same document', async () => {
    for (const m of [model(), model({ lines: [], basis: [], intro: null, signer: { onBehalf: null, position: 'Chủ tịch', name: null } })]) {
      const fast = await part(await JSZip.loadAsync(await proposalDocx(m)), 'word/document.xml');
      const reference = await part(await JSZip.loadAsync(await Packer.toBuffer(proposalDocument(m))), 'word/document.xml');
      expect(fast).toBe(reference);
    }
  });
});
