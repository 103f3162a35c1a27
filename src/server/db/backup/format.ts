// The Vinh Danh backup file (".vdb.gz"): gzip data that decompresses to
//
//   #vinhdanh-backup 1\n          magic line and format version
//   {header JSON}\n               one line: versions, migrations, tables (rows, bytes, SHA-256), sequences
//   <table 1 data><table 2 data>… PostgreSQL COPY text format, one line per row, in header order;
//                                 each table's size in bytes is in the header, so no in-band markers.
//
// The header and the data are two gzip members written one after the other (a valid gzip file:
// `zcat backup.vdb.gz | head -2` shows the header). Nothing in a backup file is ever executed as
// SQL: names are quoted as identifiers and values are passed as parameters or COPY data.
import fs from 'node:fs';
import { pipeline } from 'node:stream';
import { createGunzip } from 'node:zlib';
import { z } from 'zod';

export const MAGIC = '#vinhdanh-backup';
export const FORMAT_VERSION = 1;
/** A header line longer than this is not a Vinh Danh backup (guards memory on a corrupted file). */
const MAX_HEADER_BYTES = 64 * 1024 * 1024;

/**
 * Session settings for both directions, so that COPY text is the same on every server and
 * version: ISO dates, UTC timestamps, exact floats, UTF-8.
 */
export const SESSION_SETTINGS: [string, string][] = [
  ['client_encoding', 'UTF8'],
  ['DateStyle', 'ISO, YMD'],
  ['IntervalStyle', 'postgres'],
  ['TimeZone', 'UTC'],
  ['extra_float_digits', '3'],
  ['standard_conforming_strings', 'on'],
  ['bytea_output', 'hex'],
];

/** Raised for every refusal and failure the operator should read (English and Vietnamese). */
export class BackupError extends Error {
  constructor(
    message: string,
    readonly vi: string,
  ) {
    super(message);
    this.name = 'BackupError';
  }
}

const name = z.string().min(1).max(63);

