// Certificates render to one PDF, a landscape A4 page each, whose text extracts back with every
// Vietnamese diacritic, whose QR code (read back from the page's own drawing operators) decodes to
// the verification address, whose long texts stay on the page, and whose font is embedded once.
import zlib from 'node:zlib';
import { describe, expect, it } from 'vitest';
import jsQR from 'jsqr';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { renderCertificateGroups, renderCertificates, type CertificateData, type CertificateTemplate } from './certificate-pdf';
import { qrMatrix, type QrMatrix } from './qr';

const TEMPLATE: CertificateTemplate = {
  kind: 'GIAY_KHEN',
  issuerLine1: 'LIÊN ĐOÀN LAO ĐỘNG TỈNH TÂY NINH',
  issuerLine2: 'BAN CHẤP HÀNH LIÊN ĐOÀN LAO ĐỘNG HUYỆN DƯƠNG MINH CHÂU',
  accentColor: '#b8860b',
  signerOnBehalf: 'TM. BAN CHẤP HÀNH',
  signerTitle: 'CHỦ TỊCH',
};

// Every vowel with each of the five tones (huyền, hỏi, ngã, sắc, nặng), in both cases.
const VOWELS = ['a', 'ă', 'â', 'e', 'ê', 'i', 'o', 'ô', 'ơ', 'u', 'ư', 'y'];
const TONES = ['\u0300', '\u0309', '\u0303', '\u0301', '\u0323'];
const lowerTones = VOWELS.map((v) => TONES.map((t) => (v + t).normalize('NFC')).join('')).join(' ');
const ALL_TONES = `${lowerTones} ${lowerTones.toLocaleUpperCase('vi-VN')} đ Đ ă Ă â Â ê Ê ô Ô ơ Ơ ư Ư`;

function item(n: number, over: Partial<CertificateData> = {}): CertificateData {
  const serial = `DMC-2026-${String(n).padStart(6, '0')}`;
  return {
    serial,
    verifyUrl: `https://vinhdanh.example/verify/${serial}`,
    recipientName: 'Nguyễn Thị Hường',
    recipientUnit: 'Công đoàn cơ sở Trường THCS Lê Lợi',
    achievement: 'Đã có thành tích xuất sắc trong phong trào thi đua “Lao động giỏi, lao động sáng tạo” năm 2026',
    decisionNumber: '05/QĐ-LĐLĐ',
    decisionDate: '2026-02-05',
    placeName: 'Dương Minh Châu',
    signerName: 'Đặng Văn Bình',
    ...over,
  };
}

interface TextItem {
  str: string;
  x: number;
  y: number;
  width: number;
  height: number;
  size: number;
}

async function readPdf(buf: Buffer) {
  const pdf = await getDocument({ data: new Uint8Array(buf), isEvalSupported: false }).promise;
  const pages: { width: number; height: number; text: string; items: TextItem[] }[] = [];
  for (let n = 1; n <= pdf.numPages; n++) {
    const page = await pdf.getPage(n);
    const [x0, y0, x1, y1] = page.view as [number, number, number, number];
    const items: TextItem[] = [];
    const parts: string[] = [];
    for (const it of (await page.getTextContent()).items) {
      if (!('str' in it)) continue;
      parts.push(it.str, it.hasEOL ? ' ' : '');
      if (it.str.trim()) items.push({ str: it.str, x: it.transform[4] as number, y: it.transform[5] as number, width: it.width, height: it.height, size: Math.hypot(it.transform[0] as number, it.transform[1] as number) });
    }
    pages.push({ width: x1 - x0, height: y1 - y0, text: parts.join('').normalize('NFC').replace(/\s+/g, ' '), items });
  }
  await pdf.destroy();
  return pages;
}

