// Builders for tests: complete, valid facts with every array present, as the zod parser would give.
import type { EvaluateRequest, PersonFacts, UnitFacts } from '../../contracts/eligibility';

export function person(overrides: Partial<PersonFacts> = {}): PersonFacts {
  return {
    subject: 'INDIVIDUAL',
    serviceStartDate: '2010-01-01',
    awards: [],
    ratings: [],
    initiatives: [],
    research: [],
    disciplines: [],
    absences: [],
    pendingCases: [],
    registrations: [],
    ...overrides,
  };
}

export function unit(overrides: Partial<UnitFacts> = {}): UnitFacts {
  return {
    subject: 'COLLECTIVE',
    status: 'ACTIVE',
    awards: [],
    ratings: [],
    disciplines: [],
    pendingCases: [],
    registrations: [],
    stats: [],
    clusterLeads: [],
    ...overrides,
  };
}

export function request(target: string, year: number, candidate: PersonFacts | UnitFacts, extra: Partial<EvaluateRequest> = {}): EvaluateRequest {
  return { target, year, candidate, ...extra };
}

type R = PersonFacts['ratings'][number]['rating'];
/** Ratings for consecutive years: ratings(2022, 'HTXSNV', 'HTTNV') → 2022 HTXSNV, 2023 HTTNV. */
export function ratings(from: number, ...values: R[]): PersonFacts['ratings'] {
  return values.map((rating, i) => ({ id: `r${from + i}`, year: from + i, rating }));
}

export function initiative(id: string, recognisedOn: string, scope: PersonFacts['initiatives'][number]['scope'] = 'GRASSROOTS', benefitValueVnd?: number) {
  return { id, recognisedOn, scope, applied: true, ...(benefitValueVnd === undefined ? {} : { benefitValueVnd }) };
}

export function award(code: string, year: number, extra: Partial<PersonFacts['awards'][number]> = {}) {
  return { id: `a-${code}-${year}`, code, year, ...extra };
}
