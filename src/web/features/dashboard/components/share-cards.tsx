import { Fragment, type ReactNode } from 'react';
import { Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconCircleCheck, IconCircleX, IconMinus } from '@tabler/icons-react';
import { useT } from '../../../lib/i18n';
import { formatNumber } from '../../../lib/format';
import type { DashboardDto } from '../api/dashboard';
import { DrillButton } from './drill-button';

type Share = DashboardDto['shares'][number];

const percentText = (value: number | null) => (value === null ? '—' : `${formatNumber(value)} %`);
const signed = (value: number) => `${value > 0 ? '+' : ''}${formatNumber(value)}`;

/** A message template with `{name}` places filled by elements (buttons inside a sentence). */
function fill(template: string, parts: Record<string, ReactNode>): ReactNode {
  return template.split(/\{(\w+)\}/).map((piece, i) => <Fragment key={i}>{i % 2 === 1 ? (parts[piece] ?? piece) : piece}</Fragment>);
}

/**
 * The four shares — three of individual awards, the small-collective one of collective awards — each
 * with the year before and the target (met is said in words, not only colour); every count opens the
 * records behind it.
 */
export function ShareCards({ data }: { data: DashboardDto }) {
  const t = useT();
  return (
    <Stack gap="sm">
      <Title order={2} size="h4">
        {t('web.dashboard.shares.title')}
      </Title>
      <Text size="sm" c="dimmed">
        {t('web.dashboard.shares.individualNote')}
      </Text>
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }} spacing="sm">
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
  const collective = s.key === 'SMALL_COLLECTIVE';
  const button = (part: 'NUMERATOR' | 'DENOMINATOR', period: 'THIS' | 'PREVIOUS') => {
    const f = period === 'THIS' ? s.current : s.previous;
    const value = part === 'NUMERATOR' ? f.numerator : f.denominator;
    const what = part === 'NUMERATOR' ? s.label : t(collective ? 'web.dashboard.awards.collectives' : 'web.dashboard.awards.individuals');
    return (
      <span data-testid={part === 'NUMERATOR' ? 'dashboard-share-numerator' : 'dashboard-share-denominator'} data-period={period}>
        <DrillButton figure={{ figure: 'share', key: s.key, part, period }} value={value} label={`${what}, ${period === 'THIS' ? year : year - 1}`} />
      </span>
    );
  };
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
          {s.current.denominator === 0
            ? t(collective ? 'web.dashboard.shares.collectiveNone' : 'web.dashboard.shares.none')
            : fill(t(collective ? 'web.dashboard.shares.collectiveOfAwards' : 'web.dashboard.shares.ofAwards'), { numerator: button('NUMERATOR', 'THIS'), denominator: button('DENOMINATOR', 'THIS') })}
        </Text>
        <Text size="sm" c="dimmed" data-testid="dashboard-share-previous">
          {s.previous.denominator === 0
            ? t('web.dashboard.shares.previous', { year: year - 1, value: percentText(null) })
            : fill(t('web.dashboard.shares.previousOf', { year: year - 1, value: percentText(s.previous.percent) }), {
                numerator: button('NUMERATOR', 'PREVIOUS'),
                denominator: button('DENOMINATOR', 'PREVIOUS'),
              })}
        </Text>
        <Text size="sm" c="dimmed" data-testid="dashboard-share-change">
          {s.changePoints === null ? t('web.dashboard.shares.noChange') : t('web.dashboard.shares.change', { value: signed(s.changePoints) })}
        </Text>
        <Text size="sm" data-testid="dashboard-share-target-value">
          {t(s.targetIsDefault ? 'web.dashboard.shares.targetDefault' : 'web.dashboard.shares.target', { target: formatNumber(s.target) })}
        </Text>
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
