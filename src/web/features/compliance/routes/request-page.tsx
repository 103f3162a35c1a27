import { useState } from 'react';
import { Anchor, Badge, Button, Checkbox, Grid, Group, Paper, Select, SimpleGrid, Stack, Text, TextInput, UnstyledButton } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconBell, IconDownload } from '@tabler/icons-react';
import { getRouteApi, useRouter } from '@tanstack/react-router';
import { TARGET_STATUSES, type TargetDto, type TargetStatus } from '../../../../contracts/cascade';
import { useT } from '../../../lib/i18n';
import { formatDate, formatDateTime, formatNumber } from '../../../lib/format';
import { ActionModal } from '../../../components/ui/action-modal';
import { ErrorAlert } from '../../../components/ui/error-alert';
import { LoadingBlock } from '../../../components/ui/loading-block';
import { PageHeader } from '../../../components/ui/page-header';
import { PaginationBar } from '../../../components/ui/pagination-bar';
import { ResponsiveTable, type Column } from '../../../components/ui/responsive-table';
import { targetsExportUrl, useRemind, useRequest, useTargets } from '../api/requests';
import type { RequestSearch } from './search';

const route = getRouteApi('/app/yeu-cau/$requestId');
const ALL = 'all';
const STATUS_COLOR: Record<TargetStatus, string> = { ON_TIME: 'teal', LATE: 'orange', MISSING: 'red', PENDING: 'gray' };
const SUMMARY_KEYS = [
  ['total', undefined],
  ['onTime', 'ON_TIME'],
  ['late', 'LATE'],
  ['missing', 'MISSING'],
  ['pending', 'PENDING'],
] as const;

