import { useMemo } from 'react';
import { Select } from '@mantine/core';
import { IconAward } from '@tabler/icons-react';
import type { AwardItem } from '../../../../contracts/awards';
import type { AwardSubject } from '../../../../contracts/enums';
import { useI18n } from '../../../lib/i18n';
import { currentYear } from '../../../lib/format';

interface AwardSelectProps {
  label: string;
  awards: AwardItem[] | undefined;
  value: string | null;
  onChange: (code: string | null) => void;
  /** Only awards for a person, or only for a unit. */
  subject?: AwardSubject;
  loading?: boolean;
  error?: string;
  placeholder?: string;
  clearable?: boolean;
  'data-testid'?: string;
}

/** Active catalogue entries, titles (danh hiệu) apart from forms (hình thức), searchable without diacritics. */
export function AwardSelect({ label, awards, value, onChange, subject, loading, error, placeholder, clearable, ...rest }: AwardSelectProps) {
  const { t, locale } = useI18n();
  const data = useMemo(() => {
    const usable = (awards ?? []).filter((a) => (a.active || a.code === value) && (!subject || a.subject === subject));
    const option = (a: AwardItem) => ({ value: a.code, label: locale === 'en' ? a.nameEn : a.nameVi });
    return (['TITLE', 'FORM'] as const)
      .map((category) => ({ group: t(`awardCategory.${category}`), items: usable.filter((a) => a.category === category).map(option) }))
      .filter((group) => group.items.length > 0);
  }, [awards, subject, value, locale, t]);
  return (
    <Select
      label={label}
      data={data}
      value={value}
      onChange={onChange}
      searchable
      allowDeselect={false}
      clearable={clearable}
      placeholder={placeholder}
      nothingFoundMessage={t('web.common.noOptions')}
      leftSection={<IconAward size={16} aria-hidden />}
      disabled={loading && data.length === 0}
      error={error}
      maxDropdownHeight={360}
      comboboxProps={{ withinPortal: true }}
      {...rest}
    />
  );
}

/**
 * The year being considered: next year (registrations are made ahead), this year and the ten
 * before, plus `selected` when a link asks for an older one.
 */
export function yearOptions(selected?: number, now: Date = new Date()): { value: string; label: string }[] {
  const current = currentYear(now);
  const years = Array.from({ length: 12 }, (_, i) => current + 1 - i);
  if (selected !== undefined && !years.includes(selected)) years.push(selected);
  return years.sort((a, b) => b - a).map((y) => ({ value: String(y), label: String(y) }));
}
