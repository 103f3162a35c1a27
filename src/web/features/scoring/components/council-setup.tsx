import { useMemo, useState } from 'react';
import { Alert, Button, Group, MultiSelect, Paper, Progress, Stack, Text, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconDeviceFloppy } from '@tabler/icons-react';
import type { CouncilDto } from '../../../../contracts/scoring-council';
import { useT } from '../../../lib/i18n';
import { useIsMobile } from '../../../lib/use-is-mobile';
import { ErrorAlert } from '../../../components/ui/error-alert';
import { ResponsiveTable, type Column } from '../../../components/ui/responsive-table';
import { useCouncilCandidates, type useSetupCouncil } from '../api/council';

/**
 * Managers choose the scorers (searchable on the server) and save; the council's version guards
 * concurrent edits. `save` comes from the page so that "saved" outlives the remount on a new version.
 */
export function CouncilSetup({ council, save }: { council: CouncilDto; save: ReturnType<typeof useSetupCouncil> }) {
  const t = useT();
  const isMobile = useIsMobile();
  const [chosen, setChosen] = useState<string[]>(() => council.scorers.map((s) => String(s.userId)));
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 250);
  const candidates = useCouncilCandidates(council.roundId, q, true);
  // Labels of everyone seen so far, so that chosen people keep their names whatever the search shows.
  const [known, setKnown] = useState<Map<string, string>>(() => new Map(council.scorers.map((s) => [String(s.userId), s.displayName])));
  const found = candidates.data?.items;
  const data = useMemo(() => {
    const labels = new Map(known);
    for (const c of found ?? []) labels.set(String(c.userId), `${c.displayName} (${c.username})`);
    return [...labels].map(([value, label]) => ({ value, label }));
  }, [known, found]);

  const onChange = (values: string[]) => {
    setKnown((prev) => {
      const next = new Map(prev);
      for (const v of values) if (!next.has(v)) next.set(v, data.find((d) => d.value === v)?.label ?? v);
      return next;
    });
    setChosen(values);
    save.reset();
  };

  const same = chosen.length === council.scorers.length && council.scorers.every((s) => chosen.includes(String(s.userId)));

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="council-setup-title" data-testid="council-setup">
      <Stack gap="sm">
        <Title order={2} fz="h4" id="council-setup-title">
          {t('web.council.setup.title')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('web.council.setup.help', { organiser: council.organiserName })}
        </Text>
        <MultiSelect
          label={t('web.council.setup.label')}
          placeholder={t('web.council.setup.placeholder')}
          data={data}
          value={chosen}
          onChange={onChange}
          searchable
          searchValue={search}
          onSearchChange={setSearch}
          filter={({ options }) => options}
          nothingFoundMessage={t('web.council.setup.nothing')}
          hidePickedOptions
          clearable
          size={isMobile ? 'md' : 'sm'}
          data-testid="council-scorers"
        />
        <ErrorAlert error={save.error} />
        {save.isSuccess && same && (
          <Alert color="teal" variant="light" role="status" data-testid="council-saved">
            {t('web.council.setup.saved')}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button
            leftSection={<IconDeviceFloppy size={16} aria-hidden />}
            onClick={() => save.mutate({ version: council.version, scorerIds: chosen.map(Number) })}
            disabled={same && council.mode === 'COUNCIL'}
            loading={save.isPending}
            size={isMobile ? 'md' : 'sm'}
            data-testid="council-save"
          >
            {t('web.council.setup.save')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}

type ScorerRow = CouncilDto['scorers'][number];

/** How many units each scorer has submitted (counts only, never the marks). */
export function CouncilProgress({ council }: { council: CouncilDto }) {
  const t = useT();
  const total = council.sheetCount;
  const columns: Column<ScorerRow>[] = [
    { key: 'scorer', header: t('web.council.progress.scorer'), primary: true, cell: (s) => s.displayName },
    {
      key: 'done',
      header: t('web.council.progress.done'),
      cell: (s) => (
        <Stack gap={4} miw={140}>
          <Text size="sm">{t('web.council.progress.count', { done: s.submitted, total })}</Text>
          <Progress value={total === 0 ? 0 : (100 * s.submitted) / total} size="sm" aria-label={t('web.council.progress.count', { done: s.submitted, total })} />
        </Stack>
      ),
    },
  ];
  return (
    <Stack gap="xs" component="section" aria-labelledby="council-progress-title">
      <Title order={2} fz="h4" id="council-progress-title">
        {t('web.council.progress.title')}
      </Title>
      <ResponsiveTable
        caption={t('web.council.progress.caption')}
        columns={columns}
        rows={council.scorers}
        rowKey={(s) => s.userId}
        empty={t('web.council.progress.empty')}
        testId="council-progress"
        rowTestId="council-progress-row"
      />
    </Stack>
  );
}
