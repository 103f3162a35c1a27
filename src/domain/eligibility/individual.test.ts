import { describe, expect, it } from 'vitest';
import { evaluate } from './index';
import { award, initiative, person, ratings, request } from './test-facts';
import type { PersonFacts } from '../../contracts/eligibility';

function outcomes(target: string, year: number, facts: PersonFacts, extra = {}) {
  const result = evaluate(request(target, year, facts, extra));
  const by = (id: string) => result.reasons.filter((r) => r.ruleId === id).map((r) => r.outcome);
  return { result, by, status: result.status };
}

describe('LDTT', () => {
  it.each([
    ['2024-07-01', 'PASS', 'exactly 6 months (July–December)'],
    ['2024-07-02', 'FAIL', '6 months minus one day'],
    ['2024-06-30', 'PASS', 'more than 6 months'],
  ])('service from %s for 2024 under VN-2024 → %s (%s)', (start, expected) => {
    const { by } = outcomes('LDTT', 2024, person({ serviceStartDate: start, ratings: ratings(2024, 'HTTNV') }));
    expect(by('LDTT.service')).toEqual([expected]);
  });

  it.each([
    ['2023-03-01', 'PASS'],
    ['2023-03-02', 'FAIL'],
    ['2023-07-01', 'FAIL'],
  ])('VN-2017 needs 10 months: service from %s for 2023 → %s', (start, expected) => {
    const { by, result } = outcomes('LDTT', 2023, person({ serviceStartDate: start, ratings: ratings(2023, 'HTTNV') }));
    expect(result.rulePacks.map((p) => p.id)).toEqual(['VN-2017', 'CD-1689']);
    expect(by('LDTT.service')).toEqual([expected]);
  });

  it('the same 8-month service passes under VN-2024 but fails under VN-2017 (chosen by reference date)', () => {
    const facts = person({ serviceStartDate: '2023-05-01', ratings: ratings(2023, 'HTTNV') });
    expect(outcomes('LDTT', 2023, facts).by('LDTT.service')).toEqual(['FAIL']);
    expect(outcomes('LDTT', 2023, facts, { referenceDate: '2024-03-01' }).by('LDTT.service')).toEqual(['PASS']);
  });

  it('missing service date or rating is MISSING, not FAIL', () => {
    const { by, status } = outcomes('LDTT', 2024, person({ serviceStartDate: undefined }));
    expect(by('LDTT.service')).toEqual(['MISSING']);
    expect(by('LDTT.rating')).toEqual(['MISSING']);
    expect(status).toBe('MISSING_EVIDENCE');
  });

  it.each([
    ['HTXSNV', 'PASS'],
    ['HTTNV', 'PASS'],
    ['HTNV', 'FAIL'],
    ['KHTNV', 'FAIL'],
  ] as const)('rating %s → %s', (rating, expected) => {
    expect(outcomes('LDTT', 2024, person({ ratings: ratings(2024, rating) })).by('LDTT.rating')).toEqual([expected]);
  });

  it.each([
    ['2023-12-31', 'PASS', 'ends the day before the year'],
    ['2024-01-01', 'FAIL', 'ends on the first day of the year'],
    ['2024-06-30', 'FAIL', 'ends inside the year'],
  ])('discipline (reprimand) ending %s → %s (%s)', (to, expected) => {
    const facts = person({ ratings: ratings(2024, 'HTTNV'), disciplines: [{ id: 'd1', level: 'KHIEN_TRACH', from: '2023-06-01', to }] });
    expect(outcomes('LDTT', 2024, facts).by('LDTT.discipline')).toEqual([expected]);
  });

  it('an open discipline that started in the year fails', () => {
    const facts = person({ ratings: ratings(2024, 'HTTNV'), disciplines: [{ id: 'd1', level: 'CANH_CAO', from: '2024-11-01' }] });
    const { result } = outcomes('LDTT', 2024, facts);
    const reason = result.reasons.find((r) => r.ruleId === 'LDTT.discipline');
    expect(reason?.outcome).toBe('FAIL');
    expect(reason?.text).toContain('cảnh cáo');
    expect(reason?.evidence).toEqual(['d1']);
  });

  it('absence limit is on in VN-2017 (40 days, maternity excepted) and off from 2024', () => {
    const absences = [
      { id: 'x1', reason: 'ILLNESS' as const, from: '2023-02-01', to: '2023-03-12' }, // 40 days
      { id: 'x2', reason: 'MATERNITY' as const, from: '2023-05-01', to: '2023-10-31' },
    ];
    const base = person({ ratings: ratings(2023, 'HTTNV'), absences });
    expect(outcomes('LDTT', 2023, base).by('LDTT.absence')).toEqual(['PASS']);
    const over = person({ ratings: ratings(2023, 'HTTNV'), absences: [...absences, { id: 'x3', reason: 'OTHER', from: '2023-12-31', to: '2024-01-05' }] });
    expect(outcomes('LDTT', 2023, over).by('LDTT.absence')).toEqual(['FAIL']);
    expect(outcomes('LDTT', 2024, person({ ratings: ratings(2024, 'HTTNV'), absences: [{ id: 'y', reason: 'OTHER', from: '2024-01-01', to: '2024-06-30' }] })).by('LDTT.absence')).toEqual([]);
  });
});

