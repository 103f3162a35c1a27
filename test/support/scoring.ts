// Helpers for scorecard tests: multipart uploads with text fields, and the evidence a sheet needs
// before it can be submitted.
import crypto from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Db } from '../../src/server/db/client';
import { todayInVietnam } from '../../src/server/modules/imports/xlsx';
import type { Client } from '../factories';
import type { SheetDto } from '../../src/contracts/scoring';

export type Part = { name: string; value: string } | { name: string; fileName: string; content: Buffer; type?: string };

/** A multipart/form-data body: text fields and files in the order given. */
export function multipartBody(parts: Part[]) {
  const boundary = `----vd${crypto.randomBytes(8).toString('hex')}`;
  const chunks: Buffer[] = [];
  for (const p of parts) {
    if ('value' in p) chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${p.name}"\r\n\r\n${p.value}\r\n`));
    else {
      chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${p.name}"; filename="${p.fileName}"\r\nContent-Type: ${p.type ?? 'application/octet-stream'}\r\n\r\n`));
      chunks.push(p.content, Buffer.from('\r\n'));
    }
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(chunks), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

/** A small, valid-looking PDF whose bytes differ by `text`. */
export const pdfBytes = (text: string) => Buffer.from(`%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n% ${text}\ntrailer << /Root 1 0 R >>\n%%EOF\n`);

export function uploadEvidence(c: Client, sheetId: number, criterionCode: string, fileName: string, content: Buffer, supersedesId?: number) {
  const parts: Part[] = [{ name: 'criterionCode', value: criterionCode }];
  if (supersedesId) parts.push({ name: 'supersedesId', value: String(supersedesId) });
  parts.push({ name: 'file', fileName, content });
  const m = multipartBody(parts);
  return c.request({ method: 'POST', url: `/api/v1/score-sheets/${sheetId}/evidence`, payload: m.payload, headers: m.headers });
}

/** Uploads one PDF for every criterion that requires evidence and has none yet (as the unit). */
export async function attachRequiredEvidence(c: Client, sheetId: number): Promise<number> {
  const sheet = (await c.get(`/api/v1/score-sheets/${sheetId}`)).json<SheetDto>();
  let n = 0;
  for (const x of sheet.criteria.filter((k) => k.evidenceRequired && k.evidenceCount === 0)) {
    const res = await uploadEvidence(c, sheetId, x.code, `minh-chung-${x.code}.pdf`, pdfBytes(`${sheetId}:${x.code}`));
    if (res.statusCode !== 200) throw new Error(`evidence ${x.code}: ${res.statusCode} ${res.body}`);
    n++;
  }
  return n;
}

/** The date `n` days from today in Vietnam, as YYYY-MM-DD (deadlines that stay in the future). */
/** A date `n` days after today in Vietnam's calendar as users type it: dd/mm/yyyy. */
export function typedDateFromToday(n: number): string {
  const [y, m, d] = daysFromToday(n).split('-');
  return `${d}/${m}/${y}`;
}

/** This year in Vietnam's calendar (the server's and the web client's "this year"). */
export function currentYearInVietnam(): number {
  return Number(todayInVietnam().slice(0, 4));
}

export function daysFromToday(n: number): string {
  const d = new Date(`${todayInVietnam()}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

/** Id of the first version of a template Vinh Danh ships (CDCS_1294, TO_CONG_DOAN, DOAN_VIEN). */
export async function shippedTemplateId(db: Db, code: string): Promise<number> {
  const r = await db.execute<{ id: number }>(sql`select id from scorecard_template where code = ${code} and org_id is null order by version limit 1`);
  return Number(r.rows[0]!.id);
}
