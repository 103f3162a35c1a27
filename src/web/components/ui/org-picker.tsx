import { useMemo, useState } from 'react';
import { Group, Loader, Select, Stack, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { IconSitemap } from '@tabler/icons-react';
import type { OrgStatus } from '../../../contracts/enums';
import { useT } from '../../lib/i18n';
import { orgDetailQuery, orgSearchQuery } from '../../lib/org-lookups';
import { OrgStatusBadge } from './org-status-badge';

interface OrgOption {
  value: number;
  label: string;
  code: string;
  status: OrgStatus;
  disabled?: boolean;
}

interface OrgPickerProps {
  label: string;
  value: number | null;
  onChange: (id: number | null) => void;
  description?: string;
  placeholder?: string;
  error?: string;
  required?: boolean;
  clearable?: boolean;
  /** Units that may not be chosen (e.g. the unit being moved). */
  excludeIds?: number[];
  /** Ended and merged units are listed but cannot be chosen. */
  activeOnly?: boolean;
  'data-testid'?: string;
}

/**
 * Search for a unit within the user's scope. The server matches without diacritics, so the list
 * shows exactly what it returns instead of filtering again on the client.
 */
export function OrgPicker({ label, value, onChange, description, placeholder, error, required, clearable, excludeIds, activeOnly, ...rest }: OrgPickerProps) {
  const t = useT();
  const [search, setSearch] = useState('');
  const [opened, setOpened] = useState(false);
  const selected = useQuery({ ...orgDetailQuery(value ?? 0), enabled: value !== null });
  // While the input shows the chosen unit's name, list everything rather than just that unit.
  const term = selected.data && search === selected.data.name ? '' : search;
  const [debounced] = useDebouncedValue(term, 250);
  const results = useQuery({ ...orgSearchQuery(debounced), enabled: opened, placeholderData: keepPreviousData });

  const options = useMemo(() => {
    const out: OrgOption[] = [];
    const seen = new Set<number>();
    const add = (org: { id: number; name: string; code: string; status: OrgStatus }) => {
      if (seen.has(org.id)) return;
      seen.add(org.id);
      out.push({
        value: org.id,
        label: org.name,
        code: org.code,
        status: org.status,
        disabled: (excludeIds?.includes(org.id) ?? false) || (activeOnly === true && org.status !== 'ACTIVE'),
      });
    };
    if (selected.data) add(selected.data);
    for (const org of results.data?.items ?? []) add(org);
    return out;
  }, [selected.data, results.data, excludeIds, activeOnly]);

  return (
    <Select<number>
      label={label}
      description={description}
      placeholder={placeholder ?? t('web.orgPicker.placeholder')}
      error={error}
      required={required}
      clearable={clearable}
      searchable
      data={options}
      value={value}
      onChange={(next) => onChange(next)}
      searchValue={search}
      onSearchChange={setSearch}
      onDropdownOpen={() => setOpened(true)}
      filter={({ options: all }) => all}
      nothingFoundMessage={results.isFetching ? t('web.common.loading') : t('web.orgPicker.nothingFound')}
      leftSection={<IconSitemap size={16} aria-hidden />}
      rightSection={results.isFetching || selected.isFetching ? <Loader size={14} aria-hidden /> : undefined}
      maxDropdownHeight={320}
      comboboxProps={{ withinPortal: true }}
      renderOption={({ option }) => {
        const org = option as unknown as OrgOption;
        return (
          <Group justify="space-between" wrap="nowrap" gap="xs" w="100%">
            <Stack gap={0} style={{ minWidth: 0 }}>
              <Text size="sm">{org.label}</Text>
              <Text size="xs" c="dimmed">
                {org.code}
              </Text>
            </Stack>
            <OrgStatusBadge status={org.status} hideActive />
          </Group>
        );
      }}
      {...rest}
    />
  );
}
