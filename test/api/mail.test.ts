// Reminder mail through a real SMTP server in the test process: what arrives, what a failing server
// leaves in the outbox, and the daily reminder job.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestEnv } from '../support/app';
import { startCaptureSmtp, type CaptureSmtp, type CapturedMail } from '../support/smtp';
import { loginAs, smallWorld } from '../factories';
import type { PlanDto } from '../../src/contracts/plans';
import { sendDueReminders } from '../../src/server/modules/cascade/reminders';
import { sendOutbox } from '../../src/server/lib/mail';
import { todayInVietnam } from '../../src/server/modules/imports/xlsx';

let env: TestEnv;
let w: Awaited<ReturnType<typeof smallWorld>>;
let smtp: CaptureSmtp;
let port = 0;
let fail = false;
let captured: CapturedMail[] = [];

beforeAll(async () => {
  env = await startTestApp();
  w = await smallWorld(env.database.db);
  await env.database.db.execute(sql`update app_user set email = username || '@example.vn' where username in ('cdcs.a', 'cdcs.b', 'xem')`);
  smtp = await startCaptureSmtp({ refuse: () => fail });
  captured = smtp.captured;
  port = smtp.port;
});
afterAll(async () => {
  await smtp.close();
  await env.close();
});

const db = () => env.database.db;
const settle = () => Promise.allSettled([...env.ctx.background]);

/** Decodes RFC 2047 encoded words (B and Q) in a header value. */
function decodeHeader(v: string): string {
  return v.replace(/\r?\n[ \t]+/g, ' ').replace(/=\?UTF-8\?([BQ])\?([^?]*)\?=\s*/gi, (_m, enc: string, text: string) =>
    enc.toUpperCase() === 'B'
      ? Buffer.from(text, 'base64').toString('utf8')
      : Buffer.from(text.replace(/_/g, ' ').replace(/=([0-9A-F]{2})/gi, (_x, h: string) => String.fromCharCode(parseInt(h, 16))), 'latin1').toString('utf8'),
  );
}

function parse(raw: string): { subject: string; text: string } {
  const [head, ...rest] = raw.split(/\r?\n\r?\n/);
  const body = rest.join('\n\n');
  const headers = head!.replace(/\r?\n[ \t]+/g, ' ');
  const subject = decodeHeader(/^Subject: (.*)$/im.exec(headers)![1]!);
  const cte = /^Content-Transfer-Encoding: (.*)$/im.exec(headers)?.[1]?.trim().toLowerCase();
  const text =
    cte === 'base64'
      ? Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8')
      : cte === 'quoted-printable'
        ? Buffer.from(body.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/gi, (_x, h: string) => String.fromCharCode(parseInt(h, 16))), 'latin1').toString('utf8')
        : body;
  return { subject, text };
}

async function planWithRequest(title: string, deadline: string) {
  const c = await loginAs(env.app, 'huyen.tdkt');
  const p = (
    await c.post('/api/v1/plans', {
      orgId: w.orgs.huyen.id,
      year: 2024,
      title,
      place: 'Huyện DMC',
      blocks: [{ kind: 'PARAGRAPH', text: 'Các công đoàn cơ sở xây dựng kế hoạch của đơn vị.' }],
      signer: { onBehalf: 'TM. BAN THƯỜNG VỤ', position: 'PHÓ CHỦ TỊCH', name: 'Nguyễn Văn Bình' },
      recipients: [{ text: 'Các CĐCS', kind: 'SUBORDINATES' }],
    })
  ).json<PlanDto>();
  expect((await c.post(`/api/v1/plans/${p.id}/issue`, { version: p.version, issuedOn: '2024-03-05', request: { responseKind: 'PLAN', deadline } })).statusCode).toBe(200);
  const id = Number((await db().execute<{ id: number }>(sql`select id from response_request where source_id = ${p.id}`)).rows[0]!.id);
  return { planId: p.id, requestId: id, client: c };
}

