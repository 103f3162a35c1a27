import { useState } from 'react';
import { Grid, MultiSelect, NumberInput, Text, Textarea, TextInput } from '@mantine/core';
import { TimeInput } from '@mantine/dates';
import { notifications } from '@mantine/notifications';
import { CEREMONY_LIMITS } from '../../../../contracts/ceremonies';
import { LIMITS } from '../../../../contracts/limits';
import { useT } from '../../../lib/i18n';
import { serverFieldErrors } from '../../../lib/errors';
import { ActionModal } from '../../../components/ui/action-modal';
import { DateField } from '../../../components/ui/date-field';
import { ReasonField } from '../../../components/ui/reason-field';
import { toInstant } from '../../councils/components/meeting-form-modal';
import { useCancelCeremony, useDecisionOptions, useMarkHeld, useSetCeremonyDecisions, useUpdateCeremony, type CeremonyDto } from '../api/ceremonies';
import { useDecisionLabel } from './create-ceremony-modal';
import { splitInstant } from './when';

interface Props {
  ceremony: CeremonyDto;
  onClose: () => void;
}

/** "Sửa thông tin buổi lễ": title, date and time, place, note. */
export function EditCeremonyModal({ ceremony, onClose }: Props) {
  const t = useT();
  const when = splitInstant(ceremony.heldAt);
  const [title, setTitle] = useState(ceremony.title);
  const [date, setDate] = useState<string | null>(when.date);
  const [time, setTime] = useState(when.time);
  const [place, setPlace] = useState(ceremony.place);
  const [note, setNote] = useState(ceremony.note ?? '');
  const [missing, setMissing] = useState(false);
  const update = useUpdateCeremony(ceremony.id);
  const server = serverFieldErrors(update.error);
  const required = t('web.ceremonies.form.required');
  return (
    <ActionModal
      title={t('web.ceremonies.edit.title')}
      submitLabel={t('web.common.saveChanges')}
      onClose={onClose}
      submitting={update.isPending}
      error={update.error}
      validate={() => {
        const ok = title.trim() !== '' && place.trim() !== '' && date !== null && /^\d{2}:\d{2}$/.test(time);
        setMissing(!ok);
        return ok;
      }}
      onSubmit={() => {
        if (date === null) return;
        update.mutate({ version: ceremony.version, title: title.trim(), heldAt: toInstant(date, time), place: place.trim(), note: note.trim() || null }, { onSuccess: onClose });
      }}
    >
      <TextInput label={t('web.ceremonies.field.title')} value={title} onChange={(e) => setTitle(e.currentTarget.value)} required maxLength={CEREMONY_LIMITS.titleMax} error={(missing && title.trim() === '' ? required : undefined) ?? server.title} data-testid="ceremony-edit-title" />
      <Grid gap="sm">
        <Grid.Col span={{ base: 7, sm: 6 }}>
          <DateField label={t('web.ceremonies.field.date')} value={date} onChange={setDate} required error={(missing && date === null ? required : undefined) ?? server.heldAt} data-testid="ceremony-edit-date" />
        </Grid.Col>
        <Grid.Col span={{ base: 5, sm: 6 }}>
          <TimeInput label={t('web.ceremonies.field.time')} value={time} onChange={(e) => setTime(e.currentTarget.value)} required data-testid="ceremony-edit-time" />
        </Grid.Col>
      </Grid>
      <TextInput label={t('web.ceremonies.field.place')} value={place} onChange={(e) => setPlace(e.currentTarget.value)} required maxLength={CEREMONY_LIMITS.placeMax} error={(missing && place.trim() === '' ? required : undefined) ?? server.place} data-testid="ceremony-edit-place" />
      <Textarea label={t('web.ceremonies.field.note')} value={note} onChange={(e) => setNote(e.currentTarget.value)} autosize minRows={2} maxRows={6} maxLength={LIMITS.textMax} data-testid="ceremony-edit-note" />
    </ActionModal>
  );
}

