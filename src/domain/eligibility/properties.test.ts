import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { PersonFacts } from '../../contracts/eligibility';
import { DISCIPLINE_LEVELS, INITIATIVE_SCOPES, PENDING_CASE_KINDS, RATINGS } from '../../contracts/enums';
import { evaluate, historyWindow, reasonText, windowedFacts } from './index';
import { DEFAULT_AWARDS } from '../catalogue/awards';
import { person, request } from './test-facts';

const TARGETS = ['LDTT', 'CSTD_CS', 'CSTD_BO_TINH', 'CSTD_TQ', 'BK_BO_TINH', 'BK_TLD', 'BK_LDLD', 'BK_TTG', 'KNC_CD', 'BANG_LDST', 'GK_CDCS', 'DVCD_XS', 'HC_LD_3'];
const CHAIN_TARGETS = ['CSTD_BO_TINH', 'CSTD_TQ', 'BK_BO_TINH', 'BK_TLD', 'BK_LDLD', 'BK_TTG'];
const REF_DATES = [undefined, '2023-12-31', '2024-06-01', '2025-07-01', '2026-03-01'];

const year = fc.integer({ min: 2016, max: 2025 });
const date = fc.tuple(year, fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 28 })).map(([y, m, d]) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`);

const rating = fc.record({ id: fc.uuid(), year, rating: fc.constantFrom(...RATINGS) });
const award = fc.record({
  id: fc.uuid(),
  code: fc.constantFrom('CSTD_CS', 'CSTD_BO_TINH', 'BK_TLD', 'BK_BO_TINH', 'KNC_CD', 'LDTT'),
  year,
  kind: fc.constantFrom('MERIT' as const, 'MERIT' as const, 'THEMATIC' as const),
});
const initiative = fc.record({
  id: fc.uuid(),
  recognisedOn: date,
  scope: fc.constantFrom(...INITIATIVE_SCOPES),
  applied: fc.boolean(),
  benefitValueVnd: fc.integer({ min: 0, max: 300_000_000 }),
});
const discipline = fc
  .tuple(fc.uuid(), fc.constantFrom(...DISCIPLINE_LEVELS), date, fc.option(date, { nil: undefined }))
  .map(([id, level, a, b]) => (b === undefined ? { id, level, from: a } : { id, level, from: a < b ? a : b, to: a < b ? b : a }));
const pendingCase = fc
  .tuple(fc.uuid(), fc.constantFrom(...PENDING_CASE_KINDS), date, fc.option(date, { nil: undefined }))
  .map(([id, kind, a, b]) => (b === undefined ? { id, kind, openedOn: a } : { id, kind, openedOn: a < b ? a : b, closedOn: a < b ? b : a }));

const facts: fc.Arbitrary<PersonFacts> = fc
  .record({
    serviceStartDate: fc.option(date, { nil: undefined }),
    isLeader: fc.option(fc.boolean(), { nil: undefined }),
    educationLevel: fc.option(fc.constantFrom('COLLEGE_OR_BELOW' as const, 'UNIVERSITY_OR_ABOVE' as const), { nil: undefined }),
    unionWorkCategory: fc.option(fc.constantFrom('UNION_CADRE' as const, 'UNION_PUBLIC_SERVANT' as const, 'OUTSIDE_CONTRIBUTOR' as const), { nil: undefined }),
    unionWorkYears: fc.option(fc.integer({ min: 0, max: 40 }), { nil: undefined }),
    ratings: fc.array(rating, { maxLength: 12 }),
    awards: fc.array(award, { maxLength: 10 }),
    initiatives: fc.array(initiative, { maxLength: 6 }),
    disciplines: fc.array(discipline, { maxLength: 2 }),
    pendingCases: fc.array(pendingCase, { maxLength: 2 }),
  })
  .map((f) => person(f));

const req = fc.record({ target: fc.constantFrom(...TARGETS), year: fc.integer({ min: 2020, max: 2025 }), ref: fc.constantFrom(...REF_DATES) });

function run(target: string, y: number, ref: string | undefined, f: PersonFacts, locale: 'vi' | 'en' = 'vi') {
  return evaluate(request(target, y, f, ref ? { referenceDate: ref } : {}), { locale });
}

const RUNS = { numRuns: 400 };

describe('properties', () => {
  it('adding a discipline or a pending case never makes a candidate eligible', () => {
    fc.assert(
      fc.property(req, facts, discipline, pendingCase, fc.boolean(), ({ target, year: y, ref }, f, d, p, addDiscipline) => {
        const before = run(target, y, ref, f).status;
        fc.pre(before !== 'ELIGIBLE');
        const more = addDiscipline ? { ...f, disciplines: [...f.disciplines, d] } : { ...f, pendingCases: [...f.pendingCases, p] };
        expect(run(target, y, ref, more).status).not.toBe('ELIGIBLE');
      }),
      RUNS,
    );
  });

  it('an open pending case on the reference date always makes the candidate NOT_ELIGIBLE', () => {
    fc.assert(
      fc.property(req, facts, ({ target, year: y, ref }, f) => {
        const open = { ...f, pendingCases: [{ id: 'open', kind: 'INVESTIGATION' as const, openedOn: '2016-01-01' }] };
        expect(run(target, y, ref, open).status).toBe('NOT_ELIGIBLE');
      }),
      RUNS,
    );
  });

  it('is deterministic and independent of the order of every facts array', () => {
    fc.assert(
      fc.property(req, facts, fc.integer(), ({ target, year: y, ref }, f, seed) => {
        const shuffle = <T>(xs: readonly T[]): T[] => {
          const out = [...xs];
          let s = seed;
          for (let i = out.length - 1; i > 0; i--) {
            s = (s * 1103515245 + 12345) & 0x7fffffff;
            const j = s % (i + 1);
            [out[i], out[j]] = [out[j] as T, out[i] as T];
          }
          return out;
        };
        const shuffled: PersonFacts = {
          ...f,
          ratings: shuffle(f.ratings),
          awards: shuffle(f.awards),
          initiatives: shuffle(f.initiatives),
          disciplines: shuffle(f.disciplines),
          pendingCases: shuffle(f.pendingCases),
        };
        const a = run(target, y, ref, f);
        expect(run(target, y, ref, f)).toEqual(a);
        expect(run(target, y, ref, shuffled)).toEqual(a);
      }),
      RUNS,
    );
  });

  it('chains are monotone: removing an award, rating or initiative never makes a candidate eligible', () => {
    fc.assert(
      fc.property(fc.constantFrom(...CHAIN_TARGETS), fc.integer({ min: 2020, max: 2025 }), fc.constantFrom(...REF_DATES), facts, fc.nat(), fc.constantFrom('awards', 'ratings', 'initiatives'), (target, y, ref, f, pick, what) => {
        const before = run(target, y, ref, f).status;
        fc.pre(before === 'NOT_ELIGIBLE');
        // By design, removing the target award itself (duplicate) or a thematic award (union bar) may help.
        const list = f[what] as readonly { code?: string; kind?: string }[];
        const removable = list.map((x, i) => ({ x, i })).filter(({ x }) => x.code !== target && x.kind !== 'THEMATIC');
        fc.pre(removable.length > 0);
        const drop = removable[pick % removable.length]?.i;
        const fewer = { ...f, [what]: list.filter((_, i) => i !== drop) };
        expect(run(target, y, ref, fewer as PersonFacts).status).not.toBe('ELIGIBLE');
      }),
      RUNS,
    );
  });

  it('every reason has a rendered text and a citation, in both languages', () => {
    fc.assert(
      fc.property(req, facts, fc.constantFrom('vi' as const, 'en' as const), ({ target, year: y, ref }, f, locale) => {
        const result = run(target, y, ref, f, locale);
        expect(result.reasons.length).toBeGreaterThan(0);
        for (const r of result.reasons) {
          expect(r.text.length).toBeGreaterThan(0);
          expect(r.text).not.toBe(r.messageKey);
          expect(r.text).not.toMatch(/\{\w+\}/);
          expect(r.citation.document.length).toBeGreaterThan(0);
          if (locale === 'vi' && r.outcome !== 'PASS') expect(r.text).toMatch(/[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]/i);
        }
      }),
      RUNS,
    );
  });

  it('reading only the history window of the target gives the same verdict and the same reasons', () => {
    fc.assert(
      fc.property(req, facts, ({ target, year: y, ref }, f) => {
        const window = historyWindow(target, ref ?? `${y}-12-31`);
        const cut = windowedFacts(f, y, window) as PersonFacts;
        expect(run(target, y, ref, cut)).toEqual(run(target, y, ref, f));
      }),
      { numRuns: 2000 },
    );
  });

  it('without texts the verdict and reasons are the same, and reasonText renders the same sentence', () => {
    fc.assert(
      fc.property(req, facts, fc.constantFrom('vi' as const, 'en' as const), ({ target, year: y, ref }, f, locale) => {
        const r = request(target, y, f, ref ? { referenceDate: ref } : {});
        const full = evaluate(r, { locale });
        const bare = evaluate(r, { locale, texts: false });
        expect(bare.reasons.every((x) => x.text === '')).toBe(true);
        expect({ ...bare, reasons: bare.reasons.map((x) => ({ ...x, text: reasonText(x, locale) })) }).toEqual(full);
      }),
      RUNS,
    );
  });

  it('reading only the award codes the rules need (kinds from the catalogue) gives the same verdict and reasons', () => {
    const plainAward = fc.record({
      id: fc.uuid(),
      code: fc.constantFrom('CSTD_CS', 'CSTD_BO_TINH', 'BK_TLD', 'BK_BO_TINH', 'KNC_CD', 'LDTT', 'BK_CHUYEN_DE_TLD', 'GK_DOT_XUAT', 'GK_CDCS', 'BK_LDLD', 'CSTD_TQ'),
      year,
    });
    fc.assert(
      fc.property(req, facts, fc.array(plainAward, { maxLength: 12 }), ({ target, year: y, ref }, f, awards) => {
        const full = { ...f, awards };
        const window = historyWindow(target, ref ?? `${y}-12-31`, undefined, DEFAULT_AWARDS);
        expect(window.awardCodes).toContain(target);
        const cut = windowedFacts(full, y, window) as PersonFacts;
        expect(run(target, y, ref, cut)).toEqual(run(target, y, ref, full));
      }),
      { numRuns: 2000 },
    );
  });
});
