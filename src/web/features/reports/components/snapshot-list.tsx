import { useState } from 'react';
import { Alert, Badge, Button, Group, List, Paper, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertTriangle, IconCircleCheck, IconDownload, IconRefresh } from '@tabler/icons-react';
import { useT } from '../../../lib/i18n';
import { formatDateTime } from '../../../lib/format';
import { ActionModal } from '../../../components/ui/action-modal';
import { ErrorAlert } from '../../../components/ui/error-alert';
import { PaginationBar } from '../../../components/ui/pagination-bar';
import { ReasonField } from '../../../components/ui/reason-field';
import { ResponsiveTable, type Column } from '../../../components/ui/responsive-table';
import { snapshotDocxUrl, useRerunSnapshot, useSnapshots, useWithdrawSnapshot, type RerunResult, type SnapshotListItem } from '../api/reports';

const PAGE_SIZE = 10;
const badgeStyle = { textTransform: 'none', maxWidth: 'none', flexShrink: 0 } as const;
const show = (v: unknown) => (typeof v === 'string' ? v : JSON.stringify(v));

/** What a re-run found, in words: a match, or each differing figure. */
export function RerunVerdict({ title, result }: { title: string; result: RerunResult }) {
  const t = useT();
  if (result.identical) {
    return (
      <Alert color="teal" variant="light" icon={<IconCircleCheck size={18} aria-hidden />} title={t('web.reports.rerun.title', { title })} role="status" data-testid="reports-rerun-result" data-identical="true">
        {t('web.reports.rerun.identical')}
      </Alert>
    );
  }
  return (
    <Alert color="red" variant="light" icon={<IconAlertTriangle size={18} aria-hidden />} title={t('web.reports.rerun.title', { title })} role="status" data-testid="reports-rerun-result" data-identical="false">
      <Stack gap="xs">
        {result.currentStoredSha256 !== result.storedSha256 && <Text size="sm">{t('web.reports.rerun.tampered')}</Text>}
        <Text size="sm">{t('web.reports.rerun.different', { count: result.differenceCount })}</Text>
        <List size="sm">
          {result.differences.map((d) => (
            <List.Item key={d.path}>
              <Text span size="sm" ff="monospace">
                {t('web.reports.rerun.line', { path: d.path, stored: show(d.stored), rerun: show(d.rerun) })}
              </Text>
            </List.Item>
          ))}
        </List>
        {result.differenceCount > result.differences.length && <Text size="sm">{t('web.reports.rerun.more', { count: result.differenceCount - result.differences.length })}</Text>}
      </Stack>
    </Alert>
  );
}

function WithdrawModal({ snapshot, onClose }: { snapshot: SnapshotListItem; onClose: () => void }) {
  const t = useT();
  const withdraw = useWithdrawSnapshot(snapshot.id);
  const [reason, setReason] = useState('');
  return (
    <ActionModal
      title={t('web.reports.withdraw.title')}
      onClose={onClose}
      submitLabel={t('web.reports.withdraw')}
      danger
      confirmMessage={t('web.reports.withdraw.confirm', { title: snapshot.title })}
      submitting={withdraw.isPending}
      error={withdraw.error}
      onSubmit={() =>
        withdraw.mutate(reason, {
          onSuccess: () => {
            notifications.show({ color: 'teal', message: t('web.reports.withdraw.done') });
            onClose();
          },
        })
      }
    >
      <Text size="sm" fw={600}>
        {snapshot.title}
      </Text>
      <ReasonField value={reason} onChange={setReason} />
    </ActionModal>
  );
}

