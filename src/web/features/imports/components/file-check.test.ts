import { describe, expect, it } from 'vitest';
import { checkImportFile } from './file-check';

describe('checkImportFile', () => {
  it('accepts an Excel workbook within the limit', () => {
    expect(checkImportFile({ name: 'Danh sách đoàn viên.xlsx', size: 1024 })).toBeNull();
    expect(checkImportFile({ name: 'DS.XLSX', size: 30 * 1024 * 1024 })).toBeNull();
  });
  it('refuses other formats, including old .xls and CSV', () => {
    expect(checkImportFile({ name: 'ds.xls', size: 10 })).toBe('notXlsx');
    expect(checkImportFile({ name: 'ds.csv', size: 10 })).toBe('notXlsx');
    expect(checkImportFile({ name: 'ds.xlsx.pdf', size: 10 })).toBe('notXlsx');
  });
  it('refuses files over the limit and empty files', () => {
    expect(checkImportFile({ name: 'ds.xlsx', size: 30 * 1024 * 1024 + 1 })).toBe('tooLarge');
    expect(checkImportFile({ name: 'ds.xlsx', size: 0 })).toBe('empty');
  });
});
