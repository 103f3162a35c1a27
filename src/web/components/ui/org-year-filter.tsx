import { Grid, Select } from '@mantine/core';
import { useT } from '../../lib/i18n';
import { OrgPicker } from './org-picker';
import { filterYears } from './year-filter';

interface OrgYearFilterProps {
  /** The unit's label differs by page ("Đơn vị", "Đơn vị lập biểu"); the year's does not. */
  orgLabel: string;
  orgId: number | undefined;
  year: number;
  onOrgChange: (orgId: number | undefined) => void;
  onYearChange: (year: number) => void;
  /** Test ids become `<prefix>-org` and `<prefix>-year`. */
  testIdPrefix: string;
}

/** The unit and year a page reports on (lib/org-year-search keeps them in the URL); a year is always chosen. */
export function OrgYearFilter({ orgLabel, orgId, year, onOrgChange, onYearChange, testIdPrefix }: OrgYearFilterProps) {
  const t = useT();
  return (
    <Grid gap="sm">
      <Grid.Col span={{ base: 12, sm: 8, md: 6 }}>
        <OrgPicker label={orgLabel} value={orgId ?? null} onChange={(id) => onOrgChange(id ?? undefined)} data-testid={`${testIdPrefix}-org`} />
      </Grid.Col>
      <Grid.Col span={{ base: 12, sm: 4, md: 3 }}>
        <Select
          label={t('web.filters.year')}
          data={filterYears().map((y) => String(y))}
          value={String(year)}
          onChange={(v) => v !== null && onYearChange(Number(v))}
          allowDeselect={false}
          data-testid={`${testIdPrefix}-year`}
        />
      </Grid.Col>
    </Grid>
  );
}
