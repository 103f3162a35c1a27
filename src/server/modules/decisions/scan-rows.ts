// Rows of decision_scan as the decision page shows them (kept apart from scan.service.ts so the
// decision's presenter can list scans without importing the upload use case).
import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import type { DecisionScanDto } from '../../../contracts/decisions';

export type ScanRow = {
  id: number; decision_id: number; file_name: string; mime_type: string; size_bytes: number; sha256: string; stored_path: string;
  status: DecisionScanDto['status']; uploaded_at: string; uploaded_by_name: string | null;
};

export const SELECT_SCAN = sql`
  select s.id, s.decision_id, s.file_name, s.mime_type, s.size_bytes, s.sha256, s.stored_path, s.status,
         to_json(s.uploaded_at)#>>'{}' as uploaded_at, u.display_name as uploaded_by_name
  from decision_scan s left join app_user u on u.id = s.uploaded_by`;

export const presentScan = (s: ScanRow): DecisionScanDto => ({
  id: Number(s.id), fileName: s.file_name, mimeType: s.mime_type, sizeBytes: Number(s.size_bytes), sha256: s.sha256,
  status: s.status, uploadedAt: s.uploaded_at, uploadedByName: s.uploaded_by_name,
});

/** Every scan of a decision, the active one first, then the superseded ones newest first. */
export async function scansOf(db: DbOrTx, decisionId: number): Promise<DecisionScanDto[]> {
  const r = await db.execute<ScanRow>(sql`${SELECT_SCAN} where s.decision_id = ${decisionId} order by s.status = 'ACTIVE' desc, s.uploaded_at desc, s.id desc`);
  return r.rows.map(presentScan);
}