/** `/yeu-cau/:id`: who answered on time, late, not at all; reminders and export of the filtered table. */
export function RequestPage() {
  const t = useT();
  const router = useRouter();
  const { requestId } = route.useParams();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const request = useRequest(requestId);
  const params = { status: search.status, q: search.q, page: search.page ?? 1, pageSize: search.pageSize ?? 25 };
  const targets = useTargets(requestId, params);
  const remind = useRemind(requestId);
  const [selected, setSelected] = useState<Set<number>>(new Set());
  const [confirm, setConfirm] = useState<number[] | null | false>(false);
  const [q, setQ] = useState(search.q ?? '');

  // The box follows the URL (back/forward, clearing the filter) — adjusted during render, not in an effect.
  const [urlQ, setUrlQ] = useState(search.q);
  if (urlQ !== search.q) {
    setUrlQ(search.q);
    setQ(search.q ?? '');
  }
  const update = (patch: Partial<RequestSearch>, keepPage = false) =>
    void navigate({ search: (prev) => ({ ...prev, ...patch, ...(keepPage ? {} : { page: undefined }) }), replace: !keepPage });

  if (request.isPending) return <LoadingBlock />;
  if (request.error || !request.data) return <ErrorAlert error={request.error} />;
  const r = request.data;
  const canRemind = r.abilities.includes('request.remind');
  const rows = targets.data?.items ?? [];
  const open = rows.filter((x) => x.respondedAt === null);
  const toggle = (id: number) =>
    setSelected((cur) => {
      const next = new Set(cur);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });

  const columns: Column<TargetDto>[] = [
    ...(canRemind
      ? [
          {
            key: 'select',
            header: '',
            width: 40,
            hideOnCard: false,
            cell: (x: TargetDto) =>
              x.respondedAt === null ? (
                <Checkbox aria-label={t('web.cascade.request.select', { name: x.orgName })} checked={selected.has(x.orgId)} onChange={() => toggle(x.orgId)} data-testid="target-select" />
              ) : null,
          },
        ]
      : []),
    { key: 'unit', header: t('web.cascade.request.unit'), primary: true, cell: (x) => <Text size="sm" fw={500}>{x.orgName}</Text> },
    {
      key: 'status',
      header: t('web.cascade.request.status'),
      cell: (x) => (
        <Badge color={STATUS_COLOR[x.status]} variant="light" style={{ textTransform: 'none' }} data-testid="target-status" data-status={x.status}>
          {t(`web.cascade.request.status.${x.status}`)}
        </Badge>
      ),
    },
    { key: 'respondedAt', header: t('web.cascade.request.respondedAt'), cell: (x) => (x.respondedAt ? formatDateTime(x.respondedAt) : '—') },
    {
      key: 'response',
      header: t('web.cascade.request.response'),
      cell: (x) => (x.responseLink ? <Anchor size="sm" onClick={() => router.history.push(x.responseLink!)}>{t('web.cascade.request.openResponse')}</Anchor> : '—'),
    },
    { key: 'registrations', header: t('web.cascade.request.registrations'), cell: (x) => formatNumber(x.registrations) },
    {
      key: 'reminders',
      header: t('web.cascade.request.reminders'),
      cell: (x) => (x.reminderCount > 0 && x.remindedAt ? t('web.cascade.request.remindersValue', { count: x.reminderCount, date: formatDate(x.remindedAt.slice(0, 10)) }) : '—'),
    },
  ];

  const sendReminder = (orgIds: number[] | null) =>
    remind.mutate(orgIds, {
      onSuccess: (res) => {
        notifications.show({ color: 'teal', message: t('web.cascade.request.reminded', { count: res.reminded, emails: res.emails }) });
        setSelected(new Set());
        setConfirm(false);
      },
    });

  return (
    <Stack gap="md">
      <PageHeader
        title={r.title}
        description={
          <Stack gap={2}>
            <Text size="sm">
              {r.issuerName} · {t(`web.cascade.requests.kind.${r.responseKind}`)} · {t('web.cascade.requests.deadline')}: <b>{formatDate(r.deadline)}</b>
            </Text>
            <Anchor size="sm" onClick={() => router.history.push(r.link)}>
              {t('web.cascade.request.source')}
            </Anchor>
          </Stack>
        }
        actions={
          <Group gap="xs">
            <Button component="a" href={targetsExportUrl(r.id, { status: search.status, q: search.q })} variant="default" leftSection={<IconDownload size={16} aria-hidden />} data-testid="export-button">
              {t('web.cascade.request.export')}
            </Button>
            {canRemind && (
              <Button
                leftSection={<IconBell size={16} aria-hidden />}
                onClick={() => setConfirm(selected.size > 0 ? [...selected] : null)}
                disabled={r.summary.missing + r.summary.pending === 0}
                data-testid="remind-button"
              >
                {selected.size > 0 ? t('web.cascade.request.remindSelected', { count: selected.size }) : t('web.cascade.request.remindAll')}
              </Button>
            )}
          </Group>
        }
      />
      <SimpleGrid cols={{ base: 2, xs: 3, md: 5 }} spacing="sm">
        {SUMMARY_KEYS.map(([key, status]) => {
          const active = search.status === status;
          return (
            <UnstyledButton key={key} onClick={() => update({ status })} aria-pressed={active} data-testid={`summary-${key}`}>
              <Paper withBorder p="sm" style={active ? { borderColor: 'var(--mantine-primary-color-filled)', borderWidth: 2 } : undefined}>
                <Text size="xs" c="dimmed">
                  {t(`web.cascade.request.summary.${key}`)}
                </Text>
                <Text fz={24} fw={700} c={status ? STATUS_COLOR[status] : undefined}>
                  {formatNumber(r.summary[key])}
                </Text>
              </Paper>
            </UnstyledButton>
          );
        })}
      </SimpleGrid>
      <Paper withBorder p="sm">
        <Grid gap="sm" role="search" aria-label={t('web.cascade.request.search')}>
          <Grid.Col span={{ base: 12, sm: 6, md: 4 }}>
            <Select
              label={t('web.cascade.request.status')}
              data={[{ value: ALL, label: t('web.cascade.request.status.all') }, ...TARGET_STATUSES.map((s) => ({ value: s, label: t(`web.cascade.request.status.${s}`) }))]}
              value={search.status ?? ALL}
              onChange={(v) => update({ status: v === null || v === ALL ? undefined : (v as TargetStatus) })}
              allowDeselect={false}
              data-testid="target-status-filter"
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 6, md: 5 }}>
            <form
              onSubmit={(e) => {
                e.preventDefault();
                update({ q: q.trim() || undefined });
              }}
            >
              <TextInput
                label={t('web.cascade.request.search')}
                placeholder={t('web.cascade.request.searchPlaceholder')}
                value={q}
                onChange={(e) => setQ(e.currentTarget.value)}
                onBlur={() => q.trim() !== (search.q ?? '') && update({ q: q.trim() || undefined })}
                data-testid="target-search"
              />
            </form>
          </Grid.Col>
          {canRemind && open.length > 0 && (
            <Grid.Col span={{ base: 12, md: 3 }} style={{ display: 'flex', alignItems: 'flex-end' }}>
              <Checkbox
                label={t('web.cascade.request.selectPage')}
                checked={open.every((x) => selected.has(x.orgId))}
                onChange={(e) => {
                  const on = e.currentTarget.checked;
                  setSelected((cur) => {
                    const next = new Set(cur);
                    for (const x of open) {
                      if (on) next.add(x.orgId);
                      else next.delete(x.orgId);
                    }
                    return next;
                  });
                }}
                data-testid="target-select-page"
              />
            </Grid.Col>
          )}
        </Grid>
      </Paper>
      <ErrorAlert error={targets.error} />
      <div>
        <ResponsiveTable
          caption={t('web.cascade.request.caption')}
          columns={columns}
          rows={rows}
          rowKey={(x) => x.orgId}
          loading={targets.isPending}
          refreshing={targets.isPlaceholderData}
          empty={t('web.cascade.request.empty')}
          testId="target-table"
          rowTestId="target-row"
          minWidth={900}
        />
        {targets.data && (
          <PaginationBar total={targets.data.total} page={params.page} pageSize={params.pageSize} onPageChange={(page) => update({ page: page === 1 ? undefined : page }, true)} onPageSizeChange={(pageSize) => update({ pageSize })} />
        )}
      </div>
      {confirm !== false && (
        <ActionModal
          title={t('web.cascade.request.remind')}
          submitLabel={t('web.cascade.request.remind')}
          onClose={() => setConfirm(false)}
          onSubmit={() => sendReminder(confirm)}
          submitting={remind.isPending}
          error={remind.error}
          size="md"
        >
          <Text size="sm">{t('web.cascade.request.remindConfirm')}</Text>
          <Text size="sm" fw={500}>
            {confirm === null ? t('web.cascade.request.remindAll') : t('web.cascade.request.remindSelected', { count: confirm.length })}
          </Text>
        </ActionModal>
      )}
    </Stack>
  );
}
