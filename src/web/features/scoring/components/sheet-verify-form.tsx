import { useState } from 'react';
import { Box, Button, Grid, NumberInput, Paper, SimpleGrid, Stack, Text, Textarea } from '@mantine/core';
import { IconArrowBackUp, IconCheck, IconDeviceFloppy } from '@tabler/icons-react';
import type { RoundDto } from '../../../../contracts/scoring';
import { LIMITS } from '../../../../contracts/limits';
import { classify } from '../../../../domain/scoring';
import { useT } from '../../../lib/i18n';
import { useIsMobile } from '../../../lib/use-is-mobile';
import { ActionModal } from '../../../components/ui/action-modal';
import { ErrorAlert } from '../../../components/ui/error-alert';
import { ReasonField } from '../../../components/ui/reason-field';
import { useApproveSheet, useReturnSheet, useVerifyEntries, type SheetCriterion, type SheetView } from '../api/sheets';
import { EvidenceBlock } from './evidence-block';
import { SheetCriterionCard } from './sheet-criterion-card';
import type { EvidenceView } from './sheet-self-form';
import { groupBySection, parsePoints, points, ProblemList, problemsByCriterion, problemsOf, samePoints, SectionHeading } from './sheet-parts';
import { SheetSummary } from './sheet-summary';
import { useSheetDraft, type SheetDraft } from './sheet-draft';
import { DraftRestoreAlert, DraftStatus, LeaveDialog } from '../../../lib/local-draft-ui';


const current = (c: SheetCriterion) => c.verifiedPoints ?? c.selfPoints;

/**
 * Expected level of a verified total with the round's bands and the criterion-share condition; the
 * disciplinary condition is only known to the server, which classifies for good on approval.
 */
export function expectedLevel(sheet: SheetView, round: RoundDto | undefined) {
  if (!round) return null;
  const share = round.classification.minCriterionShare;
  const below =
    share === null ? 0 : sheet.criteria.filter((c) => c.sectionKind === 'REGULAR' && Math.round((current(c) ?? 0) * 100) < Math.round(share * c.maxPoints * 100)).length;
  return classify({ total: (sheet.verified ?? sheet.self).total, criteriaBelowShare: below, disciplinedMembersAtOrAbove: 0 }, round.classification).level;
}

/**
 * The organiser verifies a submitted sheet: per criterion the unit's points, note and evidence beside
 * the verified points and the reason for a change; save, return for clarification, approve.
 * Mount with `key={sheet.version}`.
 */
