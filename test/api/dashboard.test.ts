// Dashboard figures (issue 10, first slice): every figure is computed again here, in plain JS, from
// the rows this file inserts, and compared with the API — for a district, a CĐCS and the province
// (which alone sees the other district). Records revoked or superseded never count; records kept by
// another district never count for this one; readers out of scope get 404, non-readers 403.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { startTestApp, type TestEnv } from '../support/app';
import { createOrg, createPerson, loginAs, smallWorld, type OrgRef } from '../factories';
import { DASHBOARD_DEFAULT_TARGETS, type DashboardDto } from '../../src/contracts/dashboard';

const Y = 2025;

let env: TestEnv;
let w: Awaited<ReturnType<typeof smallWorld>>;
let other: OrgRef;

interface P { id: number; fullName: string; gender: 'MALE' | 'FEMALE'; isLeader: boolean; isDirectWorker: boolean }
interface Rec { personId: number | null; orgId: number | null; scopePath: string; code: string; year: number; status: 'ACTIVE' | 'REVOKED' | 'SUPERSEDED' }
const people: P[] = [];
const records: Rec[] = [];
let catalogue: { code: string; name_vi: string; level: string; sort_order: number }[];

beforeAll(async () => {
  env = await startTestApp();
  const db = env.database.db;
  w = await smallWorld(db);
  other = await createOrg(db, { code: 'TBI', name: 'Liên đoàn Lao động huyện Tân Biên', kind: 'LDLD_HUYEN', parent: w.orgs.tinh });
  const otherCdcs = await createOrg(db, { code: 'TBI-A', name: 'Công đoàn cơ sở Trường Tiểu học Tân Lập', kind: 'CDCS', parent: other });
  const person = async (org: OrgRef, fullName: string, gender: P['gender'], isLeader: boolean, isDirectWorker: boolean) => {
    const id = await createPerson(db, org, { fullName, gender, isLeader, isDirectWorker });
    people.push({ id, fullName, gender, isLeader, isDirectWorker });
    return { id, org };
  };
  const hoa = await person(w.orgs.cdcsA, 'Lê Thị Hoa', 'FEMALE', false, true);
  const hung = await person(w.orgs.cdcsA, 'Phạm Văn Hùng', 'MALE', true, false);
  const lan = await person(w.orgs.toA, 'Võ Thị Lan', 'FEMALE', false, true);
  const minh = await person(w.orgs.cdcsB, 'Trương Văn Minh', 'MALE', false, true);
  const ngoc = await person(w.orgs.cdcsB, 'Huỳnh Thị Ngọc', 'FEMALE', true, false);
  const phuc = await person(w.orgs.cdcsB, 'Đỗ Văn Phúc', 'MALE', false, false);
  const quyen = await person(otherCdcs, 'Lý Thị Quyên', 'FEMALE', false, true);
  const ind = (p: { id: number; org: OrgRef }, code: string, year: number, status: Rec['status'] = 'ACTIVE', scope = p.org) =>
    records.push({ personId: p.id, orgId: null, scopePath: scope.path, code, year, status });
  const col = (org: OrgRef, code: string, year: number, status: Rec['status'] = 'ACTIVE') => records.push({ personId: null, orgId: org.id, scopePath: org.path, code, year, status });
  // Streak of 3 (two awards in 2025 count once for the streak, twice as awards).
  ind(hoa, 'LDTT', Y - 2); ind(hoa, 'LDTT', Y - 1); ind(hoa, 'CSTD_CS', Y); ind(hoa, 'LDTT', Y);
  // Streak of 2 here; his Y − 2 award was kept by the other district, which this district never counts.
  ind(hung, 'LDTT', Y - 1); ind(hung, 'LDTT', Y); ind(hung, 'LDTT', Y - 2, 'ACTIVE', otherCdcs);
  // A gap: streak of 1.
  ind(lan, 'LDTT', Y - 3); ind(lan, 'LDTT', Y - 2); ind(lan, 'LDTT', Y);
  // His Y award was revoked: no streak, and it is not an award of Y.
  ind(minh, 'LDTT', Y - 1); ind(minh, 'LDTT', Y, 'REVOKED');
  // A superseded record does not count; the record that replaced it does.
  ind(ngoc, 'LDTT', Y - 1); ind(ngoc, 'LDTT', Y, 'SUPERSEDED'); ind(ngoc, 'DVCD_XS', Y);
  for (let y = Y - 4; y <= Y; y++) ind(phuc, 'CSTD_CS', y);
  // The other district: 3 years in a row, counted only at the province.
  ind(quyen, 'LDTT', Y - 2); ind(quyen, 'LDTT', Y - 1); ind(quyen, 'LDTT', Y);
  col(w.orgs.cdcsA, 'TTLDTT', Y); col(w.orgs.cdcsA, 'TTLDTT', Y - 1); col(w.orgs.toA, 'TO_CD_VUNG_MANH', Y); col(w.orgs.toA, 'TO_CD_VUNG_MANH', Y - 1); col(w.orgs.cdcsB, 'TTLDTT', Y - 1); col(otherCdcs, 'TTLDTT', Y);
  col(w.orgs.cdcsB, 'CDCS_HTXSNV', Y, 'REVOKED');
  for (const r of records) {
    await db.execute(sql`insert into award_record (person_id, org_id, scope_path, award_code, year, status, revoked_at, revoked_reason)
      values (${r.personId}, ${r.orgId}, ${r.scopePath}, ${r.code}, ${r.year}, ${r.status},
              ${r.status === 'REVOKED' ? sql`now()` : sql`null`}, ${r.status === 'REVOKED' ? 'Thu hồi theo quyết định số 12/QĐ-LĐLĐ' : null})`);
  }
  catalogue = (await db.execute<{ code: string; name_vi: string; level: string; sort_order: number }>(sql`select code, name_vi, level, sort_order from award_type`)).rows;
});
afterAll(() => env.close());

