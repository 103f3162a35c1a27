import { useState } from 'react';
import { MultiSelect, NumberInput, Paper, Stack, Text, Textarea } from '@mantine/core';
import { LIMITS } from '../../../../contracts/limits';
import { useT } from '../../../lib/i18n';
import { ActionModal } from '../../../components/ui/action-modal';
import { ReasonField } from '../../../components/ui/reason-field';
import { useAmendSheet, type SheetView } from '../api/sheets';
import { parsePoints, points, ProblemList, problemsOf } from './sheet-parts';

type Line = { points: number | string; reason: string };

/** Correction of a published sheet (managers of the organiser): chosen criteria, new points, a reason each and overall. */
export function SheetAmendModal({ sheet, onClose }: { sheet: SheetView; onClose: () => void }) {
  const t = useT();
  const amend = useAmendSheet();
  const [chosen, setChosen] = useState<string[]>([]);
  const [lines, setLines] = useState<Record<string, Line>>({});
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const byCode = new Map(sheet.criteria.map((c) => [c.code, c]));

  // A chosen criterion's line, started from its current points. Read through this everywhere: the
  // criteria and the lines are two states, and a render may see the first before the second.
  const lineOf = (l: Record<string, Line>, code: string): Line => l[code] ?? { points: byCode.get(code)?.verifiedPoints ?? byCode.get(code)?.selfPoints ?? '', reason: '' };

  const choose = (codes: string[]) => {
    setChosen(codes);
    setLines((l) => Object.fromEntries(codes.map((code) => [code, lineOf(l, code)])));
  };

  const validate = () => {
    const out: Record<string, string> = {};
    if (chosen.length === 0) out.criteria = t('web.scoring.sheet.amendChoose');
    for (const code of chosen) {
      const line = lineOf(lines, code);
      const p = parsePoints(line.points);
      if (p === null || Number.isNaN(p)) out[`${code}.points`] = t('web.scoring.sheet.verify.pointsRequired');
      if (line.reason.trim().length < LIMITS.reasonMin) out[`${code}.reason`] = t('web.common.reasonHint', { min: LIMITS.reasonMin });
    }
    if (reason.trim().length < LIMITS.reasonMin) out.reason = t('web.common.reasonHint', { min: LIMITS.reasonMin });
    setErrors(out);
    return Object.keys(out).length === 0;
  };

  return (
    <ActionModal
      title={t('web.scoring.sheet.amendTitle')}
      submitLabel={t('web.scoring.sheet.amend')}
      confirmMessage={t('web.scoring.sheet.amendConfirm')}
      validate={validate}
      onSubmit={() =>
        amend.mutate(
          {
            id: sheet.id,
            version: sheet.version,
            points: chosen.map((code) => ({ criterionCode: code, points: parsePoints(lineOf(lines, code).points)!, reason: lineOf(lines, code).reason.trim() })),
            reason: reason.trim(),
          },
          { onSuccess: onClose },
        )
      }
      submitting={amend.isPending}
      error={amend.error}
      onClose={onClose}
    >
      <Text size="sm">{t('web.scoring.sheet.amendText')}</Text>
      <MultiSelect
        label={t('web.scoring.sheet.amendCriteria')}
        data={sheet.criteria.map((c) => ({ value: c.code, label: `${c.code}. ${c.text}` }))}
        value={chosen}
        onChange={choose}
        searchable
        error={errors.criteria}
        data-testid="sheet-amend-criteria"
      />
      {chosen.map((code) => {
        const c = byCode.get(code)!;
        const line = lineOf(lines, code);
        return (
          <Paper key={code} withBorder p="sm">
            <Stack gap="xs">
              <Text size="sm" fw={500}>
                {code}. {c.text}
              </Text>
              <Text size="xs" c="dimmed">
                {t('web.scoring.sheet.amendCurrent', { points: points(c.verifiedPoints ?? c.selfPoints) || '—', max: points(c.maxPoints) })}
              </Text>
              <NumberInput
                label={t('web.scoring.sheet.amendPoints')}
                value={line.points}
                onChange={(v) => setLines((l) => ({ ...l, [code]: { ...lineOf(l, code), points: v } }))}
                min={0}
                max={c.maxPoints}
                step={c.step}
                decimalScale={2}
                decimalSeparator=","
                allowNegative={false}
                error={errors[`${code}.points`]}
                required
                data-testid="sheet-amend-points"
              />
              <Textarea
                label={t('web.scoring.sheet.amendReason')}
                value={line.reason}
                onChange={(e) => {
                  // Read the value now: React may run the updater after the event, when currentTarget is null.
                  const value = e.currentTarget.value;
                  setLines((l) => ({ ...l, [code]: { ...lineOf(l, code), reason: value } }));
                }}
                error={errors[`${code}.reason`]}
                required
                autosize
                minRows={1}
                maxLength={LIMITS.textMax}
                data-testid="sheet-amend-line-reason"
              />
            </Stack>
          </Paper>
        );
      })}
      <ReasonField value={reason} onChange={setReason} error={errors.reason} />
      <ProblemList problems={problemsOf(amend.error)} />
    </ActionModal>
  );
}
