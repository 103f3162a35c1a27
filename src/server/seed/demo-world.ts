// Deterministic demo data: the organisation tree of a provincial labour federation (Tây Ninh)
// with the district federation "LĐLĐ huyện DMC" in detail, ~3,000 union members, their union
// officers and a handful of demo logins. Pure: no I/O, no clock, no global randomness — the same
// seed always yields a deep-equal world.

import type { DEFAULT_ORG_KINDS, Gender, OfficerTitle, Role, Sector } from '../../contracts/enums';
import { addYears, dayNumber, isoFromDay, maxIso } from './demo/dates';
import { ETHNICITIES, RESERVED_NAME, asciiSlug, randomFullName, type Ethnicity } from './demo/names';
import { Rng, weightedTable, type WeightedTable } from './demo/prng';
import { FEDERATION_BORN, HEAD_BORN, type HeadSpec, type RoleSpec } from './demo/roles';
import { DEMO_TREE, type CdcsSpec, type FederationSpec, type SectionSpec, type StaffKey } from './demo/tree';

export interface DemoOrg {
  code: string;
  name: string;
  shortName: string | null;
  kind: string;
  sector: Sector | null;
  parentCode: string | null;
  address: string | null;
  validFrom: string /* yyyy-mm-dd */;
}

export interface DemoPerson {
  memberCode: string;
  fullName: string;
  gender: 'MALE' | 'FEMALE';
  birthDate: string;
  cccd: string /* 12 digits, unique */;
  orgCode: string;
  position: string | null;
  isLeader: boolean;
  isDirectWorker: boolean;
  phone: string | null;
  email: string | null;
  ethnicity: string;
  joinedUnionOn: string;
}

export interface DemoOfficer {
  memberCode: string;
  orgCode: string;
  title: OfficerTitle;
  validFrom: string;
}

export interface DemoUser {
  username: string;
  displayName: string;
  password: string;
  role: Role;
  orgCode: string;
  memberCode: string | null;
}

export interface DemoWorld {
  orgs: DemoOrg[] /* parents before children */;
  persons: DemoPerson[];
  officers: DemoOfficer[];
  users: DemoUser[];
}

/** Password of every demo login (meets the 10-character minimum). */
export const DEMO_PASSWORD = 'VinhDanh@2024';

/** "Today" of the demo world: nobody joins the union after this date. */
export const DEMO_REFERENCE_DATE = '2024-06-30';

/** Province prefix of the demo CCCD numbers (Tây Ninh). */
export const DEMO_CCCD_PROVINCE = '072';

/** Org kinds whose own staff (cán bộ chuyên trách) may be attached directly to them. */
export const FEDERATION_KINDS: ReadonlySet<string> = new Set<(typeof DEFAULT_ORG_KINDS)[number]>([
  'TLD',
  'LDLD_TINH',
  'CD_NGANH_TW',
  'LDLD_HUYEN',
  'CD_NGANH_DP',
  'CD_KCN',
]);

const PHONE_PREFIXES = ['090', '091', '093', '094', '096', '097', '098', '099'] as const;
const PHONE_RATE = 0.7;
const EMAIL_RATE = 0.3;
/** Terms of office of grassroots unions started with congresses held in this window. */
const CDCS_CONGRESS_FROM = '2022-09-01';
const CDCS_CONGRESS_TO = '2023-04-28';

interface PersonRequest {
  orgCode: string;
  position: string;
  leader: boolean;
  direct: boolean;
  female: number;
  born: readonly [number, number];
  /** Nobody joins the union before this date (the unit's founding). */
  joinFloor: string;
  forced?: { fullName: string; gender: Gender };
}

/** A leaf of a grassroots union, i.e. a unit that holds members. */
interface Leaf {
  code: string;
  validFrom: string;
  size: number;
  heads: readonly HeadSpec[];
  pool: readonly RoleSpec[];
}

interface MemberRecord {
  person: DemoPerson;
  /** Code of every org from the grassroots union down to the member's unit. */
  path: readonly string[];
  /** Head of the host unit (director, principal…) — kept out of the union chair. */
  topHead: boolean;
  cdcsHead: boolean;
}

