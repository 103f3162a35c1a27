import { useState } from 'react';
import { Badge, Button, Stack, Title } from '@mantine/core';
import { IconPencil } from '@tabler/icons-react';
import { LIMITS } from '../../../../contracts/limits';
import type { CouncilSheetRowDto, MarkStatus } from '../../../../contracts/scoring-council';
import { useT } from '../../../lib/i18n';
import { ErrorAlert } from '../../../components/ui/error-alert';
import { PaginationBar } from '../../../components/ui/pagination-bar';
import { ResponsiveTable, type Column } from '../../../components/ui/responsive-table';
import { useCouncilSheets } from '../api/council';
import { points } from './round-badges';
import { CouncilMarkDialog } from './council-mark-form';

const STATUS_COLORS: Record<MarkStatus, string> = { NONE: 'gray', DRAFT: 'orange', SUBMITTED: 'teal' };

export function MarkStatusBadge({ status }: { status: MarkStatus }) {
  const t = useT();
  return (
    <Badge color={STATUS_COLORS[status]} variant="light" style={{ textTransform: 'none' }} data-testid="council-mark-status" data-status={status}>
      {t(`web.council.status.${status}`)}
    </Badge>
  );
}

/** The units of the round with my mark's status; a unit opens its mark form. */
export function CouncilSheets({ roundId, canScore, isScorer }: { roundId: number; canScore: boolean; isScorer: boolean }) {
  const t = useT();
  const pageSize = LIMITS.pageSizeDefault;
  const [page, setPage] = useState(1);
  const [open, setOpen] = useState<number | null>(null);
  const sheets = useCouncilSheets(roundId, page, pageSize, true);

  const mine: Column<CouncilSheetRowDto>[] = [
    { key: 'status', header: t('web.council.sheets.myStatus'), cell: (s) => <MarkStatusBadge status={s.myStatus} /> },
    { key: 'total', header: t('web.council.sheets.myTotal'), cell: (s) => points(s.myTotal) },
  ];
  const columns: Column<CouncilSheetRowDto>[] = [
    { key: 'unit', header: t('web.council.sheets.unit'), primary: true, cell: (s) => s.orgName ?? '—' },
    { key: 'self', header: t('web.council.sheets.self'), cell: (s) => points(s.selfTotal) },
    ...(isScorer ? mine : []),
    { key: 'marks', header: t('web.council.sheets.marks'), cell: (s) => s.submittedMarks },
    {
      key: 'open',
      header: '',
      cell: (s) => {
        const label = canScore && s.myStatus !== 'SUBMITTED' && s.sheetStatus !== 'VERIFIED' ? t('web.council.sheets.open') : t('web.council.sheets.view');
        return (
          <Button
            size="xs"
            variant={canScore && s.myStatus !== 'SUBMITTED' && s.sheetStatus !== 'VERIFIED' ? 'filled' : 'default'}
            leftSection={<IconPencil size={14} aria-hidden />}
            onClick={() => setOpen(s.sheetId)}
            aria-label={t('web.council.sheets.openLabel', { action: label, unit: s.orgName ?? '—' })}
            data-testid="council-sheet-open"
          >
            {label}
          </Button>
        );
      },
    },
  ];

  return (
    <Stack gap="xs" component="section" aria-labelledby="council-sheets-title">
      <Title order={2} fz="h4" id="council-sheets-title">
        {t('web.council.sheets.title')}
      </Title>
      <ErrorAlert error={sheets.error} />
      <div>
        <ResponsiveTable
          caption={t('web.council.sheets.caption')}
          columns={columns}
          rows={sheets.data?.items ?? []}
          rowKey={(s) => s.sheetId}
          loading={sheets.isPending}
          refreshing={sheets.isPlaceholderData}
          empty={t('web.council.sheets.empty')}
          testId="council-sheets"
          rowTestId="council-sheet-row"
          minWidth={720}
        />
        {sheets.data && <PaginationBar total={sheets.data.total} page={page} pageSize={pageSize} onPageChange={setPage} />}
      </div>
      {open !== null && <CouncilMarkDialog roundId={roundId} sheetId={open} onClose={() => setOpen(null)} />}
    </Stack>
  );
}
