import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { DRAFT_MARKER, renderPlanDocx, type PlanDocxModel } from './plan-docx';

const model = (over: Partial<PlanDocxModel> = {}): PlanDocxModel => ({
  parentOrgName: 'LĐLĐ tỉnh Tây Ninh',
  orgName: 'LĐLĐ huyện DMC',
  numberLine: 'Số: 12/KH-LĐLĐ',
  placeDateLine: 'Huyện DMC, ngày 05 tháng 3 năm 2024',
  title: 'Thực hiện phong trào thi đua triển khai công tác thi đua, khen thưởng năm 2024',
  basis: [
    'Thực hiện Kế hoạch số 47/KH-LĐLĐ, ngày 28/02/2024 của Ban Thường vụ Liên đoàn Lao động tỉnh về việc phát động phong trào thi đua;',
  ],
  intro: 'Ban Thường vụ Liên đoàn Lao động huyện xây dựng kế hoạch triển khai công tác thi đua, khen thưởng năm 2024 với các nội dung cụ thể như sau:',
  blocks: [
    { kind: 'HEADING_1', text: 'I. MỤC ĐÍCH, YÊU CẦU' },
    { kind: 'HEADING_2', text: '1. Mục đích' },
    { kind: 'BULLET', text: 'Phát động và triển khai các phong trào thi đua yêu nước tạo khí thế thi đua sôi nổi.' },
    { kind: 'BULLET', text: 'Thực hiện tốt các quy định của pháp luật về thi đua, khen thưởng.' },
    { kind: 'HEADING_2', text: '2. Yêu cầu' },
    { kind: 'PARAGRAPH', text: 'Việc tổ chức các phong trào thi đua yêu nước phải thiết thực, phù hợp với thực tiễn.' },
    { kind: 'HEADING_1', text: 'II. CHỦ ĐỀ THI ĐUA' },
    { kind: 'QUOTE', text: 'Điều hành linh hoạt, chủ động kịp thời, kỷ cương trách nhiệm, tăng tốc sáng tạo, hiệu quả bền vững' },
    { kind: 'HEADING_1', text: 'III. TỔ CHỨC THỰC HIỆN' },
    { kind: 'PARAGRAPH', text: 'Trên đây là kế hoạch thực hiện phong trào thi đua yêu nước năm 2024./.' },
  ],
  signer: { onBehalf: 'TM. BAN THƯỜNG VỤ', position: 'PHÓ CHỦ TỊCH', name: 'Nguyễn Văn Đức' },
  recipients: ['TT LĐLĐ tỉnh;', 'HĐ TĐ - KT huyện;', 'Các CĐCS;', 'Lưu: VP.'],
  draft: false,
  ...over,
});

interface Unpacked {
  zip: JSZip;
  document: string;
  /** The visible text of word/document.xml, runs joined without separators. */
  text: string;
  styles: string;
  headers: string[];
}

async function unpack(buf: Buffer): Promise<Unpacked> {
  const zip = await JSZip.loadAsync(buf);
  const read = async (name: string): Promise<string> => {
    const f = zip.file(name);
    if (!f) throw new Error(`missing part ${name}`);
    return f.async('string');
  };
  const document = await read('word/document.xml');
  const text = [...document.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)]
    .map((x) => x[1] ?? '')
    .join('')
    .replace(/&amp;/g, '&')
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>');
  const headerNames = Object.keys(zip.files).filter((n) => /^word\/(header|footer)\d*\.xml$/.test(n));
  const headers = await Promise.all(headerNames.map(read));
  return { zip, document, text, styles: await read('word/styles.xml'), headers };
}

