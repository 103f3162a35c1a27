import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_AWARDS } from '../catalogue/awards';
import { hasMessage } from '../../contracts/messages';
import { registrationProblems, unitKindMayReceive, type RegistrationAward, type RegistrationContext, type RegistrationSubject } from './rules';

const award = (code: string): RegistrationAward => {
  const a = DEFAULT_AWARDS.find((x) => x.code === code)!;
  return { code, nameVi: a.nameVi, category: a.category, subject: a.subject, active: true };
};
const person: RegistrationSubject = { type: 'PERSON', status: 'ACTIVE', path: '/1/2/3/4/' };
const unit = (orgKind: string): RegistrationSubject => ({ type: 'UNIT', status: 'ACTIVE', path: '/1/2/3/4/', orgKind, orgKindName: orgKind });
const ctx = (o: Partial<RegistrationContext> = {}): RegistrationContext => ({ today: '2025-01-15', year: 2025, movement: null, ...o });
const movement = (status: string, offered: string[], orgPath = '/1/2/3/') => ({ title: 'Xanh – Sạch – Đẹp', status, orgPath, offeredAwards: offered });
const keys = (s: RegistrationSubject, code: string | undefined, c = ctx()) => registrationProblems(s, code ? award(code) : undefined, c).map((p) => p.key);

describe('registrationProblems', () => {
  it.each<[string, RegistrationSubject, string, RegistrationContext, string[]]>([
    ['a member registers LĐTT', person, 'LDTT', ctx(), []],
    ['a member registers CSTĐCS for next year', person, 'CSTD_CS', ctx({ year: 2026 }), []],
    ['a CĐCS registers TTLĐTT', unit('CDCS'), 'TTLDTT', ctx(), []],
    ['a CĐCS registers CĐCS HTXSNV', unit('CDCS'), 'CDCS_HTXSNV', ctx(), []],
    ['a tổ công đoàn registers CĐCS HTXSNV', unit('TO_CD'), 'CDCS_HTXSNV', ctx(), ['registration.kindCannotReceive']],
    ['a tổ công đoàn registers Tổ CĐ vững mạnh', unit('TO_CD'), 'TO_CD_VUNG_MANH', ctx(), []],
    ['a CĐCS registers Tổ CĐ vững mạnh', unit('CDCS'), 'TO_CD_VUNG_MANH', ctx(), ['registration.kindCannotReceive']],
    ['a person registers a collective title', person, 'TTLDTT', ctx(), ['registration.collectiveForPerson']],
    ['a unit registers an individual title', unit('CDCS'), 'LDTT', ctx(), ['registration.individualForUnit']],
    ['a past year', person, 'LDTT', ctx({ year: 2024 }), ['registration.yearPast']],
    ['two years ahead', person, 'LDTT', ctx({ year: 2027 }), ['registration.yearTooFar']],
    ['a form outside a movement', person, 'BK_CHUYEN_DE_TLD', ctx(), ['registration.notATitle']],
    ['a thematic form the movement offers', person, 'BK_CHUYEN_DE_TLD', ctx({ movement: movement('LAUNCHED', ['BK_CHUYEN_DE_TLD']) }), []],
    ['a title the movement does not offer', person, 'LDTT', ctx({ movement: movement('IN_PROGRESS', ['BK_CHUYEN_DE_TLD']) }), ['registration.notOffered']],
    ['a movement still a draft', person, 'LDTT', ctx({ movement: movement('DRAFT', ['LDTT']) }), ['registration.movementNotOpen']],
    ['a closed movement', person, 'LDTT', ctx({ movement: movement('CLOSED', ['LDTT']) }), ['registration.movementNotOpen']],
    ['a movement of another branch', person, 'LDTT', ctx({ movement: movement('LAUNCHED', ['LDTT'], '/1/9/') }), ['registration.movementOutOfScope']],
    ['a member who left', { ...person, status: 'LEFT' }, 'LDTT', ctx(), ['registration.personInactive']],
    ['an ended unit', { ...unit('CDCS'), status: 'ENDED' } as RegistrationSubject, 'TTLDTT', ctx(), ['registration.unitInactive']],
  ])('%s', (_name, subject, code, c, expected) => {
    expect(keys(subject, code, c)).toEqual(expected);
  });

  it('an unknown or retired award is refused with its code', () => {
    expect(registrationProblems(person, undefined, ctx())).toEqual([{ key: 'registration.unknownAward', params: { code: '' }, field: 'awardCode' }]);
    expect(keys(person, undefined)).toEqual(['registration.unknownAward']);
    expect(registrationProblems(person, { ...award('LDTT'), active: false }, ctx()).map((p) => p.params)).toEqual([{ code: 'LDTT' }]);
  });

  it('problems carry the award name and the years one may register for', () => {
    const [kind] = registrationProblems(unit('TO_CD'), award('CDCS_HTXSNV'), ctx());
    expect(kind!.params).toEqual({ award: 'Công đoàn cơ sở hoàn thành xuất sắc nhiệm vụ', kind: 'TO_CD' });
    const [past] = registrationProblems(person, award('LDTT'), ctx({ year: 2020 }));
    expect(past!.params).toEqual({ year: 2020, current: 2025, next: 2026 });
  });

  it('property: a subject may register an award only if it is a title of its kind (outside movements) in the current or next year', () => {
    const kinds = ['TLD', 'LDLD_TINH', 'LDLD_HUYEN', 'CDCS', 'NGHIEP_DOAN', 'CD_BO_PHAN', 'TO_CD'];
    const subjects = fc.oneof(fc.constant(person), fc.constantFrom(...kinds).map(unit));
    fc.assert(
      fc.property(subjects, fc.constantFrom(...DEFAULT_AWARDS.map((a) => a.code)), fc.integer({ min: 2020, max: 2030 }), fc.integer({ min: 2023, max: 2028 }), (s, code, year, todayYear) => {
        const a = award(code);
        const problems = registrationProblems(s, a, ctx({ today: `${todayYear}-03-01`, year }));
        const fitsKind = s.type === 'PERSON' ? a.subject === 'INDIVIDUAL' : a.subject === 'COLLECTIVE' && unitKindMayReceive(code, s.orgKind);
        const allowed = a.category === 'TITLE' && fitsKind && (year === todayYear || year === todayYear + 1);
        expect(problems.length === 0).toBe(allowed);
        for (const p of problems) expect(hasMessage(p.key), p.key).toBe(true);
      }),
    );
  });

  it('property: under an open movement, exactly the offered awards of the right subject pass', () => {
    const codes = DEFAULT_AWARDS.map((a) => a.code);
    fc.assert(
      fc.property(fc.subarray(codes), fc.constantFrom(...codes), (offered, code) => {
        const ok = keys(person, code, ctx({ movement: movement('IN_PROGRESS', offered) })).length === 0;
        expect(ok).toBe(offered.includes(code) && award(code).subject === 'INDIVIDUAL');
      }),
    );
  });
});
