import { useState } from 'react';
import { Checkbox, NumberInput, SegmentedControl, Select, Stack, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { LIMITS } from '../../../../contracts/limits';
import type { RulePackDto } from '../../../../contracts/eligibility';
import { findParameter, validateParameterValue, type ParamValue } from '../../../../domain/eligibility';
import { useT } from '../../../lib/i18n';
import { formatDate, todayIso } from '../../../lib/format';
import { ActionModal } from '../../../components/ui/action-modal';
import { DateField } from '../../../components/ui/date-field';
import { ReasonField } from '../../../components/ui/reason-field';
import { useSetParameter } from '../api/rules';
import { enumLabel, formatParamValue } from './param-value';

type Param = RulePackDto['rules'][number]['params'][number];

interface ParameterChangeModalProps {
  packId: string;
  packName: string;
  param: Param;
  onClose: () => void;
}

/** Shares are typed as percentages (15 for 15%) and stored as fractions (0.15). */
function initialInput(param: Param): string | number | boolean | null {
  if (param.value === null) return null;
  if (param.type === 'share' && typeof param.value === 'number') return Math.round(param.value * 10000) / 100;
  return param.value;
}

/** An administrator changes one parameter from a date on (never backwards), saying why. */
export function ParameterChangeModal({ packId, packName, param, onClose }: ParameterChangeModalProps) {
  const t = useT();
  const mutation = useSetParameter();
  const def = findParameter(packId, param.key);
  const today = todayIso();
  const [input, setInput] = useState<string | number | boolean | null>(() => initialInput(param));
  const [off, setOff] = useState(param.value === null);
  const [effectiveFrom, setEffectiveFrom] = useState<string | null>(today);
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<{ value?: string; effectiveFrom?: string; reason?: string }>({});

  const value = (): ParamValue => {
    if (off) return null;
    if (param.type === 'share' && typeof input === 'number') return Math.round(input * 100) / 10000;
    if (param.type === 'codes' && typeof input === 'string') return input.trim().toUpperCase().replace(/\s+/g, '');
    return input === '' ? null : input;
  };

  const validate = () => {
    const next: typeof errors = {};
    if (def && !validateParameterValue(def, value())) next.value = t('web.rules.change.badValue');
    if (!effectiveFrom) next.effectiveFrom = t('validation.required');
    else if (effectiveFrom < today) next.effectiveFrom = t('web.rules.change.notBeforeToday', { date: formatDate(today) });
    if (reason.trim().length < LIMITS.reasonMin) next.reason = t('validation.reasonRequired', { min: LIMITS.reasonMin });
    setErrors(next);
    return Object.keys(next).length === 0;
  };

  let field;
  if (param.type === 'boolean') {
    field = (
      <Stack gap={4}>
        <Text size="sm" fw={500} id="param-bool-label">
          {t('web.rules.change.value')}
        </Text>
        <SegmentedControl
          aria-labelledby="param-bool-label"
          data={[
            { value: 'true', label: t('web.common.yes') },
            { value: 'false', label: t('web.common.no') },
          ]}
          value={input === true ? 'true' : 'false'}
          onChange={(v) => setInput(v === 'true')}
        />
      </Stack>
    );
  } else if (param.type === 'enum') {
    field = (
      <Select
        label={t('web.rules.change.value')}
        data={(def?.values ?? []).map((v) => ({ value: v, label: enumLabel(v, t) }))}
        value={typeof input === 'string' ? input : null}
        onChange={(v) => setInput(v)}
        error={errors.value}
        disabled={off}
        allowDeselect={false}
      />
    );
  } else if (param.type === 'codes') {
    field = (
      <TextInput
        label={t('web.rules.change.value')}
        description={t('web.rules.change.codesHint')}
        value={typeof input === 'string' ? input : ''}
        onChange={(e) => setInput(e.currentTarget.value)}
        error={errors.value}
        disabled={off}
        maxLength={200}
      />
    );
  } else {
    const share = param.type === 'share';
    field = (
      <NumberInput
        label={share ? t('web.rules.change.valuePercent') : t('web.rules.change.value')}
        description={
          def && def.min !== undefined && def.max !== undefined && !share
            ? t('web.rules.change.range', { min: def.min, max: def.max })
            : share
              ? t('web.rules.change.range', { min: 0, max: 100 })
              : undefined
        }
        value={typeof input === 'number' ? input : ''}
        onChange={(v) => setInput(typeof v === 'number' ? v : v === '' ? null : Number(v))}
        allowDecimal={param.type !== 'integer'}
        decimalSeparator=","
        thousandSeparator="."
        error={errors.value}
        disabled={off}
        data-testid="param-value"
      />
    );
  }

  return (
    <ActionModal
      title={t('web.rules.change.title', { key: param.key })}
      submitLabel={t('web.rules.change.submit')}
      onClose={onClose}
      submitting={mutation.isPending}
      error={mutation.error}
      validate={validate}
      confirmMessage={t('web.rules.change.confirm', { key: param.key, value: formatParamValue(param.type, value(), t), date: formatDate(effectiveFrom) })}
      onSubmit={() =>
        mutation.mutate(
          { packId, key: param.key, value: value(), effectiveFrom: effectiveFrom ?? today, reason: reason.trim() },
          {
            onSuccess: () => {
              notifications.show({ color: 'teal', message: t('web.rules.change.done', { key: param.key, date: formatDate(effectiveFrom) }) });
              onClose();
            },
          },
        )
      }
    >
      <Text size="sm" c="dimmed">
        {t('web.rules.change.current', { pack: packName, value: formatParamValue(param.type, param.value, t), default: formatParamValue(param.type, param.defaultValue, t) })}
      </Text>
      {field}
      {def?.nullable && <Checkbox label={t('web.rules.change.off')} checked={off} onChange={(e) => setOff(e.currentTarget.checked)} />}
      <DateField
        label={t('web.rules.change.effectiveFrom')}
        description={t('web.rules.change.effectiveHint')}
        value={effectiveFrom}
        onChange={setEffectiveFrom}
        minDate={today}
        error={errors.effectiveFrom}
        required
        data-testid="param-effective"
      />
      <ReasonField value={reason} onChange={setReason} error={errors.reason} />
    </ActionModal>
  );
}
