import { Checkbox, Group, Text, Tooltip } from '@mantine/core';
import { IconAlertTriangle, IconFileAlert } from '@tabler/icons-react';
import { useT } from '../../../lib/i18n';
import { ResponsiveTable, type Column } from '../../../components/ui/responsive-table';
import { AnchorLink } from '../../../components/ui/links';
import type { NominationSummaryDto } from '../api/nominations';
import { EligibilityBadge, NominationStatusBadge } from './badges';

/** A draft not yet in any tờ trình can be put into a new one. */
export const selectable = (n: NominationSummaryDto) => n.status === 'DRAFT' && n.submissionId === null;

interface NominationTableProps {
  rows: NominationSummaryDto[];
  loading: boolean;
  refreshing: boolean;
  /** Selection for "Lập tờ trình"; absent when the reader cannot build one. */
  selected?: Set<number>;
  onToggle?: (n: NominationSummaryDto, on: boolean) => void;
}

export function NominationTable({ rows, loading, refreshing, selected, onToggle }: NominationTableProps) {
  const t = useT();
  const columns: Column<NominationSummaryDto>[] = [
    {
      key: 'subject',
      header: t('web.nominations.field.subject'),
      primary: true,
      cell: (n) => (
        <Group gap="xs" wrap="nowrap">
          {selected && onToggle && (
            <Checkbox
              checked={selected.has(n.id)}
              disabled={!selectable(n)}
              onChange={(e) => onToggle(n, e.currentTarget.checked)}
              aria-label={t('web.nominations.list.select', { name: n.subjectName })}
              data-testid="nomination-select"
            />
          )}
          <div style={{ minWidth: 0 }}>
            <AnchorLink to="/de-nghi/ho-so/$nominationId" params={{ nominationId: n.id }} size="sm" fw={500} data-testid="nomination-open">
              {n.subjectName}
            </AnchorLink>
            <Text size="xs" c="dimmed">
              {n.subjectUnitName}
            </Text>
          </div>
        </Group>
      ),
    },
    { key: 'award', header: t('web.nominations.field.award'), cell: (n) => n.awardName },
    {
      key: 'eligibility',
      header: t('web.nominations.field.eligibility'),
      cell: (n) => (
        <Group gap={4}>
          <EligibilityBadge status={n.eligibilityStatus} />
          {n.eligibilityStatus === 'NOT_ELIGIBLE' && n.hasJustification && (
            <Text span size="xs" c="dimmed">
              {t('web.nominations.list.justified')}
            </Text>
          )}
        </Group>
      ),
    },
    {
      key: 'missing',
      header: t('web.nominations.field.missingDocuments'),
      cell: (n) =>
        n.missingDocuments > 0 ? (
          <Group gap={4} c="orange.9" wrap="nowrap" data-testid="nomination-missing" data-count={n.missingDocuments}>
            <IconFileAlert size={16} aria-hidden />
            <Text size="sm">{t('web.nominations.list.missing', { count: n.missingDocuments })}</Text>
          </Group>
        ) : (
          <Text size="sm" c="dimmed" data-testid="nomination-missing" data-count={0}>
            {t('web.nominations.list.complete')}
          </Text>
        ),
    },
    {
      key: 'conflicts',
      header: t('web.nominations.field.conflicts'),
      cell: (n) =>
        n.conflicts > 0 ? (
          <Tooltip label={t('web.nominations.list.conflictsHint')}>
            <Group gap={4} c="red.9" wrap="nowrap" data-testid="nomination-conflicts" tabIndex={0}>
              <IconAlertTriangle size={16} aria-hidden />
              <Text size="sm">{t('web.nominations.list.conflicts', { count: n.conflicts })}</Text>
            </Group>
          </Tooltip>
        ) : (
          '—'
        ),
    },
    { key: 'holder', header: t('web.nominations.field.holder'), cell: (n) => n.holderOrgName },
    { key: 'status', header: t('web.nominations.field.status'), cell: (n) => <NominationStatusBadge status={n.status} /> },
  ];
  return (
    <ResponsiveTable
      caption={t('web.nominations.list.caption')}
      columns={columns}
      rows={rows}
      rowKey={(n) => n.id}
      loading={loading}
      refreshing={refreshing}
      empty={t('web.nominations.list.empty')}
      testId="nomination-table"
      rowTestId="nomination-row"
      minWidth={1100}
    />
  );
}