describe('CSTD_CS', () => {
  it.each([
    ['HTXSNV only', person({ ratings: ratings(2024, 'HTXSNV') }), 'ELIGIBLE', 'elig.cstdcs.achievement.rating'],
    ['HTTNV + grassroots initiative in the year', person({ ratings: ratings(2024, 'HTTNV'), initiatives: [initiative('i1', '2024-09-01')] }), 'ELIGIBLE', 'elig.cstdcs.achievement.initiative'],
    ['HTTNV + initiative of the previous year', person({ ratings: ratings(2024, 'HTTNV'), initiatives: [initiative('i1', '2023-09-01')] }), 'NOT_ELIGIBLE', 'elig.cstdcs.achievement.fail'],
    [
      'HTTNV + research accepted and applied',
      person({ ratings: ratings(2024, 'HTTNV'), research: [{ id: 'r1', acceptedOn: '2024-03-03', scope: 'GRASSROOTS', applied: true }] }),
      'ELIGIBLE',
      'elig.cstdcs.achievement.research',
    ],
    [
      'HTTNV + research not applied',
      person({ ratings: ratings(2024, 'HTTNV'), research: [{ id: 'r1', acceptedOn: '2024-03-03', scope: 'GRASSROOTS', applied: false }] }),
      'NOT_ELIGIBLE',
      'elig.cstdcs.achievement.fail',
    ],
    ['HTNV + initiative (fails LDTT)', person({ ratings: ratings(2024, 'HTNV'), initiatives: [initiative('i1', '2024-09-01')] }), 'NOT_ELIGIBLE', 'elig.cstdcs.achievement.initiative'],
  ])('%s → %s', (_name, facts, status, key) => {
    const result = evaluate(request('CSTD_CS', 2024, facts));
    expect(result.status).toBe(status);
    expect(result.reasons.find((r) => r.ruleId === 'CSTD_CS.achievement')?.messageKey).toBe(key);
  });

  it('under VN-2017 an excellent rating alone is not enough (old law needs an initiative)', () => {
    const result = evaluate(request('CSTD_CS', 2023, person({ ratings: ratings(2023, 'HTXSNV') })));
    expect(result.status).toBe('NOT_ELIGIBLE');
    expect(result.reasons.find((r) => r.ruleId === 'CSTD_CS.achievement')?.messageKey).toBe('elig.cstdcs.achievement.failInitiative');
  });

  it('states the quota as INFO, which never changes the status', () => {
    const result = evaluate(request('CSTD_CS', 2024, person({ ratings: ratings(2024, 'HTXSNV') })));
    const quota = result.reasons.find((r) => r.ruleId === 'CSTD_CS.quota');
    expect(quota?.outcome).toBe('INFO');
    expect(quota?.text).toContain('15%');
    expect(result.parameters['CSTD_CS.quota.maxShare']).toBe(0.15);
  });
});

