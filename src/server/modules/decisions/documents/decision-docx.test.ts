import fc from 'fast-check';
import { Packer } from 'docx';
import JSZip from 'jszip';
import { SaxesParser } from 'saxes';
import { describe, expect, it } from 'vitest';
import { decisionDocs as enMessages } from '../../../../contracts/messages/en/decision-docs';
import { decisionDocs as viMessages } from '../../../../contracts/messages/vi/decision-docs';
import type { DecisionAwardGroup, DecisionDocData } from './decision-data';
import { FIXTURE_BASE_SALARY, decisionFixture, fixturePerson } from './decision-fixture';
import { annexReference, decisionDocument, decisionDocx, decisionItems, inlineLines, moneyLines, uniformAmount } from './decision-docx';
import { toRoman as roman } from '../../../../domain/plans/heading-numbers';

const BASE = FIXTURE_BASE_SALARY;
const AWARD = 'Giấy khen của Ban Chấp hành Liên đoàn Lao động huyện';
const ACHIEVEMENT = 'Đã có thành tích xuất sắc trong phong trào thi đua năm 2026';

const person = fixturePerson;

const groups = (): DecisionAwardGroup[] => [
  {
    awardName: AWARD,
    subjectKind: 'INDIVIDUAL',
    achievement: ACHIEVEMENT,
    lines: [person('Trần Thị Ngọc Ánh', { position: 'Tổ trưởng' }), person('Lê Hoàng Phúc', { position: null }), person('Võ Minh Triết')],
  },
  { awardName: 'Chiến sĩ thi đua cơ sở', subjectKind: 'INDIVIDUAL', achievement: 'Đã hoàn thành xuất sắc nhiệm vụ năm 2026.', lines: [person('Phạm Quỳnh Hương', { amountVnd: null }), person('Huỳnh Tấn Lộc', { amountVnd: null, unit: null, position: null })] },
  { awardName: AWARD, subjectKind: 'COLLECTIVE', achievement: ACHIEVEMENT, lines: [{ name: 'Công đoàn cơ sở Trường THCS Lê Lợi', unit: null, amountVnd: 2 * BASE }] },
];

const BASIS = [
    'Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022;',
    'Căn cứ Quy chế khen thưởng của tổ chức Công đoàn ban hành kèm theo Quyết định số 999/QĐ-TLĐ;',
    'Căn cứ Biên bản họp Hội đồng Thi đua – Khen thưởng ngày 20 tháng 01 năm 2026;',
    'Xét đề nghị của Ban Tổ chức.',
  ];

const data = (over: Partial<DecisionDocData> = {}, articles: Partial<DecisionDocData['articles']> = {}): DecisionDocData => decisionFixture(groups(), BASIS, over, articles);

