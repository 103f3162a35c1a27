// Builders and fast-check arbitraries shared by the scoring tests (not part of the public API).
import fc from 'fast-check';
import { fromUnits, toUnits } from './points';
import type { Criterion, ScorecardTemplate, Section, SectionKind } from './template';

export const crit = (code: string, maxPoints: number, step = 0.25, extra: Partial<Criterion> = {}): Criterion => ({ code, text: `Tiêu chí ${code}`, maxPoints, step, evidenceRequired: false, ...extra });
export const sect = (code: string, kind: SectionKind, maxPoints: number, criteria: Criterion[], extra: Partial<Section> = {}): Section => ({ code, title: `Mục ${code}`, kind, maxPoints, criteria, ...extra });
export const tpl = (sections: Section[], totalPoints: number, extra: Partial<ScorecardTemplate> = {}): ScorecardTemplate => ({ code: 'T', version: 1, nameVi: 'Mẫu thử', subject: 'UNIT', totalPoints, sections, ...extra });

/** Steps (in hundredths) the generated criteria use. */
const STEPS = [10, 25, 50, 100];

const criteriaArb = (prefix: string, min: number, max: number) =>
  fc.array(fc.record({ step: fc.constantFrom(...STEPS), n: fc.integer({ min: 1, max: 40 }) }), { minLength: min, maxLength: max }).map((cs) => cs.map((c, i) => crit(`${prefix}.${i + 1}`, fromUnits(c.step * c.n), fromUnits(c.step))));

const capped = (code: string, kind: SectionKind) =>
  fc.tuple(criteriaArb(code, 1, 4), fc.integer({ min: 1, max: 100 })).map(([criteria, pct]) => {
    const sum = criteria.reduce((s, c) => s + toUnits(c.maxPoints)!, 0);
    const largest = Math.max(...criteria.map((c) => toUnits(c.maxPoints)!));
    return sect(code, kind, fromUnits(Math.max(largest, Math.floor((sum * pct) / 100))), criteria);
  });

/** A valid template: 1–4 regular sections, an optional bonus and an optional deduction section. */
export const templateArb: fc.Arbitrary<ScorecardTemplate> = fc
  .tuple(fc.array(criteriaArb('R', 1, 6), { minLength: 1, maxLength: 4 }), fc.option(capped('B', 'BONUS'), { nil: undefined }), fc.option(capped('D', 'DEDUCTION'), { nil: undefined }))
  .map(([regular, bonus, deduction]) => {
    const sections = regular.map((criteria, i) =>
      sect(
        `S${i + 1}`,
        'REGULAR',
        fromUnits(criteria.reduce((s, c) => s + toUnits(c.maxPoints)!, 0)),
        criteria.map((c) => ({ ...c, code: `S${i + 1}${c.code}` })),
      ),
    );
    if (bonus) sections.push(bonus);
    if (deduction) sections.push(deduction);
    const total = sections.filter((s) => s.kind !== 'DEDUCTION').reduce((s, x) => s + toUnits(x.maxPoints)!, 0);
    return tpl(sections, fromUnits(total));
  });

/** Valid points for a criterion: k × step with 0 ≤ k ≤ max/step, built in hundredths. */
export const validPointsArb = (c: Criterion) => fc.integer({ min: 0, max: toUnits(c.maxPoints)! / toUnits(c.step)! }).map((k) => fromUnits(k * toUnits(c.step)!));

export const allCriteria = (t: ScorecardTemplate) => t.sections.flatMap((s) => s.criteria.map((c) => ({ section: s, criterion: c })));

/** A template with a full, valid sheet. */
export const sheetArb = templateArb.chain((t) =>
  fc.tuple(fc.constant(t), fc.tuple(...allCriteria(t).map(({ criterion }) => validPointsArb(criterion).map((p) => [criterion.code, p] as [string, number])))).map(([tt, pairs]) => ({ t: tt, entries: new Map<string, number | null>(pairs) })),
);