/** "Chọn quyết định": the signed decisions presented; recipients are recomputed, recorded attendance kept. */
export function DecisionsModal({ ceremony, onClose }: Props) {
  const t = useT();
  const label = useDecisionLabel();
  const [ids, setIds] = useState<string[]>(ceremony.decisions.map((d) => String(d.id)));
  const [groupSize, setGroupSize] = useState<number>(CEREMONY_LIMITS.groupSizeDefault);
  const options = useDecisionOptions(ceremony.orgId);
  const save = useSetCeremonyDecisions(ceremony.id);
  // Decisions already presented stay listed even if no longer offered (e.g. all their lines revoked since).
  const data = [...(options.data ?? []), ...ceremony.decisions.filter((d) => !(options.data ?? []).some((o) => o.id === d.id))].map((d) => ({ value: String(d.id), label: label(d) }));
  return (
    <ActionModal
      title={t('web.ceremonies.decisions.title')}
      submitLabel={t('web.common.saveChanges')}
      onClose={onClose}
      submitting={save.isPending}
      error={save.error}
      onSubmit={() => save.mutate({ version: ceremony.version, decisionIds: ids.map(Number), groupSize }, { onSuccess: onClose })}
    >
      <Text size="sm">{t('web.ceremonies.decisions.explain')}</Text>
      <MultiSelect
        label={t('web.ceremonies.field.decisions')}
        data={data}
        value={ids}
        onChange={setIds}
        searchable
        clearable
        maxValues={CEREMONY_LIMITS.decisionsMax}
        disabled={options.isPending}
        nothingFoundMessage={t('web.ceremonies.decisions.none')}
        data-testid="ceremony-decisions-select"
      />
      <NumberInput
        label={t('web.ceremonies.field.groupSize')}
        description={t('web.ceremonies.decisions.groupSizeHint')}
        value={groupSize}
        onChange={(v) => setGroupSize(typeof v === 'number' && v >= 1 ? Math.min(v, CEREMONY_LIMITS.groupSizeMax) : CEREMONY_LIMITS.groupSizeDefault)}
        min={1}
        max={CEREMONY_LIMITS.groupSizeMax}
        allowDecimal={false}
      />
    </ActionModal>
  );
}

/** "Đánh dấu đã tổ chức": asks once more; attendance can still be corrected afterwards. */
export function HeldModal({ ceremony, onClose }: Props) {
  const t = useT();
  const held = useMarkHeld(ceremony.id);
  return (
    <ActionModal
      title={t('web.ceremonies.held.title')}
      submitLabel={t('web.ceremonies.held.submit')}
      onClose={onClose}
      submitting={held.isPending}
      error={held.error}
      confirmMessage={t('web.ceremonies.held.confirm', { pending: ceremony.counts.pending })}
      onSubmit={() =>
        held.mutate(
          { version: ceremony.version },
          {
            onSuccess: () => {
              notifications.show({ color: 'teal', message: t('web.ceremonies.held.done') });
              onClose();
            },
          },
        )
      }
    >
      <Text size="sm">{t('web.ceremonies.held.explain', { received: ceremony.counts.received, proxy: ceremony.counts.proxy, absent: ceremony.counts.absent, pending: ceremony.counts.pending })}</Text>
    </ActionModal>
  );
}

/** "Hủy buổi lễ" with the reason (kept with the record). */
export function CancelCeremonyModal({ ceremony, onClose }: Props) {
  const t = useT();
  const [reason, setReason] = useState('');
  const [short, setShort] = useState(false);
  const cancel = useCancelCeremony(ceremony.id);
  return (
    <ActionModal
      title={t('web.ceremonies.cancel.title')}
      submitLabel={t('web.ceremonies.cancel.submit')}
      danger
      onClose={onClose}
      submitting={cancel.isPending}
      error={cancel.error}
      confirmMessage={t('web.ceremonies.cancel.confirm')}
      validate={() => {
        const ok = reason.trim().length >= LIMITS.reasonMin;
        setShort(!ok);
        return ok;
      }}
      onSubmit={() => cancel.mutate({ version: ceremony.version, reason: reason.trim() }, { onSuccess: onClose })}
    >
      <ReasonField value={reason} onChange={setReason} error={short ? t('web.common.reasonHint', { min: LIMITS.reasonMin }) : undefined} />
    </ActionModal>
  );
}