class WorldBuilder {
  readonly orgs: DemoOrg[] = [];
  readonly persons: DemoPerson[] = [];
  readonly officers: DemoOfficer[] = [];
  readonly users: DemoUser[] = [];

  private readonly cccds = new Set<string>();
  private readonly emails = new Set<string>();
  private readonly phones = new Set<string>();
  private readonly tables = new Map<readonly RoleSpec[], WeightedTable<RoleSpec>>();
  private readonly officeHolders = new Set<string>();
  readonly staffByKey = new Map<StaffKey, DemoPerson>();
  readonly chairByOrg = new Map<string, DemoPerson>();
  readonly demoUserChairs = new Map<string, { orgCode: string; person: DemoPerson }>();
  private nguyenVanAn: DemoPerson | null = null;

  constructor(private readonly rng: Rng) {}

  build(): DemoWorld {
    this.federation(DEMO_TREE, null);
    this.createUsers();
    return { orgs: this.orgs, persons: this.persons, officers: this.officers, users: this.users };
  }

  // ----- organisations -----------------------------------------------------------------------

  private federation(spec: FederationSpec, parentCode: string | null): void {
    this.orgs.push({
      code: spec.code,
      name: spec.name,
      shortName: spec.shortName,
      kind: spec.kind,
      sector: null,
      parentCode,
      address: spec.address,
      validFrom: spec.validFrom,
    });

    // Full-time staff of the federation itself, and their offices.
    for (const staff of spec.staff) {
      const person = this.person({
        orgCode: spec.code,
        position: staff.position,
        leader: staff.leader,
        direct: false,
        female: 0.45,
        born: staff.leader ? HEAD_BORN : FEDERATION_BORN,
        joinFloor: '1984-01-01',
      });
      if (staff.key) this.staffByKey.set(staff.key, person);
      if (staff.title && spec.congress) this.appoint(person, spec.code, staff.title, spec.congress);
      if (staff.title === 'CHU_TICH') this.chairByOrg.set(spec.code, person);
    }

    spec.cdcs.forEach((cdcs, index) => {
      const code = `${spec.code}-${String(index + 1).padStart(3, '0')}`;
      const chair = this.grassroots(cdcs, code, spec);
      if (cdcs.inFederationBch && spec.congress) this.appoint(chair, spec.code, 'UY_VIEN_BCH', spec.congress);
    });

    for (const child of spec.children) this.federation(child, spec.code);

    // Chairs of the lower federations sit on this federation's executive committee.
    if (spec.congress) {
      for (const child of spec.children) {
        const chair = this.chairByOrg.get(child.code);
        if (chair) this.appoint(chair, spec.code, 'UY_VIEN_BCH', spec.congress);
      }
    }
  }

