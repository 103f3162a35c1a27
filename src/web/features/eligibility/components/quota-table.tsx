import { Paper, Text, Title } from '@mantine/core';
import type { BatchResult } from '../../../../contracts/eligibility';
import { useT } from '../../../lib/i18n';
import { formatNumber } from '../../../lib/format';
import { ResponsiveTable, type Column } from '../../../components/ui/responsive-table';

type QuotaLine = BatchResult['quota'][number];

/** The quota per grassroots union: how many may be proposed, and where too many are eligible. */
export function QuotaTable({ lines }: { lines: QuotaLine[] }) {
  const t = useT();
  if (lines.length === 0) return null;
  const columns: Column<QuotaLine>[] = [
    { key: 'unit', header: t('web.elig.quota.unit'), primary: true, cell: (l) => l.orgName },
    { key: 'base', header: t('web.elig.quota.base'), cell: (l) => formatNumber(l.base) },
    { key: 'eligible', header: t('web.elig.quota.eligible'), cell: (l) => formatNumber(l.eligible) },
    { key: 'allowed', header: t('web.elig.quota.allowed'), cell: (l) => formatNumber(l.allowed) },
    {
      key: 'state',
      header: t('web.elig.quota.state'),
      cell: (l) =>
        l.exceeded ? (
          <Text span c="red.8" fw={600} size="sm" data-exceeded="true">
            {t('web.elig.quota.exceeded', { count: formatNumber(l.eligible - l.allowed) })}
          </Text>
        ) : (
          <Text span c="teal.8" size="sm">
            {t('web.elig.quota.within')}
          </Text>
        ),
    },
  ];
  return (
    <Paper withBorder p="md" data-testid="elig-quota">
      <Title order={2} fz="h4" mb={4}>
        {t('web.elig.quota.title')}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {t('web.elig.quota.description')}
      </Text>
      <ResponsiveTable caption={t('web.elig.quota.title')} columns={columns} rows={lines} rowKey={(l) => l.orgId} minWidth={560} rowTestId="elig-quota-row" />
    </Paper>
  );
}