export function SheetVerifyForm({ sheet, round, evidence }: { sheet: SheetView; round: RoundDto | undefined; evidence: EvidenceView }) {
  const t = useT();
  const isMobile = useIsMobile();
  const save = useVerifyEntries();
  const { form: draft, setForm: setDraft, local } = useSheetDraft('verify', sheet, () => Object.fromEntries(sheet.criteria.map((c) => [c.code, { points: current(c) ?? '', text: c.verifyReason ?? '' }])));
  const [tried, setTried] = useState(false);
  const [dialog, setDialog] = useState<'return' | 'approve' | null>(null);
  const groups = groupBySection(sheet);

  const changed = sheet.criteria.filter((c) => {
    const d = draft[c.code]!;
    return !samePoints(parsePoints(d.points), current(c)) || d.text.trim() !== (c.verifyReason ?? '');
  });
  const dirty = changed.length > 0;

  /** A verified value different from the self-score needs a reason: said before anything is sent. */
  const localErrors: Record<string, string> = {};
  for (const c of changed) {
    const d = draft[c.code]!;
    const p = parsePoints(d.points);
    if (p === null || Number.isNaN(p)) localErrors[c.code] = t('web.scoring.sheet.verify.pointsRequired');
    else if (!samePoints(p, c.selfPoints) && !d.text.trim()) localErrors[c.code] = t('web.scoring.sheet.verify.reasonRequired', { self: points(c.selfPoints ?? 0) });
  }
  const serverErrors = problemsByCriterion(problemsOf(save.error));
  const set = (code: string, patch: Partial<SheetDraft[string]>) => setDraft((d) => ({ ...d, [code]: { ...d[code]!, ...patch } }));

  const onSave = () => {
    setTried(true);
    if (Object.keys(localErrors).length > 0) return;
    save.mutate({
      id: sheet.id,
      version: sheet.version,
      entries: changed.map((c) => ({ criterionCode: c.code, points: parsePoints(draft[c.code]!.points)!, reason: draft[c.code]!.text.trim() || null })),
    }, { onSuccess: () => local.saved() });
  };

  const totals = sheet.verified ?? sheet.self;
  const level = expectedLevel(sheet, round);
  const size = isMobile ? 'md' : 'sm';

  const actions = (
    <>
      <Button size={size} variant={dirty ? 'filled' : 'light'} leftSection={<IconDeviceFloppy size={16} aria-hidden />} onClick={onSave} disabled={!dirty} loading={save.isPending} data-testid="sheet-verify-save">
        {t('web.scoring.sheet.save')}
      </Button>
      <Button size={size} variant={dirty ? 'light' : 'filled'} leftSection={<IconCheck size={16} aria-hidden />} onClick={() => setDialog('approve')} disabled={dirty} title={dirty ? t('web.scoring.sheet.saveBeforeApprove') : undefined} data-testid="sheet-approve">
        {t('web.scoring.sheet.approve')}
      </Button>
      <Button size={size} variant="default" leftSection={<IconArrowBackUp size={16} aria-hidden />} onClick={() => setDialog('return')} data-testid="sheet-return">
        {t('web.scoring.sheet.return')}
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
            const differs = !samePoints(parsePoints(d.points), c.selfPoints);
            const error = (tried ? localErrors[c.code] : undefined) ?? serverErrors[c.code];
            return (
              <SheetCriterionCard key={c.code} criterion={c} highlight={differs}>
                <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
                  <Paper bg="gray.0" p="sm" radius="sm">
                    <Stack gap={6}>
                      <Text size="sm" fw={600}>
                        {t('web.scoring.sheet.side.self')}
                      </Text>
                      <Text size="sm" data-testid="sheet-self-points">
                        {t('web.scoring.sheet.pointsValue', { points: points(c.selfPoints) || '—' })}
                      </Text>
                      {c.selfNote && (
                        <Text size="sm" style={{ whiteSpace: 'pre-line' }}>
                          {c.selfNote}
                        </Text>
                      )}
                      {evidence.available && <EvidenceBlock sheetId={sheet.id} criterionCode={c.code} required={c.evidenceRequired} scored={(c.selfPoints ?? 0) > 0} files={evidence.byCriterion.get(c.code) ?? []} editable={false} />}
                    </Stack>
                  </Paper>
                  <Box>
                    <Stack gap={6}>
                      <Text size="sm" fw={600}>
                        {t('web.scoring.sheet.side.verified')}
                      </Text>
                      <NumberInput
                        label={t('web.scoring.sheet.verifiedPoints')}
                        value={d.points}
                        onChange={(v) => set(c.code, { points: v })}
                        min={0}
                        max={c.maxPoints}
                        step={c.step}
                        decimalScale={2}
                        decimalSeparator=","
                        allowNegative={false}
                        inputMode="decimal"
                        size={size}
                        data-testid="sheet-verify-points"
                      />
                      <Textarea
                        label={t('web.scoring.sheet.verifyReason')}
                        description={differs ? t('web.scoring.sheet.verifyReasonHint') : undefined}
                        value={d.text}
                        onChange={(e) => set(c.code, { text: e.currentTarget.value })}
                        required={differs}
                        error={error}
                        autosize
                        minRows={1}
                        maxRows={4}
                        maxLength={LIMITS.textMax}
                        size={size}
                        data-testid="sheet-verify-reason"
                      />
                    </Stack>
                  </Box>
                </SimpleGrid>
              </SheetCriterionCard>
            );
          })}
        </Stack>
      ))}
    </Stack>
  );

  const summary = (
    <SheetSummary
      totals={totals}
      sections={groups}
      label={t('web.scoring.sheet.verifiedTotal')}
      testId="sheet-verified-total"
      dirty={dirty}
      extra={
        <>
          <Text size="sm">{t('web.scoring.sheet.selfTotalLine', { points: points(sheet.self.total) })}</Text>
          {level && (
            <Text size="sm" data-testid="sheet-expected-level">
              {t('web.scoring.sheet.expectedLevel', { level: t(`rating.${level}`) })}
            </Text>
          )}
          {tried && Object.keys(localErrors).length > 0 && (
            <Text size="sm" c="red.9" role="alert" data-testid="sheet-verify-errors">
              {t('web.scoring.sheet.verify.fixErrors', { count: Object.keys(localErrors).length })}
            </Text>
          )}
          <DraftStatus draft={local} testId="sheet-draft" />
          <ErrorAlert error={save.error} />
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
      {dialog === 'return' && <ReturnModal sheet={sheet} onDone={() => local.saved()} onClose={() => setDialog(null)} />}
      {dialog === 'approve' && <ApproveModal sheet={sheet} level={level} onClose={() => setDialog(null)} />}
    </>
  );
}

