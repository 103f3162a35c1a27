import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { CCCD_PATTERN, ORG_CODE_PATTERN } from '../../contracts/limits';
import { OFFICER_TITLES, ROLES, SECTORS } from '../../contracts/enums';
import {
  DEMO_CCCD_PROVINCE,
  DEMO_PASSWORD,
  DEMO_REFERENCE_DATE,
  FEDERATION_KINDS,
  buildDemoWorld,
  type DemoOrg,
  type DemoPerson,
  type DemoWorld,
} from './demo-world';

const world = buildDemoWorld();

function index(w: DemoWorld) {
  const orgByCode = new Map(w.orgs.map((o) => [o.code, o]));
  const personByCode = new Map(w.persons.map((p) => [p.memberCode, p]));
  const childCount = new Map<string, number>();
  for (const o of w.orgs) if (o.parentCode) childCount.set(o.parentCode, (childCount.get(o.parentCode) ?? 0) + 1);
  /** True when `code` is `ancestor` or lies below it. */
  const within = (code: string, ancestor: string): boolean => {
    for (let c: string | null = code; c !== null; c = orgByCode.get(c)?.parentCode ?? null) if (c === ancestor) return true;
    return false;
  };
  /** Nearest CĐCS at or above `code`, if any. */
  const cdcsOf = (code: string): DemoOrg | undefined => {
    for (let c: string | null = code; c !== null; c = orgByCode.get(c)?.parentCode ?? null) {
      const org = orgByCode.get(c);
      if (org?.kind === 'CDCS') return org;
    }
    return undefined;
  };
  return { orgByCode, personByCode, childCount, within, cdcsOf };
}

const duplicates = (values: readonly string[]): string[] => {
  const seen = new Set<string>();
  return values.filter((v) => (seen.has(v) ? true : (seen.add(v), false)));
};

/** Expected 4th CCCD digit: 0/1 = male/female born 1900–1999, 2/3 = male/female born 2000–2099. */
const cccdProblems = (persons: readonly DemoPerson[]): string[] =>
  persons.flatMap((p) => {
    const year = Number(p.birthDate.slice(0, 4));
    const digit = (year >= 2000 ? 2 : 0) + (p.gender === 'FEMALE' ? 1 : 0);
    const ok =
      CCCD_PATTERN.test(p.cccd) &&
      p.cccd.startsWith(DEMO_CCCD_PROVINCE) &&
      p.cccd[3] === String(digit) &&
      p.cccd.slice(4, 6) === p.birthDate.slice(2, 4);
    return ok ? [] : [`${p.memberCode} ${p.cccd} ${p.gender} ${p.birthDate}`];
  });

const nguyenVanAns = (w: DemoWorld) => w.persons.filter((p) => p.fullName === 'Nguyễn Văn An');

describe('buildDemoWorld – determinism and speed', () => {
  it('returns a deep-equal world for the same seed', () => {
    expect(buildDemoWorld(2024)).toEqual(world);
    expect(buildDemoWorld(7)).toEqual(buildDemoWorld(7));
  });

  it('varies people, but not the tree, with the seed', () => {
    const other = buildDemoWorld(99);
    expect(other.orgs.map((o) => o.code)).toEqual(world.orgs.map((o) => o.code));
    expect(other.persons.map((p) => p.fullName)).not.toEqual(world.persons.map((p) => p.fullName));
  });

  it('runs well under a second', () => {
    const started = performance.now();
    buildDemoWorld(12345);
    expect(performance.now() - started).toBeLessThan(1000);
  });
});

