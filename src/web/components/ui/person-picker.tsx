import { useState } from 'react';
import { Loader, Select, Stack, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconUser } from '@tabler/icons-react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { MemberListItem } from '../../../contracts/members';
import { api, type Page } from '../../lib/api-client';
import { useT } from '../../lib/i18n';

/** Active members matching `q` (diacritic-insensitive on the server). */
function usePersonSearch(q: string, enabled: boolean) {
  return useQuery({
    queryKey: ['members', 'pick', q],
    queryFn: ({ signal }) => api.get<Page<MemberListItem>>('/members', { q, status: 'ACTIVE', page: 1, pageSize: 20 }, signal),
    enabled,
    placeholderData: keepPreviousData,
  });
}

/** Search an active member in the reader's scope by name or code; the server matches without diacritics. */
export function PersonPicker({ label, placeholder, nothingFound, value, onChange, error, 'data-testid': testId }: {
  label: string;
  placeholder: string;
  nothingFound: string;
  value: number | null;
  onChange: (id: number | null) => void;
  error?: string;
  'data-testid'?: string;
}) {
  const t = useT();
  const [search, setSearch] = useState('');
  const [opened, setOpened] = useState(false);
  const [chosen, setChosen] = useState<{ value: string; label: string; unit: string } | null>(null);
  const term = chosen && search === chosen.label ? '' : search;
  const [debounced] = useDebouncedValue(term, 250);
  const results = usePersonSearch(debounced, opened);
  const options = (results.data?.items ?? []).map((m) => ({ value: String(m.id), label: m.fullName, unit: `${m.memberCode} · ${m.orgName ?? ''}` }));
  const data = chosen && !options.some((o) => o.value === chosen.value) ? [chosen, ...options] : options;

  return (
    <Select
      label={label}
      placeholder={placeholder}
      required
      searchable
      data={data}
      value={value === null ? null : String(value)}
      onChange={(v, option) => {
        const picked = data.find((o) => o.value === v) ?? (option ? { value: option.value, label: option.label, unit: '' } : null);
        setChosen(picked);
        onChange(v === null ? null : Number(v));
      }}
      searchValue={search}
      onSearchChange={setSearch}
      onDropdownOpen={() => setOpened(true)}
      filter={({ options: all }) => all}
      nothingFoundMessage={results.isFetching ? t('web.common.loading') : nothingFound}
      leftSection={<IconUser size={16} aria-hidden />}
      rightSection={results.isFetching ? <Loader size={14} aria-hidden /> : undefined}
      error={error}
      comboboxProps={{ withinPortal: true }}
      renderOption={({ option }) => {
        const o = data.find((x) => x.value === option.value);
        return (
          <Stack gap={0}>
            <Text size="sm">{option.label}</Text>
            {o?.unit && (
              <Text size="xs" c="dimmed">
                {o.unit}
              </Text>
            )}
          </Stack>
        );
      }}
      data-testid={testId}
    />
  );
}
