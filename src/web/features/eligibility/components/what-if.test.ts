import { describe, expect, it } from 'vitest';
import { candidateFacts, type PersonFacts } from '../../../../contracts/eligibility';
import { evaluate } from '../../../../domain/eligibility';
import { applyDrafts, isComplete, newDraft, type Draft } from './what-if';

const stored = candidateFacts.parse({
  subject: 'INDIVIDUAL',
  serviceStartDate: '2015-03-01',
  ratings: [{ id: 7, year: 2024, rating: 'HTTNV' }, { id: 8, year: 2023, rating: 'HTXSNV' }],
}) as PersonFacts;

describe('what-if drafts', () => {
  it('ignores drafts until their required values are filled in', () => {
    const rating = newDraft('RATING', 1, 2024);
    const discipline = newDraft('DISCIPLINE', 2, 2024);
    expect(isComplete(rating)).toBe(false);
    expect(applyDrafts(stored, [rating, discipline])).toEqual(stored);
    expect(isComplete({ ...discipline, level: 'CANH_CAO', from: '2024-05-01', to: '2024-04-01' } as Draft)).toBe(false);
  });

  it('replaces the stored rating of the same year and leaves the stored facts untouched', () => {
    const draft: Draft = { uid: 3, kind: 'RATING', year: 2024, rating: 'HTXSNV' };
    const out = applyDrafts(stored, [draft]);
    expect(out.ratings).toEqual([{ id: 8, year: 2023, rating: 'HTXSNV' }, { id: 'draft-3', year: 2024, rating: 'HTXSNV' }]);
    expect(stored.ratings).toHaveLength(2);
    expect(stored.ratings.find((r) => r.year === 2024)?.rating).toBe('HTTNV');
  });

  it('adds awards, initiatives and disciplines as facts the engine reads', () => {
    const drafts: Draft[] = [
      { uid: 1, kind: 'AWARD', year: 2023, code: 'CSTD_CS' },
      { uid: 2, kind: 'INITIATIVE', recognisedOn: '2024-06-01', scope: 'GRASSROOTS' },
      { uid: 3, kind: 'DISCIPLINE', level: 'KHIEN_TRACH', from: '2024-03-01', to: null },
    ];
    const out = applyDrafts(stored, drafts);
    expect(out.awards).toEqual([{ id: 'draft-1', code: 'CSTD_CS', year: 2023 }]);
    expect(out.initiatives).toEqual([{ id: 'draft-2', recognisedOn: '2024-06-01', scope: 'GRASSROOTS', applied: true }]);
    expect(out.disciplines).toEqual([{ id: 'draft-3', level: 'KHIEN_TRACH', from: '2024-03-01' }]);
  });

  it('changes the engine’s answer: an HTXSNV draft makes a CSTĐCS candidate eligible, a discipline draft does not', () => {
    const ask = (candidate: PersonFacts) => evaluate({ target: 'CSTD_CS', year: 2024, candidate }).status;
    expect(ask(stored)).toBe('NOT_ELIGIBLE');
    expect(ask(applyDrafts(stored, [{ uid: 1, kind: 'RATING', year: 2024, rating: 'HTXSNV' }]))).toBe('ELIGIBLE');
    expect(
      ask(applyDrafts(stored, [{ uid: 1, kind: 'RATING', year: 2024, rating: 'HTXSNV' }, { uid: 2, kind: 'DISCIPLINE', level: 'CANH_CAO', from: '2024-02-01', to: null }])),
    ).toBe('NOT_ELIGIBLE');
  });
});
