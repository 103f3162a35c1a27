// Decisions: drafted from nominations passed by the council, refused when the organisation may not
// grant an award, numbered at signing (sequential per organisation and year, no gap or duplicate
// under concurrency), money on the base salary of the decision date, award records, notices, lock.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import JSZip from 'jszip';
import { readSheet } from '../support/xlsx';
import { startTestApp, type TestEnv } from '../support/app';
import { loginAs, smallWorld } from '../factories';
import { auditEvents, countRows } from '../support/achievements';
import { multipartBody, pdfBytes } from '../support/scoring';
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

/** Nominations passed by the district council (the vote itself is tested in councils.test.ts). */
async function passed(nominees: Omit<Nominee, 'unit'>[], year = 2026): Promise<number[]> {
  const ids = await insertToCouncil(db(), w.orgs.huyen, nominees.map((n) => ({ ...n, unit: n.org ?? (n.personId === w.persons.an || n.personId === w.persons.anh ? w.orgs.cdcsA : w.orgs.cdcsB) })), year);
  await db().execute(sql`update nomination set status = 'COUNCIL_PASSED' where id = any(${sql.param(ids)}::bigint[])`);
  return ids;
}

describe('drafting', () => {
  it('refuses awards the organisation may not grant, and nominations not passed by the council', async () => {
    const officer = await as('huyen.tdkt');
    const [province] = await passed([{ personId: w.persons.an, name: 'Nguyễn Văn An', awardCode: 'BK_LDLD' }]);
    const res = await officer.post('/api/v1/decisions', { orgId: w.orgs.huyen.id, nominationIds: [province] });
    expect(res.statusCode).toBe(400);
    expect(message(res)).toBe('Liên đoàn Lao động huyện DMC không có thẩm quyền tặng: Bằng khen của Ban Chấp hành Liên đoàn Lao động tỉnh.');
    const [state] = await passed([{ personId: w.persons.anh, name: 'Nguyễn Thị Ánh', awardCode: 'CSTD_TQ' }]);
    expect(message(await officer.post('/api/v1/decisions', { orgId: w.orgs.huyen.id, nominationIds: [state] }))).toMatch(/không có thẩm quyền tặng: Chiến sĩ thi đua toàn quốc\.$/);
    const [waiting] = await insertToCouncil(db(), w.orgs.huyen, [{ personId: w.persons.dang, unit: w.orgs.cdcsB, name: 'Đặng Văn Bình', awardCode: 'CSTD_CS' }], 2027);
    const notYet = await officer.post('/api/v1/decisions', { orgId: w.orgs.huyen.id, nominationIds: [waiting] });
    expect(notYet.statusCode).toBe(400);
    expect(message(notYet)).toMatch(/chưa được Hội đồng thông qua.*: Đặng Văn Bình\.$/);
    for (const user of ['cdcs.a', 'xem']) expect([403, 404]).toContain((await (await as(user)).post('/api/v1/decisions', { orgId: w.orgs.huyen.id, nominationIds: [waiting] })).statusCode);
    expect(await db().execute(sql`select count(*)::int as n from decision`).then((r) => Number(r.rows[0]!.n))).toBe(0);
  });

  it('lists the ready nominations the organisation holds, searchable without diacritics; another level’s are neither listed nor accepted', async () => {
    const officer = await as('huyen.tdkt');
    const [ready] = await passed([{ personId: w.persons.tran, name: 'Trần Thị Ánh', awardCode: 'LDTT' }], 2040);
    // Simplified procedure: held by the district, accepted without a council vote.
    const [quick] = await insertToCouncil(db(), w.orgs.huyen, [{ personId: w.persons.dang, unit: w.orgs.cdcsB, name: 'Đặng Văn Bình', awardCode: 'LDTT' }], 2041);
    await db().execute(sql`update nomination set procedure = 'SIMPLIFIED', status = 'ACCEPTED' where id = ${quick}`);
    // Passed, but held by the province: not the district's to decide.
    const [province] = await insertToCouncil(db(), w.orgs.tinh, [{ personId: w.persons.an, unit: w.orgs.cdcsA, name: 'Nguyễn Văn An', awardCode: 'LDTT' }], 2042);
    await db().execute(sql`update nomination set status = 'COUNCIL_PASSED' where id = ${province}`);

    const list = await officer.get(`/api/v1/decisions/candidates?orgId=${w.orgs.huyen.id}&pageSize=100`);
    expect(list.statusCode, list.body).toBe(200);
    const ids = list.json<{ items: { id: number; procedure: string }[] }>().items.map((c) => c.id);
    expect(ids).toEqual(expect.arrayContaining([ready, quick]));
    expect(ids).not.toContain(province);
    const found = (await officer.get(`/api/v1/decisions/candidates?orgId=${w.orgs.huyen.id}&q=tran thi anh`)).json<{ items: { id: number; subjectName: string; awardName: string }[]; total: number }>();
    expect(found.items).toEqual([expect.objectContaining({ id: ready, subjectName: 'Trần Thị Ánh', awardName: 'Lao động tiên tiến' })]);
    expect(found.total).toBe(1);
    // Only the organisation's managers see them.
    expect((await (await as('xem')).get(`/api/v1/decisions/candidates?orgId=${w.orgs.huyen.id}`)).statusCode).toBe(403);
    expect((await (await as('cdcs.a')).get(`/api/v1/decisions/candidates?orgId=${w.orgs.huyen.id}`)).statusCode).toBe(404);

    const foreign = await officer.post('/api/v1/decisions', { orgId: w.orgs.huyen.id, nominationIds: [province] });
    expect(foreign.statusCode).toBe(400);
    expect(message(foreign)).toMatch(/: Nguyễn Văn An\.$/);
    const made = await officer.post('/api/v1/decisions', { orgId: w.orgs.huyen.id, nominationIds: [ready, quick] });
    expect(made.statusCode, made.body).toBe(201);
    expect(made.json<DecisionDto>().items.map((i) => i.subjectName).sort()).toEqual(['Trần Thị Ánh', 'Đặng Văn Bình']);
    // In a draft now: no longer offered.
    const after = (await officer.get(`/api/v1/decisions/candidates?orgId=${w.orgs.huyen.id}&pageSize=100`)).json<{ items: { id: number }[] }>().items.map((c) => c.id);
    expect(after).not.toContain(ready);
    expect(after).not.toContain(quick);
  });
});

