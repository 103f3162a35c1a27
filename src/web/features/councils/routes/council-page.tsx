import { useState } from 'react';
import { Button, Group, Paper, SimpleGrid, Stack, Tabs, Text } from '@mantine/core';
import { getRouteApi } from '@tanstack/react-router';
import { IconArrowLeft, IconCalendarPlus, IconPencil, IconPlayerStop, IconUserPlus } from '@tabler/icons-react';
import { LIMITS } from '../../../../contracts/limits';
import { useT } from '../../../lib/i18n';
import { hasAbility } from '../../../lib/session';
import { formatDate } from '../../../lib/format';
import { AnchorLink } from '../../../components/ui/links';
import { ActionModal } from '../../../components/ui/action-modal';
import { ErrorAlert } from '../../../components/ui/error-alert';
import { LoadingBlock } from '../../../components/ui/loading-block';
import { PageHeader } from '../../../components/ui/page-header';
import { PaginationBar } from '../../../components/ui/pagination-bar';
import { ReasonField } from '../../../components/ui/reason-field';
import { useCouncil, useEndCouncil, type CouncilDto } from '../api/councils';
import { useMeetings } from '../api/meetings';
import { CouncilStatusBadge } from '../components/badges';
import { CouncilFormModal } from '../components/council-form-modal';
import { AddMemberModal } from '../components/member-modals';
import { MemberTable } from '../components/member-table';
import { VoteRulesPanel } from '../components/vote-rules-panel';
import { MeetingFormModal } from '../components/meeting-form-modal';
import { MeetingTable } from '../components/meeting-table';
import type { CouncilPageSearch } from './search';

const route = getRouteApi('/app/hoi-dong/$councilId');

/** `/hoi-dong/:id`: the council's facts, its members, its vote rules and its meetings. */
export function CouncilPage() {
  const t = useT();
  const { councilId } = route.useParams();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const council = useCouncil(councilId);
  const [editing, setEditing] = useState(false);
  const [adding, setAdding] = useState(false);
  const [ending, setEnding] = useState(false);
  const [scheduling, setScheduling] = useState(false);
  const tab = search.tab ?? 'members';
  const update = (patch: Partial<CouncilPageSearch>) => void navigate({ search: (prev) => ({ ...prev, ...patch }), replace: true });

  const back = (
    <AnchorLink to="/hoi-dong" size="sm">
      <IconArrowLeft size={14} aria-hidden /> {t('web.councils.back')}
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
  const serving = c.members.filter((m) => m.leftOn === null).length;
  return (
    <Stack gap="md" data-testid="council-page" data-status={c.status}>
      {back}
      <PageHeader
        title={c.name}
        description={t('web.councils.header', { org: c.orgName, term: c.termLabel })}
        actions={
          <Group gap="xs">
            {hasAbility(c, 'council.update') && (
              <Button variant="default" leftSection={<IconPencil size={16} aria-hidden />} onClick={() => setEditing(true)} data-testid="council-edit">
                {t('web.common.edit')}
              </Button>
            )}
            {hasAbility(c, 'council.end') && (
              <Button variant="default" leftSection={<IconPlayerStop size={16} aria-hidden />} onClick={() => setEnding(true)} data-testid="council-end">
                {t('web.councils.end.button')}
              </Button>
            )}
          </Group>
        }
      />
      <Paper withBorder p="md">
        <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }} spacing="sm">
          <Fact label={t('web.councils.field.status')}>
            <CouncilStatusBadge status={c.status} />
          </Fact>
          <Fact label={t('web.councils.field.term')}>{t('web.councils.termRange', { term: c.termLabel, from: formatDate(c.termStartsOn), to: c.termEndsOn ? formatDate(c.termEndsOn) : t('web.councils.noEnd') })}</Fact>
          <Fact label={t('web.councils.field.members')} testId="council-member-count">
            {t('web.councils.memberCount', { count: serving, max: c.maxMembers })}
          </Fact>
          <Fact label={t('web.councils.field.standingOffice')}>{c.standingOffice ?? t('web.councils.notSet')}</Fact>
          <Fact label={t('web.councils.field.regulationRef')}>{c.regulationRef ?? t('web.councils.notSet')}</Fact>
          {c.endedReason && <Fact label={t('web.councils.field.endedReason')}>{c.endedReason}</Fact>}
        </SimpleGrid>
      </Paper>
      <Tabs value={tab} onChange={(v) => update({ tab: v === 'rules' || v === 'meetings' ? v : undefined, page: undefined })} keepMounted={false}>
        <Tabs.List aria-label={t('web.councils.tabs')}>
          <Tabs.Tab value="members" data-testid="council-tab-members">
            {t('web.councils.tab.members')}
          </Tabs.Tab>
          <Tabs.Tab value="rules" data-testid="council-tab-rules">
            {t('web.councils.tab.rules')}
          </Tabs.Tab>
          <Tabs.Tab value="meetings" data-testid="council-tab-meetings">
            {t('web.councils.tab.meetings')}
          </Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="members" pt="md">
          <Stack gap="sm">
            {hasAbility(c, 'council.members') && (
              <Group justify="flex-end">
                <Button leftSection={<IconUserPlus size={18} aria-hidden />} onClick={() => setAdding(true)} data-testid="member-add" disabled={serving >= c.maxMembers}>
                  {t('web.councils.members.add')}
                </Button>
              </Group>
            )}
            {hasAbility(c, 'council.members') && serving >= c.maxMembers && (
              <Text size="sm" c="dimmed">
                {t('web.councils.members.full', { max: c.maxMembers })}
              </Text>
            )}
            <MemberTable council={c} />
          </Stack>
        </Tabs.Panel>
        <Tabs.Panel value="rules" pt="md">
          <VoteRulesPanel council={c} />
        </Tabs.Panel>
        <Tabs.Panel value="meetings" pt="md">
          <CouncilMeetings council={c} page={search.page ?? 1} onPage={(page) => update({ page: page === 1 ? undefined : page })} onSchedule={() => setScheduling(true)} />
        </Tabs.Panel>
      </Tabs>
      {editing && <CouncilFormModal council={c} onClose={() => setEditing(false)} />}
      {adding && <AddMemberModal council={c} onClose={() => setAdding(false)} />}
      {ending && <EndCouncilModal council={c} onClose={() => setEnding(false)} />}
      {scheduling && <MeetingFormModal council={c} seats={c.members.filter((m) => m.leftOn === null)} onClose={() => setScheduling(false)} onSaved={(m) => void navigate({ to: '/hoi-dong/hop/$meetingId', params: { meetingId: m.id } })} />}
    </Stack>
  );
}

