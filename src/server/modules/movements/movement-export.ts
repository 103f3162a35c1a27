// "Xuất Excel" of the movement list: exactly the filtered rows (the list query), with the
// compliance figures of each movement's registration request read in one set-based statement.
// Headers are Vietnamese whatever the UI locale.
import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { t } from '../../../contracts/messages';
import { isoToVnDate } from '../imports/xlsx';
import { tableWorkbook } from '../imports/xlsx/table-workbook';
import type { MovementRow } from './movements.repository';

export const MOVEMENT_EXPORT_MAX_ROWS = 20_000;

type Figures = { asked: number; onTime: number; late: number; missing: number };

/** Units asked / answered by the deadline (Vietnam's time) / late / not yet, per movement that asked to register. */
export async function registrationFiguresOf(db: DbOrTx, movementIds: number[]): Promise<Map<number, Figures>> {
  if (movementIds.length === 0) return new Map();
  const r = await db.execute<{ movement_id: number; asked: number; on_time: number; late: number; missing: number }>(sql`
    select r.source_id as movement_id, count(t.org_id)::int as asked,
           count(*) filter (where t.responded_at is not null and (t.responded_at at time zone 'Asia/Ho_Chi_Minh')::date <= r.deadline)::int as on_time,
           count(*) filter (where t.responded_at is not null and (t.responded_at at time zone 'Asia/Ho_Chi_Minh')::date > r.deadline)::int as late,
           count(t.org_id) filter (where t.responded_at is null)::int as missing
    from response_request r left join request_target t on t.request_id = r.id
    where r.source_type = 'movement' and r.response_kind = 'REGISTRATION' and r.source_id = any(${sql.param(movementIds)}::bigint[])
    group by r.source_id`);
  return new Map(r.rows.map((x) => [Number(x.movement_id), { asked: Number(x.asked), onTime: Number(x.on_time), late: Number(x.late), missing: Number(x.missing) }]));
}

export interface MovementExportMeta {
  /** Human description of the filter, e.g. "Năm 2026, Phát động". */
  filter: string;
  /** Movements matching the filter (more than the rows when capped). */
  total: number;
}

const vi = (key: string, params?: Record<string, string | number>) => t('vi', key, params);
const vnNumber = (n: number) => n.toLocaleString('vi-VN');

export function movementWorkbook(rows: readonly MovementRow[], figures: Map<number, Figures>, meta: MovementExportMeta): Promise<Buffer> {
  const c = (k: string, width: number) => ({ header: vi(`movement.export.col.${k}`), width });
  const lines = [vi('movement.export.filter', { filter: meta.filter })];
  if (meta.total > rows.length) lines.push(vi('movement.export.capped', { total: vnNumber(meta.total), max: vnNumber(rows.length) }));
  return tableWorkbook({
    sheet: vi('movement.export.sheet'),
    title: vi('movement.export.title'),
    lines,
    columns: [
      c('no', 6), c('org', 36), c('title', 60), c('kind', 20), c('year', 7), c('startsOn', 12), c('endsOn', 12), c('status', 16), c('launchedOn', 14),
      c('asked', 14), c('onTime', 12), c('late', 12), c('missing', 12), c('awards', 60),
    ],
    rows: rows.map((m, i) => {
      const f = figures.get(Number(m.id));
      return [
        i + 1, m.org_name, m.title, vi(`movement.kind.${m.kind}`), Number(m.year), isoToVnDate(m.starts_on), isoToVnDate(m.ends_on),
        vi(`movement.status.${m.status}`), m.launched_on ? isoToVnDate(m.launched_on) : '',
        f?.asked ?? null, f?.onTime ?? null, f?.late ?? null, f?.missing ?? null, m.offered_names.map((a) => a.name).join('; '),
      ];
    }),
  });
}
