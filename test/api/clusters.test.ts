// Cụm, khối thi đua: composition rules, permissions, next year's rotation, the covenant and its
// DOCX, and the leader chosen at year end feeding the Cờ thi đua eligibility.
import JSZip from 'jszip';
import ExcelJS from 'exceljs';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestEnv } from '../support/app';
import { createOrg, createUser, loginAs, smallWorld, type Client } from '../factories';
import { auditEvents, countRows } from '../support/achievements';
import type { ClusterDto } from '../../src/contracts/clusters';
import type { EvaluationResult } from '../../src/contracts/eligibility';
import { todayInVietnam } from '../../src/server/modules/imports/xlsx';
import { verifyAuditChain } from '../../src/server/lib/audit';
import { readSheet } from '../support/xlsx';
import { findCluster } from '../../src/server/modules/clusters/clusters.repository';
import { clusterExportRows } from '../../src/server/modules/clusters/cluster-export';

let env: TestEnv;
let w: Awaited<ReturnType<typeof smallWorld>>;
let cdcsC: Awaited<ReturnType<typeof createOrg>>;
let otherCdcs: Awaited<ReturnType<typeof createOrg>>;

beforeAll(async () => {
  env = await startTestApp();
  const db = env.database.db;
  w = await smallWorld(db);
  cdcsC = await createOrg(db, { code: 'DMC-C', name: 'Công đoàn cơ sở Trường Tiểu học Lộc Hưng', kind: 'CDCS', parent: w.orgs.huyen });
  const other = await createOrg(db, { code: 'HTH', name: 'Liên đoàn Lao động huyện Hòa Thành', kind: 'LDLD_HUYEN', parent: w.orgs.tinh });
  otherCdcs = await createOrg(db, { code: 'HTH-A', name: 'Công đoàn cơ sở Trường THPT Hòa Thành', kind: 'CDCS', parent: other });
  await createUser(db, 'hth.tdkt', [{ role: 'TDKT_OFFICER', org: other }]);
});
afterAll(() => env.close());

const db = () => env.database.db;
const counts = async () => [await countRows(db(), 'emulation_cluster'), await countRows(db(), 'emulation_cluster_member'), await countRows(db(), 'cluster_lead')];
const message = (res: { json: <T>() => T }) => res.json<{ message: string }>().message;

function cluster(over: Record<string, unknown> = {}) {
  return {
    orgId: w.orgs.huyen.id,
    year: 2024,
    kind: 'CLUSTER',
    name: 'Cụm thi đua số 1 – Khối trường học',
    members: [
      { orgId: w.orgs.cdcsA.id, role: 'HEAD', rotationOrder: 1 },
      { orgId: w.orgs.cdcsB.id, role: 'DEPUTY', rotationOrder: 2 },
      { orgId: cdcsC.id, role: 'MEMBER', rotationOrder: 3 },
    ],
    ...over,
  };
}

async function created(c: Client, over: Record<string, unknown> = {}): Promise<ClusterDto> {
  const res = await c.post('/api/v1/clusters', cluster(over));
  expect(res.statusCode, res.body).toBe(200);
  return res.json<ClusterDto>();
}

