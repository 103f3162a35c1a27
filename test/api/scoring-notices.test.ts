// Deadlines and notices of scoring rounds (issue 5): per-sheet deadline extensions (managers only,
// with a reason, later than the current effective deadline), NOTICE inbox items on opening, return,
// extension and publication for the units concerned only, and reminders (inbox + email through a
// real SMTP server; the daily job once a day for sheets due within N days).
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestEnv } from '../support/app';
import { startCaptureSmtp, type CaptureSmtp, type CapturedMail } from '../support/smtp';
import { loginAs, smallWorld, type Client } from '../factories';
import { auditEvents } from '../support/achievements';
import { todayInVietnam } from '../../src/server/modules/imports/xlsx';
import { remindDueSheets } from '../../src/server/modules/scoring/rounds.service';
import type { RoundDto, RoundResultsDto, SheetDto, SheetSummaryDto } from '../../src/contracts/scoring';
import { attachRequiredEvidence, daysFromToday, shippedTemplateId } from '../support/scoring';

let env: TestEnv;
let w: Awaited<ReturnType<typeof smallWorld>>;
let smtp: CaptureSmtp;
let captured: CapturedMail[] = [];

beforeAll(async () => {
  env = await startTestApp();
  w = await smallWorld(env.database.db);
  await env.database.db.execute(sql`update app_user set email = username || '@example.vn' where username in ('cdcs.a', 'cdcs.b', 'xem', 'huyen.tdkt')`);
  smtp = await startCaptureSmtp();
  captured = smtp.captured;
  env.ctx.config.SMTP_URL = smtp.url;
});
afterAll(async () => {
  await smtp.close();
  await env.close();
});

type Err = { code: string; message: string };
const settle = () => Promise.allSettled([...env.ctx.background]);

const vn = (iso: string) => iso.split('-').reverse().join('/');

async function openRound(c: Client, title: string, extra: Record<string, unknown> = {}): Promise<RoundDto> {
  const res = await c.post('/api/v1/scoring-rounds', { orgId: w.orgs.huyen.id, year: 2025, title, templateId: await shippedTemplateId(env.database.db, 'CDCS_1294'), deadline: daysFromToday(10), ...extra });
  expect(res.statusCode).toBe(200);
  return res.json<RoundDto>();
}

async function sheetOf(roundId: number, orgId: number): Promise<number> {
  const r = await env.database.db.execute<{ id: number }>(sql`select id from score_sheet where round_id = ${roundId} and org_id = ${orgId}`);
  return Number(r.rows[0]!.id);
}

async function notices(where = sql`true`) {
  const r = await env.database.db.execute<{ org_id: number; title: string; body: string; link: string; sender_org_id: number }>(
    sql`select org_id, title, body, link, sender_org_id from inbox_item where kind = 'NOTICE' and ${where} order by id`,
  );
  return r.rows.map((x) => ({ ...x, org_id: Number(x.org_id), sender_org_id: Number(x.sender_org_id) }));
}

async function submitFull(c: Client, sheetId: number): Promise<SheetDto> {
  const s = (await c.get(`/api/v1/score-sheets/${sheetId}`)).json<SheetDto>();
  const saved = (await c.put(`/api/v1/score-sheets/${sheetId}/entries`, { version: s.version, entries: s.criteria.map((x) => ({ criterionCode: x.code, points: x.maxPoints })) })).json<SheetDto>();
  await attachRequiredEvidence(c, sheetId);
  const res = await c.post(`/api/v1/score-sheets/${sheetId}/submit`, { version: saved.version });
  expect(res.statusCode).toBe(200);
  return res.json<SheetDto>();
}

describe('notices on opening', () => {
  it('every scored unit (and no other) gets a NOTICE with the deadline and a link to its sheet', async () => {
    const officer = await loginAs(env.app, 'huyen.tdkt');
    const r = await openRound(officer, 'Chấm điểm CĐCS – thông báo mở đợt');
    const rows = await notices(sql`title = ${'Đợt chấm điểm mới: Chấm điểm CĐCS – thông báo mở đợt'}`);
    expect(rows.map((x) => [x.org_id, x.link, x.sender_org_id]).sort()).toEqual(
      [
        [w.orgs.cdcsA.id, `/cham-diem/phieu/${await sheetOf(r.id, w.orgs.cdcsA.id)}`, w.orgs.huyen.id],
        [w.orgs.cdcsB.id, `/cham-diem/phieu/${await sheetOf(r.id, w.orgs.cdcsB.id)}`, w.orgs.huyen.id],
      ].sort(),
    );
    expect(rows[0]!.body).toBe(`Liên đoàn Lao động huyện DMC mở đợt chấm điểm “Chấm điểm CĐCS – thông báo mở đợt” năm 2025. Hạn tự chấm: ${vn(daysFromToday(10))}.`);
    // The unit sees it in its inbox.
    const inbox = await (await loginAs(env.app, 'cdcs.a')).get('/api/v1/inbox');
    expect(inbox.body).toContain('Đợt chấm điểm mới: Chấm điểm CĐCS – thông báo mở đợt');
  });

  it('a member round notifies each member unit once, linking to the round', async () => {
    const officer = await loginAs(env.app, 'huyen.tdkt');
    const res = await officer.post('/api/v1/scoring-rounds', { orgId: w.orgs.huyen.id, year: 2025, title: 'Đoàn viên – thông báo', templateId: await shippedTemplateId(env.database.db, 'DOAN_VIEN'), deadline: daysFromToday(10) });
    const r = res.json<RoundDto>();
    const rows = await notices(sql`title = ${'Đợt chấm điểm mới: Đoàn viên – thông báo'}`);
    expect(rows.map((x) => [x.org_id, x.link]).sort()).toEqual([[w.orgs.cdcsA.id, `/cham-diem/${r.id}`], [w.orgs.cdcsB.id, `/cham-diem/${r.id}`]].sort());
  });
});

