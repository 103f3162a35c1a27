// The PDF of a plan, read back with a real PDF parser (pdf.js): the seed plan must read like the
// original, Vietnamese text must extract with its diacritics, and pages after the first are numbered.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { parsePlanText } from '../../../domain/plans/parse-plan-text';
import { renderPlanPdf, type PlanPdfModel } from './plan-pdf';

const seedText = fs.readFileSync(path.resolve(import.meta.dirname, '../../seed/data/ke-hoach-thi-dua-2024-ldld-huyen.txt'), 'utf8');

/** The seed plan as the demo record presents it (see src/server/seed/demo-plan.ts). */
function seedModel(over: Partial<PlanPdfModel> = {}): PlanPdfModel {
  const p = parsePlanText(seedText);
  return {
    parentOrgName: 'Liên đoàn Lao động tỉnh Tây Ninh',
    orgName: 'Liên đoàn Lao động huyện DMC',
    numberLine: 'Số:      /KH-LĐLĐ',
    placeDateLine: 'Huyện DMC, ngày      tháng      năm 2024',
    title: p.title,
    basis: p.basis,
    intro: p.intro,
    blocks: p.blocks,
    signer: { onBehalf: p.signer.onBehalf, position: p.signer.position ?? 'CHỦ TỊCH', name: 'Nguyễn Văn Đức' },
    recipients: p.recipients,
    draft: true,
    ...over,
  };
}

interface PageText {
  /** Lines as pdf.js reads them, whitespace collapsed. */
  lines: string[];
  /** Everything on the page, whitespace collapsed. */
  text: string;
  /** Items with their position: y from the top of the page. */
  items: { str: string; x: number; top: number }[];
}

async function readPdf(buf: Buffer): Promise<{ pages: PageText[]; title: string | undefined }> {
  const pdf = await getDocument({ data: new Uint8Array(buf), useSystemFonts: false, isEvalSupported: false }).promise;
  const pages: PageText[] = [];
  for (let n = 1; n <= pdf.numPages; n++) {
    const page = await pdf.getPage(n);
    const height = page.view[3]!;
    const content = await page.getTextContent();
    let line = '';
    const lines: string[] = [];
    const items: PageText['items'] = [];
    for (const item of content.items) {
      if (!('str' in item)) continue;
      items.push({ str: item.str, x: item.transform[4] as number, top: height - (item.transform[5] as number) });
      line += item.str;
      if (item.hasEOL) {
        lines.push(line.replace(/\s+/g, ' ').trim());
        line = '';
      }
    }
    if (line.trim()) lines.push(line.replace(/\s+/g, ' ').trim());
    pages.push({ lines: lines.filter(Boolean), text: lines.join(' ').replace(/\s+/g, ' '), items });
  }
  const meta = await pdf.getMetadata();
  await pdf.destroy();
  return { pages, title: (meta.info as { Title?: string }).Title };
}

const squash = (s: string) => s.normalize('NFC').replace(/\s+/g, ' ').trim();

// Rendering and parsing a four-page PDF takes a second or two; more on a busy machine.
const SLOW = 30_000;