describe('CSTD_BO_TINH', () => {
  const base = { serviceStartDate: '2010-01-01', initiatives: [initiative('m1', '2023-04-04', 'MINISTRY_PROVINCE')] };
  it.each([
    ['three awards', [award('CSTD_CS', 2022), award('CSTD_CS', 2023), award('CSTD_CS', 2024)], [], 'ELIGIBLE'],
    ['gap year 2023', [award('CSTD_CS', 2022), award('CSTD_CS', 2024)], [], 'NOT_ELIGIBLE'],
    ['2024 provisional (meets CSTĐCS)', [award('CSTD_CS', 2022), award('CSTD_CS', 2023)], ratings(2024, 'HTXSNV'), 'ELIGIBLE'],
    ['2024 provisional but rated HTTNV without initiative', [award('CSTD_CS', 2022), award('CSTD_CS', 2023)], ratings(2024, 'HTTNV'), 'NOT_ELIGIBLE'],
    ['2024 without decision nor rating', [award('CSTD_CS', 2022), award('CSTD_CS', 2023)], [], 'MISSING_EVIDENCE'],
    ['thematic CSTĐCS does not count', [award('CSTD_CS', 2022), award('CSTD_CS', 2023, { kind: 'THEMATIC' }), award('CSTD_CS', 2024)], [], 'NOT_ELIGIBLE'],
  ] as const)('%s → %s', (_name, awards, rs, status) => {
    const result = evaluate(request('CSTD_BO_TINH', 2024, person({ ...base, awards: [...awards], ratings: [...rs] }), { referenceDate: '2025-08-01' }));
    expect(result.status).toBe(status);
  });

  it('says which years are missing, in the law\'s two-digit style', () => {
    const result = evaluate(request('CSTD_BO_TINH', 2024, person({ ...base, awards: [award('CSTD_CS', 2022), award('CSTD_CS', 2023)], ratings: ratings(2024, 'HTNV') })));
    expect(result.reasons.find((r) => r.ruleId === 'CSTD_BO_TINH.chain')?.text).toBe('Cần 03 năm liên tục đạt CSTĐCS; có 2022, 2023, thiếu 2024');
  });

  it('a provisional year is explained with an INFO reason', () => {
    const result = evaluate(request('CSTD_BO_TINH', 2024, person({ ...base, awards: [award('CSTD_CS', 2022), award('CSTD_CS', 2023)], ratings: ratings(2024, 'HTXSNV') })));
    const info = result.reasons.find((r) => r.outcome === 'INFO' && r.ruleId === 'CSTD_BO_TINH.chain');
    expect(info?.text).toBe('Năm 2024 chưa có quyết định CSTĐCS, đủ điều kiện CSTĐCS — tính tạm');
  });

  it('needs a ministry/provincial-scope initiative within the three years', () => {
    const awards = [award('CSTD_CS', 2022), award('CSTD_CS', 2023), award('CSTD_CS', 2024)];
    const grassroots = person({ awards, initiatives: [initiative('g', '2023-01-01', 'GRASSROOTS')] });
    expect(evaluate(request('CSTD_BO_TINH', 2024, grassroots)).status).toBe('NOT_ELIGIBLE');
    const tooEarly = person({ awards, initiatives: [initiative('m', '2021-12-31', 'MINISTRY_PROVINCE')] });
    expect(evaluate(request('CSTD_BO_TINH', 2024, tooEarly)).status).toBe('NOT_ELIGIBLE');
  });

  it('VN-2025: achievements count only from the end of a discipline period', () => {
    const awards = [award('CSTD_CS', 2022), award('CSTD_CS', 2023), award('CSTD_CS', 2024)];
    const facts = (to: string) => person({ ...base, awards, disciplines: [{ id: 'd', level: 'KHIEN_TRACH', from: '2021-01-01', to }] });
    const before = evaluate(request('CSTD_BO_TINH', 2024, facts('2021-12-31'), { referenceDate: '2025-08-01' }));
    expect(before.status).toBe('ELIGIBLE');
    const inside = evaluate(request('CSTD_BO_TINH', 2024, facts('2022-12-31'), { referenceDate: '2025-08-01' }));
    expect(inside.status).toBe('NOT_ELIGIBLE');
    expect(inside.reasons.find((r) => r.ruleId === 'COMMON.disciplineReset')?.text).toContain('01/01/2023');
    // VN-2024 has no such rule: the same facts pass.
    expect(evaluate(request('CSTD_BO_TINH', 2024, facts('2022-12-31'))).status).toBe('ELIGIBLE');
  });
});

describe('CSTD_TQ', () => {
  const national = [initiative('n1', '2022-06-01', 'NATIONAL')];
  it.each([
    ['2021 and 2024', [2021, 2024], 'ELIGIBLE'],
    ['2020 and 2024: more than 3 years apart', [2020, 2024], 'NOT_ELIGIBLE'],
    ['2018 and 2021: the later too old for 2025', [2018, 2021], 'NOT_ELIGIBLE'],
    ['only one', [2023], 'NOT_ELIGIBLE'],
  ] as const)('CSTĐ bộ/tỉnh in %s → %s', (_n, years, status) => {
    const facts = person({ awards: years.map((y) => award('CSTD_BO_TINH', y)), initiatives: national });
    expect(evaluate(request('CSTD_TQ', 2025, facts)).status).toBe(status);
  });

  it('the national initiative must come after the first title', () => {
    const facts = person({ awards: [award('CSTD_BO_TINH', 2022), award('CSTD_BO_TINH', 2024)], initiatives: [initiative('n1', '2021-06-01', 'NATIONAL')] });
    const result = evaluate(request('CSTD_TQ', 2024, facts));
    expect(result.reasons.find((r) => r.ruleId === 'CSTD_TQ.initiative')?.outcome).toBe('FAIL');
  });
});

