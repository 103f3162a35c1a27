import fc from 'fast-check';
import { Packer } from 'docx';
import JSZip from 'jszip';
import { SaxesParser } from 'saxes';
import { describe, expect, it } from 'vitest';
import {
  DOTS,
  DOTS_LINE,
  achievementReportDocument,
  achievementReportDocx,
  awardVerb,
  cellDots,
  docText,
  ratingLabel,
  summaryParagraphs,
  vnDate,
  xmlOf,
  type AchievementReportModel,
} from './achievement-report-docx';

const person = (over: Partial<NonNullable<AchievementReportModel['person']>> = {}): NonNullable<AchievementReportModel['person']> => ({
  fullName: 'Nguyễn Thị Hồng Nhung',
  gender: 'FEMALE',
  birthDate: '1985-03-07',
  position: 'Tổ trưởng chuyên môn',
  unitName: 'Trường THCS Lê Lợi',
  joinedUnionOn: '2008-09-01',
  ethnicity: 'Kinh',
  educationLevel: 'Đại học sư phạm Ngữ văn',
  ...over,
});

const model = (over: Partial<AchievementReportModel> = {}): AchievementReportModel => ({
  subjectKind: 'PERSON',
  parentOrgName: 'LĐLĐ huyện Dương Minh Châu',
  orgName: 'Công đoàn cơ sở Trường THCS Lê Lợi',
  placeDateLine: 'Huyện DMC, ngày 05 tháng 12 năm 2024',
  awardName: 'Chiến sĩ thi đua cơ sở',
  year: 2024,
  person: person(),
  achievementSummary: 'Hoàn thành xuất sắc nhiệm vụ giảng dạy, tỷ lệ học sinh khá giỏi đạt 87%.\n\nTích cực tham gia phong trào “Giỏi việc trường, đảm việc nhà”.\r\nHướng dẫn 03 học sinh đạt giải cấp tỉnh.',
  ratings: [
    { year: 2024, rating: 'HTXSNV' },
    { year: 2023, rating: 'HTTNV' },
  ],
  awards: [
    { year: 2023, name: 'Giấy khen của BCH LĐLĐ huyện', decision: 'Số 45/QĐ-LĐLĐ ngày 12/12/2023' },
    { year: 2022, name: 'Lao động tiên tiến', decision: null },
  ],
  initiatives: [{ title: 'Đổi mới phương pháp dạy đọc hiểu văn bản', recognisedOn: '2024-05-20', recognisedBy: 'Phòng Giáo dục và Đào tạo' }],
  signerTitle: 'Người báo cáo',
  signerName: 'Nguyễn Thị Hồng Nhung',
  certifyingOrgName: 'Ban Chấp hành Công đoàn cơ sở',
  ...over,
});

interface Unpacked {
  document: string;
  /** The visible text of word/document.xml, runs joined without separators. */
  text: string;
  /** The text of each paragraph of the body. */
  paragraphs: string[];
  styles: string;
}

