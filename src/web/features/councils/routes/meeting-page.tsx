import { useState } from 'react';
import { Alert, Button, Grid, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { getRouteApi } from '@tanstack/react-router';
import { IconArrowLeft, IconBan, IconDoorExit, IconFileCertificate, IconFileTypeDocx, IconLock, IconPencil, IconPlayerPlay, IconPlaylistAdd, IconUsers } from '@tabler/icons-react';
import { ITEM_STATUSES } from '../../../../contracts/councils';
import { LIMITS } from '../../../../contracts/limits';
import { useT } from '../../../lib/i18n';
import { hasAbility } from '../../../lib/session';
import { formatDateTime } from '../../../lib/format';
import { AnchorLink, ButtonLink } from '../../../components/ui/links';
import { ActionModal } from '../../../components/ui/action-modal';
import { ChoiceFilter } from '../../../components/ui/choice-filter';
import { ErrorAlert } from '../../../components/ui/error-alert';
import { LoadingBlock } from '../../../components/ui/loading-block';
import { PageHeader } from '../../../components/ui/page-header';
import { PaginationBar } from '../../../components/ui/pagination-bar';
import { ReasonField } from '../../../components/ui/reason-field';
import { countMinutesUrl, isLive, minutesUrl, useCancelMeeting, useMeeting, useMeetingItems, useMeetingStep, type MeetingDto, type MeetingItemDto } from '../api/meetings';
import { MeetingStatusBadge } from '../components/badges';
import { AttendancePanel } from '../components/attendance-panel';
import { AgendaModal } from '../components/agenda-modal';
import { MeetingFormModal } from '../components/meeting-form-modal';
import { ItemCard } from '../components/item-card';
import { VerifyPanel } from '../components/verify-panel';
import { ReceiptCheck } from '../components/receipt';
import type { MeetingPageSearch } from './search';

const route = getRouteApi('/app/hoi-dong/hop/$meetingId');
/** A meeting may have hundreds of items: the page shows them 50 at a time, from the server. */
const ITEMS_PER_PAGE = 50;

/** "Có mặt 8/9 – đủ túc số". */
export function QuorumLine({ meeting }: { meeting: MeetingDto }) {
  const t = useT();
  const q = meeting.quorum;
  return (
    <Text size="lg" fw={700} c={q.met ? 'teal.9' : 'red.9'} data-testid="meeting-quorum" data-met={String(q.met)}>
      {t(q.met ? 'web.councils.quorum.met' : 'web.councils.quorum.notMet', { present: q.present, total: q.total, needed: q.needed })}
    </Text>
  );
}

/** `/hoi-dong/hop/:id`: the meeting room of the standing office. */
export function MeetingPage() {
  const t = useT();
  const { meetingId } = route.useParams();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const meeting = useMeeting(meetingId);
  const live = isLive(meeting.data);
  const page = search.page ?? 1;
  const items = useMeetingItems(meetingId, { status: search.status, page, pageSize: ITEMS_PER_PAGE }, live);
  const step = useMeetingStep(meetingId);
  const [selected, setSelected] = useState<Set<number>>(new Set());
  const [dialog, setDialog] = useState<'agenda' | 'edit' | 'close' | 'cancel' | null>(null);
  const update = (patch: Partial<MeetingPageSearch>) => void navigate({ search: (prev) => ({ ...prev, ...patch }), replace: true });

  if (meeting.isPending) return <LoadingBlock />;
  if (meeting.error) {
    return (
      <Stack gap="md">
        <AnchorLink to="/hoi-dong" size="sm">
          <IconArrowLeft size={14} aria-hidden /> {t('web.councils.back')}
        </AnchorLink>
        <ErrorAlert error={meeting.error} />
      </Stack>
    );
  }
  const m = meeting.data;
  const rows = items.data?.items ?? [];
  const canVoting = hasAbility(m, 'meeting.voting');
  const unmarked = m.attendance.filter((a) => a.status === null).length;
  const chosen = [...selected];
  const pickedPending = rows.filter((i) => selected.has(i.id) && i.status === 'PENDING').length;
  const pickedVoting = rows.filter((i) => selected.has(i.id) && i.status === 'VOTING').length;
  const selectable = (i: MeetingItemDto) => canVoting && (i.status === 'PENDING' || i.status === 'VOTING');
  const runStep = (s: 'open-voting' | 'close-voting') =>
    step.mutate({ step: s, itemIds: chosen.length > 0 ? chosen : undefined }, { onSuccess: () => setSelected(new Set()) });

  return (
    <Stack gap="md" data-testid="meeting-page" data-status={m.status}>
      <AnchorLink to="/hoi-dong/$councilId" params={{ councilId: m.councilId }} search={{ tab: 'meetings' }} size="sm">
        <IconArrowLeft size={14} aria-hidden /> {t('web.councils.meeting.back', { council: m.councilName })}
      </AnchorLink>
      <PageHeader
        title={m.title}
        description={t('web.councils.meeting.header', { council: m.councilName, when: formatDateTime(m.scheduledAt), place: m.place ?? t('web.councils.notSet') })}
        actions={
          <Group gap="xs">
            {hasAbility(m, 'meeting.minutes') && (
              <>
                <Button component="a" href={minutesUrl(m.id)} variant="default" leftSection={<IconFileTypeDocx size={16} aria-hidden />} data-testid="meeting-minutes">
                  {t('web.councils.meeting.minutes')}
                </Button>
                <Button component="a" href={countMinutesUrl(m.id)} variant="default" leftSection={<IconFileTypeDocx size={16} aria-hidden />} data-testid="meeting-count-minutes">
                  {t('web.councils.meeting.countMinutes')}
                </Button>
                {m.status === 'CLOSED' && (
                  <ButtonLink to="/quyet-dinh" search={{ orgId: m.orgId, meetingId: m.id }} leftSection={<IconFileCertificate size={16} aria-hidden />} data-testid="meeting-decision">
                    {t('web.decisions.fromMeeting')}
                  </ButtonLink>
                )}
              </>
            )}
            {hasAbility(m, 'meeting.update') && (
              <Button variant="default" leftSection={<IconPencil size={16} aria-hidden />} onClick={() => setDialog('edit')} data-testid="meeting-edit">
                {t('web.common.edit')}
              </Button>
            )}
            {hasAbility(m, 'meeting.cancel') && (
              <Button variant="default" leftSection={<IconBan size={16} aria-hidden />} onClick={() => setDialog('cancel')} data-testid="meeting-cancel">
                {t('web.councils.meeting.cancel')}
              </Button>
            )}
          </Group>
        }
      />

      <Paper withBorder p="md" data-testid="meeting-summary">
        <Stack gap="xs">
          <Group gap="sm" wrap="wrap">
            <MeetingStatusBadge status={m.status} />
            <QuorumLine meeting={m} />
          </Group>
          <Text size="sm" data-testid="meeting-item-counts">
            {t('web.councils.meeting.summary', { total: m.itemCounts.total, pending: m.itemCounts.pending, voting: m.itemCounts.voting, closed: m.itemCounts.closed, passed: m.itemCounts.passed })}
          </Text>
          {m.presidingMemberId !== null && (
            <Text size="sm" c="dimmed">
              {t('web.councils.meeting.presidingLine', { name: m.attendance.find((a) => a.memberId === m.presidingMemberId)?.fullName ?? '' })}
              {m.secretaryName ? ` · ${t('web.councils.meeting.secretaryLine', { name: m.secretaryName })}` : ''}
            </Text>
          )}
          {m.counterMemberIds.length > 0 && (
            <Text size="sm" c="dimmed" data-testid="meeting-counters">
              {t('web.councils.meeting.countersLine', { names: m.attendance.filter((a) => m.counterMemberIds.includes(a.memberId)).map((a) => a.fullName).join(', ') })}
            </Text>
          )}
          {m.cancelledReason && (
            <Text size="sm" data-testid="meeting-cancelled-reason">
              {t('web.councils.meeting.cancelledReason', { reason: m.cancelledReason })}
            </Text>
          )}
          <NextStep meeting={m} unmarked={unmarked} onOpen={() => step.mutate({ step: 'open' })} onClose={() => setDialog('close')} opening={step.isPending && step.variables?.step === 'open'} />
          <ErrorAlert error={step.error} />
        </Stack>
      </Paper>

      <Grid gap="md">
        <Grid.Col span={{ base: 12, lg: 4 }}>
          <Stack gap="md">
            <AttendancePanel meeting={m} />
            {hasAbility(m, 'meeting.verify') && (
              <Paper withBorder p="md">
                <Title order={2} fz="h4" mb="xs">
                  {t('web.councils.verify.title')}
                </Title>
                <VerifyPanel meetingId={m.id} />
              </Paper>
            )}
            {m.status !== 'SCHEDULED' && m.status !== 'CANCELLED' && (
              <Paper withBorder p="md">
                <ReceiptCheck meetingId={m.id} />
              </Paper>
            )}
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 8 }}>
          <Stack gap="sm" data-testid="agenda">
            <Group justify="space-between" gap="sm" align="flex-end">
              <Title order={2} fz="h4">
                {t('web.councils.agenda.heading', { count: m.itemCounts.total })}
              </Title>
              {hasAbility(m, 'meeting.agenda') && (
                <Button leftSection={<IconPlaylistAdd size={18} aria-hidden />} onClick={() => setDialog('agenda')} data-testid="agenda-add">
                  {t('web.councils.agenda.button')}
                </Button>
              )}
            </Group>
            <Group gap="sm" align="flex-end" wrap="wrap">
              <ChoiceFilter label={t('web.councils.item.statusFilter')} options={ITEM_STATUSES} optionLabel={(s) => t(`web.councils.item.status.${s}`)} value={search.status} onChange={(status) => update({ status, page: undefined })} data-testid="item-status-filter" />
            </Group>
            {canVoting && m.status === 'OPEN' && (
              <Paper withBorder p="sm" data-testid="voting-bar">
                <Stack gap="xs">
                  <Text size="sm">{chosen.length === 0 ? t('web.councils.voting.hintAll') : t('web.councils.voting.hintSelected', { count: chosen.length })}</Text>
                  <Group gap="xs" wrap="wrap">
                    <Button size="md" leftSection={<IconPlayerPlay size={18} aria-hidden />} onClick={() => runStep('open-voting')} loading={step.isPending && step.variables?.step === 'open-voting'} disabled={chosen.length > 0 ? pickedPending === 0 : m.itemCounts.pending === 0} data-testid="voting-open">
                      {chosen.length > 0 ? t('web.councils.voting.openSelected', { count: pickedPending }) : t('web.councils.voting.openAll', { count: m.itemCounts.pending })}
                    </Button>
                    <Button size="md" color="dark" leftSection={<IconLock size={18} aria-hidden />} onClick={() => runStep('close-voting')} loading={step.isPending && step.variables?.step === 'close-voting'} disabled={chosen.length > 0 ? pickedVoting === 0 : m.itemCounts.voting === 0} data-testid="voting-close">
                      {chosen.length > 0 ? t('web.councils.voting.closeSelected', { count: pickedVoting }) : t('web.councils.voting.closeAll', { count: m.itemCounts.voting })}
                    </Button>
                    {chosen.length > 0 && (
                      <Button size="md" variant="subtle" onClick={() => setSelected(new Set())} data-testid="voting-clear">
                        {t('web.councils.voting.clear')}
                      </Button>
                    )}
                  </Group>
                </Stack>
              </Paper>
            )}
            <ErrorAlert error={items.error} />
            {items.isPending ? (
              <LoadingBlock />
            ) : rows.length === 0 ? (
              <Paper withBorder p="xl" data-testid="agenda-empty-items">
                <Text c="dimmed" ta="center">
                  {t('web.councils.agenda.empty')}
                </Text>
              </Paper>
            ) : (
              <Stack gap="sm" aria-busy={items.isPlaceholderData}>
                {rows.map((i) => (
                  <ItemCard
                    key={i.id}
                    meeting={m}
                    item={i}
                    selected={selected.has(i.id)}
                    onSelect={selectable(i) && m.status === 'OPEN' ? (on) => setSelected((cur) => toggle(cur, i.id, on)) : undefined}
                  />
                ))}
              </Stack>
            )}
            {items.data && items.data.total > ITEMS_PER_PAGE && (
              <PaginationBar total={items.data.total} page={page} pageSize={ITEMS_PER_PAGE} onPageChange={(p) => update({ page: p === 1 ? undefined : p })} />
            )}
          </Stack>
        </Grid.Col>
      </Grid>

      {dialog === 'agenda' && <AgendaModal meeting={m} onClose={() => setDialog(null)} />}
      {dialog === 'edit' && <MeetingFormModal meeting={m} seats={m.attendance.map((a) => ({ id: a.memberId, fullName: a.fullName, role: a.role }))} onClose={() => setDialog(null)} />}
      {dialog === 'close' && <CloseMeetingModal meeting={m} onClose={() => setDialog(null)} />}
      {dialog === 'cancel' && <CancelMeetingModal meeting={m} onClose={() => setDialog(null)} />}
    </Stack>
  );
}

