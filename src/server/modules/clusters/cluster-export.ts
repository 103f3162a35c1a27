// "Xuất Excel" of the cluster list: one row per member unit of each filtered cluster or block
// (a cluster without members still gets a row). Headers are Vietnamese whatever the UI locale.
import { t } from '../../../contracts/messages';
import { isoToVnDate } from '../imports/xlsx';
import { tableWorkbook } from '../imports/xlsx/table-workbook';
import type { ClusterRow } from './clusters.repository';

export const CLUSTER_EXPORT_MAX_ROWS = 20_000;

const vi = (key: string, params?: Record<string, string | number>) => t('vi', key, params);

type Cell = string | number | null;

/** The member rows of the clusters, in list order, at most `max`; `capped` when some were left out. */
export function clusterExportRows(clusters: readonly ClusterRow[], max: number): { rows: Cell[][]; capped: boolean } {
  const rows: Cell[][] = [];
  for (const c of clusters) {
    const common = [c.name, vi(`cluster.export.kind.${c.kind}`), Number(c.year), vi(`cluster.export.level.${c.level}`)];
    const tail = [c.covenant_signed_on ? isoToVnDate(c.covenant_signed_on) : '', c.leader_name ?? ''];
    const members = c.members.length > 0 ? c.members : [null];
    for (const m of members) {
      if (rows.length >= max) return { rows, capped: true };
      rows.push([rows.length + 1, ...common, m?.name ?? '', m ? vi(`cluster.docx.role.${m.role}`) : '', m ? Number(m.rotationOrder) : null, ...tail]);
    }
  }
  return { rows, capped: false };
}

export function clusterWorkbook(clusters: readonly ClusterRow[], meta: { filter: string; moreClusters: boolean }): Promise<Buffer> {
  const c = (k: string, width: number) => ({ header: vi(`cluster.export.col.${k}`), width });
  const { rows, capped } = clusterExportRows(clusters, CLUSTER_EXPORT_MAX_ROWS);
  const lines = [vi('cluster.export.filter', { filter: meta.filter })];
  if (capped || meta.moreClusters) lines.push(vi('cluster.export.capped', { max: CLUSTER_EXPORT_MAX_ROWS.toLocaleString('vi-VN') }));
  return tableWorkbook({
    sheet: vi('cluster.export.sheet'),
    title: vi('cluster.export.title'),
    lines,
    columns: [c('no', 6), c('cluster', 40), c('kind', 14), c('year', 7), c('level', 26), c('unit', 44), c('role', 14), c('rotation', 12), c('signedOn', 14), c('leader', 40)],
    rows,
  });
}