describe('deadline extension', () => {
  let round: RoundDto;
  let sheetA: number;
  let sheetB: number;
  beforeAll(async () => {
    round = await openRound(await loginAs(env.app, 'huyen.tdkt'), 'Chấm điểm CĐCS – gia hạn');
    sheetA = await sheetOf(round.id, w.orgs.cdcsA.id);
    sheetB = await sheetOf(round.id, w.orgs.cdcsB.id);
  });

  it('only the organiser managers extend; bad requests are refused in Vietnamese and change nothing', async () => {
    const body = { sheetIds: [sheetA], deadline: daysFromToday(20), reason: 'Đơn vị đang tổ chức đại hội' };
    for (const user of ['cdcs.a', 'xem', 'doanvien']) expect((await (await loginAs(env.app, user)).post(`/api/v1/scoring-rounds/${round.id}/extend`, body)).statusCode, user).toBe(404);
    const officer = await loginAs(env.app, 'huyen.tdkt');
    const extend = (b: Record<string, unknown>) => officer.post(`/api/v1/scoring-rounds/${round.id}/extend`, { ...body, ...b });
    expect((await extend({ reason: '' })).statusCode).toBe(400);
    const past = await extend({ deadline: '2020-01-01' });
    expect(past.json<Err>().message).toBe('Hạn chấm 01/01/2020 đã qua. Chọn hạn từ hôm nay trở đi.');
    const same = await extend({ deadline: daysFromToday(10) });
    expect(same.statusCode).toBe(400);
    expect(same.json<Err>().message).toBe(`Hạn mới ${vn(daysFromToday(10))} phải sau hạn hiện tại của Công đoàn cơ sở Trường THCS Phước Minh (${vn(daysFromToday(10))}).`);
    const unknown = await extend({ sheetIds: [999999] });
    expect(unknown.json<Err>().message).toBe('Phiếu chấm mã số 999999 không thuộc đợt chấm này.');
    expect((await auditEvents(env.database.db, 'scoring.round.extend', round.id)).length).toBe(0);
    expect(await notices(sql`title like 'Gia hạn chấm điểm:%'`)).toEqual([]);
  });

  it('extends the listed sheets: their effective deadline moves, the others keep the round deadline; audited; notice to those units', async () => {
    const officer = await loginAs(env.app, 'huyen.tdkt');
    const res = await officer.post(`/api/v1/scoring-rounds/${round.id}/extend`, { sheetIds: [sheetA], deadline: daysFromToday(20), reason: 'Đơn vị đang tổ chức đại hội' });
    expect(res.statusCode).toBe(200);
    expect(res.json<RoundDto>().deadline).toBe(daysFromToday(10));
    const list = (await officer.get(`/api/v1/score-sheets?roundId=${round.id}`)).json<{ items: SheetSummaryDto[] }>();
    expect(Object.fromEntries(list.items.map((s) => [s.id, s.deadline]))).toEqual({ [sheetA]: daysFromToday(20), [sheetB]: daysFromToday(10) });
    const [event] = await auditEvents(env.database.db, 'scoring.round.extend', round.id);
    expect(event!.before).toEqual({ roundDeadline: daysFromToday(10), sheets: [{ sheetId: sheetA, deadline: daysFromToday(10) }] });
    expect(event!.after).toMatchObject({ deadline: daysFromToday(20), sheetIds: [sheetA], reason: 'Đơn vị đang tổ chức đại hội' });
    const rows = await notices(sql`title = ${'Gia hạn chấm điểm: Chấm điểm CĐCS – gia hạn'}`);
    expect(rows.map((x) => x.org_id)).toEqual([w.orgs.cdcsA.id]);
    expect(rows[0]!.body).toBe(`Liên đoàn Lao động huyện DMC gia hạn tự chấm đến ngày ${vn(daysFromToday(20))}. Lý do: Đơn vị đang tổ chức đại hội`);

    // Once the round deadline has passed, the extended sheet is still open; the other is locked.
    await env.database.db.execute(sql`update scoring_round set deadline = '2024-12-31' where id = ${round.id}`);
    try {
      const a = (await (await loginAs(env.app, 'cdcs.a')).get(`/api/v1/score-sheets/${sheetA}`)).json<SheetDto>();
      expect(a).toMatchObject({ deadline: daysFromToday(20), abilities: ['sheet.selfScore', 'sheet.submit'] });
      const cdcsB = await loginAs(env.app, 'cdcs.b');
      const b = (await cdcsB.get(`/api/v1/score-sheets/${sheetB}`)).json<SheetDto>();
      expect(b).toMatchObject({ deadline: '2024-12-31', abilities: [] });
      const write = await cdcsB.put(`/api/v1/score-sheets/${sheetB}/entries`, { version: b.version, entries: [{ criterionCode: 'G1.1', points: 1 }] });
      expect(write.statusCode).toBe(409);
      expect(write.json<Err>().message).toBe('Đã quá hạn chấm (31/12/2024). Liên hệ đơn vị tổ chức nếu cần gia hạn.');
    } finally {
      await env.database.db.execute(sql`update scoring_round set deadline = ${daysFromToday(10)} where id = ${round.id}`);
    }
  });

  it('a submitted sheet is not extended; null = every sheet not yet submitted, and the round deadline moves too', async () => {
    await submitFull(await loginAs(env.app, 'cdcs.a'), sheetA);
    const officer = await loginAs(env.app, 'huyen.tdkt');
    const submitted = await officer.post(`/api/v1/scoring-rounds/${round.id}/extend`, { sheetIds: [sheetA], deadline: daysFromToday(30), reason: 'Gia hạn chung' });
    expect(submitted.statusCode).toBe(400);
    expect(submitted.json<Err>().message).toBe('Phiếu chấm của Công đoàn cơ sở Trường THCS Phước Minh đã nộp nên không cần gia hạn.');
    const all = await officer.post(`/api/v1/scoring-rounds/${round.id}/extend`, { sheetIds: null, deadline: daysFromToday(30), reason: 'Gia hạn chung' });
    expect(all.statusCode).toBe(200);
    expect(all.json<RoundDto>().deadline).toBe(daysFromToday(30));
    const rows = await env.database.db.execute<{ id: number; deadline: string | null }>(sql`select id, deadline::text as deadline from score_sheet where round_id = ${round.id} order by id`);
    expect(Object.fromEntries(rows.rows.map((x) => [Number(x.id), x.deadline]))).toEqual({ [sheetA]: daysFromToday(20), [sheetB]: daysFromToday(30) });
    expect((await notices(sql`title = ${'Gia hạn chấm điểm: Chấm điểm CĐCS – gia hạn'}`)).map((x) => x.org_id)).toEqual([w.orgs.cdcsA.id, w.orgs.cdcsB.id]);
  });
});

