// The decision PDF reads back (pdf.js) with the texts of the DOCX: A4 portrait, every Vietnamese
// diacritic, the number, subject, Điều 1–3 and money in words; the draft mark only on drafts; an
// annex above the threshold whose table names every awardee once and repeats its header on each
// page; page numbers from page 2; nothing left of the 30 mm margin; the same bytes for the same input.
import { describe, expect, it } from 'vitest';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { DecisionAwardGroup, DecisionDocData } from './decision-data';
import { FIXTURE_BASE_SALARY, decisionFixture, fixturePerson } from './decision-fixture';
import { decisionPdf, documentDate, MM, PAGE } from './decision-pdf';

const BASE = FIXTURE_BASE_SALARY;
const AWARD = 'Giấy khen của Ban Chấp hành Liên đoàn Lao động huyện';
const ACHIEVEMENT = 'Đã có thành tích xuất sắc trong phong trào thi đua năm 2026';

// Every vowel with each of the five tones (huyền, hỏi, ngã, sắc, nặng), in both cases.
const VOWELS = ['a', 'ă', 'â', 'e', 'ê', 'i', 'o', 'ô', 'ơ', 'u', 'ư', 'y'];
const TONES = ['\u0300', '\u0309', '\u0303', '\u0301', '\u0323'];
const lowerTones = VOWELS.map((v) => TONES.map((t) => (v + t).normalize('NFC')).join('')).join(' ');
const ALL_TONES = `${lowerTones} ${lowerTones.toLocaleUpperCase('vi-VN')} đ Đ ă Ă â Â ê Ê ô Ô ơ Ơ ư Ư`;

const person = fixturePerson;

const groups = (): DecisionAwardGroup[] => [
  { awardName: AWARD, subjectKind: 'INDIVIDUAL', achievement: ACHIEVEMENT, lines: [person('Nguyễn Thị Ỷ Lan'), person('Đặng Hữu Phước', { position: null }), person('Lưu Quỳnh Hương')] },
  { awardName: 'Chiến sĩ thi đua cơ sở', subjectKind: 'INDIVIDUAL', achievement: 'Đã hoàn thành xuất sắc nhiệm vụ năm 2026.', lines: [person('Phạm Ngọc Ánh', { amountVnd: null }), person(ALL_TONES, { amountVnd: null, unit: null, position: null })] },
  { awardName: AWARD, subjectKind: 'COLLECTIVE', achievement: ACHIEVEMENT, lines: [{ name: 'Công đoàn cơ sở Trường THCS Lê Lợi', unit: null, amountVnd: 2 * BASE }] },
];

const BASIS = ['Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022;', 'Căn cứ Quy chế khen thưởng của tổ chức Công đoàn ban hành kèm theo Quyết định số 999/QĐ-TLĐ;', 'Xét đề nghị của Ban Tổ chức.'];

const data = (over: Partial<DecisionDocData> = {}, articles: Partial<DecisionDocData['articles']> = {}): DecisionDocData => decisionFixture(groups(), BASIS, over, articles);

const draft = (over: Partial<DecisionDocData> = {}): DecisionDocData =>
  data({ isDraft: true, numberLine: 'Số:      /QĐ-LĐLĐ', placeDateLine: 'Dương Minh Châu, ngày      tháng      năm 2026', signer: { onBehalf: 'TM. BAN THƯỜNG VỤ', title: 'CHỦ TỊCH', name: null }, ...over });

interface TextItem {
  str: string;
  x: number;
  y: number;
  width: number;
  size: number;
}
interface Page {
  width: number;
  height: number;
  /** The page's text, items joined by spaces (whitespace collapsed). */
  text: string;
  items: TextItem[];
}

async function readPdf(buf: Buffer): Promise<Page[]> {
  const pdf = await getDocument({ data: new Uint8Array(buf), isEvalSupported: false }).promise;
  const pages: Page[] = [];
  for (let n = 1; n <= pdf.numPages; n++) {
    const page = await pdf.getPage(n);
    const [x0, y0, x1, y1] = page.view as [number, number, number, number];
    const items: TextItem[] = [];
    for (const it of (await page.getTextContent()).items) {
      if ('str' in it && it.str.trim()) items.push({ str: it.str.normalize('NFC'), x: it.transform[4] as number, y: it.transform[5] as number, width: it.width, size: Math.hypot(it.transform[0] as number, it.transform[1] as number) });
    }
    pages.push({ width: x1 - x0, height: y1 - y0, text: items.map((i) => i.str).join(' ').replace(/\s+/g, ' '), items });
  }
  await pdf.destroy();
  return pages;
}