const as = (user: string) => loginAs(env.app, user);

// ── The same figures, computed from the fixture rows ───────────────────────────────────────────────
const counted = (path: string) => records.filter((r) => r.status === 'ACTIVE' && r.scopePath.startsWith(path));
type Targets = Record<keyof typeof DASHBOARD_DEFAULT_TARGETS, number>;
const pct = (n: number, d: number) => (d === 0 ? null : Math.round((1000 * n) / d) / 10); // denominators < 16 here: no ties

function expected(path: string, year: number, targets: Targets = DASHBOARD_DEFAULT_TARGETS) {
  const recs = counted(path);
  const ofYear = recs.filter((r) => r.year === year);
  const codes = [...new Set(ofYear.map((r) => r.code))];
  const cat = (code: string) => catalogue.find((c) => c.code === code)!;
  codes.sort((a, b) => cat(a).sort_order - cat(b).sort_order || (a < b ? -1 : 1));
  const items = codes.map((code) => ({
    code,
    nameVi: cat(code).name_vi,
    level: cat(code).level,
    individuals: ofYear.filter((r) => r.code === code && r.personId !== null).length,
    collectives: ofYear.filter((r) => r.code === code && r.orgId !== null).length,
  }));
  const person = (id: number) => people.find((p) => p.id === id)!;
  const share = (y: number, test: (p: P) => boolean) => {
    const inds = recs.filter((r) => r.year === y && r.personId !== null).map((r) => person(r.personId!));
    const n = inds.filter(test).length;
    return { numerator: n, denominator: inds.length, percent: pct(n, inds.length) };
  };
  // Collectives: only the tổ công đoàn is a small collective (kinds below the grassroots union).
  const smallOrgs = new Set([w.orgs.toA.id]);
  const smallShare = (y: number) => {
    const cols = recs.filter((r) => r.year === y && r.orgId !== null);
    const n = cols.filter((r) => smallOrgs.has(r.orgId!)).length;
    return { numerator: n, denominator: cols.length, percent: pct(n, cols.length) };
  };
  const shares = (
    [
      ['NON_LEADER', (p: P) => !p.isLeader],
      ['DIRECT_WORKER', (p: P) => p.isDirectWorker],
      ['WOMEN', (p: P) => p.gender === 'FEMALE'],
      ['SMALL_COLLECTIVE', null],
    ] as const
  ).map(([key, test]) => {
    const current = test ? share(year, test) : smallShare(year);
    const previous = test ? share(year - 1, test) : smallShare(year - 1);
    return {
      key,
      current,
      previous,
      changePoints: current.percent === null || previous.percent === null ? null : Math.round((current.percent - previous.percent) * 10) / 10,
      target: targets[key],
      meetsTarget: current.percent === null ? null : current.percent >= targets[key],
    };
  });
  const active = records.filter((r) => r.status === 'ACTIVE');
  const run = (mine: (r: Rec) => boolean) => {
    const years = new Set(active.filter(mine).map((r) => r.year));
    let n = 0;
    while (years.has(year - n)) n++;
    return n;
  };
  const streaks = people
    .filter((p) => ofYear.some((r) => r.personId === p.id))
    .map((p) => {
      const n = run((r) => r.personId === p.id);
      return { personId: p.id, fullName: p.fullName, years: n, fromYear: year - n + 1 };
    })
    .filter((s) => s.years >= 2);
  const unitStreaks = [...new Set(ofYear.filter((r) => r.orgId !== null).map((r) => r.orgId!))]
    .map((orgId) => {
      const n = run((r) => r.orgId === orgId);
      return { orgId, years: n, fromYear: year - n + 1 };
    })
    .filter((s) => s.years >= 2);
  return {
    items,
    totals: { individuals: ofYear.filter((r) => r.personId !== null).length, collectives: ofYear.filter((r) => r.orgId !== null).length },
    shares,
    counts: [2, 3].map((n) => ({ years: n, count: streaks.filter((s) => s.years >= n).length })),
    top: streaks.sort((a, b) => a.personId - b.personId),
    unitCounts: [2, 3].map((n) => ({ years: n, count: unitStreaks.filter((s) => s.years >= n).length })),
    unitTop: unitStreaks.sort((a, b) => a.orgId - b.orgId),
  };
}

