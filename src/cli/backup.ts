import { existsSync } from 'node:fs';
import type { Command } from './commands';
import { withDatabase } from './shared';
import { BackupError, backupDatabase, checkBackupFile, restoreDatabase } from '../server/db/backup';

function fail(err: unknown): number {
  if (err instanceof BackupError) {
    console.error(`Error: ${err.message}\nLỗi: ${err.vi}`);
  } else {
    console.error(`Error / Lỗi: ${err instanceof Error ? err.message : String(err)}`);
  }
  return 1;
}

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(2)} MB`;

export const backupCommand: Command = {
  help: 'backup FILE [--force] — consistent backup of the database / sao lưu cơ sở dữ liệu (.vdb.gz)',
  options: { force: { type: 'boolean' } },
  async run(values, positionals) {
    const file = positionals[0];
    if (!file || positionals.length > 1) {
      console.error('Usage / cách dùng: vinhdanh backup FILE [--force]   e.g. vinhdanh backup data/backup-2024.vdb.gz');
      return 2;
    }
    try {
      if (!values.force && existsSync(file)) {
        throw new BackupError(`${file} already exists; choose another file name (or --force to replace it).`, `${file} đã tồn tại; hãy chọn tên tệp khác (hoặc --force để ghi đè).`);
      }
      // The source is backed up as it is: no migrations are run on it.
      return await withDatabase(
        async (p) => {
          console.log(`Backing up / đang sao lưu → ${file}`);
          const r = await backupDatabase(p, file, { overwrite: Boolean(values.force), log: (m) => console.log(m) });
          const rows = r.header.tables.reduce((s, t) => s + t.rows, 0);
          console.log(
            `Done / xong: ${r.header.tables.length} tables, ${rows} rows, ${r.header.sequences.length} sequences, ` +
              `${r.header.migrations.length} migrations → ${r.file} (${mb(r.bytes)}, ${r.ms} ms).`,
          );
          return 0;
        },
        { migrate: false },
      );
    } catch (err) {
      return fail(err);
    }
  },
};

export const restoreCommand: Command = {
  help: 'restore FILE [--check] — restore a backup into an empty database / phục hồi vào CSDL trống',
  options: { check: { type: 'boolean' } },
  async run(values, positionals) {
    const file = positionals[0];
    if (!file || positionals.length > 1) {
      console.error('Usage / cách dùng: vinhdanh restore FILE   (into the configured database, which must be empty)\n' + '                    vinhdanh restore --check FILE   (only verify the file)');
      return 2;
    }
    try {
      // The whole file is checked before any database is started or touched.
      console.log(`Checking / đang kiểm tra ${file}`);
      const h = await checkBackupFile(file);
      const total = h.tables.reduce((s, t) => s + t.rows, 0);
      console.log(`OK: intact / tệp nguyên vẹn — Vinh Danh ${h.appVersion}, ${h.createdAt}, PostgreSQL ${h.source.serverVersion}, ${h.tables.length} tables, ${total} rows.`);
      if (values.check) return 0;
      return await withDatabase(
        async (p) => {
          console.log(`Restoring / đang phục hồi ${file}`);
          // Loading verifies every table's checksum again, inside the transaction.
          const r = await restoreDatabase(p, file, { verifyFileFirst: false, log: (m) => console.log(m) });
          for (const w of r.warnings) console.warn(`Warning / cảnh báo: ${w}`);
          if (r.migratedBefore.length) console.log(`Migrations applied first: ${r.migratedBefore.join(', ')}`);
          if (r.migratedAfter.length) console.log(`Newer migrations applied after loading: ${r.migratedAfter.join(', ')}`);
          const rows = r.tables.reduce((s, t) => s + t.rows, 0);
          console.log(
            `Done / xong: ${r.tables.length} tables, ${rows} rows, ${r.sequences} sequences restored from a backup of ` +
              `${r.header.createdAt} (Vinh Danh ${r.header.appVersion}, PostgreSQL ${r.header.source.serverVersion}) in ${r.ms} ms.`,
          );
          return 0;
        },
        { migrate: false },
      );
    } catch (err) {
      return fail(err);
    }
  },
};
