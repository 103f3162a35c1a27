import { useState } from 'react';
import { Grid, Select, TextInput } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { IconSearch } from '@tabler/icons-react';
import type { AwardItem } from '../../../../contracts/awards';
import { useT } from '../../../lib/i18n';
import { OrgPicker } from '../../../components/ui/org-picker';
import { AwardSelect, yearOptions } from './award-select';
import type { EligibilitySearch } from '../routes/search';

interface BatchFiltersProps {
  search: EligibilitySearch;
  orgId: number | null;
  target: string;
  year: number;
  awards: AwardItem[] | undefined;
  awardsLoading: boolean;
  onChange: (patch: Partial<EligibilitySearch>) => void;
}

/** Unit, award, year and a name search; every change goes to the URL and back to page 1. */
export function BatchFilters({ search, orgId, target, year, awards, awardsLoading, onChange }: BatchFiltersProps) {
  const t = useT();
  const [text, setText] = useState(search.q ?? '');
  const [syncedQ, setSyncedQ] = useState(search.q);
  if (search.q !== syncedQ) {
    setSyncedQ(search.q);
    setText(search.q ?? '');
  }
  const pushQuery = useDebouncedCallback((value: string) => {
    const q = value.trim() || undefined;
    if (q !== search.q) onChange({ q });
  }, 350);

  return (
    <Grid gap="sm" role="search" aria-label={t('web.elig.filter.title')}>
      <Grid.Col span={{ base: 12, sm: 6, lg: 4 }}>
        <OrgPicker label={t('web.elig.filter.unit')} value={orgId} onChange={(id) => onChange({ orgId: id ?? undefined })} data-testid="elig-unit" />
      </Grid.Col>
      <Grid.Col span={{ base: 12, sm: 6, lg: 4 }}>
        <AwardSelect label={t('web.elig.filter.award')} awards={awards} loading={awardsLoading} value={target} onChange={(code) => onChange({ target: code ?? undefined })} data-testid="elig-award" />
      </Grid.Col>
      <Grid.Col span={{ base: 5, sm: 3, lg: 2 }}>
        <Select label={t('web.elig.filter.year')} data={yearOptions(year)} value={String(year)} onChange={(value) => value && onChange({ year: Number(value) })} allowDeselect={false} data-testid="elig-year" />
      </Grid.Col>
      <Grid.Col span={{ base: 7, sm: 9, lg: 2 }}>
        <TextInput
          type="search"
          label={t('web.elig.filter.search')}
          placeholder={t('web.elig.filter.searchPlaceholder')}
          leftSection={<IconSearch size={16} aria-hidden />}
          value={text}
          onChange={(e) => {
            setText(e.currentTarget.value);
            pushQuery(e.currentTarget.value);
          }}
          onKeyDown={(e) => {
            if (e.key === 'Enter') onChange({ q: text.trim() || undefined });
          }}
          maxLength={100}
          data-testid="elig-search"
        />
      </Grid.Col>
    </Grid>
  );
}
