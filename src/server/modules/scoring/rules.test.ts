// The server-side rules of scorecards that are not in the pure core: unit type from the sector,
// and the rendering of core problems in both languages.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { SECTORS } from '../../../contracts/enums';
import { SCORING_MESSAGE_KEYS } from '../../../domain/scoring';
import { variantOfSector } from './rounds.service';
import { problemDtos, renderProblem } from './problems';

describe('variantOfSector', () => {
  it.each([
    ['HCSN', 'STATE'],
    ['TRUONG_HOC', 'STATE'],
    ['DNNN', 'ENTERPRISE'],
    ['NGOAI_NN', 'ENTERPRISE'],
    ['FDI', 'ENTERPRISE'],
    ['KHAC', null],
    [null, null],
  ] as const)('%s → %s', (sector, variant) => {
    expect(variantOfSector(sector)).toBe(variant);
  });
  it('covers every sector', () => {
    for (const s of SECTORS) expect(['STATE', 'ENTERPRISE', null]).toContain(variantOfSector(s));
  });
});

describe('renderProblem', () => {
  it.each([
    [{ key: 'scoring.sheet.offStep', params: { criterion: 'G1.4', points: 2.3, step: 0.25 } }, 'vi', 'Tiêu chí G1.4: 2,3 điểm không đúng bước điểm 0,25.'],
    [{ key: 'scoring.sheet.offStep', params: { criterion: 'G1.4', points: 2.3, step: 0.25 } }, 'en', 'Criterion G1.4: 2.3 points is not a multiple of the step 0.25.'],
    [{ key: 'scoring.sheet.notApplicable', params: { criterion: 'G1.5E', variant: 'STATE' } }, 'vi', 'Tiêu chí G1.5E không áp dụng cho loại đơn vị cơ quan nhà nước, đơn vị sự nghiệp.'],
    [{ key: 'scoring.classify.withheldTop', params: { from: 'HTXSNV', to: 'HTTNV' } }, 'vi', 'Không đáp ứng điều kiện bổ sung của mức Hoàn thành xuất sắc nhiệm vụ, nên xếp mức Hoàn thành tốt nhiệm vụ.'],
    [{ key: 'scoring.classify.disciplined', params: { count: 2, discipline: 'CANH_CAO' } }, 'vi', 'Có 2 đoàn viên bị kỷ luật từ mức Cảnh cáo trở lên.'],
  ] as const)('%j in %s', (m, locale, text) => {
    expect(renderProblem(locale, m)).toBe(text);
  });

  it('leaves no placeholder and no raw code in any core message, whatever the values', () => {
    const params = { criterion: 'A.1', section: 'A', template: 'T', version: 2, variant: 'ENTERPRISE', level: 'HTNV', from: 'HTXSNV', to: 'HTTNV', discipline: 'CANH_CAO', rule: 'NAME', id: '7', field: 'bands', count: 1, percent: 50, criteria: 'A.1' };
    fc.assert(
      fc.property(fc.constantFrom(...SCORING_MESSAGE_KEYS), fc.double({ min: 0, max: 1000, noNaN: true }), fc.constantFrom('vi' as const, 'en' as const), (key, n, locale) => {
        const text = renderProblem(locale, { key, params: { ...params, points: n, max: n, step: n, total: n, sum: n, min: n, sectionMax: n } });
        expect(text).not.toMatch(/\{\w+\}/);
        expect(text).not.toMatch(/\bENTERPRISE\b|\bCANH_CAO\b|\bHTTNV\b/);
        expect(text.normalize('NFC')).toBe(text);
      }),
    );
  });

  it('problemDtos keeps the criterion of each problem', () => {
    expect(problemDtos('vi', [{ key: 'scoring.sheet.missing', params: { criterion: 'B.2' } }, { key: 'scoring.template.noSections', params: {} }]).map((p) => p.criterion)).toEqual(['B.2', null]);
  });
});
