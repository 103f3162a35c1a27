// Money paid back on revoked lines (Luật 2022 Điều 93): recorded by the issuing organisation only on a
// revoked line, never beyond the line's amount (also under concurrent entries), dated between the
// revocation and today; a wrong entry is revoked with a reason, never deleted. The fund of the year of
// payment counts it: balance = budget − paid + recovered (revoked money counts only once paid back).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { readSheet } from '../support/xlsx';
import { startTestApp, type TestEnv } from '../support/app';
import { loginAs, smallWorld } from '../factories';
import { auditEvents, countRows } from '../support/achievements';
import { insertToCouncil, type Nominee } from '../support/councils';
import type { DecisionDto, FundDto } from '../../src/contracts/decisions';

let env: TestEnv;
let w: Awaited<ReturnType<typeof smallWorld>>;

beforeAll(async () => {
  env = await startTestApp();
  w = await smallWorld(env.database.db);
});
afterAll(() => env.close());

const db = () => env.database.db;
const as = (user: string) => loginAs(env.app, user);
const message = (res: { json: <T>() => T }) => res.json<{ message: string }>().message;

async function passed(nominees: Omit<Nominee, 'unit'>[], year: number): Promise<number[]> {
  const ids = await insertToCouncil(db(), w.orgs.huyen, nominees.map((n) => ({ ...n, unit: n.org ?? (n.personId === w.persons.an || n.personId === w.persons.anh ? w.orgs.cdcsA : w.orgs.cdcsB) })), year);
  await db().execute(sql`update nomination set status = 'COUNCIL_PASSED' where id = any(${sql.param(ids)}::bigint[])`);
  return ids;
}

const recoveries = () => countRows(db(), 'reward_recovery');

