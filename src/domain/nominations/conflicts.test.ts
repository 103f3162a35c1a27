import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AWARD_KINDS, type AwardKind } from '../../contracts/enums';
import {
  CONFLICT_MESSAGE_KEYS,
  findAllConflicts,
  findConflicts,
  mustRecuse,
  quotaOverruns,
  type Conflict,
  type NominationLike,
  type ReceivedAward,
  type Subject,
} from './conflicts';

const person = (personId: number): Subject => ({ kind: 'PERSON', personId });
const unit = (orgId: number): Subject => ({ kind: 'UNIT', orgId });

function nom(id: number, over: Partial<NominationLike> = {}): NominationLike {
  return { id, year: 2025, subject: person(1), awardCode: 'LDTT', awardKind: 'MERIT', decidingOrgId: 10, achievementRefs: [], active: true, ...over };
}
function got(over: Partial<ReceivedAward> = {}): ReceivedAward {
  return { subject: person(1), awardCode: 'LDTT', awardKind: 'MERIT', year: 2025, decidingOrgId: 10, ...over };
}
const codes = (cs: readonly Conflict[]) => cs.map((c) => `${c.code}:${c.otherNominationId ?? '-'}`);

describe('findConflicts: each rule', () => {
  const target = nom(1, { awardCode: 'CSTD_CS', achievementRefs: ['initiative:7', 'movement:2'] });

  it.each([
    ['same subject, year and deciding unit', nom(2), ['SAME_LEVEL_TWICE:2']],
    ['another year', nom(2, { year: 2024 }), []],
    ['another deciding unit (another level)', nom(2, { decidingOrgId: 11 }), []],
    ['another person', nom(2, { subject: person(2) }), []],
    ['the unit with the same number as the person', nom(2, { subject: unit(1) }), []],
    ['inactive', nom(2, { active: false }), []],
    ['the target itself in the list', nom(1), []],
    ['a shared achievement, anyone, any year or level', nom(2, { subject: person(9), year: 2020, decidingOrgId: 99, achievementRefs: ['initiative:7'] }), ['SAME_ACHIEVEMENT:2']],
    ['both at once', nom(2, { achievementRefs: ['movement:2'] }), ['SAME_LEVEL_TWICE:2', 'SAME_ACHIEVEMENT:2']],
    ['thematic from the same level: the specific rule only', nom(2, { awardKind: 'THEMATIC', awardCode: 'BK_CHUYEN_DE' }), ['MERIT_AND_THEMATIC:2']],
    ['thematic from another level', nom(2, { awardKind: 'THEMATIC', decidingOrgId: 11 }), []],
    ['đột xuất from the same level is no merit/thematic clash', nom(2, { awardKind: 'AD_HOC' }), ['SAME_LEVEL_TWICE:2']],
  ] as const)('%s', (_label, other, expected) => {
    expect(codes(findConflicts(target, [other], []))).toEqual(expected);
  });

  it('params name the other nomination, its award and the shared references', () => {
    const other = nom(5, { awardCode: 'GK_CDCS', achievementRefs: ['movement:2', 'initiative:7', 'x'] });
    expect(findConflicts(target, [other], [])).toEqual([
      { code: 'SAME_LEVEL_TWICE', otherNominationId: 5, messageKey: 'nominations.conflict.sameLevelTwice', params: { otherId: 5, awardCode: 'GK_CDCS', year: 2025 } },
      {
        code: 'SAME_ACHIEVEMENT',
        otherNominationId: 5,
        messageKey: 'nominations.conflict.sameAchievement',
        params: { otherId: 5, awardCode: 'GK_CDCS', year: 2025, refs: 'initiative:7, movement:2' },
      },
    ]);
  });

  it.each([
    ['same code, same year: already awarded', got({ awardCode: 'CSTD_CS', decidingOrgId: null }), ['ALREADY_AWARDED:-']],
    ['same code, another year', got({ awardCode: 'CSTD_CS', year: 2024 }), []],
    ['same code, another subject', got({ awardCode: 'CSTD_CS', subject: person(3) }), []],
    ['thematic received from the same level', got({ awardKind: 'THEMATIC', awardCode: 'BK_CD' }), ['MERIT_AND_THEMATIC:-']],
    ['thematic received, deciding unit unknown', got({ awardKind: 'THEMATIC', decidingOrgId: null }), []],
    ['merit received from the same level, other code', got({ awardCode: 'GK_CDCS' }), []],
  ] as const)('received: %s', (_label, r, expected) => {
    expect(codes(findConflicts(target, [], [r]))).toEqual(expected);
  });

  it('received params and keys', () => {
    expect(findConflicts(nom(1, { awardKind: 'THEMATIC', awardCode: 'BK_CD' }), [], [got(), got()])).toEqual([
      { code: 'MERIT_AND_THEMATIC', otherNominationId: null, messageKey: 'nominations.conflict.meritAndThematicReceived', params: { awardCode: 'LDTT', year: 2025 } },
    ]);
  });

  it('order is deterministic: by code, then other id, received last', () => {
    const others = [nom(9), nom(3, { achievementRefs: ['movement:2'] }), nom(4, { awardKind: 'THEMATIC' }), nom(2, { subject: person(5), achievementRefs: ['initiative:7'] })];
    const received = [got({ awardCode: 'CSTD_CS' }), got({ awardKind: 'THEMATIC' })];
    const expected = ['SAME_LEVEL_TWICE:3', 'SAME_LEVEL_TWICE:9', 'SAME_ACHIEVEMENT:2', 'SAME_ACHIEVEMENT:3', 'MERIT_AND_THEMATIC:4', 'MERIT_AND_THEMATIC:-', 'ALREADY_AWARDED:-'];
    expect(codes(findConflicts(target, others, received))).toEqual(expected);
    expect(codes(findConflicts(target, [...others].reverse(), [...received].reverse()))).toEqual(expected);
  });
});

