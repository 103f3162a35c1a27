import { useState } from 'react';
import { Alert, Badge, Button, Group, Modal, NumberInput, Paper, Stack, Text, Title } from '@mantine/core';
import { IconDeviceFloppy, IconLock, IconSend } from '@tabler/icons-react';
import type { CouncilMarkDto } from '../../../../contracts/scoring-council';
import { toUnits } from '../../../../domain/scoring/points';
import { useT } from '../../../lib/i18n';
import { formatDateTime } from '../../../lib/format';
import { useIsMobile } from '../../../lib/use-is-mobile';
import { ActionModal } from '../../../components/ui/action-modal';
import { ErrorAlert } from '../../../components/ui/error-alert';
import { LoadingBlock } from '../../../components/ui/loading-block';
import { useCouncilMark, useSaveMark, useSubmitMark } from '../api/council';
import { parsePoints, ProblemList, problemsByCriterion, problemsOf, samePoints, sectionKindKey } from './sheet-parts';
import { points } from './round-badges';

type Criterion = CouncilMarkDto['criteria'][number];
type Draft = Record<string, number | string>;

interface SectionBlock {
  code: string;
  title: string;
  kind: Criterion['sectionKind'];
  maxPoints: number;
  criteria: Criterion[];
}

function groupCriteria(criteria: readonly Criterion[]): SectionBlock[] {
  const groups: SectionBlock[] = [];
  for (const c of criteria) {
    let g = groups.find((x) => x.code === c.sectionCode);
    if (!g) groups.push((g = { code: c.sectionCode, title: c.sectionTitle, kind: c.sectionKind, maxPoints: c.sectionMaxPoints, criteria: [] }));
    g.criteria.push(c);
  }
  return groups;
}

/** The total as typed, as the server computes it: sections capped, bonus added, deductions taken off, within 0…max. */
function runningTotal(groups: readonly SectionBlock[], draft: Draft, maxTotal: number): number {
  let units = 0;
  for (const g of groups) {
    let raw = 0;
    for (const c of g.criteria) {
      const p = parsePoints(draft[c.code] ?? '');
      raw += p === null || Number.isNaN(p) || p < 0 ? 0 : Math.min(toUnits(p) ?? Math.round(p * 100), toUnits(c.maxPoints) ?? 0);
    }
    const capped = Math.min(raw, toUnits(g.maxPoints) ?? 0);
    units += g.kind === 'DEDUCTION' ? -capped : capped;
  }
  return Math.max(0, Math.min(units, toUnits(maxTotal) ?? 0)) / 100;
}

/** One unit's mark in a dialog (full screen on phones): open while `sheetId` is set. */
export function CouncilMarkDialog({ roundId, sheetId, onClose }: { roundId: number; sheetId: number; onClose: () => void }) {
  const t = useT();
  const isMobile = useIsMobile();
  const mark = useCouncilMark(sheetId);
  // Here rather than in the form, which starts afresh with each saved version: "saved" must survive that.
  const save = useSaveMark(roundId);
  const submit = useSubmitMark(roundId);
  const m = mark.data;
  return (
    <Modal opened onClose={onClose} title={m ? t('web.council.mark.title', { unit: m.orgName ?? '—' }) : t('web.council.sheets.open')} size="xl" fullScreen={isMobile} closeButtonProps={{ 'aria-label': t('web.council.mark.close') }} data-testid="council-mark">
      {mark.isPending && <LoadingBlock />}
      <ErrorAlert error={mark.error} />
      {/* A fresh form for every saved version of the mark. */}
      {m && <CouncilMarkForm key={`${m.submittedAt ?? ''}-${m.total}-${m.entries.length}`} mark={m} save={save} submit={submit} onClose={onClose} />}
    </Modal>
  );
}

interface FormProps {
  mark: CouncilMarkDto;
  save: ReturnType<typeof useSaveMark>;
  submit: ReturnType<typeof useSubmitMark>;
  onClose: () => void;
}