function toggle(cur: Set<number>, id: number, on: boolean): Set<number> {
  const next = new Set(cur);
  if (on) next.add(id);
  else next.delete(id);
  return next;
}

/** What the standing office does now: start the meeting (once everyone is marked), or end it. */
function NextStep({ meeting, unmarked, onOpen, onClose, opening }: { meeting: MeetingDto; unmarked: number; onOpen: () => void; onClose: () => void; opening: boolean }) {
  const t = useT();
  if (meeting.status === 'SCHEDULED' && hasAbility(meeting, 'meeting.open')) {
    const blocked = unmarked > 0 ? t('web.councils.open.needAttendance', { count: unmarked }) : !meeting.quorum.met ? t('web.councils.open.noQuorum', { needed: meeting.quorum.needed }) : null;
    return (
      <Stack gap={4} data-testid="meeting-next">
        <Text size="sm">{t('web.councils.open.explain')}</Text>
        <Group gap="sm">
          <Button size="lg" leftSection={<IconUsers size={20} aria-hidden />} onClick={onOpen} loading={opening} disabled={unmarked > 0} data-testid="meeting-open">
            {t('web.councils.open.button')}
          </Button>
        </Group>
        {blocked && (
          <Text size="sm" c="red.9" data-testid="meeting-open-blocked">
            {blocked}
          </Text>
        )}
      </Stack>
    );
  }
  if (meeting.status === 'OPEN' && hasAbility(meeting, 'meeting.close')) {
    return (
      <Stack gap={4} data-testid="meeting-next">
        <Text size="sm">{meeting.itemCounts.voting > 0 ? t('web.councils.close.stillVoting', { count: meeting.itemCounts.voting }) : t('web.councils.close.explain')}</Text>
        <Group gap="sm">
          <Button size="lg" color="dark" leftSection={<IconDoorExit size={20} aria-hidden />} onClick={onClose} data-testid="meeting-close">
            {t('web.councils.close.button')}
          </Button>
        </Group>
      </Stack>
    );
  }
  if (meeting.status === 'CLOSED') {
    return (
      <Alert color="gray" variant="light" data-testid="meeting-next">
        {t('web.councils.closed', { when: formatDateTime(meeting.closedAt), passed: meeting.itemCounts.passed, total: meeting.itemCounts.closed })}
      </Alert>
    );
  }
  return null;
}

