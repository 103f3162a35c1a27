import { useState } from 'react';
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
import { useActiveAwards } from '../api/movements';
import { managedUnits } from './managed-units';

const emptyCriterion = (): MovementCriterion => ({ text: '', measure: '', target: '' });

interface MovementFormProps {
  /** The draft being edited; a new movement when absent. */
  initial?: MovementDetailDto;
  submitting: boolean;
  error: unknown;
  onSubmit: (values: CreateMovementInput) => void;
}

/** The fields of a movement draft: unit, kind, title, period, content, checkable criteria, offered awards. */
export function MovementForm({ initial, submitting, error, onSubmit }: MovementFormProps) {
  const t = useT();
  const managed = managedUnits(useMe());
  const units = initial && !managed.some((u) => u.id === initial.orgId) ? [{ id: initial.orgId, name: initial.orgName }, ...managed] : managed;
  const year = new Date().getFullYear();
  const [orgId, setOrgId] = useState<number | null>(initial?.orgId ?? units[0]?.id ?? null);
  const [kind, setKind] = useState<MovementKind>(initial?.kind ?? 'REGULAR');
  const [title, setTitle] = useState(initial?.title ?? '');
  const [slogan, setSlogan] = useState(initial?.slogan ?? '');
  const [content, setContent] = useState(initial?.content ?? '');
  const [participants, setParticipants] = useState(initial?.participants ?? '');
  const [startsOn, setStartsOn] = useState<string | null>(initial?.startsOn ?? `${year}-01-01`);
  const [endsOn, setEndsOn] = useState<string | null>(initial?.endsOn ?? `${year}-12-31`);
  const [criteria, setCriteria] = useState<MovementCriterion[]>(initial?.criteria.length ? initial.criteria : [emptyCriterion()]);
  const [awards, setAwards] = useState<string[]>(initial?.offeredAwards.map((a) => a.code) ?? []);
  const [errors, setErrors] = useState<Record<string, string | null>>({});
  const org = useQuery({ ...orgDetailQuery(orgId ?? 0), enabled: orgId !== null });
  const catalogue = useActiveAwards();

  // "Cấp nào phát động thì cấp đó khen thưởng": only the awards the launching unit's kind grants.
  const grantable = (catalogue.data?.items ?? []).filter((a) => org.data && a.grantingOrgKinds.includes(org.data.kind));

  const setCriterion = (i: number, patch: Partial<MovementCriterion>) => setCriteria((prev) => prev.map((c, j) => (j === i ? { ...c, ...patch } : c)));

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
    });
  };

  return (
      <Paper withBorder p="md" component="form" noValidate onSubmit={(ev) => { ev.preventDefault(); submit(); }} data-testid="movement-form">
        <Stack gap="sm">
          <Grid gap="sm">
            <Grid.Col span={{ base: 12, sm: 8 }}>
              <Select
                label={t('web.movements.field.unit')}
                data={units.map((u) => ({ value: String(u.id), label: u.name }))}
                value={orgId === null ? null : String(orgId)}
                onChange={(v) => { setOrgId(v === null ? null : Number(v)); setAwards([]); }}
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
                onChange={(v) => v && setKind(v as MovementKind)}
                allowDeselect={false}
                data-testid="movement-kind"
              />
            </Grid.Col>
          </Grid>
          <TextInput label={t('web.movements.field.title')} value={title} onChange={(e) => setTitle(e.currentTarget.value)} required maxLength={500} error={errors.title} data-testid="movement-title" />
          <TextInput label={t('web.movements.field.slogan')} value={slogan} onChange={(e) => setSlogan(e.currentTarget.value)} maxLength={1000} data-testid="movement-slogan" />
          <Grid gap="sm">
            <Grid.Col span={{ base: 6 }}>
              <DateField label={t('web.movements.field.startsOn')} value={startsOn} onChange={setStartsOn} required error={errors.startsOn} data-testid="movement-starts" />
            </Grid.Col>
            <Grid.Col span={{ base: 6 }}>
              <DateField label={t('web.movements.field.endsOn')} value={endsOn} onChange={setEndsOn} required error={errors.endsOn} data-testid="movement-ends" />
            </Grid.Col>
          </Grid>
          <TextInput label={t('web.movements.field.participants')} value={participants} onChange={(e) => setParticipants(e.currentTarget.value)} maxLength={LIMITS.textMax} />
          <Textarea label={t('web.movements.field.content')} value={content} onChange={(e) => setContent(e.currentTarget.value)} autosize minRows={3} maxLength={20000} data-testid="movement-content" />
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
                <ActionIcon variant="subtle" color="red" size="lg" aria-label={t('web.movements.removeCriterion', { n: i + 1 })} onClick={() => setCriteria((prev) => prev.filter((_, j) => j !== i))}>
                  <IconTrash size={16} aria-hidden />
                </ActionIcon>
              </Grid.Col>
            </Grid>
          ))}
          <Group>
            <Button variant="default" leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setCriteria((prev) => [...prev, emptyCriterion()])} data-testid="movement-criterion-add">
              {t('web.movements.addCriterion')}
            </Button>
          </Group>
          <MultiSelect
            label={t('web.movements.field.awards')}
            description={org.data ? t('web.movements.awardsHint', { org: org.data.name }) : undefined}
            data={grantable.map((a) => ({ value: a.code, label: a.nameVi }))}
            value={awards}
            onChange={setAwards}
            searchable
            clearable
            data-testid="movement-awards"
          />
          <ErrorAlert error={error} />
          <Group justify="flex-end">
            <Button type="submit" loading={submitting} leftSection={<IconDeviceFloppy size={16} aria-hidden />} data-testid="movement-save">
              {t('web.movements.save')}
            </Button>
          </Group>
        </Stack>
      </Paper>
  );
}