describe('signing', () => {
  let decisionId: number;
  let nominationIds: number[];

  it('drafts with the basis pre-filled and the money as if signed today', async () => {
    nominationIds = await passed(
      [
        { personId: w.persons.an, name: 'Nguyễn Văn An', awardCode: 'CSTD_CS' },
        { personId: w.persons.tran, name: 'Trần Thị Cúc', awardCode: 'LDTT' },
        { org: w.orgs.cdcsB, name: 'Công đoàn cơ sở Công ty TNHH Sợi Thế Kỷ', awardCode: 'TTLDTT' },
      ],
      2024,
    );
    // The round rewards a movement launched by an issued plan: the plan becomes a basis line.
    const plan = await db().execute<{ id: number }>(sql`
      with doc as (
        insert into outgoing_document (org_id, year, doc_type, number, symbol, issued_on, title, entity_type, entity_id)
        values (${w.orgs.huyen.id}, 2024, 'KH', 5, 'KH-LĐLĐ', '2024-01-10', 'Kế hoạch thi đua năm 2024', 'plan', 0) returning id)
      insert into plan (org_id, org_path, year, title, place, blocks, signer, status, number, symbol, issued_on, document_id)
      select ${w.orgs.huyen.id}, ${w.orgs.huyen.path}, 2024, 'Thực hiện phong trào thi đua “Lao động giỏi, lao động sáng tạo” năm 2024', 'Dương Minh Châu',
             '[]'::jsonb, '{}'::jsonb, 'ISSUED', 5, 'KH-LĐLĐ', '2024-01-10', doc.id from doc returning id`);
    const movement = await db().execute<{ id: number }>(sql`
      insert into movement (org_id, org_path, year, kind, title, starts_on, ends_on, plan_id, status, launched_on)
      values (${w.orgs.huyen.id}, ${w.orgs.huyen.path}, 2024, 'REGULAR', 'Lao động giỏi, lao động sáng tạo', '2024-01-10', '2024-12-31', ${plan.rows[0]!.id}, 'LAUNCHED', '2024-01-12') returning id`);
    await db().execute(sql`update nomination_round set movement_id = ${movement.rows[0]!.id} where id = (select round_id from nomination where id = ${nominationIds[0]!})`);
    const res = await (await as('huyen.tdkt')).post('/api/v1/decisions', { orgId: w.orgs.huyen.id, nominationIds, rounding: 'UP_TO_TEN_THOUSAND' });
    expect(res.statusCode, res.body).toBe(201);
    const d = res.json<DecisionDto>();
    decisionId = d.id;
    expect(d.basis).toEqual([
      'Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022;',
      'Căn cứ Điều lệ Công đoàn Việt Nam;',
      'Căn cứ Quy chế khen thưởng của tổ chức Công đoàn Việt Nam hiện hành;',
      'Căn cứ Quy chế làm việc của Ban Chấp hành Liên đoàn Lao động huyện DMC;',
      'Căn cứ Kế hoạch số 05/KH-LĐLĐ ngày 10/01/2024 về thực hiện phong trào thi đua “Lao động giỏi, lao động sáng tạo” năm 2024;',
      'Xét đề nghị của Thường trực Hội đồng Thi đua – Khen thưởng.',
    ]);
    expect(d).toMatchObject({ status: 'DRAFT', year: 2024, number: null, numberText: null, subject: 'Về việc khen thưởng tổng kết phong trào thi đua năm 2024', abilities: ['decision.update', 'decision.sign'] });
    expect(d.basis[0]).toBe('Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022;');
    // In the catalogue's order: Lao động tiên tiến, then Chiến sĩ thi đua cơ sở, then the collective title.
    expect(d.items.map((i) => [i.subjectName, i.awardCode, i.subjectKind])).toEqual([
      ['Trần Thị Cúc', 'LDTT', 'INDIVIDUAL'],
      ['Nguyễn Văn An', 'CSTD_CS', 'INDIVIDUAL'],
      ['Công đoàn cơ sở Công ty TNHH Sợi Thế Kỷ', 'TTLDTT', 'COLLECTIVE'],
    ]);
    // Not yet signed: today's base salary (2,530,000 from 01/07/2026).
    expect(d.baseSalaryVnd).toBe(2_530_000);
    expect(d.items.map((i) => i.amountVnd)).toEqual([760_000, 2_530_000, 2_030_000]);
    const again = await (await as('huyen.tdkt')).post('/api/v1/decisions', { orgId: w.orgs.huyen.id, nominationIds: [nominationIds[0]] });
    expect(again.statusCode).toBe(400);
    expect(message(again)).toMatch(/đã có trong một quyết định khác: Nguyễn Văn An\.$/);
  });

  it('signs on 30/06/2024 with the base salary then in force: number 01, award records, nominations awarded, notices, locked', async () => {
    const officer = await as('huyen.tdkt');
    const d = (await officer.get(`/api/v1/decisions/${decisionId}`)).json<DecisionDto>();
    expect((await (await as('xem')).post(`/api/v1/decisions/${decisionId}/sign`, { version: d.version, signedOn: '2024-06-30' })).statusCode).toBe(403);
    const future = await officer.post(`/api/v1/decisions/${decisionId}/sign`, { version: d.version, signedOn: '2099-01-01' });
    expect(future.statusCode).toBe(400);
    // Cúc has an email on record: she gets a letter with her certificate's verification link.
    await db().execute(sql`update person set email = 'cuc@example.vn' where id = ${w.persons.tran}`);
    const res = await officer.post(`/api/v1/decisions/${decisionId}/sign`, { version: d.version, signedOn: '2024-06-30', signerName: 'Nguyễn Thị Thúy' });
    expect(res.statusCode, res.body).toBe(200);
    const s = res.json<DecisionDto>();
    const letters = await db().execute<{ to_address: string; subject: string; body: string }>(sql`select to_address, subject, body from email_outbox where to_address = 'cuc@example.vn'`);
    expect(letters.rows).toHaveLength(1);
    expect(letters.rows[0]!.subject).toBe('Chúc mừng: khen thưởng theo Quyết định số 01/QĐ-LĐLĐ');
    const cucSerial = s.items.find((i) => i.subjectName === 'Trần Thị Cúc')!.certificateSerial!;
    expect(letters.rows[0]!.body).toContain('Kính gửi Trần Thị Cúc,');
    expect(letters.rows[0]!.body).toContain('tặng Lao động tiên tiến cho bạn');
    expect(letters.rows[0]!.body).toMatch(new RegExp(`/verify/${cucSerial}\\n`));
    expect(s).toMatchObject({ status: 'SIGNED', number: 1, numberText: '01/QĐ-LĐLĐ', signedOn: '2024-06-30', baseSalaryVnd: 1_800_000, abilities: ['decision.revoke', 'decision.scan', 'decision.publish'] });
    expect(s.signer.name).toBe('Nguyễn Thị Thúy');
    // 1.0 × 1,800,000; 0.3 × 1,800,000 = 540,000; 0.8 × 1,800,000 = 1,440,000 (already round).
    expect(s.items.map((i) => [i.coefficient, i.amountVnd])).toEqual([[0.3, 540_000], [1, 1_800_000], [0.8, 1_440_000]]);
    expect(s.totalVnd).toBe(3_780_000);
    const records = await db().execute<{ person_id: number | null; org_id: number | null; award_code: string; year: number; decision_number: string; decision_date: string; source: string }>(sql`
      select person_id, org_id, award_code, year, decision_number, decision_date::text as decision_date, source from award_record where decision_number = '01/QĐ-LĐLĐ' order by award_code`);
    expect(records.rows.map((r) => [r.award_code, Number(r.year), r.decision_date, r.source])).toEqual([
      ['CSTD_CS', 2024, '2024-06-30', 'DECISION'],
      ['LDTT', 2024, '2024-06-30', 'DECISION'],
      ['TTLDTT', 2024, '2024-06-30', 'DECISION'],
    ]);
    expect(s.items.every((i) => i.awardRecordId !== null)).toBe(true);
    const statuses = await db().execute<{ status: string }>(sql`select distinct status from nomination where id = any(${sql.param(nominationIds)}::bigint[])`);
    expect(statuses.rows.map((r) => r.status)).toEqual(['AWARDED']);
    const inbox = await db().execute<{ org_id: number; title: string }>(sql`select org_id, title from inbox_item where title like 'Quyết định khen thưởng số 01/QĐ-LĐLĐ' order by org_id`);
    expect(inbox.rows.map((r) => Number(r.org_id))).toEqual([w.orgs.cdcsA.id, w.orgs.cdcsB.id]);
    expect(await auditEvents(db(), 'decision.sign', decisionId)).toHaveLength(1);
    // Locked.
    expect((await officer.patch(`/api/v1/decisions/${decisionId}`, { version: s.version, subject: 'Khác' })).statusCode).toBe(409);
    expect((await officer.post(`/api/v1/decisions/${decisionId}/sign`, { version: s.version, signedOn: '2024-07-01' })).statusCode).toBe(409);
  });

  it('pays the new base salary from 01/07/2024, rounded up to ten thousand đồng where the decision says so', async () => {
    const officer = await as('huyen.tdkt');
    const ids = await passed([{ personId: w.persons.anh, name: 'Nguyễn Thị Ánh', awardCode: 'LDTT' }, { personId: w.persons.dang, name: 'Đặng Văn Bình', awardCode: 'CSTD_CS' }], 2024);
    const d = (await officer.post('/api/v1/decisions', { orgId: w.orgs.huyen.id, nominationIds: ids, rounding: 'UP_TO_TEN_THOUSAND' })).json<DecisionDto>();
    const s = (await officer.post(`/api/v1/decisions/${d.id}/sign`, { version: d.version, signedOn: '2024-07-01' })).json<DecisionDto>();
    expect(s.baseSalaryVnd).toBe(2_340_000);
    // 0.3 × 2,340,000 = 702,000 → 710,000; 1.0 × 2,340,000 = 2,340,000.
    expect(s.items.map((i) => [i.awardCode, i.amountVnd])).toEqual([['LDTT', 710_000], ['CSTD_CS', 2_340_000]]);
    expect(s.numberText).toBe('02/QĐ-LĐLĐ');
  });
});

