import { useState } from 'react';
import { z } from 'zod';
import { ActionIcon, Button, Grid, Group, MultiSelect, Paper, Select, Stack, Text, TextInput, Textarea, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { IconDeviceFloppy, IconPlus, IconTrash } from '@tabler/icons-react';
import { MOVEMENT_KINDS, type CreateMovementInput, type MovementCriterion, type MovementDetailDto, type MovementKind } from '../../../../contracts/movements';
import { LIMITS } from '../../../../contracts/limits';
import { useT } from '../../../lib/i18n';
import { useMe } from '../../../lib/session';
import { orgDetailQuery } from '../../../lib/org-lookups';
import { DateField } from '../../../components/ui/date-field';
import { ErrorAlert } from '../../../components/ui/error-alert';
import { useLocalDraft } from '../../../lib/use-local-draft';
import { DraftRestoreAlert, DraftStatus, LeaveDialog } from '../../../lib/local-draft-ui';
import { useActiveAwards } from '../api/movements';
import { managedUnits } from './managed-units';
import { currentYear } from '../../../lib/format';

const emptyCriterion = (): MovementCriterion => ({ text: '', measure: '', target: '' });

/** The form as the user edits it (also what the local draft stores). */
const movementFormState = z.object({
  orgId: z.number().int().nullable(),
  kind: z.enum(MOVEMENT_KINDS),
  title: z.string(),
  slogan: z.string(),
  content: z.string(),
  participants: z.string(),
  startsOn: z.string().nullable(),
  endsOn: z.string().nullable(),
  criteria: z.array(z.object({ text: z.string(), measure: z.string(), target: z.string() })),
  awards: z.array(z.string()),
});
type MovementFormState = z.infer<typeof movementFormState>;

function formFromMovement(initial: MovementDetailDto | undefined, orgId: number | null, year: number): MovementFormState {
  return {
    orgId: initial?.orgId ?? orgId,
    kind: initial?.kind ?? 'REGULAR',
    title: initial?.title ?? '',
    slogan: initial?.slogan ?? '',
    content: initial?.content ?? '',
    participants: initial?.participants ?? '',
    startsOn: initial?.startsOn ?? `${year}-01-01`,
    endsOn: initial?.endsOn ?? `${year}-12-31`,
    criteria: initial?.criteria.length ? initial.criteria.map(({ text, measure, target }) => ({ text, measure, target })) : [emptyCriterion()],
    awards: initial?.offeredAwards.map((a) => a.code) ?? [],
  };
}

/** A stored draft that still fits the form, or null (e.g. written by an older client). */
function reviveMovementForm(raw: unknown): MovementFormState | null {
  const parsed = movementFormState.safeParse(raw);
  return parsed.success ? parsed.data : null;
}

const formSignature = (f: MovementFormState): string => JSON.stringify(f);

/** localStorage key of the autosaved draft of a movement (`new` for the create page). */
export const movementDraftKey = (movementId: number | null): string => `vinhdanh.movementDraft.${movementId ?? 'new'}`;

interface MovementFormProps {
  /** The draft being edited, as loaded (its version is the one saved against); a new movement when absent. */
  initial?: MovementDetailDto;
  submitting: boolean;
  error: unknown;
  /** Saves the values; the page calls `saved()` once the server accepted them, before navigating away. */
  onSubmit: (values: CreateMovementInput, saved: () => void) => void;
}

/** The fields of a movement draft: unit, kind, title, period, content, checkable criteria, offered awards. */
export function MovementForm({ initial, submitting, error, onSubmit }: MovementFormProps) {
  const t = useT();
  const managed = managedUnits(useMe());
  const units = initial && !managed.some((u) => u.id === initial.orgId) ? [{ id: initial.orgId, name: initial.orgName }, ...managed] : managed;
  const year = currentYear();
  const [loaded] = useState(() => formFromMovement(initial, units[0]?.id ?? null, year));
  const [form, setForm] = useState(loaded);
  const set = (patch: Partial<MovementFormState>) => setForm((prev) => ({ ...prev, ...patch }));
  const { orgId, kind, title, slogan, content, participants, startsOn, endsOn, criteria, awards } = form;
  // Autosaved local draft, offered back on return; leaving with unsaved changes asks first.
  const draft = useLocalDraft({
    storageKey: movementDraftKey(initial?.id ?? null),
    version: initial?.version ?? null,
    initial: loaded,
    form,
    signature: formSignature,
    revive: reviveMovementForm,
  });
  const [errors, setErrors] = useState<Record<string, string | null>>({});
  const org = useQuery({ ...orgDetailQuery(orgId ?? 0), enabled: orgId !== null });
  const catalogue = useActiveAwards();

  // "Cấp nào phát động thì cấp đó khen thưởng": only the awards the launching unit's kind grants.
  const grantable = (catalogue.data?.items ?? []).filter((a) => org.data && a.grantingOrgKinds.includes(org.data.kind));

  const setCriterion = (i: number, patch: Partial<MovementCriterion>) => setForm((prev) => ({ ...prev, criteria: prev.criteria.map((c, j) => (j === i ? { ...c, ...patch } : c)) }));

  const submit = () => {
    const filled = criteria.filter((c) => c.text.trim() || c.measure.trim() || c.target.trim());
    const e: Record<string, string | null> = {
      orgId: orgId === null ? t('web.movements.required') : null,
      title: title.trim().length < 5 ? t('validation.tooShort', { min: 5 }) : null,
      startsOn: !startsOn ? t('web.movements.required') : null,
      endsOn: !endsOn ? t('web.movements.required') : startsOn && endsOn < startsOn ? t('web.movements.periodInvalid') : null,
      criteria: filled.some((c) => c.text.trim().length < 3 || !c.measure.trim() || !c.target.trim()) ? t('web.movements.criteriaHint') : null,
    };
    setErrors(e);
    if (Object.values(e).some((x) => x !== null)) return;
    const startYear = Number(startsOn!.slice(0, 4));
    onSubmit({
      orgId: orgId!, year: initial && initial.year >= startYear && initial.year <= Number(endsOn!.slice(0, 4)) ? initial.year : startYear, kind, title: title.trim(),
      slogan: slogan.trim() || null, content: content.trim(), participants: participants.trim() || null,
      startsOn: startsOn!, endsOn: endsOn!, criteria: filled, offeredAwards: awards, planId: initial?.planId ?? null,
    }, draft.saved);
  };

  return (
      <Paper withBorder p="md" component="form" noValidate onSubmit={(ev) => { ev.preventDefault(); submit(); }} data-testid="movement-form">
        <Stack gap="sm">
          <DraftRestoreAlert
            draft={draft}
            // An existing movement keeps its unit whatever the draft says; a new one takes the draft's unit if the user still manages it.
            onRestore={(stored) => setForm({ ...stored, orgId: initial ? initial.orgId : units.some((u) => u.id === stored.orgId) ? stored.orgId : orgId })}
            staleText={t('web.movements.draftStale')}
            testId="movement"
          />
          <Grid gap="sm">
            <Grid.Col span={{ base: 12, sm: 8 }}>
              <Select
                label={t('web.movements.field.unit')}
                data={units.map((u) => ({ value: String(u.id), label: u.name }))}
                value={orgId === null ? null : String(orgId)}
                onChange={(v) => set({ orgId: v === null ? null : Number(v), awards: [] })}
                required
                error={errors.orgId}
                disabled={initial !== undefined}
                allowDeselect={false}
                data-testid="movement-org"
              />
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 4 }}>
              <Select
                label={t('web.movements.field.kind')}
                data={MOVEMENT_KINDS.map((k) => ({ value: k, label: t(`movement.kind.${k}`) }))}
                value={kind}
                onChange={(v) => v && set({ kind: v as MovementKind })}
                allowDeselect={false}
                data-testid="movement-kind"
              />
            </Grid.Col>
          </Grid>
          <TextInput label={t('web.movements.field.title')} value={title} onChange={(e) => set({ title: e.currentTarget.value })} required maxLength={500} error={errors.title} data-testid="movement-title" />
          <TextInput label={t('web.movements.field.slogan')} value={slogan} onChange={(e) => set({ slogan: e.currentTarget.value })} maxLength={1000} data-testid="movement-slogan" />
          <Grid gap="sm">
            <Grid.Col span={{ base: 6 }}>
              <DateField label={t('web.movements.field.startsOn')} value={startsOn} onChange={(v) => set({ startsOn: v })} required error={errors.startsOn} data-testid="movement-starts" />
            </Grid.Col>
            <Grid.Col span={{ base: 6 }}>
              <DateField label={t('web.movements.field.endsOn')} value={endsOn} onChange={(v) => set({ endsOn: v })} required error={errors.endsOn} data-testid="movement-ends" />
            </Grid.Col>
          </Grid>
          <TextInput label={t('web.movements.field.participants')} value={participants} onChange={(e) => set({ participants: e.currentTarget.value })} maxLength={LIMITS.textMax} />
          <Textarea label={t('web.movements.field.content')} value={content} onChange={(e) => set({ content: e.currentTarget.value })} autosize minRows={3} maxLength={20000} data-testid="movement-content" />
          <Title order={3} size="h5">{t('web.movements.field.criteria')}</Title>
          <Text size="sm" c={errors.criteria ? 'red' : 'dimmed'}>{t('web.movements.criteriaHint')}</Text>
          {criteria.map((c, i) => (
            <Grid key={i} gap="xs" align="flex-end" data-testid="movement-criterion">
              <Grid.Col span={{ base: 12, sm: 5 }}>
                <TextInput label={`${i + 1}. ${t('web.movements.field.criterionText')}`} value={c.text} onChange={(e) => setCriterion(i, { text: e.currentTarget.value })} maxLength={LIMITS.textMax} data-testid="movement-criterion-text" />
              </Grid.Col>
              <Grid.Col span={{ base: 6, sm: 3 }}>
                <TextInput label={t('web.movements.field.criterionMeasure')} value={c.measure} onChange={(e) => setCriterion(i, { measure: e.currentTarget.value })} maxLength={300} data-testid="movement-criterion-measure" />
              </Grid.Col>
              <Grid.Col span={{ base: 4, sm: 3 }}>
                <TextInput label={t('web.movements.field.criterionTarget')} value={c.target} onChange={(e) => setCriterion(i, { target: e.currentTarget.value })} maxLength={200} data-testid="movement-criterion-target" />
              </Grid.Col>
              <Grid.Col span={{ base: 2, sm: 1 }}>
                <ActionIcon variant="subtle" color="red" size="lg" aria-label={t('web.movements.removeCriterion', { n: i + 1 })} onClick={() => setForm((prev) => ({ ...prev, criteria: prev.criteria.filter((_, j) => j !== i) }))}>
                  <IconTrash size={16} aria-hidden />
                </ActionIcon>
              </Grid.Col>
            </Grid>
          ))}
          <Group>
            <Button variant="default" leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setForm((prev) => ({ ...prev, criteria: [...prev.criteria, emptyCriterion()] }))} data-testid="movement-criterion-add">
              {t('web.movements.addCriterion')}
            </Button>
          </Group>
          <MultiSelect
            label={t('web.movements.field.awards')}
            description={org.data ? t('web.movements.awardsHint', { org: org.data.name }) : undefined}
            data={grantable.map((a) => ({ value: a.code, label: a.nameVi }))}
            value={awards}
            onChange={(v) => set({ awards: v })}
            searchable
            clearable
            data-testid="movement-awards"
          />
          <ErrorAlert error={error} />
          <Group justify="space-between" wrap="wrap">
            <DraftStatus draft={draft} testId="movement" />
            <Button type="submit" loading={submitting} leftSection={<IconDeviceFloppy size={16} aria-hidden />} data-testid="movement-save">
              {t('web.movements.save')}
            </Button>
          </Group>
        </Stack>
        <LeaveDialog draft={draft} testId="movement" />
      </Paper>
  );
}
