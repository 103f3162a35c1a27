import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parsePlanText } from './parse-plan-text';

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
    expect(p.signer).toEqual({ onBehalf: 'TM. BAN THƯỜNG VỤ', position: 'PHÓ CHỦ TỊCH' });
    expect(p.recipients).toEqual(['TT LĐLĐ tỉnh;', 'HĐ TĐ - KT huyện;', 'Các CĐCS;', 'Website LĐLĐ huyện;', 'Lưu: VP.']);
  });

  it('keeps a plan without basis or signer readable', () => {
    const p = parsePlanText('KẾ HOẠCH\nTổ chức hội thao\nI. MỤC ĐÍCH\n- Tăng cường đoàn kết');
    expect(p).toMatchObject({ title: 'Tổ chức hội thao', basis: [], intro: null, recipients: [] });
    expect(p.blocks).toEqual([
      { kind: 'HEADING_1', text: 'I. MỤC ĐÍCH' },
      { kind: 'BULLET', text: 'Tăng cường đoàn kết' },
    ]);
  });
});
