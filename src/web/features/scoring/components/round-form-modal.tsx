import { useState } from 'react';
import { Accordion, Alert, Checkbox, Grid, NumberInput, Select, Stack, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { DEFAULT_CLASSIFICATION } from '../../../../domain/scoring';
import type { CreateRoundInput } from '../../../../contracts/scoring';
import { ApiError } from '../../../lib/api-client';
import { useT } from '../../../lib/i18n';
import { ActionModal } from '../../../components/ui/action-modal';
import { DateField } from '../../../components/ui/date-field';
import { OrgPicker } from '../../../components/ui/org-picker';
import { filterYears } from '../../../components/ui/year-filter';
import { useCreateRound, type CreateRoundBody, type RoundView } from '../api/rounds';
import { useTemplate, useTemplates } from '../api/templates';
import { TieBreaksEditor } from './round-tie-breaks';
import { currentYear } from '../../../lib/format';

type Classification = NonNullable<CreateRoundInput['classification']>;
type Errors = Partial<Record<'orgId' | 'year' | 'title' | 'templateId' | 'deadline' | 'tieBreaks' | 'classification' | 'units', string>>;

/**
 * Field messages of a refusal: zod's `details.fields` (paths such as `classification.bands.HTNV`
 * count for their first segment) and a service's single `details.field` with the error's message.
 */
export function refusalFields(error: unknown): Record<string, string> {
  if (!(error instanceof ApiError)) return {};
  const out: Record<string, string> = {};
  for (const [path, message] of Object.entries(error.fields)) {
    const head = path.split('.')[0]!;
    if (!(head in out)) out[head] = message;
  }
  const field = (error.details as { field?: unknown } | null | undefined)?.field;
  if (typeof field === 'string' && error.message && !(field in out)) out[field] = error.message;
  return out;
}

const toPercent = (share: number | null) => (share === null ? '' : Math.round(share * 1000) / 10);

/** "Tạo đợt chấm điểm": organiser, year, title, published template, deadline, tie-breaks, bands. */
export function RoundFormModal({ defaultOrganiserId, onClose, onSaved }: { defaultOrganiserId: number | null; onClose: () => void; onSaved: (r: RoundView) => void }) {
  const t = useT();
  const create = useCreateRound();
  const [orgId, setOrgId] = useState<number | null>(defaultOrganiserId);
  const [year, setYear] = useState(currentYear());
  const [title, setTitle] = useState('');
  const [templateId, setTemplateId] = useState<number | null>(null);
  const [deadline, setDeadline] = useState<string | null>(null);
  const [tieBreaks, setTieBreaks] = useState<string[]>([]);
  const [bands, setBands] = useState<Classification>({ ...DEFAULT_CLASSIFICATION, bands: { ...DEFAULT_CLASSIFICATION.bands } });
  const [errors, setErrors] = useState<Errors>({});
  const templates = useTemplates({ status: 'PUBLISHED', page: 1, pageSize: 200 });
  const template = useTemplate(templateId);
  const chosen = templates.data?.items.find((x) => x.id === templateId);
  const sections = template.data ? template.data.structure.sections.map((s) => ({ code: s.code, title: s.title })) : null;
  const server = refusalFields(create.error) as Errors;
  const error = (field: keyof Errors) => errors[field] ?? server[field];

  const validate = () => {
    const { HTXSNV, HTTNV, HTNV } = bands.bands;
    const next: Errors = {
      orgId: orgId === null ? t('web.scoring.create.organiserRequired') : undefined,
      title: title.trim().length === 0 ? t('web.scoring.create.titleRequired') : undefined,
      templateId: templateId === null ? t('web.scoring.create.templateRequired') : undefined,
      deadline: deadline === null ? t('web.scoring.create.deadlineRequired') : undefined,
      classification: HTXSNV > HTTNV && HTTNV > HTNV ? undefined : t('web.scoring.bands.order'),
    };
    setErrors(next);
    return Object.values(next).every((v) => v === undefined);
  };

  const submit = () => {
    const body: CreateRoundBody = { orgId: orgId!, year, title: title.trim(), templateId: templateId!, deadline: deadline!, tieBreaks, classification: bands, units: null };
    if (chosen?.subject === 'PERSON') body.members = null;
    create.mutate(body, {
      onSuccess: (round) => {
        notifications.show({ color: 'teal', message: t('web.scoring.create.done', { title: round.title }) });
        onSaved(round);
        onClose();
      },
    });
  };

  const setBand = (level: keyof Classification['bands'], value: string | number) => setBands((b) => ({ ...b, bands: { ...b.bands, [level]: typeof value === 'number' ? value : Number(value) || 0 } }));

  return (
    <ActionModal title={t('web.scoring.create.title')} submitLabel={t('web.scoring.create.submit')} onClose={onClose} submitting={create.isPending} error={create.error} validate={validate} onSubmit={submit}>
      <Grid gap="sm">
        <Grid.Col span={{ base: 12, sm: 8 }}>
          <OrgPicker label={t('web.scoring.field.organiser')} value={orgId} onChange={setOrgId} required activeOnly error={error('orgId')} data-testid="round-form-organiser" />
        </Grid.Col>
        <Grid.Col span={{ base: 12, sm: 4 }}>
          <Select
            label={t('web.scoring.field.year')}
            data={filterYears(6).map((y) => String(y))}
            value={String(year)}
            onChange={(v) => v && setYear(Number(v))}
            allowDeselect={false}
            error={error('year')}
            data-testid="round-form-year"
          />
        </Grid.Col>
      </Grid>
      <TextInput
        label={t('web.scoring.field.title')}
        placeholder={t('web.scoring.create.titlePlaceholder', { year })}
        value={title}
        onChange={(e) => setTitle(e.currentTarget.value)}
        required
        maxLength={500}
        error={error('title')}
        data-testid="round-form-title"
      />
      <Select
        label={t('web.scoring.field.template')}
        description={t('web.scoring.create.templateHint')}
        data={(templates.data?.items ?? []).map((x) => ({
          value: String(x.id),
          label: `${x.code} · ${t('web.scoring.templates.versionN', { version: x.version })} — ${x.nameVi} (${t(`web.scoring.subject.${x.subject}`)})`,
        }))}
        value={templateId === null ? null : String(templateId)}
        onChange={(v) => {
          setTemplateId(v === null ? null : Number(v));
          setTieBreaks([]);
        }}
        required
        searchable
        nothingFoundMessage={t('web.common.noOptions')}
        error={error('templateId')}
        comboboxProps={{ withinPortal: true }}
        data-testid="round-form-template"
      />
      <DateField
        label={t('web.scoring.field.deadline')}
        value={deadline}
        onChange={setDeadline}
        required
        error={error('deadline')}
        data-testid="round-form-deadline"
      />
      <TieBreaksEditor value={tieBreaks} onChange={setTieBreaks} sections={sections} error={error('tieBreaks')} />
      <Alert variant="light" color="gray" p="xs">
        <Text size="sm" data-testid="round-form-units">
          {chosen?.subject === 'PERSON' ? t('web.scoring.create.membersAll') : t('web.scoring.create.unitsAll')}
        </Text>
        {(error('units') ?? (server as Record<string, string>).members) && (
          <Text size="sm" c="red" role="alert">
            {error('units') ?? (server as Record<string, string>).members}
          </Text>
        )}
      </Alert>
      <Accordion variant="contained">
        <Accordion.Item value="advanced">
          <Accordion.Control data-testid="round-form-advanced">{t('web.scoring.advanced')}</Accordion.Control>
          <Accordion.Panel>
            <Stack gap="sm">
              <Text size="sm" c="dimmed">
                {t('web.scoring.bands.note')}
              </Text>
              <Grid gap="sm">
                {(['HTXSNV', 'HTTNV', 'HTNV'] as const).map((level) => (
                  <Grid.Col key={level} span={{ base: 12, sm: 4 }}>
                    <NumberInput label={t(`web.scoring.bands.${level}`)} value={bands.bands[level]} onChange={(v) => setBand(level, v)} min={0} max={1000} decimalScale={2} decimalSeparator="," data-testid={`round-band-${level}`} />
                  </Grid.Col>
                ))}
              </Grid>
              <NumberInput
                label={t('web.scoring.bands.minShare')}
                description={t('web.scoring.bands.minShareHint')}
                value={toPercent(bands.minCriterionShare)}
                onChange={(v) => setBands((b) => ({ ...b, minCriterionShare: v === '' ? null : Number(v) / 100 }))}
                min={0}
                max={100}
                decimalScale={1}
                decimalSeparator=","
              />
              <Checkbox
                label={t('web.scoring.bands.noDiscipline')}
                checked={bands.noDisciplineAtOrAbove !== null}
                onChange={(e) => {
                  const on = e.currentTarget.checked;
                  setBands((b) => ({ ...b, noDisciplineAtOrAbove: on ? 'CANH_CAO' : null }));
                }}
              />
              <Checkbox
                label={t('web.scoring.bands.demote')}
                checked={bands.demoteOneLevelWhenConditionFails}
                onChange={(e) => {
                  const on = e.currentTarget.checked;
                  setBands((b) => ({ ...b, demoteOneLevelWhenConditionFails: on }));
                }}
              />
              {error('classification') && (
                <Text size="sm" c="red" role="alert">
                  {error('classification')}
                </Text>
              )}
            </Stack>
          </Accordion.Panel>
        </Accordion.Item>
      </Accordion>
    </ActionModal>
  );
}