describe('renderPlanDocx', () => {
  it('produces a valid OOXML package', async () => {
    const buf = await renderPlanDocx(model());
    expect(buf.subarray(0, 2).toString('latin1')).toBe('PK');
    const { zip, document } = await unpack(buf);
    expect(zip.file('[Content_Types].xml')).not.toBeNull();
    expect(zip.file('word/_rels/document.xml.rels')).not.toBeNull();
    expect(document.startsWith('<?xml')).toBe(true);
    expect(document).toContain('<w:body>');
  });

  it('prints the header, title, body in order, signer and recipients, with Vietnamese text intact', async () => {
    const m = model();
    const { text } = await unpack(await renderPlanDocx(m));

    const expected = [
      'LĐLĐ TỈNH TÂY NINH',
      'LĐLĐ HUYỆN DMC',
      'Số: 12/KH-LĐLĐ',
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Độc lập - Tự do - Hạnh phúc',
      'Huyện DMC, ngày 05 tháng 3 năm 2024',
      'KẾ HOẠCH',
      m.title,
      ...m.basis,
      m.intro ?? '',
      ...m.blocks.map((b) => b.text),
      'Nơi nhận:',
      ...m.recipients,
      'TM. BAN THƯỜNG VỤ',
      'PHÓ CHỦ TỊCH',
      'Nguyễn Văn Đức',
    ];
    // Signer cells follow the "Nơi nhận" cell in document order (left column first).
    let at = 0;
    for (const s of expected) {
      const i = text.indexOf(s.normalize('NFC'), at);
      expect(i, `"${s}" after offset ${at}`).toBeGreaterThanOrEqual(0);
      at = i + s.length;
    }

    expect(text).toContain('- Phát động và triển khai');
    expect(text).toContain('“Điều hành linh hoạt');
    for (const r of m.recipients) expect(text).toContain(`- ${r}`);
    expect(text).not.toContain(DRAFT_MARKER);
  });

  it('stores decomposed (NFD) input as NFC', async () => {
    const { text } = await unpack(await renderPlanDocx(model({ title: 'Kế hoạch thi đua năm 2024'.normalize('NFD') })));
    expect(text).toContain('Kế hoạch thi đua năm 2024'.normalize('NFC'));
  });

  it('uses A4 portrait, Nghị định 30 margins and Times New Roman', async () => {
    const { document, styles } = await unpack(await renderPlanDocx(model()));
    expect(document).toMatch(/<w:pgSz[^>]*w:w="11906"[^>]*w:h="16838"/);
    expect(document).not.toMatch(/<w:pgSz[^>]*w:orient="landscape"/);
    expect(document).toMatch(/<w:pgMar[^>]*w:left="1701"/);
    expect(document).toMatch(/<w:pgMar[^>]*w:top="1134"/);
    expect(document).toMatch(/<w:pgMar[^>]*w:bottom="1134"/);
    const right = /<w:pgMar[^>]*w:right="(\d+)"/.exec(document)?.[1];
    expect(Number(right)).toBeGreaterThanOrEqual(850);
    expect(Number(right)).toBeLessThanOrEqual(1134);

    const defaults = /<w:docDefaults>[\s\S]*?<\/w:docDefaults>/.exec(styles)?.[0] ?? '';
    for (const attr of ['ascii', 'hAnsi', 'eastAsia', 'cs']) expect(defaults).toContain(`w:${attr}="Times New Roman"`);
    expect(defaults).toMatch(/<w:sz w:val="28"\/>/);
  });

  it('lays out header and signer tables with fixed twip widths and no borders', async () => {
    const { document } = await unpack(await renderPlanDocx(model()));
    const tables = [...document.matchAll(/<w:tbl>[\s\S]*?<\/w:tbl>/g)].map((x) => x[0]);
    expect(tables).toHaveLength(2);
    for (const t of tables) {
      expect(t).toContain('<w:tblLayout w:type="fixed"/>');
      expect(t).not.toMatch(/w:type="pct"/);
      const cols = [...t.matchAll(/<w:gridCol w:w="(\d+)"\/>/g)].map((x) => Number(x[1]));
      expect(cols).toHaveLength(2);
      expect(cols[0]! + cols[1]!).toBe(11906 - 1701 - 1134);
      const borders = /<w:tblBorders>[\s\S]*?<\/w:tblBorders>/.exec(t)?.[0] ?? '';
      expect(borders).not.toBe('');
      expect(borders).not.toMatch(/w:val="single"/);
    }
    const [header] = tables;
    const cols = [...header!.matchAll(/<w:gridCol w:w="(\d+)"\/>/g)].map((x) => Number(x[1]));
    expect(cols[0]! / (cols[0]! + cols[1]!)).toBeCloseTo(0.4, 1);
  });

  it('numbers pages from page 2: titlePage with an empty first-page header and a PAGE field', async () => {
    const { document, headers } = await unpack(await renderPlanDocx(model()));
    expect(document).toMatch(/<w:titlePg(\s+w:val="(true|1)")?\s*\/>/);
    const firstRef = /<w:headerReference[^>]*w:type="first"[^>]*r:id="([^"]+)"/.exec(document);
    expect(firstRef).not.toBeNull();
    expect(document).toMatch(/<w:headerReference[^>]*w:type="default"/);
    expect(headers.some((h) => /PAGE/.test(h) && /w:fldChar|w:fldSimple/.test(h))).toBe(true);
    expect(headers.filter((h) => /PAGE/.test(h))).toHaveLength(1);
  });

  it('shows the DỰ THẢO marker only for drafts', async () => {
    const final = await unpack(await renderPlanDocx(model({ draft: false })));
    expect(final.headers.join('')).not.toContain(DRAFT_MARKER);
    expect(final.text).not.toContain(DRAFT_MARKER);

    const draft = await unpack(await renderPlanDocx(model({ draft: true, numberLine: 'Số:      /KH-LĐLĐ' })));
    expect(draft.headers.filter((h) => h.includes(DRAFT_MARKER)).length).toBe(2); // first page and following pages
    expect(draft.text).toContain('Số:      /KH-LĐLĐ');
  });

  it('handles a plan without parent org, intro, onBehalf or recipients, and dashed bullets', async () => {
    const { text } = await unpack(
      await renderPlanDocx(
        model({
          parentOrgName: null,
          intro: null,
          basis: [],
          signer: { onBehalf: null, position: 'CHỦ TỊCH', name: 'Trần Thị Bích' },
          recipients: [],
          blocks: [{ kind: 'BULLET', text: '- Đã có gạch đầu dòng' }],
        }),
      ),
    );
    expect(text).toContain('- Đã có gạch đầu dòng');
    expect(text).not.toContain('- - ');
    expect(text).not.toContain('TM.');
    expect(text).toContain('CHỦ TỊCHTrần Thị Bích');
  });
});
