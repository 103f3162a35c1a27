import { loadConfig } from '../server/config';
import type { Command } from './commands';
import { withDatabase } from './shared';
import { isEmpty, loadDemo } from '../server/seed/load-demo';

export const migrateCommand: Command = {
  help: 'Apply database migrations / chạy migration cơ sở dữ liệu',
  async run() {
    await withDatabase(async () => console.log('Migrations applied.'));
  },
};

export const seedDemoCommand: Command = {
  help: 'Load the demo dataset into an empty database / nạp dữ liệu mẫu',
  async run() {
    return withDatabase(async ({ db }) => {
      if (!(await isEmpty(db))) {
        console.error('The database already has organisations; demo data is only loaded into an empty database.');
        return 1;
      }
      const r = await loadDemo(db, undefined, { dataDir: loadConfig().dataDir });
      console.log(`Loaded ${r.organisations} organisations, ${r.persons} members, ${r.users.length} users.`);
      return 0;
    });
  },
};
