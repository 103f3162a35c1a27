import { z } from 'zod';
import { IMPORT_STATUSES } from './enums';

/** One problem found in an uploaded file, shown to the user as "Dòng 7, cột Số CCCD: …". */
export const importRowError = z.object({
  row: z.number().int(), // 1-based spreadsheet row number (header is row 1)
  column: z.string().nullable(), // Vietnamese column header, or null for whole-file problems
  code: z.string(), // catalogue key, e.g. 'import.cccdFormat'
  message: z.string(), // already translated
  value: z.string().nullable(),
});
export type ImportRowError = z.infer<typeof importRowError>;

export const importJob = z.object({
  id: z.number().int(),
  kind: z.literal('members'),
  status: z.enum(IMPORT_STATUSES),
  fileName: z.string(),
  orgId: z.number().int(),
  totalRows: z.number().int(),
  processedRows: z.number().int(),
  /** Counts known after validation: how many rows create a person, how many update one. */
  toCreate: z.number().int(),
  toUpdate: z.number().int(),
  errorCount: z.number().int(),
  errors: z.array(importRowError), // first 200 errors
  createdAt: z.string(),
  finishedAt: z.string().nullable(),
});
export type ImportJob = z.infer<typeof importJob>;