/** Small id spaces so random lists collide often. */
const subjectArb: fc.Arbitrary<Subject> = fc.oneof(fc.integer({ min: 1, max: 4 }).map(person), fc.integer({ min: 1, max: 3 }).map(unit));
const kindArb: fc.Arbitrary<AwardKind> = fc.constantFrom(...AWARD_KINDS);
const nominationsArb = fc
  .array(
    fc.record({
      year: fc.integer({ min: 2024, max: 2025 }),
      subject: subjectArb,
      awardCode: fc.constantFrom('LDTT', 'CSTD_CS', 'GK'),
      awardKind: kindArb,
      decidingOrgId: fc.integer({ min: 1, max: 2 }),
      achievementRefs: fc.array(fc.constantFrom('a', 'b', 'c', 'd', 'e'), { maxLength: 3 }),
      active: fc.boolean(),
    }),
    { maxLength: 14 },
  )
  .map((rows) => rows.map((r, i) => ({ id: i + 1, ...r })));
const receivedArb: fc.Arbitrary<ReceivedAward[]> = fc.array(
  fc.record({
    subject: subjectArb,
    awardCode: fc.constantFrom('LDTT', 'CSTD_CS', 'GK'),
    awardKind: kindArb,
    year: fc.integer({ min: 2024, max: 2025 }),
    decidingOrgId: fc.option(fc.integer({ min: 1, max: 2 })),
  }),
  { maxLength: 5 },
);

