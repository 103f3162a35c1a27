// An organisation's template changes what the certificate prints: its own title and dedication
// line (with every diacritic back from the text layer), no emblem, another border, a footer line;
// a template with no overrides prints exactly what the default template prints.
import zlib from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { renderCertificates, type CertificateData, type CertificateTemplate } from './certificate-pdf';
import { effectiveSettings, renderTemplate, templateDefaults } from '../templates.service';
import { templateSettings } from '../../../../contracts/certificate-templates';

const BASE: CertificateTemplate = {
  kind: 'GIAY_KHEN',
  issuerLine1: 'LIÊN ĐOÀN LAO ĐỘNG TỈNH TÂY NINH',
  issuerLine2: 'BAN CHẤP HÀNH LIÊN ĐOÀN LAO ĐỘNG HUYỆN DƯƠNG MINH CHÂU',
  accentColor: '#b8860b',
  signerOnBehalf: 'TM. BAN CHẤP HÀNH',
  signerTitle: 'CHỦ TỊCH',
};

const ITEM: CertificateData = {
  serial: 'DMC-2026-000001',
  verifyUrl: 'https://vinhdanh.example/verify/DMC-2026-000001',
  recipientName: 'Nguyễn Thị Hường',
  recipientUnit: 'Công đoàn cơ sở Trường THCS Lê Lợi',
  achievement: 'Đã có thành tích xuất sắc trong phong trào thi đua năm 2026',
  decisionNumber: '05/QĐ-LĐLĐ',
  decisionDate: '2026-02-05',
  placeName: 'Dương Minh Châu',
  signerName: 'Đặng Văn Bình',
};

async function pageText(buf: Buffer): Promise<string> {
  const pdf = await getDocument({ data: new Uint8Array(buf), isEvalSupported: false }).promise;
  const page = await pdf.getPage(1);
  const text = (await page.getTextContent()).items.map((it) => ('str' in it ? it.str + (it.hasEOL ? ' ' : '') : '')).join('');
  await pdf.destroy();
  return text.normalize('NFC').replace(/\s+/g, ' ');
}

/** The page's content stream(s), inflated. */
function contents(buf: Buffer): string {
  const raw = buf.toString('latin1');
  const out: string[] = [];
  const re = /stream\r?\n/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(raw))) {
    const start = m.index + m[0].length;
    const end = raw.indexOf('endstream', start);
    if (end < 0) break;
    try {
      out.push(zlib.inflateSync(buf.subarray(start, end)).toString('latin1'));
    } catch {
      // A font program or another binary stream.
    }
    re.lastIndex = end + 'endstream'.length;
  }
  return out.join('\n');
}

/** Number of fill operators (`f`): the emblem and the corner ornaments are filled paths. */
const fills = (buf: Buffer) => (contents(buf).match(/^f$/gm) ?? []).length;
/** Whether a content stream sets the fill colour `hex` (pdfkit writes `r g b scn` with components in 0–1). */
function paints(buf: Buffer, hex: string): boolean {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255);
  return contents(buf).split('\n').some((l) => l === `${r} ${g} ${b} scn`);
}
const rects = (buf: Buffer) => (contents(buf).match(/ re$/gm) ?? []).length;

