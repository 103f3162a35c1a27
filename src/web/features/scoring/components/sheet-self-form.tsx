import { useState } from 'react';
import { Alert, Button, Grid, NumberInput, Stack, Text, Textarea } from '@mantine/core';
import { IconDeviceFloppy, IconRefresh, IconSend } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { LIMITS } from '../../../../contracts/limits';
import type { ScoringProblemDto } from '../../../../contracts/scoring';
import { ApiError } from '../../../lib/api-client';
import { useT } from '../../../lib/i18n';
import { useIsMobile } from '../../../lib/use-is-mobile';
import { ActionModal } from '../../../components/ui/action-modal';
import { ErrorAlert } from '../../../components/ui/error-alert';
import { sheetKeys, useSaveSelfEntries, useSubmitSheet, type SheetView } from '../api/sheets';
import type { EvidenceDto } from '../api/evidence';
import { EvidenceBlock } from './evidence-block';
import { SheetCriterionCard } from './sheet-criterion-card';
import { groupBySection, parsePoints, points, ProblemList, problemsByCriterion, problemsOf, samePoints, SectionHeading } from './sheet-parts';
import { SheetSummary } from './sheet-summary';
import { useSheetDraft, type SheetDraft } from './sheet-draft';
import { DraftRestoreAlert, DraftStatus, LeaveDialog } from '../../../lib/local-draft-ui';


const initialDraft = (sheet: SheetView): SheetDraft =>
  Object.fromEntries(sheet.criteria.map((c) => [c.code, { points: c.selfPoints ?? '', text: c.selfNote ?? '' }]));

export interface EvidenceView {
  /** False while the evidence service does not answer (the blocks are then left out). */
  available: boolean;
  byCriterion: ReadonlyMap<string, EvidenceDto[]>;
}

/**
 * The unit scores itself: points and a note per criterion, evidence files, save (with the sheet's
 * version: a change made elsewhere meanwhile is refused and the user reloads) and submit.
 * Mount with `key={sheet.version}` so that a saved sheet starts a fresh form.
 */