describe('return, reminders and publication', () => {
  let round: RoundDto;
  let sheetA: number;
  let sheetB: number;
  beforeAll(async () => {
    round = await openRound(await loginAs(env.app, 'huyen.tdkt'), 'Chấm điểm CĐCS – nhắc và công bố');
    sheetA = await sheetOf(round.id, w.orgs.cdcsA.id);
    sheetB = await sheetOf(round.id, w.orgs.cdcsB.id);
  });

  it('a return notifies the unit with the reason', async () => {
    const submitted = await submitFull(await loginAs(env.app, 'cdcs.a'), sheetA);
    const officer = await loginAs(env.app, 'huyen.tdkt');
    expect((await officer.post(`/api/v1/score-sheets/${sheetA}/return`, { version: submitted.version, reason: 'Bổ sung biên bản đại hội' })).statusCode).toBe(200);
    const rows = await notices(sql`title = ${'Phiếu chấm điểm được trả lại: Chấm điểm CĐCS – nhắc và công bố'}`);
    expect(rows.map((x) => [x.org_id, x.link])).toEqual([[w.orgs.cdcsA.id, `/cham-diem/phieu/${sheetA}`]]);
    expect(rows[0]!.body).toContain('Lý do: Bổ sung biên bản đại hội');
  });

  it('remind: only managers; a NOTICE and an email for each unit with a draft or returned sheet', async () => {
    for (const user of ['cdcs.a', 'xem']) expect((await (await loginAs(env.app, user)).post(`/api/v1/scoring-rounds/${round.id}/remind`, {})).statusCode, user).toBe(404);
    // Sheet B submitted: only CĐCS A (returned) is reminded.
    await submitFull(await loginAs(env.app, 'cdcs.b'), sheetB);
    captured.length = 0;
    const officer = await loginAs(env.app, 'huyen.tdkt');
    const res = await officer.post(`/api/v1/scoring-rounds/${round.id}/remind`, {});
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ reminded: 1, emails: 1 });
    await settle();
    expect(captured.map((m) => m.to)).toEqual([['cdcs.a@example.vn']]);
    expect(captured[0]!.raw).toMatch(/Subject: /);
    const rows = await notices(sql`title = ${'Nhắc chấm điểm: Chấm điểm CĐCS – nhắc và công bố'}`);
    expect(rows.map((x) => x.org_id)).toEqual([w.orgs.cdcsA.id]);
    const outbox = await env.database.db.execute<{ to_address: string; subject: string; body: string; status: string }>(
      sql`select to_address, subject, body, status from email_outbox where subject like ${'%Chấm điểm CĐCS – nhắc và công bố%'}`,
    );
    expect(outbox.rows.map((x) => [x.to_address, x.subject, x.status])).toEqual([['cdcs.a@example.vn', `[Vinh Danh] Nhắc chấm điểm: Chấm điểm CĐCS – nhắc và công bố – hạn ${vn(daysFromToday(10))}`, 'SENT']]);
    expect(outbox.rows[0]!.body).toContain('Kính gửi Công đoàn cơ sở Trường THCS Phước Minh');
    expect(outbox.rows[0]!.body).toContain(`http://localhost:3000/cham-diem/phieu/${sheetA}`);
    expect((await auditEvents(env.database.db, 'scoring.round.remind', round.id)).length).toBe(1);
  });

  it('publication notifies every scored unit with a link to its sheet', async () => {
    const cdcsA = await loginAs(env.app, 'cdcs.a');
    await submitFull(cdcsA, sheetA);
    const officer = await loginAs(env.app, 'huyen.tdkt');
    for (const id of [sheetA, sheetB]) {
      const s = (await officer.get(`/api/v1/score-sheets/${id}`)).json<SheetDto>();
      expect((await officer.post(`/api/v1/score-sheets/${id}/approve`, { version: s.version })).statusCode).toBe(200);
    }
    const results = (await officer.get(`/api/v1/scoring-rounds/${round.id}/results`)).json<RoundResultsDto>();
    expect((await officer.post(`/api/v1/scoring-rounds/${round.id}/publish`, { version: results.roundVersion })).statusCode).toBe(200);
    const rows = await notices(sql`title = ${'Kết quả Chấm điểm CĐCS – nhắc và công bố đã được công bố'}`);
    expect(rows.map((x) => [x.org_id, x.link]).sort()).toEqual([[w.orgs.cdcsA.id, `/cham-diem/phieu/${sheetA}`], [w.orgs.cdcsB.id, `/cham-diem/phieu/${sheetB}`]].sort());
    // A published round is not reminded nor extended.
    expect((await officer.post(`/api/v1/scoring-rounds/${round.id}/remind`, {})).statusCode).toBe(409);
    expect((await officer.post(`/api/v1/scoring-rounds/${round.id}/extend`, { sheetIds: null, deadline: daysFromToday(40), reason: 'Gia hạn sau công bố' })).statusCode).toBe(409);
  });
});