/** Frozen reports of the unit's subtree for the year, with re-run, download and withdraw. */
export function SnapshotList({ orgId, year, page, onPage }: { orgId: number; year: number; page: number; onPage: (page: number) => void }) {
  const t = useT();
  const list = useSnapshots({ orgId, year, page, pageSize: PAGE_SIZE });
  const rerun = useRerunSnapshot();
  const [checked, setChecked] = useState<{ title: string; result: RerunResult } | null>(null);
  const [withdrawing, setWithdrawing] = useState<SnapshotListItem | null>(null);

  const columns: Column<SnapshotListItem>[] = [
    {
      key: 'title',
      header: t('web.reports.col.title'),
      primary: true,
      cell: (s) => (
        <Stack gap={2}>
          <Text size="sm" fw={600}>
            {s.title}
          </Text>
          {s.org.id !== orgId && (
            <Text size="xs" c="dimmed">
              {s.org.name}
            </Text>
          )}
          {s.withdrawnReason && (
            <Text size="xs" c="dimmed">
              {t('web.reports.withdrawnReason', { reason: s.withdrawnReason })}
            </Text>
          )}
        </Stack>
      ),
    },
    { key: 'kind', header: t('web.reports.col.kind'), cell: (s) => t(`web.reports.kind.${s.kind}`) },
    { key: 'asOf', header: t('web.reports.col.asOf'), cell: (s) => formatDateTime(s.asOf) },
    { key: 'createdBy', header: t('web.reports.col.createdBy'), cell: (s) => s.createdBy ?? '' },
    {
      key: 'status',
      header: t('web.reports.col.status'),
      cell: (s) => (
        <Badge color={s.status === 'ACTIVE' ? 'teal' : 'gray'} variant="light" style={badgeStyle} data-testid="reports-snapshot-status">
          {t(`web.reports.status.${s.status}`)}
        </Badge>
      ),
    },
    {
      key: 'actions',
      header: t('web.reports.col.actions'),
      cell: (s) => (
        <Group gap="xs" wrap="wrap">
          <Button
            size="xs"
            variant="default"
            leftSection={<IconRefresh size={14} aria-hidden />}
            aria-label={t('web.reports.rerunAria', { title: s.title })}
            loading={rerun.isPending && rerun.variables === s.id}
            onClick={() => rerun.mutate(s.id, { onSuccess: (result) => setChecked({ title: s.title, result }) })}
            data-testid="reports-rerun"
          >
            {t('web.reports.rerun')}
          </Button>
          <Button size="xs" variant="default" component="a" href={snapshotDocxUrl(s.id)} download leftSection={<IconDownload size={14} aria-hidden />} aria-label={t('web.reports.downloadAria', { title: s.title })} data-testid="reports-snapshot-docx">
            {t('web.reports.downloadDocx')}
          </Button>
          {s.abilities.includes('snapshot.withdraw') && (
            <Button size="xs" variant="outline" color="red.9" aria-label={t('web.reports.withdrawAria', { title: s.title })} onClick={() => setWithdrawing(s)} data-testid="reports-withdraw">
              {t('web.reports.withdraw')}
            </Button>
          )}
        </Group>
      ),
    },
  ];

  return (
    <Paper withBorder p="md">
      <Stack gap="sm">
        <Title order={2} size="h4">
          {t('web.reports.list.title')}
        </Title>
        <ErrorAlert error={list.error ?? rerun.error} />
        {checked && <RerunVerdict title={checked.title} result={checked.result} />}
        <ResponsiveTable
          caption={t('web.reports.list.caption')}
          columns={columns}
          rows={list.data?.items ?? []}
          rowKey={(s) => s.id}
          loading={list.isPending}
          refreshing={list.isPlaceholderData}
          empty={t('web.reports.list.empty')}
          testId="reports-snapshots"
          rowTestId="reports-snapshot-row"
        />
        {list.data && list.data.total > PAGE_SIZE && <PaginationBar total={list.data.total} page={page} pageSize={PAGE_SIZE} onPageChange={onPage} />}
      </Stack>
      {withdrawing && <WithdrawModal snapshot={withdrawing} onClose={() => setWithdrawing(null)} />}
    </Paper>
  );
}
