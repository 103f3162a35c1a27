import { Alert, Badge, Button, Group, Paper, Select, Stack, Text, TextInput } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { getRouteApi, Navigate } from '@tanstack/react-router';
import { IconInfoCircle, IconSearch, IconSend } from '@tabler/icons-react';
import { OUTBOX_STATUSES, type OutboxItem } from '../../../../contracts/mail';
import { useT } from '../../../lib/i18n';
import { hasAbility, useMe } from '../../../lib/session';
import { formatDateTime } from '../../../lib/format';
import { ErrorAlert } from '../../../components/ui/error-alert';
import { PageHeader } from '../../../components/ui/page-header';
import { PaginationBar } from '../../../components/ui/pagination-bar';
import { ResponsiveTable, type Column } from '../../../components/ui/responsive-table';
import { useOutbox, useSendOutbox } from '../api/outbox';
import { outboxListParams, type OutboxSearch } from './search';

const route = getRouteApi('/app/thu-dien-tu');
const STATUS_COLORS: Record<OutboxItem['status'], string> = { PENDING: 'yellow', SENT: 'teal', FAILED: 'red' };

/** `/thu-dien-tu`: the emails Vinh Danh wrote and whether they left. Administrators only. */
export function OutboxPage() {
  const me = useMe();
  if (!hasAbility(me, 'mail.outbox')) return <Navigate to="/" replace />;
  return <OutboxList />;
}

function OutboxList() {
  const t = useT();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const params = outboxListParams(search);
  const list = useOutbox(params);
  const send = useSendOutbox();
  const update = (patch: Partial<OutboxSearch>) => void navigate({ search: (prev) => ({ ...prev, ...patch, page: undefined }), replace: true });
  const setQuery = useDebouncedCallback((q: string) => update({ q: q.trim() || undefined }), 300);

  const columns: Column<OutboxItem>[] = [
    { key: 'time', header: t('web.outbox.field.createdAt'), cell: (m) => <Text size="sm" style={{ whiteSpace: 'nowrap' }}>{formatDateTime(m.createdAt, true)}</Text> },
    { key: 'to', header: t('web.outbox.field.to'), cell: (m) => <Text size="sm" style={{ wordBreak: 'break-all' }}>{m.toAddress}</Text> },
    { key: 'subject', header: t('web.outbox.field.subject'), primary: true, cell: (m) => <Text size="sm" fw={500}>{m.subject}</Text> },
    {
      key: 'status',
      header: t('web.outbox.field.status'),
      cell: (m) => (
        <Badge color={STATUS_COLORS[m.status]} variant="light" style={{ textTransform: 'none' }} data-testid="outbox-status" data-status={m.status}>
          {t(`web.outbox.status.${m.status}`)}
        </Badge>
      ),
    },
  ];

  return (
    <Stack gap="md">
      <PageHeader
        title={t('web.outbox.title')}
        description={t('web.outbox.description')}
        actions={
          list.data?.smtpConfigured && (
            <Button
              leftSection={<IconSend size={16} aria-hidden />}
              loading={send.isPending}
              disabled={list.data.pending === 0}
              onClick={() => send.mutate(undefined, { onSuccess: (r) => notifications.show({ color: r.failed > 0 ? 'orange' : 'teal', message: t('web.outbox.sent', { sent: r.sent, failed: r.failed }) }) })}
              data-testid="outbox-send"
            >
              {t('web.outbox.send', { count: list.data.pending })}
            </Button>
          )
        }
      />
      {list.data && !list.data.smtpConfigured && (
        <Alert color="blue" variant="light" icon={<IconInfoCircle size={18} aria-hidden />} data-testid="outbox-no-smtp">
          {t('web.outbox.noSmtp')}
        </Alert>
      )}
      <ErrorAlert error={list.error ?? send.error} />
      <Paper withBorder p="sm">
        <Group gap="sm" align="flex-end" wrap="wrap">
          <TextInput
            label={t('web.outbox.filter.q')}
            defaultValue={search.q ?? ''}
            onChange={(e) => setQuery(e.currentTarget.value)}
            leftSection={<IconSearch size={16} aria-hidden />}
            maxLength={100}
            style={{ flex: '1 1 16rem' }}
            data-testid="outbox-q"
          />
          <Select
            label={t('web.outbox.field.status')}
            data={[{ value: 'all', label: t('web.outbox.filter.all') }, ...OUTBOX_STATUSES.map((s) => ({ value: s, label: t(`web.outbox.status.${s}`) }))]}
            value={search.status ?? 'all'}
            onChange={(v) => update({ status: v && v !== 'all' ? (v as OutboxItem['status']) : undefined })}
            allowDeselect={false}
            style={{ flex: '0 1 12rem' }}
            data-testid="outbox-status-filter"
          />
        </Group>
      </Paper>
      <div>
        <ResponsiveTable
          caption={t('web.outbox.title')}
          columns={columns}
          rows={list.data?.items ?? []}
          rowKey={(m) => m.id}
          loading={list.isPending}
          refreshing={list.isPlaceholderData}
          empty={t('web.outbox.empty')}
          renderDetail={(m) => (
            <Stack gap={4}>
              <Text size="sm" style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word' }} data-testid="outbox-body">
                {m.body}
              </Text>
              {m.lastError && (
                <Text size="xs" c="red.9">
                  {t('web.outbox.lastError', { attempts: m.attempts, error: m.lastError })}
                </Text>
              )}
              {m.sentAt && (
                <Text size="xs" c="dimmed">
                  {t('web.outbox.sentAt', { at: formatDateTime(m.sentAt, true) })}
                </Text>
              )}
            </Stack>
          )}
          testId="outbox-table"
          rowTestId="outbox-row"
          minWidth={720}
        />
        {list.data && (
          <PaginationBar
            total={list.data.total}
            page={params.page}
            pageSize={params.pageSize}
            onPageChange={(page) => void navigate({ search: (prev) => ({ ...prev, page: page === 1 ? undefined : page }) })}
            onPageSizeChange={(pageSize) => void navigate({ search: (prev) => ({ ...prev, pageSize, page: undefined }), replace: true })}
          />
        )}
      </div>
    </Stack>
  );
}