/** Returning drops the verifier's unsaved changes (`onDone`): the unit will submit the sheet again. */
function ReturnModal({ sheet, onDone, onClose }: { sheet: SheetView; onDone: () => void; onClose: () => void }) {
  const t = useT();
  const ret = useReturnSheet();
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | undefined>();
  return (
    <ActionModal
      title={t('web.scoring.sheet.returnTitle')}
      submitLabel={t('web.scoring.sheet.return')}
      danger
      confirmMessage={t('web.scoring.sheet.returnConfirm', { name: sheet.personName ?? sheet.orgName ?? '' })}
      validate={() => {
        const ok = reason.trim().length >= LIMITS.reasonMin;
        setError(ok ? undefined : t('web.common.reasonHint', { min: LIMITS.reasonMin }));
        return ok;
      }}
      onSubmit={() =>
        ret.mutate(
          { id: sheet.id, version: sheet.version, reason: reason.trim() },
          {
            onSuccess: () => {
              onDone();
              onClose();
            },
          },
        )
      }
      submitting={ret.isPending}
      error={ret.error}
      onClose={onClose}
    >
      <ReasonField value={reason} onChange={setReason} error={error} />
    </ActionModal>
  );
}

function ApproveModal({ sheet, level, onClose }: { sheet: SheetView; level: ReturnType<typeof expectedLevel>; onClose: () => void }) {
  const t = useT();
  const approve = useApproveSheet();
  const totals = sheet.verified ?? sheet.self;
  return (
    <ActionModal
      title={t('web.scoring.sheet.approveTitle')}
      submitLabel={t('web.scoring.sheet.approve')}
      onSubmit={() => approve.mutate({ id: sheet.id, version: sheet.version }, { onSuccess: onClose })}
      submitting={approve.isPending}
      error={approve.error}
      onClose={onClose}
    >
      <Text size="sm" data-testid="sheet-approve-total">
        {t('web.scoring.sheet.approveText', { total: points(totals.total), max: points(totals.maxTotal), self: points(sheet.self.total) })}
      </Text>
      {level && (
        <Text size="sm" fw={500}>
          {t('web.scoring.sheet.expectedLevel', { level: t(`rating.${level}`) })}
        </Text>
      )}
      <Text size="xs" c="dimmed">
        {t('web.scoring.sheet.approveNote')}
      </Text>
      <ProblemList problems={problemsOf(approve.error)} onGo={onClose} />
    </ActionModal>
  );
}
