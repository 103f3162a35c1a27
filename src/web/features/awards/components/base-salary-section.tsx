import { useState } from 'react';
import { Badge, Button, Group, NumberInput, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconPencil, IconPlus } from '@tabler/icons-react';
import { createBaseSalaryInput, supersedeBaseSalaryInput, type BaseSalaryItem } from '../../../../contracts/awards';
import { LIMITS } from '../../../../contracts/limits';
import { useT } from '../../../lib/i18n';
import { formatDate } from '../../../lib/format';
import { useFormValidation } from '../../../lib/use-form-validation';
import { ActionModal } from '../../../components/ui/action-modal';
import { DateField } from '../../../components/ui/date-field';
import { ErrorAlert } from '../../../components/ui/error-alert';
import { ReasonField } from '../../../components/ui/reason-field';
import { ResponsiveTable, type Column } from '../../../components/ui/responsive-table';
import { useAddBaseSalary, useBaseSalaries, useSupersedeBaseSalary } from '../api/base-salaries';
import { formatMoney } from './award-table';

/** "Mức lương cơ sở": the steps reward money is computed from; corrections keep the old row. */
export function BaseSalarySection({ canManage }: { canManage: boolean }) {
  const t = useT();
  const steps = useBaseSalaries();
  const [modal, setModal] = useState<{ mode: 'add' } | { mode: 'correct'; step: BaseSalaryItem } | null>(null);

  const columns: Column<BaseSalaryItem>[] = [
    {
      key: 'from',
      header: t('web.salary.field.effectiveFrom'),
      primary: true,
      cell: (s) => (
        <Group gap={6}>
          <Text size="sm" fw={500} c={s.status === 'ACTIVE' ? undefined : 'dimmed'} td={s.status === 'ACTIVE' ? undefined : 'line-through'}>
            {formatDate(s.effectiveFrom)}
          </Text>
          {s.current && (
            <Badge size="xs" color="teal" variant="light" style={{ textTransform: 'none' }}>
              {t('web.salary.current')}
            </Badge>
          )}
        </Group>
      ),
    },
    { key: 'amount', header: t('web.salary.field.amount'), cell: (s) => <Text size="sm" c={s.status === 'ACTIVE' ? undefined : 'dimmed'}>{formatMoney(s.amountVnd)}</Text> },
    { key: 'source', header: t('web.salary.field.source'), cell: (s) => s.source },
    {
      key: 'status',
      header: t('web.salary.field.status'),
      cell: (s) => (
        <Stack gap={2}>
          <Text size="sm" c={s.status === 'ACTIVE' ? undefined : 'dimmed'}>
            {t(`baseSalaryStatus.${s.status}`)}
          </Text>
          {s.reason && (
            <Text size="xs" c="dimmed">
              {t('web.salary.reasonLine', { reason: s.reason })}
            </Text>
          )}
        </Stack>
      ),
    },
  ];
  if (canManage) {
    columns.push({
      key: 'actions',
      header: t('web.common.actions'),
      cell: (s) =>
        s.status === 'ACTIVE' ? (
          <Button size="compact-sm" variant="light" leftSection={<IconPencil size={14} aria-hidden />} onClick={() => setModal({ mode: 'correct', step: s })} aria-label={t('web.salary.correct.actionFor', { date: formatDate(s.effectiveFrom) })}>
            {t('web.salary.correct.action')}
          </Button>
        ) : null,
    });
  }

  return (
    <Paper withBorder p="md">
      <Group justify="space-between" mb="sm">
        <div>
          <Title order={2} fz="h4">
            {t('web.salary.title')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('web.salary.description')}
          </Text>
        </div>
        {canManage && (
          <Button leftSection={<IconPlus size={16} aria-hidden />} variant="light" onClick={() => setModal({ mode: 'add' })}>
            {t('web.salary.add.action')}
          </Button>
        )}
      </Group>
      <ErrorAlert error={steps.error} />
      <ResponsiveTable
        caption={t('web.salary.title')}
        columns={columns}
        rows={steps.data ?? []}
        rowKey={(s) => s.id}
        loading={steps.isPending}
        empty={t('web.salary.empty')}
        testId="base-salary-table"
        rowTestId="base-salary-row"
        minWidth={720}
      />
      {modal?.mode === 'add' && <BaseSalaryModal onClose={() => setModal(null)} />}
      {modal?.mode === 'correct' && <BaseSalaryModal step={modal.step} onClose={() => setModal(null)} />}
    </Paper>
  );
}

/** Add a step, or correct one (`step`): the correction replaces it and keeps it as history, with a reason. */
function BaseSalaryModal({ step, onClose }: { step?: BaseSalaryItem; onClose: () => void }) {
  const t = useT();
  const add = useAddBaseSalary();
  const correct = useSupersedeBaseSalary();
  const mutation = step ? correct : add;
  const form = useFormValidation(mutation.error);
  const [effectiveFrom, setEffectiveFrom] = useState<string | null>(step?.effectiveFrom ?? null);
  const [amount, setAmount] = useState<number | ''>(step?.amountVnd ?? '');
  const [source, setSource] = useState(step?.source ?? '');
  const [reason, setReason] = useState('');

  const input = () => ({ effectiveFrom: effectiveFrom ?? '', amountVnd: amount === '' ? undefined : amount, source, ...(step ? { reason } : {}) });
  const done = () => {
    notifications.show({ color: 'teal', message: t(step ? 'web.salary.correct.done' : 'web.salary.add.done') });
    onClose();
  };

  return (
    <ActionModal
      title={step ? t('web.salary.correct.title', { date: formatDate(step.effectiveFrom) }) : t('web.salary.add.title')}
      submitLabel={step ? t('web.salary.correct.submit') : t('web.salary.add.submit')}
      onClose={onClose}
      submitting={mutation.isPending}
      error={mutation.error}
      size="md"
      validate={() => form.check(step ? supersedeBaseSalaryInput : createBaseSalaryInput, input()) !== null}
      confirmMessage={step ? t('web.salary.correct.confirm', { date: formatDate(step.effectiveFrom) }) : undefined}
      onSubmit={() => {
        if (step) correct.mutate({ id: step.id, ...supersedeBaseSalaryInput.parse(input()) }, { onSuccess: done });
        else add.mutate(createBaseSalaryInput.parse(input()), { onSuccess: done });
      }}
    >
      <DateField label={t('web.salary.field.effectiveFrom')} value={effectiveFrom} onChange={setEffectiveFrom} error={form.error('effectiveFrom')} required />
      <NumberInput
        label={t('web.salary.field.amountInput')}
        value={amount}
        onChange={(v) => setAmount(typeof v === 'number' ? v : v === '' ? '' : Number(v))}
        min={1}
        allowDecimal={false}
        thousandSeparator="."
        decimalSeparator=","
        error={form.error('amountVnd')}
        required
      />
      <TextInput label={t('web.salary.field.source')} placeholder={t('web.salary.sourcePlaceholder')} value={source} onChange={(e) => setSource(e.currentTarget.value)} error={form.error('source')} required maxLength={LIMITS.nameMax} />
      {step && <ReasonField value={reason} onChange={setReason} error={form.error('reason')} />}
    </ActionModal>
  );
}