describe('revocation (Điều 93)', () => {
  it('revokes a line with its ground and the revoking decision, then the rest: records revoked, money to recover, history kept', async () => {
    const officer = await as('huyen.tdkt');
    const list = (await officer.get('/api/v1/decisions?pageSize=100')).json<{ items: { id: number; numberText: string; signedOn: string | null }[] }>();
    const first = list.items.find((x) => x.numberText === '01/QĐ-LĐLĐ' && x.signedOn?.startsWith('2024'))!;
    const d = (await officer.get(`/api/v1/decisions/${first.id}`)).json<DecisionDto>();
    expect(d.abilities).toEqual(['decision.revoke', 'decision.scan', 'decision.publish']);
    const cuc = d.items.find((i) => i.subjectName === 'Trần Thị Cúc')!;
    const body = { itemIds: [cuc.id], reason: 'Phát hiện kê khai không trung thực thành tích năm 2024.', revokingDecision: 'Quyết định số 03/QĐ-LĐLĐ ngày 10/01/2025', revokedOn: '2025-01-10' };
    expect((await (await as('cdcs.b')).post(`/api/v1/decisions/${first.id}/revoke`, body)).statusCode).toBe(404);
    expect((await officer.post(`/api/v1/decisions/${first.id}/revoke`, { ...body, revokedOn: '2024-01-01' })).statusCode).toBe(400);
    const res = await officer.post(`/api/v1/decisions/${first.id}/revoke`, body);
    expect(res.statusCode, res.body).toBe(200);
    const r = res.json<DecisionDto>();
    expect(r.status).toBe('SIGNED');
    expect(r.items.find((i) => i.id === cuc.id)).toMatchObject({ status: 'REVOKED', revokedBy: 'Quyết định số 03/QĐ-LĐLĐ ngày 10/01/2025', revokedOn: '2025-01-10', amountVnd: 540_000 });
    expect(r.toRecoverVnd).toBe(540_000);
    const rec = await db().execute<{ status: string; revoked_reason: string }>(sql`select status, revoked_reason from award_record where id = ${cuc.awardRecordId}`);
    expect(rec.rows[0]).toEqual({ status: 'REVOKED', revoked_reason: 'Quyết định số 03/QĐ-LĐLĐ ngày 10/01/2025: Phát hiện kê khai không trung thực thành tích năm 2024.' });
    // Again on the same line: refused; the rest, then the decision as a whole is revoked.
    expect((await officer.post(`/api/v1/decisions/${first.id}/revoke`, body)).statusCode).toBe(400);
    const all = await officer.post(`/api/v1/decisions/${first.id}/revoke`, { reason: 'Thu hồi toàn bộ do sai thẩm quyền xét tặng.', revokingDecision: 'Quyết định số 04/QĐ-LĐLĐ ngày 11/01/2025', revokedOn: '2025-01-11' });
    expect(all.json<DecisionDto>()).toMatchObject({ status: 'REVOKED', revokedBy: 'Quyết định số 04/QĐ-LĐLĐ ngày 11/01/2025', toRecoverVnd: 3_780_000, abilities: ['decision.scan', 'decision.publish', 'decision.recover'] });
    const left = await db().execute<{ n: number }>(sql`select count(*)::int as n from award_record where decision_number = '01/QĐ-LĐLĐ' and status = 'ACTIVE'`);
    expect(Number(left.rows[0]!.n)).toBe(0);
    expect(await auditEvents(db(), 'decision.revokeLines', first.id)).toHaveLength(1);
    expect(await auditEvents(db(), 'decision.revoke', first.id)).toHaveLength(1);
    // A draft is edited, not revoked.
    const [id] = await passed([{ personId: w.persons.an, name: 'Nguyễn Văn An', awardCode: 'LDTT' }], 2029);
    const draft = (await officer.post('/api/v1/decisions', { orgId: w.orgs.huyen.id, nominationIds: [id] })).json<DecisionDto>();
    expect((await officer.post(`/api/v1/decisions/${draft.id}/revoke`, body)).statusCode).toBe(409);
  });
});

describe('numbering under concurrency', () => {
  it('gives 20 decisions signed at once the numbers 01–20 of the year, with no gap and no duplicate', async () => {
    const officer = await as('huyen.tdkt');
    const people = [w.persons.an, w.persons.anh, w.persons.dang, w.persons.tran];
    const drafts: DecisionDto[] = [];
    for (let i = 0; i < 20; i++) {
      const [id] = await passed([{ personId: people[i % 4]!, name: `Người ${i}`, awardCode: 'CSTD_CS' }], 2030 + i);
      drafts.push((await officer.post('/api/v1/decisions', { orgId: w.orgs.huyen.id, nominationIds: [id] })).json<DecisionDto>());
    }
    const clients = await Promise.all(drafts.map(() => as('huyen.tdkt')));
    const signed = await Promise.all(drafts.map((d, i) => clients[i]!.post(`/api/v1/decisions/${d.id}/sign`, { version: d.version, signedOn: '2025-03-15' })));
    expect(signed.map((r) => r.statusCode)).toEqual(Array(20).fill(200));
    const numbers = signed.map((r) => r.json<DecisionDto>().number!).sort((a, b) => a - b);
    expect(numbers).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    const register = await db().execute<{ n: number; distinct_numbers: number }>(sql`
      select count(*)::int as n, count(distinct number)::int as distinct_numbers from outgoing_document where org_id = ${w.orgs.huyen.id} and year = 2025 and doc_type = 'QĐ'`);
    expect(register.rows[0]).toEqual({ n: 20, distinct_numbers: 20 });
    // The database refuses a duplicate number even if a bug tried one.
    const second = signed.map((r) => r.json<DecisionDto>()).find((x) => x.number === 2)!;
    const dup = await db().execute(sql`update decision set number = 1 where id = ${second.id}`).then(() => 'accepted', (e: Error & { cause?: Error }) => e.cause?.message ?? e.message);
    expect(dup).toMatch(/decision_number_uq/);
  });
});

