import { Text } from '@mantine/core';
import type { BatchItem } from '../../../../contracts/eligibility';
import { useT } from '../../../lib/i18n';
import { AnchorLink } from '../../../components/ui/links';
import { ResponsiveTable, type Column } from '../../../components/ui/responsive-table';
import { EligibilityStatusBadge } from './status-badge';
import { ReasonList } from './reason-list';

interface BatchTableProps {
  rows: BatchItem[];
  target: string;
  year: number;
  loading: boolean;
  refreshing: boolean;
}

/** One line per candidate with the first reason that matters; a row opens to every reason. */
export function BatchTable({ rows, target, year, loading, refreshing }: BatchTableProps) {
  const t = useT();
  const columns: Column<BatchItem>[] = [
    {
      key: 'name',
      header: t('web.elig.col.name'),
      primary: true,
      cell: (item) =>
        item.candidate.kind === 'PERSON' ? (
          <AnchorLink to="/doan-vien/$memberId/xet-dieu-kien" params={{ memberId: item.candidate.id }} search={{ target, year }} fw={500}>
            {item.candidate.name}
          </AnchorLink>
        ) : (
          <AnchorLink to="/to-chuc/$orgId" params={{ orgId: item.candidate.id }} fw={500}>
            {item.candidate.name}
          </AnchorLink>
        ),
    },
    { key: 'unit', header: t('web.elig.col.unit'), cell: (item) => item.candidate.unitName ?? '' },
    { key: 'status', header: t('web.elig.col.status'), width: 190, cell: (item) => <EligibilityStatusBadge status={item.status} size="sm" testId="elig-row-status" /> },
    {
      key: 'summary',
      header: t('web.elig.col.summary'),
      cell: (item) => (
        <Text size="sm" lineClamp={2} title={item.summary}>
          {item.summary}
        </Text>
      ),
    },
  ];
  return (
    <ResponsiveTable
      caption={t('web.elig.tableCaption')}
      columns={columns}
      rows={rows}
      rowKey={(item) => `${item.candidate.kind}-${item.candidate.id}`}
      loading={loading}
      refreshing={refreshing}
      empty={t('web.elig.empty')}
      renderDetail={(item) => <ReasonList reasons={item.reasons} testId="elig-reasons" />}
      testId="elig-table"
      rowTestId="elig-row"
      minWidth={820}
    />
  );
}
