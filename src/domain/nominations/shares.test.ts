import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SHARES_MESSAGE_KEYS, whatIf, type ListLine } from './shares';

function line(over: Partial<ListLine> = {}): ListLine {
  return { awardCode: 'LDTT', subjectKind: 'PERSON', isLeader: false, isDirectWorker: false, gender: 'MALE', eligible: true, ...over };
}
const times = (n: number, l: ListLine) => Array.from({ length: n }, () => l);

const lineArb: fc.Arbitrary<ListLine> = fc.record({
  awardCode: fc.constantFrom('LDTT', 'CSTD_CS', 'GK_CDCS', 'TTLDTT'),
  subjectKind: fc.constantFrom('PERSON' as const, 'UNIT' as const),
  isLeader: fc.option(fc.boolean()),
  isDirectWorker: fc.option(fc.boolean()),
  gender: fc.option(fc.constantFrom('MALE' as const, 'FEMALE' as const)),
  eligible: fc.boolean(),
});
const shareArb = fc.option(fc.double({ min: 0, max: 1, noNaN: true }));

describe('what-if on a list', () => {
  it('a worked example', () => {
    const lines = [
      ...times(3, line({ awardCode: 'CSTD_CS', isLeader: true, gender: 'FEMALE' })),
      ...times(2, line({ awardCode: 'CSTD_CS', isDirectWorker: true })),
      ...times(4, line({ isDirectWorker: true, gender: 'FEMALE' })),
      line({ isLeader: null, isDirectWorker: null, gender: null, eligible: false }),
      line({ awardCode: 'TTLDTT', subjectKind: 'UNIT', isLeader: null, isDirectWorker: null, gender: null }),
    ];
    const allowed = (code: string) => (code === 'CSTD_CS' ? 3 : code === 'LDTT' ? 10 : null);
    expect(whatIf(lines, { allowed, minNonLeaderShare: 0.7, minDirectWorkerShare: 0.5 })).toEqual({
      total: 11,
      persons: 10,
      units: 1,
      leaders: 4, // 3 leaders + 1 unknown
      nonLeaders: 6,
      directWorkers: 6,
      women: 7,
      notEligible: 1,
      nonLeaderShare: 0.6,
      directWorkerShare: 0.6,
      womenShare: 0.7,
      byAward: [
        { awardCode: 'CSTD_CS', proposed: 5, allowed: 3, over: 2 },
        { awardCode: 'LDTT', proposed: 5, allowed: 10, over: 0 },
        { awardCode: 'TTLDTT', proposed: 1, allowed: null, over: 0 },
      ],
      warnings: [
        { messageKey: 'nominations.shares.overQuota', params: { awardCode: 'CSTD_CS', proposed: 5, allowed: 3, over: 2 } },
        { messageKey: 'nominations.shares.nonLeaderShareLow', params: { share: 60, min: 70, count: 6, persons: 10 } },
        { messageKey: 'nominations.shares.leaderUnknown', params: { count: 1 } },
        { messageKey: 'nominations.shares.directWorkerUnknown', params: { count: 1 } },
        { messageKey: 'nominations.shares.notEligible', params: { count: 1 } },
      ],
    });
  });

  it('no persons: shares are null and no minimum is checked', () => {
    const w = whatIf([line({ subjectKind: 'UNIT', awardCode: 'TTLDTT' })], { minNonLeaderShare: 0.5, minDirectWorkerShare: 0.5 });
    expect([w.nonLeaderShare, w.directWorkerShare, w.womenShare]).toEqual([null, null, null]);
    expect(w.warnings).toEqual([]);
    expect(whatIf([]).byAward).toEqual([]);
  });

  it.each([
    [2, 3, 0.4, false], // 2/5 = 0.4 exactly: passes
    [1, 3, 0.34, true], // 1/3 = 0.3333… < 0.34
    [1, 2, 1 / 3, false], // 1/3 vs 1/3
    [9999, 15001, 0.4, true], // 0.39996 rounds to 0.4 but is below it
  ] as const)('%i non-leaders and %i leaders against a minimum of %d: low = %s', (non, lead, min, low) => {
    const w = whatIf([...times(non, line()), ...times(lead, line({ isLeader: true }))], { minNonLeaderShare: min });
    expect(w.warnings.some((x) => x.messageKey === 'nominations.shares.nonLeaderShareLow')).toBe(low);
  });

  it('unknown flags never help a minimum pass; they are reported only when a minimum is set', () => {
    const lines = [line(), line({ isLeader: null, isDirectWorker: null })];
    expect(whatIf(lines, { minNonLeaderShare: 0.6 }).warnings.map((w) => w.messageKey)).toEqual(['nominations.shares.nonLeaderShareLow', 'nominations.shares.leaderUnknown']);
    expect(whatIf(lines).warnings).toEqual([]);
  });

  it.each([-0.1, 1.5, 40, Number.NaN])('a minimum of %d is reported as invalid and not applied', (min) => {
    expect(whatIf([line({ isLeader: true })], { minNonLeaderShare: min }).warnings).toEqual([
      { messageKey: 'nominations.shares.minShareInvalid', params: { field: 'minNonLeaderShare', value: String(min) } },
    ]);
  });

  it('properties: partitions add up, shares stay in [0, 1], byAward covers the list', () => {
    fc.assert(
      fc.property(fc.array(lineArb, { maxLength: 40 }), fc.integer({ min: 0, max: 6 }), shareArb, shareArb, (lines, cap, minNL, minDW) => {
        const allowed = (code: string) => (code === 'GK_CDCS' ? null : cap);
        const w = whatIf(lines, { allowed, minNonLeaderShare: minNL, minDirectWorkerShare: minDW });
        const persons = lines.filter((l) => l.subjectKind === 'PERSON');
        expect(w.persons).toBe(persons.length);
        expect(w.persons + w.units).toBe(w.total);
        expect(w.total).toBe(lines.length);
        expect(w.leaders + w.nonLeaders).toBe(w.persons);
        expect(w.leaders).toBe(persons.filter((l) => l.isLeader !== false).length);
        expect(w.directWorkers).toBeLessThanOrEqual(w.persons);
        expect(w.women).toBeLessThanOrEqual(w.persons);
        for (const s of [w.nonLeaderShare, w.directWorkerShare, w.womenShare]) {
          if (w.persons === 0) expect(s).toBeNull();
          else {
            expect(s).not.toBeNull();
            expect(s ?? -1).toBeGreaterThanOrEqual(0);
            expect(s ?? 2).toBeLessThanOrEqual(1);
            expect(Math.round((s ?? 0) * 10_000)).toBeCloseTo((s ?? 0) * 10_000, 6);
          }
        }
        if (w.persons > 0) expect(w.nonLeaderShare).toBeCloseTo(w.nonLeaders / w.persons, 4);
        expect(w.byAward.reduce((sum, a) => sum + a.proposed, 0)).toBe(w.total);
        expect(w.byAward.map((a) => a.awardCode)).toEqual([...new Set(lines.map((l) => l.awardCode))].sort());
        for (const a of w.byAward) expect(a.over).toBe(a.allowed === null ? 0 : Math.max(0, a.proposed - a.allowed));
        const over = w.warnings.filter((x) => x.messageKey === 'nominations.shares.overQuota');
        expect(over.map((x) => x.params.awardCode)).toEqual(w.byAward.filter((a) => a.over > 0).map((a) => a.awardCode));
        expect(w.warnings.some((x) => x.messageKey === 'nominations.shares.notEligible')).toBe(w.notEligible > 0);
        const low = w.warnings.some((x) => x.messageKey === 'nominations.shares.nonLeaderShareLow');
        expect(low).toBe(minNL !== null && w.persons > 0 && w.nonLeaders / w.persons < minNL);
        for (const x of w.warnings) expect(SHARES_MESSAGE_KEYS).toContain(x.messageKey);
      }),
    );
  });
});

describe('shares message keys', () => {
  it('every declared key is emitted by some list', () => {
    const emitted = new Set<string>();
    const lines = [line({ isLeader: null, isDirectWorker: null, eligible: false }), line({ isLeader: true })];
    for (const w of [whatIf(lines, { allowed: () => 0, minNonLeaderShare: 0.9, minDirectWorkerShare: 0.9 }), whatIf(lines, { minNonLeaderShare: 2 })]) {
      for (const x of w.warnings) emitted.add(x.messageKey);
    }
    expect([...emitted].sort()).toEqual([...SHARES_MESSAGE_KEYS].sort());
  });
});
