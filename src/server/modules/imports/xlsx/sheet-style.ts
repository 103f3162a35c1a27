// Layout shared by the template and the export so that both look (and import) the same.
import type { Worksheet } from 'exceljs';
import type { Locale } from '../../../../contracts/enums';
import { t } from '../../../../contracts/messages';
import { MEMBER_COLUMNS } from './member-columns';
import type { MemberColumn } from './member-columns';

export const GENDER_CHOICES = ['Nam', 'Nữ'] as const;
export const YES_NO_CHOICES = ['Có', 'Không'] as const;

/** Style of text-formatted cells: Excel keeps "001190012345" and "15/03/1990" as typed. */
export const TEXT_FORMAT = '@';

export const HEADER_FONT = { bold: true, color: { argb: 'FF1F2937' } };
export const REQUIRED_HEADER_FONT = { bold: true, color: { argb: 'FFB91C1C' } };
export const HEADER_FILL = { type: 'pattern' as const, pattern: 'solid' as const, fgColor: { argb: 'FFE5EDF7' } };

/** 1-based column letter (A, B, …, Z, AA…). */
export function columnLetter(index: number): string {
  let letters = '';
  for (let n = index; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

// `dataValidations` exists on both worksheet kinds but is missing from ExcelJS's typings; the
// "any" type (prompt only, no restriction) is missing from its DataValidation type as well.
interface SheetValidation {
  type: 'list' | 'any';
  formulae?: string[];
  allowBlank?: boolean;
  showErrorMessage?: boolean;
  errorStyle?: 'stop' | 'warning' | 'information';
  errorTitle?: string;
  error?: string;
  showInputMessage?: boolean;
  promptTitle?: string;
  prompt?: string;
}
interface WithDataValidations {
  dataValidations: { add(range: string, validation: SheetValidation): void };
}

/**
 * Rows (below the header) that get drop-downs and prompts. Not the whole import limit: Excel
 * stores a range compactly, but ExcelJS and some other readers expand it to one entry per cell,
 * which makes a 200,000-row range very slow to open. Values are checked on import anyway.
 */
export const VALIDATION_ROWS = 10_000;

/** Drop-downs for Nam/Nữ and Có/Không and input prompts for dates and CCCD. */
export function addMemberValidations(sheet: Worksheet, locale: Locale, columns: readonly MemberColumn[] = MEMBER_COLUMNS): void {
  const validations = (sheet as unknown as WithDataValidations).dataValidations;
  const lastRow = VALIDATION_ROWS + 1;
  columns.forEach((column, i) => {
    const letter = columnLetter(i + 1);
    const range = `${letter}2:${letter}${lastRow}`;
    const title = column.label;
    const list = (choices: readonly string[], errorKey: 'import.template.genderError' | 'import.template.yesNoError') =>
      validations.add(range, {
        type: 'list',
        allowBlank: true,
        formulae: [`"${choices.join(',')}"`],
        showErrorMessage: true,
        errorStyle: 'stop',
        errorTitle: t(locale, 'import.template.invalidTitle'),
        error: t(locale, errorKey),
      });
    if (column.kind === 'gender') list(GENDER_CHOICES, 'import.template.genderError');
    else if (column.kind === 'yesNo') list(YES_NO_CHOICES, 'import.template.yesNoError');
    else if (column.kind === 'date') {
      validations.add(range, { type: 'any', showInputMessage: true, promptTitle: title, prompt: t(locale, 'import.template.datePrompt') });
    } else if (column.key === 'cccd') {
      validations.add(range, { type: 'any', showInputMessage: true, promptTitle: title, prompt: t(locale, 'import.template.cccdPrompt') });
    }
  });
}
