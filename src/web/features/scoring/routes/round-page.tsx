import { Stack, Tabs } from '@mantine/core';
import { getRouteApi } from '@tanstack/react-router';
import { IconArrowLeft, IconUsersGroup } from '@tabler/icons-react';
import { useT } from '../../../lib/i18n';
import { AnchorLink, ButtonLink } from '../../../components/ui/links';
import { ErrorAlert } from '../../../components/ui/error-alert';
import { LoadingBlock } from '../../../components/ui/loading-block';
import { PageHeader } from '../../../components/ui/page-header';
import { useRound } from '../api/rounds';
import { RoundHeader } from '../components/round-header';
import { RoundSheets } from '../components/round-sheets';
import { ResultsPanel } from '../components/results-panel';
import type { RoundPageSearch } from './search';

const route = getRouteApi('/app/cham-diem/$roundId');

/** `/cham-diem/:id`: the round, its sheets and its results (tab in the URL). */
export function RoundPage() {
  const t = useT();
  const { roundId } = route.useParams();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const round = useRound(roundId);
  const tab = search.tab ?? 'sheets';

  const update = (patch: Partial<RoundPageSearch>) => void navigate({ search: (prev) => ({ ...prev, ...patch }), replace: true });
  const back = (
    <AnchorLink to="/cham-diem" size="sm">
      <IconArrowLeft size={14} aria-hidden /> {t('web.scoring.rounds.back')}
    </AnchorLink>
  );

  if (round.isPending) return <LoadingBlock />;
  if (round.error) {
    return (
      <Stack gap="md">
        {back}
        <ErrorAlert error={round.error} />
      </Stack>
    );
  }
  const r = round.data;
  const council = r.mode === 'COUNCIL' || r.abilities.includes('round.verify');

  return (
    <Stack gap="md">
      {back}
      <PageHeader
        title={r.title}
        actions={
          council && (
            <ButtonLink to="/cham-diem/$roundId/hoi-dong" params={{ roundId: r.id }} variant="default" leftSection={<IconUsersGroup size={16} aria-hidden />} data-testid="round-council">
              {t('web.scoring.council.link')}
            </ButtonLink>
          )
        }
      />
      <RoundHeader round={r} />
      <Tabs value={tab} onChange={(v) => update({ tab: v === 'results' ? 'results' : undefined, status: undefined, clusterId: undefined, page: undefined })} keepMounted={false}>
        <Tabs.List aria-label={t('web.scoring.round.tabs')}>
          <Tabs.Tab value="sheets" data-testid="round-tab-sheets">
            {t('web.scoring.tab.sheets')}
          </Tabs.Tab>
          <Tabs.Tab value="results" data-testid="round-tab-results">
            {t('web.scoring.tab.results')}
          </Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="sheets" pt="md">
          <RoundSheets round={r} status={search.status} page={search.page ?? 1} onFilter={(patch) => update(patch)} />
        </Tabs.Panel>
        <Tabs.Panel value="results" pt="md">
          <ResultsPanel round={r} clusterId={search.clusterId} page={search.page ?? 1} onFilter={(patch) => update(patch)} />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
