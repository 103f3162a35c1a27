import type { Command } from './commands';
import { withDatabase } from './shared';
import { verifyMeeting } from '../server/modules/councils/ballot-chain';
import { t } from '../contracts/messages';

export const ballotsCommand: Command = {
  help: 'ballots verify MEETING — recount a council meeting from its ballots and check the tally chain / kiểm phiếu lại',
  async run(_values, positionals) {
    const id = Number(positionals[1]);
    if (positionals[0] !== 'verify' || !Number.isInteger(id) || id <= 0) {
      console.error('Usage: vinhdanh ballots verify MEETING_ID');
      return 2;
    }
    return withDatabase(async ({ db }) => {
      const r = await verifyMeeting(db, id);
      if (r.items === 0) {
        console.error(`Meeting ${id}: no agenda items (unknown meeting?).`);
        return 4;
      }
      if (r.ok) {
        console.log(`OK: meeting ${id}, ${r.items} items, ${r.ballots} ballots; tallies recomputed, chain intact.`);
        return 0;
      }
      console.error(`TAMPERED: meeting ${id}, ${r.problems.length} problem(s):`);
      for (const p of r.problems.slice(0, 50)) console.error(`  item ${p.itemId ?? '-'}: ${p.problem} — ${t('vi', `councils.verify.${p.problem}`)}${p.detail ? ` (${p.detail})` : ''}`);
      return 3;
    });
  },
};
