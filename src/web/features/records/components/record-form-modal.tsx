import { useMemo, useState } from 'react';
import { Checkbox, NumberInput, Select, SimpleGrid, Textarea, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { createRecordInput, RECORD_YEAR_MIN, recordYearMax, supersedeRecordInput, type TimelineItem } from '../../../../contracts/achievements';
import type { RecordKind } from '../../../../contracts/enums';
import { LIMITS } from '../../../../contracts/limits';
import type { MessageKey } from '../../../../contracts/messages';
import { useI18n, type Translate } from '../../../lib/i18n';
import { blankToNull } from '../../../lib/validation';
import { useFormValidation } from '../../../lib/use-form-validation';
import { ActionModal } from '../../../components/ui/action-modal';
import { DateField } from '../../../components/ui/date-field';
import { ReasonField } from '../../../components/ui/reason-field';
import type { RecordSubjectRef } from '../api/keys';
import { useAwardOptions } from '../api/award-options';
import { useCreateRecord, useSupersedeRecord } from '../api/record-mutations';
import { initialValues, RECORD_FORMS, type FieldSpec } from './record-fields';
import { currentYear } from '../../../lib/format';

export const fieldLabel = (t: Translate, name: string) => t(`web.records.field.${name}` as MessageKey);

type Props =
  | { mode: 'create'; kind: RecordKind; subject: RecordSubjectRef; onClose: () => void; item?: undefined }
  | { mode: 'supersede'; item: TimelineItem; subject: RecordSubjectRef; onClose: () => void; kind?: undefined };

/** Add a record of one kind, or correct one (the old record is kept as superseded, with the reason). */
export function RecordFormModal(props: Props) {
  const { t, locale } = useI18n();
  const kind: RecordKind = props.mode === 'create' ? props.kind : props.item.kind;
  const create = useCreateRecord(props.subject);
  const supersede = useSupersedeRecord();
  const mutation = props.mode === 'create' ? create : supersede;
  const form = useFormValidation(mutation.error);
  const awards = useAwardOptions();
  const [values, setValues] = useState<Record<string, unknown>>(() =>
    props.mode === 'create' ? initialValues(kind, currentYear()) : { ...props.item.values },
  );
  const [note, setNote] = useState(props.mode === 'supersede' ? (props.item.note ?? '') : '');
  const [reason, setReason] = useState('');
  const set = (name: string, value: unknown) => setValues((v) => ({ ...v, [name]: value }));

  const awardData = useMemo(() => {
    const subject = props.subject.type === 'PERSON' ? 'INDIVIDUAL' : 'COLLECTIVE';
    const usable = (awards.data ?? []).filter((a) => a.subject === subject && (a.active || a.code === values.awardCode));
    return (titlesOnly: boolean) =>
      (['TITLE', 'FORM'] as const)
        .filter((c) => !titlesOnly || c === 'TITLE')
        .map((c) => ({ group: t(`awardCategory.${c}`), items: usable.filter((a) => a.category === c).map((a) => ({ value: a.code, label: locale === 'en' ? a.nameEn : a.nameVi })) }))
        .filter((g) => g.items.length > 0);
  }, [awards.data, props.subject.type, values.awardCode, locale, t]);

  const input = () => {
    const out: Record<string, unknown> = { kind, note: blankToNull(note) };
    for (const field of RECORD_FORMS[kind]) {
      const value = values[field.name];
      out[field.name] = typeof value === 'string' ? blankToNull(value) ?? undefined : (value ?? undefined);
    }
    if (props.mode === 'supersede') out.reason = reason;
    return out;
  };

  const field = (spec: FieldSpec) => {
    const label = fieldLabel(t, spec.name);
    const value = values[spec.name];
    const common = { label, required: spec.required, error: form.error(spec.name) };
    switch (spec.type) {
      case 'year':
        return <NumberInput key={spec.name} {...common} value={typeof value === 'number' ? value : ''} onChange={(v) => set(spec.name, typeof v === 'number' ? v : null)} min={RECORD_YEAR_MIN} max={recordYearMax()} allowDecimal={false} thousandSeparator={false} />;
      case 'count':
        return <NumberInput key={spec.name} {...common} value={typeof value === 'number' ? value : ''} onChange={(v) => set(spec.name, typeof v === 'number' ? v : null)} min={0} allowDecimal={false} thousandSeparator="." />;
      case 'money':
        return <NumberInput key={spec.name} {...common} value={typeof value === 'number' ? value : ''} onChange={(v) => set(spec.name, typeof v === 'number' ? v : null)} min={0} allowDecimal={false} thousandSeparator="." suffix=" đ" />;
      case 'date':
        return <DateField key={spec.name} {...common} value={typeof value === 'string' ? value : null} onChange={(v) => set(spec.name, v)} clearable={!spec.required} />;
      case 'text':
        return <TextInput key={spec.name} {...common} value={typeof value === 'string' ? value : ''} onChange={(e) => set(spec.name, e.currentTarget.value)} maxLength={LIMITS.nameMax} />;
      case 'textarea':
        return <Textarea key={spec.name} {...common} value={typeof value === 'string' ? value : ''} onChange={(e) => set(spec.name, e.currentTarget.value)} autosize minRows={2} maxLength={LIMITS.textMax} style={{ gridColumn: '1 / -1' }} />;
      case 'enum':
        return (
          <Select
            key={spec.name}
            {...common}
            data={(spec.options ?? []).map((o) => ({ value: o, label: spec.labelPrefix ? t(`${spec.labelPrefix}.${o}` as MessageKey) : o }))}
            value={typeof value === 'string' ? value : null}
            onChange={(v) => set(spec.name, v)}
            placeholder={t('web.records.choose')}
            comboboxProps={{ withinPortal: true }}
          />
        );
      case 'award':
        return (
          <Select
            key={spec.name}
            {...common}
            data={awardData(spec.titlesOnly === true)}
            value={typeof value === 'string' ? value : null}
            onChange={(v) => set(spec.name, v)}
            searchable
            placeholder={t('web.records.choose')}
            nothingFoundMessage={t('web.common.noOptions')}
            comboboxProps={{ withinPortal: true }}
            style={{ gridColumn: '1 / -1' }}
          />
        );
      case 'bool':
        return <Checkbox key={spec.name} label={label} checked={value === true} onChange={(e) => set(spec.name, e.currentTarget.checked)} mt="lg" />;
    }
  };

  const kindLabel = t(`recordKind.${kind}`);
  return (
    <ActionModal
      title={props.mode === 'create' ? t('web.records.add.title', { kind: kindLabel }) : t('web.records.supersede.title', { label: props.item.label })}
      submitLabel={props.mode === 'create' ? t('web.records.add.submit') : t('web.records.supersede.submit')}
      onClose={props.onClose}
      submitting={mutation.isPending}
      error={mutation.error}
      validate={() => form.check(props.mode === 'create' ? createRecordInput : supersedeRecordInput, input()) !== null}
      confirmMessage={props.mode === 'supersede' ? t('web.records.supersede.confirm', { label: props.item.label }) : undefined}
      onSubmit={() => {
        const done = () => {
          notifications.show({ color: 'teal', message: props.mode === 'create' ? t('web.records.add.done', { kind: kindLabel }) : t('web.records.supersede.done') });
          props.onClose();
        };
        if (props.mode === 'create') create.mutate(createRecordInput.parse(input()), { onSuccess: done });
        else supersede.mutate({ id: props.item.id, ...supersedeRecordInput.parse(input()) }, { onSuccess: done });
      }}
    >
      <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
        {RECORD_FORMS[kind].map(field)}
      </SimpleGrid>
      <Textarea label={t('web.common.note')} value={note} onChange={(e) => setNote(e.currentTarget.value)} error={form.error('note')} autosize minRows={1} maxLength={LIMITS.textMax} />
      {props.mode === 'supersede' && <ReasonField value={reason} onChange={setReason} error={form.error('reason')} />}
    </ActionModal>
  );
}
