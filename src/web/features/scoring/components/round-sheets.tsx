import { useState } from 'react';
import { Alert, Button, Checkbox, Grid, Group, Select, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconBell, IconCalendarTime } from '@tabler/icons-react';
import { LIMITS } from '../../../../contracts/limits';
import { SHEET_STATUSES, type SheetSummaryDto } from '../../../../contracts/scoring';
import { useT } from '../../../lib/i18n';
import { formatDate } from '../../../lib/format';
import { ErrorAlert } from '../../../components/ui/error-alert';
import { PaginationBar } from '../../../components/ui/pagination-bar';
import { AnchorLink } from '../../../components/ui/links';
import { ResponsiveTable, type Column } from '../../../components/ui/responsive-table';
import { useRemindRound, useRoundSheets, type RoundView, type SheetRow } from '../api/rounds';
import { LevelBadge, points, SheetStatusBadge } from './round-badges';
import { RoundExtendModal } from './round-extend-modal';

const ALL = 'all';
const sheetName = (s: SheetRow) => s.personName ?? s.orgName ?? '—';

interface RoundSheetsProps {
  round: RoundView;
  status: SheetSummaryDto['status'] | undefined;
  page: number;
  onFilter: (patch: { status?: SheetSummaryDto['status']; page?: number }) => void;
}

/** "Phiếu chấm": every sheet of the round the user can read; managers extend deadlines and remind. */
export function RoundSheets({ round, status, page, onFilter }: RoundSheetsProps) {
  const t = useT();
  const pageSize = LIMITS.pageSizeDefault;
  const sheets = useRoundSheets(round.id, { status, page, pageSize });
  const remind = useRemindRound();
  const [selected, setSelected] = useState<Set<number>>(new Set());
  const [extending, setExtending] = useState<number[] | null | false>(false);
  const manager = round.abilities.includes('round.verify');
  const rows = sheets.data?.items ?? [];
  const open = round.status === 'OPEN' || round.status === 'DRAFT';

  const toggle = (id: number, on: boolean) =>
    setSelected((current) => {
      const next = new Set(current);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });
  const allOnPage = rows.length > 0 && rows.every((r) => selected.has(r.id));

  const columns: Column<SheetRow>[] = [
    ...(manager
      ? [
          {
            key: 'select',
            header: t('web.scoring.sheets.selectColumn'),
            hideOnCard: true,
            width: 48,
            cell: (s: SheetRow) => <Checkbox aria-label={t('web.scoring.sheets.select', { name: sheetName(s) })} checked={selected.has(s.id)} onChange={(e) => toggle(s.id, e.currentTarget.checked)} data-testid="sheet-select" />,
          },
        ]
      : []),
    {
      key: 'unit',
      header: t('web.scoring.sheets.unit'),
      primary: true,
      cell: (s) => (
        <AnchorLink to="/cham-diem/phieu/$sheetId" params={{ sheetId: s.id }} size="sm" fw={500} data-testid="sheet-open">
          {sheetName(s)}
        </AnchorLink>
      ),
    },
    { key: 'status', header: t('web.scoring.field.status'), cell: (s) => <SheetStatusBadge status={s.status} /> },
    { key: 'self', header: t('web.scoring.sheets.self'), cell: (s) => points(s.selfTotal) },
    { key: 'verified', header: t('web.scoring.sheets.verified'), cell: (s) => points(s.verifiedTotal) },
    { key: 'classification', header: t('web.scoring.sheets.classification'), cell: (s) => <LevelBadge level={s.classification} /> },
    { key: 'deadline', header: t('web.scoring.sheets.deadline'), cell: (s) => formatDate(s.deadline ?? round.deadline) },
  ];

  return (
    <Stack gap="sm">
      <Grid gap="sm" role="search" aria-label={t('web.scoring.tab.sheets')} align="flex-end">
        <Grid.Col span={{ base: 12, sm: 4 }}>
          <Select
            label={t('web.scoring.field.status')}
            data={[{ value: ALL, label: t('web.common.all') }, ...SHEET_STATUSES.map((s) => ({ value: s, label: t(`web.scoring.sheet.${s}`) }))]}
            value={status ?? ALL}
            onChange={(v) => onFilter({ status: v === null || v === ALL ? undefined : (v as SheetSummaryDto['status']), page: undefined })}
            allowDeselect={false}
            data-testid="sheet-status-filter"
          />
        </Grid.Col>
        {manager && open && (
          <Grid.Col span={{ base: 12, sm: 8 }}>
            <Group gap="xs" justify="flex-end">
              {rows.length > 0 && (
                <Checkbox
                  label={t('web.scoring.sheets.selectPage')}
                  checked={allOnPage}
                  onChange={(e) => {
                    const on = e.currentTarget.checked;
                    rows.forEach((r) => toggle(r.id, on));
                  }}
                  data-testid="sheet-select-page"
                />
              )}
              <Button variant="default" leftSection={<IconCalendarTime size={16} aria-hidden />} onClick={() => setExtending(selected.size > 0 ? [...selected] : null)} data-testid="round-extend">
                {t('web.scoring.extend.button')}
              </Button>
              <Button
                variant="default"
                leftSection={<IconBell size={16} aria-hidden />}
                loading={remind.isPending}
                onClick={() =>
                  remind.mutate(round.id, {
                    onSuccess: (r) => notifications.show({ color: 'teal', message: t('web.scoring.remind.done', { reminded: r.reminded, emails: r.emails }) }),
                  })
                }
                data-testid="round-remind"
              >
                {t('web.scoring.remind.button')}
              </Button>
            </Group>
          </Grid.Col>
        )}
      </Grid>
      {selected.size > 0 && (
        <Text size="sm" c="dimmed" aria-live="polite">
          {t('web.scoring.sheets.selected', { count: selected.size })}
        </Text>
      )}
      {remind.data && (
        <Alert color="teal" variant="light" data-testid="round-remind-result">
          {t('web.scoring.remind.done', { reminded: remind.data.reminded, emails: remind.data.emails })}
        </Alert>
      )}
      <ErrorAlert error={remind.error ?? sheets.error} />
      <div>
        <ResponsiveTable
          caption={t('web.scoring.sheets.caption')}
          columns={columns}
          rows={rows}
          rowKey={(s) => s.id}
          loading={sheets.isPending}
          refreshing={sheets.isPlaceholderData}
          empty={t('web.scoring.sheets.empty')}
          testId="sheet-table"
          rowTestId="sheet-row"
          minWidth={860}
        />
        {sheets.data && <PaginationBar total={sheets.data.total} page={page} pageSize={pageSize} onPageChange={(p) => onFilter({ status, page: p === 1 ? undefined : p })} />}
      </div>
      {extending !== false && <RoundExtendModal roundId={round.id} sheetIds={extending} onClose={() => setExtending(false)} onDone={() => setSelected(new Set())} />}
    </Stack>
  );
}