describe('buildDemoWorld – organisation tree', () => {
  const { orgByCode, childCount, within } = index(world);

  it('has the TLD → Tây Ninh → DMC spine', () => {
    expect(world.orgs[0]).toMatchObject({ code: 'TLD', kind: 'TLD', parentCode: null, name: 'Tổng Liên đoàn Lao động Việt Nam' });
    expect(orgByCode.get('TNI')).toMatchObject({ kind: 'LDLD_TINH', parentCode: 'TLD', name: 'Liên đoàn Lao động tỉnh Tây Ninh' });
    expect(orgByCode.get('TNI-DMC')).toMatchObject({ kind: 'LDLD_HUYEN', parentCode: 'TNI', name: 'Liên đoàn Lao động huyện DMC' });
    expect(world.orgs.filter((o) => o.parentCode === null)).toHaveLength(1);
  });

  it('has 35–45 grassroots unions under TNI-DMC covering all the expected sectors', () => {
    const cdcs = world.orgs.filter((o) => o.kind === 'CDCS' && o.parentCode === 'TNI-DMC');
    expect(cdcs.length).toBeGreaterThanOrEqual(35);
    expect(cdcs.length).toBeLessThanOrEqual(45);
    for (const o of cdcs) expect(o.code).toMatch(/^TNI-DMC-\d{3}$/);
    const sectors = new Set(cdcs.map((o) => o.sector));
    for (const s of ['HCSN', 'TRUONG_HOC', 'DNNN', 'NGOAI_NN', 'FDI'] as const) expect(sectors).toContain(s);
    expect(cdcs.filter((o) => o.sector === 'TRUONG_HOC').length).toBeGreaterThanOrEqual(10);
    expect(cdcs.map((o) => o.name)).toContain('Công đoàn cơ sở Ủy ban nhân dân xã Phước Minh');
  });

  it('has other federations and a provincial sector union under TNI', () => {
    const siblings = world.orgs.filter((o) => o.parentCode === 'TNI' && o.code !== 'TNI-DMC');
    expect(siblings.some((o) => o.kind === 'LDLD_HUYEN')).toBe(true);
    expect(siblings.some((o) => o.kind === 'CD_NGANH_DP')).toBe(true);
    for (const s of siblings) expect(childCount.get(s.code) ?? 0).toBeGreaterThanOrEqual(2);
  });

  it('has công đoàn bộ phận and tổ công đoàn below some grassroots unions', () => {
    const sections = world.orgs.filter((o) => o.kind === 'CD_BO_PHAN' || o.kind === 'TO_CD');
    expect(sections.some((o) => o.kind === 'CD_BO_PHAN')).toBe(true);
    expect(sections.some((o) => o.kind === 'TO_CD' && orgByCode.get(o.parentCode ?? '')?.kind === 'CD_BO_PHAN')).toBe(true);
    expect(sections.some((o) => o.kind === 'TO_CD' && orgByCode.get(o.parentCode ?? '')?.kind === 'CDCS')).toBe(true);
    for (const s of sections) expect(s.parentCode && ['CDCS', 'CD_BO_PHAN'].includes(orgByCode.get(s.parentCode)?.kind ?? '')).toBe(true);
  });

  it('lists parents before children, with unique well-formed codes', () => {
    expect(duplicates(world.orgs.map((o) => o.code))).toEqual([]);
    const seen = new Set<string>();
    for (const o of world.orgs) {
      if (o.parentCode !== null) expect(seen.has(o.parentCode), `${o.code} before its parent`).toBe(true);
      seen.add(o.code);
      expect(o.code).toMatch(ORG_CODE_PATTERN);
      expect(o.validFrom).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      if (o.sector !== null) expect(SECTORS).toContain(o.sector);
      const parent = o.parentCode ? orgByCode.get(o.parentCode) : undefined;
      if (parent) expect(o.validFrom >= parent.validFrom, `${o.code} founded before its parent`).toBe(true);
    }
  });

  it('puts every FDI grassroots union of DMC in the 150–400 members range', () => {
    const fdi = world.orgs.filter((o) => o.kind === 'CDCS' && o.sector === 'FDI' && o.parentCode === 'TNI-DMC');
    expect(fdi.length).toBeGreaterThanOrEqual(3);
    for (const o of fdi) {
      const n = world.persons.filter((p) => within(p.orgCode, o.code)).length;
      expect(n, o.name).toBeGreaterThanOrEqual(150);
      expect(n, o.name).toBeLessThanOrEqual(400);
    }
  });
});

