import { useState } from 'react';
import { ActionIcon, Button, Grid, Group, Paper, Stack, Text, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { INSPECTION_LIMITS } from '../../../../contracts/inspections';
import { useT } from '../../../lib/i18n';
import { todayIso } from '../../../lib/format';
import { ActionModal } from '../../../components/ui/action-modal';
import { DateField } from '../../../components/ui/date-field';
import { LongTextField } from '../../../components/ui/long-text-field';
import {
  useCancelInspection,
  useConductInspection,
  useRecommendationDone,
  useRecommendationWithdraw,
  useUpdateInspection,
  type InspectionDto,
  type RecommendationDto,
} from '../api/inspections';
import { TOPIC_MIN, TopicField } from './create-inspection-modal';

const TEXT_MIN = 10;
const REC_MIN = 5;
const { reasonMin: REASON_MIN } = INSPECTION_LIMITS;

function done(message: string, onClose: () => void) {
  return () => {
    notifications.show({ color: 'teal', message });
    onClose();
  };
}


const tooShort = (value: string, min: number) => value.trim().length < min;

/** "Sửa kế hoạch": the topic and the planned date of a planned inspection. */
export function EditInspectionModal({ inspection, onClose }: { inspection: InspectionDto; onClose: () => void }) {
  const t = useT();
  const [topic, setTopic] = useState(inspection.topic);
  const [plannedOn, setPlannedOn] = useState<string | null>(inspection.plannedOn);
  const [checked, setChecked] = useState(false);
  const update = useUpdateInspection(inspection.id);
  return (
    <ActionModal
      title={t('web.inspections.edit.title')}
      submitLabel={t('web.inspections.edit.submit')}
      onClose={onClose}
      submitting={update.isPending}
      error={update.error}
      validate={() => {
        setChecked(true);
        return !tooShort(topic, TOPIC_MIN) && plannedOn !== null;
      }}
      onSubmit={() => plannedOn && update.mutate({ version: inspection.version, topic: topic.trim(), plannedOn }, { onSuccess: done(t('web.inspections.edit.done'), onClose) })}
    >
      <TopicField value={topic} onChange={setTopic} error={checked && tooShort(topic, TOPIC_MIN) ? t('validation.tooShort', { min: TOPIC_MIN }) : undefined} testId="inspection-edit-topic" />
      <DateField label={t('web.inspections.field.plannedOn')} value={plannedOn} onChange={setPlannedOn} required error={checked && plannedOn === null ? t('web.inspections.form.required') : undefined} data-testid="inspection-edit-date" />
    </ActionModal>
  );
}

interface RecommendationDraft {
  key: number;
  text: string;
  dueOn: string | null;
}

/** "Ghi kết quả kiểm tra": the date, findings, conclusion and any number of recommendations with deadlines. */
export function ConductInspectionModal({ inspection, onClose }: { inspection: InspectionDto; onClose: () => void }) {
  const t = useT();
  const [conductedOn, setConductedOn] = useState<string | null>(todayIso());
  const [findings, setFindings] = useState('');
  const [conclusion, setConclusion] = useState('');
  const [recs, setRecs] = useState<RecommendationDraft[]>([]);
  const [nextKey, setNextKey] = useState(1);
  const [checked, setChecked] = useState(false);
  const conduct = useConductInspection(inspection.id);
  const required = t('web.inspections.form.required');
  const patchRec = (key: number, patch: Partial<RecommendationDraft>) => setRecs((rs) => rs.map((r) => (r.key === key ? { ...r, ...patch } : r)));
  const recsValid = recs.every((r) => !tooShort(r.text, REC_MIN) && r.dueOn !== null);

  return (
    <ActionModal
      title={t('web.inspections.conduct.title')}
      submitLabel={t('web.inspections.action.conduct')}
      onClose={onClose}
      submitting={conduct.isPending}
      error={conduct.error}
      confirmMessage={t('web.inspections.conduct.confirm', { count: recs.length })}
      validate={() => {
        setChecked(true);
        return conductedOn !== null && !tooShort(findings, TEXT_MIN) && !tooShort(conclusion, TEXT_MIN) && recsValid && recs.length <= INSPECTION_LIMITS.recommendationsMax;
      }}
      onSubmit={() =>
        conductedOn &&
        conduct.mutate(
          {
            version: inspection.version,
            conductedOn,
            findings: findings.trim(),
            conclusion: conclusion.trim(),
            recommendations: recs.map((r) => ({ text: r.text.trim(), dueOn: r.dueOn ?? '' })),
          },
          { onSuccess: done(t('web.inspections.conduct.done'), onClose) },
        )
      }
    >
      <Text size="sm">{t('web.inspections.conduct.explain')}</Text>
      <DateField label={t('web.inspections.field.conductedOn')} value={conductedOn} onChange={setConductedOn} required maxDate={todayIso()} error={checked && conductedOn === null ? required : undefined} data-testid="inspection-conduct-date" />
      <LongTextField label={t('web.inspections.field.findings')} value={findings} onChange={setFindings} max={INSPECTION_LIMITS.textMax} error={checked && tooShort(findings, TEXT_MIN) ? t('validation.tooShort', { min: TEXT_MIN }) : undefined} testId="inspection-conduct-findings" />
      <LongTextField label={t('web.inspections.field.conclusion')} value={conclusion} onChange={setConclusion} max={INSPECTION_LIMITS.textMax} error={checked && tooShort(conclusion, TEXT_MIN) ? t('validation.tooShort', { min: TEXT_MIN }) : undefined} testId="inspection-conduct-conclusion" />
      <Stack gap="xs" data-testid="inspection-conduct-recommendations">
        <Text size="sm" fw={500}>
          {t('web.inspections.page.recommendations')}
        </Text>
        {recs.length === 0 && (
          <Text size="sm" c="dimmed">
            {t('web.inspections.conduct.none')}
          </Text>
        )}
        {recs.map((r, i) => (
          <Paper key={r.key} withBorder p="sm" data-testid="inspection-conduct-rec">
            <Grid gap="sm" align="flex-end">
              <Grid.Col span={12}>
                <Group justify="space-between" wrap="nowrap" gap="xs">
                  <Text size="sm" fw={600}>
                    {t('web.inspections.conduct.item', { n: i + 1 })}
                  </Text>
                  <ActionIcon variant="subtle" color="red.9" aria-label={t('web.inspections.conduct.remove', { n: i + 1 })} onClick={() => setRecs((rs) => rs.filter((x) => x.key !== r.key))} data-testid="inspection-conduct-rec-remove">
                    <IconTrash size={16} aria-hidden />
                  </ActionIcon>
                </Group>
              </Grid.Col>
              <Grid.Col span={{ base: 12, sm: 8 }}>
                <Textarea
                  label={t('web.inspections.field.recommendation')}
                  value={r.text}
                  onChange={(e) => {
                    const text = e.currentTarget.value;
                    patchRec(r.key, { text });
                  }}
                  required
                  autosize
                  minRows={2}
                  maxRows={6}
                  maxLength={INSPECTION_LIMITS.recommendationMax}
                  error={checked && tooShort(r.text, REC_MIN) ? t('validation.tooShort', { min: REC_MIN }) : undefined}
                  data-testid="inspection-conduct-rec-text"
                />
              </Grid.Col>
              <Grid.Col span={{ base: 12, sm: 4 }}>
                <DateField label={t('web.inspections.field.dueOn')} value={r.dueOn} onChange={(dueOn) => patchRec(r.key, { dueOn })} required error={checked && r.dueOn === null ? required : undefined} data-testid="inspection-conduct-rec-due" />
              </Grid.Col>
            </Grid>
          </Paper>
        ))}
        {recs.length < INSPECTION_LIMITS.recommendationsMax && (
          <div>
            <Button
              variant="default"
              leftSection={<IconPlus size={16} aria-hidden />}
              onClick={() => {
                setRecs((rs) => [...rs, { key: nextKey, text: '', dueOn: null }]);
                setNextKey((k) => k + 1);
              }}
              data-testid="inspection-conduct-rec-add"
            >
              {t('web.inspections.conduct.add')}
            </Button>
          </div>
        )}
      </Stack>
    </ActionModal>
  );
}

/** "Hủy cuộc kiểm tra" with a reason; asks once more. */
export function CancelInspectionModal({ inspection, onClose }: { inspection: InspectionDto; onClose: () => void }) {
  const t = useT();
  const [reason, setReason] = useState('');
  const [checked, setChecked] = useState(false);
  const cancel = useCancelInspection(inspection.id);
  return (
    <ActionModal
      title={t('web.inspections.cancel.title')}
      submitLabel={t('web.inspections.action.cancel')}
      danger
      onClose={onClose}
      submitting={cancel.isPending}
      error={cancel.error}
      confirmMessage={t('web.inspections.cancel.confirm')}
      validate={() => {
        setChecked(true);
        return !tooShort(reason, REASON_MIN);
      }}
      onSubmit={() => cancel.mutate({ version: inspection.version, reason: reason.trim() }, { onSuccess: done(t('web.inspections.cancel.done'), onClose) })}
    >
      <LongTextField label={t('web.common.reason')} description={t('web.common.reasonHint', { min: REASON_MIN })} value={reason} onChange={setReason} max={INSPECTION_LIMITS.reasonMax} error={checked && tooShort(reason, REASON_MIN) ? t('validation.tooShort', { min: REASON_MIN }) : undefined} testId="inspection-cancel-reason" />
    </ActionModal>
  );
}

/** "Đã thực hiện": the date and what the unit did. */
export function RecommendationDoneModal({ recommendation, conductedOn, onClose }: { recommendation: RecommendationDto; conductedOn?: string | null; onClose: () => void }) {
  const t = useT();
  const [doneOn, setDoneOn] = useState<string | null>(todayIso());
  const [note, setNote] = useState('');
  const [checked, setChecked] = useState(false);
  const mark = useRecommendationDone(recommendation.id);
  return (
    <ActionModal
      title={t('web.inspections.recDone.title')}
      submitLabel={t('web.inspections.action.done')}
      onClose={onClose}
      submitting={mark.isPending}
      error={mark.error}
      validate={() => {
        setChecked(true);
        return doneOn !== null && !tooShort(note, REASON_MIN);
      }}
      onSubmit={() => doneOn && mark.mutate({ doneOn, note: note.trim() }, { onSuccess: done(t('web.inspections.recDone.done'), onClose) })}
    >
      <Text size="sm" style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}>
        {recommendation.text}
      </Text>
      <DateField label={t('web.inspections.field.doneOn')} value={doneOn} onChange={setDoneOn} required minDate={conductedOn ?? undefined} maxDate={todayIso()} error={checked && doneOn === null ? t('web.inspections.form.required') : undefined} data-testid="recommendation-done-date" />
      <LongTextField label={t('web.inspections.field.note')} description={t('web.inspections.recDone.noteHint', { min: REASON_MIN })} value={note} onChange={setNote} max={INSPECTION_LIMITS.reasonMax} error={checked && tooShort(note, REASON_MIN) ? t('validation.tooShort', { min: REASON_MIN }) : undefined} testId="recommendation-done-note" />
    </ActionModal>
  );
}