/** The QR codes drawn on the pages, rebuilt from the `c r len 1 re` operators of each content stream. */
function drawnQrCodes(buf: Buffer): QrMatrix[] {
  const raw = buf.toString('latin1');
  const found: QrMatrix[] = [];
  const re = /stream\r?\n/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(raw))) {
    const start = m.index + m[0].length;
    const end = raw.indexOf('endstream', start);
    let content: string;
    try {
      content = zlib.inflateSync(buf.subarray(start, end)).toString('latin1');
    } catch {
      continue;
    }
    const runs = [...content.matchAll(/^(\d+) (\d+) (\d+) 1 re$/gm)].map((r) => r.slice(1, 4).map(Number) as [number, number, number]);
    if (runs.length === 0) continue;
    const size = Math.max(...runs.map(([c, , len]) => c + len));
    const dark = new Uint8Array(size * size);
    for (const [c, r, len] of runs) dark.fill(1, r * size + c, r * size + c + len);
    found.push({ size, dark });
    re.lastIndex = end;
  }
  return found;
}

/** Decodes a module matrix with jsQR: 6 px per module, a 4-module quiet zone. */
function decode(m: QrMatrix): string | null {
  const px = 6;
  const side = (m.size + 8) * px;
  const rgba = new Uint8ClampedArray(side * side * 4).fill(255);
  for (let y = 0; y < side; y++) {
    for (let x = 0; x < side; x++) {
      const r = Math.floor(y / px) - 4;
      const c = Math.floor(x / px) - 4;
      if (r >= 0 && c >= 0 && r < m.size && c < m.size && m.dark[r * m.size + c]) rgba.fill(0, (y * side + x) * 4, (y * side + x) * 4 + 3);
    }
  }
  return jsQR(rgba, side, side)?.data ?? null;
}

