import { Badge } from '@mantine/core';
import type { MovementDto, MovementStatus } from '../../../../contracts/movements';
import { useT } from '../../../lib/i18n';
import { formatDate } from '../../../lib/format';
import { ResponsiveTable, type Column } from '../../../components/ui/responsive-table';
import { AnchorLink } from '../../../components/ui/links';

const STATUS_COLOR: Record<MovementStatus, string> = {
  DRAFT: 'orange',
  LAUNCHED: 'blue',
  IN_PROGRESS: 'cyan',
  MID_REVIEW: 'grape',
  FINAL_REVIEW: 'teal',
  CLOSED: 'gray',
};

export function MovementStatusBadge({ status }: { status: MovementStatus }) {
  const t = useT();
  return (
    <Badge color={STATUS_COLOR[status]} variant="light" style={{ textTransform: 'none' }} data-testid="movement-status" data-status={status}>
      {t(`movement.status.${status}`)}
    </Badge>
  );
}

interface MovementTableProps {
  rows: MovementDto[];
  loading: boolean;
  refreshing: boolean;
  onOpen: (m: MovementDto) => void;
}

export function MovementTable({ rows, loading, refreshing, onOpen }: MovementTableProps) {
  const t = useT();
  const columns: Column<MovementDto>[] = [
    {
      key: 'title', header: t('web.movements.field.title'), primary: true, cell: (m) => (
        <AnchorLink to="/phong-trao/$movementId" params={{ movementId: m.id }} size="sm" fw={500} data-testid="movement-open">
          {m.title}
        </AnchorLink>
      ),
    },
    { key: 'status', header: t('web.movements.field.status'), cell: (m) => <MovementStatusBadge status={m.status} /> },
    { key: 'kind', header: t('web.movements.field.kind'), cell: (m) => t(`movement.kind.${m.kind}`) },
    { key: 'unit', header: t('web.movements.field.unit'), cell: (m) => m.orgName },
    { key: 'period', header: t('web.movements.field.period'), cell: (m) => `${formatDate(m.startsOn)} – ${formatDate(m.endsOn)}` },
  ];
  return (
    <ResponsiveTable
      caption={t('web.movements.tableCaption')}
      columns={columns}
      rows={rows}
      rowKey={(m) => m.id}
      loading={loading}
      refreshing={refreshing}
      onRowClick={onOpen}
      empty={t('web.movements.empty')}
      testId="movement-table"
      rowTestId="movement-row"
      minWidth={800}
    />
  );
}
