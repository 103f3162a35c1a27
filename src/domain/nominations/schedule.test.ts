import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { vietnamCalendar } from './holidays';
import { planRoundSchedule, type LevelSchedule, type RoundScheduleInput } from './schedule';
import { fromDayNumber, isWorkingDay, toDayNumber, workingDaysBetween } from './working-days';

const cal2025 = vietnamCalendar([2025]);
const allYears = vietnamCalendar(Array.from({ length: 16 }, (_, i) => 2020 + i));

/**
 * Hand-computed on the 2025 calendar. Working days of April 2025: 1–4, 8–11 (7/4 is Giỗ Tổ),
 * 14–18, 21–25, 28, 29; then 2/5 (30/4 and 1/5 are holidays) and 5/5.
 *   decision   = 5/5 − 1           = 2/5
 *   TLD:  council = 2/5 − 2 = 28/4; posting starts 28/4 − 3 = 23/4; dossiers due 23/4 − 4 = 17/4
 *   TINH: forward 17/4; council 17/4 − 1 = 16/4; dossiers due 16/4 − 2 = 14/4
 *   CDCS: forward 14/4; council 14/4 (0 days); dossiers due 14/4 − 5 = 4/4 (skips 7/4 and a weekend)
 */
const example: RoundScheduleInput = {
  ceremonyDate: '2025-05-05',
  levels: [
    { level: 'CDCS', appraisalWorkingDays: 5 },
    { level: 'TINH', appraisalWorkingDays: 2, councilWorkingDays: 1 },
    { level: 'TLD', appraisalWorkingDays: 4, councilWorkingDays: 2 },
  ],
  decisionLeadWorkingDays: 1,
  publicPostingWorkingDays: 3,
  calendar: cal2025,
};

describe('planning a round backwards from the ceremony', () => {
  it('the hand-computed example across 30/4–1/5, Giỗ Tổ and weekends', () => {
    const plan = planRoundSchedule(example);
    expect(plan).toEqual({
      ok: true,
      ceremonyDate: '2025-05-05',
      decisionOn: '2025-05-02',
      levels: [
        { level: 'CDCS', dossiersDueAt: '2025-04-04', appraisalEndsOn: '2025-04-14', publicPostingStartsOn: null, councilOn: '2025-04-14', forwardBy: '2025-04-14' },
        { level: 'TINH', dossiersDueAt: '2025-04-14', appraisalEndsOn: '2025-04-16', publicPostingStartsOn: null, councilOn: '2025-04-16', forwardBy: '2025-04-17' },
        { level: 'TLD', dossiersDueAt: '2025-04-17', appraisalEndsOn: '2025-04-23', publicPostingStartsOn: '2025-04-23', councilOn: '2025-04-28', forwardBy: '2025-05-02' },
      ],
      problems: [],
    });
  });

  it('a ceremony on a holiday with no lead: the decision is the working day before', () => {
    const plan = planRoundSchedule({ ...example, ceremonyDate: '2025-05-01', decisionLeadWorkingDays: 0, publicPostingWorkingDays: undefined });
    expect(plan.ok && plan.decisionOn).toBe('2025-04-29');
    expect(plan.ok && plan.levels[2]!.publicPostingStartsOn).toBeNull();
  });

  it('deadlines before today are reported, the plan is still returned', () => {
    const plan = planRoundSchedule({ ...example, today: '2025-04-15' });
    expect(plan.ok).toBe(true);
    expect(plan.problems).toEqual([
      { key: 'nominations.schedule.startsInPast', params: { level: 'CDCS', date: '2025-04-04', today: '2025-04-15' } },
      { key: 'nominations.schedule.deadlinePassed', params: { level: 'CDCS', date: '2025-04-14', today: '2025-04-15' } },
    ]);
    expect(planRoundSchedule({ ...example, today: '2025-04-04' }).problems).toEqual([]);
  });

  it('invalid input is refused with every problem and no plan', () => {
    const plan = planRoundSchedule({
      ceremonyDate: '2025-02-30',
      levels: [
        { level: 'CDCS', appraisalWorkingDays: 0 },
        { level: ' CDCS ', appraisalWorkingDays: 2, councilWorkingDays: -1 },
        { level: '  ', appraisalWorkingDays: 1.5 },
      ],
      decisionLeadWorkingDays: 251,
      publicPostingWorkingDays: Number.NaN,
      calendar: { weekendDays: [0, 1, 2, 3, 4, 5, 6], holidays: new Set() },
      today: 'today',
    });
    expect(plan.ok).toBe(false);
    expect(plan.problems).toEqual([
      { key: 'nominations.schedule.dateInvalid', params: { field: 'ceremonyDate', value: '2025-02-30' } },
      { key: 'nominations.schedule.dateInvalid', params: { field: 'today', value: 'today' } },
      { key: 'nominations.schedule.calendarInvalid', params: {} },
      { key: 'nominations.schedule.durationInvalid', params: { field: 'decisionLeadWorkingDays', value: '251', min: 0, max: 250 } },
      { key: 'nominations.schedule.durationInvalid', params: { field: 'publicPostingWorkingDays', value: 'NaN', min: 0, max: 250 } },
      { key: 'nominations.schedule.levelDurationInvalid', params: { field: 'appraisalWorkingDays', value: '0', min: 1, max: 250, level: 'CDCS' } },
      { key: 'nominations.schedule.duplicateLevel', params: { level: 'CDCS' } },
      { key: 'nominations.schedule.levelDurationInvalid', params: { field: 'councilWorkingDays', value: '-1', min: 0, max: 250, level: 'CDCS' } },
      { key: 'nominations.schedule.levelMissing', params: { position: 3 } },
      { key: 'nominations.schedule.levelDurationInvalid', params: { field: 'appraisalWorkingDays', value: '1.5', min: 1, max: 250, level: '' } },
    ]);
    expect(planRoundSchedule({ ...example, levels: [] }).problems.map((p) => p.key)).toEqual(['nominations.schedule.noLevels']);
  });
});