const docText = async (buf: Buffer) => (await (await JSZip.loadAsync(buf)).file('word/document.xml')!.async('string')).replace(/<w:tab\/>/g, ' ').replace(/<[^>]+>/g, '');

describe('the document and the reward fund', () => {
  it('prints the draft without a number and the signed decision with its number, lines and money; the register keeps the issued copy', async () => {
    const officer = await as('huyen.tdkt');
    const list = (await officer.get('/api/v1/decisions?pageSize=100')).json<{ items: { id: number; numberText: string; signedOn: string | null }[] }>();
    const first = list.items.find((x) => x.numberText === '01/QĐ-LĐLĐ' && x.signedOn?.startsWith('2024'))!;
    const res = await officer.request({ method: 'GET', url: `/api/v1/decisions/${first.id}/document.docx` });
    expect(res.statusCode, res.body).toBe(200);
    const text = await docText(res.rawPayload);
    for (const part of ['Số: 01/QĐ-LĐLĐ', 'DMC, ngày 30 tháng 6 năm 2024', 'QUYẾT ĐỊNH', 'Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022;', 'Trần Thị Cúc', 'Công đoàn cơ sở Công ty TNHH Sợi Thế Kỷ', '1.800.000', 'Nguyễn Thị Thúy']) {
      expect(text, part).toContain(part);
    }
    const archived = await db().execute<{ n: number }>(sql`select count(*)::int as n from outgoing_document where entity_type = 'decision' and entity_id = ${first.id} and archive_docx is not null and archive_sha256 ~ '^[0-9a-f]{64}$'`);
    expect(Number(archived.rows[0]!.n)).toBe(1);
    const [id] = await passed([{ personId: w.persons.tran, name: 'Trần Thị Cúc', awardCode: 'LDTT' }], 2031);
    const draft = (await officer.post('/api/v1/decisions', { orgId: w.orgs.huyen.id, nominationIds: [id] })).json<DecisionDto>();
    const draftText = await docText((await officer.request({ method: 'GET', url: `/api/v1/decisions/${draft.id}/document.docx` })).rawPayload);
    expect(draftText).toContain('DỰ THẢO');
    expect(draftText).toMatch(/Số:\s+\/QĐ-LĐLĐ/);
  });

  it('keeps the year’s fund: budget, money paid, to recover, balance; warns before signing beyond it; exports the ledger', async () => {
    const officer = await as('huyen.tdkt');
    expect((await (await as('xem')).put(`/api/v1/reward-funds/${w.orgs.huyen.id}/2024`, { amountVnd: 5_000_000 })).statusCode).toBe(403);
    const set = await officer.put(`/api/v1/reward-funds/${w.orgs.huyen.id}/2024`, { amountVnd: 5_000_000, note: 'Dự toán năm 2024' });
    expect(set.statusCode, set.body).toBe(200);
    const f = set.json<FundDto>();
    // Decisions 01 (3,780,000, then revoked: to recover) and 02 (3,050,000) were signed in 2024. The
    // revoked money is not back in the fund until it is paid back: balance = budget − paid + recovered.
    expect(f).toMatchObject({ budgetVnd: 5_000_000, paidVnd: 6_830_000, toRecoverVnd: 3_780_000, recoveredVnd: 0, balanceVnd: -1_830_000 });
    expect(f.ledger.map((l) => [l.numberText, l.amountVnd, l.toRecoverVnd, l.recoveredVnd])).toEqual([['01/QĐ-LĐLĐ', 3_780_000, 3_780_000, 0], ['02/QĐ-LĐLĐ', 3_050_000, 0, 0]]);
    // A correction supersedes the budget; both rows are kept.
    expect((await officer.put(`/api/v1/reward-funds/${w.orgs.huyen.id}/2024`, { amountVnd: 7_780_000 })).json<FundDto>().balanceVnd).toBe(950_000);
    const rows = await db().execute<{ status: string }>(sql`select status from reward_fund_budget where org_id = ${w.orgs.huyen.id} and year = 2024 order by id`);
    expect(rows.rows.map((r) => r.status)).toEqual(['SUPERSEDED', 'ACTIVE']);
    // 2,340,000 for a CSTĐ cơ sở signed in 2024 exceeds the 950,000 left: a warning, then signed when confirmed.
    const [id] = await passed([{ personId: w.persons.an, name: 'Nguyễn Văn An', awardCode: 'CSTD_CS' }], 2032);
    const draft = (await officer.post('/api/v1/decisions', { orgId: w.orgs.huyen.id, nominationIds: [id] })).json<DecisionDto>();
    const warned = await officer.post(`/api/v1/decisions/${draft.id}/sign`, { version: draft.version, signedOn: '2024-12-20' });
    expect(warned.statusCode).toBe(409);
    expect(message(warned)).toBe('Tiền thưởng của quyết định (2.340.000 đồng) vượt số còn lại của quỹ thi đua – khen thưởng năm 2024 (950.000 đồng). Xác nhận nếu vẫn ký.');
    expect(warned.json<{ details: unknown }>().details).toEqual({ reason: 'OVER_BUDGET' });
    // A version clash is also 409, but without the over-budget reason.
    const stale = await officer.post(`/api/v1/decisions/${draft.id}/sign`, { version: draft.version + 5, signedOn: '2024-12-20', overBudgetConfirmed: true });
    expect(stale.statusCode).toBe(409);
    expect(stale.json<{ details?: unknown }>().details).toBeUndefined();
    const ok = await officer.post(`/api/v1/decisions/${draft.id}/sign`, { version: draft.version, signedOn: '2024-12-20', overBudgetConfirmed: true });
    expect(ok.statusCode, ok.body).toBe(200);
    expect((await officer.get(`/api/v1/reward-funds/${w.orgs.huyen.id}/2024`)).json<FundDto>().balanceVnd).toBe(950_000 - 2_340_000);
    const xlsx = await officer.request({ method: 'GET', url: `/api/v1/reward-funds/${w.orgs.huyen.id}/2024/ledger.xlsx` });
    expect(xlsx.statusCode).toBe(200);
    const sheet = await readSheet(xlsx.rawPayload);
    const flat = sheet.flat().map(String);
    expect(flat).toContain('01/QĐ-LĐLĐ');
    expect(flat).toContain('03/QĐ-LĐLĐ');
    expect(flat).toContain('Đã thu hồi (đồng)');
    expect(flat).toContain('Đã thu hồi nộp lại quỹ trong năm (đồng): 0');
    expect(flat).toContain('Phải thu hồi (đồng): 3.780.000');
    expect(flat.some((c) => c.includes('Sổ quỹ thi đua – khen thưởng Liên đoàn Lao động huyện DMC năm 2024'))).toBe(true);
  });
});


