// Benchmark: import of BENCH_IMPORT_ROWS (default 100,000) member rows from an .xlsx file through
// the real pipeline (streamed read, row validation, staging, upsert commit with audit events),
// in a child process whose peak RSS is measured; beside it, PostgreSQL COPY of the same rows into
// a table with the same indexes as the lower bound. Targets (issue 2): ≤ 30 s and ≤ 500 MB.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { from as copyFrom } from 'pg-copy-streams';
import { sql } from 'drizzle-orm';
import { onCleanup, openBenchDatabase, runCleanups } from './lib/database';
import { envInt, writeResult } from './lib/results';
import { MEMBER_COLUMNS } from '../src/server/modules/imports/xlsx/member-columns';
import { createOrg, createUser } from '../test/factories';

const ROWS = envInt('BENCH_IMPORT_ROWS', 100_000);
const UNITS = 100;
const ROOT = path.resolve(import.meta.dirname, '..');

const FAMILY = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Huỳnh', 'Hoàng', 'Phan', 'Vũ', 'Võ', 'Đặng', 'Bùi', 'Đỗ', 'Hồ', 'Ngô', 'Dương', 'Lý'];
const MIDDLE_F = ['Thị', 'Ngọc', 'Thu', 'Thanh', 'Kim', 'Mỹ'];
const MIDDLE_M = ['Văn', 'Hữu', 'Minh', 'Đức', 'Quốc', 'Thành'];
const GIVEN_F = ['Ánh', 'Hồng', 'Lan', 'Hương', 'Thảo', 'Trang', 'Duyên', 'Nhung', 'Yến', 'Hạnh'];
const GIVEN_M = ['An', 'Bình', 'Cường', 'Dũng', 'Hùng', 'Khoa', 'Long', 'Phúc', 'Tài', 'Vinh'];

interface Person { name: string; female: boolean; birth: string; cccd: string; unit: string; code: string }
function person(i: number): Person {
  const female = i % 3 !== 0;
  const pick = <T>(a: T[], k: number) => a[k % a.length]!;
  const name = `${pick(FAMILY, i * 7)} ${pick(female ? MIDDLE_F : MIDDLE_M, i * 3)} ${pick(female ? GIVEN_F : GIVEN_M, i * 11)}`;
  const year = 1966 + (i % 34);
  const birth = `${String(1 + (i % 28)).padStart(2, '0')}/${String(1 + (i % 12)).padStart(2, '0')}/${year}`;
  const cccd = `072${female ? 1 : 0}${String(year % 100).padStart(2, '0')}${String(i).padStart(6, '0')}`;
  return { name, female, birth, cccd, unit: `BENCH-${String(1 + (i % UNITS)).padStart(3, '0')}`, code: `BM${String(i).padStart(8, '0')}` };
}

async function writeFile(file: string) {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: false, useStyles: false });
  const ws = wb.addWorksheet('Đoàn viên');
  ws.addRow(MEMBER_COLUMNS.map((c) => c.header)).commit();
  const byKey = (p: Person): Record<string, string> => ({
    memberCode: p.code, fullName: p.name, gender: p.female ? 'Nữ' : 'Nam', birthDate: p.birth, cccd: p.cccd, unitCode: p.unit,
    position: p.female ? 'Công nhân may' : 'Kỹ thuật viên', isLeader: 'Không', isDirectWorker: 'Có', joinedUnionOn: '01/06/2018',
    phone: '', email: '', ethnicity: 'Kinh',
  });
  for (let i = 0; i < ROWS; i++) {
    const values = byKey(person(i));
    ws.addRow(MEMBER_COLUMNS.map((c) => values[c.key] || null)).commit();
  }
  ws.commit();
  await wb.commit();
}

async function main() {
  const startedAt = new Date();
  const tmp = await fsp.mkdtemp(path.join(os.tmpdir(), 'vd-bench-import-'));
  onCleanup(() => fsp.rm(tmp, { recursive: true, force: true }));
  const file = path.join(tmp, 'members.xlsx');
  console.log(`writing ${ROWS.toLocaleString('en-US')} rows to an .xlsx…`);
  await writeFile(file);
  const fileMb = Math.round(fs.statSync(file).size / 104857.6) / 10;

  const bench = await openBenchDatabase('import');
  const db = bench.db;
  const tld = await createOrg(db, { code: 'TLD', name: 'Tổng Liên đoàn Lao động Việt Nam', kind: 'TLD' });
  const tinh = await createOrg(db, { code: 'TNI', name: 'Liên đoàn Lao động tỉnh Tây Ninh', kind: 'LDLD_TINH', parent: tld });
  const units = [];
  for (let u = 1; u <= UNITS; u++) units.push(await createOrg(db, { code: `BENCH-${String(u).padStart(3, '0')}`, name: `Công đoàn cơ sở Công ty số ${u}`, kind: 'CDCS', parent: tinh }));
  await createUser(db, 'bench.import', [{ role: 'TDKT_OFFICER', org: tinh }]);

  console.log('importing through the application (child process)…');
  const child = spawnSync(process.execPath, ['--import', 'tsx', 'bench/lib/import-child.ts', bench.url, file, 'TNI', 'bench.import', tmp], { cwd: ROOT, encoding: 'utf8', maxBuffer: 1 << 24 });
  if (child.status !== 0) throw new Error(`import failed: ${child.stderr}`);
  const app = JSON.parse(child.stdout.trim().split('\n').pop()!) as { rows: number; created: number; validateMs: number; commitMs: number; totalMs: number; peakRssMb: number };
  console.log(app);

  // Lower bound: COPY the same rows into a table with person's columns and indexes.
  await db.execute(sql`create table bench_person (like person including all)`);
  const unitRows = new Map(units.map((u) => [u.code, u]));
  const client = await bench.pool.connect();
  const t0 = performance.now();
  try {
    const copy = client.query(copyFrom(`copy bench_person (member_code, full_name, gender, birth_date, cccd, position, is_leader, is_direct_worker, ethnicity, joined_union_on, status, org_id, org_path) from stdin`));
    const lines = (function* () {
      for (let i = 0; i < ROWS; i++) {
        const p = person(i);
        const [d, m, y] = p.birth.split('/');
        const u = unitRows.get(p.unit)!;
        yield `${p.code}\t${p.name}\t${p.female ? 'FEMALE' : 'MALE'}\t${y}-${m}-${d}\t${p.cccd}\t${p.female ? 'Công nhân may' : 'Kỹ thuật viên'}\tf\tt\tKinh\t2018-06-01\tACTIVE\t${u.id}\t${u.path}\n`;
      }
    })();
    await pipeline(Readable.from(lines), copy);
  } finally {
    client.release();
  }
  const copyMs = Math.round(performance.now() - t0);
  const result = { fileMb, ...app, copyMs, ratioToCopy: Math.round((app.totalMs / copyMs) * 10) / 10, targetSeconds: 30, targetRssMb: 500, met: app.totalMs <= 30_000 && app.peakRssMb <= 500 };
  console.log(result);
  writeResult('member-import', startedAt, result, bench.postgres);
}

main()
  .catch((err) => {
    console.error(err);
    process.exitCode = 1;
  })
  .finally(() => runCleanups());
