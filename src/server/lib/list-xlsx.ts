// One writer for the "Xuất Excel" of the main lists (issue 10): a title line, the organisation and
// the filters in words, a bold frozen header row, column widths, typed numbers and dates, and the
// rows streamed (ExcelJS's workbook writer, each row committed as written) straight to the reply.
import { PassThrough } from 'node:stream';
import type { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import type { FastifyReply } from 'fastify';
import type { Locale } from '../../contracts/enums';
import { t } from '../../contracts/messages';
import { attachmentHeader } from './files';
import { forbidden, validation } from './errors';
import type { ZodType } from 'zod';
import type { AuthActor } from './actor';
import { defineRoute, type HandlerCtx, type RouteDef } from './http';
import { todayInVietnam } from '../modules/imports/xlsx/validate-member-row';
import { HEADER_FILL, HEADER_FONT } from '../modules/imports/xlsx/sheet-style';
import { findOrg } from '../modules/organisations/organisations.repository';
import type { DbOrTx } from '../db/client';

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
/** At most this many rows in one export; a longer list is refused (400) with the count. */
export const LIST_EXPORT_MAX_ROWS = 100_000;

export type ListCell = string | number | Date | null;
export interface ListColumn<R> {
  header: string;
  width: number;
  value: (r: R) => ListCell;
  /** 'date': dd/mm/yyyy; 'int': a whole number; 'money': #,##0 (VND). Text otherwise. */
  type?: 'date' | 'int' | 'money';
}

export interface ListWorkbook<R> {
  /** Sheet name (cut to Excel's 31 characters). */
  sheet: string;
  /** First line, bold. */
  title: string;
  /** Lines under the title (organisation, filters, date of the export), in italics. */
  lines: readonly string[];
  /** Header of the running-number column. */
  numberHeader: string;
  columns: readonly ListColumn<R>[];
  rows: Iterable<R> | AsyncIterable<R>;
}

/** `yyyy-mm-dd` (or a timestamp starting with it) → a date cell at midnight UTC: Excel shows the same day everywhere. */
export const dayCell = (iso: string | null | undefined): Date | null => (iso ? new Date(`${iso.slice(0, 10)}T00:00:00Z`) : null);
/** `yyyy-mm-dd` → `dd/mm/yyyy`. */
export const vnDate = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;
const viNumber = (n: number) => new Intl.NumberFormat('vi-VN').format(n);

const FORMATS = { date: 'dd/mm/yyyy', int: '0', money: '#,##0' } as const;

/** Writes the workbook to `out` and resolves when the last byte is handed over. */
export async function writeListWorkbook<R>(out: Writable, m: ListWorkbook<R>): Promise<void> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  wb.creator = 'Vinh Danh';
  // Title, the lines under it, a blank row, then the header.
  const headerRow = m.lines.length + 3;
  const ws = wb.addWorksheet(m.sheet.slice(0, 31), { views: [{ state: 'frozen', ySplit: headerRow }] });
  ws.columns = [{ width: 6 }, ...m.columns.map((c) => ({ width: c.width, style: c.type ? { numFmt: FORMATS[c.type] } : {} }))];
  [m.title, ...m.lines].forEach((text, i) => {
    const row = ws.getRow(i + 1);
    const cell = row.getCell(1);
    cell.value = text;
    cell.font = i === 0 ? { bold: true, size: 13 } : { italic: true, color: { argb: 'FF4B5563' } };
    row.commit();
  });
  const header = ws.getRow(headerRow);
  [m.numberHeader, ...m.columns.map((c) => c.header)].forEach((text, i) => {
    const cell = header.getCell(i + 1);
    cell.value = text;
    cell.font = HEADER_FONT;
    cell.fill = HEADER_FILL;
    cell.alignment = { wrapText: true, vertical: 'middle' };
  });
  header.commit();
  let n = 0;
  for await (const r of m.rows) {
    n += 1;
    ws.addRow([n, ...m.columns.map((c) => c.value(r))]).commit();
  }
  ws.commit();
  await wb.commit();
}

/**
 * Sends the workbook as an attachment, streamed: the rows are already read (and the cap checked) by
 * the caller, so an error can no longer turn into a half-written 200 for a reason the reader could fix.
 */
export function sendListWorkbook<R>(reply: FastifyReply, fileName: string, m: ListWorkbook<R>): FastifyReply {
  const body = new PassThrough();
  void writeListWorkbook(body, m).catch((err: unknown) => body.destroy(err instanceof Error ? err : new Error(String(err))));
  return reply.header('content-type', XLSX_MIME).header('content-disposition', attachmentHeader(fileName)).send(body);
}

/**
 * The query of a list page asked for every row at once (one page of max + 1), refused when longer:
 * the same service function as the list, hence the same scope, filters and order. A user without any
 * role gets 403 (the lists answer them an empty page; a file of nothing would only mislead).
 */
