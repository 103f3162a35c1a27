import { useState } from 'react';
import { Button, Grid, Group, Paper, Select, Stack, Tabs, Text, TextInput } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { getRouteApi } from '@tanstack/react-router';
import { IconArrowLeft, IconFilePlus, IconLock, IconPlus, IconSearch } from '@tabler/icons-react';
import { LIMITS } from '../../../../contracts/limits';
import { ELIGIBILITY_STATUSES } from '../../../../contracts/enums';
import { NOMINATION_STATUSES } from '../../../../contracts/nominations';
import { useT } from '../../../lib/i18n';
import { hasAbility } from '../../../lib/session';
import { formatDate } from '../../../lib/format';
import { AnchorLink } from '../../../components/ui/links';
import { ErrorAlert } from '../../../components/ui/error-alert';
import { LoadingBlock } from '../../../components/ui/loading-block';
import { PageHeader } from '../../../components/ui/page-header';
import { PaginationBar } from '../../../components/ui/pagination-bar';
import { ChoiceFilter, ClearFiltersCol } from '../../../components/ui/choice-filter';
import { useNominationRound, type NominationRoundDto } from '../api/rounds';
import { useNominations, type NominationSummaryDto } from '../api/nominations';
import { useCreateSubmission, useSubmissions } from '../api/submissions';
import { MyDeadline, RoundSchedule } from '../components/round-schedule';
import { RoundStatusBadge } from '../components/round-table';
import { NominationTable, selectable } from '../components/nomination-table';
import { NominationFormModal } from '../components/nomination-form-modal';
import { SubmissionTable } from '../components/submission-table';
import { WhatIfPanel } from '../components/what-if-panel';
import { RoundCloseModal } from '../components/round-close-modal';
import type { NominationRoundPageSearch } from './search';
import { ExcelExportButton } from '../../../components/ui/excel-export-button';

const route = getRouteApi('/app/de-nghi/$roundId');
const ALL = 'all';

/** `/de-nghi/:id`: the round's schedule, the reader's nominations (build a tờ trình from drafts) and the unit's tờ trình. */
export function NominationRoundPage() {
  const t = useT();
  const { roundId } = route.useParams();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const round = useNominationRound(roundId);
  const [adding, setAdding] = useState(false);
  const [closing, setClosing] = useState(false);
  const tab = search.tab ?? 'nominations';
  const update = (patch: Partial<NominationRoundPageSearch>) => void navigate({ search: (prev) => ({ ...prev, ...patch }), replace: true });

  const back = (
    <AnchorLink to="/de-nghi" size="sm">
      <IconArrowLeft size={14} aria-hidden /> {t('web.nominations.rounds.back')}
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
  return (
    <Stack gap="md">
      {back}
      <PageHeader
        title={r.title}
        description={t('web.nominations.round.header', { org: r.orgName, year: r.year, kind: t(`web.nominations.kind.${r.kind}`), ceremony: formatDate(r.ceremonyDate) })}
        actions={
          <Group gap="xs">
            {hasAbility(r, 'round.close') && (
              <Button variant="default" leftSection={<IconLock size={16} aria-hidden />} onClick={() => setClosing(true)} data-testid="nround-close">
                {t('web.nominations.round.close.button')}
              </Button>
            )}
            {hasAbility(r, 'nomination.create') && (
              <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setAdding(true)} data-testid="nomination-add">
                {t('web.nominations.list.add')}
              </Button>
            )}
          </Group>
        }
      />
      {closing && <RoundCloseModal round={r} onClose={() => setClosing(false)} />}
      <Group gap="xs">
        <RoundStatusBadge status={r.status} />
        {r.closedReason && (
          <Text size="sm" c="dimmed">
            {r.closedReason}
          </Text>
        )}
      </Group>
      <MyDeadline round={r} />
      <RoundSchedule round={r} />
      <Tabs value={tab} onChange={(v) => update({ tab: v === 'submissions' ? 'submissions' : undefined, page: undefined })} keepMounted={false}>
        <Tabs.List aria-label={t('web.nominations.round.tabs')}>
          <Tabs.Tab value="nominations" data-testid="nround-tab-nominations">
            {t('web.nominations.round.tabNominations')}
          </Tabs.Tab>
          <Tabs.Tab value="submissions" data-testid="nround-tab-submissions">
            {t('web.nominations.round.tabSubmissions')}
          </Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="nominations" pt="md">
          <RoundNominations round={r} search={search} onFilter={update} />
        </Tabs.Panel>
        <Tabs.Panel value="submissions" pt="md">
          <RoundSubmissions roundId={r.id} page={search.page ?? 1} onPage={(page) => update({ page: page === 1 ? undefined : page })} />
        </Tabs.Panel>
      </Tabs>
      {adding && (
        <NominationFormModal round={r} onClose={() => setAdding(false)} onSaved={(n) => void navigate({ to: '/de-nghi/ho-so/$nominationId', params: { nominationId: n.id } })} />
      )}
    </Stack>
  );
}

