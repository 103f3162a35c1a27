import type { Command } from './commands';
import { withDatabase } from './shared';
import { loadConfig } from '../server/config';
import { createContext } from '../server/bootstrap';
import { sendDueReminders } from '../server/modules/cascade/reminders';
import { remindDueSheets } from '../server/modules/scoring/rounds.service';
import { todayInVietnam } from '../server/modules/imports/xlsx';
import { remindDueAppraisals } from '../server/modules/nominations/submissions.service';

/**
 * `vinhdanh reminders [--days N] [--today YYYY-MM-DD]`: reminds, once a day, the units that have
 * not answered an open request due within N days (default 3) and the units whose score sheets are
 * still drafts due within N days, and the organisations whose appraisal of a submission (tờ trình)
 * is due within N days or overdue, then sends the mail outbox. Meant for a daily timer (cron, systemd).
 */
export const remindersCommand: Command = {
  help: 'reminders [--days 3] [--today YYYY-MM-DD] — nhắc các đơn vị chưa trả lời yêu cầu, chưa nộp phiếu chấm điểm, hoặc chưa thẩm định tờ trình sắp đến hạn, gửi thư',
  options: { days: { type: 'string' }, today: { type: 'string' } },
  async run(values) {
    const days = values.days === undefined ? 3 : Number(values.days);
    const today = typeof values.today === 'string' ? values.today : todayInVietnam();
    if (!Number.isInteger(days) || days < 0 || days > 60 || !/^\d{4}-\d{2}-\d{2}$/.test(today)) {
      console.error('Usage: vinhdanh reminders [--days 0..60] [--today YYYY-MM-DD]');
      return 2;
    }
    return withDatabase(async (p) => {
      const app = createContext(loadConfig(), p);
      // Score sheets first: sendDueReminders then sends the whole outbox, these emails included.
      const scoring = await remindDueSheets(app, today, days);
      const appraisals = await remindDueAppraisals(app, today, days);
      const r = await sendDueReminders(app, today, days);
      console.log(`Đã nhắc ${r.reminded} đơn vị của ${r.requests} yêu cầu; ${r.emails} thư, đã gửi ${r.sent}.`);
      console.log(`Đã nhắc ${scoring.reminded} đơn vị chưa nộp phiếu chấm điểm của ${scoring.rounds} đợt chấm; ${scoring.emails} thư.`);
      console.log(`Đã nhắc thẩm định ${appraisals.reminded} tờ trình sắp đến hạn hoặc quá hạn; ${appraisals.emails} thư.`);
      return 0;
    });
  },
};