function Fact({ label, children, testId }: { label: string; children: React.ReactNode; testId?: string }) {
  return (
    <Stack gap={2}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm" component="div" data-testid={testId}>
        {children}
      </Text>
    </Stack>
  );
}

function CouncilMeetings({ council, page, onPage, onSchedule }: { council: CouncilDto; page: number; onPage: (page: number) => void; onSchedule: () => void }) {
  const t = useT();
  const navigate = route.useNavigate();
  const params = { councilId: council.id, page, pageSize: LIMITS.pageSizeDefault };
  const list = useMeetings(params);
  return (
    <Stack gap="sm">
      {hasAbility(council, 'council.meetings') && (
        <Group justify="flex-end">
          <Button leftSection={<IconCalendarPlus size={18} aria-hidden />} onClick={onSchedule} data-testid="meeting-create">
            {t('web.councils.meetings.create')}
          </Button>
        </Group>
      )}
      <ErrorAlert error={list.error} />
      <MeetingTable rows={list.data?.items ?? []} loading={list.isPending} refreshing={list.isPlaceholderData} onOpen={(m) => void navigate({ to: '/hoi-dong/hop/$meetingId', params: { meetingId: m.id } })} />
      {list.data && <PaginationBar total={list.data.total} page={page} pageSize={params.pageSize} onPageChange={onPage} />}
    </Stack>
  );
}

/** "Kết thúc hoạt động": the council's term ends early with a reason; its records stay. */
function EndCouncilModal({ council, onClose }: { council: CouncilDto; onClose: () => void }) {
  const t = useT();
  const end = useEndCouncil(council.id);
  const [reason, setReason] = useState('');
  const [invalid, setInvalid] = useState<string | undefined>();
  return (
    <ActionModal
      title={t('web.councils.end.title', { name: council.name })}
      submitLabel={t('web.councils.end.submit')}
      danger
      confirmMessage={t('web.councils.end.confirm', { name: council.name })}
      validate={() => {
        const ok = reason.trim().length >= LIMITS.reasonMin;
        setInvalid(ok ? undefined : t('web.common.reasonHint', { min: LIMITS.reasonMin }));
        return ok;
      }}
      onSubmit={() => end.mutate({ reason: reason.trim() }, { onSuccess: onClose })}
      submitting={end.isPending}
      error={end.error}
      onClose={onClose}
      size="md"
    >
      <Text size="sm">{t('web.councils.end.explain')}</Text>
      <ReasonField value={reason} onChange={setReason} error={invalid} />
    </ActionModal>
  );
}