function RoundNominations({ round, search, onFilter }: { round: NominationRoundDto; search: NominationRoundPageSearch; onFilter: (patch: Partial<NominationRoundPageSearch>) => void }) {
  const t = useT();
  const navigate = route.useNavigate();
  const params = { roundId: round.id, status: search.status, eligibility: search.eligibility, awardCode: search.award, q: search.q, page: search.page ?? 1, pageSize: LIMITS.pageSizeDefault };
  const list = useNominations(params);
  const [q, setQ] = useState(search.q ?? '');
  const setSearch = useDebouncedCallback((value: string) => onFilter({ q: value.trim() || undefined, page: undefined }), 350);
  // Picked rows are kept by id (with their unit) across pages and filters.
  const [picked, setPicked] = useState<Map<number, NominationSummaryDto>>(new Map());
  const create = useCreateSubmission();
  const canBuild = hasAbility(round, 'submission.create');
  const units = new Set([...picked.values()].map((n) => n.proposerOrgId));
  const unitId = units.size === 1 ? [...units][0]! : null;
  // The what-if is about the reader's unit: the proposer of the list shown (drafts are the unit's own).
  const whatIfOrg = unitId ?? list.data?.items.find(selectable)?.proposerOrgId ?? null;
  const filtered = search.status !== undefined || search.eligibility !== undefined || search.award !== undefined || search.q !== undefined;

  const toggle = (n: NominationSummaryDto, on: boolean) =>
    setPicked((cur) => {
      const next = new Map(cur);
      if (on) next.set(n.id, n);
      else next.delete(n.id);
      return next;
    });

  const build = () => {
    if (unitId === null) return;
    create.mutate(
      { roundId: round.id, fromOrgId: unitId, nominationIds: [...picked.keys()] },
      { onSuccess: (s) => void navigate({ to: '/de-nghi/to-trinh/$submissionId', params: { submissionId: s.id } }) },
    );
  };

  return (
    <Stack gap="md">
      {hasAbility(round, 'nomination.create') && <WhatIfPanel roundId={round.id} orgId={whatIfOrg} />}
      <Paper withBorder p="sm">
        <Grid gap="sm" role="search" aria-label={t('web.nominations.list.filter')}>
          <Grid.Col span={{ base: 12, sm: 6, md: 3 }}>
            <TextInput
              label={t('web.nominations.list.search')}
              leftSection={<IconSearch size={16} aria-hidden />}
              value={q}
              onChange={(e) => {
                setQ(e.currentTarget.value);
                setSearch(e.currentTarget.value);
              }}
              data-testid="nomination-search"
            />
          </Grid.Col>
          <Grid.Col span={{ base: 6, sm: 3, md: 2 }}>
            <ChoiceFilter label={t('web.nominations.field.status')} options={NOMINATION_STATUSES} optionLabel={(s) => t(`web.nominations.status.${s}`)} value={search.status} onChange={(status) => onFilter({ status, page: undefined })} data-testid="nomination-status-filter" />
          </Grid.Col>
          <Grid.Col span={{ base: 6, sm: 3, md: 2 }}>
            <ChoiceFilter label={t('web.nominations.field.eligibility')} options={ELIGIBILITY_STATUSES} optionLabel={(s) => t(`web.nominations.eligibility.${s}`)} value={search.eligibility} onChange={(eligibility) => onFilter({ eligibility, page: undefined })} data-testid="nomination-eligibility-filter" />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 6, md: 3 }}>
            <Select
              label={t('web.nominations.field.award')}
              data={[{ value: ALL, label: t('web.common.all') }, ...round.awards.map((a) => ({ value: a.code, label: a.name }))]}
              value={search.award ?? ALL}
              onChange={(v) => onFilter({ award: v === null || v === ALL ? undefined : v, page: undefined })}
              allowDeselect={false}
              data-testid="nomination-award-filter"
            />
          </Grid.Col>
          <ClearFiltersCol
            active={filtered}
            span={{ base: 12, sm: 6, md: 2 }}
            onClear={() => {
              setQ('');
              onFilter({ status: undefined, eligibility: undefined, award: undefined, q: undefined, page: undefined });
            }}
          />
        </Grid>
      </Paper>
      <Group justify="flex-end">
        <ExcelExportButton path="/nominations/export.xlsx" filters={{ roundId: round.id, status: search.status, eligibility: search.eligibility, awardCode: search.award, q: search.q }} testId="nomination-export" />
      </Group>
      {canBuild && (
        <Paper withBorder p="sm" data-testid="submission-builder">
          <Group justify="space-between" gap="sm">
            <Text size="sm">{picked.size === 0 ? t('web.nominations.build.hint') : units.size > 1 ? t('web.nominations.build.oneUnit') : t('web.nominations.build.selected', { count: picked.size })}</Text>
            <Button leftSection={<IconFilePlus size={16} aria-hidden />} disabled={unitId === null} loading={create.isPending} onClick={build} data-testid="submission-build">
              {t('web.nominations.build.submit')}
            </Button>
          </Group>
          <ErrorAlert error={create.error} />
        </Paper>
      )}
      <ErrorAlert error={list.error} />
      <div>
        <NominationTable rows={list.data?.items ?? []} loading={list.isPending} refreshing={list.isPlaceholderData} selected={canBuild ? new Set(picked.keys()) : undefined} onToggle={toggle} />
        {list.data && <PaginationBar total={list.data.total} page={params.page} pageSize={params.pageSize} onPageChange={(page) => onFilter({ page: page === 1 ? undefined : page })} />}
      </div>
    </Stack>
  );
}

function RoundSubmissions({ roundId, page, onPage }: { roundId: number; page: number; onPage: (page: number) => void }) {
  const t = useT();
  const params = { box: 'SENT' as const, roundId, page, pageSize: LIMITS.pageSizeDefault };
  const list = useSubmissions(params);
  return (
    <Stack gap="sm">
      <ErrorAlert error={list.error} />
      <SubmissionTable rows={list.data?.items ?? []} loading={list.isPending} refreshing={list.isPlaceholderData} empty={t('web.nominations.submission.empty')} />
      {list.data && <PaginationBar total={list.data.total} page={page} pageSize={params.pageSize} onPageChange={onPage} />}
    </Stack>
  );
}