describe('buildDemoWorld – persons', () => {
  const { orgByCode, childCount, within, cdcsOf } = index(world);

  it('has 2,800–3,300 persons in the DMC subtree and a few more elsewhere', () => {
    const dmc = world.persons.filter((p) => within(p.orgCode, 'TNI-DMC')).length;
    expect(dmc).toBeGreaterThanOrEqual(2800);
    expect(dmc).toBeLessThanOrEqual(3300);
    const others = world.persons.length - dmc;
    expect(others).toBeGreaterThanOrEqual(100);
    expect(others).toBeLessThanOrEqual(250);
  });

  it('has unique member codes, CCCDs, e-mails and phones', () => {
    expect(duplicates(world.persons.map((p) => p.memberCode))).toEqual([]);
    expect(duplicates(world.persons.map((p) => p.cccd))).toEqual([]);
    expect(duplicates(world.persons.flatMap((p) => (p.email ? [p.email] : [])))).toEqual([]);
    expect(duplicates(world.persons.flatMap((p) => (p.phone ? [p.phone] : [])))).toEqual([]);
    for (const p of world.persons) {
      expect(p.memberCode).toMatch(/^DV\d{7}$/);
      if (p.phone !== null) expect(p.phone).toMatch(/^09\d{8}$/);
      if (p.email !== null) expect(p.email).toMatch(/^[a-z0-9.]+@gmail\.com$/);
    }
    const phoneShare = world.persons.filter((p) => p.phone).length / world.persons.length;
    const emailShare = world.persons.filter((p) => p.email).length / world.persons.length;
    expect(phoneShare).toBeGreaterThan(0.6);
    expect(phoneShare).toBeLessThan(0.8);
    expect(emailShare).toBeGreaterThan(0.2);
    expect(emailShare).toBeLessThan(0.4);
  });

  it('encodes gender and century in the CCCD', () => {
    expect(cccdProblems(world.persons)).toEqual([]);
    // Both centuries and both genders occur.
    expect(new Set(world.persons.map((p) => p.cccd[3]))).toEqual(new Set(['0', '1', '2', '3']));
  });

  it('attaches members to leaf units, and only staff to federations', () => {
    const staffPerFederation = new Map<string, number>();
    for (const p of world.persons) {
      const org = orgByCode.get(p.orgCode);
      expect(org, p.orgCode).toBeDefined();
      if (!org) continue;
      if (FEDERATION_KINDS.has(org.kind)) {
        staffPerFederation.set(org.code, (staffPerFederation.get(org.code) ?? 0) + 1);
        expect(p.position, `staff ${p.memberCode} has a position`).not.toBeNull();
      } else {
        expect(['CDCS', 'CD_BO_PHAN', 'TO_CD']).toContain(org.kind);
        expect(childCount.get(org.code) ?? 0, `${p.memberCode} sits in ${org.code}, which has sections`).toBe(0);
      }
    }
    for (const [code, n] of staffPerFederation) expect(n, code).toBeLessThanOrEqual(10);
    expect(staffPerFederation.get('TNI-DMC')).toBeGreaterThanOrEqual(5);
    expect(staffPerFederation.has('TLD')).toBe(false);
  });

  it('writes names in NFC with Vietnamese diacritics', () => {
    for (const p of world.persons) {
      expect(p.fullName.normalize('NFC')).toBe(p.fullName);
      expect(p.fullName).toMatch(/^\S+( \S+)+$/);
    }
    for (const o of world.orgs) expect(o.name.normalize('NFC')).toBe(o.name);
    const withDiacritics = world.persons.filter((p) => /[^\u0020-\u007e]/.test(p.fullName)).length;
    expect(withDiacritics / world.persons.length).toBeGreaterThan(0.8);
    const nguyen = world.persons.filter((p) => p.fullName.startsWith('Nguyễn ')).length / world.persons.length;
    expect(nguyen).toBeGreaterThan(0.3);
    expect(nguyen).toBeLessThan(0.45);
  });

  it('contains exactly one Nguyễn Văn An, in a grassroots union of TNI-DMC', () => {
    const ans = nguyenVanAns(world);
    expect(ans).toHaveLength(1);
    const an = ans[0];
    expect(an?.gender).toBe('MALE');
    expect(within(an?.orgCode ?? '', 'TNI-DMC')).toBe(true);
    expect(cdcsOf(an?.orgCode ?? '')).toBeDefined();
    // Other people called An exist, under other full names.
    expect(world.persons.some((p) => p.fullName.endsWith(' An') && p.fullName !== 'Nguyễn Văn An')).toBe(true);
  });

  it('has plausible dates', () => {
    for (const p of world.persons) {
      expect(p.birthDate >= '1966-01-01' && p.birthDate <= '2004-12-31', p.birthDate).toBe(true);
      const adult = `${Number(p.birthDate.slice(0, 4)) + 18}${p.birthDate.slice(4)}`;
      expect(p.joinedUnionOn >= adult, `${p.memberCode} joined before 18`).toBe(true);
      expect(p.joinedUnionOn <= DEMO_REFERENCE_DATE).toBe(true);
      const org = orgByCode.get(p.orgCode);
      if (org && !FEDERATION_KINDS.has(org.kind)) expect(p.joinedUnionOn >= org.validFrom, `${p.memberCode} joined before its unit existed`).toBe(true);
      expect(Number.isNaN(Date.parse(p.birthDate))).toBe(false);
      expect(Number.isNaN(Date.parse(p.joinedUnionOn))).toBe(false);
    }
  });

  it('has realistic ethnicity, gender, leader and direct-worker shares', () => {
    const share = (xs: readonly DemoPerson[], f: (p: DemoPerson) => boolean) => xs.filter(f).length / xs.length;
    expect(share(world.persons, (p) => p.ethnicity === 'Kinh')).toBeGreaterThan(0.9);
    expect(new Set(world.persons.map((p) => p.ethnicity))).toEqual(new Set(['Kinh', 'Khmer', 'Hoa', 'Chăm']));
    const leaders = share(world.persons, (p) => p.isLeader);
    expect(leaders).toBeGreaterThanOrEqual(0.04);
    expect(leaders).toBeLessThanOrEqual(0.09);

    const bySector = (sector: string) => world.persons.filter((p) => cdcsOf(p.orgCode)?.sector === sector);
    expect(share(bySector('TRUONG_HOC'), (p) => p.gender === 'FEMALE')).toBeGreaterThan(0.65);
    expect(share(bySector('FDI'), (p) => p.gender === 'FEMALE')).toBeGreaterThan(0.55);
    expect(share(bySector('FDI'), (p) => p.isDirectWorker)).toBeGreaterThan(0.7);
    expect(bySector('TRUONG_HOC').some((p) => p.isDirectWorker)).toBe(false);
    expect(bySector('HCSN').some((p) => p.isDirectWorker)).toBe(false);
    expect(bySector('TRUONG_HOC').filter((p) => p.position === 'Hiệu trưởng').length).toBeGreaterThanOrEqual(10);
  });
});

