import { Select } from '@mantine/core';
import { useT } from '../../lib/i18n';
import { currentYear } from '../../lib/format';

const ALL = 'all';

/** The years a list can be filtered by: next year and the `count − 1` before it, newest first. */
export function filterYears(count = 12, now = new Date()): number[] {
  const next = currentYear(now) + 1;
  return Array.from({ length: count }, (_, i) => next - i);
}

/** A list's year filter: "Tất cả" or one year; `undefined` means all years (kept out of the URL). */
export function YearFilter({ label, value, onChange, count = 12, 'data-testid': testId }: { label: string; value: number | undefined; onChange: (year: number | undefined) => void; count?: number; 'data-testid'?: string }) {
  const t = useT();
  return (
    <Select
      label={label}
      data={[{ value: ALL, label: t('web.common.all') }, ...filterYears(count).map((y) => ({ value: String(y), label: String(y) }))]}
      value={value === undefined ? ALL : String(value)}
      onChange={(v) => onChange(v === null || v === ALL ? undefined : Number(v))}
      allowDeselect={false}
      data-testid={testId}
    />
  );
}
