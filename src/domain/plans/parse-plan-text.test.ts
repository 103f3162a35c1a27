import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parsePlanText } from './parse-plan-text';
import { numberHeadings } from './heading-numbers';
import type { PlanBlock } from '../../contracts/plans';

const seed = fs.readFileSync(path.resolve(import.meta.dirname, '../../server/seed/data/ke-hoach-thi-dua-2024-ldld-huyen.txt'), 'utf8');

describe('parsePlanText', () => {
  it('reads the district plan of the seed into header, basis, sections, signer and recipients', () => {
    const p = parsePlanText(seed);
    expect(p.placeDate).toBe('Huyện DMC, ngày tháng 3 năm 2024');
    expect(p.title).toBe('Thực hiện phong trào thi đua triển khai công tác thi đua, khen thưởng năm 2024');
    expect(p.basis).toEqual(['Thực hiện Kế hoạch số 47/KH-LĐLĐ, ngày 28/02/2024 của Ban Thường vụ Liên đoàn Lao động tỉnh về việc phát động phong trào thi đua, triển khai công tác thi đua, khen thưởng năm 2024;']);
    expect(p.intro).toMatch(/^Ban Thường vụ Liên đoàn Lao động huyện xây dựng kế hoạch/);
    const headings = p.blocks.filter((b) => b.kind === 'HEADING_1').map((b) => b.text);
    expect(headings).toEqual(['I. MỤC ĐÍCH, YÊU CẦU', 'II. CHỦ ĐỀ THI ĐUA', 'III. NỘI DUNG THI ĐUA', 'IV. GIẢI PHÁP THỰC HIỆN', 'V. TỔ CHỨC THỰC HIỆN']);
    expect(p.blocks.filter((b) => b.kind === 'HEADING_2').map((b) => b.text.slice(0, 2))).toEqual(['1.', '2.', '1.', '2.', '3.', '4.', '5.', '1.', '2.', '3.', '4.']);
    expect(p.blocks.find((b) => b.kind === 'QUOTE')!.text).toBe('“Điều hành linh hoạt, chủ động kịp thời, kỷ cương trách nhiệm, tăng tốc sáng tạo, hiệu quả bền vững”');
    expect(p.blocks.filter((b) => b.kind === 'BULLET').every((b) => !b.text.startsWith('-'))).toBe(true);
    expect(p.blocks.at(-1)!.text).toMatch(/^Trên đây là kế hoạch/);
    expect(p.signer).toEqual({ onBehalf: 'TM. BAN THƯỜNG VỤ', position: 'PHÓ CHỦ TỊCH', name: null });
    expect(p.recipients).toEqual(['TT LĐLĐ tỉnh;', 'HĐ TĐ - KT huyện;', 'Các CĐCS;', 'Website LĐLĐ huyện;', 'Lưu: VP.']);
  });

  it('keeps a plan without basis or signer readable', () => {
    const p = parsePlanText('KẾ HOẠCH\nTổ chức hội thao\nI. MỤC ĐÍCH\n- Tăng cường đoàn kết');
    expect(p).toMatchObject({ title: 'Tổ chức hội thao', basis: [], intro: null, recipients: [], theme: null, place: null });
    expect(p.blocks).toEqual([
      { kind: 'HEADING_1', text: 'I. MỤC ĐÍCH' },
      { kind: 'BULLET', text: 'Tăng cường đoàn kết' },
    ]);
  });

  it('joins the lines a page break split in the seed, and reads place and theme', () => {
    const p = parsePlanText(seed);
    expect(p.place).toBe('Huyện DMC');
    expect(p.theme).toBe('Điều hành linh hoạt, chủ động kịp thời, kỷ cương trách nhiệm, tăng tốc sáng tạo, hiệu quả bền vững');
    // "… Phong trào thi" / "đưa thực hiện …" was one bullet cut by a page break.
    expect(p.blocks.some((b) => b.text.includes('Phong trào thi đưa thực hiện Chương trình Quốc gia'))).toBe(true);
    expect(p.blocks.some((b) => /^(đưa|sách|lực|ngày) /.test(b.text))).toBe(false);
    // Lettered items stay paragraphs of their own.
    expect(p.blocks.filter((b) => b.kind === 'PARAGRAPH' && /^[abc]\. /.test(b.text)).length).toBeGreaterThanOrEqual(9);
  });

  it.each([
    {
      name: 'a copy out of Word: tabs, bullet characters, recipients before the signer, signature note',
      text: 'LĐLĐ HUYỆN DMC\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nSố: 05/KH-LĐLĐ\tHuyện DMC, ngày 05 tháng 3 năm 2024\n\nKẾ HOẠCH\nTổ chức hội thao công nhân\nCăn cứ Kế hoạch số 47/KH-LĐLĐ của LĐLĐ tỉnh;\nI. MỤC ĐÍCH\n•\tTăng cường đoàn kết\n– Rèn luyện sức khỏe\nTrên đây là kế hoạch./.\nNơi nhận:\n- Các CĐCS;\n- Lưu: VP.\nTM. BAN THƯỜNG VỤ\nCHỦ TỊCH\n(Đã ký)\nNguyễn Văn Đức',
      expected: {
        place: 'Huyện DMC',
        placeDate: 'Huyện DMC, ngày 05 tháng 3 năm 2024',
        title: 'Tổ chức hội thao công nhân',
        basis: ['Căn cứ Kế hoạch số 47/KH-LĐLĐ của LĐLĐ tỉnh;'],
        blocks: [
          { kind: 'HEADING_1', text: 'I. MỤC ĐÍCH' },
          { kind: 'BULLET', text: 'Tăng cường đoàn kết' },
          { kind: 'BULLET', text: 'Rèn luyện sức khỏe' },
          { kind: 'PARAGRAPH', text: 'Trên đây là kế hoạch./.' },
        ],
        signer: { onBehalf: 'TM. BAN THƯỜNG VỤ', position: 'CHỦ TỊCH', name: 'Nguyễn Văn Đức' },
        recipients: ['Các CĐCS;', 'Lưu: VP.'],
      },
    },
    {
      name: 'signer lines without bold markers right after the closing sentence, recipients after',
      text: 'KẾ HOẠCH\nTổ chức hội thao\nI. NỘI DUNG\nCác công đoàn cơ sở tham gia đầy đủ./.\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\nTrần Thị Cúc\nNơi nhận:\n- Lưu: VP.',
      expected: {
        place: null,
        title: 'Tổ chức hội thao',
        blocks: [
          { kind: 'HEADING_1', text: 'I. NỘI DUNG' },
          { kind: 'PARAGRAPH', text: 'Các công đoàn cơ sở tham gia đầy đủ./.' },
        ],
        signer: { onBehalf: 'KT. CHỦ TỊCH', position: 'PHÓ CHỦ TỊCH', name: 'Trần Thị Cúc' },
        recipients: ['Lưu: VP.'],
      },
    },
    {
      name: 'decomposed diacritics and Windows line ends come out NFC',
      text: 'KẾ HOẠCH\r\nTổ chức hội thao\r\nI. MỤC ĐÍCH\r\n- Tăng cường đoàn kết\r\n'.normalize('NFD'),
      expected: { title: 'Tổ chức hội thao', blocks: [{ kind: 'HEADING_1', text: 'I. MỤC ĐÍCH' }, { kind: 'BULLET', text: 'Tăng cường đoàn kết' }] },
    },
    {
      name: 'a title that runs over two lines',
      text: 'KẾ HOẠCH\nTổ chức hội thao công nhân, viên chức, lao động\nnăm 2024\nI. MỤC ĐÍCH\n- Đoàn kết',
      expected: { title: 'Tổ chức hội thao công nhân, viên chức, lao động năm 2024' },
    },
  ])('$name', ({ text, expected }) => {
    expect(parsePlanText(text)).toMatchObject(expected);
  });

  it('reads back any body it would print: numbered headings, bullets, paragraphs and quotes (property)', () => {
    const word = fc.constantFrom('thi', 'đua', 'khen', 'thưởng', 'công', 'đoàn', 'Việt', 'Nam', 'năm', '2024', 'đoàn', 'viên');
    const sentence = fc.array(word, { minLength: 1, maxLength: 8 }).map((ws) => ws.join(' '));
    const capitalised = sentence.map((s) => s.charAt(0).toLocaleUpperCase('vi') + s.slice(1));
    const block: fc.Arbitrary<PlanBlock> = fc.oneof(
      sentence.map((t) => ({ kind: 'HEADING_1' as const, text: t.toLocaleUpperCase('vi') })),
      capitalised.map((t) => ({ kind: 'HEADING_2' as const, text: t })),
      capitalised.map((t) => ({ kind: 'BULLET' as const, text: t })),
      capitalised.map((t) => ({ kind: 'PARAGRAPH' as const, text: `Các ${t}.` })),
      capitalised.map((t) => ({ kind: 'QUOTE' as const, text: `“${t}”` })),
    );
    fc.assert(
      fc.property(fc.array(block, { minLength: 1, maxLength: 12 }), (blocks) => {
        const body = numberHeadings([{ kind: 'HEADING_1', text: 'MỤC ĐÍCH' }, ...blocks]);
        const text = ['KẾ HOẠCH', 'Tổ chức hội thao', ...body.map((b) => (b.kind === 'BULLET' ? `- ${b.text}` : b.text))].join('\n');
        expect(parsePlanText(text).blocks).toEqual(body);
      }),
    );
  });
});
