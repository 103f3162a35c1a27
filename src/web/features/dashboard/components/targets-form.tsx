import { useState } from 'react';
import { Button, Group, NumberInput, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { DASHBOARD_DEFAULT_TARGETS, SHARE_KEYS, type ShareKey } from '../../../../contracts/dashboard';
import { useT } from '../../../lib/i18n';
import type { DashboardTargets } from '../routes/search';

const PARAM: Record<ShareKey, keyof DashboardTargets> = {
  NON_LEADER: 'targetNonLeader', DIRECT_WORKER: 'targetDirectWorker', WOMEN: 'targetWomen', SMALL_COLLECTIVE: 'targetSmallCollective',
};

/** The share targets in per cent; applied into the page address (a link keeps them), empty = the default. */
export function TargetsForm({ value, onApply }: { value: DashboardTargets; onApply: (targets: DashboardTargets) => void }) {
  const t = useT();
  const [draft, setDraft] = useState<DashboardTargets>(value);
  // Follow the URL when it changes (a link, "Về mặc định"), not on every render of the page.
  const key = JSON.stringify(value);
  const [shown, setShown] = useState(key);
  if (shown !== key) {
    setShown(key);
    setDraft(value);
  }
  return (
    <Paper
      withBorder
      p="sm"
      component="form"
      aria-label={t('web.dashboard.targets.title')}
      data-testid="dashboard-targets"
      onSubmit={(e) => {
        e.preventDefault();
        onApply(draft);
      }}
    >
      <Stack gap="xs">
        <Title order={2} size="h5">
          {t('web.dashboard.targets.title')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('web.dashboard.targets.hint')}
        </Text>
        <SimpleGrid cols={{ base: 2, md: 4 }} spacing="sm">
          {SHARE_KEYS.map((key) => (
            <NumberInput
              key={key}
              label={t(`web.dashboard.targets.${key}`)}
              placeholder={String(DASHBOARD_DEFAULT_TARGETS[key])}
              min={0}
              max={100}
              decimalScale={1}
              suffix=" %"
              value={draft[PARAM[key]] ?? ''}
              onChange={(v) => setDraft((d) => ({ ...d, [PARAM[key]]: v === '' || v === undefined ? undefined : Math.min(100, Math.max(0, Number(v))) }))}
              data-testid="dashboard-target-input"
              data-share={key}
            />
          ))}
        </SimpleGrid>
        <Group gap="sm">
          <Button type="submit" size="sm" data-testid="dashboard-targets-apply">
            {t('web.dashboard.targets.apply')}
          </Button>
          <Button type="button" size="sm" variant="default" onClick={() => onApply({})} data-testid="dashboard-targets-reset">
            {t('web.dashboard.targets.reset')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
