import { describe, expect, it } from 'vitest';
import { rulePackDto } from '../../contracts/eligibility';
import { hasMessage } from '../../contracts/messages';
import { en } from '../../contracts/messages/en';
import { vi } from '../../contracts/messages/vi';
import { AWARD_CODES } from '../catalogue/awards';
import { RULE_IMPLS } from './rules';
import {
  RULE_PACKS,
  defaultReferenceDate,
  describePacks,
  evaluate,
  findParameter,
  packsInForce,
  quotaAllowed,
  quotaFor,
  resolveParameters,
  supportedTargets,
  validateParameterValue,
} from './index';
import type { ParameterChange } from './index';
import { person, ratings, request } from './test-facts';

describe('packs in force', () => {
  it.each([
    ['2010-05-05', ['VN-2017', 'CD-1689']],
    ['2019-11-11', ['VN-2017', 'CD-1689']],
    ['2019-11-12', ['VN-2017', 'CD-1689']],
    ['2023-12-31', ['VN-2017', 'CD-1689']],
    ['2024-01-01', ['VN-2024', 'CD-1689']],
    ['2024-05-28', ['VN-2024', 'CD-1689']],
    ['2024-05-29', ['VN-2024', 'CD-999']],
    ['2025-06-30', ['VN-2024', 'CD-999']],
    ['2025-07-01', ['VN-2025', 'CD-999']],
    ['2030-01-01', ['VN-2025', 'CD-999']],
  ])('%s → %j', (date, ids) => {
    expect(packsInForce(date).map((p) => p.id)).toEqual(ids);
  });

  it('every rule has an implementation, a title in both languages and valid parameter defaults', () => {
    for (const pack of RULE_PACKS) {
      expect(hasMessage(pack.nameKey)).toBe(true);
      for (const rule of pack.rules) {
        expect(RULE_IMPLS[rule.id], rule.id).toBeTypeOf('function');
        expect(hasMessage(rule.title), rule.title).toBe(true);
        for (const def of rule.params) expect(validateParameterValue(def, def.defaultValue), def.key).toBe(true);
      }
    }
  });

  it('parameter keys are unique across the packs in force at any date', () => {
    for (const date of ['2020-01-01', '2024-03-01', '2024-06-01', '2025-08-01']) {
      const keys = packsInForce(date).flatMap((p) => p.rules.flatMap((r) => r.params.map((d) => d.key)));
      expect(new Set(keys).size, date).toBe(keys.length);
    }
  });

  it('English messages exist for every eligibility key and are not copies of the Vietnamese', () => {
    const keys = Object.keys(vi).filter((k) => k.startsWith('elig.'));
    expect(keys.length).toBeGreaterThan(150);
    for (const k of keys) expect((en as Record<string, string>)[k], k).toBeTruthy();
    expect(en['elig.status.ELIGIBLE']).toBe('Eligible');
    expect(vi['elig.status.ELIGIBLE']).toBe('Đủ điều kiện');
    expect(vi['elig.status.NOT_ELIGIBLE']).toBe('Không đủ điều kiện');
    expect(vi['elig.status.MISSING_EVIDENCE']).toBe('Thiếu minh chứng');
  });

  it('supported targets are catalogue codes, without those that have no rules', () => {
    const targets = supportedTargets();
    for (const t of targets) expect(AWARD_CODES).toContain(t);
    expect(targets).toContain('CSTD_CS');
    expect(targets).toContain('TTLDXS');
    expect(targets).not.toContain('HC_LD_3');
    expect(targets).not.toContain('*');
  });
});

