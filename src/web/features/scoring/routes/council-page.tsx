import { Alert, Badge, Group, Stack, Text } from '@mantine/core';
import { getRouteApi } from '@tanstack/react-router';
import { IconArrowLeft } from '@tabler/icons-react';
import { useT } from '../../../lib/i18n';
import { AnchorLink } from '../../../components/ui/links';
import { ErrorAlert } from '../../../components/ui/error-alert';
import { LoadingBlock } from '../../../components/ui/loading-block';
import { PageHeader } from '../../../components/ui/page-header';
import { useCouncil, useSetupCouncil } from '../api/council';
import { CouncilProgress, CouncilSetup } from '../components/council-setup';
import { CouncilSheets } from '../components/council-sheets';
import { CouncilResults } from '../components/council-results';

const route = getRouteApi('/app/cham-diem/$roundId/hoi-dong');

/**
 * `/cham-diem/:id/hoi-dong`: council scoring. Managers choose the scorers, follow the progress, read
 * the results (raw mean beside z mean, outliers) and finalise; scorers mark each unit and see the
 * others' marks once their own is submitted.
 */
export function CouncilPage() {
  const t = useT();
  const { roundId } = route.useParams();
  const council = useCouncil(roundId);
  const save = useSetupCouncil(roundId);
  const back = (
    <AnchorLink to="/cham-diem/$roundId" params={{ roundId }} size="sm">
      <IconArrowLeft size={14} aria-hidden /> {t('web.council.back')}
    </AnchorLink>
  );

  if (council.isPending) return <LoadingBlock />;
  if (council.error) {
    return (
      <Stack gap="md">
        {back}
        <ErrorAlert error={council.error} />
      </Stack>
    );
  }
  const c = council.data;
  const manage = c.abilities.includes('council.manage');
  const isCouncil = c.mode === 'COUNCIL';

  return (
    <Stack gap="lg" data-testid="council-page">
      {back}
      <PageHeader title={t('scoring.council.title')} />
      <Group gap="xs" wrap="wrap" mt={-8}>
        <Text size="sm" c="dimmed">
          {t('web.council.subtitle', { round: c.roundTitle, organiser: c.organiserName })}
        </Text>
        <Badge variant="light" style={{ textTransform: 'none' }} data-testid="council-mode" data-mode={c.mode}>
          {t(`web.scoring.mode.${c.mode}`)}
        </Badge>
      </Group>
      {c.roundStatus !== 'OPEN' && <Alert color="gray">{t('web.council.notOpen')}</Alert>}
      {manage && !isCouncil && <Alert color="blue" variant="light">{t('web.council.modeVerified')}</Alert>}
      {manage && <CouncilSetup key={c.version} council={c} save={save} />}
      {isCouncil && (manage || c.abilities.includes('council.results')) && <CouncilProgress council={c} />}
      {isCouncil && (c.isScorer || c.abilities.includes('council.results')) && <CouncilSheets roundId={c.roundId} canScore={c.abilities.includes('council.score')} isScorer={c.isScorer} />}
      {isCouncil && !c.isScorer && !c.abilities.includes('council.results') && <Alert color="gray">{t('web.council.notScorer')}</Alert>}
      {isCouncil && (c.abilities.includes('council.results') || c.isScorer) && (
        <CouncilResults roundId={c.roundId} version={c.version} canFinalize={c.abilities.includes('council.finalize')} />
      )}
    </Stack>
  );
}