function addDays(iso: string, n: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

let main: ClusterDto;

describe('composition', () => {
  it('the district officer creates a cluster of its CĐCS: level from the organiser, members with names and roles, audited', async () => {
    const c = await loginAs(env.app, 'huyen.tdkt');
    main = await created(c);
    expect(main).toMatchObject({ orgId: w.orgs.huyen.id, orgName: 'Liên đoàn Lao động huyện DMC', year: 2024, kind: 'CLUSTER', level: 'UPPER', leader: null, covenant: [], covenantSignedOn: null, version: 1 });
    expect(main.abilities).toEqual(['cluster.update', 'cluster.nextYear', 'cluster.covenant', 'cluster.leader']);
    expect(main.members.map((m) => [m.name, m.role, m.rotationOrder])).toEqual([
      ['Công đoàn cơ sở Trường THCS Phước Minh', 'HEAD', 1],
      ['Công đoàn cơ sở Công ty TNHH Sợi Thế Kỷ', 'DEPUTY', 2],
      ['Công đoàn cơ sở Trường Tiểu học Lộc Hưng', 'MEMBER', 3],
    ]);
    const events = await auditEvents(db(), 'cluster.create', main.id);
    expect(events).toHaveLength(1);
    expect(events[0]!.after).toMatchObject({ name: main.name, level: 'UPPER' });
    // An explicit level wins; a province federation's clusters default to PROVINCE.
    const admin = await loginAs(env.app, 'admin');
    const prov = await created(admin, { orgId: w.orgs.tinh.id, name: 'Khối các LĐLĐ huyện', kind: 'BLOCK', members: [{ orgId: w.orgs.huyen.id, role: 'HEAD', rotationOrder: 1 }, { orgId: otherCdcs.id, role: 'MEMBER', rotationOrder: 2 }] });
    expect(prov.level).toBe('PROVINCE');
  });

  it('refuses bad members with a Vietnamese message naming the unit, and saves nothing', async () => {
    const c = await loginAs(env.app, 'huyen.tdkt');
    const before = await counts();
    const cases: [Record<string, unknown>, RegExp][] = [
      [{ name: 'Cụm ngoài địa bàn', members: [{ orgId: w.orgs.cdcsA.id, rotationOrder: 1 }, { orgId: otherCdcs.id, rotationOrder: 2 }] }, /Công đoàn cơ sở Trường THPT Hòa Thành không trực thuộc Liên đoàn Lao động huyện DMC/],
      [{ name: 'Cụm có chính mình', members: [{ orgId: w.orgs.huyen.id, rotationOrder: 1 }, { orgId: w.orgs.cdcsA.id, rotationOrder: 2 }] }, /Liên đoàn Lao động huyện DMC không trực thuộc/],
      [{ name: 'Cụm thứ hai', members: [{ orgId: w.orgs.toA.id, rotationOrder: 1 }, { orgId: cdcsC.id, rotationOrder: 2 }] }, /Trường Tiểu học Lộc Hưng đã là thành viên “Cụm thi đua số 1 – Khối trường học” năm 2024/],
      [{ name: 'Cụm hai trưởng', year: 2023, members: [{ orgId: w.orgs.cdcsA.id, role: 'HEAD', rotationOrder: 1 }, { orgId: w.orgs.cdcsB.id, role: 'HEAD', rotationOrder: 2 }] }, /chỉ có một cụm trưởng/],
      [{ name: 'Cụm hai phó', year: 2023, members: [{ orgId: w.orgs.cdcsA.id, role: 'DEPUTY', rotationOrder: 1 }, { orgId: w.orgs.cdcsB.id, role: 'DEPUTY', rotationOrder: 2 }] }, /chỉ có một cụm phó/],
      [{ name: 'Cụm một đơn vị', year: 2023, members: [{ orgId: w.orgs.cdcsA.id, rotationOrder: 1 }] }, /ít nhất 02 đơn vị/],
      [{ name: 'Cụm trùng', year: 2023, members: [{ orgId: w.orgs.cdcsA.id, rotationOrder: 1 }, { orgId: w.orgs.cdcsA.id, rotationOrder: 2 }] }, /Trường THCS Phước Minh được chọn hai lần/],
      [{ name: 'Cụm trùng thứ tự', year: 2023, members: [{ orgId: w.orgs.cdcsA.id, rotationOrder: 1 }, { orgId: w.orgs.cdcsB.id, rotationOrder: 1 }] }, /Thứ tự luân phiên 1 bị trùng/],
      [{ year: 2024, kind: 'BLOCK', members: [{ orgId: w.orgs.toA.id, rotationOrder: 1 }, { orgId: w.orgs.cdcsB.id, rotationOrder: 2 }] }, /đã có cụm, khối tên/],
    ];
    for (const [over, pattern] of cases) {
      const res = await c.post('/api/v1/clusters', cluster(over));
      expect(res.statusCode, JSON.stringify(over)).toBe(400);
      expect(message(res)).toMatch(pattern);
    }
    // The same unit may be in a block of the same organiser, or a cluster of another year.
    await created(c, { name: 'Khối doanh nghiệp', kind: 'BLOCK', members: [{ orgId: w.orgs.cdcsB.id, rotationOrder: 1 }, { orgId: cdcsC.id, rotationOrder: 2 }] });
    const after = await counts();
    expect(after[0]).toBe(before[0]! + 1);
    expect(after[1]).toBe(before[1]! + 2);
  });

  it('only managers of the organiser create; others get 404; out-of-scope readers get 404; viewers read without abilities', async () => {
    const before = await counts();
    for (const user of ['cdcs.a', 'xem', 'doanvien', 'hth.tdkt']) {
      const c = await loginAs(env.app, user);
      expect((await c.post('/api/v1/clusters', cluster({ name: `Cụm của ${user}`, year: 2022 }))).statusCode).toBe(404);
      expect((await c.patch(`/api/v1/clusters/${main.id}`, { version: main.version, name: 'Đổi tên', members: cluster().members })).statusCode).toBe(404);
      expect((await c.post(`/api/v1/clusters/${main.id}/next-year`)).statusCode).toBe(404);
      expect((await c.post(`/api/v1/clusters/${main.id}/leader`, { version: main.version, orgId: w.orgs.cdcsA.id, chosenOn: '2024-12-20' })).statusCode).toBe(404);
      expect((await c.put(`/api/v1/clusters/${main.id}/covenant`, { version: main.version, paragraphs: ['Cam kết'], signedOn: '2024-01-10' })).statusCode).toBe(404);
    }
    expect(await counts()).toEqual(before);
    expect((await auditEvents(db(), 'cluster.update')).length).toBe(0);

    const stranger = await loginAs(env.app, 'hth.tdkt');
    expect((await stranger.get(`/api/v1/clusters/${main.id}`)).statusCode).toBe(404);
    expect((await stranger.get(`/api/v1/clusters/${main.id}/covenant.docx`)).statusCode).toBe(404);
    const strangerList = (await stranger.get('/api/v1/clusters?year=2024')).json<{ items: ClusterDto[] }>();
    expect(strangerList.items.map((x) => x.id)).not.toContain(main.id);

    const viewer = await loginAs(env.app, 'xem');
    const seen = await viewer.get(`/api/v1/clusters/${main.id}`);
    expect(seen.statusCode).toBe(200);
    expect(seen.json<ClusterDto>().abilities).toEqual([]);
    // A member CĐCS reads the cluster it belongs to, without managing it.
    const member = await loginAs(env.app, 'cdcs.b');
    const mine = (await member.get('/api/v1/clusters?year=2024&kind=CLUSTER')).json<{ items: ClusterDto[]; total: number }>();
    expect(mine.items.map((x) => x.id)).toEqual([main.id]);
    expect(mine.items[0]!.abilities).toEqual([]);
  });

  it('two officers saving clusters with the same unit at once: one is refused, nothing half-saved', async () => {
    const c = await loginAs(env.app, 'huyen.tdkt');
    const before = await counts();
    const body = (name: string) => cluster({ year: 2021, name, members: [{ orgId: w.orgs.cdcsA.id, rotationOrder: 1 }, { orgId: w.orgs.cdcsB.id, rotationOrder: 2 }] });
    const [x, y] = await Promise.all([c.post('/api/v1/clusters', body('Cụm song song một')), c.post('/api/v1/clusters', body('Cụm song song hai'))]);
    expect([x.statusCode, y.statusCode].sort()).toEqual([200, 400]);
    expect(message(x.statusCode === 400 ? x : y)).toMatch(/đã là thành viên “Cụm song song/);
    const after = await counts();
    expect([after[0]! - before[0]!, after[1]! - before[1]!]).toEqual([1, 2]);
  });

  it('a union member without an officer role cannot read the cluster of the district', async () => {
    const member = await loginAs(env.app, 'doanvien');
    expect((await member.get(`/api/v1/clusters/${main.id}`)).statusCode).toBe(404);
    expect((await member.get('/api/v1/clusters')).json<{ total: number }>().total).toBe(0);
  });

  it('lists with year and kind filters, paged', async () => {
    const c = await loginAs(env.app, 'huyen.tdkt');
    const page = (await c.get('/api/v1/clusters?year=2024&pageSize=1')).json<{ items: ClusterDto[]; total: number }>();
    // Its own two, and the province's block it is a member of.
    expect(page.total).toBe(3);
    expect(page.items).toHaveLength(1);
    const blocks = (await c.get('/api/v1/clusters?year=2024&kind=BLOCK')).json<{ items: ClusterDto[] }>();
    expect(blocks.items.map((x) => x.name)).toEqual(['Khối các LĐLĐ huyện', 'Khối doanh nghiệp']);
    expect((await c.get(`/api/v1/clusters?orgId=${w.orgs.huyen.id}&year=2025`)).json<{ total: number }>().total).toBe(0);
  });

  it('edits name and roles with an optimistic version; a stale version changes nothing', async () => {
    const c = await loginAs(env.app, 'huyen.tdkt');
    const members = [
      { orgId: w.orgs.cdcsA.id, role: 'DEPUTY', rotationOrder: 1 },
      { orgId: w.orgs.cdcsB.id, role: 'HEAD', rotationOrder: 2 },
      { orgId: cdcsC.id, role: 'MEMBER', rotationOrder: 3 },
    ];
    const res = await c.patch(`/api/v1/clusters/${main.id}`, { version: main.version, name: 'Cụm thi đua số 1', members });
    expect(res.statusCode, res.body).toBe(200);
    const edited = res.json<ClusterDto>();
    expect(edited).toMatchObject({ name: 'Cụm thi đua số 1', version: main.version + 1 });
    expect(edited.members.find((m) => m.role === 'HEAD')!.orgId).toBe(w.orgs.cdcsB.id);
    const before = await counts();
    const stale = await c.patch(`/api/v1/clusters/${main.id}`, { version: main.version, name: 'Tên cũ', members });
    expect(stale.statusCode).toBe(409);
    expect(message(stale)).toMatch(/vừa được người khác sửa/);
    const twoHeads = await c.patch(`/api/v1/clusters/${main.id}`, { version: edited.version, name: 'Cụm thi đua số 1', members: members.map((m) => ({ ...m, role: 'HEAD' })) });
    expect(twoHeads.statusCode).toBe(400);
    expect(await counts()).toEqual(before);
    expect((await c.get(`/api/v1/clusters/${main.id}`)).json<ClusterDto>()).toMatchObject({ name: 'Cụm thi đua số 1', version: edited.version });
    // Back to A as head for the rest of the tests.
    main = (await c.patch(`/api/v1/clusters/${main.id}`, { version: edited.version, name: 'Cụm thi đua số 1', members: cluster().members })).json<ClusterDto>();
    expect((await auditEvents(db(), 'cluster.update', main.id)).length).toBe(2);
  });
});

describe('next year', () => {
  it('creates next year’s cluster with the roles rotated, once', async () => {
    const c = await loginAs(env.app, 'huyen.tdkt');
    const res = await c.post(`/api/v1/clusters/${main.id}/next-year`);
    expect(res.statusCode, res.body).toBe(200);
    const next = res.json<ClusterDto>();
    expect(next).toMatchObject({ year: 2025, name: main.name, kind: 'CLUSTER', level: 'UPPER', leader: null, covenant: [] });
    expect(next.members.map((m) => [m.orgId, m.role])).toEqual([
      [w.orgs.cdcsA.id, 'MEMBER'],
      [w.orgs.cdcsB.id, 'HEAD'],
      [cdcsC.id, 'DEPUTY'],
    ]);
    const before = await counts();
    const again = await c.post(`/api/v1/clusters/${main.id}/next-year`);
    expect(again.statusCode).toBe(409);
    expect(message(again)).toMatch(/Năm 2025 đã có “Cụm thi đua số 1”/);
    expect(await counts()).toEqual(before);
  });
});

describe('covenant', () => {
  it('refuses a signing date in the future or outside the year, then saves the signed covenant', async () => {
    const c = await loginAs(env.app, 'huyen.tdkt');
    const paragraphs = ['Thi đua hoàn thành xuất sắc nhiệm vụ năm 2024.', 'Phát triển 100 đoàn viên mới.', 'Không có đoàn viên vi phạm pháp luật.'];
    const thisYear = Number(todayInVietnam().slice(0, 4));
    const current = await created(c, { year: thisYear, name: 'Cụm năm nay', members: [{ orgId: w.orgs.cdcsA.id, rotationOrder: 1 }, { orgId: w.orgs.cdcsB.id, rotationOrder: 2 }] });
    const tomorrow = addDays(todayInVietnam(), 1);
    const future = await c.put(`/api/v1/clusters/${current.id}/covenant`, { version: current.version, paragraphs, signedOn: tomorrow });
    expect(future.statusCode).toBe(400);
    expect(message(future)).toMatch(/không được sau ngày hôm nay/);
    for (const signedOn of ['2023-11-30', '2025-01-02']) {
      const outside = await c.put(`/api/v1/clusters/${main.id}/covenant`, { version: main.version, paragraphs, signedOn });
      expect(outside.statusCode).toBe(400);
      expect(message(outside)).toMatch(/từ 01\/12\/2023 đến 31\/12\/2024/);
    }
    expect((await c.put(`/api/v1/clusters/${main.id}/covenant`, { version: main.version, paragraphs: [], signedOn: '2024-01-15' })).statusCode).toBe(400);
    expect((await c.get(`/api/v1/clusters/${main.id}`)).json<ClusterDto>()).toMatchObject({ covenant: [], covenantSignedOn: null, version: main.version });
    const res = await c.put(`/api/v1/clusters/${main.id}/covenant`, { version: main.version, paragraphs, signedOn: '2023-12-28' });
    expect(res.statusCode, res.body).toBe(200);
    main = res.json<ClusterDto>();
    expect(main).toMatchObject({ covenant: paragraphs, covenantSignedOn: '2023-12-28' });
    expect(await auditEvents(db(), 'cluster.covenant', main.id)).toHaveLength(1);
  });

  it('downloads the covenant as DOCX with the title, the cluster, numbered commitments and a signature cell per member, head first', async () => {
    const reader = await loginAs(env.app, 'xem');
    const res = await reader.get(`/api/v1/clusters/${main.id}/covenant.docx`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('wordprocessingml');
    const zip = await JSZip.loadAsync(res.rawPayload);
    const xml = await zip.file('word/document.xml')!.async('string');
    const text = [...xml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((x) => x[1]).join('');
    const order = [
      'LIÊN ĐOÀN LAO ĐỘNG TỈNH TÂY NINH',
      'LIÊN ĐOÀN LAO ĐỘNG HUYỆN DMC',
      'Huyện DMC, ngày 28 tháng 12 năm 2023',
      'GIAO ƯỚC THI ĐUA NĂM 2024',
      'Cụm thi đua số 1',
      '1. Thi đua hoàn thành xuất sắc nhiệm vụ năm 2024.',
      '2. Phát triển 100 đoàn viên mới.',
      '3. Không có đoàn viên vi phạm pháp luật.',
      'CỤM TRƯỞNG',
      'CÔNG ĐOÀN CƠ SỞ TRƯỜNG THCS PHƯỚC MINH',
      'CỤM PHÓ',
      'CÔNG ĐOÀN CƠ SỞ CÔNG TY TNHH SỢI THẾ KỶ',
      'CÔNG ĐOÀN CƠ SỞ TRƯỜNG TIỂU HỌC LỘC HƯNG',
    ];
    const positions = order.map((s) => text.indexOf(s));
    expect(positions.every((x) => x >= 0), JSON.stringify(positions)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
  });
});

describe('leader and Cờ thi đua', () => {
  const flag = async (orgId: number) => {
    const c = await loginAs(env.app, 'huyen.tdkt');
    const res = await c.get(`/api/v1/eligibility/organisations/${orgId}?target=CO_THI_DUA_LDLD&year=2024`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json<EvaluationResult>().reasons.find((r) => r.ruleId === 'CO_THI_DUA_LDLD.cluster')!;
  };

  it('refuses a leader that is not a member, a future date, a date outside the year-end window, or a stale version, saving nothing', async () => {
    const c = await loginAs(env.app, 'huyen.tdkt');
    const before = await counts();
    const cases: [Record<string, unknown>, number, RegExp][] = [
      [{ orgId: w.orgs.toA.id, chosenOn: '2024-12-20' }, 400, /Tổ công đoàn Tổ Toán – Tin không phải thành viên của “Cụm thi đua số 1”/],
      [{ orgId: w.orgs.cdcsA.id, chosenOn: '2099-01-01' }, 400, /không được sau ngày hôm nay/],
      [{ orgId: w.orgs.cdcsA.id, chosenOn: '2025-04-01' }, 400, /từ 01\/01\/2024 đến 31\/03\/2025/],
      [{ orgId: w.orgs.cdcsA.id, chosenOn: '2023-12-31' }, 400, /từ 01\/01\/2024 đến 31\/03\/2025/],
      [{ orgId: w.orgs.cdcsA.id, chosenOn: '2024-12-20', version: main.version - 1 }, 409, /vừa được người khác sửa/],
    ];
    for (const [over, status, pattern] of cases) {
      const res = await c.post(`/api/v1/clusters/${main.id}/leader`, { version: main.version, ...over });
      expect(res.statusCode, JSON.stringify(over)).toBe(status);
      expect(message(res)).toMatch(pattern);
    }
    expect(await counts()).toEqual(before);
  });

  it('choosing a leader records a cluster lead that satisfies the Cờ thi đua condition; replacing it revokes the record with the reason', async () => {
    const c = await loginAs(env.app, 'huyen.tdkt');
    expect((await flag(w.orgs.cdcsA.id)).outcome).toBe('FAIL');
    const res = await c.post(`/api/v1/clusters/${main.id}/leader`, { version: main.version, orgId: w.orgs.cdcsA.id, chosenOn: '2024-12-20' });
    expect(res.statusCode, res.body).toBe(200);
    main = res.json<ClusterDto>();
    expect(main.leader).toMatchObject({ orgId: w.orgs.cdcsA.id, name: 'Công đoàn cơ sở Trường THCS Phước Minh', chosenOn: '2024-12-20' });
    const first = await db().execute<{ id: number; year: number; cluster_name: string; level: string; status: string; scope_path: string }>(
      sql`select id, year, cluster_name, level, status, scope_path from cluster_lead where org_id = ${w.orgs.cdcsA.id}`,
    );
    expect(first.rows.map((r) => [Number(r.id), Number(r.year), r.cluster_name, r.level, r.status, r.scope_path])).toEqual([[main.leader!.recordId, 2024, 'Cụm thi đua số 1', 'UPPER', 'ACTIVE', w.orgs.cdcsA.path]]);
    const pass = await flag(w.orgs.cdcsA.id);
    expect(pass.outcome).toBe('PASS');
    expect(pass.text).toContain('Cụm thi đua số 1');
    expect((await auditEvents(db(), 'cluster.leader', main.id))).toHaveLength(1);

    // The leader cannot be removed from the members while it leads.
    const drop = await c.patch(`/api/v1/clusters/${main.id}`, { version: main.version, name: main.name, members: [{ orgId: w.orgs.cdcsB.id, role: 'HEAD', rotationOrder: 1 }, { orgId: cdcsC.id, rotationOrder: 2 }] });
    expect(drop.statusCode).toBe(400);
    expect(message(drop)).toMatch(/đang là đơn vị dẫn đầu/);

    // Replacing needs a reason; the same leader again is refused.
    const before = await counts();
    const same = await c.post(`/api/v1/clusters/${main.id}/leader`, { version: main.version, orgId: w.orgs.cdcsA.id, chosenOn: '2024-12-21', reason: 'Chọn lại' });
    expect(same.statusCode).toBe(409);
    const noReason = await c.post(`/api/v1/clusters/${main.id}/leader`, { version: main.version, orgId: w.orgs.cdcsB.id, chosenOn: '2025-01-10' });
    expect(noReason.statusCode).toBe(400);
    expect(message(noReason)).toMatch(/Hãy ghi lý do thay đổi/);
    expect(await counts()).toEqual(before);

    const replaced = await c.post(`/api/v1/clusters/${main.id}/leader`, { version: main.version, orgId: w.orgs.cdcsB.id, chosenOn: '2025-01-10', reason: 'Bình xét lại theo kết quả chấm điểm cuối cùng' });
    expect(replaced.statusCode, replaced.body).toBe(200);
    main = replaced.json<ClusterDto>();
    expect(main.leader!.orgId).toBe(w.orgs.cdcsB.id);
    const all = await db().execute<{ org_id: number; status: string; revoked_reason: string | null }>(sql`select org_id, status, revoked_reason from cluster_lead order by id`);
    expect(all.rows.map((r) => [Number(r.org_id), r.status])).toEqual([[w.orgs.cdcsA.id, 'REVOKED'], [w.orgs.cdcsB.id, 'ACTIVE']]);
    expect(all.rows[0]!.revoked_reason).toMatch(/Bình xét lại theo kết quả chấm điểm cuối cùng/);
    expect((await flag(w.orgs.cdcsA.id)).outcome).toBe('FAIL');
    expect((await flag(w.orgs.cdcsB.id)).outcome).toBe('PASS');
    expect(await auditEvents(db(), 'record.revoke')).toHaveLength(1);
    expect((await verifyAuditChain(db())).ok).toBe(true);
  });
});

describe('demo data', () => {
  it('the demo cluster of a district has a head, a deputy and a signed covenant that opens as a Word file', async () => {
    const { insertDemoClusters } = await import('../../src/server/seed/demo-clusters');
    const year = Number(todayInVietnam().slice(0, 4));
    const id = await db().transaction((tx) => insertDemoClusters(tx, 'DMC', year));
    expect(id).not.toBeNull();
    const viewer = await loginAs(env.app, 'xem');
    const c = (await viewer.get(`/api/v1/clusters/${id}`)).json<ClusterDto>();
    expect(c).toMatchObject({ year, kind: 'CLUSTER', level: 'UPPER' });
    expect(c.members.filter((m) => m.role === 'HEAD')).toHaveLength(1);
    expect(c.members.filter((m) => m.role === 'DEPUTY')).toHaveLength(1);
    expect(c.members.length).toBe(3);
    expect(c.covenant.length).toBeGreaterThan(3);
    expect(c.covenantSignedOn! <= todayInVietnam()).toBe(true);
    const docx = await viewer.get(`/api/v1/clusters/${id}/covenant.docx`);
    expect(docx.statusCode).toBe(200);
    expect(await countRows(db(), 'audit_event', sql`action = 'cluster.create' and entity_id = ${String(id)}`)).toBe(1);
  });
});

describe('export to Excel', () => {
  const ROLE = { HEAD: 'Cụm trưởng', DEPUTY: 'Cụm phó', MEMBER: 'Thành viên' } as const;
  const KIND = { CLUSTER: 'Cụm thi đua', BLOCK: 'Khối thi đua' } as const;
  const LEVEL = { UPPER: 'Cấp trên trực tiếp cơ sở', PROVINCE: 'LĐLĐ tỉnh, CĐ ngành TW', CENTRAL: 'Tổng Liên đoàn' } as const;
  const HEADER = ['STT', 'Cụm/khối', 'Loại', 'Năm', 'Cấp', 'Đơn vị', 'Vai trò', 'Thứ tự luân phiên', 'Ngày ký giao ước', 'Đơn vị dẫn đầu'];
  const vn = (iso: string | null) => (iso ? iso.split('-').reverse().join('/') : '');

  /** The rows the export must hold for the clusters the list answers, in list order. */
  const expectedRows = (items: ClusterDto[]) =>
    items.flatMap((c) =>
      c.members.map((m) => [c.name, KIND[c.kind], String(c.year), LEVEL[c.level], m.name, ROLE[m.role], String(m.rotationOrder), vn(c.covenantSignedOn), c.leader?.name ?? '']),
    );
  /** Data rows below the title, the filter line and the header, without the STT column; trailing blanks padded. */
  const dataRows = (sheet: string[][]) => sheet.slice(3).map((r) => Array.from({ length: 10 }, (_, i) => r[i] ?? '').slice(1));

  async function exported(c: Client, query: string) {
    const res = await c.get(`/api/v1/clusters/export.xlsx${query}`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    return { res, sheet: await readSheet(res.rawPayload) };
  }
  const listed = async (c: Client, query: string) => (await c.get(`/api/v1/clusters?pageSize=100${query}`)).json<{ items: ClusterDto[]; total: number }>().items;

  it('one row per member unit of exactly the filtered clusters, with Vietnamese labels, dd/mm/yyyy dates, a title, the filter and a frozen header', async () => {
    const c = await loginAs(env.app, 'huyen.tdkt');
    const { res, sheet } = await exported(c, '?year=2024&kind=CLUSTER');
    expect(res.headers['content-disposition']).toContain('cum-khoi-thi-dua-2024.xlsx');
    expect(sheet[0]![0]).toBe('Danh sách cụm, khối thi đua và đơn vị thành viên');
    expect(sheet[1]![0]).toBe('Lọc: Năm 2024, Cụm thi đua');
    expect(sheet[2]).toEqual(HEADER);
    const items = await listed(c, '&year=2024&kind=CLUSTER');
    expect(items.length).toBeGreaterThan(0);
    expect(dataRows(sheet)).toEqual(expectedRows(items));
    expect(sheet.slice(3).map((r) => r[0])).toEqual(sheet.slice(3).map((_, i) => String(i + 1)));
    // The main cluster: three members, head first, its covenant date and leader as recorded.
    const mainRows = dataRows(sheet).filter((r) => r[0] === main.name && r[2] === '2024');
    expect(mainRows.map((r) => [r[4], r[5], r[6]])).toEqual([
      ['Công đoàn cơ sở Trường THCS Phước Minh', 'Cụm trưởng', '1'],
      ['Công đoàn cơ sở Công ty TNHH Sợi Thế Kỷ', 'Cụm phó', '2'],
      ['Công đoàn cơ sở Trường Tiểu học Lộc Hưng', 'Thành viên', '3'],
    ]);
    const signedOn = items.find((x) => x.id === main.id)!.covenantSignedOn;
    expect(signedOn).not.toBeNull();
    expect(mainRows.every((r) => r[7] === signedOn!.split('-').reverse().join('/') && /^\d{2}\/\d{2}\/\d{4}$/.test(r[7]!))).toBe(true);
    expect(sheet.flat().some((v) => /^\d{4}-\d{2}-\d{2}$/.test(v))).toBe(false);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 3 });
    expect(ws.getColumn(6).width).toBeGreaterThan(30);
    // Other filters: blocks only; the unit filter; no filter at all.
    const blocks = await exported(c, '?year=2024&kind=BLOCK');
    expect(dataRows(blocks.sheet)).toEqual(expectedRows(await listed(c, '&year=2024&kind=BLOCK')));
    expect(dataRows(blocks.sheet).every((r) => r[1] === 'Khối thi đua')).toBe(true);
    const byUnit = await exported(c, `?orgId=${w.orgs.huyen.id}`);
    expect(byUnit.sheet[1]![0]).toBe('Lọc: Đơn vị: Liên đoàn Lao động huyện DMC');
    expect(dataRows(byUnit.sheet)).toEqual(expectedRows(await listed(c, `&orgId=${w.orgs.huyen.id}`)));
    const all = await exported(c, '');
    expect(all.sheet[1]![0]).toBe('Lọc: Tất cả');
    expect(dataRows(all.sheet)).toEqual(expectedRows(await listed(c, '')));
  });

  it('another district’s officer gets 404 for an out-of-scope unit and only ever sees the clusters it may read; a member gets no rows', async () => {
    const other = await loginAs(env.app, 'hth.tdkt');
    const out = await other.get(`/api/v1/clusters/export.xlsx?orgId=${w.orgs.huyen.id}`);
    expect(out.statusCode).toBe(404);
    expect(out.headers['content-type']).not.toContain('spreadsheetml');
    const { sheet } = await exported(other, '');
    const rows = dataRows(sheet);
    const visible = await listed(other, '');
    expect(rows).toEqual(expectedRows(visible));
    // Only the province's block, in which its CĐCS is a member; none of the district DMC's clusters.
    expect(new Set(rows.map((r) => r[0]))).toEqual(new Set(['Khối các LĐLĐ huyện']));
    expect(rows.some((r) => r[0] === main.name || r[4] === 'Công đoàn cơ sở Trường THCS Phước Minh')).toBe(false);
    const member = await exported(await loginAs(env.app, 'doanvien'), '');
    expect(member.sheet.slice(3)).toEqual([]);
    const bad = await (await loginAs(env.app, 'huyen.tdkt')).get('/api/v1/clusters/export.xlsx?kind=NHOM');
    expect(bad.statusCode).toBe(400);
  });

  it('caps the rows at the limit and keeps every member row of an empty cluster visible', async () => {
    const items = await listed(await loginAs(env.app, 'huyen.tdkt'), '&year=2024');
    const [first] = await Promise.all([findCluster(db(), items[0]!.id)]);
    const { rows, capped } = clusterExportRows([first!, first!], first!.members.length + 1);
    expect(capped).toBe(true);
    expect(rows).toHaveLength(first!.members.length + 1);
    expect(rows.map((r) => r[0])).toEqual(rows.map((_, i) => i + 1));
    const whole = clusterExportRows([first!], 100);
    expect(whole).toMatchObject({ capped: false });
    const empty = clusterExportRows([{ ...first!, members: [] }], 100);
    expect(empty.rows).toHaveLength(1);
    expect(empty.rows[0]![5]).toBe('');
  });
});
