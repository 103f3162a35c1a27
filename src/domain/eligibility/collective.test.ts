import { describe, expect, it } from 'vitest';
import type { UnitFacts } from '../../contracts/eligibility';
import { evaluate } from './index';
import { award, person, request, unit } from './test-facts';

const stats = (members: number, ldtt: number, extra: Partial<UnitFacts['stats'][number]> = {}) => ({
  year: 2024,
  members,
  completed: members,
  ldtt,
  cstdcs: 1,
  disciplinedWarningOrAbove: 0,
  ...extra,
});
const rated = (rating: 'HTXSNV' | 'HTTNV' | 'HTNV') => [{ id: 'u24', year: 2024, rating }];

function ruleOutcome(target: string, facts: UnitFacts, ruleId: string) {
  return evaluate(request(target, 2024, facts)).reasons.filter((r) => r.ruleId === ruleId).map((r) => r.outcome);
}

describe('TTLDTT', () => {
  it.each([
    [10, 5, 'FAIL', 'exactly 50 % is not "more than half"'],
    [10, 6, 'PASS', '60 %'],
    [1001, 501, 'PASS', 'just above half'],
    [0, 0, 'FAIL', 'no members'],
  ])('%i members, %i LĐTT → %s (%s)', (members, ldtt, expected) => {
    expect(ruleOutcome('TTLDTT', unit({ ratings: rated('HTTNV'), stats: [stats(members, ldtt)] }), 'TTLDTT.ldttShare')).toEqual([expected]);
  });

  it('a member disciplined at warning or above fails the collective', () => {
    const result = evaluate(request('TTLDTT', 2024, unit({ ratings: rated('HTTNV'), stats: [stats(10, 8, { disciplinedWarningOrAbove: 1 })] })));
    expect(result.status).toBe('NOT_ELIGIBLE');
    expect(result.reasons.find((r) => r.outcome === 'FAIL')?.ruleId).toBe('TTLDTT.discipline');
  });

  it('missing figures are said once and make the result MISSING_EVIDENCE', () => {
    const result = evaluate(request('TTLDTT', 2024, unit({ ratings: rated('HTTNV') })));
    expect(result.status).toBe('MISSING_EVIDENCE');
    const missing = result.reasons.filter((r) => r.outcome === 'MISSING');
    expect(missing.map((r) => r.text)).toEqual(['Chưa có số liệu đoàn viên năm 2024']);
  });
});

describe('TTLDXS', () => {
  it.each([
    [10, 7, 'PASS', 'exactly 70 %'],
    [1000, 699, 'FAIL', '69.9 %'],
    [3, 2, 'FAIL', '66.7 %'],
    [1000, 700, 'PASS', '70.0 %'],
  ])('%i members, %i LĐTT → %s (%s)', (members, ldtt, expected) => {
    expect(ruleOutcome('TTLDXS', unit({ ratings: rated('HTXSNV'), stats: [stats(members, ldtt)] }), 'TTLDXS.ldttShare')).toEqual([expected]);
  });

  it('69,9 % is written with a Vietnamese decimal comma', () => {
    const result = evaluate(request('TTLDXS', 2024, unit({ ratings: rated('HTXSNV'), stats: [stats(1000, 699)] })));
    expect(result.reasons.find((r) => r.ruleId === 'TTLDXS.ldttShare')?.text).toContain('69,9%');
  });

  it.each([
    ['all criteria', unit({ ratings: rated('HTXSNV'), stats: [stats(20, 15)] }), 'ELIGIBLE', []],
    ['one member not completing', unit({ ratings: rated('HTXSNV'), stats: [stats(20, 15, { completed: 19 })] }), 'NOT_ELIGIBLE', ['TTLDXS.completed']],
    ['no CSTĐCS', unit({ ratings: rated('HTXSNV'), stats: [stats(20, 15, { cstdcs: 0 })] }), 'NOT_ELIGIBLE', ['TTLDXS.cstdcs']],
    ['rated HTTNV', unit({ ratings: rated('HTTNV'), stats: [stats(20, 15)] }), 'NOT_ELIGIBLE', ['TTLDXS.rating']],
  ])('%s → %s', (_n, facts, status, failing) => {
    const result = evaluate(request('TTLDXS', 2024, facts));
    expect(result.status).toBe(status);
    expect(result.reasons.filter((r) => r.outcome === 'FAIL').map((r) => r.ruleId)).toEqual(failing);
  });
});

