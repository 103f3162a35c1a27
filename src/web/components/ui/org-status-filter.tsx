import { Grid, Paper } from '@mantine/core';
import { ChoiceFilter, ClearFiltersCol } from './choice-filter';
import { OrgPicker } from './org-picker';

/**
 * The filter bar of a list of records owned by an organisation with a status (councils, decisions,
 * ceremonies…): the organisation, the status, and "Xóa bộ lọc" while one is set.
 */
export function OrgStatusFilter<S extends string>({
  label,
  orgLabel,
  statusLabel,
  statuses,
  statusName,
  orgId,
  status,
  onChange,
  onClear,
  testIdPrefix,
}: {
  /** Accessible name of the search region. */
  label: string;
  orgLabel: string;
  statusLabel: string;
  statuses: readonly S[];
  statusName: (status: S) => string;
  orgId: number | undefined;
  status: S | undefined;
  onChange: (patch: { orgId?: number | undefined; status?: S | undefined }) => void;
  onClear: () => void;
  /** "decision" gives the test ids "decision-org-filter" and "decision-status-filter". */
  testIdPrefix: string;
}) {
  return (
    <Paper withBorder p="sm">
      <Grid gap="sm" role="search" aria-label={label}>
        <Grid.Col span={{ base: 12, sm: 6, md: 5 }}>
          <OrgPicker label={orgLabel} value={orgId ?? null} onChange={(id) => onChange({ orgId: id ?? undefined })} clearable data-testid={`${testIdPrefix}-org-filter`} />
        </Grid.Col>
        <Grid.Col span={{ base: 12, sm: 3 }}>
          <ChoiceFilter label={statusLabel} options={statuses} optionLabel={statusName} value={status} onChange={(s) => onChange({ status: s })} data-testid={`${testIdPrefix}-status-filter`} />
        </Grid.Col>
        <ClearFiltersCol active={orgId !== undefined || status !== undefined} onClear={onClear} />
      </Grid>
    </Paper>
  );
}
