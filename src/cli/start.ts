import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Command } from './commands';
import { loadConfig } from '../server/config';
import { provision } from '../server/db/provision';
import { createContext } from '../server/bootstrap';
import { buildApp, WEB_DIST } from '../server/app';
import { isEmpty, loadDemo } from '../server/seed/load-demo';
import { buildDemoWorld, DEMO_PASSWORD } from '../server/seed/demo-world';
import { failInterruptedImports } from '../server/modules/imports/member-import.service';
import { failInterruptedReportJobs } from '../server/modules/reports/report-jobs';

/** `npm ci` builds the client (prepare script); build it here only if that did not happen. */
async function ensureWebBuilt() {
  if (existsSync(path.join(WEB_DIST, 'index.html'))) return;
  console.log('Building the web client (first run)…');
  const { build } = await import('vite');
  await build({ configFile: path.resolve(import.meta.dirname, '../../vite.config.ts'), logLevel: 'warn' });
}

export const startCommand: Command = {
  help: 'Start Vinh Danh (embedded database unless DATABASE_URL is set) / khởi động',
  options: { demo: { type: 'boolean' }, 'no-demo': { type: 'boolean' } },
  async run(values) {
    const t0 = Date.now();
    const config = loadConfig();
    const [p] = await Promise.all([provision(config), ensureWebBuilt()]);
    const firstRun = await isEmpty(p.db);
    const seed = firstRun && !values['no-demo'] && (values.demo || !config.DATABASE_URL);
    let demoUsers: { username: string; role: string; orgCode: string }[] = [];
    if (seed) {
      console.log('Loading demo data (first run)…');
      demoUsers = (await loadDemo(p.db, undefined, { dataDir: config.dataDir })).users;
    } else if (!config.DATABASE_URL || values.demo) {
      demoUsers = buildDemoWorld().users.map((u) => ({ username: u.username, role: u.role, orgCode: u.orgCode }));
    }
    const ctx = createContext(config, p);
    await failInterruptedImports(ctx);
    await failInterruptedReportJobs(ctx.db);
    const app = await buildApp(ctx, { logger: false, serveWeb: true });
    const address = await app.listen({ port: config.PORT, host: config.HOST });
    console.log(`\nVinh Danh đang chạy tại / is running at ${address}  (${Date.now() - t0} ms)`);
    console.log(`Database: ${config.DATABASE_URL ? 'PostgreSQL server (DATABASE_URL)' : `embedded PostgreSQL, data in ${config.dataDir}`}`);
    if (demoUsers.length) {
      console.log(`\nTài khoản mẫu / demo accounts (mật khẩu / password: ${DEMO_PASSWORD}):`);
      for (const u of demoUsers) console.log(`  ${u.username.padEnd(14)} ${u.role.padEnd(15)} ${u.orgCode}`);
    }
    const stop = async () => {
      await app.close();
      await Promise.allSettled([...ctx.background]);
      await p.shutdown();
      process.exit(0);
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
    await new Promise(() => {});
  },
};
