import { Button, Drawer, Group, Stack, Text } from '@mantine/core';
import { IconDownload } from '@tabler/icons-react';
import { useT } from '../../../lib/i18n';
import { formatDate, formatNumber } from '../../../lib/format';
import { useIsMobile } from '../../../lib/use-is-mobile';
import { ErrorAlert } from '../../../components/ui/error-alert';
import { PaginationBar } from '../../../components/ui/pagination-bar';
import { ResponsiveTable, type Column } from '../../../components/ui/responsive-table';
import type { MessageKey } from '../../../../contracts/messages';
import type { AwardRecordRow, FunnelRowDto, OverdueRowDto, StreakRowDto } from '../../../../contracts/dashboard-drilldown';
import { recordsExportUrl, useDrilldown, type DrilldownDto, type FigureSelector } from '../api/dashboard';

type AnyRow = DrilldownDto['items'][number];

/** Columns for each kind of figure's rows. */
function useColumns(figure: DrilldownDto['figure'] | undefined): Column<AnyRow>[] {
  const t = useT();
  const h = (key: string) => t(`web.dashboard.drill.${key}` as MessageKey);
  const subject = (s: 'INDIVIDUAL' | 'COLLECTIVE') => h(s === 'INDIVIDUAL' ? 'individual' : 'collective');
  const link = (href: string | null, text: string) => (href === null ? text : <a href={href}>{text}</a>);
  switch (figure) {
    case 'award':
    case 'share':
      return [
        { key: 'subject', header: h('subject'), primary: true, cell: (r) => (r as AwardRecordRow).subjectName },
        { key: 'code', header: h('code'), cell: (r) => `${(r as AwardRecordRow).subjectCode} (${subject((r as AwardRecordRow).subject)})` },
        { key: 'unit', header: h('unit'), cell: (r) => (r as AwardRecordRow).unitName ?? '—' },
        { key: 'award', header: h('award'), cell: (r) => (r as AwardRecordRow).awardName },
        { key: 'year', header: h('year'), cell: (r) => String((r as AwardRecordRow).year) },
        {
          key: 'decision',
          header: h('decision'),
          cell: (r) => {
            const a = r as AwardRecordRow;
            return a.decisionNumber ? t('web.dashboard.drill.decisionOf', { number: a.decisionNumber, date: formatDate(a.decisionDate) }) : '—';
          },
        },
        { key: 'source', header: h('source'), cell: (r) => (r as AwardRecordRow).sourceLabel },
      ];
    case 'streak':
      return [
        { key: 'subject', header: h('subject'), primary: true, cell: (r) => (r as StreakRowDto).subjectName },
        { key: 'code', header: h('code'), cell: (r) => (r as StreakRowDto).subjectCode },
        { key: 'unit', header: h('unit'), cell: (r) => (r as StreakRowDto).unitName ?? '—' },
        { key: 'years', header: h('years'), cell: (r) => formatNumber((r as StreakRowDto).years) },
        { key: 'from', header: h('from'), cell: (r) => String((r as StreakRowDto).fromYear) },
      ];
    case 'funnel':
      return [
        { key: 'subject', header: h('subject'), primary: true, cell: (r) => link((r as FunnelRowDto).link, (r as FunnelRowDto).subjectName) },
        { key: 'kind', header: h('kind'), cell: (r) => `${h(`kind.${(r as FunnelRowDto).kind}`)} (${subject((r as FunnelRowDto).subject)})` },
        { key: 'unit', header: h('unit'), cell: (r) => (r as FunnelRowDto).unitName ?? '—' },
        { key: 'award', header: h('award'), cell: (r) => (r as FunnelRowDto).awardName },
        { key: 'status', header: h('status'), cell: (r) => (r as FunnelRowDto).statusLabel },
        { key: 'date', header: h('date'), cell: (r) => formatDate((r as FunnelRowDto).date) },
      ];
    case 'overdue':
      return [
        { key: 'item', header: h('item'), primary: true, cell: (r) => link((r as OverdueRowDto).link, (r as OverdueRowDto).title) },
        { key: 'org', header: h('org'), cell: (r) => (r as OverdueRowDto).orgName },
        { key: 'level', header: h('level'), cell: (r) => (r as OverdueRowDto).levelLabel },
        { key: 'due', header: h('due'), cell: (r) => formatDate((r as OverdueRowDto).dueOn) },
        { key: 'days', header: h('daysOverdue'), cell: (r) => t('web.dashboard.drill.days', { count: formatNumber((r as OverdueRowDto).daysOverdue) }) },
      ];
    default:
      return [];
  }
}

const rowKey = (r: AnyRow) => ('kind' in r ? `${r.kind}-${r.id}` : 'id' in r ? r.id : `${r.subject}-${r.personId ?? r.orgId}`);

interface Props {
  orgId: number;
  year: number;
  figure: FigureSelector | undefined;
  page: number;
  pageSize: number;
  onPage: (page: number, pageSize: number) => void;
  onClose: () => void;
}

/** The records behind one figure: a paged table in a drawer (full screen on phones) and its Excel export. */
export function DrilldownDrawer({ orgId, year, figure, page, pageSize, onPage, onClose }: Props) {
  const t = useT();
  const mobile = useIsMobile();
  const list = useDrilldown({ orgId, year, figure, page, pageSize });
  const data = list.data;
  const columns = useColumns(data?.figure);
  return (
    <Drawer
      opened={figure !== undefined}
      onClose={onClose}
      position="right"
      size={mobile ? '100%' : 'xl'}
      title={<Text fw={700} data-testid="drilldown-title">{data?.title ?? t('web.dashboard.drill.caption')}</Text>}
      closeButtonProps={{ 'aria-label': t('web.dashboard.drill.close') }}
      data-testid="drilldown-drawer"
    >
      <Stack gap="sm" data-testid="drilldown" aria-busy={list.isFetching}>
        <ErrorAlert error={list.error} />
        {figure && (
          <Group justify="flex-end">
            <Button component="a" href={recordsExportUrl(orgId, year, figure)} variant="default" size="sm" leftSection={<IconDownload size={16} aria-hidden />} data-testid="drilldown-export">
              {t('web.dashboard.drill.export')}
            </Button>
          </Group>
        )}
        <ResponsiveTable
          columns={columns}
          rows={data?.items ?? []}
          rowKey={rowKey}
          caption={data?.title ?? t('web.dashboard.drill.caption')}
          loading={list.isPending}
          refreshing={list.isPlaceholderData}
          empty={t('web.dashboard.drill.empty')}
          testId="drilldown-table"
          rowTestId="drilldown-row"
          minWidth={0}
        />
        {data && data.total > 0 && (
          <PaginationBar total={data.total} page={page} pageSize={pageSize} onPageChange={(p) => onPage(p, pageSize)} onPageSizeChange={(s) => onPage(1, s)} />
        )}
      </Stack>
    </Drawer>
  );
}
