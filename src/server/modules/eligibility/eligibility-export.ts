// The batch answer as a workbook: one row per candidate with the result and every reason, and a
// sheet with the quota per deciding unit.
import type { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import type { Locale } from '../../../contracts/enums';
import type { BatchItem, BatchResult } from '../../../contracts/eligibility';
import { t } from '../../../contracts/messages';
import { HEADER_FILL, HEADER_FONT } from '../imports/xlsx/sheet-style';

export interface EligibilityExportMeta {
  title: string;
  scope: string;
  referenceDate: string;
  locale: Locale;
}

const OUTCOME_MARK = { PASS: '✓', FAIL: '✗', MISSING: '?', INFO: 'ℹ' } as const;

export async function writeEligibilityExport(out: Writable, items: readonly BatchItem[], quota: BatchResult['quota'], meta: EligibilityExportMeta): Promise<void> {
  const L = meta.locale;
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  workbook.creator = 'Vinh Danh';
  const sheet = workbook.addWorksheet(t(L, 'elig.export.sheet'), { views: [{ state: 'frozen', ySplit: 4 }] });
  sheet.columns = [{ width: 6 }, { width: 16 }, { width: 32 }, { width: 32 }, { width: 20 }, { width: 90 }];
  const title = sheet.addRow([meta.title]);
  title.font = { bold: true, size: 14 };
  title.commit();
  sheet.addRow([`${t(L, 'elig.export.scope')}: ${meta.scope}`]).commit();
  sheet.addRow([`${t(L, 'elig.export.referenceDate')}: ${meta.referenceDate.split('-').reverse().join('/')}`]).commit();
  const header = sheet.addRow(['elig.export.no', 'elig.export.code', 'elig.export.name', 'elig.export.unit', 'elig.export.status', 'elig.export.reasons'].map((k) => t(L, k)));
  header.eachCell((cell) => {
    cell.font = HEADER_FONT;
    cell.fill = HEADER_FILL;
  });
  header.commit();
  let n = 0;
  for (const item of items) {
    n++;
    const reasons = item.reasons.map((r) => `${OUTCOME_MARK[r.outcome]} ${r.text} (${r.citation.document}${r.citation.article ? `, ${r.citation.article}` : ''})`).join('\n');
    const row = sheet.addRow([n, item.candidate.code, item.candidate.name, item.candidate.unitName ?? '', t(L, `elig.status.${item.status}`), reasons]);
    row.getCell(6).alignment = { wrapText: true, vertical: 'top' };
    row.commit();
    if (n % 1000 === 0) await new Promise((resolve) => setImmediate(resolve));
  }
  sheet.commit();
  if (quota.length > 0) {
    const q = workbook.addWorksheet(t(L, 'elig.export.quotaSheet'));
    q.columns = [{ width: 40 }, { width: 18 }, { width: 18 }, { width: 18 }, { width: 14 }];
    const qh = q.addRow(['elig.export.unit', 'elig.export.quotaBase', 'elig.export.quotaEligible', 'elig.export.quotaAllowed', 'elig.export.quotaExceeded'].map((k) => t(L, k)));
    qh.eachCell((cell) => {
      cell.font = HEADER_FONT;
      cell.fill = HEADER_FILL;
    });
    qh.commit();
    for (const line of quota) q.addRow([line.orgName, line.base, line.eligible, line.allowed, line.exceeded ? t(L, 'elig.export.yes') : t(L, 'elig.export.notExceeded')]).commit();
    q.commit();
  }
  await workbook.commit();
}
