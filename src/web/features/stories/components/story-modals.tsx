import { useState } from 'react';
import { Checkbox, FileInput, Progress, Select, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconPhoto } from '@tabler/icons-react';
import { CONSENT_METHODS, STORY_CREDIT_ROLES, STORY_LIMITS, type ConsentMethod, type StoryCreditRole } from '../../../../contracts/stories';
import { LIMITS } from '../../../../contracts/limits';
import { useT } from '../../../lib/i18n';
import { serverFieldErrors } from '../../../lib/errors';
import { todayIso } from '../../../lib/format';
import { ActionModal } from '../../../components/ui/action-modal';
import { DateField } from '../../../components/ui/date-field';
import { PersonPicker } from '../../../components/ui/person-picker';
import { ReasonField } from '../../../components/ui/reason-field';
import { useAddCredit, useRecordConsent, useStoryStep, useUploadPhoto, type StoryDto } from '../api/stories';
import { BlockersAlert } from './blockers';

/** Any step that needs a reason (return, withdraw, remove a photo, revoke a credit): the reason, then a confirmation. */
export function ReasonModal({ title, explain, submitLabel, min = STORY_LIMITS.reasonMin, submitting, error, onSubmit, onClose }: {
  title: string; explain: string; submitLabel: string; min?: number; submitting: boolean; error: unknown; onSubmit: (reason: string) => void; onClose: () => void;
}) {
  const t = useT();
  const [reason, setReason] = useState('');
  const [local, setLocal] = useState<string | undefined>();
  return (
    <ActionModal
      title={title}
      submitLabel={submitLabel}
      onClose={onClose}
      submitting={submitting}
      error={error}
      danger
      confirmMessage={explain}
      validate={() => {
        const ok = reason.trim().length >= min;
        setLocal(ok ? undefined : t('web.common.reasonHint', { min }));
        return ok;
      }}
      onSubmit={() => onSubmit(reason.trim())}
    >
      <Text size="sm">{explain}</Text>
      <ReasonField value={reason} onChange={setReason} error={local ?? serverFieldErrors(error).reason} />
    </ActionModal>
  );
}

/** Publication: what still stops it (consent, personal data), then a confirmation that it becomes public. */
export function PublishModal({ story, onClose }: { story: StoryDto; onClose: () => void }) {
  const t = useT();
  const publish = useStoryStep(story.id, 'publish');
  return (
    <ActionModal
      title={t('web.stories.action.publish')}
      submitLabel={t('web.stories.action.publish')}
      onClose={onClose}
      submitting={publish.isPending}
      error={publish.error}
      confirmMessage={t('web.stories.publish.confirm', { org: story.orgName })}
      onSubmit={() =>
        publish.mutate(
          { version: story.version },
          {
            onSuccess: () => {
              notifications.show({ color: 'teal', message: t('web.stories.action.published') });
              onClose();
            },
          },
        )
      }
    >
      <Text size="sm">{t('web.stories.publish.confirm', { org: story.orgName })}</Text>
      <BlockersAlert story={story} />
    </ActionModal>
  );
}

export function ConsentModal({ story, onClose }: { story: StoryDto; onClose: () => void }) {
  const t = useT();
  const [on, setOn] = useState<string | null>(story.consent?.on ?? todayIso());
  const [method, setMethod] = useState<ConsentMethod>(story.consent?.method ?? 'WRITTEN');
  const [note, setNote] = useState(story.consent?.note ?? '');
  const [local, setLocal] = useState<string | undefined>();
  const record = useRecordConsent(story.id);
  const server = serverFieldErrors(record.error);
  return (
    <ActionModal
      title={t('web.stories.consent.record')}
      submitLabel={t('web.stories.consent.record')}
      onClose={onClose}
      submitting={record.isPending}
      error={record.error}
      validate={() => {
        setLocal(on ? undefined : t('web.stories.form.required'));
        return on !== null;
      }}
      onSubmit={() =>
        on &&
        record.mutate(
          { version: story.version, consentOn: on, method, note: note.trim() || undefined },
          {
            onSuccess: () => {
              notifications.show({ color: 'teal', message: t('web.stories.consent.done') });
              onClose();
            },
          },
        )
      }
    >
      <Text size="sm">{t('web.stories.consent.none')}</Text>
      <DateField label={t('web.stories.consent.date')} value={on} onChange={setOn} required maxDate={todayIso()} error={local ?? server.consentOn} data-testid="story-consent-date" />
      <Select
        label={t('web.stories.consent.method')}
        data={CONSENT_METHODS.map((m) => ({ value: m, label: t(`web.stories.consent.method.${m}`) }))}
        value={method}
        onChange={(v) => v && setMethod(v as ConsentMethod)}
        allowDeselect={false}
        required
        comboboxProps={{ withinPortal: true }}
        data-testid="story-consent-method"
      />
      <Textarea
        label={t('web.stories.consent.note')}
        description={t('web.stories.consent.noteHint')}
        value={note}
        onChange={(e) => {
          const v = e.currentTarget.value;
          setNote(v);
        }}
        autosize
        minRows={2}
        maxLength={STORY_LIMITS.noteMax}
        data-testid="story-consent-note"
      />
    </ActionModal>
  );
}