describe('certificates and publication', () => {
  async function pdfText(buf: Buffer): Promise<{ pages: number; text: string }> {
    const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
    const pdf = await getDocument({ data: new Uint8Array(buf), isEvalSupported: false }).promise;
    let text = '';
    for (let n = 1; n <= pdf.numPages; n++) {
      const content = await (await pdf.getPage(n)).getTextContent();
      text += content.items.map((i) => ('str' in i ? i.str : '')).join(' ') + '\n';
    }
    const pages = pdf.numPages;
    await pdf.destroy();
    return { pages, text };
  }

  it('prints one certificate per line with its serial, and verifies it publicly — or shows it revoked', async () => {
    const officer = await as('huyen.tdkt');
    const list = (await officer.get('/api/v1/decisions?pageSize=100')).json<{ items: { id: number; numberText: string; signedOn: string | null }[] }>();
    const second = (await officer.get(`/api/v1/decisions/${list.items.find((x) => x.numberText === '02/QĐ-LĐLĐ' && x.signedOn?.startsWith('2024'))!.id}`)).json<DecisionDto>();
    expect(second.items.map((i) => i.certificateSerial)).toEqual(['DMC-2024-000004', 'DMC-2024-000005']);
    for (const user of ['cdcs.a', 'xem']) {
      expect([403, 404]).toContain((await (await as(user)).request({ method: 'GET', url: `/api/v1/decisions/${second.id}/certificates.pdf` })).statusCode);
    }
    const res = await officer.request({ method: 'GET', url: `/api/v1/decisions/${second.id}/certificates.pdf?awardCode=LDTT` });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    const { pages, text } = await pdfText(res.rawPayload);
    expect(pages).toBe(1);
    for (const part of ['GIẤY KHEN', 'Nguyễn Thị Ánh', 'DMC-2024-000004', '02/QĐ-LĐLĐ', 'LIÊN ĐOÀN LAO ĐỘNG TỈNH TÂY NINH']) expect(text, part).toContain(part);

    const valid = await env.app.inject({ method: 'GET', url: '/api/v1/public/verify/DMC-2024-000004' });
    expect(valid.statusCode, valid.body).toBe(200);
    expect(valid.json()).toEqual({
      serial: 'DMC-2024-000004', status: 'VALID', recipientName: 'Nguyễn Thị Ánh', awardName: 'Lao động tiên tiến',
      decisionNumber: '02/QĐ-LĐLĐ', decisionDate: '2024-07-01', issuerName: 'Liên đoàn Lao động huyện DMC', revokedOn: null,
    });
    // Decision 01 was revoked: its certificates say so (nothing else is shown: no CCCD, no unit, no money).
    const revoked = (await env.app.inject({ method: 'GET', url: '/api/v1/public/verify/DMC-2024-000001' })).json<Record<string, unknown>>();
    expect(revoked).toMatchObject({ status: 'REVOKED', revokedOn: '2025-01-11' });
    expect(Object.keys(revoked).sort()).toEqual(['awardName', 'decisionDate', 'decisionNumber', 'issuerName', 'recipientName', 'revokedOn', 'serial', 'status']);
    expect((await env.app.inject({ method: 'GET', url: '/api/v1/public/verify/DMC-2024-999999' })).statusCode).toBe(404);
    expect((await env.app.inject({ method: 'GET', url: '/api/v1/public/verify/%3Cscript%3E' })).statusCode).toBe(400);
  });

  it('prints every active line of a decision, all awards, into one PDF grouped by award; a revoked line is left out', async () => {
    const officer = await as('huyen.tdkt');
    const ids = await passed(
      [
        { personId: w.persons.dang, name: 'Đặng Văn Bình', awardCode: 'CSTD_CS' },
        { personId: w.persons.an, name: 'Nguyễn Văn An', awardCode: 'LDTT' },
        { personId: w.persons.tran, name: 'Trần Thị Cúc', awardCode: 'CSTD_CS' },
        { personId: w.persons.anh, name: 'Nguyễn Thị Ánh', awardCode: 'LDTT' },
      ],
      2061,
    );
    const draft = (await officer.post('/api/v1/decisions', { orgId: w.orgs.huyen.id, nominationIds: ids })).json<DecisionDto>();
    const signed = await officer.post(`/api/v1/decisions/${draft.id}/sign`, { version: draft.version, signedOn: '2026-11-19' });
    expect(signed.statusCode, signed.body).toBe(200);
    const s = signed.json<DecisionDto>();
    const anh = s.items.find((i) => i.subjectName === 'Nguyễn Thị Ánh')!;
    const revoked = await officer.post(`/api/v1/decisions/${s.id}/revoke`, { itemIds: [anh.id], reason: 'Kê khai sai thành tích.', revokingDecision: 'Quyết định số 10/QĐ-LĐLĐ', revokedOn: '2026-11-24' });
    expect(revoked.statusCode, revoked.body).toBe(200);

    const res = await officer.request({ method: 'GET', url: `/api/v1/decisions/${s.id}/certificates.pdf` });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toContain(`filename*=UTF-8''${encodeURIComponent(`Giấy khen - ${s.numberText!.replace('/', '-')}.pdf`)}`);
    const { pages, text } = await pdfText(res.rawPayload);
    const active = s.items.filter((i) => i.id !== anh.id);
    expect(pages).toBe(active.length);
    expect(pages).toBe(3);
    const lines = text.trim().split('\n');
    // Grouped by award in the decision's order (Lao động tiên tiến, then Chiến sĩ thi đua cơ sở), one page each.
    const who = lines.map((l) => ['Nguyễn Văn An', 'Đặng Văn Bình', 'Trần Thị Cúc'].find((n) => l.normalize('NFC').includes(n)));
    expect(who).toEqual(['Nguyễn Văn An', 'Đặng Văn Bình', 'Trần Thị Cúc']);
    for (const i of active) expect(text).toContain(i.certificateSerial!);
    expect(text).not.toContain('Nguyễn Thị Ánh');
    expect(text).not.toContain(anh.certificateSerial!);
    for (const l of lines) expect(l).toContain('GIẤY KHEN');
    // One award when named: the same bytes as its pages; the revoked line's award prints what is left.
    const one = await officer.request({ method: 'GET', url: `/api/v1/decisions/${s.id}/certificates.pdf?awardCode=CSTD_CS` });
    expect(one.statusCode, one.body).toBe(200);
    expect((await pdfText(one.rawPayload)).pages).toBe(2);
    expect((await officer.request({ method: 'GET', url: `/api/v1/decisions/${s.id}/certificates.pdf?awardCode=TTLDTT` })).statusCode).toBe(404);
    // The same decision prints the same bytes.
    expect((await officer.request({ method: 'GET', url: `/api/v1/decisions/${s.id}/certificates.pdf` })).rawPayload.equals(res.rawPayload)).toBe(true);
  });

  it('publishes a signed decision on the organisation’s public pages when asked', async () => {
    const officer = await as('huyen.tdkt');
    const [id] = await passed([{ personId: w.persons.dang, name: 'Đặng Văn Bình', awardCode: 'LDTT' }], 2033);
    const draft = (await officer.post('/api/v1/decisions', { orgId: w.orgs.huyen.id, nominationIds: [id], subject: 'Về việc khen thưởng đột xuất năm 2026' })).json<DecisionDto>();
    const signed = await officer.post(`/api/v1/decisions/${draft.id}/sign`, { version: draft.version, signedOn: '2026-11-20', publish: true });
    expect(signed.statusCode, signed.body).toBe(200);
    const pub = (await env.app.inject({ method: 'GET', url: `/api/v1/public/orgs/${w.orgs.huyen.code}/documents` })).json<{ items: { title: string; numberSymbol: string; hasDocument: boolean }[] }>();
    expect(pub.items).toContainEqual(expect.objectContaining({ title: 'Quyết định về việc khen thưởng đột xuất năm 2026', hasDocument: true }));
  });

  it('publishes later a decision signed without publishing; a revoked decision stays listed, marked revoked', async () => {
    const officer = await as('huyen.tdkt');
    const [id] = await passed([{ personId: w.persons.anh, name: 'Nguyễn Thị Ánh', awardCode: 'LDTT' }], 2035);
    const draft = (await officer.post('/api/v1/decisions', { orgId: w.orgs.huyen.id, nominationIds: [id], subject: 'Về việc khen thưởng chuyên đề an toàn vệ sinh lao động' })).json<DecisionDto>();
    expect((await officer.post(`/api/v1/decisions/${draft.id}/publish`, {})).statusCode).toBe(409);
    const signed = (await officer.post(`/api/v1/decisions/${draft.id}/sign`, { version: draft.version, signedOn: '2026-11-21' })).json<DecisionDto>();
    expect(signed.publishedAt).toBeNull();
    const title = 'Quyết định về việc khen thưởng chuyên đề an toàn vệ sinh lao động';
    const listed = async () =>
      (await env.app.inject({ method: 'GET', url: `/api/v1/public/orgs/${w.orgs.huyen.code}/documents?pageSize=100` })).json<{ items: { title: string; revoked: boolean }[] }>().items.filter((x) => x.title === title);
    expect(await listed()).toEqual([]);
    // Only the organisation's managers publish.
    expect((await (await as('xem')).post(`/api/v1/decisions/${draft.id}/publish`, {})).statusCode).toBe(403);
    expect((await (await as('cdcs.a')).post(`/api/v1/decisions/${draft.id}/publish`, {})).statusCode).toBe(404);
    const published = await officer.post(`/api/v1/decisions/${draft.id}/publish`, {});
    expect(published.statusCode, published.body).toBe(200);
    expect(published.json<DecisionDto>().publishedAt).toEqual(expect.any(String));
    expect(published.json<DecisionDto>().abilities).not.toContain('decision.publish');
    expect((await officer.post(`/api/v1/decisions/${draft.id}/publish`, {})).statusCode).toBe(409);
    expect(await auditEvents(db(), 'decision.publish', draft.id)).toHaveLength(1);
    expect(await listed()).toEqual([expect.objectContaining({ revoked: false })]);
    const revoked = await officer.post(`/api/v1/decisions/${draft.id}/revoke`, { reason: 'Hồ sơ đề nghị kê khai sai thành tích.', revokingDecision: 'Quyết định số 09/QĐ-LĐLĐ', revokedOn: '2026-11-22' });
    expect(revoked.statusCode, revoked.body).toBe(200);
    expect(await listed()).toEqual([expect.objectContaining({ revoked: true })]);
  });
});

