import { Progress, Stack, Text } from '@mantine/core';
import type { ImportJob } from '../../../../contracts/imports';
import { useT } from '../../../lib/i18n';
import { formatNumber } from '../../../lib/format';

/** Progress of checking (VALIDATING) or writing (COMMITTING) a file, with counts. */
export function JobProgress({ job }: { job: ImportJob }) {
  const t = useT();
  const known = job.totalRows > 0;
  const percent = known ? Math.min(100, Math.round((job.processedRows / job.totalRows) * 100)) : 100;
  const label = job.status === 'COMMITTING' ? t('web.import.progress.committing') : t('web.import.progress.validating');
  return (
    <Stack gap={6} maw={640}>
      <Text fw={500}>{label}</Text>
      <Progress value={percent} size="lg" animated striped={!known} aria-label={label} aria-valuetext={known ? `${percent}%` : undefined} />
      <Text size="sm" c="dimmed" aria-live="polite">
        {known ? t('web.import.progress.rows', { processed: formatNumber(job.processedRows), total: formatNumber(job.totalRows), percent }) : t('web.import.progress.reading')}
      </Text>
      <Text size="xs" c="dimmed">
        {t('web.import.progress.canLeave')}
      </Text>
    </Stack>
  );
}
