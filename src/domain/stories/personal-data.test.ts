import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { findPersonalData, maskFinding } from './personal-data';
import { slugCandidate, slugify, SLUG_MAX, SLUG_PATTERN } from './slug';
import { canDo, storyActions } from './workflow';

const kinds = (text: string, known = {}) => findPersonalData(text, known).map((f) => [f.kind, f.match]);

describe('findPersonalData: shapes that are never public', () => {
  it.each([
    ['CCCD plain', 'Chị có CCCD số 079190012345 cấp năm 2021.', [['ID_NUMBER', '079190012345']]],
    ['CCCD with spaces', 'Số định danh 079 190 012 345.', [['ID_NUMBER', '079 190 012 345']]],
    ['CCCD with dots', 'CCCD: 079.190.012.345', [['ID_NUMBER', '079.190.012.345']]],
    ['CCCD with dots ending like an amount', 'Số 001.089.012.000 ghi trên thẻ', [['ID_NUMBER', '001.089.012.000']]],
    ['CMND 9 digits', 'CMND 025123456 do CA TP cấp', [['ID_NUMBER', '025123456']]],
    ['mobile', 'Liên hệ anh qua số 0912345678.', [['PHONE', '0912345678']]],
    ['mobile spaced', 'Điện thoại: 0912 345 678', [['PHONE', '0912 345 678']]],
    ['mobile dotted', 'ĐT 0912.345.678', [['PHONE', '0912.345.678']]],
    ['mobile dashed', 'gọi 091-234-5678 nhé', [['PHONE', '091-234-5678']]],
    ['+84', 'Số +84 912 345 678 của chị', [['PHONE', '+84 912 345 678']]],
    ['+84 compact', 'SĐT +84912345678', [['PHONE', '+84912345678']]],
    ['landline 11 digits', 'Văn phòng 028 3829 1234', [['PHONE', '028 3829 1234']]],
    ['year before a phone', 'Năm 2024 0912345678 là số của anh', [['PHONE', '0912345678']]],
    ['email', 'Thư gửi nguyen.van.an@truong.edu.vn để biết thêm.', [['EMAIL', 'nguyen.van.an@truong.edu.vn']]],
    ['several', 'SĐT 0987654321, thư an@x.vn, CCCD 001201000123', [['PHONE', '0987654321'], ['EMAIL', 'an@x.vn'], ['ID_NUMBER', '001201000123']]],
  ])('%s', (_name, text, expected) => {
    expect(kinds(text)).toEqual(expected);
  });

  it.each([
    ['a year and a date', 'Năm 2024, ngày 12/05/2024 anh được khen.'],
    ['an amount with dots', 'Anh ủng hộ 150.000.000 đồng cho quỹ.'],
    ['an amount in words', 'Quỹ đạt 123456789 đồng.'],
    ['thousands ending in 000', 'Tổng 300.000.000 cho 12 gia đình'],
    ['twelve digits of an amount', 'Vốn 100.000.000.000 của dự án'],
    ['small numbers', 'Anh có 25 năm công tác, 3 con, 120 giờ tình nguyện.'],
    ['a member code', 'Mã đoàn viên DV0001234'],
    ['an 8-digit number', 'Mã số 12345678'],
  ])('nothing in %s', (_name, text) => {
    expect(findPersonalData(text)).toEqual([]);
  });
});

describe('findPersonalData: the subject’s own recorded values however written', () => {
  const known = { cccd: '072090001234', phone: '0912345678', email: 'An.Nguyen@Truong.Edu.Vn', address: 'Số 12 đường Trần Hưng Đạo, phường 3' };
  it.each([
    ['cccd split oddly', 'số 0720 9000 1234', 'ID_NUMBER'],
    ['cccd with dashes', '072-090-001-234', 'ID_NUMBER'],
    ['phone as +84', 'gọi +84 912-345-678', 'PHONE'],
    ['phone as 84 without plus', 'gọi 84.912.345.678', 'PHONE'],
    ['email in another case', 'thư an.nguyen@truong.edu.vn', 'EMAIL'],
    ['address without diacritics', 'Nhà chị ở so 12 duong tran hung dao, PHUONG 3 rất gần trường.', 'ADDRESS'],
  ])('%s', (_name, text, kind) => {
    const found = findPersonalData(text, known);
    expect(found.map((f) => f.kind)).toEqual([kind]);
    expect(found[0]!.known).toBe(true);
    expect(text.slice(found[0]!.index, found[0]!.index + found[0]!.match.length)).toBe(found[0]!.match);
  });

  it('an address not on record and a short one are not flagged', () => {
    expect(findPersonalData('Chị sống tại phường 3.', { address: 'P3' })).toEqual([]);
  });
});