describe('reminder mail', () => {
  it('arrives at the officers of the unit, in Vietnamese with the deadline and the link; the row is SENT', async () => {
    env.ctx.config.SMTP_URL = `smtp://127.0.0.1:${port}`;
    const { planId, requestId, client } = await planWithRequest('Kế hoạch thi đua năm 2024 – gửi thư nhắc', '2099-06-30');
    const res = await client.post(`/api/v1/requests/${requestId}/remind`, { orgIds: [w.orgs.cdcsB.id] });
    expect(res.json()).toEqual({ reminded: 1, emails: 1 });
    await settle();
    expect(captured).toHaveLength(1);
    expect(captured[0]!.to).toEqual(['cdcs.b@example.vn']);
    const m = parse(captured[0]!.raw);
    expect(m.subject).toBe('[Vinh Danh] Nhắc nhở: Kế hoạch thi đua năm 2024 – gửi thư nhắc – hạn 30/06/2099');
    expect(m.text).toContain('Kính gửi Công đoàn cơ sở Công ty TNHH Sợi Thế Kỷ');
    expect(m.text).toContain('xây dựng và ban hành kế hoạch của đơn vị');
    expect(m.text).toContain(`http://localhost:3000/ke-hoach/${planId}`);
    const row = (await db().execute<{ status: string; sent_at: Date | null; attempts: number }>(sql`select status, sent_at, attempts from email_outbox`)).rows;
    expect(row).toHaveLength(1);
    expect(row[0]).toMatchObject({ status: 'SENT', attempts: 1 });
    expect(row[0]!.sent_at).not.toBeNull();
  });

  it('a failing server leaves the row PENDING with the error (FAILED after the last attempt); the reminder is still recorded', async () => {
    env.ctx.config.SMTP_URL = `smtp://127.0.0.1:${port}`;
    fail = true;
    const { requestId, client } = await planWithRequest('Kế hoạch thi đua năm 2024 – máy chủ thư lỗi', '2099-06-30');
    await client.post(`/api/v1/requests/${requestId}/remind`, { orgIds: [w.orgs.cdcsA.id] });
    await settle();
    const row = (await db().execute<{ id: number; status: string; attempts: number; last_error: string }>(sql`select id, status, attempts, last_error from email_outbox where to_address = 'cdcs.a@example.vn'`)).rows[0]!;
    expect(row).toMatchObject({ status: 'PENDING', attempts: 1 });
    expect(row.last_error).toMatch(/Hộp thư tạm thời không nhận thư|550|451/);
    const target = (await db().execute<{ reminder_count: number }>(sql`select reminder_count from request_target where request_id = ${requestId} and org_id = ${w.orgs.cdcsA.id}`)).rows[0]!;
    expect(Number(target.reminder_count)).toBe(1);
    expect(Number((await db().execute<{ n: number }>(sql`select count(*)::int as n from inbox_item where kind = 'REMINDER' and request_id = ${requestId}`)).rows[0]!.n)).toBe(1);
    for (let i = 0; i < 4; i++) await sendOutbox(env.ctx, [Number(row.id)]);
    const after = (await db().execute<{ status: string; attempts: number }>(sql`select status, attempts from email_outbox where id = ${row.id}`)).rows[0]!;
    expect(after).toMatchObject({ status: 'FAILED', attempts: 5 });
    fail = false;
  });

  it('without SMTP_URL the rows stay PENDING, untouched', async () => {
    env.ctx.config.SMTP_URL = undefined;
    const { requestId, client } = await planWithRequest('Kế hoạch thi đua năm 2024 – chưa cấu hình thư', '2099-06-30');
    await client.post(`/api/v1/requests/${requestId}/remind`, {});
    await settle();
    const rows = (await db().execute<{ status: string; attempts: number }>(sql`select status, attempts from email_outbox where subject like '%chưa cấu hình thư%'`)).rows;
    expect(rows.map((r) => [r.status, Number(r.attempts)])).toEqual([['PENDING', 0], ['PENDING', 0]]);
  });
});

describe('daily reminders', () => {
  it('reminds, once a day, the units of open requests due within N days, and sends the outbox', async () => {
    env.ctx.config.SMTP_URL = `smtp://127.0.0.1:${port}`;
    const today = todayInVietnam();
    const soon = new Date(Date.parse(`${today}T00:00:00Z`) + 2 * 86_400_000).toISOString().slice(0, 10);
    const { requestId } = await planWithRequest('Kế hoạch thi đua năm 2024 – sắp đến hạn', soon);
    const far = await planWithRequest('Kế hoạch thi đua năm 2024 – còn xa hạn', '2099-06-30');
    captured.length = 0;
    const first = await sendDueReminders(env.ctx, today, 3);
    expect(first).toMatchObject({ requests: 1, reminded: 2, emails: 2 });
    expect(first.sent).toBeGreaterThanOrEqual(2);
    expect(captured.some((m) => parse(m.raw).subject.includes('sắp đến hạn'))).toBe(true);
    const counts = (await db().execute<{ org_id: number; reminder_count: number }>(sql`select org_id, reminder_count from request_target where request_id = ${requestId}`)).rows;
    expect(counts.map((r) => Number(r.reminder_count))).toEqual([1, 1]);
    expect(Number((await db().execute<{ n: number }>(sql`select coalesce(sum(reminder_count), 0)::int as n from request_target where request_id = ${far.requestId}`)).rows[0]!.n)).toBe(0);
    // The same day again: nothing more.
    expect(await sendDueReminders(env.ctx, today, 3)).toMatchObject({ requests: 0, reminded: 0, emails: 0 });
  });
});