describe('findAllConflicts', () => {
  it('equals findConflicts per nomination (property)', () => {
    fc.assert(
      fc.property(nominationsArb, receivedArb, (list, received) => {
        const all = findAllConflicts(list, received);
        expect([...all.keys()].sort((a, b) => a - b)).toEqual(list.map((n) => n.id));
        for (const n of list) expect(all.get(n.id)).toEqual(findConflicts(n, list, received));
      }),
    );
  });

  it('pair conflicts between active nominations are symmetric (property)', () => {
    fc.assert(
      fc.property(nominationsArb, (list) => {
        const all = findAllConflicts(list, []);
        const byId = new Map(list.map((n) => [n.id, n]));
        for (const [id, conflicts] of all) {
          const self = byId.get(id);
          for (const c of conflicts) {
            if (c.otherNominationId === null || !self?.active) continue;
            const back = all.get(c.otherNominationId) ?? [];
            expect(back.some((b) => b.code === c.code && b.otherNominationId === id)).toBe(true);
          }
        }
        // And each active pair with the same subject, year and deciding unit is flagged one way or the other.
        for (const a of list) {
          for (const b of list) {
            if (a.id === b.id || !a.active || !b.active) continue;
            const sameLevel = JSON.stringify(a.subject) === JSON.stringify(b.subject) && a.year === b.year && a.decidingOrgId === b.decidingOrgId;
            const flagged = (all.get(a.id) ?? []).some((c) => c.otherNominationId === b.id && (c.code === 'SAME_LEVEL_TWICE' || c.code === 'MERIT_AND_THEMATIC'));
            expect(flagged).toBe(sameLevel);
            const sharesRef = a.achievementRefs.some((r) => b.achievementRefs.includes(r));
            expect((all.get(a.id) ?? []).some((c) => c.otherNominationId === b.id && c.code === 'SAME_ACHIEVEMENT')).toBe(sharesRef);
          }
        }
      }),
    );
  });

  it('20,000 generated nominations: indexed result equals the per-item scan on a sample', () => {
    // Deterministic generator (mulberry32) so the test is reproducible.
    let seed = 0x5eed;
    const rand = () => {
      seed = (seed + 0x6d2b79f5) | 0;
      let t = seed;
      t = Math.imul(t ^ (t >>> 15), t | 1);
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
    const pick = <T,>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)] as T;
    const list: NominationLike[] = Array.from({ length: 20_000 }, (_, i) => ({
      id: i + 1,
      year: 2023 + Math.floor(rand() * 3),
      subject: rand() < 0.9 ? person(1 + Math.floor(rand() * 8000)) : unit(1 + Math.floor(rand() * 800)),
      awardCode: pick(['LDTT', 'CSTD_CS', 'GK_CDCS', 'BK_LDLD', 'BK_CD']),
      awardKind: pick(['MERIT', 'MERIT', 'MERIT', 'THEMATIC', 'AD_HOC'] as const),
      decidingOrgId: 1 + Math.floor(rand() * 40),
      achievementRefs: rand() < 0.3 ? [`initiative:${1 + Math.floor(rand() * 3000)}`] : [],
      active: rand() < 0.95,
    }));
    const received: ReceivedAward[] = Array.from({ length: 5_000 }, () => ({
      subject: person(1 + Math.floor(rand() * 8000)),
      awardCode: pick(['LDTT', 'CSTD_CS', 'BK_CD']),
      awardKind: pick(['MERIT', 'THEMATIC'] as const),
      year: 2023 + Math.floor(rand() * 3),
      decidingOrgId: rand() < 0.8 ? 1 + Math.floor(rand() * 40) : null,
    }));

    const all = findAllConflicts(list, received);
    expect(all.size).toBe(list.length);
    let withConflicts = 0;
    for (let i = 0; i < list.length; i += 97) {
      const n = list[i];
      if (!n) continue;
      const expected = findConflicts(n, list, received);
      if (expected.length > 0) withConflicts += 1;
      expect(all.get(n.id)).toEqual(expected);
    }
    // The sample must contain real collisions, or the comparison proves little.
    expect(withConflicts).toBeGreaterThan(20);
    const kinds = new Set([...all.values()].flat().map((c) => c.code));
    expect([...kinds].sort()).toEqual(['ALREADY_AWARDED', 'MERIT_AND_THEMATIC', 'SAME_ACHIEVEMENT', 'SAME_LEVEL_TWICE']);
  });
});

describe('quota overruns', () => {
  it('counts active nominations per deciding unit and award, reports only overruns, sorted', () => {
    const list = [
      nom(1, { decidingOrgId: 20, awardCode: 'CSTD_CS' }),
      nom(2, { decidingOrgId: 20, awardCode: 'CSTD_CS' }),
      nom(3, { decidingOrgId: 20, awardCode: 'CSTD_CS', active: false }),
      nom(4, { decidingOrgId: 10, awardCode: 'CSTD_CS' }),
      nom(5, { decidingOrgId: 10, awardCode: 'LDTT' }),
      nom(6, { decidingOrgId: 10, awardCode: 'LDTT' }),
      nom(7, { decidingOrgId: 10, awardCode: 'BK' }),
    ];
    const allowed = (org: number, code: string) => (code === 'CSTD_CS' ? (org === 20 ? 1 : 0) : code === 'LDTT' ? 2 : null);
    expect(quotaOverruns(list, allowed)).toEqual([
      { decidingOrgId: 10, awardCode: 'CSTD_CS', allowed: 0, proposed: 1 },
      { decidingOrgId: 20, awardCode: 'CSTD_CS', allowed: 1, proposed: 2 },
    ]);
  });

  it('property: an overrun is reported exactly when active count > allowed', () => {
    fc.assert(
      fc.property(nominationsArb, fc.integer({ min: 0, max: 3 }), (list, cap) => {
        const allowedBy = (org: number, code: string) => (code === 'GK' ? null : cap + org - 1);
        const overruns = quotaOverruns(list, allowedBy);
        for (const org of [1, 2]) {
          for (const code of ['LDTT', 'CSTD_CS', 'GK']) {
            const proposed = list.filter((n) => n.active && n.decidingOrgId === org && n.awardCode === code).length;
            const allowed = allowedBy(org, code);
            const row = overruns.find((o) => o.decidingOrgId === org && o.awardCode === code);
            expect(row).toEqual(allowed !== null && proposed > allowed ? { decidingOrgId: org, awardCode: code, allowed, proposed } : undefined);
          }
        }
        const keys = overruns.map((o) => `${o.decidingOrgId}|${o.awardCode}`);
        expect(keys).toEqual([...keys].sort());
      }),
    );
  });
});

