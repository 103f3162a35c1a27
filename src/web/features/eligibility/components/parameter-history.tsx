import { Paper, Text, Title } from '@mantine/core';
import type { RulePackDto } from '../../../../contracts/eligibility';
import { findParameter } from '../../../../domain/eligibility';
import { useT } from '../../../lib/i18n';
import { formatDate, formatDateTime } from '../../../lib/format';
import { ErrorAlert } from '../../../components/ui/error-alert';
import { ResponsiveTable, type Column } from '../../../components/ui/responsive-table';
import { useParameterChanges, type ParameterChangeEntry } from '../api/rules';
import { formatParamValue } from './param-value';

/** Every change administrators made, newest first, with its reason (kept for the record). */
export function ParameterHistory({ packs }: { packs: RulePackDto[] | undefined }) {
  const t = useT();
  const changes = useParameterChanges();
  const packName = (id: string) => packs?.find((p) => p.id === id)?.name ?? id;
  const columns: Column<ParameterChangeEntry>[] = [
    {
      key: 'key',
      header: t('web.rules.param.key'),
      primary: true,
      cell: (c) => (
        <Text size="sm" ff="monospace" style={{ overflowWrap: 'anywhere' }}>
          {c.key}
        </Text>
      ),
    },
    { key: 'pack', header: t('web.rules.history.pack'), cell: (c) => packName(c.packId) },
    { key: 'value', header: t('web.rules.history.value'), cell: (c) => formatParamValue(findParameter(c.packId, c.key)?.type ?? 'number', c.value, t) },
    { key: 'from', header: t('web.rules.history.effectiveFrom'), cell: (c) => formatDate(c.effectiveFrom) },
    { key: 'reason', header: t('web.common.reason'), cell: (c) => c.reason },
    { key: 'at', header: t('web.rules.history.at'), cell: (c) => formatDateTime(c.createdAt) },
  ];
  return (
    <Paper withBorder p="md">
      <Title order={2} fz="h4" mb="sm">
        {t('web.rules.history.title')}
      </Title>
      <ErrorAlert error={changes.error} />
      <ResponsiveTable
        caption={t('web.rules.history.title')}
        columns={columns}
        rows={changes.data ?? []}
        rowKey={(c) => c.id}
        loading={changes.isPending}
        empty={t('web.rules.history.empty')}
        testId="param-history"
        rowTestId="param-history-row"
        minWidth={760}
      />
    </Paper>
  );
}
