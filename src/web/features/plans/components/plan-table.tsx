import { Badge, Text } from '@mantine/core';
import type { PlanDto } from '../../../../contracts/plans';
import { useT } from '../../../lib/i18n';
import { formatDate } from '../../../lib/format';
import { ResponsiveTable, type Column } from '../../../components/ui/responsive-table';
import { AnchorLink } from '../../../components/ui/links';

/** A draft carries the "Dự thảo" badge instead of its (not yet assigned) number. */
export function PlanNumber({ plan }: { plan: PlanDto }) {
  const t = useT();
  if (plan.status === 'DRAFT') {
    return (
      <Badge color="orange" variant="light" style={{ textTransform: 'none' }} data-testid="plan-status" data-status={plan.status}>
        {t('web.plans.status.DRAFT')}
      </Badge>
    );
  }
  return (
    <Text span size="sm" style={{ whiteSpace: 'nowrap' }} data-testid="plan-status" data-status={plan.status}>
      {plan.numberLine}
    </Text>
  );
}

interface PlanTableProps {
  rows: PlanDto[];
  loading: boolean;
  refreshing: boolean;
  onOpen: (plan: PlanDto) => void;
}

export function PlanTable({ rows, loading, refreshing, onOpen }: PlanTableProps) {
  const t = useT();
  const columns: Column<PlanDto>[] = [
    { key: 'title', header: t('web.plans.field.title'), primary: true, cell: (p) => (
        <AnchorLink to="/ke-hoach/$planId" params={{ planId: p.id }} size="sm" fw={500} data-testid="plan-open">
          {p.title}
        </AnchorLink>
      ),
    },
    { key: 'number', header: t('web.plans.field.number'), cell: (p) => <PlanNumber plan={p} /> },
    { key: 'unit', header: t('web.plans.field.unit'), cell: (p) => p.orgName },
    { key: 'year', header: t('web.plans.field.year'), cell: (p) => String(p.year) },
    { key: 'issuedOn', header: t('web.plans.field.issuedOn'), cell: (p) => (p.issuedOn ? formatDate(p.issuedOn) : '—') },
  ];
  return (
    <ResponsiveTable
      caption={t('web.plans.tableCaption')}
      columns={columns}
      rows={rows}
      rowKey={(p) => p.id}
      loading={loading}
      refreshing={refreshing}
      onRowClick={onOpen}
      empty={t('web.plans.empty')}
      testId="plan-table"
      rowTestId="plan-row"
      minWidth={800}
    />
  );
}