describe('recusal of appraisers', () => {
  it.each([
    ['the appraiser is the nominee', { personId: 7, orgPath: '/1/2/' }, { subject: person(7), orgPath: '/1/5/23/' }, true],
    ['another person in another unit', { personId: 8, orgPath: '/1/2/' }, { subject: person(7), orgPath: '/1/5/23/' }, false],
    ["the nominee's unit", { personId: 8, orgPath: '/1/5/23/' }, { subject: person(7), orgPath: '/1/5/23/' }, true],
    ["a unit above the person's (the usual appraiser)", { personId: 8, orgPath: '/1/5/' }, { subject: person(7), orgPath: '/1/5/23/' }, false],
    ["a sub-unit of the person's unit", { personId: 8, orgPath: '/1/5/23/40/' }, { subject: person(7), orgPath: '/1/5/23/' }, false],
    ['the nominated unit itself', { personId: 8, orgPath: '/1/5/' }, { subject: unit(5), orgPath: '/1/5/' }, true],
    ['inside the nominated unit', { personId: 8, orgPath: '/1/5/23/' }, { subject: unit(5), orgPath: '/1/5/' }, true],
    ['above the nominated unit', { personId: 8, orgPath: '/1/' }, { subject: unit(5), orgPath: '/1/5/' }, false],
    ['a sibling whose id starts the same', { personId: 8, orgPath: '/1/50/' }, { subject: unit(5), orgPath: '/1/5/' }, false],
    ['paths without the trailing slash', { personId: 8, orgPath: '/1/50' }, { subject: unit(5), orgPath: '/1/5' }, false],
    ['no person, no unit', { personId: null, orgPath: null }, { subject: person(7), orgPath: '/1/5/' }, false],
    ['a unit with the person id of the appraiser', { personId: 5, orgPath: '/9/' }, { subject: unit(5), orgPath: '/1/5/' }, false],
    ['empty nominee path', { personId: 8, orgPath: '/1/' }, { subject: unit(5), orgPath: '' }, false],
  ] as const)('%s → %s', (_label, appraiser, nominee, expected) => {
    expect(mustRecuse(appraiser, nominee)).toBe(expected);
  });

  it('property: inside the subtree of a nominated unit always recuses; above it never does', () => {
    const segs = fc.array(fc.integer({ min: 1, max: 60 }), { minLength: 1, maxLength: 4 });
    fc.assert(
      fc.property(segs, fc.array(fc.integer({ min: 1, max: 60 }), { maxLength: 3 }), (unitSegs, below) => {
        const unitPath = `/${unitSegs.join('/')}/`;
        const inside = `/${[...unitSegs, ...below].join('/')}/`;
        expect(mustRecuse({ personId: null, orgPath: inside }, { subject: unit(1), orgPath: unitPath })).toBe(true);
        if (unitSegs.length > 1) {
          const above = `/${unitSegs.slice(0, -1).join('/')}/`;
          expect(mustRecuse({ personId: null, orgPath: above }, { subject: unit(1), orgPath: unitPath })).toBe(false);
        }
      }),
    );
  });
});

describe('conflict message keys', () => {
  it('every declared key is emitted and every emitted key declared', () => {
    const target = nom(1, { achievementRefs: ['a'] });
    const emitted = [
      ...findConflicts(target, [nom(2), nom(3, { awardKind: 'THEMATIC' }), nom(4, { subject: person(2), achievementRefs: ['a'] })], [got(), got({ awardKind: 'THEMATIC', awardCode: 'X' })]),
    ].map((c) => c.messageKey);
    expect([...new Set(emitted)].sort()).toEqual([...CONFLICT_MESSAGE_KEYS].sort());
  });
});
