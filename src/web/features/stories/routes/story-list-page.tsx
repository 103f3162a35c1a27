import { useEffect, useState } from 'react';
import { Button, Grid, Group, Stack, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconPlus, IconSearch } from '@tabler/icons-react';
import { getRouteApi } from '@tanstack/react-router';
import { STORY_STATUSES } from '../../../../contracts/stories';
import { LIMITS } from '../../../../contracts/limits';
import { useT } from '../../../lib/i18n';
import { useMe } from '../../../lib/session';
import { formatDateTime } from '../../../lib/format';
import { ErrorAlert } from '../../../components/ui/error-alert';
import { PageHeader } from '../../../components/ui/page-header';
import { PaginationBar } from '../../../components/ui/pagination-bar';
import { AnchorLink } from '../../../components/ui/links';
import { ResponsiveTable, type Column } from '../../../components/ui/responsive-table';
import { OrgStatusFilter } from '../../../components/ui/org-status-filter';
import { useStories, type StorySummaryDto } from '../api/stories';
import { StoryStatusBadge } from '../components/badges';
import { CreateStoryModal } from '../components/create-story-modal';
import { CreditListSection } from '../components/credit-list';
import type { StorySearch } from './search';
import { ExcelExportButton } from '../../../components/ui/excel-export-button';

const route = getRouteApi('/app/guong-dien-hinh');
/** Roles that write stories (the server decides; this only shows the button). */
const OFFICER_ROLES: readonly string[] = ['SYSTEM_ADMIN', 'TDKT_OFFICER'];

/** `/guong-dien-hinh`: the exemplary stories in the reader's scope, paged on the server (cards on a phone). */
export function StoryListPage() {
  const t = useT();
  const me = useMe();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const params = { orgId: search.orgId, status: search.status, q: search.q, page: search.page ?? 1, pageSize: LIMITS.pageSizeDefault };
  const list = useStories(params);
  const officer = me.roles.find((r) => OFFICER_ROLES.includes(r.role));
  const [creating, setCreating] = useState(false);
  const [q, setQ] = useState(search.q ?? '');
  const [debounced] = useDebouncedValue(q.trim(), 300);
  const update = (patch: Partial<StorySearch>, keepPage = false) =>
    void navigate({ search: (prev) => ({ ...prev, ...patch, ...(keepPage ? {} : { page: undefined }) }), replace: !keepPage });
  useEffect(() => {
    if ((debounced || undefined) !== search.q) update({ q: debounced || undefined });
    // Only the typed text drives this; the search in the URL follows it.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [debounced]);
  const counts = list.data?.counts ?? {};

  const columns: Column<StorySummaryDto>[] = [
    {
      key: 'title',
      header: t('web.stories.field.title'),
      primary: true,
      cell: (s) => (
        <AnchorLink to="/guong-dien-hinh/$storyId" params={{ storyId: s.id }} size="sm" fw={500} data-testid="story-open">
          {s.title}
        </AnchorLink>
      ),
    },
    {
      key: 'subject',
      header: t('web.stories.field.subject'),
      cell: (s) => (
        <Stack gap={0}>
          <Text size="sm" span>
            {s.subjectName}
          </Text>
          {s.subjectUnit && (
            <Text size="xs" c="dimmed" span>
              {s.subjectUnit}
            </Text>
          )}
        </Stack>
      ),
    },
    { key: 'org', header: t('web.stories.field.org'), cell: (s) => s.orgName },
    { key: 'status', header: t('web.stories.field.status'), cell: (s) => <StoryStatusBadge status={s.status} /> },
    { key: 'photos', header: t('web.stories.field.photos'), cell: (s) => String(s.photoCount) },
    { key: 'updated', header: t('web.stories.field.updatedAt'), cell: (s) => formatDateTime(s.updatedAt) },
  ];

  return (
    <Stack gap="md">
      <PageHeader
        title={t('web.stories.list.title')}
        description={t('web.stories.list.description')}
        actions={
          <Group gap="sm">
            <ExcelExportButton path="/stories/export.xlsx" filters={{ orgId: search.orgId, status: search.status, q: search.q }} size="md" testId="story-export" />
            {officer && (
              <Button size="md" leftSection={<IconPlus size={18} aria-hidden />} onClick={() => setCreating(true)} data-testid="story-create">
                {t('web.stories.list.create')}
              </Button>
            )}
          </Group>
        }
      />
      <OrgStatusFilter
        label={t('web.stories.list.filter')}
        orgLabel={t('web.stories.field.org')}
        statusLabel={t('web.stories.field.status')}
        statuses={STORY_STATUSES}
        statusName={(s) => (list.data ? t('web.stories.statusCount', { status: t(`web.stories.status.${s}`), count: counts[s] ?? 0 }) : t(`web.stories.status.${s}`))}
        orgId={search.orgId}
        status={search.status}
        onChange={update}
        onClear={() => void navigate({ search: search.q ? { q: search.q } : {}, replace: true })}
        testIdPrefix="story"
      />
      <Grid gap="sm">
        <Grid.Col span={{ base: 12, sm: 8, md: 6 }}>
          <TextInput
            label={t('web.stories.list.search')}
            description={t('web.stories.list.searchHint')}
            leftSection={<IconSearch size={16} aria-hidden />}
            value={q}
            onChange={(e) => {
              const v = e.currentTarget.value;
              setQ(v);
            }}
            maxLength={100}
            type="search"
            data-testid="story-search"
          />
        </Grid.Col>
      </Grid>
      <ErrorAlert error={list.error} />
      <div>
        <ResponsiveTable
          caption={t('web.stories.list.caption')}
          columns={columns}
          rows={list.data?.items ?? []}
          rowKey={(s) => s.id}
          loading={list.isPending}
          refreshing={list.isPlaceholderData}
          onRowClick={(s) => void navigate({ to: '/guong-dien-hinh/$storyId', params: { storyId: s.id } })}
          empty={<Text component="span">{t('web.stories.list.empty')}</Text>}
          testId="story-table"
          rowTestId="story-row"
        />
        {list.data && <PaginationBar total={list.data.total} page={params.page} pageSize={params.pageSize} onPageChange={(page) => update({ page: page === 1 ? undefined : page }, true)} />}
      </div>
      <CreditListSection orgId={search.orgId} year={search.year} page={search.creditPage ?? 1} onChange={(patch) => update(patch, true)} />
      {creating && (
        <CreateStoryModal
          defaultOrgId={search.orgId ?? officer?.orgId ?? null}
          onClose={() => setCreating(false)}
          onCreated={(s) => void navigate({ to: '/guong-dien-hinh/$storyId', params: { storyId: s.id } })}
        />
      )}
    </Stack>
  );
}
