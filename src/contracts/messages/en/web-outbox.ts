import type { webOutbox as vi } from '../vi/web-outbox';

export const webOutbox: Record<keyof typeof vi, string> = {
  'web.nav.outbox': 'Emails',
  'web.outbox.title': 'System emails (outbox)',
  'web.outbox.description': 'Emails Vinh Danh sent or is waiting to send (deadline reminders, returned dossiers, receipts…).',
  'web.outbox.noSmtp': 'No mail server is configured (SMTP_URL): emails are kept here as “Waiting” and are sent once it is configured.',
  'web.outbox.send': 'Send now ({count} waiting)',
  'web.outbox.sent': '{sent} sent; {failed} failed.',
  'web.outbox.field.createdAt': 'Time',
  'web.outbox.field.to': 'To',
  'web.outbox.field.subject': 'Subject',
  'web.outbox.field.status': 'Status',
  'web.outbox.filter.q': 'Search by address or subject',
  'web.outbox.filter.all': 'All',
  'web.outbox.status.PENDING': 'Waiting',
  'web.outbox.status.SENT': 'Sent',
  'web.outbox.status.FAILED': 'Failed',
  'web.outbox.empty': 'No email yet.',
  'web.outbox.lastError': 'Error after {attempts} attempts: {error}',
  'web.outbox.sentAt': 'Sent at {at}',
};
