import { Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconCircleCheck, IconCircleX, IconMinus } from '@tabler/icons-react';
import { useT } from '../../../lib/i18n';
import { formatNumber } from '../../../lib/format';
import type { DashboardDto } from '../api/dashboard';

type Share = DashboardDto['shares'][number];

const percentText = (value: number | null) => (value === null ? '—' : `${formatNumber(value)} %`);
const signed = (value: number) => `${value > 0 ? '+' : ''}${formatNumber(value)}`;

/** The three shares of individual awards, each with the year before and the target (met is said in words, not only colour). */
export function ShareCards({ data }: { data: DashboardDto }) {
  const t = useT();
  return (
    <Stack gap="sm">
      <Title order={2} size="h4">
        {t('web.dashboard.shares.title')}
      </Title>
      <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
        {data.shares.map((s) => (
          <ShareCard key={s.key} share={s} year={data.year} />
        ))}
      </SimpleGrid>
    </Stack>
  );
}

function ShareCard({ share: s, year }: { share: Share; year: number }) {
  const t = useT();
  const state = s.meetsTarget === null ? 'unknown' : s.meetsTarget ? 'met' : 'notMet';
  const Icon = state === 'met' ? IconCircleCheck : state === 'notMet' ? IconCircleX : IconMinus;
  return (
    <Paper withBorder p="sm" component="section" aria-label={s.label} data-testid="dashboard-share" data-share={s.key}>
      <Stack gap={4}>
        <Text size="sm" fw={600}>
          {s.label}
        </Text>
        <Text size="xl" fw={700} data-testid="dashboard-share-percent">
          {percentText(s.current.percent)}
        </Text>
        <Text size="sm" data-testid="dashboard-share-ratio">
          {s.current.denominator === 0 ? t('web.dashboard.shares.none') : t('web.dashboard.shares.ofAwards', { numerator: formatNumber(s.current.numerator), denominator: formatNumber(s.current.denominator) })}
        </Text>
        <Text size="sm" c="dimmed">
          {t('web.dashboard.shares.previous', { year: year - 1, value: percentText(s.previous.percent) })}
        </Text>
        <Text size="sm" c="dimmed" data-testid="dashboard-share-change">
          {s.changePoints === null ? t('web.dashboard.shares.noChange') : t('web.dashboard.shares.change', { value: signed(s.changePoints) })}
        </Text>
        <Text size="sm">{t(s.targetIsDefault ? 'web.dashboard.shares.targetDefault' : 'web.dashboard.shares.target', { target: formatNumber(s.target) })}</Text>
        <Group gap={4} wrap="nowrap" data-testid="dashboard-share-target" data-met={state}>
          <Icon size={18} aria-hidden color={state === 'met' ? 'var(--mantine-color-green-9)' : state === 'notMet' ? 'var(--mantine-color-red-9)' : undefined} />
          <Text size="sm" fw={600} c={state === 'notMet' ? 'red.9' : undefined}>
            {t(`web.dashboard.shares.${state}`)}
          </Text>
        </Group>
      </Stack>
    </Paper>
  );
}