function CouncilMarkForm({ mark, save, submit, onClose }: FormProps) {
  const t = useT();
  const isMobile = useIsMobile();
  const [submitting, setSubmitting] = useState(false);
  const saved = new Map(mark.entries.map((e) => [e.criterionCode, e.points]));
  const [draft, setDraft] = useState<Draft>(() => Object.fromEntries(mark.criteria.map((c) => [c.code, saved.get(c.code) ?? ''])));
  const groups = groupCriteria(mark.criteria);
  const editable = mark.abilities.includes('mark.save');
  const changed = mark.criteria.filter((c) => !samePoints(parsePoints(draft[c.code] ?? ''), saved.get(c.code) ?? null));
  const dirty = changed.length > 0;
  const errors = problemsByCriterion(problemsOf(save.error));
  const total = runningTotal(groups, draft, mark.maxTotal);
  const others = mark.others ?? [];

  const onSave = () =>
    save.mutate({
      sheetId: mark.sheetId,
      entries: changed.map((c) => {
        const p = parsePoints(draft[c.code] ?? '');
        return { criterionCode: c.code, points: p === null || Number.isNaN(p) ? null : p };
      }),
    });

  return (
    <Stack gap="md">
      {mark.submitted && (
        <Alert color="teal" variant="light" icon={<IconLock size={16} aria-hidden />} data-testid="council-mark-submitted">
          {t('web.council.mark.submitted', { time: formatDateTime(mark.submittedAt) })}
        </Alert>
      )}
      {!mark.submitted && mark.sheetStatus === 'VERIFIED' && <Alert color="gray">{t('web.council.mark.finalized')}</Alert>}
      {mark.isScorer && mark.others === null && (
        <Alert color="blue" variant="light" data-testid="council-others-hidden">
          {t('web.council.mark.hidden', { count: mark.othersSubmitted })}
        </Alert>
      )}
      {groups.map((g) => (
        <Stack key={g.code} gap="sm" component="section" aria-labelledby={`council-section-${g.code}`}>
          <div>
            <Title order={3} fz="h5" id={`council-section-${g.code}`}>
              {g.code}. {g.title}
            </Title>
            <Text size="sm" c="dimmed">
              {t('web.council.mark.section', { kind: t(sectionKindKey(g.kind)), max: points(g.maxPoints) })}
            </Text>
          </div>
          {g.criteria.map((c) => (
            <Paper key={c.code} withBorder p="sm" data-testid="council-criterion" data-code={c.code}>
              <Stack gap={6}>
                <Text size="sm" fw={600}>
                  {c.code}. {c.text}
                </Text>
                {mark.isScorer && (
                  <NumberInput
                    label={t('web.council.mark.points')}
                    description={t('web.council.mark.max', { max: points(c.maxPoints), step: points(c.step) })}
                    value={draft[c.code] ?? ''}
                    onChange={(v) => {
                      setDraft((d) => ({ ...d, [c.code]: v }));
                      save.reset();
                    }}
                    min={0}
                    max={c.maxPoints}
                    step={c.step}
                    decimalScale={2}
                    decimalSeparator=","
                    allowNegative={false}
                    clampBehavior="strict"
                    readOnly={!editable}
                    size={isMobile ? 'md' : 'sm'}
                    maw={isMobile ? undefined : 220}
                    inputMode="decimal"
                    error={errors[c.code]}
                    data-testid="council-points"
                  />
                )}
                {others.length > 0 && (
                  <Group gap={6} data-testid="council-other-points">
                    {others.map((o) => (
                      <Badge key={o.scorerId} variant="light" color="gray" style={{ textTransform: 'none' }}>
                        {o.scorerName}: {points(o.points[c.code] ?? null)}
                      </Badge>
                    ))}
                  </Group>
                )}
              </Stack>
            </Paper>
          ))}
        </Stack>
      ))}

      {mark.others !== null && (
        <Stack gap={6} component="section" aria-labelledby="council-others-title" data-testid="council-others">
          <Title order={3} fz="h5" id="council-others-title">
            {t('web.council.mark.others')}
          </Title>
          {others.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t('web.council.mark.othersNone')}
            </Text>
          ) : (
            others.map((o) => (
              <Text key={o.scorerId} size="sm" data-testid="council-other">
                {o.scorerName}: <b>{t('web.council.mark.totalOf', { total: points(o.total), max: points(mark.maxTotal) })}</b>
              </Text>
            ))
          )}
        </Stack>
      )}

      {mark.isScorer && (
        <Paper withBorder p="sm" pos="sticky" bottom={0} style={{ zIndex: 1 }} bg="var(--mantine-color-body)">
          <Stack gap="xs">
            <Group justify="space-between" wrap="wrap" gap="xs">
              <Text fw={600} data-testid="council-total" aria-live="polite">
                {t('web.council.mark.total')}: {t('web.council.mark.totalOf', { total: points(total), max: points(mark.maxTotal) })}
              </Text>
              {editable && (
                <Group gap="xs">
                  <Button size={isMobile ? 'md' : 'sm'} leftSection={<IconDeviceFloppy size={16} aria-hidden />} onClick={onSave} disabled={!dirty} loading={save.isPending} data-testid="council-mark-save">
                    {t('web.council.mark.save')}
                  </Button>
                  <Button
                    size={isMobile ? 'md' : 'sm'}
                    variant="light"
                    leftSection={<IconSend size={16} aria-hidden />}
                    onClick={() => {
                      submit.reset();
                      setSubmitting(true);
                    }}
                    disabled={dirty || !mark.complete}
                    title={dirty ? t('web.council.mark.saveBeforeSubmit') : !mark.complete ? t('web.council.mark.incomplete') : undefined}
                    data-testid="council-mark-submit"
                  >
                    {t('web.council.mark.submit')}
                  </Button>
                </Group>
              )}
            </Group>
            {editable && (dirty || !mark.complete) && (
              <Text size="xs" c="dimmed">
                {dirty ? t('web.council.mark.saveBeforeSubmit') : t('web.council.mark.incomplete')}
              </Text>
            )}
            {save.isSuccess && !dirty && (
              <Text size="xs" c="teal.9" role="status">
                {t('web.council.mark.saved')}
              </Text>
            )}
            <ErrorAlert error={save.error} />
          </Stack>
        </Paper>
      )}
      <Group justify="flex-end">
        <Button variant="default" onClick={onClose}>
          {t('web.council.mark.close')}
        </Button>
      </Group>

      {submitting && (
        <ActionModal
          title={t('web.council.mark.submitTitle')}
          submitLabel={t('web.council.mark.submit')}
          onSubmit={() => submit.mutate({ sheetId: mark.sheetId }, { onSuccess: () => setSubmitting(false) })}
          submitting={submit.isPending}
          error={submit.error}
          onClose={() => setSubmitting(false)}
        >
          <Text size="sm">{t('web.council.mark.submitText', { unit: mark.orgName ?? '—', total: points(mark.total), max: points(mark.maxTotal) })}</Text>
          <ProblemList problems={problemsOf(submit.error)} />
        </ActionModal>
      )}
    </Stack>
  );
}
