import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parentPath, recusalReason, recusals, type CouncilSeat, type NomineeInfo } from './recusal';

// Province /1/2/ → district /1/2/3/ → CĐCS /1/2/3/4/ (and /1/2/3/5/); the council sits at the province.
const seat = (memberId: number, personId: number, orgPath: string | null, declared: CouncilSeat['declared'] = []): CouncilSeat => ({ memberId, personId, orgPath, declared });
const person = (personId: number, subjectPath: string, unitId: number, councilOrgPath = '/1/2/'): NomineeInfo => ({ personId, subjectOrgId: null, unitId, subjectPath, councilOrgPath });
const unit = (orgId: number, subjectPath: string, councilOrgPath = '/1/2/'): NomineeInfo => ({ personId: null, subjectOrgId: orgId, unitId: orgId, subjectPath, councilOrgPath });

describe('recusal', () => {
  it.each([
    ['the nominee themself', seat(1, 10, '/1/2/3/4/'), person(10, '/1/2/3/4/', 4), 'SELF'],
    ['a colleague in the nominee’s unit', seat(1, 11, '/1/2/3/4/'), person(10, '/1/2/3/4/', 4), 'SAME_UNIT'],
    ['someone in another grassroots union', seat(1, 11, '/1/2/3/5/'), person(10, '/1/2/3/4/', 4), null],
    ['the district federation directly above the nominee’s union', seat(1, 11, '/1/2/3/'), person(10, '/1/2/3/4/', 4), 'SUPERIOR'],
    ['the council’s own organisation (above everyone)', seat(1, 11, '/1/2/'), person(10, '/1/2/3/', 3), null],
    ['a member of a nominated unit', seat(1, 11, '/1/2/3/4/'), unit(4, '/1/2/3/4/'), 'SAME_UNIT'],
    ['a member in a group inside a nominated unit', seat(1, 11, '/1/2/3/4/9/'), unit(4, '/1/2/3/4/'), 'SAME_UNIT'],
    ['the federation directly above a nominated unit', seat(1, 11, '/1/2/3/'), unit(4, '/1/2/3/4/'), 'SUPERIOR'],
    ['a declared relation with the person', seat(1, 11, '/1/2/', [{ personId: 10, orgId: null }]), person(10, '/1/2/3/4/', 4), 'DECLARED'],
    ['a declared relation with the nominee’s unit', seat(1, 11, '/1/2/', [{ personId: null, orgId: 4 }]), person(10, '/1/2/3/4/', 4), 'DECLARED'],
    ['a declared relation with someone else', seat(1, 11, '/1/2/', [{ personId: 12, orgId: null }]), person(10, '/1/2/3/4/', 4), null],
    ['a member without a unit', seat(1, 11, null), person(10, '/1/2/3/4/', 4), null],
  ] as const)('%s → %s', (_label, s, n, expected) => {
    expect(recusalReason(s, n)).toBe(expected);
  });

  it('gives one reason per member, the strongest first', () => {
    const s = seat(1, 10, '/1/2/3/4/', [{ personId: 10, orgId: 4 }]);
    expect(recusals([s, seat(2, 20, '/1/2/')], person(10, '/1/2/3/4/', 4))).toEqual([{ memberId: 1, reason: 'SELF' }]);
  });

  it('parentPath', () => {
    expect(parentPath('/1/2/3/')).toBe('/1/2/');
    expect(parentPath('/1/')).toBeNull();
  });

  it('property: nobody at the council’s own organisation is recused for being above, and the nominee always is', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 50 }), { minLength: 1, maxLength: 5 }), fc.integer({ min: 1, max: 1000 }), (segments, pid) => {
        const council = '/1/';
        const path = `${council}${segments.join('/')}/`;
        const n = person(pid, path, segments[segments.length - 1]!, council);
        expect(recusalReason(seat(1, pid + 1, council), n)).toBeNull();
        expect(recusalReason(seat(2, pid, council), n)).toBe('SELF');
      }),
    );
  });
});
