// Statutory time limits of complaints about commendation (issue 9, item 5). Sources: RULES.md §9 —
// Luật Khiếu nại 2011 Điều 9 (filing within 90 days of receiving or learning of the decision, time
// lost to illness, disaster… excluded), Điều 28 (first instance: 30 days from acceptance, 45 for a
// complex case or a remote area, 60 for both), Điều 37 (second instance: 45 / 60 / 60 / 70), and the
// window to go to second instance after the first-instance deadline (30 days, 45 in a remote area);
// the same figures are in the union's QĐ 333/QĐ-TLĐ (2020). Every figure is a parameter with these
// defaults.
//
// Counting: a period in days starts the day after the event (Bộ luật Dân sự 2015 Điều 147), so the
// deadline is the event's date + N days; when that last day is not a working day the period ends on
// the next working day (Điều 148) — `rollToWorkingDay`, on by default. Days are calendar days unless
// `dayKind` is WORKING.
import { addCalendarDays, addWorkingDays, isWorkingDay, nextWorkingDay, toDayNumber, type WorkCalendar } from '../nominations/working-days';

export const COMPLAINT_STEPS = ['FILING', 'FIRST_INSTANCE', 'APPEAL_WINDOW', 'SECOND_INSTANCE'] as const;
export type ComplaintStep = (typeof COMPLAINT_STEPS)[number];

/** Days allowed, by whether the case is complex and whether the complainant lives in a remote area. */
export interface DaysByCase {
  normal: number;
  complex: number;
  remote: number;
  remoteComplex: number;
}

export interface ComplaintTimeLimits {
  filing: DaysByCase;
  firstInstance: DaysByCase;
  appealWindow: DaysByCase;
  secondInstance: DaysByCase;
  dayKind: 'CALENDAR' | 'WORKING';
  rollToWorkingDay: boolean;
  /** A deadline this many days away or fewer is "due soon". */
  dueSoonDays: number;
  /** Denunciations (Luật Tố cáo 2018, Điều 30) — [uncertain]: RULES §9 has not verified these figures. */
  denunciation: DenunciationLimits;
}

/** Tố cáo: `days` from acceptance, each extension adds up to `extensionDays`; how many extensions a case may have. */
export interface DenunciationLimits {
  days: number;
  extensionDays: number;
  /** A complex case (vụ việc phức tạp). */
  extensionsComplex: number;
  /** An especially complex case (vụ việc đặc biệt phức tạp). */
  extensionsEspeciallyComplex: number;
}

const same = (n: number): DaysByCase => ({ normal: n, complex: n, remote: n, remoteComplex: n });

export const DEFAULT_COMPLAINT_TIME_LIMITS: ComplaintTimeLimits = Object.freeze({
  filing: same(90),
  firstInstance: { normal: 30, complex: 45, remote: 45, remoteComplex: 60 },
  appealWindow: { normal: 30, complex: 30, remote: 45, remoteComplex: 45 },
  secondInstance: { normal: 45, complex: 60, remote: 60, remoteComplex: 70 },
  dayKind: 'CALENDAR',
  rollToWorkingDay: true,
  dueSoonDays: 5,
  denunciation: { days: 30, extensionDays: 30, extensionsComplex: 1, extensionsEspeciallyComplex: 2 },
}) as ComplaintTimeLimits;

export const DENUNCIATION_SOURCE = 'Luật Tố cáo 2018, Điều 30';

/** The article each step's limit comes from (shown with the deadline). */
export const STEP_SOURCE: Record<ComplaintStep, string> = {
  FILING: 'Luật Khiếu nại 2011, Điều 9',
  FIRST_INSTANCE: 'Luật Khiếu nại 2011, Điều 28',
  APPEAL_WINDOW: 'Luật Khiếu nại 2011 (thời hạn khiếu nại lần hai)',
  SECOND_INSTANCE: 'Luật Khiếu nại 2011, Điều 37',
};

export interface CaseFlags {
  complex: boolean;
  remote: boolean;
}

const STEP_KEY: Record<ComplaintStep, keyof Pick<ComplaintTimeLimits, 'filing' | 'firstInstance' | 'appealWindow' | 'secondInstance'>> = {
  FILING: 'filing',
  FIRST_INSTANCE: 'firstInstance',
  APPEAL_WINDOW: 'appealWindow',
  SECOND_INSTANCE: 'secondInstance',
};

export function daysAllowed(step: ComplaintStep, flags: CaseFlags, limits: ComplaintTimeLimits = DEFAULT_COMPLAINT_TIME_LIMITS): number {
  const d = limits[STEP_KEY[step]];
  return flags.remote ? (flags.complex ? d.remoteComplex : d.remote) : flags.complex ? d.complex : d.normal;
}

export interface Deadline {
  step: ComplaintStep;
  /** The event the period runs from: learning of the decision, acceptance, the first-instance deadline. */
  from: string;
  days: number;
  /** Days excluded from the period (illness, natural disaster… for filing). */
  excludedDays: number;
  /** The last day of the period before any roll to a working day. */
  nominal: string;
  deadline: string;
  /** Whether the last day fell on a day off and the deadline moved to the next working day. */
  rolled: boolean;
  source: string;
}

/**
 * The deadline of a step counted from `from`: `from` + the days allowed (+ excluded days), in
 * calendar or working days, then moved to the next working day when it falls on a day off.
 */