describe('Bằng khen bộ/tỉnh, TLĐ, LĐLĐ', () => {
  it('Bộ Nội vụ worked example: HTXSNV 2023 + 1 initiative, HTXSNV 2024 + 1 initiative + CSTĐCS 2024 qualifies', () => {
    const facts = person({
      ratings: ratings(2023, 'HTXSNV', 'HTXSNV'),
      initiatives: [initiative('i23', '2023-10-01'), initiative('i24', '2024-10-01')],
      awards: [award('CSTD_CS', 2024)],
    });
    for (const target of ['BK_BO_TINH', 'BK_TLD', 'BK_LDLD']) {
      const result = evaluate(request(target, 2024, facts));
      expect(result.status, target).toBe('ELIGIBLE');
      expect(result.reasons.find((r) => r.ruleId.endsWith('.merit'))?.messageKey).toBe('elig.bk.pass.excellent');
    }
  });

  it.each([
    ['CSTĐCS 2023 and 2024', person({ awards: [award('CSTD_CS', 2023), award('CSTD_CS', 2024)] }), 'ELIGIBLE'],
    ['CSTĐCS 2023, 2024 provisional', person({ awards: [award('CSTD_CS', 2023)], ratings: ratings(2024, 'HTXSNV') }), 'ELIGIBLE'],
    ['CSTĐCS 2022 and 2024 (gap)', person({ awards: [award('CSTD_CS', 2022), award('CSTD_CS', 2024)] }), 'NOT_ELIGIBLE'],
    ['HTXSNV twice but one initiative', person({ ratings: ratings(2023, 'HTXSNV', 'HTXSNV'), initiatives: [initiative('i', '2024-01-01')] }), 'NOT_ELIGIBLE'],
    ['HTXSNV 2024 only, 2023 not recorded, two initiatives', person({ ratings: ratings(2024, 'HTXSNV'), initiatives: [initiative('i', '2024-01-01'), initiative('j', '2023-01-01')] }), 'MISSING_EVIDENCE'],
  ])('%s → %s', (_n, facts, status) => {
    expect(evaluate(request('BK_TLD', 2024, facts)).status).toBe(status);
  });
});

describe('BK_TTG (old rule)', () => {
  const fiveYears = ratings(2020, 'HTXSNV', 'HTXSNV', 'HTXSNV', 'HTXSNV', 'HTXSNV');
  const five = [2020, 2021, 2022, 2023, 2024].map((y) => initiative(`i${y}`, `${y}-05-05`));
  it.each([
    ['prior BK 2019 + 5 years + 5 initiatives', [award('BK_TLD', 2019)], fiveYears, five, 'ELIGIBLE'],
    ['prior BK inside the window', [award('BK_TLD', 2021)], fiveYears, five, 'NOT_ELIGIBLE'],
    ['no prior BK', [], fiveYears, five, 'NOT_ELIGIBLE'],
    ['four initiatives', [award('BK_BO_TINH', 2018)], fiveYears, five.slice(1), 'NOT_ELIGIBLE'],
  ] as const)('%s → %s', (_n, awards, rs, inits, status) => {
    expect(evaluate(request('BK_TTG', 2024, person({ awards: [...awards], ratings: [...rs], initiatives: [...inits] }))).status).toBe(status);
  });
});