describe('renderPlanPdf', { timeout: SLOW }, () => {
  it('renders the seed plan so that it reads like the original', async () => {
    const m = seedModel();
    const buf = await renderPlanPdf(m);
    expect(buf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const { pages, title } = await readPdf(buf);
    const all = pages.map((p) => p.text).join(' ');

    expect(pages.length).toBeGreaterThan(1);
    expect(title).toBe(`Kế hoạch: ${m.title}`);
    // Header, number line and title on the first page.
    const first = pages[0]!;
    for (const line of ['LIÊN ĐOÀN LAO ĐỘNG TỈNH TÂY NINH', 'LIÊN ĐOÀN LAO ĐỘNG HUYỆN DMC', 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc']) {
      expect(first.text).toContain(line);
    }
    expect(first.text).toContain('Số: /KH-LĐLĐ');
    expect(first.text).toContain('Huyện DMC, ngày tháng năm 2024');
    expect(first.lines).toContain('KẾ HOẠCH');
    expect(first.text).toContain(squash(m.title));
    expect(first.text).toContain('Thực hiện Kế hoạch số 47/KH-LĐLĐ, ngày 28/02/2024');

    // Every section heading, in order, with its diacritics.
    const headings = m.blocks.filter((b) => b.kind === 'HEADING_1').map((b) => b.text);
    expect(headings).toEqual(['I. MỤC ĐÍCH, YÊU CẦU', 'II. CHỦ ĐỀ THI ĐUA', 'III. NỘI DUNG THI ĐUA', 'IV. GIẢI PHÁP THỰC HIỆN', 'V. TỔ CHỨC THỰC HIỆN']);
    let from = 0;
    for (const h of headings) {
      const at = all.indexOf(h, from);
      expect(at, h).toBeGreaterThan(from - 1);
      from = at + h.length;
    }
    expect(all).toContain('“Điều hành linh hoạt, chủ động kịp thời, kỷ cương trách nhiệm, tăng tốc sáng tạo, hiệu quả bền vững”');
    expect(all).toContain('- Tuyên truyền các phong trào thi đua, nêu gương người tốt, việc tốt, các mô hình điển hình tiên tiến.');
    expect(all).toContain('Tổ chức thực hiện');
    expect(all).toContain('Tăng cường giáo dục đạo đức, lối sống, kỹ năng sống');

    // Signer and recipients on the last page, with the closing paragraph (a signature never stands alone).
    const last = pages.at(-1)!;
    expect(last.text).toContain('Trên đây là kế hoạch thực hiện phong trào thi đua yêu nước');
    expect(last.lines).toEqual(expect.arrayContaining(['TM. BAN THƯỜNG VỤ', 'PHÓ CHỦ TỊCH', 'Nguyễn Văn Đức', 'Nơi nhận:', '- Lưu: VP.']));

    // Page 1 has no number; page 2 shows "2" centred in the top margin; a draft is marked on every page.
    const topItems = (p: PageText) => p.items.filter((i) => i.top < 20 * (72 / 25.4) && i.str.trim() !== '');
    expect(topItems(first).map((i) => i.str.trim())).toEqual(['DỰ THẢO']);
    const second = topItems(pages[1]!);
    const number = second.find((i) => i.str.trim() === '2');
    expect(number).toBeDefined();
    expect(Math.abs(number!.x - (30 + (595.28 / (72 / 25.4) - 50) / 2) * (72 / 25.4))).toBeLessThan(12);
    expect(second.map((i) => i.str.trim())).toContain('DỰ THẢO');
    expect(topItems(pages.at(-1)!).map((i) => i.str.trim())).toContain(String(pages.length));
  });

  it('an issued plan carries its number and date, and no draft marker', async () => {
    const m = seedModel({ draft: false, numberLine: 'Số: 05/KH-LĐLĐ', placeDateLine: 'Huyện DMC, ngày 05 tháng 3 năm 2024' });
    const { pages } = await readPdf(await renderPlanPdf(m));
    expect(pages[0]!.text).toContain('Số: 05/KH-LĐLĐ');
    expect(pages[0]!.text).toContain('Huyện DMC, ngày 05 tháng 3 năm 2024');
    expect(pages.some((p) => p.text.includes('DỰ THẢO'))).toBe(false);
  });

  it('keeps decomposed Vietnamese input readable (stored NFC) and a short plan on one page', async () => {
    const m = seedModel({
      title: 'Tổ chức hội thao'.normalize('NFD'),
      basis: [],
      intro: null,
      blocks: [
        { kind: 'HEADING_1', text: 'I. MỤC ĐÍCH' },
        { kind: 'BULLET', text: 'Tăng cường đoàn kết, rèn luyện sức khỏe'.normalize('NFD') },
      ],
      recipients: ['Lưu: VP.'],
    });
    const { pages } = await readPdf(await renderPlanPdf(m));
    expect(pages).toHaveLength(1);
    expect(pages[0]!.text).toContain('Tổ chức hội thao');
    expect(pages[0]!.text).toContain('- Tăng cường đoàn kết, rèn luyện sức khỏe');
  });
});