const levelArb = fc.record({
  appraisalWorkingDays: fc.integer({ min: 1, max: 15 }),
  councilWorkingDays: fc.option(fc.integer({ min: 0, max: 5 }), { nil: undefined }),
});
const inputArb = fc.record({
  ceremony: fc.integer({ min: toDayNumber('2021-01-01'), max: toDayNumber('2035-12-31') }).map(fromDayNumber),
  levels: fc.array(levelArb, { minLength: 1, maxLength: 4 }),
  lead: fc.integer({ min: 0, max: 10 }),
  posting: fc.option(fc.integer({ min: 0, max: 15 }), { nil: undefined }),
});
type RawInput = { ceremony: string; levels: { appraisalWorkingDays: number; councilWorkingDays?: number }[]; lead: number; posting?: number };
const toInput = (i: RawInput): RoundScheduleInput => ({
  ceremonyDate: i.ceremony,
  levels: i.levels.map((l, n) => ({ level: `L${n}`, ...l })),
  decisionLeadWorkingDays: i.lead,
  publicPostingWorkingDays: i.posting,
  calendar: allYears,
});
const dates = (l: LevelSchedule) => [l.dossiersDueAt, l.appraisalEndsOn, l.publicPostingStartsOn, l.councilOn, l.forwardBy].filter((d): d is string => d !== null);

describe('schedule properties', () => {
  it('every date is a working day, ordered from bottom to top, with the asked durations', () => {
    fc.assert(
      fc.property(inputArb, (raw) => {
        const input = toInput(raw);
        const plan = planRoundSchedule(input);
        if (!plan.ok) throw new Error('valid input refused');
        expect(plan.decisionOn <= input.ceremonyDate).toBe(true);
        expect(plan.levels.at(-1)!.forwardBy).toBe(plan.decisionOn);
        plan.levels.forEach((l, i) => {
          const d = input.levels[i]!;
          for (const date of dates(l)) expect(isWorkingDay(date, allYears)).toBe(true);
          expect(dates(l)).toEqual([...dates(l)].sort());
          expect(l.dossiersDueAt < l.forwardBy).toBe(true);
          expect(workingDaysBetween(l.dossiersDueAt, l.appraisalEndsOn, allYears)).toBe(d.appraisalWorkingDays);
          expect(workingDaysBetween(l.councilOn, l.forwardBy, allYears)).toBe(d.councilWorkingDays ?? 0);
          if (i > 0) expect(plan.levels[i - 1]!.forwardBy).toBe(l.dossiersDueAt);
          if (i > 0) expect(plan.levels[i - 1]!.dossiersDueAt < l.dossiersDueAt).toBe(true);
        });
      }),
    );
  });

  it('increasing any duration never moves any deadline later', () => {
    const fieldArb = fc.constantFrom('lead', 'posting', 'appraisal', 'council');
    fc.assert(
      fc.property(inputArb, fieldArb, fc.nat(), fc.integer({ min: 1, max: 10 }), (raw, field, which, extra) => {
        const base = toInput(raw);
        const i = which % raw.levels.length;
        const levels = base.levels.map((l, n) => {
          if (n !== i) return l;
          if (field === 'appraisal') return { ...l, appraisalWorkingDays: l.appraisalWorkingDays + extra };
          if (field === 'council') return { ...l, councilWorkingDays: (l.councilWorkingDays ?? 0) + extra };
          return l;
        });
        const longer: RoundScheduleInput = {
          ...base,
          levels,
          decisionLeadWorkingDays: base.decisionLeadWorkingDays + (field === 'lead' ? extra : 0),
          publicPostingWorkingDays: (base.publicPostingWorkingDays ?? 0) + (field === 'posting' ? extra : 0),
        };
        const a = planRoundSchedule(base);
        const b = planRoundSchedule(longer);
        if (!a.ok || !b.ok) throw new Error('valid input refused');
        expect(b.decisionOn <= a.decisionOn).toBe(true);
        a.levels.forEach((l, n) => {
          const m = b.levels[n]!;
          expect(m.dossiersDueAt <= l.dossiersDueAt && m.appraisalEndsOn <= l.appraisalEndsOn).toBe(true);
          expect(m.councilOn <= l.councilOn && m.forwardBy <= l.forwardBy).toBe(true);
        });
      }),
    );
  });
});