const unescape = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
const textOf = (xml: string) => unescape([...xml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((x) => x[1] ?? '').join(''));
const paragraphXml = (xml: string) => [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((x) => x[0]);

async function part(zip: JSZip, name: string): Promise<string> {
  const f = zip.file(name);
  if (!f) throw new Error(`missing part ${name}`);
  return f.async('string');
}

async function unpack(buf: Buffer) {
  const zip = await JSZip.loadAsync(buf);
  const document = await part(zip, 'word/document.xml');
  return { zip, document, text: textOf(document), paragraphs: paragraphXml(document).map(textOf), styles: await part(zip, 'word/styles.xml') };
}

function parseXml(xml: string): void {
  const parser = new SaxesParser();
  parser.on('error', (e) => {
    throw e;
  });
  parser.write(xml).close();
}

/** The bordered tables (the annex lists): their grid widths and their rows of cell texts. */
function listTables(document: string): { widths: number[]; rows: string[][] }[] {
  return [...document.matchAll(/<w:tbl>[\s\S]*?<\/w:tbl>/g)]
    .map((x) => x[0])
    .filter((t) => /w:val="single"/.test(/<w:tblBorders>[\s\S]*?<\/w:tblBorders>/.exec(t)?.[0] ?? ''))
    .map((t) => ({
      widths: [...t.matchAll(/<w:gridCol w:w="(\d+)"\/>/g)].map((x) => Number(x[1])),
      rows: [...t.matchAll(/<w:tr[ >][\s\S]*?<\/w:tr>/g)].map((r) => [...r[0].matchAll(/<w:tc>[\s\S]*?<\/w:tc>/g)].map((c) => textOf(c[0]))),
    }));
}

/** Asserts each expected paragraph appears, whole, after the previous one. */
function expectParagraphsInOrder(paragraphs: string[], expected: string[]): void {
  let at = 0;
  for (const s of expected) {
    const i = paragraphs.indexOf(s, at);
    expect(i, `paragraph "${s}" after #${at}`).toBeGreaterThanOrEqual(0);
    at = i + 1;
  }
}

const TEXT_WIDTH = 11906 - 1701 - 1134;

describe('decision helpers', () => {
  it('merges the groups of one award and achievement, persons counted before collectives', () => {
    const items = decisionItems([...groups(), { awardName: 'Bằng khen', subjectKind: 'INDIVIDUAL', achievement: 'x', lines: [] }]);
    expect(items.map((i) => [i.awardName, i.groups.length])).toEqual([
      [AWARD, 2],
      ['Chiến sĩ thi đua cơ sở', 1],
    ]);
  });

  it.each([
    [[BASE, BASE], BASE],
    [[BASE, 2 * BASE], null],
    [[BASE, null], null],
    [[null, null], null],
  ])('uniformAmount(%j) = %s', (amounts, expected) => {
    expect(uniformAmount({ awardName: AWARD, subjectKind: 'INDIVIDUAL', achievement: '', lines: amounts.map((a, i) => person(`P${i}`, { amountVnd: a })) })).toBe(expected);
  });

  it('numbers inline lines and adds amounts only where a group’s amounts differ', () => {
    const [item] = decisionItems([{ awardName: AWARD, subjectKind: 'INDIVIDUAL', achievement: ACHIEVEMENT, lines: [person('An'), person('Bình', { amountVnd: 1_170_000, unit: null, position: null })] }]);
    expect(inlineLines(item!, '2.')).toEqual(['2.1. An, Giáo viên, Trường THCS Lê Lợi – 2.340.000 đồng;', '2.2. Bình – 1.170.000 đồng.']);
    expect(moneyLines(data({}, { awards: item!.groups }))[0]).toBe(`- ${AWARD} (02 cá nhân): theo danh sách, cộng 3.510.000 đồng (Ba triệu năm trăm mười nghìn đồng).`);
  });

  it.each([
    ['Số: 05/QĐ-LĐLĐ', 'Dương Minh Châu, ngày 05 tháng 02 năm 2026', '05/QĐ-LĐLĐ', 'ngày 05 tháng 02 năm 2026'],
    ['Số:      /QĐ-LĐLĐ', 'Dương Minh Châu, ngày      tháng      năm 2026', '     /QĐ-LĐLĐ', 'ngày      tháng      năm 2026'],
  ])('annexReference(%s, %s)', (numberLine, placeDateLine, number, date) => {
    expect(annexReference(data({ numberLine, placeDateLine }))).toEqual({ number, date });
  });

  it.each([
    [1, 'I'],
    [4, 'IV'],
    [9, 'IX'],
    [14, 'XIV'],
    [40, 'XL'],
  ])('roman(%i) = %s', (n, s) => expect(roman(n)).toBe(s));

  it('has the same message keys in Vietnamese and English', () => {
    expect(Object.keys(enMessages).sort()).toEqual(Object.keys(viMessages).sort());
  });
});

describe('decisionDocx', () => {
  it('produces a well-formed package in NFC', async () => {
    const { zip, document } = await unpack(await decisionDocx(data()));
    for (const name of ['[Content_Types].xml', 'word/document.xml', 'word/styles.xml', 'docProps/core.xml']) parseXml(await part(zip, name));
    expect(document.normalize('NFC')).toBe(document);
    expect(await part(zip, 'docProps/core.xml')).toContain('<dc:title>Quyết định: Về việc khen thưởng tổng kết phong trào thi đua năm 2026</dc:title>');
  });

  it('prints header, title, authority, basis, the three articles, signer and Nơi nhận in order', async () => {
    const d = data();
    const { paragraphs, text } = await unpack(await decisionDocx(d));
    expectParagraphsInOrder(paragraphs, [
      'LIÊN ĐOÀN LAO ĐỘNG TỈNH TÂY NINH',
      'LIÊN ĐOÀN LAO ĐỘNG HUYỆN DƯƠNG MINH CHÂU',
      'Số: 05/QĐ-LĐLĐ',
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Độc lập - Tự do - Hạnh phúc',
      'Dương Minh Châu, ngày 05 tháng 02 năm 2026',
      'QUYẾT ĐỊNH',
      'Về việc khen thưởng tổng kết phong trào thi đua năm 2026',
      'BAN CHẤP HÀNH LIÊN ĐOÀN LAO ĐỘNG HUYỆN DƯƠNG MINH CHÂU',
      ...d.basis,
      'QUYẾT ĐỊNH:',
      'Điều 1. Khen thưởng các cá nhân, tập thể có thành tích như sau:',
      `1. Tặng ${AWARD} cho 03 cá nhân và 01 tập thể đã có thành tích xuất sắc trong phong trào thi đua năm 2026:`,
      '1.1. Trần Thị Ngọc Ánh, Tổ trưởng, Trường THCS Lê Lợi;',
      '1.2. Lê Hoàng Phúc, Trường THCS Lê Lợi;',
      '1.3. Võ Minh Triết, Giáo viên, Trường THCS Lê Lợi;',
      '1.4. Công đoàn cơ sở Trường THCS Lê Lợi.',
      '2. Công nhận danh hiệu Chiến sĩ thi đua cơ sở cho 02 cá nhân đã hoàn thành xuất sắc nhiệm vụ năm 2026:',
      '2.1. Phạm Quỳnh Hương, Giáo viên, Trường THCS Lê Lợi;',
      '2.2. Huỳnh Tấn Lộc.',
      'Điều 2. Mỗi cá nhân, tập thể được khen thưởng tại Điều 1 được tặng kèm theo tiền thưởng như sau:',
      `- ${AWARD} (03 cá nhân): 2.340.000 đồng/cá nhân (Hai triệu ba trăm bốn mươi nghìn đồng);`,
      `- ${AWARD} (01 tập thể): 4.680.000 đồng/tập thể (Bốn triệu sáu trăm tám mươi nghìn đồng).`,
      'Mức lương cơ sở làm căn cứ tính tiền thưởng: 2.340.000 đồng (theo Nghị định số 73/2024/NĐ-CP ngày 30/6/2024 của Chính phủ). Số tiền thưởng được làm tròn lên hàng nghìn đồng.',
      'Tổng số tiền thưởng: 11.700.000 đồng (Mười một triệu bảy trăm nghìn đồng), chi từ Quỹ Thi đua – Khen thưởng của Liên đoàn Lao động huyện Dương Minh Châu.',
      'Điều 3. Quyết định này có hiệu lực kể từ ngày ký. Chánh Văn phòng, Trưởng ban Tổ chức và các cá nhân, tập thể có tên tại Điều 1 chịu trách nhiệm thi hành Quyết định này./.',
      'Nơi nhận:',
      '- Như Điều 3;',
      '- LĐLĐ tỉnh (b/c);',
      '- Lưu: VT, TC.',
      'TM. BAN THƯỜNG VỤ',
      'CHỦ TỊCH',
      'Đặng Thị Thu Hà',
    ]);
    // The Chiến sĩ group carries no money: no line for it in Điều 2.
    expect(text).not.toMatch(/Chiến sĩ thi đua cơ sở \(02 cá nhân\)/);
    expect(text).not.toContain('DỰ THẢO');
    expect(text).not.toContain('DANH SÁCH');
    expect(listTables((await unpack(await decisionDocx(d))).document)).toHaveLength(0);
  });

  it('prints basis lines in italics and article labels in bold', async () => {
    const d = data();
    const { document } = await unpack(await decisionDocx(d));
    const ps = paragraphXml(document);
    for (const b of d.basis) expect(ps.find((p) => textOf(p) === b)).toMatch(/<w:i\/>/);
    const art = ps.find((p) => textOf(p).startsWith('Điều 2.')) ?? '';
    expect(/<w:r>[\s\S]*?<\/w:r>/.exec(art)?.[0]).toMatch(/<w:b\/>[\s\S]*Điều 2\./);
  });

  it('reads one award group straight after "Điều 1." and states the effect as Điều 2 when there is no money', async () => {
    const collectives: DecisionAwardGroup = {
      awardName: 'Bằng khen của Ban Chấp hành Liên đoàn Lao động tỉnh',
      subjectKind: 'COLLECTIVE',
      achievement: 'Đã có thành tích xuất sắc',
      lines: [
        { name: 'Công đoàn cơ sở Trường A', unit: null, amountVnd: null },
        { name: 'Công đoàn cơ sở Trường B', unit: 'Xã Phước Minh', amountVnd: null },
      ],
    };
    const { paragraphs, text } = await unpack(await decisionDocx(data({}, { awards: [collectives], money: null })));
    expectParagraphsInOrder(paragraphs, [
      'Điều 1. Tặng Bằng khen của Ban Chấp hành Liên đoàn Lao động tỉnh cho 02 tập thể đã có thành tích xuất sắc:',
      '1. Công đoàn cơ sở Trường A;',
      '2. Công đoàn cơ sở Trường B, Xã Phước Minh.',
      'Điều 2. Quyết định này có hiệu lực kể từ ngày ký.',
      'Điều 3. Chánh Văn phòng, Trưởng ban Tổ chức và các cá nhân, tập thể có tên tại Điều 1 chịu trách nhiệm thi hành Quyết định này./.',
    ]);
    expect(text).not.toContain('Tổng số tiền thưởng');
    expect(text).not.toContain('Mức lương cơ sở');
  });

  it('prints no amounts at all when the decision carries no money', async () => {
    const { text, document } = await unpack(await decisionDocx(data({ annexThreshold: 3 }, { money: null })));
    expect(text).not.toMatch(/2\.340\.000|Số tiền|Cộng/);
    expect(listTables(document).map((t) => t.rows[0]!.length)).toEqual([3, 3]);
  });

  it('keeps the list inline at the threshold and moves it to an annex above it', async () => {
    // 6 lines in all.
    const at = await unpack(await decisionDocx(data({ annexThreshold: 6 })));
    expect(at.text).not.toContain('DANH SÁCH');
    expect(at.document).not.toContain('<w:pageBreakBefore/>');
    expect(at.paragraphs).toContain('1.1. Trần Thị Ngọc Ánh, Tổ trưởng, Trường THCS Lê Lợi;');

    const above = await unpack(await decisionDocx(data({ annexThreshold: 5 })));
    expectParagraphsInOrder(above.paragraphs, [
      'Điều 1. Khen thưởng các cá nhân, tập thể có thành tích như sau:',
      `1. Tặng ${AWARD} cho 03 cá nhân và 01 tập thể đã có thành tích xuất sắc trong phong trào thi đua năm 2026 (có danh sách kèm theo).`,
      '2. Công nhận danh hiệu Chiến sĩ thi đua cơ sở cho 02 cá nhân đã hoàn thành xuất sắc nhiệm vụ năm 2026 (có danh sách kèm theo).',
      'Điều 2. Mỗi cá nhân, tập thể được khen thưởng tại Điều 1 được tặng kèm theo tiền thưởng như sau:',
      'Đặng Thị Thu Hà',
      'DANH SÁCH',
      'CÁ NHÂN, TẬP THỂ ĐƯỢC KHEN THƯỞNG',
      '(Kèm theo Quyết định số 05/QĐ-LĐLĐ ngày 05 tháng 02 năm 2026)',
      `I. Tặng ${AWARD} (03 cá nhân và 01 tập thể)`,
      'II. Công nhận danh hiệu Chiến sĩ thi đua cơ sở (02 cá nhân)',
    ]);
    expect(above.paragraphs.filter((p) => /^\d+\.\d+\. /.test(p))).toEqual([]);
    // The annex starts on a new page.
    const title = paragraphXml(above.document).find((p) => textOf(p) === 'DANH SÁCH') ?? '';
    expect(title).toContain('<w:pageBreakBefore/>');

    const tables = listTables(above.document);
    expect(tables).toHaveLength(2);
    expect(tables[0]!.rows).toEqual([
      ['STT', 'Họ và tên / Tên tập thể', 'Chức vụ, đơn vị', 'Số tiền (đồng)'],
      ['1', 'Trần Thị Ngọc Ánh', 'Tổ trưởng, Trường THCS Lê Lợi', '2.340.000'],
      ['2', 'Lê Hoàng Phúc', 'Trường THCS Lê Lợi', '2.340.000'],
      ['3', 'Võ Minh Triết', 'Giáo viên, Trường THCS Lê Lợi', '2.340.000'],
      ['4', 'Công đoàn cơ sở Trường THCS Lê Lợi', '', '4.680.000'],
      ['', 'Cộng', '', '11.700.000'],
    ]);
    // No money in the second group: no amount column, no total.
    expect(tables[1]!.rows).toEqual([
      ['STT', 'Họ và tên / Tên tập thể', 'Chức vụ, đơn vị'],
      ['1', 'Phạm Quỳnh Hương', 'Giáo viên, Trường THCS Lê Lợi'],
      ['2', 'Huỳnh Tấn Lộc', ''],
    ]);
    // Fixed twip widths that fill the text width (LibreOffice ignores percentages).
    for (const t of tables) expect(t.widths.reduce((a, b) => a + b, 0)).toBe(TEXT_WIDTH);
    expect(above.document).not.toMatch(/w:type="pct"/);
  });

  it('marks a draft, keeps the blank number and leaves the signer’s name blank', async () => {
    const d = data({ isDraft: true, numberLine: 'Số:      /QĐ-LĐLĐ', placeDateLine: 'Dương Minh Châu, ngày      tháng      năm 2026', annexThreshold: 0, signer: { onBehalf: 'TM. BAN THƯỜNG VỤ', title: 'CHỦ TỊCH', name: null } });
    const { paragraphs } = await unpack(await decisionDocx(d));
    expect(paragraphs[0]).toBe('DỰ THẢO');
    expect(paragraphs).toContain('Số:      /QĐ-LĐLĐ');
    expect(paragraphs).toContain('(Kèm theo Quyết định số      /QĐ-LĐLĐ ngày      tháng      năm 2026)');
    const i = paragraphs.lastIndexOf('CHỦ TỊCH');
    const annex = paragraphs.indexOf('DANH SÁCH');
    expect(i).toBeGreaterThan(0);
    expect(annex).toBeGreaterThan(i);
    expect(paragraphs.slice(i + 1, annex).every((p) => p === '')).toBe(true);
  });

  it('uses A4 portrait, the official margins, Times New Roman and no page number on page 1', async () => {
    const { document, styles, zip } = await unpack(await decisionDocx(data()));
    expect(document).toMatch(/<w:pgSz[^>]*w:w="11906"[^>]*w:h="16838"/);
    expect(document).toMatch(/<w:pgMar[^>]*w:left="1701"/);
    expect(document).toContain('<w:titlePg/>');
    const defaults = /<w:docDefaults>[\s\S]*?<\/w:docDefaults>/.exec(styles)?.[0] ?? '';
    for (const attr of ['ascii', 'hAnsi', 'eastAsia', 'cs']) expect(defaults).toContain(`w:${attr}="Times New Roman"`);
    const headers = await Promise.all(Object.keys(zip.files).filter((n) => /^word\/header\d+\.xml$/.test(n)).map((n) => part(zip, n)));
    expect(headers.filter((h) => h.includes('PAGE'))).toHaveLength(1);
  });

  it('prints in English with the labels and amounts of the English catalogue', async () => {
    const { paragraphs } = await unpack(await decisionDocx(data(), 'en'));
    expectParagraphsInOrder(paragraphs, [
      'DECISION',
      'DECIDES:',
      'Article 1. To commend the following individuals and collectives for their achievements:',
      `- ${AWARD} (03 individual): 2,340,000 VND per individual (Two million three hundred forty thousand dong);`,
      'Total reward money: 11,700,000 VND (Eleven million seven hundred thousand dong), paid from the Quỹ Thi đua – Khen thưởng của Liên đoàn Lao động huyện Dương Minh Châu.',
    ]);
  });

  it('writes the same document.xml as Packer does from the same document', async () => {
    for (const d of [data(), data({ annexThreshold: 2, isDraft: true }), data({}, { money: null })]) {
      const fast = await part(await JSZip.loadAsync(await decisionDocx(d)), 'word/document.xml');
      const reference = await part(await JSZip.loadAsync(await Packer.toBuffer(decisionDocument(d))), 'word/document.xml');
      expect(fast).toBe(reference);
    }
  });

  it('keeps arbitrary names intact in NFC without breaking the file (property)', async () => {
    const chars = fc.constantFrom(...'aăâđeêoôơuưyÀÁẢÃẠĐẾỆ &<>"\'/—“”'.split(''), '\u0300', '\u0301', '\u0303', '\u0309', '\u0323', '\u0000', '\u000b');
    const text = fc.array(chars, { minLength: 1, maxLength: 20 }).map((a) => `X${a.join('')}`);
    await fc.assert(
      fc.asyncProperty(fc.array(text, { minLength: 1, maxLength: 12 }), async (names) => {
        const lines = names.map((name) => ({ name, unit: 'Trường Lê Lợi'.normalize('NFD'), amountVnd: BASE }));
        const d = data({ annexThreshold: 5 }, { awards: [{ awardName: AWARD, subjectKind: 'INDIVIDUAL', achievement: ACHIEVEMENT, lines }] });
        const { document, paragraphs } = await unpack(await decisionDocx(d));
        parseXml(document);
        expect(document.normalize('NFC')).toBe(document);
        // eslint-disable-next-line no-control-regex -- the XML-invalid controls the generator drops
        const shown = names.map((n) => n.replace(/[\u0000\u000b]/g, '').normalize('NFC').trim());
        if (names.length > 5) expect(listTables(document)[0]!.rows.slice(1, -1).map((r) => r[1])).toEqual(shown);
        else expect(paragraphs.filter((p) => /^\d+\. /.test(p))).toEqual(shown.map((n, i) => `${i + 1}. ${n}, Trường Lê Lợi${i === shown.length - 1 ? '.' : ';'}`));
      }),
      { numRuns: 25 },
    );
  });

  it('writes a 2,000-row annex', async () => {
    const lines = Array.from({ length: 2000 }, (_, i) => person(`Nguyễn Văn Đức ${i + 1}`, { amountVnd: i % 2 ? BASE : 2 * BASE }));
    const d = data({}, { awards: [{ awardName: AWARD, subjectKind: 'INDIVIDUAL', achievement: ACHIEVEMENT, lines }] });
    await decisionDocx(data()); // the cached package parts, made once per process
    const started = performance.now();
    const buf = await decisionDocx(d);
    const ms = performance.now() - started;
    console.info(`decisionDocx: 2,000-row annex in ${ms.toFixed(0)} ms (${(buf.length / 1024).toFixed(0)} KiB)`);
    const { document, paragraphs } = await unpack(buf);
    const [table] = listTables(document);
    expect(table!.rows).toHaveLength(1 + 2000 + 1);
    expect(table!.rows[2000]).toEqual(['2000', 'Nguyễn Văn Đức 2000', 'Giáo viên, Trường THCS Lê Lợi', '2.340.000']);
    expect(table!.rows[2001]).toEqual(['', 'Cộng', '', '7.020.000.000']);
    expect(paragraphs).toContain(`- ${AWARD} (2000 cá nhân): theo danh sách, cộng 7.020.000.000 đồng (Bảy tỷ không trăm hai mươi triệu đồng).`);
    // The header row repeats on every page.
    expect(document.match(/<w:tblHeader\/>/g)).toHaveLength(1);
  });
});
