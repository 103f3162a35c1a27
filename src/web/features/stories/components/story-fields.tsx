import { Grid, Radio, Group, Select, Stack, Text, TextInput } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { STORY_LIMITS, type CreateStoryInput } from '../../../../contracts/stories';
import type { MovementDto } from '../../../../contracts/movements';
import { api, type Page } from '../../../lib/api-client';
import { useT } from '../../../lib/i18n';
import { LongTextField } from '../../../components/ui/long-text-field';
import { OrgPicker } from '../../../components/ui/org-picker';
import { PersonPicker } from '../../../components/ui/person-picker';
import type { StoryDto } from '../api/stories';
import { SignedDecisionSelect } from './decision-select';
import { ModelPicker } from './model-picker';

/** What the writer edits: the subject, the text and the links. */
export interface StoryDraft {
  subjectKind: 'PERSON' | 'COLLECTIVE';
  personId: number | null;
  subjectOrgId: number | null;
  subjectName: string;
  subjectUnit: string;
  title: string;
  summary: string;
  body: string;
  movementId: number | null;
  decisionId: number | null;
  modelId: number | null;
}
export type StoryField = keyof StoryDraft;

export const emptyStory: StoryDraft = { subjectKind: 'PERSON', personId: null, subjectOrgId: null, subjectName: '', subjectUnit: '', title: '', summary: '', body: '', movementId: null, decisionId: null, modelId: null };

export const draftOf = (s: StoryDto): StoryDraft => ({
  subjectKind: s.subjectKind, personId: s.personId, subjectOrgId: s.subjectOrgId,
  // A linked subject keeps the name and unit from the records unless they were typed differently.
  subjectName: s.subjectName, subjectUnit: s.subjectUnit ?? '', title: s.title, summary: s.summary, body: s.body, movementId: s.movementId, decisionId: s.decisionId, modelId: s.modelId,
});

/** The body the server takes (empty texts are left out so that the records fill them). */
export function inputOf(d: StoryDraft): Omit<CreateStoryInput, 'orgId'> {
  return {
    subjectKind: d.subjectKind,
    personId: d.subjectKind === 'PERSON' ? d.personId : null,
    subjectOrgId: d.subjectKind === 'COLLECTIVE' ? d.subjectOrgId : null,
    subjectName: d.subjectName.trim() || undefined,
    subjectUnit: d.subjectUnit.trim() || undefined,
    title: d.title.trim(),
    summary: d.summary.trim(),
    body: d.body.trim(),
    movementId: d.movementId,
    decisionId: d.decisionId,
    modelId: d.modelId,
  };
}

/** Local checks matching the server's, with the same words. */
export function checkStory(d: StoryDraft, t: ReturnType<typeof useT>): Partial<Record<StoryField, string>> {
  const errors: Partial<Record<StoryField, string>> = {};
  const required = t('web.stories.form.required');
  if (d.title.trim().length < STORY_LIMITS.titleMin) errors.title = required;
  if (!d.summary.trim()) errors.summary = required;
  if (!d.body.trim()) errors.body = required;
  if (!d.subjectName.trim() && (d.subjectKind === 'PERSON' ? d.personId === null : d.subjectOrgId === null)) errors.subjectName = t('web.stories.form.subjectRequired');
  return errors;
}

interface FieldsProps {
  draft: StoryDraft;
  onChange: (patch: Partial<StoryDraft>) => void;
  errors: Partial<Record<string, string>>;
  /** The linked name shown while the picker is empty (editing an existing story). */
  linkedName?: string | null;
}

/** Choosing another member or unit lets the records give the name and unit again. */
const fromRecords = { subjectName: '', subjectUnit: '' };

