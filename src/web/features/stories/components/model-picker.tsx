import { useState } from 'react';
import { Loader, Select } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { ModelPage } from '../../../../contracts/models';
import { api } from '../../../lib/api-client';
import { useT } from '../../../lib/i18n';

/**
 * An entry of the model register kept or fostered in the organisation's subtree (those its story
 * may link), searched on the server by name without diacritics; "Không liên kết" clears it.
 */
export function ModelPicker({ orgId, value, linkedName, onChange, error }: { orgId: number; value: number | null; linkedName: string | null; onChange: (id: number | null) => void; error?: string }) {
  const t = useT();
  const [search, setSearch] = useState('');
  const [opened, setOpened] = useState(false);
  const [chosen, setChosen] = useState<{ value: string; label: string } | null>(value !== null && linkedName ? { value: String(value), label: linkedName } : null);
  const term = chosen && search === chosen.label ? '' : search;
  const [debounced] = useDebouncedValue(term.trim(), 250);
  const results = useQuery({
    queryKey: ['models', 'list', { orgId, q: debounced, pick: true }],
    queryFn: ({ signal }) => api.get<ModelPage>('/models', { orgId, q: debounced || undefined, page: 1, pageSize: 20 }, signal),
    enabled: opened,
    placeholderData: keepPreviousData,
  });
  const none = { value: '', label: t('web.stories.field.none') };
  const options = (results.data?.items ?? []).map((m) => ({ value: String(m.id), label: m.subjectName && m.subjectName !== m.name ? `${m.name} — ${m.subjectName}` : m.name }));
  const data = [none, ...(chosen && !options.some((o) => o.value === chosen.value) ? [chosen] : []), ...options];
  return (
    <Select
      label={t('web.stories.field.model')}
      description={t('web.stories.field.modelHint')}
      searchable
      data={data}
      value={value === null ? '' : String(value)}
      onChange={(v) => {
        setChosen(data.find((o) => o.value === v && v !== '') ?? null);
        onChange(v ? Number(v) : null);
      }}
      searchValue={search}
      onSearchChange={setSearch}
      onDropdownOpen={() => setOpened(true)}
      filter={({ options: all }) => all}
      allowDeselect={false}
      nothingFoundMessage={results.isFetching ? t('web.common.loading') : t('web.stories.field.modelNone')}
      rightSection={results.isFetching ? <Loader size={14} aria-hidden /> : undefined}
      error={error}
      comboboxProps={{ withinPortal: true }}
      data-testid="story-model"
    />
  );
}
