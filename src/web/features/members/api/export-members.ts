import { downloadUrl } from '../../../lib/api-client';
import type { memberExportParams } from '../routes/search';

/** A plain link so the browser downloads the file itself, with the session cookie. */
export function memberExportUrl(filters: ReturnType<typeof memberExportParams>): string {
  return downloadUrl('/members/export.xlsx', filters);
}