describe('property: embedded numbers are always found', () => {
  const word = fc.constantFrom('Anh', 'chị', 'số', 'là', 'của', 'được', 'khen', 'thưởng', 'năm', 'trường', 'gửi', ':', ',', '—');
  const words = fc.array(word, { maxLength: 6 }).map((w) => w.join(' '));
  const sep = fc.constantFrom('', ' ', '.', '-');
  const groups = (digits: string, sizes: readonly number[], s: string) => {
    const out: string[] = [];
    let at = 0;
    for (const n of sizes) {
      out.push(digits.slice(at, at + n));
      at += n;
    }
    return out.filter(Boolean).join(s);
  };

  // A CCCD starts with its province code 001–096, so with a 0: even "001.089.012.000" (which ends
  // like an amount) is an identity number. (Found by this property: it once read as an amount.)
  it('any 12-digit CCCD (leading 0), in groups of 3 or 4 or none, is found whole', () => {
    fc.assert(
      fc.property(words, fc.stringMatching(/^0[0-9]{11}$/), fc.constantFrom([12], [3, 3, 3, 3], [4, 4, 4], [4, 3, 3, 2]), sep, words, (before, digits, sizes, s, after) => {
        const written = groups(digits, sizes, s);
        const text = `${before} ${written} ${after}`;
        const found = findPersonalData(text);
        expect(found.map((f) => [f.kind, f.match])).toEqual([['ID_NUMBER', written]]);
      }),
    );
  });

  it('any mobile number 0[35789]xxxxxxxx is found as a phone', () => {
    fc.assert(
      fc.property(words, fc.stringMatching(/^0[35789][0-9]{8}$/), fc.constantFrom([10], [4, 3, 3], [3, 3, 4]), sep, words, (before, digits, sizes, s, after) => {
        const found = findPersonalData(`${before} ${groups(digits, sizes, s)} ${after}`);
        expect(found.map((f) => [f.kind, f.match.replace(/\D/g, '')])).toContainEqual(['PHONE', digits]);
      }),
    );
  });

  it('the subject’s recorded CCCD is found with any separators between its digits', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[0-9]{12}$/), fc.array(fc.constantFrom('', ' ', '.', '-'), { minLength: 11, maxLength: 11 }), words, (cccd, seps, before) => {
        const written = cccd.split('').map((d, i) => d + (seps[i] ?? '')).join('');
        const found = findPersonalData(`${before} ${written}.`, { cccd });
        expect(found.some((f) => f.known && f.kind === 'ID_NUMBER')).toBe(true);
      }),
    );
  });

  it('text of letters only never has findings', () => {
    fc.assert(fc.property(fc.array(word, { maxLength: 30 }), (w) => {
        expect(findPersonalData(w.join(' '))).toEqual([]);
      }),
    );
  });
});

describe('maskFinding', () => {
  it.each([
    [{ kind: 'ID_NUMBER' as const, match: '079 190 012 345' }, '07•••••••345'],
    [{ kind: 'PHONE' as const, match: '0912.345.678' }, '09•••••678'],
    [{ kind: 'EMAIL' as const, match: 'an@x.vn' }, 'a***@x.vn'],
  ])('%j → %s', (f, masked) => expect(maskFinding(f)).toBe(masked));
});

describe('slugify', () => {
  it.each([
    ['Gương sáng Đoàn viên Nguyễn Văn Đức', 'guong-sang-doan-vien-nguyen-van-duc'],
    ['  Người tốt, việc tốt: 20 năm hiến máu!  ', 'nguoi-tot-viec-tot-20-nam-hien-mau'],
    ['ĐẶNG THỊ HỒNG — cô giáo vùng cao', 'dang-thi-hong-co-giao-vung-cao'],
    ['???', 'bai-viet'],
    ['', 'bai-viet'],
  ])('%s → %s', (title, slug) => expect(slugify(title)).toBe(slug));

  it('cuts at a whole word within 80 characters', () => {
    const s = slugify('Tấm gương '.repeat(20));
    expect(s.length).toBeLessThanOrEqual(SLUG_MAX);
    expect(s.endsWith('guong')).toBe(true);
    expect(slugify('a'.repeat(200))).toHaveLength(SLUG_MAX);
  });

  it('property: always URL-safe words within the limit, and stable', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 300 }), (title) => {
        const s = slugify(title);
        expect(s).toMatch(SLUG_PATTERN);
        expect(s.length).toBeLessThanOrEqual(SLUG_MAX);
        expect(slugify(s)).toBe(s);
      }),
    );
  });

  it('property: numbered candidates stay URL-safe, within the limit and distinct', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), fc.integer({ min: 2, max: 999 }), (title, n) => {
        const base = slugify(title);
        const c = slugCandidate(base, n);
        expect(c).toMatch(SLUG_PATTERN);
        expect(c.length).toBeLessThanOrEqual(SLUG_MAX);
        expect(c.endsWith(`-${n}`)).toBe(true);
        expect(slugCandidate(base, 1)).toBe(base);
      }),
    );
  });
});

describe('workflow', () => {
  it.each([
    ['DRAFT', ['edit', 'consent', 'photos', 'submit', 'credits']],
    ['IN_REVIEW', ['edit', 'consent', 'photos', 'return', 'publish', 'credits']],
    ['PUBLISHED', ['withdraw', 'credits']],
    ['WITHDRAWN', ['submit', 'credits']],
  ] as const)('%s allows %j', (status, actions) => {
    expect(storyActions(status)).toEqual(actions);
    expect(canDo(status, 'publish')).toBe(status === 'IN_REVIEW');
  });
});
