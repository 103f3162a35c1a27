import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { addPoints, formatPoints, fromUnits, isOnStep, toUnits } from './points';
import { applicableCriteria, reviseTemplate, templateKey, validateTemplate, type Criterion, type ScorecardTemplate, type Section } from './template';
import { CDCS_1294, DOAN_VIEN, SHIPPED_TEMPLATES, TO_CONG_DOAN } from './templates';
import { crit, sect, templateArb, tpl } from './test-support';

describe('points arithmetic', () => {
  it.each([
    [0.1, 10],
    [0.25, 25],
    [87.5, 8750],
    [0.1 + 0.2, 30],
    [-1.5, -150],
    [0.125, null],
    [Number.NaN, null],
    [Number.POSITIVE_INFINITY, null],
  ])('toUnits(%s) = %s', (x, units) => {
    expect(toUnits(x)).toBe(units);
  });

  it('adds decimals without drift', () => {
    expect(addPoints(0.1, 0.2)).toBe(0.3);
    expect(addPoints(...Array<number>(10).fill(0.1))).toBe(1);
    expect(addPoints(33.33, 33.33, 33.34)).toBe(100);
  });

  it.each([
    [0.75, 0.25, true],
    [0.3, 0.1, true],
    [0.5, 0.25, true],
    [0.6, 0.25, false],
    [1, 0, false],
    [0.125, 0.25, false],
  ])('isOnStep(%s, %s) = %s', (p, s, ok) => {
    expect(isOnStep(p, s)).toBe(ok);
  });

  it('formats with a decimal comma in Vietnamese', () => {
    expect(formatPoints(87.5)).toBe('87,5');
    expect(formatPoints(87.5, 'en')).toBe('87.5');
    expect(formatPoints(100)).toBe('100');
    expect(formatPoints(0.25)).toBe('0,25');
  });

  it('property: toUnits and fromUnits round-trip every hundredth', () => {
    fc.assert(fc.property(fc.integer({ min: -1_000_000, max: 1_000_000 }), (u) => toUnits(fromUnits(u)) === u));
  });
});

const good = () =>
  tpl(
    [
      sect('A', 'REGULAR', 10, [crit('A1', 6), crit('A2', 4, 0.5)]),
      sect('B', 'BONUS', 2, [crit('B1', 1.5), crit('B2', 1.5)]),
      sect('D', 'DEDUCTION', 3, [crit('D1', 3, 1)]),
    ],
    12,
  );

const keys = (t: ScorecardTemplate) => validateTemplate(t).map((p) => p.key);

describe('validateTemplate', () => {
  it('accepts a well-formed template (deductions do not count in the total)', () => {
    expect(validateTemplate(good())).toEqual([]);
  });

  type Editable = Omit<ScorecardTemplate, 'sections'> & { sections: (Omit<Section, 'criteria'> & { criteria: Criterion[] })[] };
  const edit = (f: (t: Editable) => void) => {
    const t = structuredClone(good()) as Editable;
    f(t);
    return t;
  };

  it.each<[string, ScorecardTemplate, string[]]>([
    ['no code', edit((t) => (t.code = ' ')), ['scoring.template.codeMissing']],
    ['version 0', edit((t) => (t.version = 0)), ['scoring.template.versionInvalid']],
    ['person template with a unit type', edit((t) => Object.assign(t, { subject: 'PERSON', unitVariant: 'STATE' })), ['scoring.template.personWithVariant']],
    ['no sections', tpl([], 10), ['scoring.template.noSections']],
    ['total does not match regular + bonus', edit((t) => (t.totalPoints = 11)), ['scoring.template.totalMismatch']],
    ['total not positive', edit((t) => (t.totalPoints = 0)), ['scoring.template.totalInvalid']],
    ['duplicate section code', edit((t) => (t.sections[2]!.code = 'A')), ['scoring.section.duplicateCode']],
    ['duplicate criterion code across sections', edit((t) => (t.sections[1]!.criteria[0]!.code = 'A1')), ['scoring.criterion.duplicateCode']],
    ['regular criteria do not sum to the section max', edit((t) => (t.sections[0]!.criteria[0]!.maxPoints = 5)), ['scoring.section.sumMismatch']],
    ['regular section may be declared CAPPED', edit((t) => Object.assign(t.sections[0]!, { criteriaSum: 'CAPPED', maxPoints: 9 }, (t.totalPoints = 11))), []],
    ['bonus criteria cannot reach the cap', edit((t) => (t.sections[1]!.maxPoints = 4)), ['scoring.section.capUnreachable', 'scoring.template.totalMismatch']],
    ['deduction criteria cannot reach the cap', edit((t) => (t.sections[2]!.maxPoints = 4)), ['scoring.section.capUnreachable']],
    ['step does not divide the maximum', edit((t) => (t.sections[0]!.criteria[1]!.step = 3)), ['scoring.criterion.stepNotDividing']],
    ['step zero', edit((t) => (t.sections[0]!.criteria[1]!.step = 0)), ['scoring.criterion.stepInvalid']],
    ['step with 3 decimals', edit((t) => (t.sections[0]!.criteria[1]!.step = 0.125)), ['scoring.criterion.stepInvalid']],
    ['criterion max negative', edit((t) => Object.assign(t.sections[2]!.criteria[0]!, { maxPoints: -3 }, (t.sections[2]!.criteria.push(crit('D2', 3)), {}))), ['scoring.criterion.maxInvalid']],
    ['criterion above its section', edit((t) => Object.assign(t.sections[1]!.criteria[0]!, { maxPoints: 2.5 })), ['scoring.criterion.maxAboveSection']],
    ['section max zero', edit((t) => (t.sections[2]!.maxPoints = 0)), ['scoring.section.maxInvalid']],
    ['empty section', edit((t) => (t.sections[2]!.criteria = [])), ['scoring.section.empty']],
    ['criterion for a unit type the template is not for', edit((t) => Object.assign(t, { unitVariant: 'STATE' }, (t.sections[2]!.criteria[0]!.variants = ['ENTERPRISE']), {})), ['scoring.criterion.variantUnreachable', 'scoring.section.capUnreachable']],
  ])('%s', (_name, t, expected) => {
    expect(keys(t)).toEqual(expected);
  });

  it('checks section sums separately for each unit type', () => {
    const t = tpl([sect('A', 'REGULAR', 10, [crit('A1', 6), crit('A2S', 4, 1, { variants: ['STATE'] }), crit('A2E', 3, 1, { variants: ['ENTERPRISE'] })])], 10);
    const problems = validateTemplate(t);
    expect(problems).toEqual([{ key: 'scoring.section.sumMismatch', params: { section: 'A', variant: 'ENTERPRISE', sum: 9, max: 10 } }]);
  });

  it('reports sums exactly with decimal maxima', () => {
    const t = tpl([sect('A', 'REGULAR', 0.3, [crit('A1', 0.1, 0.1), crit('A2', 0.2, 0.1)])], 0.3);
    expect(validateTemplate(t)).toEqual([]);
  });

  it('property: generated templates are valid, and breaking one criterion maximum is always caught', () => {
    fc.assert(
      fc.property(templateArb, (t) => {
        expect(validateTemplate(t)).toEqual([]);
        const broken = structuredClone(t) as ScorecardTemplate & { sections: { criteria: { maxPoints: number }[] }[] };
        broken.sections[0]!.criteria[0]!.maxPoints += 0.01;
        expect(validateTemplate(broken).map((p) => p.key)).toContain('scoring.section.sumMismatch');
      }),
    );
  });
});

