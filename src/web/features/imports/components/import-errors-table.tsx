import { Alert, Stack, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import type { ImportJob, ImportRowError } from '../../../../contracts/imports';
import { useT } from '../../../lib/i18n';
import { formatNumber } from '../../../lib/format';
import { ResponsiveTable, type Column } from '../../../components/ui/responsive-table';

/** Why the file was refused, row by row, so the user can fix it in Excel and upload again. */
export function ImportErrorsTable({ job }: { job: ImportJob }) {
  const t = useT();
  type Row = ImportRowError & { index: number };
  const rows: Row[] = job.errors.map((error, index) => ({ ...error, index }));
  const columns: Column<Row>[] = [
    { key: 'row', header: t('web.import.errors.row'), cell: (e) => (e.row > 0 ? formatNumber(e.row) : '—'), width: 80 },
    { key: 'column', header: t('web.import.errors.column'), cell: (e) => e.column ?? t('web.import.errors.wholeFile'), width: 180 },
    { key: 'message', header: t('web.import.errors.message'), primary: true, cell: (e) => e.message },
    { key: 'value', header: t('web.import.errors.value'), cell: (e) => (e.value === null || e.value === '' ? '' : <Text span ff="monospace" size="sm">{e.value}</Text>) },
  ];
  return (
    <Stack gap="sm">
      <Alert color="red" icon={<IconAlertTriangle size={18} aria-hidden />} title={t('web.import.errors.title', { count: formatNumber(job.errorCount) })} role="alert">
        {t('web.import.errors.help')}
        {job.errorCount > job.errors.length && (
          <Text size="sm" mt={4}>
            {t('import.file.errorsTruncated', { total: formatNumber(job.errorCount), shown: formatNumber(job.errors.length) })}
          </Text>
        )}
      </Alert>
      <ResponsiveTable
        caption={t('web.import.errors.caption')}
        columns={columns}
        rows={rows}
        rowKey={(e) => e.index}
        testId="import-errors"
        minWidth={640}
      />
    </Stack>
  );
}
