// How much history a target's rules read: a batch loads only that (set-based, from the database),
// which is most of the cost of a batch. `windowedFacts` applies the same cut in memory; a property
// test checks that the verdict and every reason are the same with the cut as without it.
import type { CandidateFacts } from '../../contracts/eligibility';
import { resolveParameters } from './parameters';
import type { ParamValue, ParameterChange } from './types';
import type { AwardDefinition } from '../catalogue/awards';
import { chainCodesFor } from './rules/common';

export interface HistoryWindow {
  /** Years of awards, initiatives, research, registrations and absences read, ending with the year considered. */
  years: number;
  /** Years of ratings read (chains of titles read ratings only for the year considered). */
  ratingYears: number;
  /** Award codes read from every year (a once-only award, or a prior award of any year). */
  allYearCodes: readonly string[];
  /**
   * The only award codes the rules read (the target, the codes its chains count, the thematic
   * awards of its level); absent = every code. Set when the catalogue is known (`historyWindow`).
   */
  awardCodes?: readonly string[];
}

const codes = (v: ParamValue | undefined): string[] => (typeof v === 'string' && v !== '' ? v.split(',').map((c) => c.trim()).filter(Boolean) : []);
const num = (v: ParamValue | undefined, fallback: number) => (typeof v === 'number' && Number.isFinite(v) ? Math.max(1, Math.ceil(v)) : fallback);

/**
 * The history the rules for `target` read, under the parameters in force on `referenceDate`; with
 * the catalogue, also the award codes they read (thematic awards are told apart by catalogue kind:
 * facts read from the database carry no kind of their own).
 */
export function historyWindow(target: string, referenceDate: string, changes?: readonly ParameterChange[], catalogue?: readonly AwardDefinition[]): HistoryWindow {
  const params = resolveParameters(referenceDate, changes);
  const window = windowFor(target, params);
  if (!catalogue) return window;
  const level = catalogue.find((a) => a.code === target)?.level;
  const codes = new Set<string>([target, ...chainCodesFor(target, params), ...window.allYearCodes]);
  for (const a of catalogue) if (a.kind === 'THEMATIC' && a.level === level) codes.add(a.code);
  return { ...window, awardCodes: [...codes].sort() };
}

/** The same from resolved parameters (the engine uses it with what-if overrides applied). */
export function windowFor(target: string, p: Readonly<Record<string, ParamValue>>): HistoryWindow {
  switch (target) {
    case 'CSTD_BO_TINH':
      return { years: num(p['CSTD_BO_TINH.consecutive'], 3), ratingYears: 1, allYearCodes: [] };
    case 'CSTD_TQ':
      // Two CSTĐ cấp tỉnh titles at most `maxGapYears` apart, the later within `maxGapYears` of Y.
      return { years: 2 * num(p['CSTD_TQ.maxGapYears'], 3) + 1, ratingYears: 1, allYearCodes: [] };
    case 'BK_BO_TINH':
    case 'BK_TLD':
      return { years: num(p['BK.consecutive'], 2), ratingYears: num(p['BK.consecutive'], 2), allYearCodes: [] };
    case 'BK_LDLD':
      return { years: num(p['BK_LDLD.consecutive'], 2), ratingYears: num(p['BK_LDLD.consecutive'], 2), allYearCodes: [] };
    case 'BK_TTG':
      return { years: num(p['BK_TTG.years'], 5) + 1, ratingYears: num(p['BK_TTG.years'], 5) + 1, allYearCodes: codes(p['BK_TTG.priorCodes']) };
    case 'KNC_CD':
      return { years: 1, ratingYears: num(p['KNC_CD.priorYearsCompleted'], 3) + 1, allYearCodes: ['KNC_CD'] };
    case 'BANG_LDST':
      return { years: num(p['BANG_LDST.cumulativeYears'], 3), ratingYears: 1, allYearCodes: [] };
    default:
      return { years: 1, ratingYears: 1, allYearCodes: [] };
  }
}

/** The facts a loader honouring `window` would return for year `year`. */
export function windowedFacts(f: CandidateFacts, year: number, window: HistoryWindow): CandidateFacts {
  const from = year - window.years + 1;
  const fromDate = `${from}-01-01`;
  const ratingsFrom = year - window.ratingYears + 1;
  const codes = window.awardCodes;
  const awards = f.awards.filter((a) => (a.year >= from || window.allYearCodes.includes(a.code)) && (codes === undefined || codes.includes(a.code)));
  const ratings = f.ratings.filter((r) => r.year >= ratingsFrom);
  const registrations = f.registrations.filter((r) => r.year >= from);
  if (f.subject === 'COLLECTIVE') {
    return { ...f, awards, ratings, registrations, stats: f.stats.filter((s) => s.year >= from), clusterLeads: f.clusterLeads.filter((c) => c.year >= from) };
  }
  return {
    ...f,
    awards,
    ratings,
    registrations,
    initiatives: f.initiatives.filter((i) => i.recognisedOn >= fromDate),
    research: f.research.filter((r) => r.acceptedOn >= fromDate),
    absences: f.absences.filter((a) => a.to >= fromDate),
  };
}
