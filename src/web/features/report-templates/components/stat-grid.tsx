import { Text } from '@mantine/core';
import type { PreviewDto } from '../api/report-templates';
import { ResponsiveTable, type Column } from '../../../components/ui/responsive-table';
import { useT } from '../../../lib/i18n';
import { DECIMAL_MEASURES } from '../../../../contracts/report-templates';

type GridRow = PreviewDto['grid']['rows'][number];

const formatCell = (v: number | null, decimal: boolean) =>
  v === null ? '' : v.toLocaleString('vi-VN', decimal ? { minimumFractionDigits: 1, maximumFractionDigits: 1 } : { maximumFractionDigits: 0 });

/** The evaluated form as it will be printed: the title lines, then the table (cards on phones). */
export function StatGrid({ preview, refreshing }: { preview: PreviewDto; refreshing?: boolean }) {
  const t = useT();
  const g = preview.grid;
  const columns: Column<GridRow>[] = [
    { key: 'no', header: t('web.reportTemplates.grid.no'), cell: (r) => r.number ?? '', width: 56, hideOnCard: true },
    {
      key: 'label', header: g.labelHeader, primary: true,
      cell: (r) => (
        <Text span fw={r.bold ? 700 : 400} pl={r.depth * 12}>
          {r.number ? `${r.number}. ` : ''}{r.label}
        </Text>
      ),
    },
    ...g.columns.map((c, i): Column<GridRow> => ({
      key: `c${i}`,
      header: c.label,
      width: 120,
      cell: (r) => (
        <Text span fw={r.bold ? 700 : 400} data-testid={`cell-${r.key}-${i}`}>
          {formatCell(r.cells[i] ?? null, DECIMAL_MEASURES.includes(c.measure))}
        </Text>
      ),
    })),
  ];
  return (
    <div data-testid="stat-grid" aria-busy={refreshing}>
      <Text size="sm" c="dimmed">{g.unitLine} · {g.formCode}</Text>
      {g.titleLines.map((l, i) => (
        <Text key={i} fw={i === 0 ? 700 : 400} fs={i === 0 ? undefined : 'italic'} ta="center">{l}</Text>
      ))}
      <ResponsiveTable columns={columns} rows={g.rows} rowKey={(r) => r.key} caption={g.titleLines[0] ?? ''} refreshing={refreshing} minWidth={480} rowTestId="grid-row" />
      {g.notes.map((n, i) => (
        <Text key={i} size="sm" fs="italic" mt={4}>{n}</Text>
      ))}
    </div>
  );
}
