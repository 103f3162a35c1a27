import { useState } from 'react';
import { Alert, Checkbox, NumberInput, Paper, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useNavigate } from '@tanstack/react-router';
import { CONSULTATION_LIMITS, personalDataIn } from '../../../../contracts/consultations';
import { useT } from '../../../lib/i18n';
import { serverFieldErrors } from '../../../lib/errors';
import { formatDate } from '../../../lib/format';
import { ActionModal } from '../../../components/ui/action-modal';
import { DateField } from '../../../components/ui/date-field';
import { LoadingBlock } from '../../../components/ui/loading-block';
import { ErrorAlert } from '../../../components/ui/error-alert';
import { useCandidates, useCreateConsultation } from '../api/consultations';

/** Publish a list: pick nominations sent to the council, write each one's public summary. */
export function CreateConsultationModal({ orgId, onClose }: { orgId: number; onClose: () => void }) {
  const t = useT();
  const navigate = useNavigate();
  const candidates = useCandidates(orgId);
  const create = useCreateConsultation();
  const [title, setTitle] = useState(t('web.consultations.create.defaultTitle'));
  const [startsOn, setStartsOn] = useState<string | null>(null);
  const [workingDays, setWorkingDays] = useState<number>(CONSULTATION_LIMITS.workingDaysDefault);
  const [picked, setPicked] = useState<Record<number, string>>({});
  const [errors, setErrors] = useState<Record<string, string>>({});

  const toggle = (id: number, summary: string | null) =>
    setPicked((prev) => {
      const next = { ...prev };
      if (id in next) delete next[id];
      else next[id] = (summary ?? '').slice(0, CONSULTATION_LIMITS.summaryMax);
      return next;
    });

  const validate = () => {
    const out: Record<string, string> = {};
    if (!title.trim()) out.title = t('validation.required');
    const ids = Object.keys(picked).map(Number);
    if (ids.length === 0) out.items = t('web.consultations.create.pickOne');
    for (const id of ids) {
      const summary = picked[id]!.trim();
      const kind = summary ? personalDataIn(summary) : null;
      if (!summary) out[`summary.${id}`] = t('validation.required');
      else if (kind) out[`summary.${id}`] = t('web.consultations.create.personal', { kind: t(`consultations.api.kind.${kind}`) });
    }
    setErrors(out);
    return Object.keys(out).length === 0;
  };

  const submit = () =>
    create.mutate(
      { orgId, title: title.trim(), startsOn: startsOn ?? undefined, workingDays, items: Object.entries(picked).map(([id, publicSummary]) => ({ nominationId: Number(id), publicSummary: publicSummary.trim() })) },
      {
        onSuccess: (c) => {
          notifications.show({ color: 'teal', message: t('web.consultations.create.done', { endsOn: formatDate(c.endsOn) }) });
          onClose();
          void navigate({ to: '/lay-y-kien/$consultationId', params: { consultationId: c.id } });
        },
      },
    );

  const fieldErrors = serverFieldErrors(create.error);
  return (
    <ActionModal title={t('web.consultations.create.title')} submitLabel={t('web.consultations.create.submit')} onClose={onClose} onSubmit={submit} validate={validate} submitting={create.isPending} error={create.error} size="xl">
      <TextInput label={t('web.consultations.field.title')} value={title} onChange={(e) => setTitle(e.currentTarget.value)} required maxLength={CONSULTATION_LIMITS.titleMax} error={errors.title ?? fieldErrors.title} data-testid="consultation-title" />
      <DateField label={t('web.consultations.field.startsOn')} description={t('web.consultations.create.startsOnHint')} value={startsOn} onChange={setStartsOn} clearable />
      <NumberInput
        label={t('web.consultations.field.workingDays')}
        description={t('web.consultations.create.workingDaysHint')}
        value={workingDays}
        onChange={(v) => setWorkingDays(typeof v === 'number' ? v : CONSULTATION_LIMITS.workingDaysDefault)}
        min={CONSULTATION_LIMITS.workingDaysMin}
        max={CONSULTATION_LIMITS.workingDaysMax}
        clampBehavior="strict"
        allowDecimal={false}
        data-testid="consultation-working-days"
      />
      <Text fw={600} size="sm">
        {t('web.consultations.create.nominations')}
      </Text>
      <ErrorAlert error={candidates.error} />
      {errors.items && (
        <Text c="red.8" size="sm" role="alert">
          {errors.items}
        </Text>
      )}
      {candidates.isPending ? (
        <LoadingBlock />
      ) : candidates.data && candidates.data.items.length === 0 ? (
        <Alert color="blue" variant="light">
          {t('web.consultations.create.noCandidates')}
        </Alert>
      ) : (
        <Stack gap="xs" data-testid="consultation-candidates">
          {candidates.data?.items.map((c) => {
            const on = c.nominationId in picked;
            return (
              <Paper withBorder p="sm" key={c.nominationId} data-testid="consultation-candidate">
                <Checkbox
                  checked={on}
                  onChange={() => toggle(c.nominationId, c.achievementSummary)}
                  label={`${c.subjectName} — ${c.awardName}`}
                  description={`${c.unitName} · ${c.roundTitle}`}
                  data-testid="consultation-candidate-pick"
                />
                {on && (
                  <Textarea
                    mt="xs"
                    label={t('web.consultations.field.publicSummary')}
                    description={t('web.consultations.create.summaryHint', { max: CONSULTATION_LIMITS.summaryMax })}
                    value={picked[c.nominationId]}
                    onChange={(e) => {
                      const value = e.currentTarget.value;
                      setPicked((prev) => ({ ...prev, [c.nominationId]: value }));
                    }}
                    required
                    autosize
                    minRows={2}
                    maxRows={8}
                    maxLength={CONSULTATION_LIMITS.summaryMax}
                    error={errors[`summary.${c.nominationId}`]}
                    data-testid="consultation-summary"
                  />
                )}
              </Paper>
            );
          })}
        </Stack>
      )}
    </ActionModal>
  );
}