export function deadlineOf(step: ComplaintStep, from: string, flags: CaseFlags, cal: WorkCalendar, limits: ComplaintTimeLimits = DEFAULT_COMPLAINT_TIME_LIMITS, excludedDays = 0): Deadline {
  if (!Number.isInteger(excludedDays) || excludedDays < 0) throw new RangeError(`excludedDays must be a whole number ≥ 0, not ${excludedDays}`);
  const days = daysAllowed(step, flags, limits);
  return { step, from, days, excludedDays, ...periodEnd(from, days + excludedDays, cal, limits), source: STEP_SOURCE[step] };
}

/** The last day of a period of `total` days from `from`, moved to the next working day when the parameters say so. */
function periodEnd(from: string, total: number, cal: WorkCalendar, limits: ComplaintTimeLimits): { nominal: string; deadline: string; rolled: boolean } {
  const nominal = limits.dayKind === 'WORKING' ? addWorkingDays(from, total, cal) : addCalendarDays(from, total);
  const rolled = limits.rollToWorkingDay && !isWorkingDay(nominal, cal);
  return { nominal, deadline: rolled ? nextWorkingDay(nominal, cal) : nominal, rolled };
}

// ── Denunciations (Luật Tố cáo 2018) ─────────────────────────────────────────────────────────────

export interface DenunciationDeadline {
  from: string;
  /** Days allowed including the extensions granted. */
  days: number;
  extensions: number;
  nominal: string;
  deadline: string;
  rolled: boolean;
  source: string;
}

/** How many extensions a denunciation may have: none for a plain case, one when complex, two when especially complex. */
export function maxDenunciationExtensions(complex: boolean, especiallyComplex: boolean, limits: ComplaintTimeLimits = DEFAULT_COMPLAINT_TIME_LIMITS): number {
  if (!complex && !especiallyComplex) return 0;
  return especiallyComplex ? limits.denunciation.extensionsEspeciallyComplex : limits.denunciation.extensionsComplex;
}

/** The deadline to resolve a denunciation accepted on `acceptedOn` after `extensions` extensions. */
export function denunciationDeadline(acceptedOn: string, extensions: number, cal: WorkCalendar, limits: ComplaintTimeLimits = DEFAULT_COMPLAINT_TIME_LIMITS): DenunciationDeadline {
  if (!Number.isInteger(extensions) || extensions < 0) throw new RangeError(`extensions must be a whole number ≥ 0, not ${extensions}`);
  const days = limits.denunciation.days + extensions * limits.denunciation.extensionDays;
  return { from: acceptedOn, days, extensions, ...periodEnd(acceptedOn, days, cal, limits), source: DENUNCIATION_SOURCE };
}

// ── Going to second instance (Luật Khiếu nại 2011, Điều 33) ──────────────────────────────────────

export interface SecondInstanceWindow {
  /** The first day a second-instance complaint may be received. */
  opensOn: string;
  /** The last day (the window's deadline). */
  closesOn: string;
  /** Why it opened: the first-instance resolution, or its deadline passing unresolved. */
  reason: 'RESOLVED' | 'OVERDUE';
}

/**
 * When a complainant may go to second instance after a first-instance complaint: from the day of
 * the resolution (RESOLVED), or from the day after the first-instance deadline when it passed
 * unresolved (ACCEPTED), for the APPEAL_WINDOW days (30, 45 in a remote area). None for a complaint
 * that was never accepted, not accepted or withdrawn.
 */
export function secondInstanceWindow(
  first: { status: string; acceptedOn: string | null; closedOn: string | null },
  flags: CaseFlags,
  cal: WorkCalendar,
  limits: ComplaintTimeLimits = DEFAULT_COMPLAINT_TIME_LIMITS,
): SecondInstanceWindow | null {
  if (first.status === 'RESOLVED' && first.closedOn) {
    return { opensOn: first.closedOn, closesOn: deadlineOf('APPEAL_WINDOW', first.closedOn, flags, cal, limits).deadline, reason: 'RESOLVED' };
  }
  if (first.status === 'ACCEPTED' && first.acceptedOn) {
    const due = deadlineOf('FIRST_INSTANCE', first.acceptedOn, flags, cal, limits).deadline;
    return { opensOn: addCalendarDays(due, 1), closesOn: deadlineOf('APPEAL_WINDOW', due, flags, cal, limits).deadline, reason: 'OVERDUE' };
  }
  return null;
}

/** Whether a second-instance complaint received on `receivedOn` falls in the window. */
export const inWindow = (w: SecondInstanceWindow, receivedOn: string): boolean => receivedOn >= w.opensOn && receivedOn <= w.closesOn;

export type DeadlineState = 'ON_TIME' | 'DUE_SOON' | 'OVERDUE';

/** How a deadline stands on `today`: days left (negative when passed) and its state. */
export function deadlineState(deadline: string, today: string, limits: ComplaintTimeLimits = DEFAULT_COMPLAINT_TIME_LIMITS): { daysLeft: number; state: DeadlineState } {
  const daysLeft = toDayNumber(deadline) - toDayNumber(today);
  return { daysLeft, state: daysLeft < 0 ? 'OVERDUE' : daysLeft <= limits.dueSoonDays ? 'DUE_SOON' : 'ON_TIME' };
}

/** Whether a complaint filed on `filedOn` about a decision learnt of on `learnedOn` is within the filing limit. */
export function filedInTime(learnedOn: string, filedOn: string, cal: WorkCalendar, limits: ComplaintTimeLimits = DEFAULT_COMPLAINT_TIME_LIMITS, excludedDays = 0): boolean {
  return toDayNumber(filedOn) <= toDayNumber(deadlineOf('FILING', learnedOn, { complex: false, remote: false }, cal, limits, excludedDays).deadline);
}