describe('the signed scan', () => {
  const upload = (c: Awaited<ReturnType<typeof as>>, id: number, fileName: string, content: Buffer) => {
    const m = multipartBody([{ name: 'file', fileName, content }]);
    return c.request({ method: 'POST', url: `/api/v1/decisions/${id}/scan`, payload: m.payload, headers: m.headers });
  };
  const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(64, 7)]);

  it('is refused on a draft, for a non-manager and for a document that is not a scan; a new scan supersedes the old, both downloadable', async () => {
    const officer = await as('huyen.tdkt');
    const [id] = await passed([{ personId: w.persons.tran, name: 'Trần Thị Ánh', awardCode: 'LDTT' }], 2034);
    const draft = (await officer.post('/api/v1/decisions', { orgId: w.orgs.huyen.id, nominationIds: [id] })).json<DecisionDto>();
    const onDraft = await upload(officer, draft.id, 'ban-quet.pdf', pdfBytes('draft'));
    expect(onDraft.statusCode).toBe(409);
    expect(message(onDraft)).toBe('Dự thảo chưa ký nên chưa có bản quét: ký quyết định trước, rồi đính kèm bản có chữ ký, đóng dấu.');
    const signed = (await officer.post(`/api/v1/decisions/${draft.id}/sign`, { version: draft.version, signedOn: '2026-11-21' })).json<DecisionDto>();
    expect(signed.scans).toEqual([]);
    const before = await countRows(db(), 'decision_scan');
    // A viewer of the district and a grassroots officer (who cannot read the district's decision) change nothing.
    expect((await upload(await as('xem'), draft.id, 'x.pdf', pdfBytes('x'))).statusCode).toBe(403);
    expect((await upload(await as('cdcs.b'), draft.id, 'x.pdf', pdfBytes('x'))).statusCode).toBe(404);
    // A Word file is not a scan, whatever its name says; an empty file is refused.
    const docx = (await officer.get(`/api/v1/decisions/${draft.id}/document.docx`)).rawPayload;
    const word = await upload(officer, draft.id, 'ban-quet.pdf', docx);
    expect(word.statusCode).toBe(415);
    expect(message(word)).toContain('PDF, JPEG, PNG');
    expect((await upload(officer, draft.id, 'trong.pdf', Buffer.alloc(0))).statusCode).toBe(400);
    expect(await countRows(db(), 'decision_scan')).toBe(before);

    const first = await upload(officer, draft.id, 'Quyết định 01.pdf', pdfBytes('first scan'));
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json<DecisionDto>().scans).toMatchObject([{ fileName: 'Quyết định 01.pdf', mimeType: 'application/pdf', status: 'ACTIVE', uploadedByName: expect.any(String) }]);
    const second = (await upload(officer, draft.id, '../../anh-chup', PNG)).json<DecisionDto>();
    expect(second.scans.map((s) => [s.fileName, s.status])).toEqual([['anh-chup.png', 'ACTIVE'], ['Quyết định 01.pdf', 'SUPERSEDED']]);
    expect(await auditEvents(db(), 'decision.scan.attach', draft.id)).toHaveLength(2);

    // Readers of the decision download every version; someone outside its subtree gets 404.
    const old = await (await as('xem')).get(`/api/v1/decision-scans/${second.scans[1]!.id}/file`);
    expect(old.statusCode).toBe(200);
    expect(old.headers['content-type']).toBe('application/pdf');
    expect(old.rawPayload.equals(pdfBytes('first scan'))).toBe(true);
    expect((await (await as('cdcs.b')).get(`/api/v1/decision-scans/${second.scans[0]!.id}/file`)).statusCode).toBe(404);
    expect((await env.app.inject({ method: 'GET', url: `/api/v1/decision-scans/${second.scans[0]!.id}/file` })).statusCode).toBe(401);
  });
});