describe('parameter resolution', () => {
  const changes: ParameterChange[] = [
    { packId: 'VN-2024', key: 'LDTT.minServiceMonths', value: 8, effectiveFrom: '2024-06-01' },
    { packId: 'VN-2024', key: 'LDTT.minServiceMonths', value: 9, effectiveFrom: '2025-01-01' },
    { packId: 'VN-2024', key: 'CSTD_CS.quota.maxShare', value: 2, effectiveFrom: '2024-01-01' }, // invalid: ignored
    { packId: 'VN-2017', key: 'LDTT.minServiceMonths', value: 1, effectiveFrom: '2024-01-01' }, // other pack: ignored
  ];

  it('default, then the latest change in force on the date, then the what-if', () => {
    expect(resolveParameters('2024-05-31', changes)['LDTT.minServiceMonths']).toBe(6);
    expect(resolveParameters('2024-06-01', changes)['LDTT.minServiceMonths']).toBe(8);
    expect(resolveParameters('2025-03-01', changes)['LDTT.minServiceMonths']).toBe(9);
    expect(resolveParameters('2024-12-31', changes, { 'LDTT.minServiceMonths': 3 })['LDTT.minServiceMonths']).toBe(3);
    expect(resolveParameters('2024-12-31', changes)['CSTD_CS.quota.maxShare']).toBe(0.15);
    expect(resolveParameters('2023-12-31', changes)['LDTT.minServiceMonths']).toBe(10);
  });

  it('a change effective after the reference date is ignored by evaluate; a what-if applies', () => {
    const facts = person({ serviceStartDate: '2024-05-01', ratings: ratings(2024, 'HTTNV') }); // 8 months by 31/12/2024
    const later: ParameterChange[] = [{ packId: 'VN-2024', key: 'LDTT.minServiceMonths', value: 9, effectiveFrom: '2025-01-01' }];
    expect(evaluate(request('LDTT', 2024, facts), { changes: later }).status).toBe('ELIGIBLE');
    const inForce: ParameterChange[] = [{ packId: 'VN-2024', key: 'LDTT.minServiceMonths', value: 9, effectiveFrom: '2024-12-31' }];
    const changed = evaluate(request('LDTT', 2024, facts), { changes: inForce });
    expect(changed.status).toBe('NOT_ELIGIBLE');
    expect(changed.parameters['LDTT.minServiceMonths']).toBe(9);
    const whatIf = evaluate(request('LDTT', 2024, facts, { parameters: { 'LDTT.minServiceMonths': 8 } }), { changes: inForce });
    expect(whatIf.status).toBe('ELIGIBLE');
  });

  it('describes packs with value, default, type and changedFrom', () => {
    const dto = describePacks('2024-12-31', changes);
    for (const pack of dto) expect(rulePackDto.safeParse(pack).success).toBe(true);
    const ldtt = dto[0]?.rules.find((r) => r.id === 'LDTT.service');
    expect(ldtt?.params).toEqual([{ key: 'LDTT.minServiceMonths', value: 8, defaultValue: 6, type: 'integer', changedFrom: '2024-06-01' }]);
    expect(ldtt?.title).toBe('Đủ thời gian công tác trong năm');
    expect(describePacks('2024-12-31', [], 'en')[0]?.rules[0]?.title).toBe('No discipline, investigation, inspection, complaint or denunciation pending');
  });

  it.each([
    ['VN-2024', 'LDTT.minServiceMonths', 6, true],
    ['VN-2024', 'LDTT.minServiceMonths', 6.5, false],
    ['VN-2024', 'LDTT.minServiceMonths', -1, false],
    ['VN-2024', 'LDTT.minServiceMonths', null, false],
    ['VN-2024', 'LDTT.maxAbsenceDays', null, true],
    ['VN-2024', 'CSTD_CS.quota.maxShare', null, true],
    ['VN-2024', 'CSTD_CS.quota.maxShare', 0.2, true],
    ['VN-2024', 'CSTD_CS.quota.maxShare', 1.2, false],
    ['VN-2024', 'CSTD_CS.quota.rounding', 'CEIL', true],
    ['VN-2024', 'CSTD_CS.quota.rounding', 'UP', false],
    ['VN-2024', 'LDTT.minRating', 'HTNV', true],
    ['VN-2024', 'LDTT.minRating', true, false],
    ['VN-2024', 'BK_TTG.priorCodes', 'BK_TLD,BK_BO_TINH', true],
    ['VN-2024', 'BK_TTG.priorCodes', 'bk tld', false],
    ['CD-999', 'COMMON.registration.required', true, true],
    ['CD-999', 'COMMON.registration.required', 'yes', false],
  ] as const)('%s %s = %j valid: %s', (packId, key, value, ok) => {
    const def = findParameter(packId, key);
    expect(def).toBeDefined();
    if (def) expect(validateParameterValue(def, value)).toBe(ok);
  });

  it('unknown parameters are not found', () => {
    expect(findParameter('VN-2024', 'NOPE')).toBeUndefined();
    expect(findParameter('VN-2024', 'COMMON.disciplineReset.enabled')).toBeUndefined();
    expect(findParameter('VN-2025', 'COMMON.disciplineReset.enabled')).toBeDefined();
  });

  it('default reference date is 31 December', () => {
    expect(defaultReferenceDate(2024)).toBe('2024-12-31');
    expect(evaluate(request('LDTT', 2024, person())).referenceDate).toBe('2024-12-31');
  });
});

describe('quota', () => {
  it('CSTD_CS is capped at 15 % of LĐTT by default; other targets have none', () => {
    const q = quotaFor('CSTD_CS', resolveParameters('2024-12-31'));
    expect(q).toEqual({ baseTarget: 'LDTT', maxShare: 0.15, rounding: 'FLOOR' });
    expect(quotaFor('LDTT', resolveParameters('2024-12-31'))).toBeNull();
    expect(quotaFor('CSTD_CS', resolveParameters('2024-12-31', [], { 'CSTD_CS.quota.maxShare': null }))).toBeNull();
  });

  it.each([
    [0, 'FLOOR', 0],
    [6, 'FLOOR', 0],
    [7, 'FLOOR', 1],
    [20, 'FLOOR', 3],
    [100, 'FLOOR', 15],
    [60, 'FLOOR', 9],
    [10, 'ROUND', 2],
    [10, 'CEIL', 2],
    [20, 'CEIL', 3],
    [21, 'CEIL', 4],
  ] as const)('%i LĐTT, %s → %i', (base, rounding, allowed) => {
    expect(quotaAllowed(base, { maxShare: 0.15, rounding })).toBe(allowed);
  });
});
