import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ANNIVERSARIES, anniversariesOf, isRoundAnniversary } from './anniversaries';

describe('anniversaries of a year', () => {
  it('2024 has the round anniversaries the district plan names', () => {
    const round = anniversariesOf(2024).filter((a) => a.round).map((a) => [a.key, a.years, a.date]);
    expect(round).toEqual(expect.arrayContaining([
      ['bien-phong', 65, '2024-03-03'],
      ['bien-phong-toan-dan', 35, '2024-03-03'],
      ['dien-bien-phu', 70, '2024-05-07'],
      ['duong-ho-chi-minh', 65, '2024-05-19'],
      ['cong-doan-vn', 95, '2024-07-28'],
      ['qdnd-vn', 80, '2024-12-22'],
      ['quoc-phong-toan-dan', 35, '2024-12-22'],
    ]));
    const cd = anniversariesOf(2024).find((a) => a.key === 'cong-doan-vn')!;
    expect(cd.title).toBe('95 năm Ngày thành lập Công đoàn Việt Nam (28/7/1929 - 28/7/2024)');
    expect(cd.union).toBe(true);
  });

  it.each([
    [2025, 'cong-doan-vn', 96, false],
    [2029, 'cong-doan-vn', 100, true],
    [2025, 'giai-phong-mien-nam', 50, true],
  ])('%i: %s is %i years, round %s', (year, key, years, round) => {
    const a = anniversariesOf(year).find((x) => x.key === key)!;
    expect([a.years, a.round]).toEqual([years, round]);
    if (!round) expect(a.title).toBe(ANNIVERSARIES.find((x) => x.key === key)!.name);
  });

  it('every day of every year is in that year, sorted, round exactly on multiples of 5 (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2005, max: 2100 }), (year) => {
        const list = anniversariesOf(year);
        expect(list.length).toBe(ANNIVERSARIES.length);
        expect(list.every((a) => a.date.startsWith(`${year}-`))).toBe(true);
        expect([...list].map((a) => a.date)).toEqual([...list].map((a) => a.date).sort());
        for (const a of list) expect(a.round).toBe(a.years !== null && a.years % 5 === 0);
        expect(isRoundAnniversary(0)).toBe(false);
      }),
    );
  });
});