export async function allRowsOf<T>(
  actor: Pick<AuthActor, 'roles'>,
  list: (paging: { page: number; pageSize: number }) => Promise<{ items: T[]; total: number }>,
  max = LIST_EXPORT_MAX_ROWS,
): Promise<T[]> {
  if (actor.roles.length === 0) throw forbidden();
  const { items, total } = await list({ page: 1, pageSize: max + 1 });
  if (items.length > max) throw validation('listExport.tooMany', { count: viNumber(total), max: viNumber(max) });
  return items;
}

/** "Đơn vị: …" and "Lọc: Trạng thái: Đã ký; …" (or "Không lọc") and "Ngày xuất: …" under the title. */
export function describeFilters(locale: Locale, orgName: string | null, filters: ReadonlyArray<readonly [string, string | null | undefined]>, today: string): string[] {
  const chosen = filters.filter((f): f is readonly [string, string] => f[1] !== null && f[1] !== undefined && f[1] !== '');
  return [
    t(locale, 'listExport.org', { org: orgName ?? t(locale, 'listExport.allInScope') }),
    chosen.length ? t(locale, 'listExport.filters', { filters: chosen.map(([label, value]) => `${label}: ${value}`).join('; ') }) : t(locale, 'listExport.noFilter'),
    t(locale, 'listExport.asOf', { date: vnDate(today) }),
  ];
}

/** The name of the organisation a list is filtered on (null when not filtered; the id when unknown, as the list then is empty). */
export async function filterOrgName(db: DbOrTx, orgId: number | undefined): Promise<string | null> {
  if (orgId === undefined) return null;
  return (await findOrg(db, orgId))?.name ?? `#${orgId}`;
}

type ExportCtx<Q> = HandlerCtx<unknown, Q, unknown>;
export interface ListExportSpec<Q, R> {
  /** The list's URL ('/decisions'); the export is `<list>/export.xlsx`. */
  list: string;
  tag: string;
  /** The list's query schema minus page and pageSize. */
  query: ZodType<Q>;
  /** One page of the list: the very service call of the list route. */
  page: (ctx: ExportCtx<Q>, paging: { page: number; pageSize: number }) => Promise<{ items: R[]; total: number }>;
  /** File name before the date: `quyet-dinh` → `quyet-dinh-2026-11-26.xlsx`. */
  fileStem: string;
  titleKey: string;
  /** The organisation filter, named on the first line under the title. */
  orgId: (query: Q) => number | undefined;
  /** The other filters as (label, value in words); unset ones are left out. */
  filters: (ctx: ExportCtx<Q>) => Promise<ReadonlyArray<readonly [string, string | null | undefined]>> | ReadonlyArray<readonly [string, string | null | undefined]>;
  columns: (locale: Locale) => ListColumn<R>[];
  /** Said after the summary in the API document. */
  note?: string;
}

/** `GET <list>/export.xlsx`: every row of the list (same filters, scope, order) as a streamed workbook. */
export function listExportRoute<Q, R>(s: ListExportSpec<Q, R>): RouteDef<unknown, Q, unknown> {
  return defineRoute<unknown, Q, unknown>({
    method: 'GET',
    url: `${s.list}/export.xlsx`,
    summary: `The list as an XLSX workbook: the same filters, scope and order as GET ${s.list}, every row (at most ${LIST_EXPORT_MAX_ROWS})${s.note ? `; ${s.note}` : ''}`,
    tag: s.tag,
    query: s.query,
    produces: XLSX_MIME,
    async handler(ctx) {
      const { app, actor, locale, query, reply } = ctx;
      const rows = await allRowsOf(actor, (paging) => s.page(ctx, paging));
      const today = todayInVietnam();
      const [orgName, filters] = await Promise.all([filterOrgName(app.db, s.orgId(query)), s.filters(ctx)]);
      return sendListWorkbook(reply, `${s.fileStem}-${today}.xlsx`, {
        sheet: t(locale, 'listExport.sheet'),
        title: t(locale, s.titleKey),
        lines: describeFilters(locale, orgName, filters, today),
        numberHeader: t(locale, 'listExport.col.no'),
        columns: s.columns(locale),
        rows,
      });
    },
  });
}

// Timestamps of lists (events, ceremonies) as a date cell of their day in Vietnam and the time there as text:
// the shared writer types whole days only.
const vnClock = (withSeconds: boolean) =>
  new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Ho_Chi_Minh', hourCycle: 'h23', hour: '2-digit', minute: '2-digit', ...(withSeconds ? { second: '2-digit' } : {}) });
const vnClocks = { minutes: vnClock(false), seconds: vnClock(true) };
/** The day in Vietnam of a timestamp, as a date cell. */
export const vnDayCell = (iso: string) => dayCell(todayInVietnam(new Date(iso)));
/** The time of day in Vietnam of a timestamp: "14:05", or "14:05:09" with seconds. */
export const vnTimeOfDay = (iso: string, precision: keyof typeof vnClocks = 'minutes') => vnClocks[precision].format(new Date(iso));
