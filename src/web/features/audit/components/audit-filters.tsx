import { useState } from 'react';
import { Button, Grid, TextInput } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { IconFilterOff } from '@tabler/icons-react';
import { useT } from '../../../lib/i18n';
import { DateField } from '../../../components/ui/date-field';
import { OrgPicker } from '../../../components/ui/org-picker';
import type { AuditSearch } from '../routes/search';

interface AuditFiltersProps {
  search: AuditSearch;
  onChange: (patch: Partial<AuditSearch>) => void;
  onClear: () => void;
}

export function AuditFilters({ search, onChange, onClear }: AuditFiltersProps) {
  const t = useT();
  const [userId, setUserId] = useState(search.userId ? String(search.userId) : '');
  const [entityType, setEntityType] = useState(search.entityType ?? '');
  const [synced, setSynced] = useState({ userId: search.userId, entityType: search.entityType });
  if (synced.userId !== search.userId || synced.entityType !== search.entityType) {
    setSynced({ userId: search.userId, entityType: search.entityType });
    setUserId(search.userId ? String(search.userId) : '');
    setEntityType(search.entityType ?? '');
  }
  const pushUserId = useDebouncedCallback((value: string) => {
    const id = Number(value);
    onChange({ userId: Number.isInteger(id) && id > 0 ? id : undefined });
  }, 400);
  const pushEntityType = useDebouncedCallback((value: string) => onChange({ entityType: value.trim() || undefined }), 400);
  const filtered = Object.entries(search).some(([key, value]) => key !== 'page' && key !== 'pageSize' && value !== undefined);

  return (
    <div role="search" aria-label={t('web.audit.filters')}>
      <Grid gap="sm" align="flex-end">
        <Grid.Col span={{ base: 12, md: 4 }}>
          <OrgPicker label={t('web.audit.field.unit')} placeholder={t('web.members.filter.allUnits')} value={search.orgId ?? null} onChange={(orgId) => onChange({ orgId: orgId ?? undefined })} clearable />
        </Grid.Col>
        <Grid.Col span={{ base: 6, sm: 3, md: 2 }}>
          <TextInput
            label={t('web.audit.field.userId')}
            inputMode="numeric"
            value={userId}
            onChange={(e) => {
              const value = e.currentTarget.value.replace(/\D/g, '');
              setUserId(value);
              pushUserId(value);
            }}
            maxLength={12}
          />
        </Grid.Col>
        <Grid.Col span={{ base: 6, sm: 3, md: 2 }}>
          <DateField label={t('web.audit.field.from')} value={search.from ?? null} onChange={(from) => onChange({ from: from ?? undefined })} clearable maxDate={search.to} />
        </Grid.Col>
        <Grid.Col span={{ base: 6, sm: 3, md: 2 }}>
          <DateField label={t('web.audit.field.to')} value={search.to ?? null} onChange={(to) => onChange({ to: to ?? undefined })} clearable minDate={search.from} />
        </Grid.Col>
        <Grid.Col span={{ base: 6, sm: 3, md: 2 }}>
          <TextInput
            label={t('web.audit.field.entityType')}
            value={entityType}
            onChange={(e) => {
              setEntityType(e.currentTarget.value);
              pushEntityType(e.currentTarget.value);
            }}
            maxLength={60}
          />
        </Grid.Col>
      </Grid>
      {filtered && (
        <Button mt="sm" variant="subtle" leftSection={<IconFilterOff size={16} aria-hidden />} onClick={onClear}>
          {t('web.common.clearFilters')}
        </Button>
      )}
    </div>
  );
}
