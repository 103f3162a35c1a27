import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { covers, coversStrictly, memberPolicy, orgAbilities, orgPolicy, scopePaths } from './policy';
import type { AuthActor } from './actor';
import { ROLES, type Role } from '../../contracts/enums';

const actor = (roles: { role: Role; path: string }[], personId: number | null = null): AuthActor => ({
  userId: 1, username: 'u', displayName: 'U', locale: 'vi', personId, csrfToken: 'x', sessionHash: 'h',
  roles: roles.map((r, i) => ({ id: i + 1, role: r.role, orgId: Number(r.path.split('/').filter(Boolean).pop()), orgPath: r.path, orgName: 'x' })),
});

const pathArb = fc.array(fc.integer({ min: 1, max: 50 }), { minLength: 1, maxLength: 5 }).map((ids) => `/${ids.join('/')}/`);

describe('subtree coverage', () => {
  it('a path covers itself and its descendants, never a sibling whose id shares a prefix', () => {
    expect(covers('/1/5/', '/1/5/23/')).toBe(true);
    expect(covers('/1/5/', '/1/50/')).toBe(false);
    expect(coversStrictly('/1/5/', '/1/5/')).toBe(false);
  });

  it('property: covers(a, b) iff the id list of a is a prefix of the id list of b', () => {
    fc.assert(
      fc.property(pathArb, pathArb, (a, b) => {
        const ia = a.split('/').filter(Boolean);
        const ib = b.split('/').filter(Boolean);
        const prefix = ia.length <= ib.length && ia.every((x, i) => x === ib[i]);
        expect(covers(a, b)).toBe(prefix);
      }),
    );
  });

  it('property: scopePaths keeps no path that another kept path covers, and loses no coverage', () => {
    fc.assert(
      fc.property(fc.array(pathArb, { minLength: 1, maxLength: 6 }), pathArb, (paths, probe) => {
        const a = actor(paths.map((path) => ({ role: 'VIEWER' as Role, path })));
        const kept = scopePaths(a, ['VIEWER']);
        for (const p of kept) expect(kept.some((q) => q !== p && covers(q, p))).toBe(false);
        expect(kept.some((p) => covers(p, probe))).toBe(paths.some((p) => covers(p, probe)));
      }),
    );
  });
});

describe('organisation policy (table)', () => {
  const unit = { path: '/1/2/3/4/', status: 'ACTIVE' };
  const cases: [Role, string, boolean, boolean, boolean][] = [
    // role, granted on, read, manage (restructure), createChild
    ['SYSTEM_ADMIN', '/1/2/3/4/', true, true, true],
    ['TDKT_OFFICER', '/1/2/3/', true, true, true],
    ['TDKT_OFFICER', '/1/2/3/4/', true, false, true],
    ['CDCS_OFFICER', '/1/2/3/4/', true, false, true],
    ['CDCS_OFFICER', '/1/2/3/9/', false, false, false],
    ['COUNCIL_MEMBER', '/1/2/3/', true, false, false],
    ['VIEWER', '/1/2/', true, false, false],
    ['MEMBER', '/1/2/3/4/', true, false, false],
    ['MEMBER', '/1/2/3/', false, false, false],
  ];
  it.each(cases)('%s on %s: read=%s manage=%s createChild=%s', (role, path, read, manage, createChild) => {
    const a = actor([{ role, path }]);
    expect(orgPolicy.read(a, unit)).toBe(read);
    expect(orgPolicy.manage(a, unit)).toBe(manage);
    expect(orgPolicy.createChild(a, unit)).toBe(createChild);
  });

  it('nobody restructures an ended unit', () => {
    for (const role of ROLES) {
      expect(orgAbilities(actor([{ role, path: '/1/' }]), { path: '/1/2/', status: 'ENDED' }).filter((x) => x.startsWith('org.'))).toEqual([]);
    }
  });
});

describe('member policy', () => {
  it('a member reads their own record and its personal data, nobody else’s', () => {
    const a = actor([{ role: 'MEMBER', path: '/1/2/' }], 42);
    expect(memberPolicy.read(a, { id: 42, orgPath: '/1/2/', status: 'ACTIVE' })).toBe(true);
    expect(memberPolicy.readPersonal(a, { id: 42, orgPath: '/1/2/', status: 'ACTIVE' })).toBe(true);
    expect(memberPolicy.read(a, { id: 43, orgPath: '/1/2/', status: 'ACTIVE' })).toBe(false);
  });
  it('a viewer reads but sees no personal data', () => {
    const a = actor([{ role: 'VIEWER', path: '/1/' }]);
    const m = { id: 7, orgPath: '/1/2/', status: 'ACTIVE' };
    expect(memberPolicy.read(a, m)).toBe(true);
    expect(memberPolicy.readPersonal(a, m)).toBe(false);
  });
});
