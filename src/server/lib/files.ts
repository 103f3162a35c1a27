// Stored documents (evidence now; dossiers later): an upload is streamed to a temporary file under
// DATA_DIR while its SHA-256 and size are computed, its type is decided by its content (never by its
// name or the browser's Content-Type), and it is kept under DATA_DIR/files/<aa>/<sha256> — outside
// the web root, readable by the server only, one copy per content. Nothing here is ever deleted by
// the application: a record that stops counting is revoked or superseded in the database.
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import crypto from 'node:crypto';
import { pipeline } from 'node:stream/promises';
import { Transform } from 'node:stream';
import { AppError } from './errors';

export const FILE_KINDS = ['pdf', 'docx', 'xlsx', 'jpeg', 'png'] as const;
export type FileKind = (typeof FILE_KINDS)[number];

export const MIME_OF: Record<FileKind, string> = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  jpeg: 'image/jpeg',
  png: 'image/png',
};

const EXTENSION_OF: Record<FileKind, readonly string[]> = { pdf: ['.pdf'], docx: ['.docx'], xlsx: ['.xlsx'], jpeg: ['.jpg', '.jpeg'], png: ['.png'] };

const PNG_MAGIC = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const ZIP_LOCAL = 0x04034b50;
const ZIP_EOCD = 0x06054b50;
const ZIP_CENTRAL = 0x02014b50;
/** An Office file names a few dozen parts; a directory of thousands is not a document. */
const ZIP_MAX_ENTRIES = 5000;
/**
 * What an archive may claim to expand to, in all: more is a zip bomb, not a document. Generous: a
 * 30 MB member workbook of 200,000 rows expands to a few hundred MB (its readers stream it anyway).
 */
const ZIP_MAX_EXPANDED = 2 * 1024 * 1024 * 1024;
/** Office XML deflates about 10:1; an entry of more than 1 MB packed 200 times tighter is a bomb. */
const ZIP_MAX_RATIO = 200;

/**
 * Names of the entries in a ZIP archive, from its central directory (nothing is decompressed, so a
 * zip bomb costs nothing); null when the bytes are not a well-formed archive.
 */
export function zipEntryNames(buf: Buffer): string[] | null {
  if (buf.length < 22 || buf.readUInt32LE(0) !== ZIP_LOCAL) return null;
  // The end-of-central-directory record sits in the last 22 + 65,535 (comment) bytes.
  const from = Math.max(0, buf.length - 22 - 0xffff);
  let eocd = -1;
  for (let i = buf.length - 22; i >= from; i--) {
    if (buf.readUInt32LE(i) === ZIP_EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return null;
  const count = buf.readUInt16LE(eocd + 10);
  const size = buf.readUInt32LE(eocd + 12);
  let at = buf.readUInt32LE(eocd + 16);
  if (count > ZIP_MAX_ENTRIES || at + size > eocd) return null;
  const names: string[] = [];
  let expanded = 0;
  for (let n = 0; n < count; n++) {
    if (at + 46 > buf.length || buf.readUInt32LE(at) !== ZIP_CENTRAL) return null;
    // Sizes as the central directory states them (nothing is inflated): a bomb says so, or lies.
    const packed = buf.readUInt32LE(at + 20);
    const size = buf.readUInt32LE(at + 24);
    expanded += size;
    if (expanded > ZIP_MAX_EXPANDED || (size > 1024 * 1024 && size > ZIP_MAX_RATIO * Math.max(packed, 1))) return null;
    const nameLength = buf.readUInt16LE(at + 28);
    const extraLength = buf.readUInt16LE(at + 30);
    const commentLength = buf.readUInt16LE(at + 32);
    if (at + 46 + nameLength > buf.length) return null;
    names.push(buf.toString('utf8', at + 46, at + 46 + nameLength));
    at += 46 + nameLength + extraLength + commentLength;
  }
  return names;
}

/** An archive's end record with its central directory right before it, anywhere in the last 64 KB. */
function carriesZip(buf: Buffer): boolean {
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 22 - 0xffff); i--) {
    if (buf.readUInt32LE(i) !== ZIP_EOCD) continue;
    const size = buf.readUInt32LE(i + 12);
    if (size > 0 && size <= i && buf.readUInt32LE(i - size) === ZIP_CENTRAL) return true;
  }
  return false;
}

/** Script or markup smuggled into an image (read back as a web page or run by a misconfigured server). */
// `<svg` only as a tag (followed by a space or `>`): four bytes alone turn up by chance in about one
// photo of 5 MB in a hundred.
const SMUGGLED_MARKUP = /<\?php|<script|<html|<svg[\s>]|<iframe|<!doctype/i;

/**
 * The kind of a document by its content; null for anything else: a ZIP that is not DOCX/XLSX or that
 * would expand into a bomb, and polyglots (a PDF or image that is also an archive, an image with markup).
 */
export function detectFileKind(buf: Buffer): FileKind | null {
  const image = (kind: FileKind) => (carriesZip(buf) || SMUGGLED_MARKUP.test(buf.toString('latin1')) ? null : kind);
  if (buf.length >= 5 && buf.toString('latin1', 0, 5) === '%PDF-') return carriesZip(buf) ? null : 'pdf';
  if (buf.length >= 8 && buf.subarray(0, 8).equals(PNG_MAGIC)) return image('png');
  if (buf.length >= 3 && buf[0] === 0xff && buf[1] === 0xd8 && buf[2] === 0xff) return image('jpeg');
  const names = zipEntryNames(buf);
  if (!names || !names.includes('[Content_Types].xml')) return null;
  // An unpacked path outside the archive is never legitimate Office content.
  if (names.some((n) => n.startsWith('/') || n.split(/[\\/]/).includes('..'))) return null;
  if (names.includes('word/document.xml')) return 'docx';
  if (names.includes('xl/workbook.xml')) return 'xlsx';
  return null;
}

