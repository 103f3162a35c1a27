import { LIMITS } from '../../../../contracts/limits';

export type FileProblem = 'notXlsx' | 'tooLarge' | 'empty';

/** The browser refuses obviously wrong files before uploading (the server checks again). */
export function checkImportFile(file: { name: string; size: number }, maxBytes: number = LIMITS.importMaxBytes): FileProblem | null {
  if (!/\.xlsx$/i.test(file.name.trim())) return 'notXlsx';
  if (file.size === 0) return 'empty';
  if (file.size > maxBytes) return 'tooLarge';
  return null;
}