describe('certificate templates in the renderer', () => {
  it('prints the organisation’s own title and dedication with all their diacritics', async () => {
    const title = 'Giấy khen Đoàn viên ưu tú';
    const verb = 'Khen thưởng đồng chí';
    const footer = 'Lao động – Sáng tạo – Hội nhập: ữ ỹ ỵ ẳ ặ ở ợ ự ừ Đ';
    const text = await pageText(await renderCertificates({ ...BASE, title, verb, showEmblem: false, borderStyle: 'SIMPLE', footerLine: footer, accentColor: '#1f4e8c' }, [ITEM]));
    expect(text).toContain('GIẤY KHEN ĐOÀN VIÊN ƯU TÚ');
    expect(text).toContain(verb);
    expect(text).toContain(footer);
    expect(text).not.toContain('Tặng');
    // The rest of the page is still there.
    for (const part of ['Nguyễn Thị Hường', 'Công đoàn cơ sở Trường THCS Lê Lợi', 'Quyết định số 05/QĐ-LĐLĐ ngày 05/02/2026', 'Dương Minh Châu, ngày 05 tháng 02 năm 2026']) expect(text).toContain(part);
  });

  it('leaves the emblem out and draws the border style asked for', async () => {
    const classic = await renderCertificates(BASE, [ITEM]);
    const noEmblem = await renderCertificates({ ...BASE, showEmblem: false }, [ITEM]);
    // The emblem is filled paths (cog, star, book pages): fewer fills without it.
    expect(fills(noEmblem)).toBeLessThan(fills(classic));
    expect(paints(classic, '#b8860b')).toBe(true);
    const blue = await renderCertificates({ ...BASE, accentColor: '#1f4e8c' }, [ITEM]);
    expect(paints(blue, '#1f4e8c')).toBe(true);
    expect(paints(blue, '#b8860b')).toBe(false);
    // SIMPLE draws one border rectangle, DOUBLE and CLASSIC two (plus the QR code's runs in each).
    const simple = await renderCertificates({ ...BASE, borderStyle: 'SIMPLE' }, [ITEM]);
    const double = await renderCertificates({ ...BASE, borderStyle: 'DOUBLE' }, [ITEM]);
    expect(rects(double) - rects(simple)).toBe(1);
    // CLASSIC adds corner ornaments (filled diamonds) to the double border.
    expect(fills(classic)).toBeGreaterThan(fills(double));
  });

  it('prints with no overrides exactly what the default template prints', async () => {
    const defaults = templateDefaults({ name: 'Liên đoàn Lao động huyện Dương Minh Châu', parentName: 'Liên đoàn Lao động tỉnh Tây Ninh' }, 'GIAY_KHEN');
    const tpl = renderTemplate('GIAY_KHEN', defaults, {}, { onBehalf: 'TM. BAN CHẤP HÀNH', title: 'CHỦ TỊCH' });
    expect(tpl).toMatchObject({ ...BASE, borderStyle: 'CLASSIC', showEmblem: true, footerLine: null });
    expect(tpl).not.toHaveProperty('title');
    expect(tpl).not.toHaveProperty('verb');
    const a = await renderCertificates(tpl, [ITEM]);
    const b = await renderCertificates(BASE, [ITEM]);
    expect(a.equals(b)).toBe(true);
    const text = await pageText(a);
    expect(text).toContain('GIẤY KHEN');
    expect(text).toContain('Tặng');
    // English prints keep the catalogue's English title when the organisation did not change it.
    expect(await pageText(await renderCertificates(tpl, [ITEM], { locale: 'en' }))).toContain('CERTIFICATE OF COMMENDATION');
  });

  it('merges overrides over the defaults and takes the signer from the decision unless overridden', () => {
    const defaults = templateDefaults({ name: 'Công đoàn cơ sở Trường A', parentName: null }, 'BANG_KHEN');
    expect(defaults).toMatchObject({ title: 'BẰNG KHEN', issuerLine1: 'TỔNG LIÊN ĐOÀN LAO ĐỘNG VIỆT NAM', issuerLine2: 'BAN CHẤP HÀNH CÔNG ĐOÀN CƠ SỞ TRƯỜNG A', accentColor: '#a61b1b' });
    const s = templateSettings.parse({ issuerLine2: null, signerTitle: 'PHÓ CHỦ TỊCH', accentColor: '#1E6B3A' });
    expect(effectiveSettings(defaults, s)).toMatchObject({ issuerLine2: null, accentColor: '#1e6b3a', signerTitle: 'PHÓ CHỦ TỊCH', signerOnBehalf: null });
    const tpl = renderTemplate('BANG_KHEN', defaults, s, { onBehalf: 'TM. BAN THƯỜNG VỤ', title: 'CHỦ TỊCH' });
    expect(tpl).toMatchObject({ issuerLine2: null, signerOnBehalf: 'TM. BAN THƯỜNG VỤ', signerTitle: 'PHÓ CHỦ TỊCH' });
  });

  it('refuses a colour outside the palette, unknown fields and texts over the limits', () => {
    expect(templateSettings.safeParse({ accentColor: '#ffff00' }).success).toBe(false);
    expect(templateSettings.safeParse({ accentColor: 'gold' }).success).toBe(false);
    expect(templateSettings.safeParse({ title: 'G'.repeat(31) }).success).toBe(false);
    expect(templateSettings.safeParse({ title: '   ' }).success).toBe(false);
    expect(templateSettings.safeParse({ font: 'Comic Sans' }).success).toBe(false);
    expect(templateSettings.parse({ title: ' Giấy khen ' })).toEqual({ title: 'Giấy khen' });
  });
});
