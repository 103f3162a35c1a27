// The byte stream ExcelJS reads, with the checks ExcelJS does not do itself:
// - the upload must start like a zip (PK\x03\x04), else UNSUPPORTED_FILE before any parsing;
// - an input error or a truncated zip must end the read: ExcelJS's unzipper neither sees errors of
//   the piped input nor notices a zip that stops in the middle of an entry, and would wait forever.
import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { Transform } from 'node:stream';
import type { Readable, TransformCallback } from 'node:stream';
import { ImportFileError } from './import-file-error';

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04]; // local file header: the first bytes of any .xlsx
const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0]; // compound document: .xls, or an encrypted .xlsx
const END_OF_CENTRAL_DIRECTORY = Buffer.from([0x50, 0x4b, 0x05, 0x06]);
/** The end-of-central-directory record (22 bytes) may be followed by a comment of up to 64 KiB. */
const TAIL_BYTES = 22 + 0xffff;

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

  get error(): unknown {
    return this.failure?.error ?? null;
  }

  fire(error: unknown): void {
    if (this.failure) return;
    this.failure = { error };
    for (const reject of this.pending) reject(error);
    this.pending.clear();
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

/** Passes bytes through and reports a stream that ends without a zip end-of-central-directory. */
class ZipEndCheck extends Transform {
  private tail: Buffer[] = [];
  private tailLength = 0;

  constructor(private readonly onTruncated: () => void) {
    super();
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    this.tail.push(chunk);
    this.tailLength += chunk.length;
    while (this.tail.length > 1 && this.tailLength - (this.tail[0]?.length ?? 0) >= TAIL_BYTES) {
      this.tailLength -= this.tail.shift()?.length ?? 0;
    }
    callback(null, chunk);
  }

  override _flush(callback: TransformCallback): void {
    if (Buffer.concat(this.tail).lastIndexOf(END_OF_CENTRAL_DIRECTORY) === -1) this.onTruncated();
    this.tail = [];
    callback();
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
  /** Fired with the input's error, or with a "corrupt file" error when the zip is truncated. */
  abort: ReadAbort;
  /** Release the input once reading stops (early or not). */
  close(): void;
}

function connect(input: Readable, abort: ReadAbort, release: () => void): XlsxSource {
  const stream = new ZipEndCheck(() => abort.fire(corruptFile()));
  input.pipe(stream);
  return {
    stream,
    abort,
    close: () => {
      input.unpipe(stream);
      stream.destroy();
      release();
    },
  };
}

/**
 * Open a path or take over a stream, after checking its first bytes. A caller's stream is drained
 * (not destroyed) on close, so that e.g. a multipart upload can complete.
 */
export async function openXlsxSource(input: Readable | string): Promise<XlsxSource> {
  const abort = new ReadAbort();
  if (typeof input === 'string') {
    const head = Buffer.alloc(4);
    const handle = await open(input, 'r');
    let bytesRead: number;
    try {
      ({ bytesRead } = await handle.read(head, 0, 4, 0));
    } finally {
      await handle.close();
    }
    assertXlsxSignature(head.subarray(0, bytesRead));
    const file = createReadStream(input);
    file.on('error', (error) => abort.fire(error));
    return connect(file, abort, () => file.destroy());
  }

  // Listen for errors from the start: an error between two steps below must not go unhandled.
  input.on('error', (error) => abort.fire(error));
  const drain = () => {
    if (input.destroyed || input.readableEnded) return;
    input.unpipe();
    input.resume();
  };
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
    drain();
    throw error;
  }
  // `peek` removed its 'readable' listener; let Node settle the stream's flowing state first.
  await new Promise((resolve) => setImmediate(resolve));
  if (abort.error !== null) throw abort.error;
  return connect(input, abort, drain);
}
