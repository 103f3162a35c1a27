// The mail outbox: every email Vinh Danh writes (reminders, notices) waits in email_outbox until it
// is sent through SMTP. Administrators read it — in development, where no SMTP server is set, it is
// the place to see what would have been sent.
import { z } from 'zod';
import { pageQuery } from './common';

export const OUTBOX_STATUSES = ['PENDING', 'SENT', 'FAILED'] as const;

export const outboxListQuery = pageQuery.extend({
  status: z.enum(OUTBOX_STATUSES).optional(),
  /** Search in the address and the subject (diacritics ignored). */
  q: z.string().trim().max(100).optional(),
});
export type OutboxListQuery = z.infer<typeof outboxListQuery>;

export const outboxItem = z.object({
  id: z.number().int(),
  toAddress: z.string(),
  subject: z.string(),
  body: z.string(),
  status: z.enum(OUTBOX_STATUSES),
  attempts: z.number().int(),
  lastError: z.string().nullable(),
  createdAt: z.string(),
  sentAt: z.string().nullable(),
});
export type OutboxItem = z.infer<typeof outboxItem>;

export const outboxPage = z.object({
  items: z.array(outboxItem),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
  /** False when SMTP_URL is not set: nothing leaves the outbox. */
  smtpConfigured: z.boolean(),
  pending: z.number().int(),
});
export type OutboxPage = z.infer<typeof outboxPage>;

export const outboxSendResult = z.object({ sent: z.number().int(), failed: z.number().int(), skipped: z.boolean() });