export function PhotoModal({ story, onClose }: { story: StoryDto; onClose: () => void }) {
  const t = useT();
  const [file, setFile] = useState<File | null>(null);
  const [altText, setAltText] = useState('');
  const [caption, setCaption] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const upload = useUploadPhoto(story.id);
  const maxMb = Math.round(STORY_LIMITS.photoMaxBytes / 1048576);
  return (
    <ActionModal
      title={t('web.stories.photos.add')}
      submitLabel={t('web.stories.photos.upload')}
      onClose={onClose}
      submitting={upload.isPending}
      error={upload.error}
      validate={() => {
        const next: Record<string, string> = {};
        if (!file) next.file = t('web.stories.form.required');
        else if (file.size > STORY_LIMITS.photoMaxBytes) next.file = t('error.PAYLOAD_TOO_LARGE', { maxMb });
        if (altText.trim().length < STORY_LIMITS.altMin) next.altText = t('web.stories.form.required');
        setErrors(next);
        return Object.keys(next).length === 0;
      }}
      onSubmit={() =>
        file &&
        upload.mutate(
          { file, altText: altText.trim(), caption: caption.trim() },
          {
            onSuccess: () => {
              notifications.show({ color: 'teal', message: t('web.stories.photos.added') });
              onClose();
            },
          },
        )
      }
    >
      <Text size="sm">{t('web.stories.photos.hint', { maxMb, max: STORY_LIMITS.photosMax })}</Text>
      <FileInput
        label={t('web.stories.photos.file')}
        placeholder={t('web.stories.photos.filePlaceholder')}
        accept="image/jpeg,image/png"
        value={file}
        onChange={setFile}
        required
        clearable
        leftSection={<IconPhoto size={16} aria-hidden />}
        error={errors.file}
        data-testid="story-photo-file"
      />
      <TextInput
        label={t('web.stories.photos.alt')}
        description={t('web.stories.photos.altHint')}
        value={altText}
        onChange={(e) => {
          const v = e.currentTarget.value;
          setAltText(v);
        }}
        required
        maxLength={STORY_LIMITS.altMax}
        error={errors.altText}
        data-testid="story-photo-alt"
      />
      <TextInput
        label={t('web.stories.photos.caption')}
        value={caption}
        onChange={(e) => {
          const v = e.currentTarget.value;
          setCaption(v);
        }}
        maxLength={STORY_LIMITS.captionMax}
        data-testid="story-photo-caption"
      />
      {upload.isPending && (
        <Stack gap={4}>
          <Text size="sm">{t('web.stories.photos.uploading', { percent: Math.round(upload.progress * 100) })}</Text>
          <Progress value={upload.progress * 100} aria-label={t('web.stories.photos.upload')} />
        </Stack>
      )}
    </ActionModal>
  );
}

export function CreditModal({ story, onClose }: { story: StoryDto; onClose: () => void }) {
  const t = useT();
  const [member, setMember] = useState(true);
  const [personId, setPersonId] = useState<number | null>(null);
  const [name, setName] = useState('');
  const [role, setRole] = useState<StoryCreditRole>('DISCOVERED');
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const add = useAddCredit(story.id);
  return (
    <ActionModal
      title={t('web.stories.credits.add')}
      submitLabel={t('web.stories.credits.add')}
      onClose={onClose}
      submitting={add.isPending}
      error={add.error}
      validate={() => {
        const next: Record<string, string> = {};
        if (member && personId === null) next.personId = t('web.stories.form.required');
        if (!member && name.trim().length < 2) next.name = t('web.stories.form.required');
        setErrors(next);
        return Object.keys(next).length === 0;
      }}
      onSubmit={() =>
        add.mutate(
          { role, note: note.trim() || undefined, ...(member ? { personId: personId ?? undefined } : { name: name.trim() }) },
          {
            onSuccess: () => {
              notifications.show({ color: 'teal', message: t('web.stories.credits.done') });
              onClose();
            },
          },
        )
      }
    >
      <Select
        label={t('web.stories.credits.role')}
        data={STORY_CREDIT_ROLES.map((r) => ({ value: r, label: t(`web.stories.credits.role.${r}`) }))}
        value={role}
        onChange={(v) => v && setRole(v as StoryCreditRole)}
        allowDeselect={false}
        required
        comboboxProps={{ withinPortal: true }}
        data-testid="story-credit-role"
      />
      <Checkbox label={t('web.stories.credits.member')} checked={member} onChange={(e) => setMember(e.currentTarget.checked)} data-testid="story-credit-member" />
      {member ? (
        <PersonPicker
          label={t('web.stories.subject.memberPick')}
          placeholder={t('web.stories.subject.memberPlaceholder')}
          nothingFound={t('web.stories.subject.memberNone')}
          value={personId}
          onChange={setPersonId}
          error={errors.personId ?? serverFieldErrors(add.error).personId}
          data-testid="story-credit-person"
        />
      ) : (
        <TextInput
          label={t('web.stories.credits.name')}
          value={name}
          onChange={(e) => {
            const v = e.currentTarget.value;
            setName(v);
          }}
          required
          maxLength={STORY_LIMITS.nameMax}
          error={errors.name}
          data-testid="story-credit-name"
        />
      )}
      <TextInput
        label={t('web.stories.credits.note')}
        value={note}
        onChange={(e) => {
          const v = e.currentTarget.value;
          setNote(v);
        }}
        maxLength={LIMITS.textMax}
        data-testid="story-credit-note"
      />
    </ActionModal>
  );
}