async function figures(user: string, orgId: number, year: number, extra = '') {
  const res = await (await as(user)).get(`/api/v1/dashboard?orgId=${orgId}&year=${year}${extra}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json<DashboardDto>();
}

function compare(d: DashboardDto, path: string, year: number, targets: Targets = DASHBOARD_DEFAULT_TARGETS) {
  const e = expected(path, year, targets);
  expect(d.year).toBe(year);
  expect(d.awards.items.map(({ code, nameVi, level, individuals, collectives }) => ({ code, nameVi, level, individuals, collectives }))).toEqual(e.items);
  expect(d.awards.totals).toEqual(e.totals);
  expect(d.shares.map(({ key, current, previous, changePoints, target, meetsTarget }) => ({ key, current, previous, changePoints, target, meetsTarget }))).toEqual(e.shares);
  expect(d.streaks.counts).toEqual(e.counts);
  expect(d.streaks.top.map(({ personId, fullName, years, fromYear }) => ({ personId, fullName, years, fromYear })).sort((a, b) => a.personId - b.personId)).toEqual(e.top);
  expect(d.streaks.unitCounts).toEqual(e.unitCounts);
  expect(d.streaks.unitTop.map(({ orgId, years, fromYear }) => ({ orgId, years, fromYear })).sort((a, b) => a.orgId - b.orgId)).toEqual(e.unitTop);
  // Longest streaks first.
  expect(d.streaks.top.map((s) => s.years)).toEqual([...d.streaks.top.map((s) => s.years)].sort((a, b) => b - a));
  return e;
}

describe('dashboard figures', () => {
  it('for the district: every figure equals the one computed from the records, the other district never counted', async () => {
    const d = await figures('huyen.tdkt', w.orgs.huyen.id, Y);
    const e = compare(d, w.orgs.huyen.path, Y);
    expect(d.org).toEqual({ id: w.orgs.huyen.id, code: 'DMC', name: 'Liên đoàn Lao động huyện DMC' });
    // The fixture exercises what it should: revoked/superseded rows, duplicates, the other district.
    expect(e.totals).toEqual({ individuals: 6, collectives: 2 });
    expect(e.counts).toEqual([{ years: 2, count: 4 }, { years: 3, count: 3 }]);
    expect(e.unitCounts).toEqual([{ years: 2, count: 2 }, { years: 3, count: 0 }]);
    expect(d.awards.items.find((i) => i.code === 'LDTT')).toMatchObject({ nameVi: 'Lao động tiên tiến', levelLabel: 'Cấp cơ sở', individuals: 3, collectives: 0 });
    expect(d.awards.items.map((i) => i.code)).not.toContain('CDCS_HTXSNV');
    const names = d.streaks.top.map((s) => s.fullName);
    expect(names).not.toContain('Lý Thị Quyên');
    expect(names).not.toContain('Trương Văn Minh');
    expect(d.streaks.top[0]).toMatchObject({ fullName: 'Đỗ Văn Phúc', years: 5, fromYear: Y - 4, orgName: 'Công đoàn cơ sở Công ty TNHH Sợi Thế Kỷ' });
    // A run is the person's own: Hùng's Y − 2 award, kept by the other district before he moved, counts.
    expect(d.streaks.top.find((s) => s.fullName === 'Phạm Văn Hùng')?.years).toBe(3);
    const women = d.shares.find((s) => s.key === 'WOMEN')!;
    expect(women).toMatchObject({ label: 'Nữ', targetIsDefault: true, current: { numerator: 4, denominator: 6, percent: 66.7 } });
  });

  it('for a CĐCS (its tổ included) and for the province (both districts), as their readers', async () => {
    compare(await figures('cdcs.a', w.orgs.cdcsA.id, Y), w.orgs.cdcsA.path, Y);
    compare(await figures('xem', w.orgs.cdcsB.id, Y), w.orgs.cdcsB.path, Y);
    const province = await figures('admin', w.orgs.tinh.id, Y);
    compare(province, w.orgs.tinh.path, Y);
    expect(province.streaks.top.map((s) => s.fullName)).toContain('Lý Thị Quyên');
    expect(province.streaks.top.find((s) => s.fullName === 'Phạm Văn Hùng')?.years).toBe(3);
    // The year before, as its own dashboard year.
    compare(await figures('huyen.tdkt', w.orgs.huyen.id, Y - 1), w.orgs.huyen.path, Y - 1);
  });

  it('targets given in the request replace the defaults; a year without awards has no shares', async () => {
    const targets = { NON_LEADER: 80, DIRECT_WORKER: 33.3, WOMEN: 40, SMALL_COLLECTIVE: 25 };
    const d = await figures('huyen.tdkt', w.orgs.huyen.id, Y, '&targetNonLeader=80&targetDirectWorker=33.3&targetWomen=40&targetSmallCollective=25');
    compare(d, w.orgs.huyen.path, Y, targets);
    expect(d.shares.every((s) => !s.targetIsDefault)).toBe(true);
    const empty = await figures('huyen.tdkt', w.orgs.huyen.id, Y + 3);
    expect(empty.awards).toEqual({ items: [], totals: { individuals: 0, collectives: 0 } });
    expect(empty.shares.map((s) => [s.current.percent, s.previous.percent, s.changePoints, s.meetsTarget])).toEqual([
      [null, null, null, null],
      [null, null, null, null],
      [null, null, null, null],
      [null, null, null, null],
    ]);
    const none = [{ years: 2, count: 0 }, { years: 3, count: 0 }];
    expect(empty.streaks).toEqual({ counts: none, top: [], unitCounts: none, unitTop: [] });
  });

  it('labels follow the reader’s language', async () => {
    await env.database.db.execute(sql`update app_user set locale = 'en' where username = 'xem'`);
    const d = await figures('xem', w.orgs.huyen.id, Y);
    expect(d.shares.map((s) => s.label)).toEqual(['Workers holding no leadership position', 'Direct production workers', 'Women', 'Small collectives (union sections, union groups)']);
    compare(d, w.orgs.huyen.path, Y);
  });
});

describe('permissions and input', () => {
  it('out of scope or unknown → 404; no reading role → 403; bad input → 400 in Vietnamese', async () => {
    const b = await as('cdcs.b');
    expect((await b.get(`/api/v1/dashboard?orgId=${w.orgs.cdcsA.id}&year=${Y}`)).statusCode).toBe(404);
    expect((await b.get(`/api/v1/dashboard?orgId=${w.orgs.huyen.id}&year=${Y}`)).statusCode).toBe(404);
    expect((await (await as('huyen.tdkt')).get(`/api/v1/dashboard?orgId=${other.id}&year=${Y}`)).statusCode).toBe(404);
    expect((await (await as('admin')).get(`/api/v1/dashboard?orgId=999999&year=${Y}`)).statusCode).toBe(404);
    expect((await (await as('doanvien')).get(`/api/v1/dashboard?orgId=${w.orgs.cdcsA.id}&year=${Y}`)).statusCode).toBe(403);
    expect((await env.app.inject({ method: 'GET', url: `/api/v1/dashboard?orgId=${w.orgs.cdcsA.id}&year=${Y}` })).statusCode).toBe(401);
    const h = await as('huyen.tdkt');
    for (const q of [`orgId=${w.orgs.huyen.id}`, `orgId=${w.orgs.huyen.id}&year=1800`, `orgId=abc&year=${Y}`, `orgId=${w.orgs.huyen.id}&year=${Y}&targetWomen=120`]) {
      const res = await h.get(`/api/v1/dashboard?${q}`);
      expect(res.statusCode, q).toBe(400);
      expect(res.body).toMatch(/[ăâđêôơưáàảãạếềệọộ]/);
    }
  });
});