/** "Rút kiến nghị" with a reason; asks once more. */
export function RecommendationWithdrawModal({ recommendation, onClose }: { recommendation: RecommendationDto; onClose: () => void }) {
  const t = useT();
  const [reason, setReason] = useState('');
  const [checked, setChecked] = useState(false);
  const withdraw = useRecommendationWithdraw(recommendation.id);
  return (
    <ActionModal
      title={t('web.inspections.recWithdraw.title')}
      submitLabel={t('web.inspections.action.withdraw')}
      danger
      onClose={onClose}
      submitting={withdraw.isPending}
      error={withdraw.error}
      confirmMessage={t('web.inspections.recWithdraw.confirm')}
      validate={() => {
        setChecked(true);
        return !tooShort(reason, REASON_MIN);
      }}
      onSubmit={() => withdraw.mutate({ reason: reason.trim() }, { onSuccess: done(t('web.inspections.recWithdraw.done'), onClose) })}
    >
      <Text size="sm" style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}>
        {recommendation.text}
      </Text>
      <LongTextField label={t('web.common.reason')} description={t('web.common.reasonHint', { min: REASON_MIN })} value={reason} onChange={setReason} max={INSPECTION_LIMITS.reasonMax} error={checked && tooShort(reason, REASON_MIN) ? t('validation.tooShort', { min: REASON_MIN }) : undefined} testId="recommendation-withdraw-reason" />
    </ActionModal>
  );
}
