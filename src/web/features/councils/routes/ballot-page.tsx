import { useState } from 'react';
import { Alert, Button, Group, Paper, Stack, Text } from '@mantine/core';
import { getRouteApi } from '@tanstack/react-router';
import { IconArrowLeft, IconChecks, IconSend } from '@tabler/icons-react';
import { useT } from '../../../lib/i18n';
import { formatDateTime } from '../../../lib/format';
import { AnchorLink } from '../../../components/ui/links';
import { ActionModal } from '../../../components/ui/action-modal';
import { ErrorAlert } from '../../../components/ui/error-alert';
import { LoadingBlock } from '../../../components/ui/loading-block';
import { PageHeader } from '../../../components/ui/page-header';
import { PaginationBar } from '../../../components/ui/pagination-bar';
import { useBallotItems, useCastBallots, useMeeting, type VoteChoice } from '../api/meetings';
import { MeetingStatusBadge } from '../components/badges';
import { BallotItem } from '../components/ballot-item';
import { ReceiptCheck, ReceiptNotice } from '../components/receipt';

const route = getRouteApi('/app/bo-phieu/$meetingId');
const PER_PAGE = 50;

/** `/bo-phieu/:id`: the secret ballot of one council member for every item open for voting. */
export function BallotPage() {
  const t = useT();
  const { meetingId } = route.useParams();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const meeting = useMeeting(meetingId, true);
  const items = useBallotItems(meetingId, meeting.data?.status === 'OPEN');
  const cast = useCastBallots(meetingId);
  const [choices, setChoices] = useState<Map<number, VoteChoice>>(new Map());
  const [confirming, setConfirming] = useState(false);
  const [receipt, setReceipt] = useState<{ receipt: string; count: number } | null>(null);
  const page = search.page ?? 1;

  const back = (
    <AnchorLink to="/bo-phieu" size="sm">
      <IconArrowLeft size={14} aria-hidden /> {t('web.councils.ballot.back')}
    </AnchorLink>
  );
  if (meeting.isPending) return <LoadingBlock />;
  if (meeting.error) {
    return (
      <Stack gap="md">
        {back}
        <ErrorAlert error={meeting.error} />
      </Stack>
    );
  }
  const m = meeting.data;
  const all = items.data ?? [];
  const votable = all.filter((i) => i.mine.canVote && !i.mine.voted);
  // A choice for an item that has since closed (or been voted elsewhere) is not sent.
  const chosen = votable.filter((i) => choices.has(i.id));
  const shown = all.slice((page - 1) * PER_PAGE, page * PER_PAGE);

  const choose = (itemId: number, c: VoteChoice) => setChoices((cur) => new Map(cur).set(itemId, c));
  const approveAll = () => setChoices((cur) => {
    const next = new Map(cur);
    for (const i of votable) next.set(i.id, 'YES');
    return next;
  });
  const submit = () =>
    cast.mutate(
      chosen.map((i) => ({ itemId: i.id, choice: choices.get(i.id)! })),
      {
        onSuccess: (r) => {
          setReceipt({ receipt: r.receipt, count: r.items.length });
          setChoices(new Map());
          setConfirming(false);
          window.scrollTo({ top: 0 });
        },
      },
    );

  return (
    <Stack gap="md" data-testid="ballot-page" data-status={m.status}>
      {back}
      <PageHeader title={t('web.councils.ballot.title', { title: m.title })} documentTitle={t('web.councils.ballots.title')} description={t('web.councils.meeting.header', { council: m.councilName, when: formatDateTime(m.scheduledAt), place: m.place ?? t('web.councils.notSet') })} />
      <Group gap="xs">
        <MeetingStatusBadge status={m.status} />
      </Group>
      {receipt && <ReceiptNotice receipt={receipt.receipt} count={receipt.count} onDone={() => setReceipt(null)} />}
      {m.myMemberId === null && (
        <Alert color="orange" variant="light" data-testid="ballot-not-member">
          {t('web.councils.ballot.notMember')}
        </Alert>
      )}
      {m.status === 'SCHEDULED' && (
        <Alert color="blue" variant="light" data-testid="ballot-not-open">
          {t('web.councils.ballot.notOpen')}
        </Alert>
      )}
      {(m.status === 'CLOSED' || m.status === 'CANCELLED') && (
        <Alert color="gray" variant="light" data-testid="ballot-over">
          {t('web.councils.ballot.over')}
        </Alert>
      )}
      <ErrorAlert error={items.error} />
      {m.status === 'OPEN' && m.myMemberId !== null && (
        <>
          <Text size="sm">{t('web.councils.ballot.secret')}</Text>
          {items.isPending ? (
            <LoadingBlock />
          ) : all.length === 0 ? (
            <Paper withBorder p="xl" data-testid="ballot-empty">
              <Text ta="center" c="dimmed">
                {t('web.councils.ballot.nothingOpen')}
              </Text>
            </Paper>
          ) : (
            <>
              {votable.length > 1 && (
                <Group>
                  <Button size="md" variant="outline" color="teal.9" leftSection={<IconChecks size={18} aria-hidden />} onClick={approveAll} data-testid="ballot-approve-all">
                    {t('web.councils.ballot.approveAll', { count: votable.length })}
                  </Button>
                </Group>
              )}
              <Stack gap="sm" data-testid="ballot-items">
                {shown.map((i) => (
                  <BallotItem key={i.id} item={i} myMemberId={m.myMemberId} choice={choices.get(i.id)} onChoose={(c) => choose(i.id, c)} />
                ))}
              </Stack>
              {all.length > PER_PAGE && <PaginationBar total={all.length} page={page} pageSize={PER_PAGE} onPageChange={(p) => void navigate({ search: { page: p === 1 ? undefined : p }, replace: true })} />}
              {votable.length > 0 && (
                <Paper withBorder p="md" pos="sticky" bottom={0} style={{ zIndex: 2 }} data-testid="ballot-submit-bar">
                  <Group justify="space-between" gap="sm" wrap="wrap">
                    <Text size="sm" fw={500} data-testid="ballot-progress">
                      {t('web.councils.ballot.progress', { chosen: chosen.length, total: votable.length })}
                    </Text>
                    <Button size="lg" leftSection={<IconSend size={20} aria-hidden />} disabled={chosen.length === 0} onClick={() => setConfirming(true)} data-testid="ballot-submit">
                      {t('web.councils.ballot.submit')}
                    </Button>
                  </Group>
                </Paper>
              )}
            </>
          )}
        </>
      )}
      {m.status !== 'SCHEDULED' && m.status !== 'CANCELLED' && m.myMemberId !== null && (
        <Paper withBorder p="md">
          <ReceiptCheck meetingId={m.id} />
        </Paper>
      )}
      {confirming && (
        <ActionModal title={t('web.councils.ballot.confirmTitle')} submitLabel={t('web.councils.ballot.submit')} onClose={() => setConfirming(false)} onSubmit={submit} submitting={cast.isPending} error={cast.error} size="md">
          <Text size="sm" data-testid="ballot-confirm-text">
            {t('web.councils.ballot.confirm', { count: chosen.length })}
          </Text>
          {chosen.length < votable.length && <Text size="sm">{t('web.councils.ballot.confirmPartial', { count: votable.length - chosen.length })}</Text>}
          <Text size="sm" fw={600} c="red.9">
            {t('web.councils.ballot.final')}
          </Text>
        </ActionModal>
      )}
    </Stack>
  );
}
