// Benchmark: storing evidence files (issue 5; the same store will hold dossiers, issue 6). What an
// upload costs the server besides the network: streaming the bytes to disk while hashing them
// (SHA-256), deciding the kind from the content (for DOCX/XLSX: reading the ZIP central
// directory), and moving the file to its content address. Sizes 100 KB, 1 MB and 10 MB (the
// limit); PDF and DOCX; BENCH_EVIDENCE_RUNS (default 30) uploads each, streamed in 64 KB chunks
// as the multipart parser delivers them. No database: the row insert is one statement.
import crypto from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import JSZip from 'jszip';
import { storeUpload, FILE_KINDS } from '../src/server/lib/files';
import { LIMITS } from '../src/contracts/limits';
import { envInt, writeResult } from './lib/results';
import { summarize } from './lib/stats';

const RUNS = envInt('BENCH_EVIDENCE_RUNS', 30);
const SIZES = [100 * 1024, 1024 * 1024, LIMITS.documentMaxBytes - 64 * 1024];
const CHUNK = 64 * 1024;

function pdf(size: number, seed: number): Buffer {
  const head = Buffer.from(`%PDF-1.7\n% bench ${seed}\n`);
  return Buffer.concat([head, crypto.randomBytes(size - head.length)]);
}

/** A DOCX-shaped archive of about `size` bytes (random, stored uncompressed media part). */
async function docx(size: number, seed: number): Promise<Buffer> {
  const zip = new JSZip();
  zip.file('[Content_Types].xml', '<?xml version="1.0"?><Types/>');
  zip.file('word/document.xml', `<w:document>${seed}</w:document>`);
  zip.file('word/media/image1.png', crypto.randomBytes(Math.max(0, size - 1024)), { compression: 'STORE' });
  return zip.generateAsync({ type: 'nodebuffer' });
}

function chunked(buf: Buffer): Readable {
  let at = 0;
  return new Readable({
    read() {
      if (at >= buf.length) return this.push(null);
      this.push(buf.subarray(at, at + CHUNK));
      at += CHUNK;
    },
  });
}

async function main() {
  const startedAt = new Date();
  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'vd-bench-evidence-'));
  const cases: { kind: string; sizeBytes: number; p50: number; p95: number; mbPerSecond: number }[] = [];
  try {
    for (const kind of ['pdf', 'docx'] as const) {
      for (const size of SIZES) {
        const samples: number[] = [];
        for (let i = 0; i < RUNS; i++) {
          const buf = kind === 'pdf' ? pdf(size, i) : await docx(size, i);
          const t0 = performance.now();
          const stored = await storeUpload(dataDir, chunked(buf), { maxBytes: LIMITS.documentMaxBytes, allowed: FILE_KINDS, fileName: `minh-chung.${kind}` });
          samples.push(performance.now() - t0);
          if (stored.kind !== kind || stored.sizeBytes !== buf.length) throw new Error(`stored ${stored.kind} ${stored.sizeBytes}, expected ${kind} ${buf.length}`);
        }
        const s = summarize(samples);
        const mbPerSecond = Math.round((size / 1048576 / (s.p50 / 1000)) * 10) / 10;
        cases.push({ kind, sizeBytes: size, p50: s.p50, p95: s.p95, mbPerSecond });
        console.log(`  ${kind} ${(size / 1048576).toFixed(2)} MB: p50 ${s.p50} ms, p95 ${s.p95} ms (${mbPerSecond} MB/s)`);
      }
    }
  } finally {
    await fs.rm(dataDir, { recursive: true, force: true });
  }
  console.log(`  → ${writeResult('evidence-upload', startedAt, { runs: RUNS, chunkBytes: CHUNK, cases })}`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