describe('flags', () => {
  const leads = (level: 'UPPER' | 'PROVINCE' | 'CENTRAL') => [{ id: 'c1', year: 2024, cluster: 'Cụm 3', level }];
  it.each([
    ['CO_THI_DUA_TLD', 'PROVINCE', 'ELIGIBLE'],
    ['CO_THI_DUA_TLD', 'UPPER', 'NOT_ELIGIBLE'],
    ['CO_THI_DUA_LDLD', 'UPPER', 'ELIGIBLE'],
    ['CO_THI_DUA_LDLD', 'CENTRAL', 'NOT_ELIGIBLE'],
    ['CO_THI_DUA_CP', 'CENTRAL', 'ELIGIBLE'],
    ['CO_THI_DUA_CP', 'UPPER', 'NOT_ELIGIBLE'],
  ] as const)('%s led at %s level → %s', (target, level, status) => {
    expect(evaluate(request(target, 2024, unit({ ratings: rated('HTXSNV'), clusterLeads: leads(level) }))).status).toBe(status);
  });

  it('Cờ thi đua Chính phủ: provisional without a TLĐ flag, and the council note', () => {
    const without = evaluate(request('CO_THI_DUA_CP', 2024, unit({ ratings: rated('HTXSNV'), clusterLeads: leads('PROVINCE') })));
    expect(without.reasons.filter((r) => r.ruleId === 'CO_THI_DUA_CP.flag').map((r) => r.messageKey)).toEqual(['elig.cpFlag.provisional', 'elig.cpFlag.council']);
    const withFlag = evaluate(request('CO_THI_DUA_CP', 2024, unit({ ratings: rated('HTXSNV'), clusterLeads: leads('PROVINCE'), awards: [award('CO_THI_DUA_TLD', 2024)] })));
    expect(withFlag.reasons.filter((r) => r.ruleId === 'CO_THI_DUA_CP.flag').map((r) => r.outcome)).toEqual(['PASS', 'INFO']);
  });

  it.each([
    ['CDCS_HTXSNV', 'HTXSNV', 'ELIGIBLE'],
    ['TO_CD_VUNG_MANH', 'HTTNV', 'NOT_ELIGIBLE'],
    ['BK_TLD_TT', 'HTTNV', 'ELIGIBLE'],
    ['BK_LDLD_TT', 'HTNV', 'NOT_ELIGIBLE'],
    ['GK_CD_CAP_TREN_TT', 'HTTNV', 'ELIGIBLE'],
  ] as const)('%s rated %s → %s', (target, rating, status) => {
    expect(evaluate(request(target, 2024, unit({ ratings: rated(rating) }))).status).toBe(status);
  });
});

