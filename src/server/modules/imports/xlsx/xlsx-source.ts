// The byte stream ExcelJS reads, with the checks and fixes ExcelJS does not do itself:
// - the upload must start like a zip (PK\x03\x04), else UNSUPPORTED_FILE before any parsing;
// - the zip must have its central directory (a truncated upload does not), and its parts are
//   streamed worksheets last (see zip-layout.ts); a caller's stream is first spooled to a
//   temporary file for that, which is always removed;
// - a read failure must end the read: ExcelJS does not see errors of the stream it pipes from.
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdtemp, open, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { ImportFileError } from './import-file-error';
import { readZipLayout, streamingOrder } from './zip-layout';
import type { ZipLayout, ZipLayoutResult } from './zip-layout';

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04]; // local file header: the first bytes of any .xlsx
const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0]; // compound document: .xls, or an encrypted .xlsx

/**
 * Throw UNSUPPORTED_FILE unless `head` (the first bytes of an upload) starts like an .xlsx.
 * Also usable by an upload handler on the first chunk, before the file is stored.
 */
export function assertXlsxSignature(head: Uint8Array): void {
  const startsWith = (magic: number[]) => head.length >= magic.length && magic.every((b, i) => head[i] === b);
  if (startsWith(ZIP_MAGIC)) return;
  if (startsWith(OLE_MAGIC)) throw new ImportFileError('UNSUPPORTED_FILE', 'import.file.legacyOrEncrypted');
  throw new ImportFileError('UNSUPPORTED_FILE', 'import.file.unsupported');
}

export const corruptFile = (cause?: unknown) => new ImportFileError('UNSUPPORTED_FILE', 'import.file.corrupt', {}, 0, { cause });

/**
 * Lets a reader stop waiting on ExcelJS when the input fails. Only the currently pending `next()`
 * holds a reject function (racing every step against one long-lived promise would leak memory).
 */
export class ReadAbort {
  private failure: { error: unknown } | null = null;
  private readonly pending = new Set<(error: unknown) => void>();
  private readonly listeners: Array<() => void> = [];

  get error(): unknown {
    return this.failure?.error ?? null;
  }

  fire(error: unknown): void {
    if (this.failure) return;
    this.failure = { error };
    for (const reject of this.pending) reject(error);
    this.pending.clear();
    for (const listener of this.listeners) listener();
  }

  /** Run `listener` when the read is aborted. */
  onFire(listener: () => void): void {
    this.listeners.push(listener);
  }

  /** `iterator`, whose pending step rejects as soon as `fire` is called. */
  wrap<T>(iterator: AsyncIterator<T>): AsyncIterableIterator<T> {
    const next = (): Promise<IteratorResult<T>> => {
      if (this.failure) return Promise.reject(this.failure.error);
      return new Promise<IteratorResult<T>>((resolve, reject) => {
        this.pending.add(reject);
        iterator.next().then(
          (result) => {
            this.pending.delete(reject);
            resolve(result);
          },
          (error: unknown) => {
            this.pending.delete(reject);
            reject(error);
          },
        );
      });
    };
    return {
      [Symbol.asyncIterator]() {
        return this;
      },
      next,
      return: (value?: unknown) =>
        iterator.return ? iterator.return(value) : Promise.resolve({ done: true, value: value as T }),
    };
  }
}

/** Wait until `n` bytes are buffered (or the stream ends) and put them back: nothing is consumed. */
function peek(stream: Readable, n: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let length = 0;
    const cleanup = () => {
      stream.off('readable', onReadable);
      stream.off('end', onEnd);
      stream.off('error', onError);
    };
    const finish = () => {
      cleanup();
      const head = Buffer.concat(chunks);
      if (head.length > 0 && !stream.readableEnded) stream.unshift(head);
      resolve(head.subarray(0, n));
    };
    const onReadable = () => {
      let chunk: unknown;
      while (length < n && (chunk = stream.read()) !== null) {
        const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as string);
        chunks.push(buffer);
        length += buffer.length;
      }
      if (length >= n) finish();
    };
    const onEnd = () => finish();
    const onError = (error: unknown) => {
      cleanup();
      reject(error);
    };
    stream.on('readable', onReadable);
    stream.on('end', onEnd);
    stream.on('error', onError);
  });
}

export interface XlsxSource {
  /** What ExcelJS reads. */
  stream: Readable;
  /** Fired with the error of a failed read (file I/O, or the zip parser via `abort.fire`). */
  abort: ReadAbort;
  /** Release files and streams once reading stops (early or not). */
  close(): Promise<void>;
}

/** The parts of the file at `path`, worksheets last, then its central directory. */
async function* reorderedZip(path: string, layout: ZipLayout): AsyncGenerator<Buffer> {
  const ranges = [...streamingOrder(layout.parts), { start: layout.directoryStart, end: layout.fileSize }];
  for (const { start, end } of ranges) {
    if (end > start) yield* createReadStream(path, { start, end: end - 1 }) as AsyncIterable<Buffer>;
  }
}

async function openPath(path: string, release: () => Promise<void>): Promise<XlsxSource> {
  const handle = await open(path, 'r');
  let layout: ZipLayoutResult;
  try {
    const head = Buffer.alloc(4);
    const { bytesRead } = await handle.read(head, 0, 4, 0);
    assertXlsxSignature(head.subarray(0, bytesRead));
    layout = await readZipLayout(handle, (await handle.stat()).size);
  } finally {
    await handle.close();
  }
  if (layout.kind === 'corrupt') throw corruptFile();
  const stream =
    layout.kind === 'ok' ? Readable.from(reorderedZip(path, layout.layout), { objectMode: false }) : createReadStream(path);
  const abort = new ReadAbort();
  stream.on('error', (error: unknown) => abort.fire(error));
  abort.onFire(() => stream.destroy());
  return {
    stream,
    abort,
    close: async () => {
      stream.destroy();
      await release();
    },
  };
}

/**
 * Open a path, or take over a stream (spooled to a temporary file, always removed on close),
 * after checking its first bytes. A caller's stream is read to its end (or, when its first
 * bytes are rejected, drained), never left half-read, so that e.g. a multipart upload completes.
 */
export async function openXlsxSource(input: Readable | string): Promise<XlsxSource> {
  if (typeof input === 'string') return openPath(input, async () => {});

  let head: Buffer;
  try {
    head = await peek(input, 4);
  } catch (error) {
    input.destroy();
    throw error;
  }
  try {
    assertXlsxSignature(head);
  } catch (error) {
    input.on('error', () => {});
    input.resume();
    throw error;
  }
  // Until `pipeline` listens, an error must neither crash the process nor be missed.
  const early: { error?: unknown } = {};
  input.on('error', (error: unknown) => {
    if (!('error' in early)) early.error = error;
  });
  // `peek` removed its 'readable' listener; let Node settle the stream's flowing state first.
  await new Promise((resolve) => setImmediate(resolve));
  const dir = await mkdtemp(join(tmpdir(), 'vinhdanh-import-'));
  const remove = () => rm(dir, { recursive: true, force: true });
  try {
    const path = join(dir, 'upload.xlsx');
    await pipeline(input, createWriteStream(path));
    if ('error' in early) throw early.error;
    return await openPath(path, remove);
  } catch (error) {
    await remove();
    throw error;
  }
}