describe('the daily reminder job', () => {
  it('reminds, once a day, the units whose draft sheets are due within N days', async () => {
    const officer = await loginAs(env.app, 'huyen.tdkt');
    await openRound(officer, 'Chấm điểm CĐCS – sắp đến hạn', { deadline: daysFromToday(2), units: [w.orgs.cdcsB.id] });
    await openRound(officer, 'Chấm điểm CĐCS – còn lâu', { deadline: daysFromToday(40), units: [w.orgs.cdcsB.id] });
    const title = (r: string) => `Nhắc chấm điểm: ${r}`;
    const first = await remindDueSheets(env.ctx, todayInVietnam(), 3);
    expect(first.reminded).toBeGreaterThanOrEqual(1);
    expect((await notices(sql`title = ${title('Chấm điểm CĐCS – sắp đến hạn')}`)).map((x) => x.org_id)).toEqual([w.orgs.cdcsB.id]);
    expect(await notices(sql`title = ${title('Chấm điểm CĐCS – còn lâu')}`)).toEqual([]);
    const outbox = await env.database.db.execute<{ n: number }>(sql`select count(*)::int as n from email_outbox where subject like ${'%sắp đến hạn%'}`);
    expect(Number(outbox.rows[0]!.n)).toBe(1);
    // Same day again: nothing new.
    const again = await remindDueSheets(env.ctx, todayInVietnam(), 3);
    expect(again).toEqual({ rounds: 0, reminded: 0, emails: 0 });
    expect((await notices(sql`title = ${title('Chấm điểm CĐCS – sắp đến hạn')}`)).length).toBe(1);
  });
});
