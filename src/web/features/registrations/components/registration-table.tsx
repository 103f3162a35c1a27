import { Badge, Checkbox, Text } from '@mantine/core';
import type { RegistrationDto, ReviewStatus } from '../../../../contracts/registrations';
import { useT } from '../../../lib/i18n';
import { formatDate } from '../../../lib/format';
import { ResponsiveTable, type Column } from '../../../components/ui/responsive-table';

const COLORS: Record<ReviewStatus, string> = { SUBMITTED: 'blue', APPROVED: 'green', RETURNED: 'orange' };

export function ReviewBadge({ r }: { r: RegistrationDto }) {
  const t = useT();
  return (
    <Badge color={COLORS[r.reviewStatus]} variant="light" style={{ textTransform: 'none' }} data-testid="registration-status" data-status={r.reviewStatus}>
      {t(`web.registrations.review.${r.reviewStatus}`)}
    </Badge>
  );
}

interface Props {
  rows: RegistrationDto[];
  loading: boolean;
  refreshing: boolean;
  selected: Set<number>;
  onToggle: (id: number) => void;
  onToggleAll: () => void;
  selectable: boolean;
  actions: (r: RegistrationDto) => React.ReactNode;
}

export function RegistrationTable({ rows, loading, refreshing, selected, onToggle, onToggleAll, selectable, actions }: Props) {
  const t = useT();
  const reviewable = rows.filter((r) => r.abilities.includes('registration.approve'));
  const columns: Column<RegistrationDto>[] = [
    ...(selectable
      ? [{
          key: 'select', width: 40, hideOnCard: false,
          header: '',
          cell: (r: RegistrationDto) =>
            r.abilities.includes('registration.approve') ? (
              <Checkbox aria-label={t('web.registrations.selectRow', { name: r.subjectName })} checked={selected.has(r.id)} onChange={() => onToggle(r.id)} onClick={(e) => e.stopPropagation()} data-testid="registration-select" />
            ) : null,
        }]
      : []),
    { key: 'name', header: t('web.registrations.field.name'), primary: true, cell: (r) => (
        <div>
          <Text size="sm" fw={500} data-testid="registration-name">{r.subjectName}</Text>
          <Text size="xs" c="dimmed">{r.subject === 'PERSON' ? `${r.memberCode ?? ''} · ${r.unitName}` : t('web.registrations.subject.UNIT')}</Text>
        </div>
      ) },
    { key: 'award', header: t('web.registrations.field.award'), cell: (r) => <span title={r.awardCode}>{r.awardName}</span> },
    { key: 'year', header: t('web.registrations.field.year'), cell: (r) => `${r.year}${r.movementTitle ? ` · ${r.movementTitle}` : ''}` },
    { key: 'registeredOn', header: t('web.registrations.field.registeredOn'), cell: (r) => formatDate(r.registeredOn) },
    { key: 'status', header: t('web.registrations.field.review'), cell: (r) => (
        <div>
          <ReviewBadge r={r} />
          {r.reviewStatus === 'RETURNED' && r.reviewReason && <Text size="xs" c="orange.8" data-testid="registration-reason">{r.reviewReason}</Text>}
        </div>
      ) },
    { key: 'actions', header: t('web.common.actions'), cell: actions },
  ];
  return (
    <>
      {selectable && reviewable.length > 0 && (
        <Checkbox
          mb="xs"
          label={t('web.registrations.selectAll')}
          checked={reviewable.every((r) => selected.has(r.id))}
          indeterminate={reviewable.some((r) => selected.has(r.id)) && !reviewable.every((r) => selected.has(r.id))}
          onChange={onToggleAll}
          data-testid="registration-select-all"
        />
      )}
      <ResponsiveTable
        caption={t('web.registrations.tableCaption')}
        columns={columns}
        rows={rows}
        rowKey={(r) => r.id}
        loading={loading}
        refreshing={refreshing}
        empty={t('web.registrations.empty')}
        testId="registration-table"
        rowTestId="registration-row"
        minWidth={900}
      />
    </>
  );
}
