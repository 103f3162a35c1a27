import { Alert, Group, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useT } from '../../../lib/i18n';
import { formatNumber } from '../../../lib/format';
import { ErrorAlert } from '../../../components/ui/error-alert';
import { LoadingBlock } from '../../../components/ui/loading-block';
import { useWhatIf } from '../api/nominations';

const percent = (share: number | null) => (share === null ? '—' : `${formatNumber(Math.round(share * 1000) / 10)} %`);

/** How the unit's list stands against quotas and the shares the round asks for, before it is sent. */
export function WhatIfPanel({ roundId, orgId }: { roundId: number; orgId: number | null }) {
  const t = useT();
  const whatIf = useWhatIf(roundId, orgId);
  if (orgId === null) return null;
  if (whatIf.isPending) return <LoadingBlock />;
  if (whatIf.error) return <ErrorAlert error={whatIf.error} />;
  const w = whatIf.data;
  const figures: [string, string][] = [
    [t('web.nominations.whatIf.total'), formatNumber(w.total)],
    [t('web.nominations.whatIf.persons'), formatNumber(w.persons)],
    [t('web.nominations.whatIf.units'), formatNumber(w.units)],
    [t('web.nominations.whatIf.nonLeaderShare'), percent(w.nonLeaderShare)],
    [t('web.nominations.whatIf.directWorkerShare'), percent(w.directWorkerShare)],
    [t('web.nominations.whatIf.womenShare'), percent(w.womenShare)],
    [t('web.nominations.whatIf.notEligible'), formatNumber(w.notEligible)],
  ];
  return (
    <Paper withBorder p="sm" data-testid="nwhatif-panel">
      <Stack gap="xs">
        <Title order={2} size="h5">
          {t('web.nominations.whatIf.title')}
        </Title>
        <SimpleGrid cols={{ base: 2, sm: 4, md: 7 }} spacing="xs">
          {figures.map(([label, value]) => (
            <Stack key={label} gap={0}>
              <Text size="xs" c="dimmed">
                {label}
              </Text>
              <Text fw={600}>{value}</Text>
            </Stack>
          ))}
        </SimpleGrid>
        {w.byAward.length > 0 && (
          <Table.ScrollContainer minWidth={320}>
            <Table aria-label={t('web.nominations.whatIf.byAward')}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('web.nominations.field.award')}</Table.Th>
                  <Table.Th>{t('web.nominations.whatIf.proposed')}</Table.Th>
                  <Table.Th>{t('web.nominations.whatIf.allowed')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {w.byAward.map((a) => (
                  <Table.Tr key={a.awardCode} c={a.over > 0 ? 'red.8' : undefined}>
                    <Table.Td>{a.awardName}</Table.Td>
                    <Table.Td>{formatNumber(a.proposed)}</Table.Td>
                    <Table.Td>{a.allowed === null ? t('web.nominations.whatIf.noQuota') : formatNumber(a.allowed)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
        {w.warnings.length > 0 && (
          <Alert color="orange" variant="light" icon={<IconAlertTriangle size={18} aria-hidden />} data-testid="nwhatif-warnings">
            <Stack gap={2}>
              {w.warnings.map((warning) => (
                <Group key={warning} gap={4}>
                  <Text size="sm">{warning}</Text>
                </Group>
              ))}
            </Stack>
          </Alert>
        )}
      </Stack>
    </Paper>
  );
}