describe('recovering the money of revoked lines', () => {
  let d: DecisionDto;
  let cuc: DecisionDto['items'][number];
  let an: DecisionDto['items'][number];
  const url = (itemId: number) => `/api/v1/decisions/${d.id}/items/${itemId}/recoveries`;
  const fund = async (year: number) => (await (await as('huyen.tdkt')).get(`/api/v1/reward-funds/${w.orgs.huyen.id}/${year}`)).json<FundDto>();

  beforeAll(async () => {
    const officer = await as('huyen.tdkt');
    const ids = await passed([{ personId: w.persons.tran, name: 'Trần Thị Cúc', awardCode: 'LDTT' }, { personId: w.persons.an, name: 'Nguyễn Văn An', awardCode: 'CSTD_CS' }], 2025);
    const draft = (await officer.post('/api/v1/decisions', { orgId: w.orgs.huyen.id, nominationIds: ids })).json<DecisionDto>();
    const signed = await officer.post(`/api/v1/decisions/${draft.id}/sign`, { version: draft.version, signedOn: '2025-02-01' });
    expect(signed.statusCode, signed.body).toBe(200);
    await officer.put(`/api/v1/reward-funds/${w.orgs.huyen.id}/2025`, { amountVnd: 10_000_000 });
    const s = signed.json<DecisionDto>();
    // 0.3 × 2,340,000 = 702,000 (Cúc); 1.0 × 2,340,000 (An).
    expect(s.items.map((i) => [i.subjectName, i.amountVnd])).toEqual([['Trần Thị Cúc', 702_000], ['Nguyễn Văn An', 2_340_000]]);
    const revoked = await officer.post(`/api/v1/decisions/${s.id}/revoke`, {
      itemIds: [s.items[0]!.id], reason: 'Kê khai không trung thực thành tích năm 2025.', revokingDecision: 'Quyết định số 05/QĐ-LĐLĐ ngày 01/03/2025', revokedOn: '2025-03-01',
    });
    expect(revoked.statusCode, revoked.body).toBe(200);
    d = revoked.json<DecisionDto>();
    cuc = d.items.find((i) => i.subjectName === 'Trần Thị Cúc')!;
    an = d.items.find((i) => i.subjectName === 'Nguyễn Văn An')!;
  });

  it('does not credit the fund with revoked money before it is paid back', async () => {
    expect(cuc).toMatchObject({ status: 'REVOKED', recoveredVnd: 0, toRecoverVnd: 702_000, recoveries: [] });
    expect(an).toMatchObject({ status: 'ACTIVE', recoveredVnd: 0, toRecoverVnd: 0 });
    expect(d.toRecoverVnd).toBe(702_000);
    expect(d.abilities).toContain('decision.recover');
    // Paid 3,042,000 of 10,000,000; the 702,000 to recover is not in the balance yet.
    expect(await fund(2025)).toMatchObject({ budgetVnd: 10_000_000, paidVnd: 3_042_000, toRecoverVnd: 702_000, recoveredVnd: 0, balanceVnd: 6_958_000 });
  });

  it('refuses an active line, a date out of range, more than is left, and anyone but the organisation’s managers — nothing recorded', async () => {
    const officer = await as('huyen.tdkt');
    const before = await recoveries();
    const active = await officer.post(url(an.id), { amountVnd: 100_000, recoveredOn: '2025-03-10' });
    expect(active.statusCode).toBe(409);
    expect(message(active)).toBe('Chỉ ghi nhận thu hồi tiền thưởng cho dòng đã bị thu hồi khen thưởng; khen thưởng của Nguyễn Văn An chưa bị thu hồi.');
    const future = await officer.post(url(cuc.id), { amountVnd: 100_000, recoveredOn: '2099-01-01' });
    expect(future.statusCode).toBe(400);
    expect(message(future)).toBe('Ngày thu tiền không được sau ngày hôm nay.');
    const early = await officer.post(url(cuc.id), { amountVnd: 100_000, recoveredOn: '2025-02-28' });
    expect(early.statusCode).toBe(400);
    expect(message(early)).toBe('Ngày thu tiền không được trước ngày thu hồi khen thưởng (01/03/2025).');
    const much = await officer.post(url(cuc.id), { amountVnd: 702_001, recoveredOn: '2025-03-10' });
    expect(much.statusCode).toBe(400);
    expect(message(much)).toBe('Số tiền thu hồi (702.001 đồng) vượt số còn phải thu hồi của dòng này (702.000 đồng, trên tổng 702.000 đồng đã chi).');
    expect((await officer.post(url(cuc.id), { amountVnd: 0, recoveredOn: '2025-03-10' })).statusCode).toBe(400);
    expect((await (await as('xem')).post(url(cuc.id), { amountVnd: 100_000, recoveredOn: '2025-03-10' })).statusCode).toBe(403);
    expect((await (await as('cdcs.a')).post(url(cuc.id), { amountVnd: 100_000, recoveredOn: '2025-03-10' })).statusCode).toBe(404);
    // A line of another decision under this decision's address: not found.
    expect((await officer.post(`/api/v1/decisions/${d.id + 999}/items/${cuc.id}/recoveries`, { amountVnd: 1, recoveredOn: '2025-03-10' })).statusCode).toBe(404);
    expect(await recoveries()).toBe(before);
    expect(await auditEvents(db(), 'decision.recovery.record')).toHaveLength(0);
  });

  it('records a part paid back: the line shows recovered and left, the fund of the year of payment the recovered money and the balance', async () => {
    const officer = await as('huyen.tdkt');
    const res = await officer.post(url(cuc.id), { amountVnd: 200_000, recoveredOn: '2025-03-10', document: 'PT-01/2025', note: 'Nộp tiền mặt' });
    expect(res.statusCode, res.body).toBe(201);
    const line = res.json<DecisionDto>().items.find((i) => i.id === cuc.id)!;
    expect(line).toMatchObject({ recoveredVnd: 200_000, toRecoverVnd: 502_000 });
    expect(line.recoveries).toMatchObject([{ amountVnd: 200_000, recoveredOn: '2025-03-10', document: 'PT-01/2025', note: 'Nộp tiền mặt', status: 'ACTIVE', revokedReason: null }]);
    expect(res.json<DecisionDto>().toRecoverVnd).toBe(502_000);
    const f = await fund(2025);
    expect(f).toMatchObject({ paidVnd: 3_042_000, toRecoverVnd: 502_000, recoveredVnd: 200_000, balanceVnd: 7_158_000 });
    expect(f.ledger.find((l) => l.decisionId === d.id)).toMatchObject({ toRecoverVnd: 502_000, recoveredVnd: 200_000 });
    expect(f.recoveries).toEqual([expect.objectContaining({ decisionId: d.id, subjectName: 'Trần Thị Cúc', amountVnd: 200_000, recoveredOn: '2025-03-10', document: 'PT-01/2025' })]);
    const events = await auditEvents(db(), 'decision.recovery.record', line.recoveries[0]!.id);
    expect(events).toHaveLength(1);
    expect(events[0]!.after).toMatchObject({ decisionId: d.id, itemId: cuc.id, amountVnd: 200_000, document: 'PT-01/2025' });
    const row = await db().execute<{ org_id: number; year: number }>(sql`select org_id, year from reward_recovery where id = ${line.recoveries[0]!.id}`);
    expect(row.rows[0]).toEqual({ org_id: w.orgs.huyen.id, year: 2025 });
  });

  it('never exceeds the line’s amount when two entries of the rest arrive at once', async () => {
    const clients = await Promise.all([as('huyen.tdkt'), as('huyen.tdkt')]);
    const res = await Promise.all(clients.map((c, i) => c.post(url(cuc.id), { amountVnd: 502_000, recoveredOn: '2025-04-01', document: `PT-0${i + 2}/2025` })));
    expect(res.map((r) => r.statusCode).sort()).toEqual([201, 400]);
    const sum = await db().execute<{ s: number; n: number }>(sql`select coalesce(sum(amount_vnd), 0)::int as s, count(*)::int as n from reward_recovery where decision_item_id = ${cuc.id} and status = 'ACTIVE'`);
    expect(sum.rows[0]).toEqual({ s: 702_000, n: 2 });
    expect(await fund(2025)).toMatchObject({ toRecoverVnd: 0, recoveredVnd: 702_000, balanceVnd: 7_660_000 });
  });

  it('revokes a wrong entry with its reason: kept, no longer counted, the money to recover again', async () => {
    const officer = await as('huyen.tdkt');
    const current = (await officer.get(`/api/v1/decisions/${d.id}`)).json<DecisionDto>().items.find((i) => i.id === cuc.id)!;
    const wrong = current.recoveries.find((r) => r.amountVnd === 502_000)!;
    const revokeUrl = `${url(cuc.id)}/${wrong.id}/revoke`;
    const before = await db().execute(sql`select * from reward_recovery order by id`);
    expect((await officer.post(revokeUrl, { reason: 'ngắn' })).statusCode).toBe(400);
    expect((await (await as('xem')).post(revokeUrl, { reason: 'Nhập nhầm số phiếu thu của đơn vị khác.' })).statusCode).toBe(403);
    expect((await officer.post(`${url(an.id)}/${wrong.id}/revoke`, { reason: 'Nhập nhầm số phiếu thu của đơn vị khác.' })).statusCode).toBe(404);
    expect((await db().execute(sql`select * from reward_recovery order by id`)).rows).toEqual(before.rows);

    const res = await officer.post(revokeUrl, { reason: 'Nhập nhầm số phiếu thu của đơn vị khác.' });
    expect(res.statusCode, res.body).toBe(200);
    const line = res.json<DecisionDto>().items.find((i) => i.id === cuc.id)!;
    expect(line).toMatchObject({ recoveredVnd: 200_000, toRecoverVnd: 502_000 });
    expect(line.recoveries.find((r) => r.id === wrong.id)).toMatchObject({ status: 'REVOKED', revokedReason: 'Nhập nhầm số phiếu thu của đơn vị khác.' });
    expect(await recoveries()).toBe(before.rows.length);
    expect(await fund(2025)).toMatchObject({ toRecoverVnd: 502_000, recoveredVnd: 200_000, balanceVnd: 7_158_000 });
    expect(await auditEvents(db(), 'decision.recovery.revoke', wrong.id)).toHaveLength(1);
    const again = await officer.post(revokeUrl, { reason: 'Nhập nhầm số phiếu thu của đơn vị khác.' });
    expect(again.statusCode).toBe(409);
    expect(message(again)).toBe('Khoản thu hồi này đã bị hủy trước đó.');
  });

  it('counts money paid back in a later year in that year’s fund, and lists it in the ledger workbook', async () => {
    const officer = await as('huyen.tdkt');
    const res = await officer.post(url(cuc.id), { amountVnd: 502_000, recoveredOn: '2026-01-05', document: 'PT-01/2026' });
    expect(res.statusCode, res.body).toBe(201);
    expect(await fund(2025)).toMatchObject({ toRecoverVnd: 0, recoveredVnd: 200_000, balanceVnd: 7_158_000 });
    const f2026 = await fund(2026);
    expect(f2026).toMatchObject({ paidVnd: 0, recoveredVnd: 502_000, budgetVnd: null, balanceVnd: null });
    expect(f2026.recoveries).toEqual([expect.objectContaining({ subjectName: 'Trần Thị Cúc', amountVnd: 502_000, document: 'PT-01/2026' })]);
    // Fully paid back: nothing more can be recorded.
    expect((await officer.post(url(cuc.id), { amountVnd: 1, recoveredOn: '2026-01-06' })).statusCode).toBe(400);

    const xlsx = await officer.request({ method: 'GET', url: `/api/v1/reward-funds/${w.orgs.huyen.id}/2025/ledger.xlsx` });
    expect(xlsx.statusCode).toBe(200);
    const sheet = await readSheet(xlsx.rawPayload);
    const flat = sheet.flat().map(String);
    expect(flat).toContain('Đã thu hồi (đồng)');
    expect(flat).toContain('Đã thu hồi nộp lại quỹ trong năm (đồng): 200.000');
    expect(flat).toContain('Còn lại (đồng): 7.158.000');
    const recovery = sheet.find((r) => r.some((c) => String(c).includes('PT-01/2025')))!;
    expect(recovery.map(String)).toContain('200000');
    expect(flat.some((c) => c.includes('PT-01/2026'))).toBe(false);
  });
});
