import { useState } from 'react';
import { Checkbox, Grid, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useT } from '../../../lib/i18n';
import { serverFieldErrors } from '../../../lib/errors';
import { todayIso } from '../../../lib/format';
import { ActionModal } from '../../../components/ui/action-modal';
import { DateField } from '../../../components/ui/date-field';
import { OrgPicker } from '../../../components/ui/org-picker';
import { useCreateComplaint, type ComplaintDto } from '../api/complaints';
import { checkLetter, ContentField, emptyLetter, LetterFields, SubjectPersonPicker, type LetterDraft, type LetterField } from './complaint-fields';

/** "Nhập đơn": a letter received by post, in person or by phone, possibly about a member already. */
export function CreateComplaintModal({ defaultOrgId, onClose, onCreated }: { defaultOrgId: number | null; onClose: () => void; onCreated: (c: ComplaintDto) => void }) {
  const t = useT();
  const [orgId, setOrgId] = useState<number | null>(defaultOrgId);
  const [draft, setDraft] = useState<LetterDraft>(emptyLetter);
  const [receivedOn, setReceivedOn] = useState<string | null>(todayIso());
  const [learnedOn, setLearnedOn] = useState<string | null>(null);
  const [aboutPerson, setAboutPerson] = useState(false);
  const [personId, setPersonId] = useState<number | null>(null);
  const [errors, setErrors] = useState<Partial<Record<LetterField, string>>>({});
  const create = useCreateComplaint();
  const server = serverFieldErrors(create.error) as Partial<Record<LetterField, string>>;
  const shown = { ...server, ...errors };

  const validate = () => {
    const required = t('web.complaints.form.required');
    const next = { ...checkLetter(draft, t) };
    if (orgId === null) next.orgId = required;
    if (receivedOn === null) next.receivedOn = required;
    if (aboutPerson && personId === null) next.personId = required;
    setErrors(next);
    return Object.keys(next).length === 0;
  };

  return (
    <ActionModal
      title={t('web.complaints.create.title')}
      submitLabel={t('web.complaints.create.submit')}
      onClose={onClose}
      submitting={create.isPending}
      error={create.error}
      validate={validate}
      onSubmit={() => {
        if (orgId === null || receivedOn === null) return;
        create.mutate(
          {
            orgId,
            kind: draft.kind,
            name: draft.name.trim(),
            contact: draft.contact.trim(),
            address: draft.address.trim() || undefined,
            receivedOn,
            learnedOn: learnedOn ?? undefined,
            content: draft.content.trim(),
            personId: aboutPerson && personId !== null ? personId : undefined,
          },
          {
            onSuccess: (c) => {
              notifications.show({ color: 'teal', message: t('web.complaints.create.done') });
              onCreated(c);
            },
          },
        );
      }}
    >
      <Text size="sm">{t('web.complaints.create.explain')}</Text>
      <OrgPicker label={t('web.complaints.field.org')} value={orgId} onChange={setOrgId} required error={shown.orgId} data-testid="complaint-create-org" />
      <LetterFields draft={draft} onChange={(patch) => setDraft((d) => ({ ...d, ...patch }))} errors={shown} testIdPrefix="complaint-create" />
      <Grid gap="sm">
        <Grid.Col span={{ base: 12, sm: 6 }}>
          <DateField label={t('web.complaints.field.receivedOn')} value={receivedOn} onChange={setReceivedOn} required maxDate={todayIso()} error={shown.receivedOn} data-testid="complaint-create-received" />
        </Grid.Col>
        <Grid.Col span={{ base: 12, sm: 6 }}>
          <DateField label={t('web.complaints.field.learnedOn')} description={t('web.complaints.field.learnedOnHint')} value={learnedOn} onChange={setLearnedOn} clearable maxDate={todayIso()} error={shown.learnedOn} data-testid="complaint-create-learned" />
        </Grid.Col>
      </Grid>
      <ContentField value={draft.content} onChange={(content) => setDraft((d) => ({ ...d, content }))} error={shown.content} testId="complaint-create-content" />
      <Checkbox label={t('web.complaints.field.person')} checked={aboutPerson} onChange={(e) => setAboutPerson(e.currentTarget.checked)} data-testid="complaint-create-about-person" />
      {aboutPerson && (
        <SubjectPersonPicker value={personId} onChange={setPersonId} error={shown.personId} testId="complaint-create-person" />
      )}
    </ActionModal>
  );
}