/** "Kết thúc cuộc họp": seals every item still open and closes the meeting. */
function CloseMeetingModal({ meeting, onClose }: { meeting: MeetingDto; onClose: () => void }) {
  const t = useT();
  const step = useMeetingStep(meeting.id);
  return (
    <ActionModal
      title={t('web.councils.close.title')}
      submitLabel={t('web.councils.close.button')}
      confirmMessage={t('web.councils.close.confirm', { count: meeting.itemCounts.voting })}
      onSubmit={() => step.mutate({ step: 'close' }, { onSuccess: onClose })}
      submitting={step.isPending}
      error={step.error}
      onClose={onClose}
      size="md"
    >
      <Text size="sm">{meeting.itemCounts.voting > 0 ? t('web.councils.close.stillVoting', { count: meeting.itemCounts.voting }) : t('web.councils.close.explain')}</Text>
      {meeting.itemCounts.pending > 0 && <Text size="sm">{t('web.councils.close.pending', { count: meeting.itemCounts.pending })}</Text>}
    </ActionModal>
  );
}

/** "Hủy cuộc họp" with a reason; the agenda's nominations go back to waiting for the council. */
function CancelMeetingModal({ meeting, onClose }: { meeting: MeetingDto; onClose: () => void }) {
  const t = useT();
  const cancel = useCancelMeeting(meeting.id);
  const [reason, setReason] = useState('');
  const [invalid, setInvalid] = useState<string | undefined>();
  return (
    <ActionModal
      title={t('web.councils.cancel.title', { title: meeting.title })}
      submitLabel={t('web.councils.meeting.cancel')}
      danger
      confirmMessage={t('web.councils.cancel.confirm', { title: meeting.title })}
      validate={() => {
        const ok = reason.trim().length >= LIMITS.reasonMin;
        setInvalid(ok ? undefined : t('web.common.reasonHint', { min: LIMITS.reasonMin }));
        return ok;
      }}
      onSubmit={() => cancel.mutate({ reason: reason.trim() }, { onSuccess: onClose })}
      submitting={cancel.isPending}
      error={cancel.error}
      onClose={onClose}
      size="md"
    >
      <Text size="sm">{t('web.councils.cancel.explain')}</Text>
      <ReasonField value={reason} onChange={setReason} error={invalid} />
    </ActionModal>
  );
}
