import { Alert, Button, Group, List, Paper, SimpleGrid, Stack, Stepper, Text } from '@mantine/core';
import { getRouteApi } from '@tanstack/react-router';
import { IconAlertTriangle, IconArrowLeft, IconFileSpreadsheet, IconFileTypeDocx } from '@tabler/icons-react';
import type { SubmissionStatus } from '../../../../contracts/nominations';
import { useT } from '../../../lib/i18n';
import { formatDateTime } from '../../../lib/format';
import { useIsMobile } from '../../../lib/use-is-mobile';
import { AnchorLink } from '../../../components/ui/links';
import { ErrorAlert } from '../../../components/ui/error-alert';
import { LoadingBlock } from '../../../components/ui/loading-block';
import { PageHeader } from '../../../components/ui/page-header';
import { listXlsxUrl, proposalDocxUrl, useSubmission, type SubmissionDto } from '../api/submissions';
import { SubmissionStatusBadge } from '../components/badges';
import { DaysLeft } from '../components/submission-table';
import { SubmissionActions } from '../components/submission-actions';
import { SubmissionLines } from '../components/submission-lines';

const route = getRouteApi('/app/de-nghi/to-trinh/$submissionId');

// The path of a tờ trình; a return sends it back to the unit (step 1) until it is sent again.
const STEPS = ['DRAFT', 'SUBMITTED', 'RECEIVED', 'UNDER_APPRAISAL', 'APPRAISED', 'DONE'] as const;
function stepOf(status: SubmissionStatus): number {
  switch (status) {
    case 'DRAFT':
    case 'WITHDRAWN':
    case 'RETURNED':
      return 0;
    case 'SUBMITTED':
    case 'RESUBMITTED':
      return 1;
    case 'RECEIVED':
      return 2;
    case 'UNDER_APPRAISAL':
      return 3;
    case 'APPRAISED':
      return 4;
    case 'TO_COUNCIL':
    case 'ESCALATED':
      return 6;
  }
}

/** `/de-nghi/to-trinh/:id`: a tờ trình between two levels, its lines, what stops it and the next step. */
export function SubmissionPage() {
  const t = useT();
  const { submissionId } = route.useParams();
  const submission = useSubmission(submissionId);
  if (submission.isPending) return <LoadingBlock />;
  if (submission.error) {
    return (
      <Stack gap="md">
        <AnchorLink to="/tham-dinh" size="sm">
          <IconArrowLeft size={14} aria-hidden /> {t('web.nominations.appraisal.back')}
        </AnchorLink>
        <ErrorAlert error={submission.error} />
      </Stack>
    );
  }
  const s = submission.data;
  return (
    <Stack gap="md" data-testid="submission-page" data-status={s.status}>
      <AnchorLink to="/de-nghi/$roundId" params={{ roundId: s.roundId }} search={{ tab: 'submissions' }} size="sm">
        <IconArrowLeft size={14} aria-hidden /> {s.roundTitle}
      </AnchorLink>
      <PageHeader title={s.title} description={<span data-testid="submission-route">{t('web.nominations.submission.fromTo', { from: s.fromOrgName, to: s.toOrgName })}</span>} actions={<SubmissionActions submission={s} />} />
      <SubmissionStepper status={s.status} />
      <SubmissionFacts s={s} />
      {s.returnReason && (s.status === 'RETURNED' || s.status === 'RESUBMITTED') && (
        <Alert color="orange" variant="light" icon={<IconAlertTriangle size={18} aria-hidden />} title={t('web.nominations.submission.returned')} data-testid="submission-return-reason">
          {s.returnReason}
        </Alert>
      )}
      {s.problems.length > 0 && (
        <Alert color="red" variant="light" icon={<IconAlertTriangle size={18} aria-hidden />} title={t('web.nominations.submission.problems')} data-testid="submission-problems">
          <List size="sm" spacing={2}>
            {s.problems.map((p) => (
              <List.Item key={p}>{p}</List.Item>
            ))}
          </List>
        </Alert>
      )}
      <Group gap="xs">
        <Button component="a" href={proposalDocxUrl(s.id)} variant="default" leftSection={<IconFileTypeDocx size={16} aria-hidden />} data-testid="submission-download-docx">
          {t('web.nominations.submission.downloadDocx')}
        </Button>
        <Button component="a" href={listXlsxUrl(s.id)} variant="default" leftSection={<IconFileSpreadsheet size={16} aria-hidden />} data-testid="submission-download-xlsx">
          {t('web.nominations.submission.downloadXlsx')}
        </Button>
      </Group>
      <SubmissionLines submission={s} />
    </Stack>
  );
}

function SubmissionStepper({ status }: { status: SubmissionStatus }) {
  const t = useT();
  const isMobile = useIsMobile();
  const done = status === 'TO_COUNCIL' || status === 'ESCALATED';
  return (
    <Stepper active={stepOf(status)} size="xs" orientation={isMobile ? 'vertical' : 'horizontal'} allowNextStepsSelect={false} aria-label={t('web.nominations.submission.progress')} data-testid="submission-stepper">
      {STEPS.map((step) => (
        <Stepper.Step key={step} label={step === 'DONE' ? (done ? t(`web.nominations.submission.status.${status}`) : t('web.nominations.submission.step.DONE')) : t(`web.nominations.submission.step.${step}`)} />
      ))}
    </Stepper>
  );
}

function SubmissionFacts({ s }: { s: SubmissionDto }) {
  const t = useT();
  const facts: [string, React.ReactNode][] = [
    [t('web.nominations.field.status'), <SubmissionStatusBadge key="s" status={s.status} />],
    [t('web.nominations.submission.field.due'), <DaysLeft key="d" s={s} />],
    [t('web.nominations.submission.field.items'), s.itemsReturned > 0 ? t('web.nominations.submission.itemsReturned', { count: s.items, returned: s.itemsReturned }) : String(s.items)],
    [t('web.nominations.field.procedure'), t(`web.nominations.procedure.${s.procedure}`)],
    [t('web.nominations.submission.field.submittedAt'), s.submittedAt ? formatDateTime(s.submittedAt) : '—'],
    [t('web.nominations.submission.field.receivedAt'), s.receivedAt ? formatDateTime(s.receivedAt) : '—'],
  ];
  return (
    <Paper withBorder p="md">
      <SimpleGrid cols={{ base: 1, xs: 2, md: 3 }} spacing="sm" verticalSpacing="xs">
        {facts.map(([label, value]) => (
          <Stack key={label} gap={2}>
            <Text size="xs" c="dimmed">
              {label}
            </Text>
            {typeof value === 'string' ? <Text size="sm">{value}</Text> : value}
          </Stack>
        ))}
      </SimpleGrid>
      {s.escalatedFromId !== null && (
        <AnchorLink to="/de-nghi/to-trinh/$submissionId" params={{ submissionId: s.escalatedFromId }} size="sm" mt="xs" display="inline-block">
          {t('web.nominations.submission.escalatedFrom', { id: s.escalatedFromId })}
        </AnchorLink>
      )}
      {s.note && (
        <Text size="sm" mt="xs" style={{ whiteSpace: 'pre-wrap' }}>
          {s.note}
        </Text>
      )}
    </Paper>
  );
}
