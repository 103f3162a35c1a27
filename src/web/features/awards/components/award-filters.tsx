import { useState } from 'react';
import { Button, Grid, Select, TextInput } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { IconFilterOff, IconSearch } from '@tabler/icons-react';
import { AWARD_CATEGORIES, AWARD_KINDS, AWARD_LEVELS, AWARD_SUBJECTS } from '../../../../contracts/enums';
import type { MessageKey } from '../../../../contracts/messages';
import { useT } from '../../../lib/i18n';
import { hasAwardFilters, type AwardSearch } from '../routes/search';

const ALL = 'all';

interface AwardFiltersProps {
  search: AwardSearch;
  onChange: (patch: Partial<AwardSearch>) => void;
  onClear: () => void;
}

/** Filters of the catalogue, kept in the URL. */
export function AwardFilters({ search, onChange, onClear }: AwardFiltersProps) {
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

  const options = <T extends string>(values: readonly T[], prefix: string) => [
    { value: ALL, label: t('web.common.all') },
    ...values.map((v) => ({ value: v, label: t(`${prefix}.${v}` as MessageKey) })),
  ];
  const pick = <T extends string>(value: string | null): T | undefined => (value === null || value === ALL ? undefined : (value as T));

  return (
    <Grid gap="sm" role="search" aria-label={t('web.awards.filter.title')}>
      <Grid.Col span={{ base: 12, md: 4 }}>
        <TextInput
          type="search"
          label={t('web.awards.filter.search')}
          placeholder={t('web.awards.filter.searchPlaceholder')}
          leftSection={<IconSearch size={16} aria-hidden />}
          value={text}
          onChange={(e) => {
            setText(e.currentTarget.value);
            pushQuery(e.currentTarget.value);
          }}
          maxLength={100}
          data-testid="award-search"
        />
      </Grid.Col>
      <Grid.Col span={{ base: 6, sm: 4, md: 2 }}>
        <Select label={t('web.awards.field.category')} data={options(AWARD_CATEGORIES, 'awardCategory')} value={search.category ?? ALL} onChange={(v) => onChange({ category: pick(v) })} allowDeselect={false} />
      </Grid.Col>
      <Grid.Col span={{ base: 6, sm: 4, md: 2 }}>
        <Select label={t('web.awards.field.subject')} data={options(AWARD_SUBJECTS, 'awardSubject')} value={search.subject ?? ALL} onChange={(v) => onChange({ subject: pick(v) })} allowDeselect={false} />
      </Grid.Col>
      <Grid.Col span={{ base: 6, sm: 4, md: 2 }}>
        <Select label={t('web.awards.field.level')} data={options(AWARD_LEVELS, 'awardLevel')} value={search.level ?? ALL} onChange={(v) => onChange({ level: pick(v) })} allowDeselect={false} />
      </Grid.Col>
      <Grid.Col span={{ base: 6, sm: 4, md: 2 }}>
        <Select label={t('web.awards.field.kind')} data={options(AWARD_KINDS, 'awardKind')} value={search.kind ?? ALL} onChange={(v) => onChange({ kind: pick(v) })} allowDeselect={false} />
      </Grid.Col>
      <Grid.Col span={{ base: 6, sm: 4, md: 2 }}>
        <Select
          label={t('web.awards.field.active')}
          data={[
            { value: ALL, label: t('web.common.all') },
            { value: 'true', label: t('web.awards.active') },
            { value: 'false', label: t('web.awards.inactive') },
          ]}
          value={search.active === undefined ? ALL : String(search.active)}
          onChange={(v) => onChange({ active: v === 'true' ? true : v === 'false' ? false : undefined })}
          allowDeselect={false}
        />
      </Grid.Col>
      {hasAwardFilters(search) && (
        <Grid.Col span={{ base: 12, sm: 4, md: 2 }} style={{ display: 'flex', alignItems: 'flex-end' }}>
          <Button variant="subtle" leftSection={<IconFilterOff size={16} aria-hidden />} onClick={onClear}>
            {t('web.common.clearFilters')}
          </Button>
        </Grid.Col>
      )}
    </Grid>
  );
}