describe('union individual forms', () => {
  it.each([
    ['UNION_CADRE', 20, ratings(2021, 'HTNV', 'HTTNV', 'HTXSNV'), 'ELIGIBLE'],
    ['UNION_CADRE', 19.5, ratings(2021, 'HTNV', 'HTTNV', 'HTXSNV'), 'NOT_ELIGIBLE'],
    ['UNION_CADRE', 25, ratings(2021, 'HTNV', 'KHTNV', 'HTXSNV'), 'NOT_ELIGIBLE'],
    ['UNION_CADRE', 25, ratings(2022, 'HTTNV', 'HTXSNV'), 'MISSING_EVIDENCE'],
    ['UNION_PUBLIC_SERVANT', 24, [], 'NOT_ELIGIBLE'],
    ['UNION_PUBLIC_SERVANT', 25, [], 'ELIGIBLE'],
    ['OUTSIDE_CONTRIBUTOR', 5, [], 'ELIGIBLE'],
  ] as const)('KNC_CD %s with %s years → %s', (category, years, rs, status) => {
    const facts = person({ unionWorkCategory: category, unionWorkYears: years, ratings: [...rs] });
    expect(evaluate(request('KNC_CD', 2024, facts)).status).toBe(status);
  });

  it('KNC_CD is given once per person', () => {
    const facts = person({ unionWorkCategory: 'OUTSIDE_CONTRIBUTOR', unionWorkYears: 9, awards: [award('KNC_CD', 2015, { kind: 'DEDICATION' })] });
    const result = evaluate(request('KNC_CD', 2024, facts));
    expect(result.status).toBe('NOT_ELIGIBLE');
    expect(result.reasons.find((r) => r.ruleId === 'KNC_CD.once')?.outcome).toBe('FAIL');
  });

  it('KNC_CD without category is MISSING', () => {
    expect(evaluate(request('KNC_CD', 2024, person({ unionWorkYears: 30 }))).status).toBe('MISSING_EVIDENCE');
  });

  it.each([
    ['leader 200 M', { isLeader: true }, [initiative('i', '2024-02-02', 'GRASSROOTS', 200_000_000)], 'ELIGIBLE'],
    ['leader 199.999.999', { isLeader: true }, [initiative('i', '2024-02-02', 'GRASSROOTS', 199_999_999)], 'NOT_ELIGIBLE'],
    ['university 150 M', { educationLevel: 'UNIVERSITY_OR_ABOVE' }, [initiative('i', '2024-02-02', 'GRASSROOTS', 150_000_000)], 'ELIGIBLE'],
    ['university 149 M', { educationLevel: 'UNIVERSITY_OR_ABOVE' }, [initiative('i', '2024-02-02', 'GRASSROOTS', 149_000_000)], 'NOT_ELIGIBLE'],
    ['college 80 M', { educationLevel: 'COLLEGE_OR_BELOW' }, [initiative('i', '2024-02-02', 'GRASSROOTS', 80_000_000)], 'ELIGIBLE'],
    [
      'college 3 × 40 M over 2022–2024',
      { educationLevel: 'COLLEGE_OR_BELOW' },
      [initiative('a', '2022-02-02', 'GRASSROOTS', 40_000_000), initiative('b', '2023-02-02', 'GRASSROOTS', 40_000_000), initiative('c', '2024-02-02', 'GRASSROOTS', 40_000_000)],
      'ELIGIBLE',
    ],
    [
      'college 2021 value outside the 3 years',
      { educationLevel: 'COLLEGE_OR_BELOW' },
      [initiative('a', '2021-02-02', 'GRASSROOTS', 60_000_000), initiative('c', '2024-02-02', 'GRASSROOTS', 60_000_000)],
      'NOT_ELIGIBLE',
    ],
    ['non-leader without education', {}, [initiative('i', '2024-02-02', 'GRASSROOTS', 500_000_000)], 'MISSING_EVIDENCE'],
  ] as const)('BANG_LDST %s → %s', (_n, who, inits, status) => {
    expect(evaluate(request('BANG_LDST', 2024, person({ ...who, initiatives: [...inits] }))).status).toBe(status);
  });

  it('BANG_LDST writes money with thousands separators', () => {
    const result = evaluate(request('BANG_LDST', 2024, person({ educationLevel: 'COLLEGE_OR_BELOW', initiatives: [initiative('i', '2024-02-02', 'GRASSROOTS', 80_000_000)] })));
    expect(result.reasons.find((r) => r.ruleId === 'BANG_LDST.benefit')?.text).toContain('80.000.000 đ');
    const en = evaluate(request('BANG_LDST', 2024, person({ educationLevel: 'COLLEGE_OR_BELOW', initiatives: [initiative('i', '2024-02-02', 'GRASSROOTS', 80_000_000)] })), { locale: 'en' });
    expect(en.reasons.find((r) => r.ruleId === 'BANG_LDST.benefit')?.text).toContain('VND 80,000,000');
  });

  it.each([
    ['GK_CDCS', 'HTTNV', 'ELIGIBLE'],
    ['GK_CDCS', 'HTNV', 'NOT_ELIGIBLE'],
    ['GK_CD_CAP_TREN', 'HTTNV', 'ELIGIBLE'],
    ['DVCD_XS', 'HTTNV', 'NOT_ELIGIBLE'],
    ['DVCD_XS', 'HTXSNV', 'ELIGIBLE'],
  ] as const)('%s with %s → %s', (target, rating, status) => {
    expect(evaluate(request(target, 2024, person({ ratings: ratings(2024, rating) }))).status).toBe(status);
  });
});