describe('renderCertificates', () => {
  it('prints every field with all its diacritics, one landscape A4 page per certificate', async () => {
    const items = [
      item(1, { achievement: `Đã có thành tích xuất sắc: ${ALL_TONES}` }),
      item(2, { recipientName: 'Đặng Văn Bình', recipientUnit: 'Tổ Công đoàn Ủy ban nhân dân xã Truông Mít', signerName: 'Trần Quốc Việt', decisionDate: '2026-11-20' }),
      item(3, { recipientName: 'Lê Thị Ngọc Ánh', recipientUnit: null, revoked: true }),
    ];
    const pages = await readPdf(await renderCertificates(TEMPLATE, items));
    expect(pages).toHaveLength(3);
    for (const p of pages) {
      expect(p.width).toBeCloseTo(842, 0);
      expect(p.height).toBeCloseTo(595, 0);
    }
    const [first, second, third] = pages.map((p) => p.text) as [string, string, string];
    for (const text of [
      'LIÊN ĐOÀN LAO ĐỘNG TỈNH TÂY NINH',
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Độc lập - Tự do - Hạnh phúc',
      'GIẤY KHEN',
      'Tặng',
      'Nguyễn Thị Hường',
      'Công đoàn cơ sở Trường THCS Lê Lợi',
      ALL_TONES,
      'Dương Minh Châu, ngày 05 tháng 02 năm 2026',
      'TM. BAN CHẤP HÀNH',
      'CHỦ TỊCH',
      'Đặng Văn Bình',
      'Quyết định số 05/QĐ-LĐLĐ ngày 05/02/2026',
      'Số sổ: DMC-2026-000001',
      'Quét để xác thực',
    ]) {
      expect(first).toContain(text);
    }
    // The issuing body wraps inside its column; its words all come back.
    expect(first.replace(/ /g, '')).toContain('BANCHẤPHÀNHLIÊNĐOÀNLAOĐỘNGHUYỆNDƯƠNGMINHCHÂU');
    expect(first).not.toContain('ĐÃ THU HỒI');
    expect(second).toContain('Tổ Công đoàn Ủy ban nhân dân xã Truông Mít');
    expect(second).toContain('Trần Quốc Việt');
    expect(second).toContain('Dương Minh Châu, ngày 20 tháng 11 năm 2026');
    expect(second).toContain('Số sổ: DMC-2026-000002');
    expect(third).toContain('Lê Thị Ngọc Ánh');
    expect(third).toContain('ĐÃ THU HỒI');
  });

  it('prints the English labels with locale en and the Bằng khen title', async () => {
    const [page] = await readPdf(await renderCertificates({ ...TEMPLATE, kind: 'BANG_KHEN', issuerLine1: 'TỔNG LIÊN ĐOÀN LAO ĐỘNG VIỆT NAM', issuerLine2: null }, [item(1, { revoked: true })], { locale: 'en' }));
    expect(page!.text).toContain('SOCIALIST REPUBLIC OF VIET NAM');
    expect(page!.text).toContain('CERTIFICATE OF MERIT');
    expect(page!.text).toContain('Dương Minh Châu, February 5, 2026');
    expect(page!.text).toContain('REVOKED');
    const [vi] = await readPdf(await renderCertificates({ ...TEMPLATE, kind: 'BANG_KHEN' }, [item(1)]));
    expect(vi!.text).toContain('BẰNG KHEN');
  });

  it('draws on each page a QR code that decodes back to that certificate’s verification address', async () => {
    const items = [item(1), item(2, { verifyUrl: 'https://vinhdanh.example/verify/TNH-2026-009999?lang=vi' })];
    const codes = drawnQrCodes(await renderCertificates(TEMPLATE, items));
    expect(codes).toHaveLength(2);
    expect(codes.map(decode)).toEqual(items.map((i) => i.verifyUrl));
    // What was drawn is exactly the encoder's matrix.
    expect(codes[0]).toEqual(qrMatrix(items[0]!.verifyUrl));
    // A corrupted drawing does not decode to the address (the check can fail).
    const broken = { size: codes[0]!.size, dark: codes[0]!.dark.map((v, i) => (i % 3 === 0 ? 0 : v)) };
    expect(decode(broken)).not.toBe(items[0]!.verifyUrl);
  });

  it('shrinks a long achievement to fit and keeps any text above the signer block and inside the border', async () => {
    const sentence = 'Đã có thành tích xuất sắc trong phong trào thi đua “Lao động giỏi, lao động sáng tạo”, góp phần hoàn thành nhiệm vụ chính trị của đơn vị; ';
    const long = sentence.repeat(5).trim();
    const huge = sentence.repeat(40).trim();
    const longName = 'Tập thể Công đoàn cơ sở Công ty Trách nhiệm hữu hạn Một thành viên Cao su Tây Ninh chi nhánh Dương Minh Châu';
    const pages = await readPdf(await renderCertificates(TEMPLATE, [item(1), item(2, { achievement: long }), item(3, { achievement: huge, recipientName: longName })]));
    // The largest font size among the lines of `fragment` (lines long enough not to match a label).
    const achievementSize = (p: (typeof pages)[number], fragment: string) => Math.max(...p.items.filter((i) => i.str.trim().length > 20 && fragment.includes(i.str.trim())).map((i) => i.size));
    const [short, fitted, cut] = pages as [(typeof pages)[number], (typeof pages)[number], (typeof pages)[number]];
    // The long text is all there, smaller than the short one.
    expect(fitted.text).toContain(long);
    expect(achievementSize(short, item(1).achievement)).toBe(16);
    expect(achievementSize(fitted, long)).toBeLessThan(16);
    expect(achievementSize(fitted, long)).toBeGreaterThanOrEqual(11);

    for (const p of [short, fitted, cut]) {
      const placeDate = p.items.find((i) => i.str.startsWith('Dương Minh Châu, ngày'))!;
      expect(placeDate).toBeDefined();
      const name = p.items.findIndex((i) => i.str.includes('Hường') || i.str.includes('Tập thể'));
      const before = p.items.slice(name, p.items.indexOf(placeDate));
      expect(before.length).toBeGreaterThan(0);
      // Everything between the recipient and the place/date line ends above it (PDF y grows upwards).
      for (const i of before) expect(i.y, i.str).toBeGreaterThan(placeDate.y + placeDate.height);
      // All text inside the inner border (21 pt from the edge).
      for (const i of p.items) {
        expect(i.x, i.str).toBeGreaterThanOrEqual(21);
        expect(i.x + i.width, i.str).toBeLessThanOrEqual(842 - 21);
        expect(i.y, i.str).toBeGreaterThanOrEqual(21);
        expect(i.y + i.height, i.str).toBeLessThanOrEqual(595 - 21);
      }
    }
    expect(cut.text.replace(/ /g, '')).toContain(longName.replace(/ /g, ''));
    // A text too long even at the smallest size is cut visibly, with an ellipsis.
    expect(cut.text).toMatch(/\S…/);
    expect(fitted.text).not.toContain('…');
  });

  it('embeds each font face once: 200 certificates cost far less per page than the first', async () => {
    const one = await renderCertificates(TEMPLATE, [item(1)]);
    const many = await renderCertificates(TEMPLATE, Array.from({ length: 200 }, (_, i) => item(i + 1, { recipientName: `Nguyễn Thị Hường ${i}` })));
    const count = (b: Buffer, s: string) => b.toString('latin1').split(s).length - 1;
    expect(count(one, '/FontFile2')).toBe(2);
    expect(count(many, '/FontFile2')).toBe(2);
    const perExtraPage = (many.length - one.length) / 199;
    expect(perExtraPage).toBeLessThan(one.length / 4);
  });

  it('prints a batch of two kinds in one PDF, each page with its own group’s template, in the order given', async () => {
    const bangKhen: CertificateTemplate = { ...TEMPLATE, kind: 'BANG_KHEN', issuerLine1: 'TỔNG LIÊN ĐOÀN LAO ĐỘNG VIỆT NAM', issuerLine2: null, accentColor: '#a61b1b' };
    const groups = [
      { template: TEMPLATE, items: [item(1), item(2, { recipientName: 'Đặng Văn Bình' })] },
      { template: bangKhen, items: [] },
      { template: bangKhen, items: [item(3, { recipientName: 'Lê Thị Ngọc Ánh' })] },
    ];
    const buf = await renderCertificateGroups(groups);
    const pages = await readPdf(buf);
    expect(pages).toHaveLength(3);
    const texts = pages.map((p) => p.text);
    expect(texts.map((t) => (t.includes('BẰNG KHEN') ? 'BK' : t.includes('GIẤY KHEN') ? 'GK' : '?'))).toEqual(['GK', 'GK', 'BK']);
    expect(texts[0]).toContain('Nguyễn Thị Hường');
    expect(texts[1]).toContain('Đặng Văn Bình');
    expect(texts[2]).toContain('Lê Thị Ngọc Ánh');
    expect(texts[2]).toContain('TỔNG LIÊN ĐOÀN LAO ĐỘNG VIỆT NAM');
    expect(texts[0]).not.toContain('TỔNG LIÊN ĐOÀN LAO ĐỘNG VIỆT NAM');
    expect(texts[2]).toContain('Số sổ: DMC-2026-000003');
    // The fonts are still embedded once for the whole batch, and the bytes are deterministic.
    expect(buf.toString('latin1').split('/FontFile2').length - 1).toBe(2);
    expect(buf.equals(await renderCertificateGroups(groups))).toBe(true);
    // One group is exactly the single-template renderer.
    expect((await renderCertificateGroups([groups[0]!])).equals(await renderCertificates(TEMPLATE, groups[0]!.items))).toBe(true);
    await expect(renderCertificateGroups([{ template: TEMPLATE, items: [] }])).rejects.toThrow(RangeError);
  });

  it('gives the same bytes for the same input and refuses an empty batch or a bad date', async () => {
    const a = await renderCertificates(TEMPLATE, [item(1), item(2)]);
    const b = await renderCertificates(TEMPLATE, [item(1), item(2)]);
    expect(a.equals(b)).toBe(true);
    expect(a.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    await expect(renderCertificates(TEMPLATE, [])).rejects.toThrow(RangeError);
    await expect(renderCertificates(TEMPLATE, [item(1, { decisionDate: '2026-02-30' })])).rejects.toThrow(/decisionDate/);
  });
});