const tableEntry = z.object({
  name,
  columns: z.array(name).min(1),
  /** Row order of the data: primary-key columns (text ones in "C" collation), or null = whole row text. */
  orderBy: z.array(z.object({ column: name, collateC: z.boolean() })).nullable(),
  rows: z.number().int().nonnegative(),
  bytes: z.number().int().nonnegative(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
});

export const headerSchema = z.object({
  format: z.literal('vinhdanh-backup'),
  formatVersion: z.literal(FORMAT_VERSION),
  appVersion: z.string(),
  createdAt: z.string(),
  source: z.object({ serverVersion: z.string(), database: z.string() }),
  settings: z.record(z.string(), z.string()),
  /** drizzle.__drizzle_migrations of the source, oldest first (tag added when the code knows it). */
  migrations: z.array(z.object({ hash: z.string(), createdAt: z.number(), tag: z.string().nullable() })),
  tables: z.array(tableEntry),
  sequences: z.array(z.object({ name, lastValue: z.string().regex(/^-?[0-9]+$/), isCalled: z.boolean() })),
});

export type BackupHeader = z.infer<typeof headerSchema>;
export type TableEntry = z.infer<typeof tableEntry>;
export type OrderBy = TableEntry['orderBy'];

/** `"name"` with embedded quotes doubled. */
export function ident(id: string): string {
  return `"${id.replace(/"/g, '""')}"`;
}

export function qualified(table: string): string {
  return `"public".${ident(table)}`;
}

/** The query whose COPY output is a table's data, in a deterministic row order. */
export function selectForCopy(table: string, columns: string[], orderBy: OrderBy): string {
  const order = orderBy
    ? orderBy.map((o) => `${ident(o.column)}${o.collateC ? ' COLLATE "C"' : ''}`).join(', ')
    : `(_r.*)::text COLLATE "C"`;
  return `SELECT ${columns.map(ident).join(', ')} FROM ${qualified(table)} AS _r ORDER BY ${order}`;
}

/** Reads a byte stream as lines (the header) and then as exact byte counts (table data). */
export class ByteReader {
  private pending: Buffer = Buffer.alloc(0);
  constructor(private readonly source: AsyncIterator<Buffer>) {}

  private async fill(): Promise<boolean> {
    for (;;) {
      const r = await this.source.next();
      if (r.done) return false;
      if (r.value.length === 0) continue;
      this.pending = this.pending.length ? Buffer.concat([this.pending, r.value]) : r.value;
      return true;
    }
  }

  /** The next line without its "\n", or null at end of stream. */
  async readLine(maxBytes: number): Promise<string | null> {
    for (;;) {
      const nl = this.pending.indexOf(10);
      if (nl >= 0) {
        const line = this.pending.subarray(0, nl).toString('utf8');
        this.pending = this.pending.subarray(nl + 1);
        return line;
      }
      if (this.pending.length > maxBytes) throw notABackup();
      if (!(await this.fill())) return null;
    }
  }

  /** Yields exactly `n` bytes in chunks; a stream that ends early is a truncated file. */
  async *take(n: number): AsyncGenerator<Buffer> {
    let left = n;
    while (left > 0) {
      if (this.pending.length === 0 && !(await this.fill())) throw truncated();
      const chunk = this.pending.subarray(0, Math.min(left, this.pending.length));
      this.pending = this.pending.subarray(chunk.length);
      left -= chunk.length;
      yield chunk;
    }
  }

  async atEnd(): Promise<boolean> {
    return this.pending.length === 0 && !(await this.fill());
  }
}

export function notABackup(detail?: string): BackupError {
  return new BackupError(
    `This is not a readable Vinh Danh backup file${detail ? ` (${detail})` : ''}.`,
    `Tệp này không phải là bản sao lưu Vinh Danh đọc được${detail ? ` (${detail})` : ''}.`,
  );
}

export function truncated(): BackupError {
  return new BackupError('The backup file is truncated (it ends too early).', 'Tệp sao lưu bị cắt cụt (kết thúc quá sớm).');
}

export function corrupted(detail: string): BackupError {
  return new BackupError(`The backup file is damaged: ${detail}.`, `Tệp sao lưu bị hỏng: ${detail}.`);
}

/** Wraps gzip/IO errors into a clear message; keeps our own errors as they are. */
export function asReadError(err: unknown): Error {
  if (err instanceof BackupError) return err;
  const e = err as NodeJS.ErrnoException;
  if (e?.code === 'ENOENT') return new BackupError(`File not found: ${e.path}`, `Không tìm thấy tệp: ${e.path}`);
  if (e?.code === 'Z_BUF_ERROR' || /unexpected end of file/i.test(e?.message ?? '')) return truncated();
  if (typeof e?.code === 'string' && e.code.startsWith('Z_')) return corrupted(`gzip: ${e.message}`);
  return err instanceof Error ? err : new Error(String(err));
}

export interface OpenedBackup {
  header: BackupHeader;
  reader: ByteReader;
  close(): void;
}

/** Opens a backup file for sequential reading and parses its header. */
export async function openBackup(file: string): Promise<OpenedBackup> {
  const gunzip = createGunzip();
  const input = fs.createReadStream(file);
  pipeline(input, gunzip, () => {
    /* errors surface through the iterator below */
  });
  const reader = new ByteReader(gunzip[Symbol.asyncIterator]());
  const close = () => {
    input.destroy();
    gunzip.destroy();
  };
  try {
    const magic = await reader.readLine(256);
    if (magic === null || !magic.startsWith(`${MAGIC} `)) throw notABackup();
    const version = Number(magic.slice(MAGIC.length + 1));
    if (version !== FORMAT_VERSION) {
      throw new BackupError(
        `Backup format version ${magic.slice(MAGIC.length + 1)} is not supported by this version of Vinh Danh (it reads version ${FORMAT_VERSION}).`,
        `Phiên bản định dạng sao lưu ${magic.slice(MAGIC.length + 1)} không được hỗ trợ (phiên bản này đọc định dạng ${FORMAT_VERSION}).`,
      );
    }
    const line = await reader.readLine(MAX_HEADER_BYTES);
    if (line === null) throw truncated();
    let json: unknown;
    try {
      json = JSON.parse(line);
    } catch {
      throw corrupted('the header is not valid JSON');
    }
    const parsed = headerSchema.safeParse(json);
    if (!parsed.success) throw corrupted(`invalid header (${parsed.error.issues[0]?.path.join('.') ?? '?'})`);
    return { header: parsed.data, reader, close };
  } catch (err) {
    close();
    throw asReadError(err);
  }
}
