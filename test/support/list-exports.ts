// Reading the lists' Excel exports back (test/api/list-exports*.test.ts): the title block, the frozen
// bold header, numbered rows with typed cells; and every page of a list joined, to compare with.
import { expect } from 'vitest';
import ExcelJS from 'exceljs';
import type { Client } from '../factories';
import { LIMITS } from '../../src/contracts/limits';

export type Value = string | number | null;
export interface Sheet {
  title: string;
  lines: string[];
  header: string[];
  /** Data rows without the STT column; dates as yyyy-mm-dd. */
  rows: Value[][];
  /** Columns (1-based, STT included) holding real dates, and the number format of every typed column. */
  dateColumns: Set<number>;
  numFmts: Map<number, string>;
}

const cellValue = (cell: ExcelJS.Cell): Value => {
  const v = cell.value;
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'number') return v;
  return v === null || v === undefined ? null : String(v);
};

/** Reads an export back: title block, the header after a blank line (bold, frozen), numbered rows below. */
export async function exported(c: Client, url: string): Promise<Sheet> {
  const res = await c.get(url);
  expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
  expect(res.headers['content-type']).toContain('spreadsheetml');
  expect(String(res.headers['content-disposition'])).toMatch(/attachment; .*\.xlsx/);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
  const ws = wb.worksheets[0]!;
  expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 6 });
  expect(ws.getRow(6).getCell(1).font?.bold).toBe(true);
  const text = (v: ExcelJS.CellValue) => (v === null || v === undefined ? '' : String(v));
  const header = (ws.getRow(6).values as ExcelJS.CellValue[]).slice(1).map(text);
  const sheet: Sheet = { title: text(ws.getCell('A1').value), lines: [2, 3, 4].map((r) => text(ws.getCell(`A${r}`).value)), header, rows: [], dateColumns: new Set(), numFmts: new Map() };
  for (let r = 7; r <= ws.rowCount; r += 1) {
    const row = ws.getRow(r);
    expect(row.getCell(1).value).toBe(r - 6);
    const out: Value[] = [];
    for (let col = 2; col <= header.length; col += 1) {
      const cell = row.getCell(col);
      if (cell.value instanceof Date) sheet.dateColumns.add(col);
      if (cell.value instanceof Date || typeof cell.value === 'number') sheet.numFmts.set(col, cell.numFmt);
      out.push(cellValue(cell));
    }
    sheet.rows.push(out);
  }
  return sheet;
}

/** Every page of a list endpoint, joined. */
export async function listAll<T>(c: Client, url: string): Promise<T[]> {
  const items: T[] = [];
  for (let page = 1; ; page += 1) {
    const res = await c.get(`${url}${url.includes('?') ? '&' : '?'}page=${page}&pageSize=${LIMITS.pageSizeMax}`);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json<{ items: T[]; total: number }>();
    items.push(...body.items);
    if (items.length >= body.total || body.items.length === 0) return items;
  }
}
