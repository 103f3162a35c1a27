import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { covenantWindow, defaultClusterLevel, leaderWindow, roleProblems, rotate, type RotationMember } from './rotation';

const m = (orgId: number, rotationOrder: number, role: RotationMember['role'] = 'MEMBER', active = true): RotationMember => ({ orgId, rotationOrder, role, active });
const roles = (ms: RotationMember[]) => Object.fromEntries(ms.map((x) => [x.orgId, x.role]));

describe('rotate', () => {
  it.each([
    ['head passes to the next, deputy to the one after', [m(1, 1, 'HEAD'), m(2, 2, 'DEPUTY'), m(3, 3), m(4, 4)], { 1: 'MEMBER', 2: 'HEAD', 3: 'DEPUTY', 4: 'MEMBER' }],
    ['wraps at the end of the order', [m(1, 1), m(2, 2), m(3, 3, 'DEPUTY'), m(4, 4, 'HEAD')], { 1: 'HEAD', 2: 'DEPUTY', 3: 'MEMBER', 4: 'MEMBER' }],
    ['deputy wraps too', [m(1, 1), m(2, 2), m(3, 3, 'HEAD'), m(4, 4, 'DEPUTY')], { 1: 'DEPUTY', 2: 'MEMBER', 3: 'MEMBER', 4: 'HEAD' }],
    ['no head yet: the first two in order', [m(7, 3), m(8, 1), m(9, 2)], { 8: 'HEAD', 9: 'DEPUTY', 7: 'MEMBER' }],
    ['two members swap', [m(1, 1, 'HEAD'), m(2, 2, 'DEPUTY')], { 1: 'DEPUTY', 2: 'HEAD' }],
    ['one member stays head, no deputy', [m(1, 1, 'HEAD')], { 1: 'HEAD' }],
    ['skips the next unit when it has left', [m(1, 1, 'HEAD'), m(2, 2, 'DEPUTY', false), m(3, 3), m(4, 4)], { 1: 'MEMBER', 3: 'HEAD', 4: 'DEPUTY' }],
    ['the head itself left: the turn still passes on after it', [m(1, 1), m(2, 2, 'HEAD', false), m(3, 3, 'DEPUTY')], { 1: 'DEPUTY', 3: 'HEAD' }],
    ['the order decides, not the input order', [m(5, 30), m(6, 10, 'HEAD'), m(7, 20)], { 6: 'MEMBER', 7: 'HEAD', 5: 'DEPUTY' }],
  ])('%s', (_name, input, expected) => {
    expect(roles(rotate(input))).toEqual(expected);
  });

  it('drops units that left and keeps rotation orders', () => {
    const out = rotate([m(1, 1, 'HEAD'), m(2, 5, 'MEMBER', false), m(3, 9)]);
    expect(out.map((x) => [x.orgId, x.rotationOrder])).toEqual([[1, 1], [3, 9]]);
    expect(rotate([m(1, 1, 'HEAD', false)])).toEqual([]);
  });

  const membersArb = fc
    .uniqueArray(fc.record({ orgId: fc.integer({ min: 1, max: 10_000 }), rotationOrder: fc.integer({ min: 1, max: 500 }) }), { minLength: 2, maxLength: 12, selector: (x) => x.rotationOrder })
    .filter((xs) => new Set(xs.map((x) => x.orgId)).size === xs.length)
    .chain((xs) => fc.integer({ min: -1, max: xs.length - 1 }).map((h) => xs.map((x, i): RotationMember => ({ ...x, role: i === h ? 'HEAD' : 'MEMBER' }))));

  it('property: exactly one head and one deputy, never the same unit, and every unit heads once per full cycle', () => {
    fc.assert(
      fc.property(membersArb, (start) => {
        let current = start;
        const heads: number[] = [];
        for (let i = 0; i < start.length; i++) {
          current = rotate(current);
          expect(current).toHaveLength(start.length);
          const head = current.filter((x) => x.role === 'HEAD');
          const deputy = current.filter((x) => x.role === 'DEPUTY');
          expect(head).toHaveLength(1);
          expect(deputy).toHaveLength(1);
          expect(head[0]!.orgId).not.toBe(deputy[0]!.orgId);
          expect(roleProblems(current)).toEqual([]);
          heads.push(head[0]!.orgId);
        }
        expect(new Set(heads).size).toBe(start.length);
      }),
    );
  });
});

describe('roleProblems', () => {
  it.each([
    [[m(1, 1, 'HEAD'), m(2, 2, 'DEPUTY')], []],
    [[m(1, 1, 'HEAD'), m(2, 2, 'HEAD')], ['cluster.twoHeads']],
    [[m(1, 1, 'DEPUTY'), m(2, 2, 'DEPUTY')], ['cluster.twoDeputies']],
    [[m(1, 1), m(1, 2)], ['cluster.duplicateMember']],
    [[m(1, 1), m(2, 1)], ['cluster.duplicateOrder']],
  ])('%j → %j', (input, keys) => {
    expect(roleProblems(input).map((p) => p.key)).toEqual(keys);
  });
});

describe('levels and windows', () => {
  it.each([
    ['TLD', 'CENTRAL'],
    ['LDLD_TINH', 'PROVINCE'],
    ['CD_NGANH_TW', 'PROVINCE'],
    ['LDLD_HUYEN', 'UPPER'],
    ['CD_NGANH_DP', 'UPPER'],
    ['CD_KCN', 'UPPER'],
  ])('an organiser of kind %s holds %s clusters', (kind, level) => {
    expect(defaultClusterLevel(kind)).toBe(level);
  });

  it('windows of the covenant and of the leader choice', () => {
    expect(covenantWindow(2024)).toEqual({ from: '2023-12-01', to: '2024-12-31' });
    expect(leaderWindow(2024)).toEqual({ from: '2024-01-01', to: '2025-03-31' });
  });
});
