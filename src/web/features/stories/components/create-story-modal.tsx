import { useState } from 'react';
import { Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useT } from '../../../lib/i18n';
import { serverFieldErrors } from '../../../lib/errors';
import { ActionModal } from '../../../components/ui/action-modal';
import { OrgPicker } from '../../../components/ui/org-picker';
import { useCreateStory, type StoryDto } from '../api/stories';
import { checkStory, emptyStory, inputOf, SubjectFields, TextFields, type StoryDraft } from './story-fields';

/** "Viết bài mới": the organisation, whom it is about and a first text; photos, consent and links follow on the story's page. */
export function CreateStoryModal({ defaultOrgId, onClose, onCreated }: { defaultOrgId: number | null; onClose: () => void; onCreated: (s: StoryDto) => void }) {
  const t = useT();
  const [orgId, setOrgId] = useState<number | null>(defaultOrgId);
  const [draft, setDraft] = useState<StoryDraft>(emptyStory);
  const [errors, setErrors] = useState<Partial<Record<string, string>>>({});
  const create = useCreateStory();
  const shown = { ...serverFieldErrors(create.error), ...errors };
  // A change answers the earlier complaint: it is checked again on the next submit.
  const onChange = (patch: Partial<StoryDraft>) => {
    setDraft((d) => ({ ...d, ...patch }));
    setErrors({});
  };

  const validate = () => {
    const next: Partial<Record<string, string>> = checkStory(draft, t);
    if (orgId === null) next.orgId = t('web.stories.form.required');
    setErrors(next);
    return Object.keys(next).length === 0;
  };

  return (
    <ActionModal
      title={t('web.stories.create.title')}
      submitLabel={t('web.stories.create.submit')}
      onClose={onClose}
      submitting={create.isPending}
      error={create.error}
      validate={validate}
      onSubmit={() => {
        if (orgId === null) return;
        create.mutate(
          { orgId, ...inputOf(draft) },
          {
            onSuccess: (s) => {
              notifications.show({ color: 'teal', message: t('web.stories.create.done') });
              onCreated(s);
            },
          },
        );
      }}
    >
      <Text size="sm">{t('web.stories.list.description')}</Text>
      <OrgPicker label={t('web.stories.field.org')} value={orgId} onChange={setOrgId} required error={shown.orgId} data-testid="story-create-org" />
      <SubjectFields draft={draft} onChange={onChange} errors={shown} />
      <TextFields draft={draft} onChange={onChange} errors={shown} />
    </ActionModal>
  );
}
