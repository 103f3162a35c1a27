import { Button, Grid, Select } from '@mantine/core';
import { IconFilterOff } from '@tabler/icons-react';
import { useT } from '../../lib/i18n';

const ALL = 'all';

/** A list's filter over a closed set of values: "Tất cả" or one value; `undefined` means all (kept out of the URL). */
export function ChoiceFilter<T extends string>({
  label,
  options,
  optionLabel,
  value,
  onChange,
  'data-testid': testId,
}: {
  label: string;
  options: readonly T[];
  optionLabel: (value: T) => string;
  value: T | undefined;
  onChange: (value: T | undefined) => void;
  'data-testid'?: string;
}) {
  const t = useT();
  return (
    <Select
      label={label}
      data={[{ value: ALL, label: t('web.common.all') }, ...options.map((o) => ({ value: o, label: optionLabel(o) }))]}
      value={value ?? ALL}
      onChange={(v) => onChange(v === null || v === ALL ? undefined : (v as T))}
      allowDeselect={false}
      data-testid={testId}
    />
  );
}

/** "Xóa bộ lọc" in a filter grid, shown only while some filter is set. */
export function ClearFiltersCol({ active, onClear, span = { base: 12, sm: 4, md: 3 } }: { active: boolean; onClear: () => void; span?: Record<string, number> }) {
  const t = useT();
  if (!active) return null;
  return (
    <Grid.Col span={span} style={{ display: 'flex', alignItems: 'flex-end' }}>
      <Button variant="subtle" leftSection={<IconFilterOff size={16} aria-hidden />} onClick={onClear}>
        {t('web.common.clearFilters')}
      </Button>
    </Grid.Col>
  );
}
