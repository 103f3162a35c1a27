import type { Command } from './commands';
import { withDatabase } from './shared';
import { rebuildRollups } from '../server/modules/dashboard/dashboard.rollup-rebuild';

export const rollupsCommand: Command = {
  help: 'rollups rebuild — recompute the dashboard rollups from the award records (after a bulk load, or as a repair)',
  async run(_values, positionals) {
    if (positionals[0] !== 'rebuild') {
      console.error('Usage: vinhdanh rollups rebuild');
      return 2;
    }
    return withDatabase(async ({ db }) => {
      const r = await rebuildRollups(db, { userId: null });
      console.log(`Dashboard rollups rebuilt in ${r.seconds} s: ${r.awardRows} award rows, ${r.runRows} runs, ${r.streakRows} streak counts, ${r.funnelRows} funnel rows.`);
      return 0;
    });
  },
};