/**
 * A file name fit to show and to offer for download: the last path component only, NFC, without
 * control, bidirectional-override or zero-width characters, at most 200 characters, and ending with
 * an extension of the detected kind (added when the given name lies about it).
 */
export function safeFileName(name: string | undefined, kind: FileKind): string {
  const base = (name ?? '').normalize('NFC').split(/[\\/]/).pop() ?? '';
  // eslint-disable-next-line no-control-regex
  let clean = base.replace(/[\u0000-\u001f\u007f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g, '').trim().replace(/^\.+/, '');
  const ext = path.extname(clean).toLowerCase();
  if (!EXTENSION_OF[kind].includes(ext)) clean = `${clean || 'tep'}${EXTENSION_OF[kind][0]}`;
  if (clean.length > 200) {
    const e = path.extname(clean);
    clean = clean.slice(0, 200 - e.length) + e;
  }
  return clean;
}

export interface StoredFile {
  /** Relative to DATA_DIR: "files/ab/ab12…". */
  key: string;
  sha256: string;
  sizeBytes: number;
  kind: FileKind;
  mimeType: string;
  fileName: string;
}

/** Vietnamese names of the kinds, for the "only … are accepted" message. */
export const KIND_LABELS: Record<FileKind, string> = { pdf: 'PDF', docx: 'Word (.docx)', xlsx: 'Excel (.xlsx)', jpeg: 'JPEG', png: 'PNG' };

/**
 * Streams an upload into the store. Refuses an empty file, one over `maxBytes` (the multipart
 * parser truncates at that size and marks the stream), or one whose content is none of `allowed`;
 * a refused file leaves nothing behind.
 */
export async function storeUpload(
  dataDir: string,
  stream: NodeJS.ReadableStream & { truncated?: boolean },
  opts: { maxBytes: number; allowed: readonly FileKind[]; fileName?: string },
): Promise<StoredFile> {
  const tmpDir = path.join(dataDir, 'files', 'tmp');
  await fsp.mkdir(tmpDir, { recursive: true });
  const tmp = path.join(tmpDir, crypto.randomUUID());
  const hash = crypto.createHash('sha256');
  let size = 0;
  const meter = new Transform({
    transform(chunk: Buffer, _enc, cb) {
      size += chunk.length;
      hash.update(chunk);
      cb(null, chunk);
    },
  });
  const out = fs.createWriteStream(tmp, { mode: 0o600 });
  try {
    await pipeline(stream, meter, out);
    const maxMb = Math.round(opts.maxBytes / 1048576);
    if (stream.truncated || size > opts.maxBytes) throw new AppError('PAYLOAD_TOO_LARGE', 'error.PAYLOAD_TOO_LARGE', { maxMb });
    if (size === 0) throw new AppError('VALIDATION', 'file.empty');
    const kind = detectFileKind(await fsp.readFile(tmp));
    if (!kind || !opts.allowed.includes(kind)) throw new AppError('UNSUPPORTED_FILE', 'file.unsupported', { allowed: opts.allowed.map((k) => KIND_LABELS[k]).join(', ') });
    const sha256 = hash.digest('hex');
    const key = path.posix.join('files', sha256.slice(0, 2), sha256);
    const target = path.join(dataDir, key);
    await fsp.mkdir(path.dirname(target), { recursive: true });
    // Same content already kept: one copy serves every record that names it.
    if (fs.existsSync(target)) await fsp.rm(tmp, { force: true });
    else await fsp.rename(tmp, target);
    return { key, sha256, sizeBytes: size, kind, mimeType: MIME_OF[kind], fileName: safeFileName(opts.fileName, kind) };
  } catch (e) {
    // An early failure can come before the temporary file is even opened: wait until it is closed, or it would outlive the rm.
    if (!out.closed) await new Promise<void>((resolve) => out.once('close', () => resolve()));
    await fsp.rm(tmp, { force: true });
    if ((e as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') throw new AppError('PAYLOAD_TOO_LARGE', 'error.PAYLOAD_TOO_LARGE', { maxMb: Math.round(opts.maxBytes / 1048576) });
    throw e;
  }
}

/** Opens a stored file by its key; refuses a key that would leave the store. */
export function openStored(dataDir: string, key: string): fs.ReadStream {
  const root = path.join(dataDir, 'files');
  const full = path.resolve(dataDir, key);
  if (!full.startsWith(root + path.sep)) throw new AppError('NOT_FOUND');
  return fs.createReadStream(full);
}

/** `Content-Disposition: attachment` with the UTF-8 name (RFC 6266/5987) and an ASCII fallback. */
export function attachmentHeader(fileName: string): string {
  const ascii = fileName.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').replace(/[^\x20-\x7e]|["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

/** Sends a stored file as a download: its type and size, the Vietnamese name, and no sniffing. */
export function sendStoredFile(
  reply: { header(name: string, value: string): unknown; send(payload: unknown): unknown },
  dataDir: string,
  file: { mime_type: string; file_name: string; size_bytes: number; stored_path: string },
) {
  reply.header('content-type', file.mime_type);
  reply.header('content-disposition', attachmentHeader(file.file_name));
  reply.header('x-content-type-options', 'nosniff');
  reply.header('content-length', String(file.size_bytes));
  return reply.send(openStored(dataDir, file.stored_path));
}