  /** Creates one grassroots union with its sections and members; returns its union chair. */
  private grassroots(spec: CdcsSpec, code: string, fed: FederationSpec): DemoPerson {
    const validFrom = this.dateInYear(spec.founded);
    this.orgs.push({
      code,
      name: `Công đoàn cơ sở ${spec.host}`,
      shortName: spec.shortName,
      kind: 'CDCS',
      sector: spec.sector,
      parentCode: fed.code,
      address: `${spec.place}, ${fed.area}`,
      validFrom,
    });

    const leaves: Leaf[] = [];
    const pathOf = new Map<string, string[]>();
    if (!spec.sections || spec.sections.length === 0) {
      leaves.push({ code, validFrom, size: spec.size ?? 0, heads: spec.heads, pool: spec.pool });
      pathOf.set(code, [code]);
    } else {
      const officeSet = hasOffice(spec.sections);
      this.sections(spec, spec.sections, code, [code], validFrom, leaves, pathOf, officeSet);
    }

    // Members, leaf by leaf. The host unit's heads come first in their leaf.
    const members: MemberRecord[] = [];
    let anPending = spec.nguyenVanAn === true;
    for (const leaf of leaves) {
      const path = pathOf.get(leaf.code) ?? [code];
      const isCdcsHead = (head: HeadSpec): boolean => spec.heads.includes(head);
      let placed = 0;
      for (const head of leaf.heads) {
        for (let i = 0; i < head.count; i++) {
          const person = this.person({
            orgCode: leaf.code,
            position: head.title,
            leader: true,
            direct: false,
            female: head.female ?? (spec.female + 0.5) / 2,
            born: head.born ?? HEAD_BORN,
            joinFloor: leaf.validFrom,
          });
          members.push({ person, path, topHead: head === spec.heads[0] && i === 0, cdcsHead: isCdcsHead(head) });
          placed++;
        }
      }
      const table = this.table(leaf.pool);
      for (; placed < leaf.size; placed++) {
        const role = this.rng.weighted(table);
        const request: PersonRequest = {
          orgCode: leaf.code,
          position: role.title,
          leader: role.leader === true,
          direct: role.direct === true,
          female: role.female ?? spec.female,
          born: role.born ?? spec.born,
          joinFloor: leaf.validFrom,
        };
        if (anPending && !request.leader) {
          request.forced = { fullName: RESERVED_NAME, gender: 'MALE' };
          anPending = false;
        }
        const person = this.person(request);
        if (request.forced) this.nguyenVanAn = person;
        members.push({ person, path, topHead: false, cdcsHead: false });
      }
    }

    return this.grassrootsOfficers(spec, code, members);
  }

  private sections(
    spec: CdcsSpec,
    sections: readonly SectionSpec[],
    parentCode: string,
    parentPath: readonly string[],
    validFrom: string,
    leaves: Leaf[],
    pathOf: Map<string, string[]>,
    officeSet: boolean,
  ): void {
    sections.forEach((section, index) => {
      const prefix = section.kind === 'CD_BO_PHAN' ? 'BP' : 'T';
      const code = `${parentCode}-${prefix}${String(index + 1).padStart(2, '0')}`;
      const name = section.name.replace(/^(Công đoàn bộ phận|Tổ công đoàn) /, '');
      this.orgs.push({
        code,
        name: section.name,
        shortName: name,
        kind: section.kind,
        sector: spec.sector,
        parentCode,
        address: null,
        validFrom,
      });
      const path = [...parentPath, code];
      if (section.children && section.children.length > 0) {
        this.sections(spec, section.children, code, path, validFrom, leaves, pathOf, officeSet);
        return;
      }
      // Without an explicit office leaf, the first leaf receives the host unit's heads.
      const getsHeads = officeSet ? section.office === true : leaves.length === 0;
      leaves.push({
        code,
        validFrom,
        size: section.size ?? 0,
        heads: [...(getsHeads ? spec.heads : []), ...(section.heads ?? [])],
        pool: section.pool ?? spec.pool,
      });
      pathOf.set(code, path);
    });
  }

  // ----- officers ----------------------------------------------------------------------------