const allText = (pages: Page[]): string => pages.map((p) => p.text).join(' ');
const occurrences = (text: string, s: string): number => text.split(s).length - 1;

/** Asserts each expected text appears after the previous one. */
function expectInOrder(text: string, expected: string[]): void {
  let at = 0;
  for (const s of expected) {
    const i = text.indexOf(s, at);
    expect(i, `"${s}" after offset ${at}`).toBeGreaterThanOrEqual(0);
    at = i + s.length;
  }
}

/** Items in the top margin (above 20 mm): the running header (page number, draft mark). */
const topItems = (p: Page): TextItem[] => p.items.filter((i) => i.y > p.height - 20 * MM);

// Each case renders and parses whole PDFs: generous timeouts for a loaded 2-core machine.
describe('decisionPdf', { timeout: 30_000 }, () => {
  it('prints the whole decision on A4 portrait pages in the order of the DOCX, with every diacritic', async () => {
    const pages = await readPdf(await decisionPdf(data()));
    for (const p of pages) {
      expect(p.width).toBeCloseTo(PAGE.width, 1);
      expect(p.height).toBeCloseTo(PAGE.height, 1);
      expect(p.width).toBeCloseTo(210 * MM, 0);
    }
    const text = allText(pages);
    expectInOrder(text, [
      'LIÊN ĐOÀN LAO ĐỘNG TỈNH TÂY NINH',
      'Số: 05/QĐ-LĐLĐ',
      'QUYẾT ĐỊNH',
      'Về việc khen thưởng tổng kết phong trào thi đua năm 2026',
      'Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022;',
      'Xét đề nghị của Ban Tổ chức.',
      'QUYẾT ĐỊNH:',
      'Điều 1.',
      'Khen thưởng các cá nhân, tập thể có thành tích như sau:',
      '1.1. Nguyễn Thị Ỷ Lan, Giáo viên, Trường THCS Lê Lợi;',
      '1.2. Đặng Hữu Phước, Trường THCS Lê Lợi;',
      '1.3. Lưu Quỳnh Hương, Giáo viên, Trường THCS Lê Lợi;',
      '1.4. Công đoàn cơ sở Trường THCS Lê Lợi.',
      '2.2.',
      'Điều 2.',
      '2.340.000 đồng/cá nhân (Hai triệu ba trăm bốn mươi nghìn đồng);',
      'Tổng số tiền thưởng: 11.700.000 đồng (Mười một triệu bảy trăm nghìn đồng)',
      'Điều 3.',
      'chịu trách nhiệm thi hành Quyết định này./.',
      'Nơi nhận:',
      '- Lưu: VT, TC.',
    ]);
    expect(text).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(text).toContain('Độc lập - Tự do - Hạnh phúc');
    expect(text).toContain('Dương Minh Châu, ngày 05 tháng 02 năm 2026');
    expect(text).toContain('BAN CHẤP HÀNH LIÊN ĐOÀN LAO ĐỘNG HUYỆN DƯƠNG MINH CHÂU');
    expectInOrder(text, ['TM. BAN THƯỜNG VỤ', 'CHỦ TỊCH', 'Đặng Thị Thu Hà']);
    // The name with every tone mark, whole (it wraps at a space, which the extraction keeps).
    expect(text).toContain(`2.2. ${ALL_TONES}.`);
    expect(text).not.toContain('DỰ THẢO');
    expect(text).not.toContain('DANH SÁCH');
  });

  it('prints the English catalogue with locale en', async () => {
    const text = allText(await readPdf(await decisionPdf(data(), 'en')));
    expectInOrder(text, ['DECISION', 'DECIDES:', 'Article 1.', 'Article 2.', 'Eleven million seven hundred thousand dong']);
  });

  it.each([
    ['a draft', draft(), 1],
    ['a draft with an annex', draft({ annexThreshold: 2 }), 2],
    ['a signed decision', data(), 0],
    ['a signed decision with an annex', data({ annexThreshold: 2 }), 0],
  ])('%s: "DỰ THẢO" once on every page of a draft, nowhere after signing', async (_, d, minPages) => {
    const pages = await readPdf(await decisionPdf(d));
    expect(pages.length).toBeGreaterThanOrEqual(minPages);
    for (const p of pages) expect(occurrences(p.text, 'DỰ THẢO')).toBe(d.isDraft ? 1 : 0);
    if (d.isDraft) expect(allText(pages)).toContain('Số: /QĐ-LĐLĐ');
  });

  it('moves the list to an annex on a new page above the threshold, not at it', async () => {
    // Six lines in all.
    const at = await readPdf(await decisionPdf(data({ annexThreshold: 6 })));
    expect(allText(at)).not.toContain('DANH SÁCH');
    expect(allText(at)).toContain('1.1. Nguyễn Thị Ỷ Lan');

    const above = await readPdf(await decisionPdf(data({ annexThreshold: 5 })));
    const text = allText(above);
    expect(text).not.toContain('1.1. Nguyễn Thị Ỷ Lan');
    expectInOrder(text, [
      `1. Tặng ${AWARD} cho 03 cá nhân và 01 tập thể đã có thành tích xuất sắc trong phong trào thi đua năm 2026 (có danh sách kèm theo).`,
      'Đặng Thị Thu Hà',
      'DANH SÁCH',
      'CÁ NHÂN, TẬP THỂ ĐƯỢC KHEN THƯỞNG',
      '(Kèm theo Quyết định số 05/QĐ-LĐLĐ ngày 05 tháng 02 năm 2026)',
      `I. Tặng ${AWARD} (03 cá nhân và 01 tập thể)`,
      'STT Họ và tên / Tên tập thể Chức vụ, đơn vị Số tiền (đồng)',
      '1 Nguyễn Thị Ỷ Lan Giáo viên, Trường THCS Lê Lợi 2.340.000',
      '2 Đặng Hữu Phước Trường THCS Lê Lợi 2.340.000',
      '4 Công đoàn cơ sở Trường THCS Lê Lợi 4.680.000',
      'Cộng 11.700.000',
      'II. Công nhận danh hiệu Chiến sĩ thi đua cơ sở (02 cá nhân)',
      'STT Họ và tên / Tên tập thể Chức vụ, đơn vị 1 Phạm Ngọc Ánh',
    ]);
    // The annex starts a page of its own.
    const first = above.findIndex((p) => p.text.includes('DANH SÁCH'));
    expect(first).toBeGreaterThan(0);
    expect(above[first]!.text.replace(/^\d+ /, '')).toMatch(/^DANH SÁCH/);
  });

  it('lists each of 300 awardees exactly once, repeats the table header on every annex page and never leaves a heading alone', async () => {
    const names = Array.from({ length: 300 }, (_, i) => `${['Nguyễn Thị Ỷ Lan', 'Đặng Hữu Phước', 'Lưu Quỳnh Hương'][i % 3]} ${String(i + 1).padStart(3, '0')}`);
    const second: DecisionAwardGroup = { awardName: 'Lao động tiên tiến', subjectKind: 'INDIVIDUAL', achievement: 'Đã hoàn thành tốt nhiệm vụ', lines: names.slice(200).map((n) => person(n)) };
    const first: DecisionAwardGroup = { awardName: AWARD, subjectKind: 'INDIVIDUAL', achievement: ACHIEVEMENT, lines: names.slice(0, 200).map((n) => person(n)) };
    const d = data({}, { awards: [first, second], money: { ...data().articles.money!, totalVnd: 300 * BASE } });
    const pages = await readPdf(await decisionPdf(d));
    const text = allText(pages);
    for (const n of names) expect(occurrences(text, n), n).toBe(1);
    const annexPages = pages.slice(pages.findIndex((p) => p.text.includes('DANH SÁCH')));
    expect(annexPages.length).toBeGreaterThan(3);
    for (const p of annexPages) expect(p.text, 'header row on every annex page').toContain('STT Họ và tên / Tên tập thể');
    // A heading is followed on its page by the table's header and its first row.
    for (const heading of [`I. Tặng ${AWARD} (200 cá nhân)`, 'II. Công nhận danh hiệu Lao động tiên tiến (100 cá nhân)']) {
      const p = annexPages.find((x) => x.text.includes(heading));
      expect(p, heading).toBeDefined();
      expect(p!.text.slice(p!.text.indexOf(heading))).toMatch(/STT Họ và tên \/ Tên tập thể Chức vụ, đơn vị Số tiền \(đồng\) 1 /);
    }
    expect(text).toContain('100 Lưu Quỳnh Hương 300 Giáo viên, Trường THCS Lê Lợi 2.340.000 Cộng 234.000.000');
  });

  it('never leaves an annex heading at the bottom of a page: it moves on with the table header and first row', async () => {
    // The first table's length sweeps the second heading across the end of the first annex page.
    const heading = 'II. Công nhận danh hiệu Lao động tiên tiến (02 cá nhân)';
    const seen = new Set<string>();
    for (let n = 26; n <= 34; n++) {
      const first: DecisionAwardGroup = { awardName: AWARD, subjectKind: 'INDIVIDUAL', achievement: ACHIEVEMENT, lines: Array.from({ length: n }, (_, i) => person(`Nguyễn Thị Ỷ Lan ${i + 1}`)) };
      const second: DecisionAwardGroup = { awardName: 'Lao động tiên tiến', subjectKind: 'INDIVIDUAL', achievement: 'Đã hoàn thành tốt nhiệm vụ', lines: [person('Đặng Hữu Phước'), person('Lưu Quỳnh Hương')] };
      const pages = await readPdf(await decisionPdf(data({}, { awards: [first, second], money: null })));
      const i = pages.findIndex((p) => p.text.includes(heading));
      const page = pages[i]!.text;
      expect(page.slice(page.indexOf(heading)), `${n} rows`).toMatch(/^II\. .*\) STT Họ và tên \/ Tên tập thể Chức vụ, đơn vị 1 Đặng Hữu Phước/);
      // Where the heading landed: after the first table on its page, or at the top of the next one.
      seen.add(page.replace(/^\d+ /, '').startsWith(heading) ? 'top' : 'after');
    }
    expect([...seen].sort()).toEqual(['after', 'top']);
  });

  it('numbers pages at the top centre from page 2, keeps the text inside the margins and prints the body at 14 pt', async () => {
    const pages = await readPdf(await decisionPdf(data({ annexThreshold: 2 })));
    expect(pages.length).toBeGreaterThanOrEqual(2);
    expect(topItems(pages[0]!)).toEqual([]);
    pages.slice(1).forEach((p, i) => {
      const [number, ...rest] = topItems(p);
      expect(rest).toEqual([]);
      expect(number!.str).toBe(String(i + 2));
      expect(Math.abs(number!.x - (30 * MM + (p.width - 50 * MM) / 2))).toBeLessThan(10);
    });
    for (const p of pages) {
      const left = Math.min(...p.items.map((i) => i.x));
      expect(left).toBeGreaterThanOrEqual(30 * MM - 0.01);
      // The body starts at the margin itself (the basis and list lines run from it).
      expect(left).toBeLessThan(32 * MM);
      // Nothing runs into the right or the bottom margin.
      expect(Math.max(...p.items.map((i) => i.x + i.width))).toBeLessThanOrEqual(p.width - 20 * MM + 0.5);
      expect(Math.min(...p.items.map((i) => i.y))).toBeGreaterThan(20 * MM - 5);
    }
    const sizeOf = (prefix: string) => pages.flatMap((p) => p.items).find((i) => i.str.startsWith(prefix))?.size;
    for (const prefix of ['Căn cứ Luật', 'Điều 1.', 'QUYẾT ĐỊNH:', 'DANH SÁCH']) expect(sizeOf(prefix), prefix).toBeCloseTo(14, 1);
  });

  it('prints no amounts when the decision carries no money', async () => {
    const text = allText(await readPdf(await decisionPdf(data({ annexThreshold: 3 }, { money: null }))));
    expect(text).not.toMatch(/2\.340\.000|Số tiền|Cộng/);
    expect(text).toContain('Điều 2. Quyết định này có hiệu lực kể từ ngày ký.');
  });

  it('gives the same bytes for the same input, with the PDF dates taken from the decision', async () => {
    const a = await decisionPdf(data({ annexThreshold: 2 }));
    const b = await decisionPdf(data({ annexThreshold: 2 }));
    expect(a.equals(b)).toBe(true);
    const pdf = await getDocument({ data: new Uint8Array(a), isEvalSupported: false }).promise;
    const info = (await pdf.getMetadata()).info as Record<string, unknown>;
    await pdf.destroy();
    expect(info.CreationDate).toMatch(/^D:20260205000000Z?/);
    expect(info.ModDate).toBe(info.CreationDate);
    expect(info.Title).toBe('Quyết định: Về việc khen thưởng tổng kết phong trào thi đua năm 2026');
    const other = await decisionPdf(data({ annexThreshold: 2, placeDateLine: 'Dương Minh Châu, ngày 06 tháng 02 năm 2026' }));
    expect(other.equals(a)).toBe(false);
  });

  it.each([
    ['Dương Minh Châu, ngày 05 tháng 02 năm 2026', '2026-02-05'],
    ['Dương Minh Châu, ngày 31 tháng 12 năm 2027', '2027-12-31'],
    ['Dương Minh Châu, ngày      tháng      năm 2026', '2026-01-01'],
    ['Dương Minh Châu, ngày 31 tháng 02 năm 2026', '2026-01-01'],
    ['', '2000-01-01'],
  ])('documentDate(%j) = %s', (line, iso) => {
    expect(documentDate(line).toISOString().slice(0, 10)).toBe(iso);
  });
});
