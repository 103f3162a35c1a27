import { useState } from 'react';
import { Badge, Button, Collapse, Grid, Group, Select, TextInput } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { IconAdjustments, IconFilterOff, IconSearch } from '@tabler/icons-react';
import { GENDERS, MEMBER_STATUSES } from '../../../../contracts/enums';
import { useT } from '../../../lib/i18n';
import { useIsMobile } from '../../../lib/use-is-mobile';
import { OrgPicker } from '../../../components/ui/org-picker';
import { hasMemberFilters, type MemberSearch } from '../routes/search';

const ALL = 'all';

interface MemberFiltersProps {
  search: MemberSearch;
  onChange: (patch: Partial<MemberSearch>) => void;
  onClear: () => void;
}

function boolValue(value: boolean | undefined): string {
  return value === undefined ? ALL : String(value);
}

function parseBool(value: string | null): boolean | undefined {
  return value === 'true' ? true : value === 'false' ? false : undefined;
}

/** Filters of the member list; every change goes to the URL (and back to page 1). */
export function MemberFilters({ search, onChange, onClear }: MemberFiltersProps) {
  const t = useT();
  const isMobile = useIsMobile();
  const [moreOpen, setMoreOpen] = useState(false);
  const [text, setText] = useState(search.q ?? '');
  const [syncedQ, setSyncedQ] = useState(search.q);
  // The URL changed from elsewhere (back button, "clear filters"): show its value in the box.
  if (search.q !== syncedQ) {
    setSyncedQ(search.q);
    setText(search.q ?? '');
  }
  // Search as the user types, once they pause; the server ignores diacritics and case.
  const pushQuery = useDebouncedCallback((value: string) => {
    const q = value.trim() || undefined;
    if (q !== search.q) onChange({ q });
  }, 350);

  const yesNo = [
    { value: ALL, label: t('web.common.all') },
    { value: 'true', label: t('web.common.yes') },
    { value: 'false', label: t('web.common.no') },
  ];
  const activeCount = [search.orgId, search.gender, search.isLeader, search.isDirectWorker, search.status].filter((v) => v !== undefined).length;

  const more = (
    <Grid gap="sm" mt={isMobile ? 'sm' : 0}>
      <Grid.Col span={{ base: 12, sm: 6, lg: 4 }}>
        <OrgPicker
          label={t('web.members.filter.unit')}
          placeholder={t('web.members.filter.allUnits')}
          value={search.orgId ?? null}
          onChange={(orgId) => onChange({ orgId: orgId ?? undefined })}
          clearable
        />
      </Grid.Col>
      <Grid.Col span={{ base: 6, sm: 3, lg: 2 }}>
        <Select
          label={t('web.members.field.gender')}
          data={[{ value: ALL, label: t('web.common.all') }, ...GENDERS.map((g) => ({ value: g, label: t(`gender.${g}`) }))]}
          value={search.gender ?? ALL}
          onChange={(value) => onChange({ gender: value === ALL || value === null ? undefined : (value as MemberSearch['gender']) })}
          allowDeselect={false}
        />
      </Grid.Col>
      <Grid.Col span={{ base: 6, sm: 3, lg: 2 }}>
        <Select
          label={t('web.members.field.status')}
          data={MEMBER_STATUSES.map((s) => ({ value: s, label: t(`memberStatus.${s}`) }))}
          value={search.status ?? 'ACTIVE'}
          onChange={(value) => onChange({ status: value === 'ACTIVE' || value === null ? undefined : (value as MemberSearch['status']) })}
          allowDeselect={false}
        />
      </Grid.Col>
      <Grid.Col span={{ base: 6, sm: 3, lg: 2 }}>
        <Select label={t('web.members.field.isLeader')} data={yesNo} value={boolValue(search.isLeader)} onChange={(value) => onChange({ isLeader: parseBool(value) })} allowDeselect={false} />
      </Grid.Col>
      <Grid.Col span={{ base: 6, sm: 3, lg: 2 }}>
        <Select
          label={t('web.members.field.isDirectWorker')}
          data={yesNo}
          value={boolValue(search.isDirectWorker)}
          onChange={(value) => onChange({ isDirectWorker: parseBool(value) })}
          allowDeselect={false}
        />
      </Grid.Col>
    </Grid>
  );

  return (
    <div role="search" aria-label={t('web.members.filter.title')}>
      <Group align="flex-end" gap="sm" wrap="nowrap">
        <TextInput
          style={{ flex: 1 }}
          type="search"
          label={t('web.members.filter.search')}
          placeholder={t('web.members.filter.searchPlaceholder')}
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
          data-testid="member-search"
        />
        {isMobile && (
          <Button
            variant="default"
            onClick={() => setMoreOpen((v) => !v)}
            aria-expanded={moreOpen}
            leftSection={<IconAdjustments size={16} aria-hidden />}
            rightSection={activeCount > 0 ? <Badge size="xs" circle>{activeCount}</Badge> : undefined}
          >
            {t('web.members.filter.more')}
          </Button>
        )}
        {!isMobile && hasMemberFilters(search) && (
          <Button variant="subtle" leftSection={<IconFilterOff size={16} aria-hidden />} onClick={onClear}>
            {t('web.common.clearFilters')}
          </Button>
        )}
      </Group>
      {isMobile ? (
        <Collapse expanded={moreOpen}>
          {more}
          {hasMemberFilters(search) && (
            <Button mt="sm" variant="subtle" leftSection={<IconFilterOff size={16} aria-hidden />} onClick={onClear}>
              {t('web.common.clearFilters')}
            </Button>
          )}
        </Collapse>
      ) : (
        <div style={{ marginTop: 'var(--mantine-spacing-sm)' }}>{more}</div>
      )}
    </div>
  );
}
