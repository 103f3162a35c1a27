import { useState } from 'react';
import { Button, Grid, Group, Paper, SimpleGrid, Stack, Text } from '@mantine/core';
import { getRouteApi } from '@tanstack/react-router';
import { IconArrowLeft, IconArrowBackUp } from '@tabler/icons-react';
import { LIMITS } from '../../../../contracts/limits';
import { useT } from '../../../lib/i18n';
import { hasAbility } from '../../../lib/session';
import { AnchorLink } from '../../../components/ui/links';
import { ActionModal } from '../../../components/ui/action-modal';
import { ErrorAlert } from '../../../components/ui/error-alert';
import { LoadingBlock } from '../../../components/ui/loading-block';
import { PageHeader } from '../../../components/ui/page-header';
import { ReasonField } from '../../../components/ui/reason-field';
import { useNomination, useWithdrawNomination, type NominationDto } from '../api/nominations';
import { EligibilityBadge, NominationStatusBadge } from '../components/badges';
import { EligibilityPanel } from '../components/eligibility-panel';
import { JustificationCard } from '../components/justification-card';
import { DossierChecklist } from '../components/dossier-checklist';
import { ConflictsPanel } from '../components/conflicts-panel';
import { HistoryTimeline } from '../components/history-timeline';
import { OpinionsPanel } from '../components/opinions-panel';

const route = getRouteApi('/app/de-nghi/ho-so/$nominationId');

/** `/de-nghi/ho-so/:id`: one nomination — who holds it, why it is (not) eligible, its dossier, history and opinions. */
export function NominationPage() {
  const t = useT();
  const { nominationId } = route.useParams();
  const nomination = useNomination(nominationId);
  const [withdrawing, setWithdrawing] = useState(false);

  if (nomination.isPending) return <LoadingBlock />;
  if (nomination.error) {
    return (
      <Stack gap="md">
        <AnchorLink to="/de-nghi" size="sm">
          <IconArrowLeft size={14} aria-hidden /> {t('web.nominations.rounds.back')}
        </AnchorLink>
        <ErrorAlert error={nomination.error} />
      </Stack>
    );
  }
  const n = nomination.data;
  return (
    <Stack gap="md" data-testid="nomination-page" data-status={n.status}>
      <AnchorLink to="/de-nghi/$roundId" params={{ roundId: n.roundId }} size="sm">
        <IconArrowLeft size={14} aria-hidden /> {n.roundTitle}
      </AnchorLink>
      <PageHeader
        title={n.subjectName}
        description={n.awardName}
        actions={
          hasAbility(n, 'nomination.withdraw') && (
            <Button variant="light" color="red" leftSection={<IconArrowBackUp size={16} aria-hidden />} onClick={() => setWithdrawing(true)} data-testid="nomination-withdraw">
              {t('web.nominations.withdraw.action')}
            </Button>
          )
        }
      />
      <NominationFacts n={n} />
      <ConflictsPanel conflicts={n.conflictList} />
      <Grid gap="md">
        <Grid.Col span={{ base: 12, md: 7 }}>
          <Stack gap="md">
            <JustificationCard key={n.version} nomination={n} />
            <DossierChecklist nomination={n} />
            <OpinionsPanel nomination={n} />
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 5 }}>
          <Stack gap="md">
            <EligibilityPanel nomination={n} />
            <HistoryTimeline events={n.events} />
          </Stack>
        </Grid.Col>
      </Grid>
      {withdrawing && <WithdrawModal n={n} onClose={() => setWithdrawing(false)} />}
    </Stack>
  );
}

function NominationFacts({ n }: { n: NominationDto }) {
  const t = useT();
  const facts: [string, React.ReactNode, string][] = [
    [t('web.nominations.field.status'), <NominationStatusBadge key="s" status={n.status} />, 'status'],
    [t('web.nominations.field.eligibility'), <EligibilityBadge key="e" status={n.eligibilityStatus} />, 'eligibility'],
    [t('web.nominations.field.holder'), n.holderOrgName, 'holder'],
    [t('web.nominations.field.proposer'), n.proposerOrgName, 'proposer'],
    [t('web.nominations.field.subjectUnit'), n.subjectUnitName, 'unit'],
    [t('web.nominations.field.procedure'), t(`web.nominations.procedure.${n.procedure}`), 'procedure'],
    [t('web.nominations.field.missingDocuments'), n.missingDocuments > 0 ? t('web.nominations.list.missing', { count: n.missingDocuments }) : t('web.nominations.list.complete'), 'missing'],
    [
      t('web.nominations.field.submission'),
      n.submissionId !== null ? (
        <AnchorLink key="sub" to="/de-nghi/to-trinh/$submissionId" params={{ submissionId: n.submissionId }} size="sm" data-testid="nomination-submission-link">
          {t('web.nominations.field.submissionOpen', { id: n.submissionId })}
        </AnchorLink>
      ) : (
        '—'
      ),
      'submission',
    ],
  ];
  return (
    <Paper withBorder p="md">
      <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="sm" verticalSpacing="xs">
        {facts.map(([label, value, key]) => (
          <Stack key={key} gap={2} data-testid={`nomination-fact-${key}`}>
            <Text size="xs" c="dimmed">
              {label}
            </Text>
            <Group gap={4}>{typeof value === 'string' ? <Text size="sm">{value}</Text> : value}</Group>
          </Stack>
        ))}
      </SimpleGrid>
      {n.recused && (
        <Text size="sm" c="orange.9" mt="xs" data-testid="nomination-recused">
          {t('web.nominations.recused')}
        </Text>
      )}
    </Paper>
  );
}

function WithdrawModal({ n, onClose }: { n: NominationDto; onClose: () => void }) {
  const t = useT();
  const withdraw = useWithdrawNomination(n.id);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | undefined>();
  return (
    <ActionModal
      title={t('web.nominations.withdraw.title', { name: n.subjectName })}
      submitLabel={t('web.nominations.withdraw.action')}
      danger
      confirmMessage={t('web.nominations.withdraw.confirm', { name: n.subjectName, award: n.awardName })}
      validate={() => {
        const ok = reason.trim().length >= LIMITS.reasonMin;
        setError(ok ? undefined : t('web.common.reasonHint', { min: LIMITS.reasonMin }));
        return ok;
      }}
      onSubmit={() => withdraw.mutate({ version: n.version, reason: reason.trim() }, { onSuccess: onClose })}
      submitting={withdraw.isPending}
      error={withdraw.error}
      onClose={onClose}
    >
      <ReasonField value={reason} onChange={setReason} error={error} />
    </ActionModal>
  );
}
