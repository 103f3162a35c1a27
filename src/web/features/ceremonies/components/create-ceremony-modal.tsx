import { useState } from 'react';
import { Grid, MultiSelect, NumberInput, Text, TextInput } from '@mantine/core';
import { TimeInput } from '@mantine/dates';
import { notifications } from '@mantine/notifications';
import { CEREMONY_LIMITS } from '../../../../contracts/ceremonies';
import { useT } from '../../../lib/i18n';
import { serverFieldErrors } from '../../../lib/errors';
import { currentYear, formatDate, todayIso } from '../../../lib/format';
import { ActionModal } from '../../../components/ui/action-modal';
import { DateField } from '../../../components/ui/date-field';
import { OrgPicker } from '../../../components/ui/org-picker';
import { toInstant } from '../../councils/components/meeting-form-modal';
import { useCreateCeremony, useDecisionOptions, type CeremonyDecisionDto, type CeremonyDto } from '../api/ceremonies';

type Field = 'orgId' | 'title' | 'heldAt' | 'place' | 'decisionIds' | 'groupSize';

/** "05/QĐ-LĐLĐ · 01/10/2026 · Về việc … (12 người nhận)". */
export function useDecisionLabel() {
  const t = useT();
  return (d: CeremonyDecisionDto) => t('web.ceremonies.decisions.option', { number: d.numberText ?? `#${d.id}`, date: formatDate(d.signedOn), subject: d.subject, org: d.orgName, count: d.lineCount });
}

/** "Lên kế hoạch lễ trao tặng": organisation, title, date and time, place, the signed decisions presented, the group size. */
export function CreateCeremonyModal({ defaultOrgId, onClose, onCreated }: { defaultOrgId: number | null; onClose: () => void; onCreated: (c: CeremonyDto) => void }) {
  const t = useT();
  const label = useDecisionLabel();
  const [orgId, setOrgId] = useState<number | null>(defaultOrgId);
  const [title, setTitle] = useState(t('web.ceremonies.create.defaultTitle', { year: currentYear() }));
  const [date, setDate] = useState<string | null>(todayIso());
  const [time, setTime] = useState('08:00');
  const [place, setPlace] = useState('');
  const [decisionIds, setDecisionIds] = useState<string[]>([]);
  const [groupSize, setGroupSize] = useState<number>(CEREMONY_LIMITS.groupSizeDefault);
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const options = useDecisionOptions(orgId);
  const create = useCreateCeremony();
  const server = serverFieldErrors(create.error) as Partial<Record<Field, string>>;
  const error = (f: Field) => errors[f] ?? server[f];

  const validate = () => {
    const required = t('web.ceremonies.form.required');
    const next: Partial<Record<Field, string>> = {
      orgId: orgId === null ? required : undefined,
      title: title.trim() === '' ? required : undefined,
      heldAt: date === null || !/^\d{2}:\d{2}$/.test(time) ? t('web.ceremonies.form.whenRequired') : undefined,
      place: place.trim() === '' ? required : undefined,
    };
    setErrors(next);
    return Object.values(next).every((v) => v === undefined);
  };

  return (
    <ActionModal
      title={t('web.ceremonies.create.title')}
      submitLabel={t('web.ceremonies.create.submit')}
      onClose={onClose}
      submitting={create.isPending}
      error={create.error}
      validate={validate}
      onSubmit={() => {
        if (orgId === null || date === null) return;
        create.mutate(
          { orgId, title: title.trim(), heldAt: toInstant(date, time), place: place.trim(), decisionIds: decisionIds.map(Number), groupSize },
          {
            onSuccess: (c) => {
              notifications.show({ color: 'teal', message: t('web.ceremonies.create.done') });
              onCreated(c);
            },
          },
        );
      }}
    >
      <OrgPicker
        label={t('web.ceremonies.field.org')}
        value={orgId}
        onChange={(v) => {
          setOrgId(v);
          setDecisionIds([]);
        }}
        required
        error={error('orgId')}
        data-testid="ceremony-create-org"
      />
      <TextInput label={t('web.ceremonies.field.title')} value={title} onChange={(e) => setTitle(e.currentTarget.value)} required maxLength={CEREMONY_LIMITS.titleMax} error={error('title')} data-testid="ceremony-create-title" />
      <Grid gap="sm">
        <Grid.Col span={{ base: 7, sm: 6 }}>
          <DateField label={t('web.ceremonies.field.date')} value={date} onChange={setDate} required error={error('heldAt')} data-testid="ceremony-create-date" />
        </Grid.Col>
        <Grid.Col span={{ base: 5, sm: 6 }}>
          <TimeInput label={t('web.ceremonies.field.time')} value={time} onChange={(e) => setTime(e.currentTarget.value)} required data-testid="ceremony-create-time" />
        </Grid.Col>
      </Grid>
      <TextInput label={t('web.ceremonies.field.place')} value={place} onChange={(e) => setPlace(e.currentTarget.value)} required maxLength={CEREMONY_LIMITS.placeMax} error={error('place')} data-testid="ceremony-create-place" />
      <MultiSelect
        label={t('web.ceremonies.field.decisions')}
        description={t('web.ceremonies.decisions.hint')}
        data={(options.data ?? []).map((d) => ({ value: String(d.id), label: label(d) }))}
        value={decisionIds}
        onChange={setDecisionIds}
        searchable
        clearable
        maxValues={CEREMONY_LIMITS.decisionsMax}
        disabled={orgId === null || options.isPending}
        error={error('decisionIds')}
        nothingFoundMessage={t('web.ceremonies.decisions.none')}
        data-testid="ceremony-create-decisions"
      />
      {options.data && options.data.length === 0 && (
        <Text size="sm" c="dimmed">
          {t('web.ceremonies.decisions.none')}
        </Text>
      )}
      <NumberInput
        label={t('web.ceremonies.field.groupSize')}
        description={t('web.ceremonies.field.groupSizeHint')}
        value={groupSize}
        onChange={(v) => setGroupSize(typeof v === 'number' && v >= 1 ? Math.min(v, CEREMONY_LIMITS.groupSizeMax) : CEREMONY_LIMITS.groupSizeDefault)}
        min={1}
        max={CEREMONY_LIMITS.groupSizeMax}
        allowDecimal={false}
        error={error('groupSize')}
        data-testid="ceremony-create-group-size"
      />
    </ActionModal>
  );
}
