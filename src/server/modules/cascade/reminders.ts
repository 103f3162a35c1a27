// Reminders: by hand from the compliance page, or daily for open requests due within N days.
// Rows for the mail are written in the transaction; the outbox is sent after commit.
import type { AppContext } from '../../lib/context';
import { runInBackground } from '../../lib/context';
import type { AuthActor } from '../../lib/actor';
import { notFound } from '../../lib/errors';
import { sendOutbox } from '../../lib/mail';
import { orgPolicy } from '../../lib/policy';
import type { RemindResult } from '../../../contracts/cascade';
import { canRemind, dueRequests, findRequest, remindTargets } from './compliance.service';

/** POST /requests/:id/remind: those who manage the issuer; the others who may read it get 404 too. */
export async function remind(app: AppContext, actor: AuthActor, id: number, orgIds: readonly number[] | null): Promise<RemindResult> {
  const result = await app.db.transaction(async (tx) => {
    const r = await findRequest(tx, id, true);
    if (!r || !orgPolicy.listMembers(actor, { path: r.issuer_path, status: r.issuer_status }) || !canRemind(actor, r)) throw notFound();
    return remindTargets(tx, actor, r, { orgIds, appUrl: app.config.APP_URL });
  });
  if (result.outboxIds.length > 0) runInBackground(app, () => sendOutbox(app, result.outboxIds));
  return { reminded: result.reminded, emails: result.emails };
}

/**
 * The daily job (`vinhdanh reminders`): reminds, once a day, the targets of every open request due
 * within `daysBefore` days that have not responded, then sends the outbox.
 */
export async function sendDueReminders(app: AppContext, today: string, daysBefore: number): Promise<{ requests: number; reminded: number; emails: number; sent: number }> {
  const due = await dueRequests(app.db, today, daysBefore);
  let requests = 0;
  let reminded = 0;
  let emails = 0;
  for (const r of due) {
    const res = await app.db.transaction((tx) => remindTargets(tx, { userId: null }, r, { orgIds: null, notRemindedSince: today, appUrl: app.config.APP_URL }));
    if (res.reminded > 0) requests++;
    reminded += res.reminded;
    emails += res.emails;
  }
  const sent = await sendOutbox(app);
  return { requests, reminded, emails, sent: sent.sent };
}