describe('rates of awards without a State coefficient', () => {
  type Rates = { items: { awardCode: string; coefficient: number | null; amountVnd: number | null; effectiveFrom: string | null; sourceOrgName: string | null; own: boolean }[]; abilities: string[] };
  const rateOf = (r: Rates, code: string) => r.items.find((i) => i.awardCode === code)!;

  it('are set by the organisation or inherited from the province, refused for State awards, and price the district’s Giấy khen when signed', async () => {
    const officer = await as('huyen.tdkt');
    const admin = await as('admin');
    // The province sets a coefficient for its subtree; the district a fixed amount from a later date.
    const province = await admin.put(`/api/v1/reward-rates/${w.orgs.tinh.id}/GK_CD_CAP_TREN`, { coefficient: 0.15, effectiveFrom: '2024-01-01', note: 'Quy chế chi tiêu nội bộ' });
    expect(province.statusCode, province.body).toBe(200);
    const inherited = (await officer.get(`/api/v1/reward-rates?orgId=${w.orgs.huyen.id}&date=2025-06-01`)).json<Rates>();
    expect(rateOf(inherited, 'GK_CD_CAP_TREN')).toMatchObject({ coefficient: 0.15, amountVnd: null, effectiveFrom: '2024-01-01', sourceOrgName: 'Liên đoàn Lao động tỉnh Tây Ninh', own: false });
    expect(inherited.items.some((i) => i.awardCode === 'LDTT')).toBe(false);
    const own = await officer.put(`/api/v1/reward-rates/${w.orgs.huyen.id}/GK_CD_CAP_TREN`, { amountVnd: 300_000, effectiveFrom: '2026-01-01' });
    expect(own.statusCode, own.body).toBe(200);
    // A correction of the same date supersedes, nothing is deleted.
    expect((await officer.put(`/api/v1/reward-rates/${w.orgs.huyen.id}/GK_CD_CAP_TREN`, { amountVnd: 350_000, effectiveFrom: '2026-01-01' })).statusCode).toBe(200);
    const rows = await db().execute<{ status: string; amount_vnd: number }>(sql`select status, amount_vnd from reward_rate where org_id = ${w.orgs.huyen.id} order by id`);
    expect(rows.rows.map((r) => [r.status, Number(r.amount_vnd)])).toEqual([['SUPERSEDED', 300_000], ['ACTIVE', 350_000]]);
    expect(await auditEvents(db(), 'reward-rate.set')).toHaveLength(3);
    expect(rateOf((await officer.get(`/api/v1/reward-rates?orgId=${w.orgs.huyen.id}&date=2026-11-20`)).json<Rates>(), 'GK_CD_CAP_TREN')).toMatchObject({ amountVnd: 350_000, own: true });

    // Refusals change nothing: a State award, both values or none, a viewer, a grassroots officer.
    const before = await countRows(db(), 'reward_rate');
    const state = await officer.put(`/api/v1/reward-rates/${w.orgs.huyen.id}/LDTT`, { amountVnd: 1, effectiveFrom: '2026-01-01' });
    expect(state.statusCode).toBe(400);
    expect(message(state)).toBe('Tiền thưởng Lao động tiên tiến do Nhà nước quy định (hệ số 0,3 × mức lương cơ sở), đơn vị không đặt mức riêng.');
    const both = await officer.put(`/api/v1/reward-rates/${w.orgs.huyen.id}/GK_CD_CAP_TREN`, { amountVnd: 1, coefficient: 1, effectiveFrom: '2026-01-01' });
    expect(both.statusCode).toBe(400);
    expect(JSON.stringify(both.json())).toContain('Nhập hệ số (× mức lương cơ sở) hoặc số tiền cố định — một trong hai.');
    expect((await (await as('xem')).put(`/api/v1/reward-rates/${w.orgs.huyen.id}/GK_CD_CAP_TREN`, { amountVnd: 1, effectiveFrom: '2026-01-01' })).statusCode).toBe(403);
    expect((await (await as('cdcs.a')).put(`/api/v1/reward-rates/${w.orgs.huyen.id}/GK_CD_CAP_TREN`, { amountVnd: 1, effectiveFrom: '2026-01-01' })).statusCode).toBe(404);
    expect(await countRows(db(), 'reward_rate')).toBe(before);

    // The district's Giấy khen: inherited coefficient when signed in 2025, its own amount in 2026.
    const [early, late] = await passed([
      { personId: w.persons.an, name: 'Nguyễn Văn An', awardCode: 'GK_CD_CAP_TREN' },
      { personId: w.persons.anh, name: 'Nguyễn Thị Ánh', awardCode: 'GK_CD_CAP_TREN' },
    ], 2036);
    const d1 = (await officer.post('/api/v1/decisions', { orgId: w.orgs.huyen.id, nominationIds: [early], rounding: 'UP_TO_TEN_THOUSAND' })).json<DecisionDto>();
    expect(d1.items[0]).toMatchObject({ coefficient: null, amountVnd: 350_000 }); // a draft shows today's rate
    const s1 = (await officer.post(`/api/v1/decisions/${d1.id}/sign`, { version: d1.version, signedOn: '2025-06-01', overBudgetConfirmed: true })).json<DecisionDto>();
    // 0.15 × 2,340,000 = 351,000, rounded up to ten thousand = 360,000.
    expect(s1.items[0]).toMatchObject({ coefficient: 0.15, amountVnd: 360_000 });
    const d2 = (await officer.post('/api/v1/decisions', { orgId: w.orgs.huyen.id, nominationIds: [late], rounding: 'UP_TO_TEN_THOUSAND' })).json<DecisionDto>();
    const s2 = (await officer.post(`/api/v1/decisions/${d2.id}/sign`, { version: d2.version, signedOn: '2026-11-22', overBudgetConfirmed: true })).json<DecisionDto>();
    expect(s2.items[0]).toMatchObject({ coefficient: null, amountVnd: 350_000 });
    expect(s2.totalVnd).toBe(350_000);
  });
});