describe('buildDemoWorld – officers', () => {
  const { orgByCode, personByCode, within } = index(world);

  it('only appoints members of the org or its subtree, once per org', () => {
    expect(duplicates(world.officers.map((o) => `${o.orgCode}|${o.memberCode}`))).toEqual([]);
    for (const o of world.officers) {
      const person = personByCode.get(o.memberCode);
      expect(person, o.memberCode).toBeDefined();
      expect(orgByCode.has(o.orgCode)).toBe(true);
      expect(OFFICER_TITLES).toContain(o.title);
      expect(within(person?.orgCode ?? '', o.orgCode), `${o.memberCode} outside ${o.orgCode}`).toBe(true);
      expect(o.validFrom >= (person?.joinedUnionOn ?? ''), `${o.memberCode} in office before joining`).toBe(true);
    }
  });

  it('gives every grassroots union one chair, mostly a deputy and 1–3 committee members', () => {
    const cdcs = world.orgs.filter((o) => o.kind === 'CDCS');
    let withDeputy = 0;
    for (const org of cdcs) {
      const offices = world.officers.filter((o) => o.orgCode === org.code);
      expect(offices.filter((o) => o.title === 'CHU_TICH'), org.code).toHaveLength(1);
      const bch = offices.filter((o) => o.title === 'UY_VIEN_BCH').length;
      expect(bch).toBeGreaterThanOrEqual(1);
      expect(bch).toBeLessThanOrEqual(3);
      if (offices.some((o) => o.title === 'PHO_CHU_TICH')) withDeputy++;
    }
    expect(withDeputy / cdcs.length).toBeGreaterThan(0.8);
  });

  it('gives the federations their own officers', () => {
    for (const code of ['TNI', 'TNI-DMC']) {
      const titles = world.officers.filter((o) => o.orgCode === code).map((o) => o.title);
      expect(titles, code).toContain('CHU_TICH');
      expect(titles, code).toContain('PHO_CHU_TICH');
    }
  });
});