  private grassrootsOfficers(spec: CdcsSpec, code: string, members: readonly MemberRecord[]): DemoPerson {
    const congress = isoFromDay(this.rng.int(dayNumber(CDCS_CONGRESS_FROM), dayNumber(CDCS_CONGRESS_TO)));
    const experienced = (m: MemberRecord): boolean => m.person.joinedUnionOn <= congress && m.person.birthDate <= '1995-12-31';
    let eligible = members.filter((m) => !m.topHead && experienced(m));
    if (eligible.length < 6) eligible = members.filter((m) => !m.topHead);
    const taken = new Set<string>();
    const choose = (pool: readonly MemberRecord[]): MemberRecord => {
      const free = pool.filter((m) => !taken.has(m.person.memberCode));
      const fallback = members.filter((m) => !taken.has(m.person.memberCode));
      const chosen = this.rng.pick(free.length > 0 ? free : fallback);
      taken.add(chosen.person.memberCode);
      return chosen;
    };

    // In public bodies and schools the union is often chaired by a deputy head.
    const deputies = eligible.filter((m) => m.cdcsHead);
    const publicBody = spec.sector === 'HCSN' || spec.sector === 'TRUONG_HOC';
    const chair = choose(publicBody && deputies.length > 0 && this.rng.chance(0.5) ? deputies : eligible.filter((m) => !m.cdcsHead));
    this.appoint(chair.person, code, 'CHU_TICH', congress);
    this.chairByOrg.set(code, chair.person);
    if (spec.demoUser) this.demoUserChairs.set(spec.demoUser, { orgCode: code, person: chair.person });

    const size = members.length;
    if (size >= 20 || this.rng.chance(0.5)) this.appoint(choose(eligible).person, code, 'PHO_CHU_TICH', congress);
    const committee = size < 25 ? 1 : size < 80 ? 2 : 3;
    for (let i = 0; i < committee; i++) this.appoint(choose(eligible).person, code, 'UY_VIEN_BCH', congress);
    if (size >= 100) this.appoint(choose(eligible).person, code, 'UY_VIEN_UBKT', congress);

    // Sections: a chair for each công đoàn bộ phận, a leader (and deputy if large) for each tổ.
    const sectionCodes = new Set<string>();
    for (const m of members) for (const c of m.path.slice(1)) sectionCodes.add(c);
    for (const sectionCode of sectionCodes) {
      const org = this.orgs.find((o) => o.code === sectionCode);
      if (!org) continue;
      const inside = members.filter((m) => m.path.includes(sectionCode) && !m.topHead);
      const pool = inside.filter(experienced);
      const pickFrom = pool.length > 0 ? pool : inside;
      if (org.kind === 'CD_BO_PHAN') {
        this.appoint(choose(pickFrom).person, sectionCode, 'CHU_TICH', congress);
      } else {
        this.appoint(choose(pickFrom).person, sectionCode, 'TO_TRUONG', congress);
        if (inside.length >= 30) this.appoint(choose(pickFrom).person, sectionCode, 'TO_PHO', congress);
      }
    }
    return chair.person;
  }

  private appoint(person: DemoPerson, orgCode: string, title: OfficerTitle, from: string): void {
    const key = `${orgCode}|${person.memberCode}`;
    if (this.officeHolders.has(key)) return;
    this.officeHolders.add(key);
    this.officers.push({ memberCode: person.memberCode, orgCode, title, validFrom: maxIso(from, person.joinedUnionOn) });
  }

  // ----- persons -----------------------------------------------------------------------------

  private person(req: PersonRequest): DemoPerson {
    const rng = this.rng;
    const gender: Gender = req.forced?.gender ?? (rng.chance(req.female) ? 'FEMALE' : 'MALE');
    const year = rng.int(req.born[0], req.born[1]);
    const birthDate = this.dateInYear(year);
    const ethnicity: Ethnicity = req.forced ? 'Kinh' : rng.weighted(ETHNICITIES);
    const fullName = req.forced?.fullName ?? randomFullName(rng, gender, ethnicity, year);

    // Most people start work (and join the union) between 18 and 25, never before the unit existed.
    const adult = addYears(birthDate, 18);
    let earliest = maxIso(addYears(birthDate, 18 + rng.int(0, 7)), req.joinFloor);
    if (earliest > DEMO_REFERENCE_DATE) earliest = maxIso(adult, req.joinFloor);
    const lastDay = Math.min(dayNumber(DEMO_REFERENCE_DATE), dayNumber(earliest) + 3 * 365);
    const joinedUnionOn = isoFromDay(rng.int(dayNumber(earliest), lastDay));

    const person: DemoPerson = {
      memberCode: `DV${String(this.persons.length + 1).padStart(7, '0')}`,
      fullName,
      gender,
      birthDate,
      cccd: this.cccd(gender, year),
      orgCode: req.orgCode,
      position: req.position,
      isLeader: req.leader,
      isDirectWorker: req.direct,
      phone: rng.chance(PHONE_RATE) ? this.phone() : null,
      email: rng.chance(EMAIL_RATE) ? this.email(fullName, year) : null,
      ethnicity,
      joinedUnionOn,
    };
    this.persons.push(person);
    return person;
  }