describe('signing order, fund races and the year of each award', () => {
  it('refuses a date of signature earlier than the latest decision of the same number year, naming it; the same date or later is signed', async () => {
    const officer = await as('huyen.tdkt');
    // The latest 2025 decision of the district was signed on 01/06/2025 (number 21, after the twenty of 15/03).
    const latest = await db().execute<{ number: number; signed_on: string }>(sql`
      select number, signed_on::text as signed_on from decision where org_id = ${w.orgs.huyen.id} and number_year = 2025 order by signed_on desc, number desc limit 1`);
    expect(latest.rows[0]).toEqual({ number: 21, signed_on: '2025-06-01' });
    const [id] = await passed([{ personId: w.persons.dang, name: 'Đặng Văn Bình', awardCode: 'LDTT' }], 2043);
    const draft = (await officer.post('/api/v1/decisions', { orgId: w.orgs.huyen.id, nominationIds: [id] })).json<DecisionDto>();
    const counter = () => db().execute<{ last_number: number }>(sql`select last_number from document_counter where org_id = ${w.orgs.huyen.id} and year = 2025 and doc_type = 'QĐ'`).then((r) => Number(r.rows[0]!.last_number));
    const before = await counter();
    const early = await officer.post(`/api/v1/decisions/${draft.id}/sign`, { version: draft.version, signedOn: '2025-05-31', overBudgetConfirmed: true });
    expect(early.statusCode).toBe(400);
    expect(message(early)).toBe('Ngày ký 31/05/2025 sớm hơn ngày ký Quyết định số 21/QĐ-LĐLĐ ngày 01/06/2025 của đơn vị trong năm 2025: số quyết định phải theo thứ tự ngày ký. Hãy chọn ngày ký từ 01/06/2025 trở đi.');
    expect(await counter()).toBe(before);
    expect((await officer.get(`/api/v1/decisions/${draft.id}`)).json<DecisionDto>()).toMatchObject({ status: 'DRAFT', number: null, version: draft.version });
    // Another year's numbers are not compared: 2024's latest is 20/12/2024, earlier than 31/05/2025 — fine either way.
    const ok = await officer.post(`/api/v1/decisions/${draft.id}/sign`, { version: draft.version, signedOn: '2025-06-01', overBudgetConfirmed: true });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json<DecisionDto>().number).toBe(before + 1);
  });

  it('shows a draft’s fund warning for the year of the intended date of signature, not the current year', async () => {
    const officer = await as('huyen.tdkt');
    await officer.put(`/api/v1/reward-funds/${w.orgs.huyen.id}/2023`, { amountVnd: 1_000_000 });
    const [id] = await passed([{ personId: w.persons.an, name: 'Nguyễn Văn An', awardCode: 'CSTD_CS' }], 2044);
    const draft = (await officer.post('/api/v1/decisions', { orgId: w.orgs.huyen.id, nominationIds: [id] })).json<DecisionDto>();
    // Today: the current year's fund (no budget set for it).
    expect(draft.fund).toMatchObject({ year: Number(new Date().toISOString().slice(0, 4)) });
    const in2023 = await officer.get(`/api/v1/decisions/${draft.id}?signedOn=2023-08-01`);
    expect(in2023.statusCode, in2023.body).toBe(200);
    const d = in2023.json<DecisionDto>();
    // Signed on 01/08/2023: the base salary then (1,800,000), 2023's budget of 1,000,000 — over it.
    expect(d.baseSalaryVnd).toBe(1_800_000);
    expect(d.fund).toEqual({ year: 2023, budgetVnd: 1_000_000, paidVnd: 0, balanceAfterVnd: 1_000_000 - 1_800_000, overBudget: true });
    expect((await officer.get(`/api/v1/decisions/${draft.id}?signedOn=2023-13-45`)).statusCode).toBe(400);
    // Signing on that date indeed meets 2023's fund.
    const sign = await officer.post(`/api/v1/decisions/${draft.id}/sign`, { version: draft.version, signedOn: '2023-08-01' });
    expect(sign.statusCode).toBe(409);
    expect(message(sign)).toContain('quỹ thi đua – khen thưởng năm 2023 (1.000.000 đồng)');
  });

  it('lets only one of two drafts signed at once pass the over-budget check of the same fund', async () => {
    const officer = await as('huyen.tdkt');
    const ids = await passed([{ personId: w.persons.anh, name: 'Nguyễn Thị Ánh', awardCode: 'CSTD_CS' }, { personId: w.persons.dang, name: 'Đặng Văn Bình', awardCode: 'CSTD_CS' }], 2045);
    const drafts = [];
    for (const id of ids) drafts.push((await officer.post('/api/v1/decisions', { orgId: w.orgs.huyen.id, nominationIds: [id] })).json<DecisionDto>());
    // 1,800,000 each on 01/09/2023; the 2023 fund: 3,000,000 (each fits alone, not both).
    await officer.put(`/api/v1/reward-funds/${w.orgs.huyen.id}/2023`, { amountVnd: 3_000_000 });
    for (const d of drafts) expect((await officer.get(`/api/v1/decisions/${d.id}?signedOn=2023-09-01`)).json<DecisionDto>().fund).toMatchObject({ balanceAfterVnd: 1_200_000, overBudget: false });
    const clients = await Promise.all(drafts.map(() => as('huyen.tdkt')));
    const res = await Promise.all(drafts.map((d, i) => clients[i]!.post(`/api/v1/decisions/${d.id}/sign`, { version: d.version, signedOn: '2023-09-01' })));
    expect(res.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    const refused = res.find((r) => r.statusCode === 409)!;
    expect(refused.json<{ details: unknown }>().details).toEqual({ reason: 'OVER_BUDGET' });
    expect(message(refused)).toBe('Tiền thưởng của quyết định (1.800.000 đồng) vượt số còn lại của quỹ thi đua – khen thưởng năm 2023 (1.200.000 đồng). Xác nhận nếu vẫn ký.');
    const f = (await officer.get(`/api/v1/reward-funds/${w.orgs.huyen.id}/2023`)).json<FundDto>();
    expect(f).toMatchObject({ paidVnd: 1_800_000, balanceVnd: 1_200_000 });
    expect(f.ledger).toHaveLength(1);
  });

  it('stamps each award record with its own line’s year, and refuses a draft naming the same person twice for the same award', async () => {
    const officer = await as('huyen.tdkt');
    const [older] = await passed([{ personId: w.persons.an, name: 'Nguyễn Văn An', awardCode: 'LDTT' }], 2046);
    const [newer] = await passed([{ personId: w.persons.tran, name: 'Trần Thị Cúc', awardCode: 'LDTT' }], 2047);
    const draft = (await officer.post('/api/v1/decisions', { orgId: w.orgs.huyen.id, nominationIds: [older, newer] })).json<DecisionDto>();
    expect(draft.year).toBe(2047);
    const signed = await officer.post(`/api/v1/decisions/${draft.id}/sign`, { version: draft.version, signedOn: '2026-11-22', overBudgetConfirmed: true });
    expect(signed.statusCode, signed.body).toBe(200);
    const records = await db().execute<{ person_id: number; year: number }>(sql`
      select r.person_id, r.year from award_record r join decision_item i on i.award_record_id = r.id where i.decision_id = ${draft.id} order by r.year`);
    expect(records.rows.map((r) => [Number(r.person_id), Number(r.year)])).toEqual([[w.persons.an, 2046], [w.persons.tran, 2047]]);

    // The same person's nominations of two years for the same award: a clear refusal, nothing drafted.
    const twice = await passed([{ personId: w.persons.anh, name: 'Nguyễn Thị Ánh', awardCode: 'CSTD_CS' }], 2048);
    const again = await passed([{ personId: w.persons.anh, name: 'Nguyễn Thị Ánh', awardCode: 'CSTD_CS' }], 2049);
    const before = await countRows(db(), 'decision');
    const dup = await officer.post('/api/v1/decisions', { orgId: w.orgs.huyen.id, nominationIds: [...twice, ...again] });
    expect(dup.statusCode).toBe(400);
    expect(message(dup)).toBe('Dự thảo có cá nhân, tập thể được đề nghị hai lần cho cùng một hình thức khen thưởng: Nguyễn Thị Ánh (Chiến sĩ thi đua cơ sở). Mỗi cá nhân, tập thể chỉ có một dòng cho mỗi hình thức; hãy ra quyết định riêng cho đề nghị trùng.');
    expect(await countRows(db(), 'decision')).toBe(before);
    // Each alone is drafted.
    expect((await officer.post('/api/v1/decisions', { orgId: w.orgs.huyen.id, nominationIds: twice })).statusCode).toBe(201);
  });
});
