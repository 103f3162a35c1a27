import { useState } from 'react';
import { Grid, MultiSelect, Select, Textarea, TextInput } from '@mantine/core';
import { TimeInput } from '@mantine/dates';
import { notifications } from '@mantine/notifications';
import { useT } from '../../../lib/i18n';
import { serverFieldErrors } from '../../../lib/errors';
import { currentYear, todayIso } from '../../../lib/format';
import { ActionModal } from '../../../components/ui/action-modal';
import { DateField } from '../../../components/ui/date-field';
import type { CouncilDto } from '../api/councils';
import { useCreateMeeting, useUpdateMeeting, type MeetingDto } from '../api/meetings';

type Field = 'title' | 'scheduledAt' | 'place' | 'secretaryName' | 'presidingMemberId' | 'counterMemberIds' | 'notes';
/** The vote counters (Ban kiểm phiếu) are at most this many. */
const MAX_COUNTERS = 9;

/** The local date and time typed in the form as an ISO instant with the browser's offset. */
export function toInstant(date: string, time: string): string {
  return new Date(`${date}T${time}:00`).toISOString();
}

function pad(n: number) {
  return String(n).padStart(2, '0');
}

/** An instant as the local `yyyy-mm-dd` and `hh:mm` the form shows. */
function splitInstant(iso: string): { date: string; time: string } {
  const d = new Date(iso);
  return { date: `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`, time: `${pad(d.getHours())}:${pad(d.getMinutes())}` };
}

interface MeetingFormProps {
  /** Members who may preside or count votes. */
  seats: { id: number; fullName: string; role: CouncilDto['members'][number]['role'] }[];
  onClose: () => void;
}

/**
 * "Lên lịch họp" (with `council`) or "Sửa thông tin cuộc họp" (with `meeting`): title, date and time,
 * place, secretary and the member who presides; once scheduled, also the vote counters and notes
 * for the minutes.
 */
export function MeetingFormModal(props: MeetingFormProps & ({ council: CouncilDto; meeting?: undefined; onSaved: (m: MeetingDto) => void } | { meeting: MeetingDto; council?: undefined; onSaved?: undefined })) {
  const { seats, onClose, meeting } = props;
  const t = useT();
  const create = useCreateMeeting();
  const update = useUpdateMeeting(meeting?.id ?? 0);
  const mutation = meeting ? update : create;
  const chair = seats.find((m) => m.role === 'CHAIR');
  const when = meeting ? splitInstant(meeting.scheduledAt) : { date: todayIso(), time: '08:00' };
  const [title, setTitle] = useState(meeting?.title ?? t('web.councils.meetingForm.defaultTitle', { year: currentYear() }));
  const [date, setDate] = useState<string | null>(when.date);
  const [time, setTime] = useState(when.time);
  const [place, setPlace] = useState(meeting?.place ?? '');
  const [secretaryName, setSecretaryName] = useState(meeting?.secretaryName ?? '');
  const [presiding, setPresiding] = useState<string | null>(meeting ? (meeting.presidingMemberId === null ? null : String(meeting.presidingMemberId)) : chair ? String(chair.id) : null);
  const [counters, setCounters] = useState<string[]>((meeting?.counterMemberIds ?? []).map(String));
  const [notes, setNotes] = useState(meeting?.notes ?? '');
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const server = serverFieldErrors(mutation.error) as Partial<Record<Field, string>>;
  const error = (f: Field) => errors[f] ?? server[f];
  const seatOptions = seats.map((m) => ({ value: String(m.id), label: `${m.fullName} – ${t(`web.councils.role.${m.role}`)}` }));

  const validate = () => {
    const next: Partial<Record<Field, string>> = {
      title: title.trim() === '' ? t('web.councils.meetingForm.titleRequired') : undefined,
      scheduledAt: date === null || !/^\d{2}:\d{2}$/.test(time) ? t('web.councils.meetingForm.whenRequired') : undefined,
    };
    setErrors(next);
    return Object.values(next).every((v) => v === undefined);
  };

  const submit = () => {
    if (date === null) return;
    const common = {
      title: title.trim(),
      scheduledAt: toInstant(date, time),
      place: place.trim() || null,
      secretaryName: secretaryName.trim() || null,
      presidingMemberId: presiding === null ? null : Number(presiding),
    };
    if (meeting) {
      update.mutate({ version: meeting.version, ...common, counterMemberIds: counters.map(Number), notes: notes.trim() || null }, { onSuccess: onClose });
      return;
    }
    create.mutate(
      { councilId: props.council!.id, ...common },
      {
        onSuccess: (m) => {
          notifications.show({ color: 'teal', message: t('web.councils.meetingForm.created', { title: m.title }) });
          props.onSaved?.(m);
          onClose();
        },
      },
    );
  };

  return (
    <ActionModal
      title={meeting ? t('web.councils.meetingForm.editTitle') : t('web.councils.meetingForm.title')}
      submitLabel={meeting ? t('web.common.saveChanges') : t('web.councils.meetingForm.submit')}
      onClose={onClose}
      submitting={mutation.isPending}
      error={mutation.error}
      validate={validate}
      onSubmit={submit}
    >
      <TextInput label={t('web.councils.meeting.field.title')} value={title} onChange={(e) => setTitle(e.currentTarget.value)} required maxLength={300} error={error('title')} data-testid="meeting-form-title" />
      <Grid gap="sm">
        <Grid.Col span={{ base: 7, sm: 6 }}>
          <DateField label={t('web.councils.meeting.field.date')} value={date} onChange={setDate} required error={error('scheduledAt')} data-testid="meeting-form-date" />
        </Grid.Col>
        <Grid.Col span={{ base: 5, sm: 6 }}>
          <TimeInput label={t('web.councils.meeting.field.time')} value={time} onChange={(e) => setTime(e.currentTarget.value)} required data-testid="meeting-form-time" />
        </Grid.Col>
      </Grid>
      <TextInput label={t('web.councils.meeting.field.place')} value={place} onChange={(e) => setPlace(e.currentTarget.value)} maxLength={300} error={error('place')} data-testid="meeting-form-place" />
      <Select label={t('web.councils.meeting.field.presiding')} data={seatOptions} value={presiding} onChange={setPresiding} clearable error={error('presidingMemberId')} data-testid="meeting-form-presiding" />
      <TextInput
        label={t('web.councils.meeting.field.secretary')}
        description={t('web.councils.meetingForm.secretaryHint')}
        value={secretaryName}
        onChange={(e) => setSecretaryName(e.currentTarget.value)}
        maxLength={200}
        error={error('secretaryName')}
        data-testid="meeting-form-secretary"
      />
      {meeting && (
        <>
          <MultiSelect
            label={t('web.councils.meeting.field.counters')}
            description={t('web.councils.meetingForm.countersHint')}
            data={seatOptions}
            value={counters}
            onChange={setCounters}
            maxValues={MAX_COUNTERS}
            clearable
            error={error('counterMemberIds')}
            data-testid="meeting-form-counters"
          />
          <Textarea
            label={t('web.councils.meeting.field.notes')}
            description={t('web.councils.meetingForm.notesHint')}
            value={notes}
            onChange={(e) => setNotes(e.currentTarget.value)}
            autosize
            minRows={3}
            maxRows={10}
            maxLength={10_000}
            error={error('notes')}
            data-testid="meeting-form-notes"
          />
        </>
      )}
    </ActionModal>
  );
}