export function SheetSelfForm({ sheet, evidence }: { sheet: SheetView; evidence: EvidenceView }) {
  const t = useT();
  const isMobile = useIsMobile();
  const queryClient = useQueryClient();
  const save = useSaveSelfEntries();
  const submit = useSubmitSheet();
  const { form: draft, setForm: setDraft, local } = useSheetDraft('self', sheet, () => initialDraft(sheet));
  const [submitting, setSubmitting] = useState(false);
  const groups = groupBySection(sheet);

  const changed = sheet.criteria.filter((c) => {
    const d = draft[c.code]!;
    return !samePoints(parsePoints(d.points), c.selfPoints) || d.text.trim() !== (c.selfNote ?? '');
  });
  const dirty = changed.length > 0;
  // Scored criteria that require evidence and have no active file yet: submitting would be refused.
  const missingEvidence: ScoringProblemDto[] = sheet.criteria
    .filter((c) => c.evidenceRequired && (c.selfPoints ?? 0) > 0)
    .filter((c) => (evidence.available ? (evidence.byCriterion.get(c.code) ?? []).filter((f) => f.status === 'ACTIVE').length : c.evidenceCount) === 0)
    .map((c) => ({ key: 'web.scoring.sheet.evidence.missing', criterion: c.code, message: t('web.scoring.sheet.evidence.missing', { code: c.code }) }));
  const fieldErrors = problemsByCriterion(problemsOf(save.error));
  const stale = save.error instanceof ApiError && save.error.status === 409;

  const set = (code: string, patch: Partial<SheetDraft[string]>) => setDraft((d) => ({ ...d, [code]: { ...d[code]!, ...patch } }));

  const onSave = () => {
    const entries = changed.map((c) => {
      const d = draft[c.code]!;
      const p = parsePoints(d.points);
      return { criterionCode: c.code, points: p === null || Number.isNaN(p) ? null : p, note: d.text.trim() || null };
    });
    save.mutate({ id: sheet.id, version: sheet.version, entries }, { onSuccess: () => local.saved() });
  };

  const reload = () => void queryClient.invalidateQueries({ queryKey: sheetKeys.detail(sheet.id) }).then(() => save.reset());

  const actions = (
    <>
      <Button size={isMobile ? 'md' : 'sm'} leftSection={<IconDeviceFloppy size={16} aria-hidden />} onClick={onSave} disabled={!dirty} loading={save.isPending} data-testid="sheet-save">
        {t('web.scoring.sheet.save')}
      </Button>
      <Button
        size={isMobile ? 'md' : 'sm'}
        variant="light"
        leftSection={<IconSend size={16} aria-hidden />}
        onClick={() => {
          submit.reset();
          setSubmitting(true);
        }}
        disabled={dirty}
        title={dirty ? t('web.scoring.sheet.saveBeforeSubmit') : undefined}
        data-testid="sheet-submit"
      >
        {t('web.scoring.sheet.submit')}
      </Button>
    </>
  );

  const content = (
    <Stack gap="lg">
      <DraftRestoreAlert draft={local} onRestore={setDraft} staleText={t('web.scoring.sheet.draftStale')} testId="sheet-draft" />
      {groups.map((g) => (
        <Stack key={g.code} gap="sm" component="section" aria-labelledby={`section-${g.code}`}>
          <SectionHeading group={g} />
          {g.criteria.map((c) => {
            const d = draft[c.code]!;
            return (
              <SheetCriterionCard key={c.code} criterion={c}>
                <NumberInput
                  label={t('web.scoring.sheet.selfPoints')}
                  value={d.points}
                  onChange={(v) => set(c.code, { points: v })}
                  min={0}
                  max={c.maxPoints}
                  step={c.step}
                  decimalScale={2}
                  decimalSeparator=","
                  allowNegative={false}
                  size={isMobile ? 'md' : 'sm'}
                  maw={isMobile ? undefined : 220}
                  inputMode="decimal"
                  error={fieldErrors[c.code]}
                  data-testid="sheet-points"
                />
                <Textarea
                  label={t('web.scoring.sheet.note')}
                  value={d.text}
                  onChange={(e) => set(c.code, { text: e.currentTarget.value })}
                  autosize
                  minRows={1}
                  maxRows={4}
                  maxLength={LIMITS.textMax}
                  size={isMobile ? 'md' : 'sm'}
                  data-testid="sheet-note"
                />
                {evidence.available && (
                  <EvidenceBlock sheetId={sheet.id} criterionCode={c.code} required={c.evidenceRequired} scored={(parsePoints(d.points) ?? 0) > 0} files={evidence.byCriterion.get(c.code) ?? []} editable />
                )}
              </SheetCriterionCard>
            );
          })}
        </Stack>
      ))}
    </Stack>
  );

  const summary = (
    <SheetSummary
      totals={sheet.self}
      sections={groups}
      label={t('web.scoring.sheet.selfTotal')}
      testId="sheet-self-total"
      dirty={dirty}
      extra={
        <>
          {stale && (
            <Alert color="orange" variant="light" role="alert" data-testid="sheet-stale">
              <Stack gap="xs">
                <Text size="sm">{save.error instanceof ApiError ? save.error.message : ''}</Text>
                <Button size="xs" variant="default" leftSection={<IconRefresh size={14} aria-hidden />} onClick={reload}>
                  {t('web.scoring.sheet.reload')}
                </Button>
              </Stack>
            </Alert>
          )}
          <DraftStatus draft={local} testId="sheet-draft" />
          {!stale && <ErrorAlert error={save.error} />}
          {dirty && (
            <Text size="xs" c="dimmed">
              {t('web.scoring.sheet.saveBeforeSubmit')}
            </Text>
          )}
          {missingEvidence.length > 0 && (
            <Text size="xs" c="red.9" data-testid="sheet-missing-evidence">
              {t('web.scoring.sheet.evidence.missingCount', { count: missingEvidence.length })}
            </Text>
          )}
        </>
      }
      actions={actions}
    />
  );

  return (
    <>
      {isMobile ? (
        <Stack gap="md">
          {content}
          {summary}
        </Stack>
      ) : (
        <Grid gap="md">
          <Grid.Col span={8}>{content}</Grid.Col>
          <Grid.Col span={4}>{summary}</Grid.Col>
        </Grid>
      )}
      <LeaveDialog draft={local} testId="sheet-draft" />
      {submitting && (
        <ActionModal
          title={t('web.scoring.sheet.submitTitle')}
          submitLabel={t('web.scoring.sheet.submit')}
          onSubmit={() =>
            submit.mutate(
              { id: sheet.id, version: sheet.version },
              {
                onSuccess: () => {
                  local.saved();
                  setSubmitting(false);
                },
              },
            )
          }
          submitting={submit.isPending}
          error={submit.error}
          onClose={() => setSubmitting(false)}
        >
          <Text size="sm" data-testid="sheet-submit-total">
            {t('web.scoring.sheet.submitText', { total: points(sheet.self.total), max: points(sheet.self.maxTotal) })}
          </Text>
          {sheet.self.problems.length > 0 && (
            <Stack gap={4}>
              <Text size="sm" fw={500}>
                {t('web.scoring.sheet.problemsTitle', { count: sheet.self.problems.length })}
              </Text>
              <ProblemList problems={sheet.self.problems} onGo={() => setSubmitting(false)} />
            </Stack>
          )}
          {missingEvidence.length > 0 && (
            <Stack gap={4}>
              <Text size="sm" fw={500}>
                {t('web.scoring.sheet.evidence.missingTitle', { count: missingEvidence.length })}
              </Text>
              <ProblemList problems={missingEvidence} onGo={() => setSubmitting(false)} />
            </Stack>
          )}
          <ProblemList problems={problemsOf(submit.error).filter((p) => !sheet.self.problems.some((q) => q.message === p.message))} onGo={() => setSubmitting(false)} />
        </ActionModal>
      )}
    </>
  );
}
