// A statistical form as an .xlsx file the way superiors expect it: the unit at the top left, the
// form code at the top right, the merged title, a bordered table with a bold header (repeated on each
// printed page and frozen on screen), numbers as numbers, totals as SUM formulas with their cached
// values, the notes, and the signer blocks. A4, fitted to the page width.
import ExcelJS from 'exceljs';
import type { Borders, Worksheet } from 'exceljs';
import type { DashboardDto } from '../../../contracts/dashboard';
import type { Locale } from '../../../contracts/enums';
import { DECIMAL_MEASURES, type StatFormLayout, type StatGrid } from '../../../contracts/report-templates';
import { t } from '../../../contracts/messages';
import { columnLetter, HEADER_FILL } from '../imports/xlsx/sheet-style';
import { catalogueOf, evaluateStatForm } from './stat-form';

export interface StatFormMeta {
  orgName: string;
  year: number;
  /** The moment the figures were frozen (ISO timestamp), printed under the notes. */
  asOf?: string;
  locale: Locale;
}

const THIN = { style: 'thin' as const };
const BORDER: Partial<Borders> = { top: THIN, left: THIN, bottom: THIN, right: THIN };
const FONT = 'Times New Roman';

/** dd/mm/yyyy HH:mm in Vietnam's time. */
function vnMoment(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const p = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Ho_Chi_Minh', day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit', hour12: false })
      .formatToParts(d)
      .map((x) => [x.type, x.value]),
  );
  return `${p.day}/${p.month}/${p.year} ${p.hour}:${p.minute}`;
}

function mergedLine(ws: Worksheet, row: number, from: number, to: number, value: string, font: Partial<ExcelJS.Font>, horizontal: 'left' | 'center' | 'right' = 'center') {
  if (to > from) ws.mergeCells(row, from, row, to);
  const cell = ws.getCell(row, from);
  cell.value = value;
  cell.font = { name: FONT, size: 12, ...font };
  cell.alignment = { horizontal, vertical: 'middle', wrapText: true };
}

/** Writes the grid into a worksheet; answers the row number of the table header. */
export function writeStatGrid(ws: Worksheet, grid: StatGrid, meta: StatFormMeta): number {
  const width = 2 + grid.columns.length;
  ws.columns = [{ width: 7 }, { width: 52 }, ...grid.columns.map(() => ({ width: 15 }))];
  const half = Math.max(2, Math.ceil(width / 2));
  // Header block: the unit at the left, the form code at the right.
  mergedLine(ws, 1, 1, Math.min(2, width), grid.unitLine, { bold: true }, 'center');
  mergedLine(ws, 1, Math.min(half + 1, width), width, grid.formCode, { bold: true, italic: true }, 'right');
  let r = 3;
  grid.titleLines.forEach((line, i) => {
    mergedLine(ws, r, 1, width, line, i === 0 ? { bold: true, size: 14 } : { italic: true });
    ws.getRow(r).height = i === 0 ? 22 : 32;
    r++;
  });
  r++;
  const header = r;
  const headerRow = ws.getRow(header);
  [t(meta.locale, 'reportTemplates.xlsx.no'), grid.labelHeader, ...grid.columns.map((c) => c.label)].forEach((text, i) => {
    const cell = headerRow.getCell(i + 1);
    cell.value = text;
    cell.font = { name: FONT, size: 12, bold: true };
    cell.fill = HEADER_FILL;
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    cell.border = BORDER;
  });
  headerRow.height = 36;
  // The column index row of Vietnamese forms: A, B, 1, 2, …
  const indexRow = ws.getRow(header + 1);
  ['A', 'B', ...grid.columns.map((_, i) => String(i + 1))].forEach((text, i) => {
    const cell = indexRow.getCell(i + 1);
    cell.value = text;
    cell.font = { name: FONT, size: 11, italic: true };
    cell.alignment = { horizontal: 'center' };
    cell.border = BORDER;
  });
  const first = header + 2;
  grid.rows.forEach((row, i) => {
    const x = ws.getRow(first + i);
    const font = { name: FONT, size: 12, bold: row.bold };
    const no = x.getCell(1);
    no.value = row.number ?? '';
    no.font = font;
    no.alignment = { horizontal: 'center', vertical: 'middle' };
    no.border = BORDER;
    const label = x.getCell(2);
    label.value = row.label;
    label.font = font;
    label.alignment = { vertical: 'middle', wrapText: true, indent: row.depth };
    label.border = BORDER;
    row.cells.forEach((v, ci) => {
      const cell = x.getCell(3 + ci);
      const letter = columnLetter(3 + ci);
      if (v !== null && row.sumOf) cell.value = { formula: `SUM(${row.sumOf.map((p) => `${letter}${first + p}`).join(',')})`, result: v };
      else if (v !== null) cell.value = v;
      cell.numFmt = DECIMAL_MEASURES.includes(grid.columns[ci]!.measure) ? '0.0' : '#,##0';
      cell.font = font;
      cell.alignment = { horizontal: 'right', vertical: 'middle' };
      cell.border = BORDER;
    });
  });
  r = first + grid.rows.length + 1;
  const notes = meta.asOf ? [...grid.notes, t(meta.locale, 'reportTemplates.xlsx.asOf', { asOf: vnMoment(meta.asOf) })] : grid.notes;
  for (const note of notes) {
    mergedLine(ws, r, 1, width, note, { italic: true, size: 11 }, 'left');
    ws.getRow(r).height = 30;
    r++;
  }
  if (grid.signers.length > 0) {
    r++;
    // The signers share the width; the date line sits over the last one.
    const n = grid.signers.length;
    const spans = grid.signers.map((_, i) => {
      const from = i === 0 ? 1 : Math.floor((i * width) / n) + 1;
      const to = i === n - 1 ? width : Math.floor(((i + 1) * width) / n);
      return [from, Math.max(from, to)] as const;
    });
    const last = spans[n - 1]!;
    mergedLine(ws, r, last[0], last[1], t(meta.locale, 'reportTemplates.xlsx.dateLine'), { italic: true });
    r++;
    grid.signers.forEach((s, i) => {
      const [from, to] = spans[i]!;
      mergedLine(ws, r, from, to, s, { bold: true });
      mergedLine(ws, r + 1, from, to, t(meta.locale, 'reportTemplates.xlsx.signHint'), { italic: true, size: 11 });
    });
  }
  return header;
}

/** The .xlsx file of a layout over the figures (another module calls this for frozen reports: keep the name and signature). */
export async function renderStatFormXlsx(layout: StatFormLayout, figures: DashboardDto, meta: { orgName: string; year: number; asOf?: string; locale: Locale }): Promise<Buffer> {
  const grid = evaluateStatForm(layout, figures, catalogueOf(figures), { orgName: meta.orgName, year: String(meta.year), previousYear: String(meta.year - 1) });
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Vinh Danh';
  const ws = wb.addWorksheet(t(meta.locale, 'reportTemplates.xlsx.sheet'));
  const header = writeStatGrid(ws, grid, meta);
  ws.views = [{ state: 'frozen', ySplit: header + 1, xSplit: 0 }];
  ws.pageSetup = {
    paperSize: 9, // A4
    orientation: grid.columns.length > 4 ? 'landscape' : 'portrait',
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    horizontalCentered: true,
    margins: { left: 0.6, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
    printTitlesRow: `${header}:${header + 1}`,
  };
  ws.headerFooter = { oddFooter: '&C&P/&N' };
  return Buffer.from(await wb.xlsx.writeBuffer());
}