/** Whom the story is about: a member or a unit on record, or just a name. */
export function SubjectFields({ draft, onChange, errors, linkedName }: FieldsProps) {
  const t = useT();
  return (
    <Stack gap="sm">
      <Radio.Group label={t('web.stories.field.subjectKind')} value={draft.subjectKind} onChange={(v) => onChange({ subjectKind: v as StoryDraft['subjectKind'] })} data-testid="story-subject-kind">
        <Group gap="md" mt={4}>
          <Radio value="PERSON" label={t('web.stories.kind.PERSON')} data-testid="story-kind-person" />
          <Radio value="COLLECTIVE" label={t('web.stories.kind.COLLECTIVE')} data-testid="story-kind-collective" />
        </Group>
      </Radio.Group>
      {linkedName && (
        <Text size="sm" data-testid="story-linked">
          {t('web.stories.subject.linked')}: <Text span fw={600}>{linkedName}</Text>
        </Text>
      )}
      {draft.subjectKind === 'PERSON' ? (
        <PersonPicker
          label={t('web.stories.subject.memberPick')}
          placeholder={t('web.stories.subject.memberPlaceholder')}
          nothingFound={t('web.stories.subject.memberNone')}
          value={draft.personId}
          onChange={(personId) => onChange({ personId, ...fromRecords })}
          error={errors.personId}
          data-testid="story-person"
        />
      ) : (
        <OrgPicker label={t('web.stories.subject.orgPick')} value={draft.subjectOrgId} onChange={(subjectOrgId) => onChange({ subjectOrgId, ...fromRecords })} clearable error={errors.subjectOrgId} data-testid="story-subject-org" />
      )}
      <Grid gap="sm">
        <Grid.Col span={{ base: 12, sm: 6 }}>
          <TextInput
            label={t('web.stories.subject.name')}
            description={t('web.stories.subject.nameHint')}
            value={draft.subjectName}
            onChange={(e) => {
              const subjectName = e.currentTarget.value;
              onChange({ subjectName });
            }}
            maxLength={STORY_LIMITS.nameMax}
            error={errors.subjectName}
            data-testid="story-subject-name"
          />
        </Grid.Col>
        <Grid.Col span={{ base: 12, sm: 6 }}>
          <TextInput
            label={t('web.stories.subject.unit')}
            description={t('web.stories.subject.unitHint')}
            value={draft.subjectUnit}
            onChange={(e) => {
              const subjectUnit = e.currentTarget.value;
              onChange({ subjectUnit });
            }}
            maxLength={STORY_LIMITS.unitMax}
            error={errors.subjectUnit}
            data-testid="story-subject-unit"
          />
        </Grid.Col>
      </Grid>
    </Stack>
  );
}

/** Title, summary and text. */
export function TextFields({ draft, onChange, errors }: FieldsProps) {
  const t = useT();
  return (
    <Stack gap="sm">
      <TextInput
        label={t('web.stories.field.title')}
        value={draft.title}
        onChange={(e) => {
          const title = e.currentTarget.value;
          onChange({ title });
        }}
        required
        maxLength={STORY_LIMITS.titleMax}
        error={errors.title}
        data-testid="story-title"
      />
      <LongTextField label={t('web.stories.field.summary')} description={t('web.stories.field.summaryHint', { max: STORY_LIMITS.summaryMax })} value={draft.summary} onChange={(summary) => onChange({ summary })} error={errors.summary} max={STORY_LIMITS.summaryMax} maxRows={5} testId="story-summary" />
      <LongTextField label={t('web.stories.field.body')} description={t('web.stories.field.bodyHint')} value={draft.body} onChange={(body) => onChange({ body })} error={errors.body} max={STORY_LIMITS.bodyMax} maxRows={24} testId="story-body" />
    </Stack>
  );
}

/** The movement and the decision the story belongs to (the organisation's, above or below it), and the model it is about. */
export function LinkFields({ orgId, draft, onChange, errors, modelName = null }: FieldsProps & { orgId: number; modelName?: string | null }) {
  const t = useT();
  const movements = useQuery({
    queryKey: ['movements', 'list', { orgId, pick: true }],
    queryFn: ({ signal }) => api.get<Page<MovementDto>>('/movements', { orgId, page: 1, pageSize: 200 }, signal),
  });
  const none = { value: '', label: t('web.stories.field.none') };
  return (
    <Grid gap="sm">
      <Grid.Col span={{ base: 12, sm: 6 }}>
        <Select
          label={t('web.stories.field.movement')}
          data={[none, ...(movements.data?.items ?? []).map((m) => ({ value: String(m.id), label: `${m.title} (${m.year})` }))]}
          value={draft.movementId === null ? '' : String(draft.movementId)}
          onChange={(v) => onChange({ movementId: v ? Number(v) : null })}
          searchable
          allowDeselect={false}
          error={errors.movementId}
          comboboxProps={{ withinPortal: true }}
          data-testid="story-movement"
        />
      </Grid.Col>
      <Grid.Col span={{ base: 12, sm: 6 }}>
        <SignedDecisionSelect
          label={t('web.stories.field.decision')}
          noneLabel={none.label}
          orgId={orgId}
          value={draft.decisionId}
          onChange={(decisionId) => onChange({ decisionId })}
          error={errors.decisionId}
          testId="story-decision"
        />
      </Grid.Col>
      <Grid.Col span={12}>
        <ModelPicker orgId={orgId} value={draft.modelId} linkedName={modelName} onChange={(modelId) => onChange({ modelId })} error={errors.modelId} />
      </Grid.Col>
    </Grid>
  );
}