describe('buildDemoWorld – users', () => {
  const { orgByCode, personByCode, cdcsOf } = index(world);
  const user = (name: string) => {
    const u = world.users.find((x) => x.username === name);
    if (!u) throw new Error(`missing user ${name}`);
    return u;
  };

  it('creates the demo logins with the shared password', () => {
    expect(world.users.map((u) => u.username).sort()).toEqual(
      ['admin', 'cdcs.fdi', 'cdcs.truong', 'doanvien', 'hoidong', 'huyen.tdkt', 'tinh.tdkt', 'xem'].sort(),
    );
    for (const u of world.users) {
      expect(u.password).toBe(DEMO_PASSWORD);
      expect(orgByCode.has(u.orgCode), u.username).toBe(true);
      expect(ROLES).toContain(u.role);
      expect(u.username).toMatch(/^[a-z0-9._-]{3,60}$/);
      if (u.memberCode !== null) expect(personByCode.has(u.memberCode), u.username).toBe(true);
    }
    expect(DEMO_PASSWORD.length).toBeGreaterThanOrEqual(10);
    expect(user('admin')).toMatchObject({ role: 'SYSTEM_ADMIN', orgCode: 'TLD', displayName: 'Quản trị hệ thống', memberCode: null });
    expect(user('tinh.tdkt')).toMatchObject({ role: 'TDKT_OFFICER', orgCode: 'TNI' });
    expect(user('huyen.tdkt')).toMatchObject({ role: 'TDKT_OFFICER', orgCode: 'TNI-DMC' });
    expect(personByCode.get(user('huyen.tdkt').memberCode ?? '')?.orgCode).toBe('TNI-DMC');
    expect(user('hoidong')).toMatchObject({ role: 'COUNCIL_MEMBER', orgCode: 'TNI-DMC' });
    expect(user('xem')).toMatchObject({ role: 'VIEWER', orgCode: 'TNI-DMC' });
  });

  it('links the grassroots officers to their union chairs', () => {
    for (const [name, sector] of [
      ['cdcs.truong', 'TRUONG_HOC'],
      ['cdcs.fdi', 'FDI'],
    ] as const) {
      const u = user(name);
      const org = orgByCode.get(u.orgCode);
      expect(u.role).toBe('CDCS_OFFICER');
      expect(org).toMatchObject({ kind: 'CDCS', sector, parentCode: 'TNI-DMC' });
      expect(world.officers).toContainEqual(expect.objectContaining({ orgCode: u.orgCode, memberCode: u.memberCode, title: 'CHU_TICH' }));
      expect(u.displayName).toBe(personByCode.get(u.memberCode ?? '')?.fullName);
    }
  });

  it('links doanvien to Nguyễn Văn An in his own unit', () => {
    const an = nguyenVanAns(world)[0];
    expect(user('doanvien')).toMatchObject({ role: 'MEMBER', orgCode: an?.orgCode, memberCode: an?.memberCode, displayName: 'Nguyễn Văn An' });
    expect(cdcsOf(user('doanvien').orgCode)?.parentCode).toBe('TNI-DMC');
  });
});

describe('buildDemoWorld – properties over arbitrary seeds', () => {
  it('keeps identifiers unique, CCCDs consistent and one Nguyễn Văn An', () => {
    fc.assert(
      fc.property(fc.integer(), (seed) => {
        const w = buildDemoWorld(seed);
        const { within, orgByCode, personByCode } = index(w);
        expect(duplicates(w.persons.map((p) => p.memberCode))).toEqual([]);
        expect(duplicates(w.persons.map((p) => p.cccd))).toEqual([]);
        expect(duplicates(w.persons.flatMap((p) => (p.email ? [p.email] : [])))).toEqual([]);
        expect(cccdProblems(w.persons)).toEqual([]);
        expect(nguyenVanAns(w)).toHaveLength(1);
        const dmc = w.persons.filter((p) => within(p.orgCode, 'TNI-DMC')).length;
        expect(dmc).toBeGreaterThanOrEqual(2800);
        expect(dmc).toBeLessThanOrEqual(3300);
        for (const o of w.officers) {
          expect(within(personByCode.get(o.memberCode)?.orgCode ?? '', o.orgCode)).toBe(true);
        }
        for (const u of w.users) expect(orgByCode.has(u.orgCode)).toBe(true);
      }),
      { numRuns: 12 },
    );
  }, 60_000);
});
