import fs from 'node:fs/promises';
import path from 'node:path';
import crypto from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Command } from './commands';
import { withDatabase } from './shared';
import { loadConfig } from '../server/config';
import { createContext } from '../server/bootstrap';
import { loadRoles } from '../server/lib/session';
import type { AuthActor } from '../server/lib/actor';
import type { Locale } from '../contracts/enums';
import { orgPolicy } from '../server/lib/policy';
import { findOrgByCode } from '../server/modules/organisations/organisations.repository';
import { commitMemberImport, startMemberImport } from '../server/modules/imports/member-import.service';
import { findJob } from '../server/modules/imports/imports.repository';
import { assertXlsxSignature } from '../server/modules/imports/xlsx';

export const importCommand: Command = {
  help: 'import members FILE --org CODE --user USERNAME [--dry-run] — nhập đoàn viên từ Excel',
  options: { org: { type: 'string' }, user: { type: 'string' }, 'dry-run': { type: 'boolean' } },
  async run(values, positionals) {
    const [what, file] = positionals;
    if (what !== 'members' || !file || !values.org || !values.user) {
      console.error('Usage: vinhdanh import members FILE --org CODE --user USERNAME [--dry-run]');
      return 2;
    }
    const head = Buffer.alloc(8);
    const fh = await fs.open(file, 'r');
    await fh.read(head, 0, 8, 0);
    await fh.close();
    assertXlsxSignature(head);
    return withDatabase(async (p) => {
      const ctx = createContext(loadConfig(), p);
      const u = await p.db.execute<{ id: number; username: string; display_name: string; locale: Locale; person_id: number | null }>(
        sql`select id, username, display_name, locale, person_id from app_user where username = ${String(values.user)} and not disabled`,
      );
      const user = u.rows[0];
      if (!user) throw new Error(`No active user ${values.user}`);
      // The import is done, and audited, in the name of a real user with their own permissions.
      const actor: AuthActor = {
        userId: Number(user.id), username: user.username, displayName: user.display_name, locale: user.locale,
        personId: user.person_id === null ? null : Number(user.person_id), roles: await loadRoles(ctx, Number(user.id)), csrfToken: '', sessionHash: '',
      };
      const org = await findOrgByCode(p.db, String(values.org));
      if (!org || !orgPolicy.createChild(actor, org)) throw new Error(`${values.user} may not import members into ${values.org}`);
      const dir = path.join(ctx.config.dataDir, 'uploads');
      await fs.mkdir(dir, { recursive: true });
      const stored = path.join(dir, `${crypto.randomUUID()}.xlsx`);
      await fs.copyFile(file, stored);
      const t0 = Date.now();
      const jobId = await startMemberImport(ctx, actor, org, path.basename(file), stored);
      await Promise.all([...ctx.background]);
      let job = (await findJob(p.db, jobId))!;
      console.log(`Validated ${job.total_rows} rows in ${Date.now() - t0} ms: ${job.status}.`);
      if (job.status !== 'READY') {
        for (const e of job.errors.slice(0, 50)) console.error(`  Dòng ${e.row}${e.column ? `, cột ${e.column}` : ''}: ${e.message}`);
        if (job.error_count > 50) console.error(`  … và ${job.error_count - 50} lỗi khác`);
        return 1;
      }
      console.log(`  ${job.to_create} to create, ${job.to_update} to update.`);
      if (values['dry-run']) return 0;
      const t1 = Date.now();
      await commitMemberImport(ctx, actor, job);
      await Promise.all([...ctx.background]);
      job = (await findJob(p.db, jobId))!;
      console.log(`Commit ${job.status} in ${Date.now() - t1} ms: ${job.to_create} created, ${job.to_update} updated.`);
      return job.status === 'COMMITTED' ? 0 : 1;
    });
  },
};
