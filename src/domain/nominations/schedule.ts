// Deadlines of a nomination round (đợt xét, issue 6 item 1), planned backwards from the ceremony.
// Levels are given bottom first (e.g. CĐCS → huyện → tỉnh → TLĐ); the last one decides. All
// durations are working days on the round's calendar (see working-days.ts for the conventions).
//
//   decisionOn              = ceremony − decisionLeadWorkingDays      (top level signs the decision)
//   for each level, top first, with end = decisionOn for the top and the level above's
//   dossiersDueAt for the others:
//     forwardBy             = end             (this level's own deadline: send up, or decide)
//     councilOn             = forwardBy − councilWorkingDays          (meeting + decision/tờ trình)
//     publicPostingStartsOn = councilOn − publicPostingWorkingDays    (top level only, when asked)
//     appraisalEndsOn       = publicPostingStartsOn, or councilOn without posting
//     dossiersDueAt         = appraisalEndsOn − appraisalWorkingDays  (dossiers must have arrived)
//
// "x − n" is subtractWorkingDays: the n-th working day before x, or x itself (moved back to a working
// day) when n = 0. So every date is a working day, and with appraisal ≥ 1 day each level's
// dossiersDueAt is strictly before its forwardBy, which is the level above's dossiersDueAt.
// Invalid input gives `ok: false` with problems; a plan that starts before `today` is still returned,
// with problems naming the deadlines already passed.
import { msg, type NominationsMessage } from './messages';
import { isIsoDate, subtractWorkingDays, validateCalendar, type WorkCalendar } from './working-days';

/** Longest duration accepted for any step (about a working year). */
export const MAX_STEP_WORKING_DAYS = 250;

export interface LevelDurations {
  /** Level code, e.g. 'CDCS', 'HUYEN', 'TINH', 'TLD'. */
  level: string;
  /** Appraisal (thẩm định) at this level, at least 1 working day. */
  appraisalWorkingDays: number;
  /** Council meeting and decision (or tờ trình to the level above) after appraisal; default 0. */
  councilWorkingDays?: number;
}

export interface RoundScheduleInput {
  ceremonyDate: string;
  /** Bottom level first; the last level decides. */
  levels: readonly LevelDurations[];
  /** The top level's decision is signed this many working days before the ceremony. */
  decisionLeadWorkingDays: number;
  /** Public posting at the top level before its council (State-level awards: ≥ 10 working days). */
  publicPostingWorkingDays?: number;
  calendar: WorkCalendar;
  /** When given, deadlines before this date are reported as problems. */
  today?: string;
}

export interface LevelSchedule {
  level: string;
  /** The day dossiers must reach this level. */
  dossiersDueAt: string;
  appraisalEndsOn: string;
  /** Top level with public posting only; otherwise null. */
  publicPostingStartsOn: string | null;
  councilOn: string;
  /** This level's own deadline: the day it must send to the level above (for the top: decide). */
  forwardBy: string;
}

export type RoundSchedule =
  | {
      ok: true;
      ceremonyDate: string;
      decisionOn: string;
      /** Bottom level first, in the order of the input. */
      levels: LevelSchedule[];
      /** Deadlines already passed relative to `today` (empty without `today`). */
      problems: NominationsMessage[];
    }
  | { ok: false; problems: NominationsMessage[] };

export function validateRoundScheduleInput(input: RoundScheduleInput): NominationsMessage[] {
  const problems: NominationsMessage[] = [];
  const duration = (field: string, value: number | undefined, min: number, level?: string) => {
    if (value === undefined || (Number.isInteger(value) && value >= min && value <= MAX_STEP_WORKING_DAYS)) return;
    const params = { field, value: String(value), min, max: MAX_STEP_WORKING_DAYS };
    problems.push(level === undefined ? msg('nominations.schedule.durationInvalid', params) : msg('nominations.schedule.levelDurationInvalid', { ...params, level }));
  };
  if (!isIsoDate(input.ceremonyDate)) problems.push(msg('nominations.schedule.dateInvalid', { field: 'ceremonyDate', value: input.ceremonyDate }));
  if (input.today !== undefined && !isIsoDate(input.today)) problems.push(msg('nominations.schedule.dateInvalid', { field: 'today', value: input.today }));
  if (validateCalendar(input.calendar).length > 0) problems.push(msg('nominations.schedule.calendarInvalid'));
  duration('decisionLeadWorkingDays', input.decisionLeadWorkingDays, 0);
  duration('publicPostingWorkingDays', input.publicPostingWorkingDays, 0);
  if (input.levels.length === 0) problems.push(msg('nominations.schedule.noLevels'));
  const seen = new Set<string>();
  input.levels.forEach((l, index) => {
    const code = l.level.trim();
    if (code === '') problems.push(msg('nominations.schedule.levelMissing', { position: index + 1 }));
    else if (seen.has(code)) problems.push(msg('nominations.schedule.duplicateLevel', { level: code }));
    seen.add(code);
    duration('appraisalWorkingDays', l.appraisalWorkingDays, 1, code);
    duration('councilWorkingDays', l.councilWorkingDays, 0, code);
  });
  return problems;
}

export function planRoundSchedule(input: RoundScheduleInput): RoundSchedule {
  const invalid = validateRoundScheduleInput(input);
  if (invalid.length > 0) return { ok: false, problems: invalid };
  const cal = input.calendar;
  const decisionOn = subtractWorkingDays(input.ceremonyDate, input.decisionLeadWorkingDays, cal);
  const planned: LevelSchedule[] = [];
  let end = decisionOn;
  for (let i = input.levels.length - 1; i >= 0; i--) {
    const l = input.levels[i]!;
    const forwardBy = end;
    const councilOn = subtractWorkingDays(forwardBy, l.councilWorkingDays ?? 0, cal);
    const posting = i === input.levels.length - 1 && (input.publicPostingWorkingDays ?? 0) > 0;
    const publicPostingStartsOn = posting ? subtractWorkingDays(councilOn, input.publicPostingWorkingDays!, cal) : null;
    const appraisalEndsOn = publicPostingStartsOn ?? councilOn;
    const dossiersDueAt = subtractWorkingDays(appraisalEndsOn, l.appraisalWorkingDays, cal);
    planned.unshift({ level: l.level.trim(), dossiersDueAt, appraisalEndsOn, publicPostingStartsOn, councilOn, forwardBy });
    end = dossiersDueAt;
  }
  return { ok: true, ceremonyDate: input.ceremonyDate, decisionOn, levels: planned, problems: pastProblems(planned, input.today) };
}

function pastProblems(levels: readonly LevelSchedule[], today: string | undefined): NominationsMessage[] {
  if (today === undefined) return [];
  const problems: NominationsMessage[] = [];
  const bottom = levels[0]!;
  if (bottom.dossiersDueAt < today) problems.push(msg('nominations.schedule.startsInPast', { level: bottom.level, date: bottom.dossiersDueAt, today }));
  for (const l of levels) {
    if (l.forwardBy < today) problems.push(msg('nominations.schedule.deadlinePassed', { level: l.level, date: l.forwardBy, today }));
  }
  return problems;
}