const unescape = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
const textOf = (xml: string) => unescape([...xml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((x) => x[1] ?? '').join(''));

async function part(zip: JSZip, name: string): Promise<string> {
  const f = zip.file(name);
  if (!f) throw new Error(`missing part ${name}`);
  return f.async('string');
}

async function unpack(buf: Buffer): Promise<Unpacked> {
  const zip = await JSZip.loadAsync(buf);
  const read = (name: string) => part(zip, name);
  const document = await read('word/document.xml');
  const paragraphs = [...document.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((x) => textOf(x[0]));
  return { document, text: textOf(document), paragraphs, styles: await read('word/styles.xml') };
}

/** Throws unless `xml` is well-formed. */
function parseXml(xml: string): void {
  const parser = new SaxesParser();
  parser.on('error', (e) => {
    throw e;
  });
  parser.write(xml).close();
}

/** The bordered tables (the header and signature tables have no single borders). */
const borderedTables = (document: string) =>
  [...document.matchAll(/<w:tbl>[\s\S]*?<\/w:tbl>/g)].map((x) => x[0]).filter((t) => /w:val="single"/.test(/<w:tblBorders>[\s\S]*?<\/w:tblBorders>/.exec(t)?.[0] ?? ''));
const rowTexts = (table: string) => [...table.matchAll(/<w:tr[ >][\s\S]*?<\/w:tr>/g)].map((x) => [...x[0].matchAll(/<w:tc>[\s\S]*?<\/w:tc>/g)].map((c) => textOf(c[0])));

function expectInOrder(text: string, parts: string[]): void {
  let at = 0;
  for (const s of parts) {
    const i = text.indexOf(s.normalize('NFC'), at);
    expect(i, `"${s}" after offset ${at}`).toBeGreaterThanOrEqual(0);
    at = i + s.length;
  }
}

describe('vnDate', () => {
  it.each([
    ['2024-03-05', '05/03/2024'],
    ['1985-12-31', '31/12/1985'],
    ['2024-02-09T00:00:00.000Z', '09/02/2024'],
    ['2024-02-09 10:00', '09/02/2024'],
    ['07/03/1985', '07/03/1985'],
    ['  2001-01-01 ', '01/01/2001'],
    [null, DOTS],
    ['', DOTS],
    ['   ', DOTS],
  ])('%j → %j', (input, expected) => {
    expect(vnDate(input)).toBe(expected);
  });
});

describe('ratingLabel', () => {
  it.each([
    ['HTXSNV', 'Hoàn thành xuất sắc nhiệm vụ'],
    ['HTTNV', 'Hoàn thành tốt nhiệm vụ'],
    ['HTNV', 'Hoàn thành nhiệm vụ'],
    ['KHTNV', 'Không hoàn thành nhiệm vụ'],
    ['htxsnv', 'Hoàn thành xuất sắc nhiệm vụ'],
    ['Xuất sắc', 'Xuất sắc'],
  ])('%s → %s', (code, label) => {
    expect(ratingLabel(code)).toBe(label);
  });
});

describe('awardVerb', () => {
  it.each([
    ['Chiến sĩ thi đua cơ sở', 'công nhận'],
    ['Danh hiệu Lao động tiên tiến', 'công nhận'],
    ['Lao động tiên tiến', 'công nhận'],
    ['Tập thể lao động xuất sắc', 'công nhận'],
    ['CHIẾN SĨ THI ĐUA CƠ SỞ'.normalize('NFD'), 'công nhận'],
    ['Giấy khen', 'tặng'],
    ['Bằng khen của BCH LĐLĐ tỉnh', 'tặng'],
    ['Cờ thi đua của LĐLĐ tỉnh', 'tặng'],
  ])('%s → %s', (name, verb) => {
    expect(awardVerb(name)).toBe(verb);
  });
});

describe('cellDots', () => {
  it.each([
    [1200, 4],
    [3200, 12],
    [400, 3],
    [7071, 28],
  ])('a %i-twip cell gets %i dots, which fit in it at 12 pt', (w, n) => {
    expect(cellDots(w)).toBe('…'.repeat(n));
    expect(n * 240 <= w - 114 || n === 3).toBe(true);
  });
});

describe('summaryParagraphs', () => {
  it('splits on any line break and drops blank lines', () => {
    expect(summaryParagraphs(' Một.\r\n\nHai. \rBa.')).toEqual(['Một.', 'Hai.', 'Ba.']);
  });
  it.each([null, '', ' \n \n'])('gives dotted lines to write on for %j', (s) => {
    expect(summaryParagraphs(s)).toEqual([DOTS_LINE, DOTS_LINE, DOTS_LINE]);
  });
});

describe('achievementReportDocx', () => {
  it('produces a well-formed OOXML package', async () => {
    const buf = await achievementReportDocx(model());
    expect(buf.subarray(0, 2).toString('latin1')).toBe('PK');
    const zip = await JSZip.loadAsync(buf);
    for (const name of ['[Content_Types].xml', 'word/_rels/document.xml.rels', 'word/document.xml', 'word/styles.xml']) parseXml(await part(zip, name));
  });

  it('prints header, title, curriculum vitae, achievements, awards, ratings, initiatives and signers in order, diacritics intact', async () => {
    const m = model();
    const { text } = await unpack(await achievementReportDocx(m));
    expectInOrder(text, [
      'LĐLĐ HUYỆN DƯƠNG MINH CHÂU',
      'CÔNG ĐOÀN CƠ SỞ TRƯỜNG THCS LÊ LỢI',
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Độc lập - Tự do - Hạnh phúc',
      'Huyện DMC, ngày 05 tháng 12 năm 2024',
      'BÁO CÁO THÀNH TÍCH',
      'Đề nghị công nhận: Chiến sĩ thi đua cơ sở năm 2024',
      'I. SƠ LƯỢC LÝ LỊCH',
      'Họ và tên: Nguyễn Thị Hồng Nhung',
      'Ngày sinh: 07/03/1985',
      'Giới tính: Nữ',
      'Dân tộc: Kinh',
      'Chức vụ: Tổ trưởng chuyên môn',
      'Đơn vị công tác: Trường THCS Lê Lợi',
      'Ngày vào Công đoàn: 01/09/2008',
      'Trình độ chuyên môn, nghiệp vụ: Đại học sư phạm Ngữ văn',
      'II. THÀNH TÍCH ĐẠT ĐƯỢC',
      'Hoàn thành xuất sắc nhiệm vụ giảng dạy, tỷ lệ học sinh khá giỏi đạt 87%.',
      'Tích cực tham gia phong trào “Giỏi việc trường, đảm việc nhà”.',
      'Hướng dẫn 03 học sinh đạt giải cấp tỉnh.',
      'III. CÁC HÌNH THỨC ĐÃ ĐƯỢC KHEN THƯỞNG',
      '2023',
      'Giấy khen của BCH LĐLĐ huyện',
      'Số 45/QĐ-LĐLĐ ngày 12/12/2023',
      '2024',
      'Hoàn thành xuất sắc nhiệm vụ',
      '2023',
      'Hoàn thành tốt nhiệm vụ',
      '- Đổi mới phương pháp dạy đọc hiểu văn bản (công nhận ngày 20/05/2024 của Phòng Giáo dục và Đào tạo).',
      'XÁC NHẬN CỦA CẤP TRÌNH KHEN',
      'BAN CHẤP HÀNH CÔNG ĐOÀN CƠ SỞ',
      'NGƯỜI BÁO CÁO',
      'Nguyễn Thị Hồng Nhung',
    ]);
    // A missing decision number is left to fill in; nothing else is.
    expect(text.split(DOTS).length - 1).toBe(2); // the decision cell + the certifying signer's name
  });

  it('prints dotted placeholders wherever the person’s data is missing', async () => {
    const m = model({
      person: person({ birthDate: null, position: null, joinedUnionOn: null, ethnicity: null, educationLevel: '  ' }),
      awards: [{ year: 2023, name: 'Giấy khen', decision: 'Số 45/QĐ-LĐLĐ' }],
      achievementSummary: null,
      signerName: null,
      certifyingOrgName: null,
    });
    const { paragraphs, text } = await unpack(await achievementReportDocx(m));
    for (const label of ['Ngày sinh', 'Chức vụ', 'Ngày vào Công đoàn', 'Dân tộc', 'Trình độ chuyên môn, nghiệp vụ']) expect(paragraphs).toContain(`${label}: ${DOTS}`);
    expect(paragraphs).toContain('Họ và tên: Nguyễn Thị Hồng Nhung');
    const afterHeading = paragraphs.indexOf('II. THÀNH TÍCH ĐẠT ĐƯỢC');
    expect(paragraphs.slice(afterHeading + 1, afterHeading + 4)).toEqual([DOTS_LINE, DOTS_LINE, DOTS_LINE]);
    expect(text).not.toContain('XÁC NHẬN CỦA CẤP TRÌNH KHEN');
    // The reporter's name is written by hand.
    expect(paragraphs.filter((p) => p === DOTS)).toHaveLength(1);
  });

  it('describes a collective under "ĐẶC ĐIỂM, TÌNH HÌNH", with dots for unknown values', async () => {
    const m = model({
      subjectKind: 'UNIT',
      person: undefined,
      awardName: 'Giấy khen',
      unit: { name: 'Công đoàn Trường Tiểu học Phước Minh', address: null, memberCount: 1234, foundedOn: '1999-11-20', leaderName: null },
      signerTitle: 'THỦ TRƯỞNG ĐƠN VỊ',
    });
    const { text, paragraphs } = await unpack(await achievementReportDocx(m));
    expect(text).toContain('Đề nghị tặng: Giấy khen năm 2024');
    expect(text).toContain('I. ĐẶC ĐIỂM, TÌNH HÌNH');
    expect(text).not.toContain('SƠ LƯỢC LÝ LỊCH');
    expect(text).not.toContain('Họ và tên');
    expect(paragraphs).toContain('Tên đơn vị: Công đoàn Trường Tiểu học Phước Minh');
    expect(paragraphs).toContain(`Địa chỉ trụ sở: ${DOTS}`);
    expect(paragraphs).toContain('Ngày thành lập: 20/11/1999');
    expect(paragraphs).toContain('Tổng số đoàn viên: 1.234');
    expect(paragraphs).toContain(`Người đứng đầu đơn vị: ${DOTS}`);
    expect(text).toContain('(Ký, đóng dấu)');
  });

  it.each([0, 1, 3, 12])('has one row per award and per rating (%i each), plus the header', async (n) => {
    const awards = Array.from({ length: n }, (_, i) => ({ year: 2024 - i, name: `Giấy khen số ${i + 1}`, decision: `Số ${i + 1}/QĐ-LĐLĐ` }));
    const codes = ['HTXSNV', 'HTTNV', 'HTNV', 'KHTNV'];
    const ratings = Array.from({ length: n }, (_, i) => ({ year: 2024 - i, rating: codes[i % codes.length] ?? 'HTNV' }));
    const { document } = await unpack(await achievementReportDocx(model({ awards, ratings })));
    const [awardTable, ratingTable, ...rest] = borderedTables(document);
    expect(rest).toHaveLength(0);
    const awardRows = rowTexts(awardTable ?? '');
    const ratingRows = rowTexts(ratingTable ?? '');
    expect(awardRows[0]).toEqual(['Năm', 'Danh hiệu thi đua / hình thức khen thưởng', 'Số, ngày quyết định']);
    expect(ratingRows[0]).toEqual(['Năm', 'Xếp loại']);
    if (n === 0) {
      // One empty row of dots to write in.
      expect(awardRows.slice(1)).toEqual([[cellDots(1200), cellDots(4671), cellDots(3200)]]);
      expect(ratingRows.slice(1)).toEqual([[cellDots(2000), cellDots(7071)]]);
    } else {
      expect(awardRows.slice(1)).toEqual(awards.map((a) => [String(a.year), a.name, a.decision]));
      expect(ratingRows.slice(1)).toEqual(ratings.map((r) => [String(r.year), ratingLabel(r.rating)]));
    }
    expect(awardTable).toContain('<w:tblHeader/>');
  });

  it('omits the initiatives part when there is none', async () => {
    const { text } = await unpack(await achievementReportDocx(model({ initiatives: [] })));
    expect(text).not.toContain('Sáng kiến');
  });

  it('uses A4 portrait, the plans’ margins and Times New Roman 14', async () => {
    const { document, styles } = await unpack(await achievementReportDocx(model()));
    expect(document).toMatch(/<w:pgSz[^>]*w:w="11906"[^>]*w:h="16838"/);
    expect(document).not.toMatch(/w:orient="landscape"/);
    expect(document).toMatch(/<w:pgMar[^>]*w:top="1134"[^>]*w:right="1134"[^>]*w:bottom="1134"[^>]*w:left="1701"/);
    const defaults = /<w:docDefaults>[\s\S]*?<\/w:docDefaults>/.exec(styles)?.[0] ?? '';
    for (const attr of ['ascii', 'hAnsi', 'eastAsia', 'cs']) expect(defaults).toContain(`w:${attr}="Times New Roman"`);
    expect(defaults).toMatch(/<w:sz w:val="28"\/>/);
    // Every explicit size is 12–14 pt (table text 12, header 13, body 14).
    const sizes = [...document.matchAll(/<w:sz w:val="(\d+)"\/>/g)].map((x) => Number(x[1])).filter((s) => s > 2);
    expect(sizes.length).toBeGreaterThan(0);
    for (const s of sizes) expect(s >= 24 && s <= 28, `size ${s}`).toBe(true);
  });

  it('stores decomposed (NFD) input as NFC and drops characters XML cannot carry', async () => {
    const name = 'Trần Thị Ngọc Ánh';
    const { text, document } = await unpack(await achievementReportDocx(model({ person: person({ fullName: `${name.normalize('NFD')}\u0007` }) })));
    expect(text).toContain(`Họ và tên: ${name.normalize('NFC')}`);
    expect(document).not.toContain(name.normalize('NFD'));
    expect(document).not.toContain('\u0007');
  });

  it('keeps any name intact (NFC) without breaking the file (property)', async () => {
    const chars = fc.constantFrom(...'aăâbcdđeêghiklmnoôơpqrstuưvxyÀÁẢÃẠĂẰẮẲẴẶÂẦẤẨẪẬĐÈÉẺẼẸÊỀẾỂỄỆ &<>"\'/;:—“”\t'.split(''), '\u0300', '\u0301', '\u0303', '\u0309', '\u0323', '\u0302', '\u0306', '\u031b', '\u0000', '\u001f', '\ud83d\ude00', ']]>');
    const name = fc.array(chars, { minLength: 1, maxLength: 30 }).map((a) => a.join(''));
    await fc.assert(
      fc.asyncProperty(name, name, name, async (fullName, unitName, award) => {
        const m = model({ person: person({ fullName, unitName }), awards: [{ year: 2024, name: award, decision: null }], achievementSummary: fullName });
        const buf = await achievementReportDocx(m);
        const zip = await JSZip.loadAsync(buf);
        const document = await part(zip, 'word/document.xml');
        parseXml(document);
        const { paragraphs } = await unpack(buf);
        const shown = (s: string) => docText(s).trim() || DOTS;
        expect(paragraphs).toContain(`Họ và tên: ${shown(fullName)}`);
        expect(paragraphs).toContain(`Đơn vị công tác: ${shown(unitName)}`);
        expect(rowTexts(borderedTables(document)[0] ?? '')[1]?.[1]).toBe(docText(award).trim());
        expect(document.normalize('NFC')).toBe(document);
      }),
      { numRuns: 40 },
    );
  });

  it('writes the same package as Packer does from the same document (the cached-template fast path)', async () => {
    const cases = [
      model(),
      model({ subjectKind: 'UNIT', person: undefined, unit: { name: 'Tổ Công đoàn & <Văn phòng>', address: null, memberCount: 7, foundedOn: null, leaderName: null } }),
      model({ awards: [], ratings: [], initiatives: [], achievementSummary: null, parentOrgName: null, certifyingOrgName: null, signerName: null }),
      model({ person: person({ fullName: 'Ngô "Bảo" Châu\u0007'.normalize('NFD') }) }),
    ];
    for (const m of cases) {
      const [fast, reference] = await Promise.all([JSZip.loadAsync(await achievementReportDocx(m)), JSZip.loadAsync(await Packer.toBuffer(achievementReportDocument(m)))]);
      const names = Object.keys(reference.files).sort();
      expect(Object.keys(fast.files).sort()).toEqual(names);
      for (const name of names) {
        const [a, b] = await Promise.all([part(fast, name), part(reference, name)]);
        // Creation and modification times differ by the time between the two renderings.
        const timeless = (x: string) => x.replace(/(<dcterms:(?:created|modified) [^>]*>)[^<]*/g, '$1');
        expect(timeless(a), name).toBe(timeless(b));
      }
    }
  });

  it('xmlOf writes what docx writes for its quirky shapes', () => {
    expect(xmlOf({ 'w:b': {} })).toBe('<w:b/>');
    expect(xmlOf({ 'w:sz': { _attr: { 'w:val': 28 } } })).toBe('<w:sz w:val="28"/>');
    expect(xmlOf({ 'w:p': [] })).toBe('<w:p></w:p>');
    expect(xmlOf({ 'w:p': [{ _attr: { a: '1' } }] })).toBe('<w:p a="1"></w:p>');
    expect(xmlOf({ 'w:t': [{ _attr: { 'xml:space': 'preserve' } }, 'a & <b> "c"\u0001'] })).toBe('<w:t xml:space="preserve">a &amp; &lt;b&gt; &quot;c&quot;</w:t>');
    expect(xmlOf({ 'w:r': [{ 'w:t': 'x' }, { 'w:br': {} }] })).toBe('<w:r><w:t>x</w:t><w:br/></w:r>');
    expect(xmlOf({ 'w:tab': null })).toBe('<w:tab/>');
  });
});