describe('common rules', () => {
  const goodPerson = (extra = {}) => person({ ratings: [{ id: 'r', year: 2024, rating: 'HTTNV' }], ...extra });

  it.each([
    ['closed the day before the reference date', '2024-12-30', 'PASS'],
    ['closed on the reference date', '2024-12-31', 'PASS'],
    ['closed the day after', '2025-01-01', 'FAIL'],
    ['still open', undefined, 'FAIL'],
  ])('pending case %s → %s', (_n, closedOn, expected) => {
    const facts = goodPerson({ pendingCases: [{ id: 'p', kind: 'COMPLAINT', openedOn: '2024-10-10', ...(closedOn ? { closedOn } : {}) }] });
    const reasons = evaluate(request('LDTT', 2024, facts)).reasons.filter((r) => r.ruleId === 'COMMON.pending');
    expect(reasons.map((r) => r.outcome)).toEqual([expected]);
    if (expected === 'FAIL') expect(reasons[0]?.text).toBe('Đang trong thời gian xem xét giải quyết khiếu nại (mở ngày 10/10/2024); chưa được khen thưởng hoặc đề nghị khen thưởng');
  });

  it('a case opened after the reference date is not pending yet', () => {
    const facts = goodPerson({ pendingCases: [{ id: 'p', kind: 'INSPECTION', openedOn: '2025-01-02' }] });
    expect(evaluate(request('LDTT', 2024, facts)).status).toBe('ELIGIBLE');
  });

  it('pending is verified in VN-2025 only', () => {
    const at = (ref: string) => evaluate(request('LDTT', 2024, goodPerson(), { referenceDate: ref })).reasons.find((r) => r.ruleId === 'COMMON.pending')?.verified;
    expect(at('2025-07-01')).toBe(true);
    expect(at('2024-12-31')).toBe(false);
  });

  it.each([
    ['ENDED on the reference date', 'ENDED', '2024-12-31', 'NOT_ELIGIBLE'],
    ['MERGED before', 'MERGED', '2024-07-01', 'NOT_ELIGIBLE'],
    ['ENDED after the reference date', 'ENDED', '2025-01-01', 'ELIGIBLE'],
    ['ENDED without a date', 'ENDED', undefined, 'MISSING_EVIDENCE'],
  ] as const)('unit %s → %s', (_n, status, endedOn, expected) => {
    const facts = unit({ status, ...(endedOn ? { endedOn } : {}), ratings: rated('HTXSNV') });
    expect(evaluate(request('CDCS_HTXSNV', 2024, facts)).status).toBe(expected);
  });

  it('an award already held for the same year is a duplicate, quoting the decision', () => {
    const facts = goodPerson({ awards: [award('LDTT', 2024, { decisionNumber: '12/QĐ-CĐ' })] });
    const result = evaluate(request('LDTT', 2024, facts));
    expect(result.status).toBe('NOT_ELIGIBLE');
    expect(result.reasons.find((r) => r.ruleId === 'COMMON.duplicate')?.text).toBe('Đã được tặng LĐTT năm 2024 (QĐ số 12/QĐ-CĐ)');
  });

  it('union: a thematic award of the same level in the same year bars a merit award (switchable)', () => {
    const facts = person({ ratings: [{ id: 'r', year: 2024, rating: 'HTXSNV' }], awards: [award('BK_CHUYEN_DE_TLD', 2024)] });
    const result = evaluate(request('BANG_LDST', 2024, { ...facts, isLeader: true, initiatives: [{ id: 'i', recognisedOn: '2024-03-01', scope: 'GRASSROOTS', applied: true, benefitValueVnd: 300_000_000 }] }));
    expect(result.reasons.find((r) => r.ruleId === 'COMMON.meritVsThematic')?.outcome).toBe('FAIL');
    const off = evaluate(request('BANG_LDST', 2024, { ...facts, isLeader: true, initiatives: [{ id: 'i', recognisedOn: '2024-03-01', scope: 'GRASSROOTS', applied: true, benefitValueVnd: 300_000_000 }] }, { parameters: { 'COMMON.meritVsThematic.enabled': false } }));
    expect(off.status).toBe('ELIGIBLE');
  });

  it('registration is checked only when the parameter requires it', () => {
    const facts = goodPerson();
    expect(evaluate(request('LDTT', 2024, facts)).status).toBe('ELIGIBLE');
    const required = { parameters: { 'COMMON.registration.required': true } };
    expect(evaluate(request('LDTT', 2024, facts, required)).status).toBe('NOT_ELIGIBLE');
    expect(evaluate(request('LDTT', 2024, goodPerson({ registrations: [{ id: 'g', year: 2024, code: 'LDTT' }] }), required)).status).toBe('ELIGIBLE');
  });

  it('wrong subject is NOT_ELIGIBLE with one clear reason', () => {
    const result = evaluate(request('TTLDXS', 2024, goodPerson()));
    expect(result.status).toBe('NOT_ELIGIBLE');
    expect(result.reasons.map((r) => r.text)).toEqual(['Tập thể lao động xuất sắc chỉ xét cho tập thể; hồ sơ này là của cá nhân']);
    expect(evaluate(request('LDTT', 2024, unit())).reasons[0]?.messageKey).toBe('elig.subject.individualOnly');
  });

  it('an award without rules answers MISSING_EVIDENCE, asking for an officer', () => {
    const result = evaluate(request('HC_LD_3', 2024, goodPerson()));
    expect(result.status).toBe('MISSING_EVIDENCE');
    expect(result.reasons.find((r) => r.ruleId === 'COMMON.noRules')?.text).toContain('Chưa có quy tắc xét cho hình thức này');
    expect(evaluate(request('NOT_A_CODE', 2024, goodPerson())).status).toBe('MISSING_EVIDENCE');
  });

  it('VN-2025 lists thematic awards it ignored for a chain', () => {
    const facts = person({ awards: [award('CSTD_CS', 2024, { kind: 'THEMATIC' }), award('CSTD_CS', 2023)] });
    const result = evaluate(request('BK_TLD', 2024, facts, { referenceDate: '2025-07-01' }));
    const info = result.reasons.find((r) => r.ruleId === 'COMMON.notCounted');
    expect(info?.outcome).toBe('INFO');
    expect(info?.evidence).toEqual(['a-CSTD_CS-2024']);
    expect(info?.verified).toBe(true);
  });
});
