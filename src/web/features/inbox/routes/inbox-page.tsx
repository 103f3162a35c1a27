import { Anchor, Badge, Checkbox, Grid, Group, Paper, Stack, Text } from '@mantine/core';
import { getRouteApi, useRouter } from '@tanstack/react-router';
import { INBOX_KINDS, type InboxItemDto, type InboxKind } from '../../../../contracts/cascade';
import { useT } from '../../../lib/i18n';
import { formatDateTime } from '../../../lib/format';
import { ErrorAlert } from '../../../components/ui/error-alert';
import { ChoiceFilter } from '../../../components/ui/choice-filter';
import { PageHeader } from '../../../components/ui/page-header';
import { PaginationBar } from '../../../components/ui/pagination-bar';
import { ResponsiveTable, type Column } from '../../../components/ui/responsive-table';
import { inboxDocumentUrl, useInbox, useMarkRead } from '../api/inbox';
import { inboxListParams, type InboxSearch } from './search';

const route = getRouteApi('/app/hop-thu');
const KIND_COLOR: Record<InboxKind, string> = { DOCUMENT: 'blue', REQUEST: 'orange', REMINDER: 'red', NOTICE: 'gray' };

/** `/hop-thu`: what arrived for the user's units; unread items in bold; opening one marks it read and follows its link. */
export function InboxPage() {
  const t = useT();
  const router = useRouter();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const params = inboxListParams(search);
  const list = useInbox(params);
  const markRead = useMarkRead();

  const update = (patch: Partial<InboxSearch>, keepPage = false) =>
    void navigate({ search: (prev) => ({ ...prev, ...patch, ...(keepPage ? {} : { page: undefined }) }), replace: !keepPage });

  const open = (item: InboxItemDto) => {
    const go = () => {
      if (item.link) router.history.push(item.link);
    };
    if (item.readAt === null) markRead.mutate(item.id, { onSettled: go });
    else go();
  };

  const columns: Column<InboxItemDto>[] = [
    {
      key: 'title',
      header: t('web.cascade.inbox.subject'),
      primary: true,
      cell: (i) => (
        <Stack gap={2}>
          <Anchor
            component="button"
            type="button"
            ta="left"
            size="sm"
            fw={i.readAt === null ? 700 : 400}
            onClick={() => open(i)}
            data-testid="inbox-open"
            data-unread={i.readAt === null ? 'true' : 'false'}
          >
            {i.title}
          </Anchor>
          {i.body && (
            <Text size="xs" c="dimmed">
              {i.body}
            </Text>
          )}
        </Stack>
      ),
    },
    {
      key: 'kind',
      header: t('web.cascade.inbox.kind'),
      cell: (i) => (
        <Badge variant="light" color={KIND_COLOR[i.kind]} style={{ textTransform: 'none' }}>
          {t(`web.cascade.inbox.kind.${i.kind}`)}
        </Badge>
      ),
    },
    { key: 'from', header: t('web.cascade.inbox.from'), cell: (i) => i.senderOrgName ?? '—' },
    { key: 'unit', header: t('web.cascade.inbox.unit'), cell: (i) => i.orgName },
    {
      key: 'received',
      header: t('web.cascade.inbox.received'),
      cell: (i) => (
        <Stack gap={2}>
          <Text size="sm">{formatDateTime(i.createdAt)}</Text>
          {i.readAt && (
            <Text size="xs" c="dimmed">
              {t('web.cascade.inbox.readBy', { name: i.readByName ?? '—', time: formatDateTime(i.readAt) })}
            </Text>
          )}
        </Stack>
      ),
    },
    {
      key: 'actions',
      header: '',
      cell: (i) =>
        i.hasDocument ? (
          <Anchor href={inboxDocumentUrl(i.id)} size="sm" onClick={() => i.readAt === null && markRead.mutate(i.id)} data-testid="inbox-download">
            {t('web.cascade.inbox.download')}
          </Anchor>
        ) : null,
    },
  ];

  return (
    <Stack gap="md">
      <PageHeader
        title={
          <Group gap="xs">
            {t('web.cascade.inbox.title')}
            {list.data && list.data.unread > 0 && (
              <Badge color="red" variant="filled" data-testid="inbox-unread">
                {t('web.cascade.inbox.unread', { count: list.data.unread })}
              </Badge>
            )}
          </Group>
        }
        documentTitle={t('web.cascade.inbox.title')}
        description={t('web.cascade.inbox.description')}
      />
      <Paper withBorder p="sm">
        <Grid gap="sm" role="search" aria-label={t('web.cascade.inbox.kind')}>
          <Grid.Col span={{ base: 12, xs: 6, md: 4 }}>
            <ChoiceFilter label={t('web.cascade.inbox.kind')} options={INBOX_KINDS} optionLabel={(k) => t(`web.cascade.inbox.kind.${k}`)} value={search.kind} onChange={(kind) => update({ kind })} data-testid="inbox-kind" />
          </Grid.Col>
          <Grid.Col span={{ base: 12, xs: 6, md: 4 }} style={{ display: 'flex', alignItems: 'flex-end' }}>
            <Checkbox
              label={t('web.cascade.inbox.onlyUnread')}
              checked={search.unread === true}
              onChange={(e) => update({ unread: e.currentTarget.checked ? true : undefined })}
              data-testid="inbox-unread-only"
            />
          </Grid.Col>
        </Grid>
      </Paper>
      <ErrorAlert error={list.error ?? markRead.error} />
      <div>
        <ResponsiveTable
          caption={t('web.cascade.inbox.caption')}
          columns={columns}
          rows={list.data?.items ?? []}
          rowKey={(i) => i.id}
          loading={list.isPending}
          refreshing={list.isPlaceholderData}
          onRowClick={open}
          empty={t('web.cascade.inbox.empty')}
          testId="inbox-table"
          rowTestId="inbox-row"
          minWidth={820}
        />
        {list.data && (
          <PaginationBar total={list.data.total} page={params.page} pageSize={params.pageSize} onPageChange={(page) => update({ page: page === 1 ? undefined : page }, true)} onPageSizeChange={(pageSize) => update({ pageSize })} />
        )}
      </div>
    </Stack>
  );
}
