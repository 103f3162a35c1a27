// Deciding a file's kind by its content: Office files from the ZIP index only, bombs and polyglots
// refused, and the limits generous enough for real documents.
import { describe, expect, it } from 'vitest';
import JSZip from 'jszip';
import { detectFileKind } from './files';

async function officeZip(main: 'word/document.xml' | 'xl/workbook.xml', extra: Record<string, Buffer | string> = {}, level = 6): Promise<Buffer> {
  const zip = new JSZip();
  zip.file('[Content_Types].xml', '<?xml version="1.0"?><Types/>');
  zip.file(main, '<?xml version="1.0"?><root/>');
  for (const [name, content] of Object.entries(extra)) zip.file(name, content);
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level } });
}

/** A JPEG-looking buffer: the magic, then the given body. */
const jpeg = (body: Buffer | string) => Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.isBuffer(body) ? body : Buffer.from(body, 'latin1'), Buffer.from([0xff, 0xd9])]);

describe('detectFileKind', () => {
  it('knows DOCX and XLSX by their parts, PDF, PNG and JPEG by their magic', async () => {
    expect(detectFileKind(await officeZip('word/document.xml'))).toBe('docx');
    expect(detectFileKind(await officeZip('xl/workbook.xml'))).toBe('xlsx');
    expect(detectFileKind(Buffer.from('%PDF-1.7\n%%EOF\n'))).toBe('pdf');
    expect(detectFileKind(jpeg('ordinary image data'))).toBe('jpeg');
  });

  it('accepts a real-sized sheet that deflates well (8 MB of member rows)', async () => {
    const names = ['Nguyễn Văn An', 'Trần Thị Cúc', 'Lê Hoàng Nam', 'Phạm Thị Hồng', 'Đặng Văn Bình'];
    const rows: string[] = [];
    for (let i = 0, size = 0; size < 8 * 1024 * 1024; i++) {
      const row = `<row r="${i + 2}"><c t="inlineStr"><is><t>${names[i % names.length]} ${i}</t></is></c><c><v>${72090000000 + i * 7919}</v></c></row>`;
      rows.push(row);
      size += row.length;
    }
    const buf = await officeZip('xl/workbook.xml', { 'xl/worksheets/sheet1.xml': rows.join('') }, 9);
    expect(detectFileKind(buf)).toBe('xlsx');
  });

  it('refuses a bomb: a large entry packed far tighter than documents are', async () => {
    const buf = await officeZip('word/document.xml', { 'word/media/zeros.bin': Buffer.alloc(32 * 1024 * 1024) }, 9);
    expect(detectFileKind(buf)).toBeNull();
  });

  it('refuses polyglots: a PDF or an image that is also an archive, an image carrying markup', async () => {
    const zip = await officeZip('word/document.xml');
    expect(detectFileKind(Buffer.concat([Buffer.from('%PDF-1.7\n%%EOF\n'), zip]))).toBeNull();
    expect(detectFileKind(Buffer.concat([jpeg('x'), zip]))).toBeNull();
    expect(detectFileKind(jpeg('…<?php system($_GET["c"]); ?>'))).toBeNull();
    expect(detectFileKind(jpeg('…<script>alert(1)</script>'))).toBeNull();
    expect(detectFileKind(jpeg('…<svg onload=alert(1)>'))).toBeNull();
  });

  it('does not mistake bytes that merely spell "<svg" inside image data for markup', () => {
    expect(detectFileKind(jpeg(Buffer.from([0x3c, 0x53, 0x76, 0x47, 0x91, 0x02])))).toBe('jpeg');
  });

  it('refuses an archive whose parts would unpack outside it', async () => {
    expect(detectFileKind(await officeZip('word/document.xml', { '../../etc/passwd': 'x' }))).toBeNull();
  });
});
