import { useState } from 'react';
import { Alert, Badge, Button, Group, List, Paper, Progress, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertTriangle, IconCircleCheck, IconDownload, IconRefresh } from '@tabler/icons-react';
import { useT } from '../../../lib/i18n';
import { formatDateTime } from '../../../lib/format';
import { ActionModal } from '../../../components/ui/action-modal';
import { ErrorAlert } from '../../../components/ui/error-alert';
import { PaginationBar } from '../../../components/ui/pagination-bar';
import { ReasonField } from '../../../components/ui/reason-field';
import { ResponsiveTable, type Column } from '../../../components/ui/responsive-table';
import { SnapshotStatForms } from './snapshot-stat-forms';
import { snapshotDocxUrl, useRerun, useRerunSnapshot, useSnapshots, useWithdrawSnapshot, type RerunResult, type SnapshotListItem } from '../api/reports';

const PAGE_SIZE = 10;
const badgeStyle = { textTransform: 'none', maxWidth: 'none', flexShrink: 0 } as const;
const show = (v: unknown) => (typeof v === 'string' ? v : JSON.stringify(v));
const STATUS_COLOR = { COMPUTING: 'blue', FAILED: 'red', ACTIVE: 'teal', WITHDRAWN: 'gray' } as const;

/** A background computation's progress: a bar, and in words (the first step waits for writes to settle). */
function JobProgress({ title, progress }: { title: string; progress: SnapshotListItem['progress'] }) {
  const t = useT();
  return (
    <Stack gap={4} miw={140}>
      <Progress value={(progress.done / Math.max(progress.total, 1)) * 100} animated aria-label={t('web.reports.progressAria', { title })} />
      <Text size="xs" c="dimmed">
        {progress.done === 0 ? t('web.reports.progress.settling') : t('web.reports.progress', { done: progress.done, total: progress.total })}
      </Text>
    </Stack>
  );
}

/** The latest check of a frozen report, in a line. */
function LastRerun({ rerun }: { rerun: NonNullable<SnapshotListItem['lastRerun']> }) {
  const t = useT();
  const at = formatDateTime(rerun.progress.computedAt ?? rerun.createdAt);
  const text =
    rerun.status === 'COMPUTING'
      ? t('web.reports.lastRerun.running')
      : rerun.status === 'FAILED'
        ? t('web.reports.rerun.failed', { reason: rerun.progress.failure ?? '' })
        : rerun.identical
          ? t('web.reports.lastRerun.identical', { at })
          : t('web.reports.lastRerun.different', { at, count: rerun.differenceCount ?? 0 });
  return (
    <Text size="xs" c={rerun.status === 'DONE' && !rerun.identical ? 'red.9' : 'dimmed'} data-testid="reports-last-rerun">
      {text}
    </Text>
  );
}

/** A re-run the user asked for: its progress, then its verdict. */
function RerunPanel({ snapshotId, rerunId, title }: { snapshotId: number; rerunId: number; title: string }) {
  const t = useT();
  const rerun = useRerun(snapshotId, rerunId);
  const r = rerun.data;
  if (rerun.error) return <ErrorAlert error={rerun.error} />;
  if (!r) return null;
  if (r.status === 'DONE' && r.result) return <RerunVerdict title={title} result={r.result} />;
  if (r.status === 'FAILED') {
    return (
      <Alert color="red" variant="light" title={t('web.reports.rerun.title', { title })} role="status" data-testid="reports-rerun-result" data-identical="unknown">
        {t('web.reports.rerun.failed', { reason: r.progress.failure ?? '' })}
      </Alert>
    );
  }
  return (
    <Alert color="blue" variant="light" icon={<IconRefresh size={18} aria-hidden />} title={t('web.reports.rerun.title', { title })} role="status" data-testid="reports-rerun-running">
      <Stack gap="xs">
        <Text size="sm">{t('web.reports.rerun.running', { done: r.progress.done, total: r.progress.total })}</Text>
        <Progress value={(r.progress.done / Math.max(r.progress.total, 1)) * 100} animated aria-label={t('web.reports.progressAria', { title })} />
      </Stack>
    </Alert>
  );
}

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
  const [checked, setChecked] = useState<{ snapshotId: number; rerunId: number; title: string } | null>(null);
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
          {s.lastRerun && <LastRerun rerun={s.lastRerun} />}
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
        <Stack gap={4} align="flex-start">
          <Badge color={STATUS_COLOR[s.status]} variant="light" style={badgeStyle} data-testid="reports-snapshot-status">
            {t(`web.reports.status.${s.status}`)}
          </Badge>
          {s.status === 'COMPUTING' && <JobProgress title={s.title} progress={s.progress} />}
          {s.status === 'FAILED' && s.progress.failure && (
            <Text size="xs" c="red.9" data-testid="reports-snapshot-failure">
              {s.progress.failure}
            </Text>
          )}
        </Stack>
      ),
    },
    {
      key: 'actions',
      header: t('web.reports.col.actions'),
      cell: (s) => (
        <Group gap="xs" wrap="wrap">
          {s.figuresSha256 !== null && (
            <>
              <Button
                size="xs"
                variant="default"
                leftSection={<IconRefresh size={14} aria-hidden />}
                aria-label={t('web.reports.rerunAria', { title: s.title })}
                loading={(rerun.isPending && rerun.variables === s.id) || s.lastRerun?.status === 'COMPUTING'}
                onClick={() => rerun.mutate(s.id, { onSuccess: (r) => setChecked({ snapshotId: s.id, rerunId: r.id, title: s.title }) })}
                data-testid="reports-rerun"
              >
                {t('web.reports.rerun')}
              </Button>
              <Button size="xs" variant="default" component="a" href={snapshotDocxUrl(s.id)} download leftSection={<IconDownload size={14} aria-hidden />} aria-label={t('web.reports.downloadAria', { title: s.title })} data-testid="reports-snapshot-docx">
                {t('web.reports.downloadDocx')}
              </Button>
              <SnapshotStatForms snapshotId={s.id} orgId={s.org.id} title={s.title} />
            </>
          )}
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
        {checked && <RerunPanel key={checked.rerunId} {...checked} />}
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
