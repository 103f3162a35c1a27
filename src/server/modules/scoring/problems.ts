// Problems from the scoring core rendered in the user's language: unit types, levels and
// disciplines become their labels, points are formatted ("87,5"), and a list of problems becomes
// one 400 whose details name each criterion.
import type { Locale } from '../../../contracts/enums';
import { t } from '../../../contracts/messages';
import type { ScoringProblemDto } from '../../../contracts/scoring';
import { formatPoints } from '../../../domain/scoring';
import { validation } from '../../lib/errors';

/** A scoring-core message, or one of this module's own (`scoring.api.*`). */
export interface Problem {
  key: string;
  params: Readonly<Record<string, string | number>>;
}

const POINT_PARAMS = new Set(['points', 'max', 'step', 'total', 'sum', 'min', 'sectionMax', 'self']);
const LEVEL_PARAMS = new Set(['level', 'from', 'to']);

export function renderProblem(locale: Locale, m: Problem): string {
  const p: Record<string, string | number> = {};
  for (const [k, v] of Object.entries(m.params)) {
    if (k === 'variant') p[k] = t(locale, `scoring.variant.${v}`);
    else if (LEVEL_PARAMS.has(k)) p[k] = t(locale, `rating.${v}`);
    else if (k === 'discipline') p[k] = t(locale, `disciplineLevel.${v}`);
    else if (POINT_PARAMS.has(k) && typeof v === 'number') p[k] = formatPoints(v, locale);
    else p[k] = v;
  }
  return t(locale, m.key, p);
}

export const problemDtos = (locale: Locale, problems: readonly Problem[]): ScoringProblemDto[] =>
  problems.map((m) => ({ key: m.key, criterion: typeof m.params.criterion === 'string' ? m.params.criterion : null, message: renderProblem(locale, m) }));

/** One 400 for a list of problems: the message lists them all, details.problems has one per problem. */
export function problemsError(locale: Locale, problems: readonly Problem[], key: 'scoring.api.problems' | 'scoring.api.incomplete' = 'scoring.api.problems', field?: string) {
  const dtos = problemDtos(locale, problems);
  return validation(key, { count: dtos.length, list: dtos.map((d) => d.message).join(' ') }, { problems: dtos, ...(field ? { field } : {}) });
}