describe('shipped templates', () => {
  it.each(SHIPPED_TEMPLATES.map((t) => [t.code, t] as const))('%s passes validateTemplate', (_code, t) => {
    expect(validateTemplate(t)).toEqual([]);
  });

  it('CĐCS 1294: groups 40 / 40 / 15 + 5 bonus = 100, with state and enterprise criteria', () => {
    expect(CDCS_1294.sections.map((s) => [s.code, s.kind, s.maxPoints])).toEqual([
      ['G1', 'REGULAR', 40],
      ['G2', 'REGULAR', 40],
      ['G3', 'REGULAR', 15],
      ['B', 'BONUS', 5],
    ]);
    expect(CDCS_1294.totalPoints).toBe(100);
    const codes = (v: 'STATE' | 'ENTERPRISE') => applicableCriteria(CDCS_1294, v).map((x) => x.criterion.code);
    expect(codes('ENTERPRISE')).toContain('G1.6E');
    expect(codes('ENTERPRISE')).not.toContain('G1.6S');
    expect(codes('STATE')).toContain('G1.5S');
    expect(codes('STATE')).not.toContain('G1.5E');
    for (const c of CDCS_1294.sections.flatMap((s) => s.criteria)) expect(c.text.normalize('NFC')).toBe(c.text);
  });

  it('tổ công đoàn: the 7 items of QĐ 101 total 90, plus a 10-point bonus', () => {
    const tc = TO_CONG_DOAN.sections.find((s) => s.code === 'TC')!;
    expect(tc.criteria.map((c) => c.maxPoints)).toEqual([20, 15, 10, 15, 10, 10, 10]);
    expect(tc.maxPoints).toBe(90);
    expect(TO_CONG_DOAN.sections.find((s) => s.kind === 'BONUS')!.maxPoints).toBe(10);
  });

  it('member: scored by the member and then the union group, "Chấp hành" 25 and "Kết quả công tác" 25', () => {
    expect(DOAN_VIEN.subject).toBe('PERSON');
    expect(DOAN_VIEN.stages).toEqual(['SELF', 'GROUP']);
    expect(DOAN_VIEN.sections.slice(0, 2).map((s) => s.maxPoints)).toEqual([25, 25]);
    expect(DOAN_VIEN.sections.reduce((s, x) => s + x.maxPoints, 0)).toBe(100);
  });
});

describe('versions', () => {
  it('shipped templates are frozen: a published version cannot be edited in place', () => {
    const s = CDCS_1294.sections[0]!;
    expect(() => ((s as { maxPoints: number }).maxPoints = 50)).toThrow(TypeError);
    expect(() => (s.criteria[0] as { maxPoints: number }).maxPoints++).toThrow(TypeError);
    expect(() => (CDCS_1294.sections as unknown as unknown[]).push({})).toThrow(TypeError);
    expect(CDCS_1294.sections[0]!.maxPoints).toBe(40);
  });

  it('reviseTemplate starts an editable next version and leaves the original untouched', () => {
    const next = reviseTemplate(CDCS_1294) as ScorecardTemplate & { sections: { criteria: { maxPoints: number }[] }[] };
    expect(templateKey(next)).toBe('CDCS_1294@2');
    expect(templateKey(CDCS_1294)).toBe('CDCS_1294@1');
    next.sections[0]!.criteria[0]!.maxPoints = 7;
    expect(CDCS_1294.sections[0]!.criteria[0]!.maxPoints).toBe(8);
    expect(validateTemplate(next).map((p) => p.key)).toContain('scoring.section.sumMismatch');
  });
});