  /** 072 + gender/century digit + two digits of the birth year + six random digits. */
  private cccd(gender: Gender, year: number): string {
    const centuryDigit = (year >= 2000 ? 2 : 0) + (gender === 'FEMALE' ? 1 : 0);
    const prefix = `${DEMO_CCCD_PROVINCE}${centuryDigit}${String(year % 100).padStart(2, '0')}`;
    for (;;) {
      const cccd = prefix + this.rng.digits(6);
      if (!this.cccds.has(cccd)) {
        this.cccds.add(cccd);
        return cccd;
      }
    }
  }

  private phone(): string {
    for (;;) {
      const phone = this.rng.pick(PHONE_PREFIXES) + this.rng.digits(7);
      if (!this.phones.has(phone)) {
        this.phones.add(phone);
        return phone;
      }
    }
  }

  private email(fullName: string, year: number): string {
    const base = `${asciiSlug(fullName)}${String(year % 100).padStart(2, '0')}`;
    let email = `${base}@gmail.com`;
    for (let n = 2; this.emails.has(email); n++) email = `${base}.${n}@gmail.com`;
    this.emails.add(email);
    return email;
  }

  // ----- users -------------------------------------------------------------------------------

  private createUsers(): void {
    const staff = (key: StaffKey): DemoPerson => {
      const person = this.staffByKey.get(key);
      if (!person) throw new Error(`demo world: missing staff ${key}`);
      return person;
    };
    const chair = (username: string): { orgCode: string; person: DemoPerson } => {
      const found = this.demoUserChairs.get(username);
      if (!found) throw new Error(`demo world: no grassroots union for ${username}`);
      return found;
    };
    const an = this.nguyenVanAn;
    if (!an) throw new Error('demo world: Nguyễn Văn An was not placed');
    const linked = (username: string, role: Role, orgCode: string, person: DemoPerson): DemoUser => ({
      username,
      displayName: person.fullName,
      password: DEMO_PASSWORD,
      role,
      orgCode,
      memberCode: person.memberCode,
    });
    const school = chair('cdcs.truong');
    const fdi = chair('cdcs.fdi');
    this.users.push(
      { username: 'admin', displayName: 'Quản trị hệ thống', password: DEMO_PASSWORD, role: 'SYSTEM_ADMIN', orgCode: 'TLD', memberCode: null },
      linked('tinh.tdkt', 'TDKT_OFFICER', 'TNI', staff('TNI_TDKT')),
      linked('huyen.tdkt', 'TDKT_OFFICER', 'TNI-DMC', staff('DMC_TDKT')),
      linked('hoidong', 'COUNCIL_MEMBER', 'TNI-DMC', staff('DMC_VICE')),
      linked('cdcs.truong', 'CDCS_OFFICER', school.orgCode, school.person),
      linked('cdcs.fdi', 'CDCS_OFFICER', fdi.orgCode, fdi.person),
      linked('doanvien', 'MEMBER', an.orgCode, an),
      { username: 'xem', displayName: 'Người xem – LĐLĐ huyện DMC', password: DEMO_PASSWORD, role: 'VIEWER', orgCode: 'TNI-DMC', memberCode: null },
    );
  }

  // ----- helpers -----------------------------------------------------------------------------

  private dateInYear(year: number): string {
    return isoFromDay(this.rng.int(dayNumber(`${year}-01-01`), dayNumber(`${year}-12-31`)));
  }

  private table(pool: readonly RoleSpec[]): WeightedTable<RoleSpec> {
    let table = this.tables.get(pool);
    if (!table) {
      table = weightedTable(pool.map((role) => [role, role.weight] as const));
      this.tables.set(pool, table);
    }
    return table;
  }
}

function hasOffice(sections: readonly SectionSpec[]): boolean {
  return sections.some((s) => s.office === true || (s.children !== undefined && hasOffice(s.children)));
}

/** Builds the whole demo world. Same seed, same world (deep-equal). */
export function buildDemoWorld(seed = 2024): DemoWorld {
  return new WorldBuilder(new Rng(seed)).build();
}
