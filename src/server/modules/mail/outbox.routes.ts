// The mail outbox for administrators: what was sent, what waits, what failed and why; and a button
// to send what waits now (the daily job and each use case send it too).
import { sql } from 'drizzle-orm';
import { defineRoute } from '../../lib/http';
import { outboxListQuery, outboxPage, outboxSendResult, type OutboxItem } from '../../../contracts/mail';
import { forbidden } from '../../lib/errors';
import { sendOutbox } from '../../lib/mail';
import type { AuthActor } from '../../lib/actor';

/** Addresses are personal data: administrators only. */
const ensureAdmin = (a: AuthActor) => {
  if (!a.roles.some((r) => r.role === 'SYSTEM_ADMIN')) throw forbidden();
};

export const outboxRoutes = [
  defineRoute({
    method: 'GET',
    url: '/email-outbox',
    summary: 'Emails written by Vinh Danh, newest first, with their sending status (administrators)',
    tag: 'mail',
    query: outboxListQuery,
    response: outboxPage,
    async handler({ app, actor, query }) {
      ensureAdmin(actor);
      const where = [sql`true`];
      if (query.status) where.push(sql`status = ${query.status}`);
      if (query.q) where.push(sql`(vd_fold(to_address) like '%' || vd_fold(${query.q}) || '%' or vd_fold(subject) like '%' || vd_fold(${query.q}) || '%')`);
      const w = sql.join(where, sql` and `);
      const [rows, total, pending] = await Promise.all([
        app.db.execute<{ id: number; to_address: string; subject: string; body: string; status: OutboxItem['status']; attempts: number; last_error: string | null; created_at: string; sent_at: string | null }>(sql`
          select id, to_address, subject, body, status, attempts, last_error, created_at::text as created_at, sent_at::text as sent_at
          from email_outbox where ${w} order by id desc limit ${query.pageSize} offset ${(query.page - 1) * query.pageSize}`),
        app.db.execute<{ n: number }>(sql`select count(*)::int as n from email_outbox where ${w}`),
        app.db.execute<{ n: number }>(sql`select count(*)::int as n from email_outbox where status = 'PENDING'`),
      ]);
      return {
        items: rows.rows.map((r) => ({
          id: Number(r.id),
          toAddress: r.to_address,
          subject: r.subject,
          body: r.body,
          status: r.status,
          attempts: Number(r.attempts),
          lastError: r.last_error,
          createdAt: r.created_at,
          sentAt: r.sent_at,
        })),
        total: Number(total.rows[0]!.n),
        page: query.page,
        pageSize: query.pageSize,
        smtpConfigured: Boolean(app.config.SMTP_URL),
        pending: Number(pending.rows[0]!.n),
      };
    },
  }),
  defineRoute({
    method: 'POST',
    url: '/email-outbox/send',
    summary: 'Send the waiting emails now through SMTP (administrators); skipped when SMTP is not configured',
    tag: 'mail',
    response: outboxSendResult,
    async handler({ app, actor }) {
      ensureAdmin(actor);
      return sendOutbox(app);
    },
  }),
];
