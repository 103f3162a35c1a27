import { Alert, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { IconChecklist } from '@tabler/icons-react';
import { useT } from '../../../lib/i18n';
import { formatDateTime } from '../../../lib/format';
import { ButtonLink } from '../../../components/ui/links';
import { ErrorAlert } from '../../../components/ui/error-alert';
import { LoadingBlock } from '../../../components/ui/loading-block';
import { PageHeader } from '../../../components/ui/page-header';
import { useMeetings, type MeetingSummaryDto } from '../api/meetings';
import { MeetingStatusBadge } from '../components/badges';

/** `/bo-phieu`: the meetings of the councils the reader sits on, the open ones first. */
export function BallotListPage() {
  const t = useT();
  const open = useMeetings({ mine: true, status: 'OPEN', page: 1, pageSize: 50 });
  const scheduled = useMeetings({ mine: true, status: 'SCHEDULED', page: 1, pageSize: 50 });
  const none = open.data?.total === 0 && scheduled.data?.total === 0;
  return (
    <Stack gap="md">
      <PageHeader title={t('web.councils.ballots.title')} description={t('web.councils.ballots.description')} />
      <ErrorAlert error={open.error ?? scheduled.error} />
      {open.isPending || scheduled.isPending ? (
        <LoadingBlock />
      ) : none ? (
        <Alert color="gray" variant="light" data-testid="ballots-none">
          {t('web.councils.ballots.none')}
        </Alert>
      ) : (
        <>
          <Title order={2} fz="h4">
            {t('web.councils.ballots.open')}
          </Title>
          {open.data?.items.length === 0 && (
            <Text size="sm" c="dimmed">
              {t('web.councils.ballots.noneOpen')}
            </Text>
          )}
          <Stack gap="sm" data-testid="ballot-meetings">
            {open.data?.items.map((m) => <MeetingCard key={m.id} meeting={m} />)}
          </Stack>
          {(scheduled.data?.items.length ?? 0) > 0 && (
            <>
              <Title order={2} fz="h4">
                {t('web.councils.ballots.upcoming')}
              </Title>
              <Stack gap="sm">
                {scheduled.data?.items.map((m) => <MeetingCard key={m.id} meeting={m} />)}
              </Stack>
            </>
          )}
        </>
      )}
    </Stack>
  );
}

function MeetingCard({ meeting: m }: { meeting: MeetingSummaryDto }) {
  const t = useT();
  return (
    <Paper withBorder p="md" data-testid="ballot-meeting" data-status={m.status}>
      <Group justify="space-between" gap="sm" wrap="wrap">
        <Stack gap={2} style={{ flex: '1 1 16rem', minWidth: 0 }}>
          <Group gap="xs">
            <Text fw={700}>{m.title}</Text>
            <MeetingStatusBadge status={m.status} />
          </Group>
          <Text size="sm">{t('web.councils.meeting.header', { council: m.councilName, when: formatDateTime(m.scheduledAt), place: m.place ?? t('web.councils.notSet') })}</Text>
          {m.status === 'OPEN' && (
            <Text size="sm" fw={600} data-testid="ballot-pending" data-count={m.pendingVotes}>
              {m.pendingVotes > 0 ? t('web.councils.ballots.pending', { count: m.pendingVotes }) : t('web.councils.ballots.nothingPending')}
            </Text>
          )}
        </Stack>
        {m.status === 'OPEN' && (
          <ButtonLink to="/bo-phieu/$meetingId" params={{ meetingId: m.id }} size="lg" leftSection={<IconChecklist size={20} aria-hidden />} data-testid="ballot-go">
            {t('web.councils.ballots.go')}
          </ButtonLink>
        )}
      </Group>
    </Paper>
  );
}
