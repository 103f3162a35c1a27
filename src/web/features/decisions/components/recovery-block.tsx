import { useState } from 'react';
import { Badge, Button, Group, NumberInput, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconCash } from '@tabler/icons-react';
import { useT } from '../../../lib/i18n';
import { formatDate, formatNumber, todayIso } from '../../../lib/format';
import { ActionModal } from '../../../components/ui/action-modal';
import { DateField } from '../../../components/ui/date-field';
import { ReasonField } from '../../../components/ui/reason-field';
import { ResponsiveTable, type Column } from '../../../components/ui/responsive-table';
import { useRecordRecovery, useRevokeRecovery, type DecisionDto, type DecisionItemDto, type RecoveryDto } from '../api/decisions';
import { useMoney } from './badges';

/**
 * Điều 93: the revoked lines that carried money, what was paid back of it ("Đã thu hồi x / y đ"),
 * each payment with its receipt; the organisation's managers record a payment or cancel a wrong one.
 */
export function RecoveryBlock({ d }: { d: DecisionDto }) {
  const t = useT();
  const lines = d.items.filter((i) => i.status === 'REVOKED' && (i.amountVnd ?? 0) > 0);
  if (lines.length === 0) return null;
  return (
    <Stack gap="sm" data-testid="decision-recoveries">
      <Title order={2} fz="h4">
        {t('web.decisions.recovery.section')}
      </Title>
      {lines.map((i) => (
        <RecoveryLine key={i.id} d={d} line={i} canRecord={d.abilities.includes('decision.recover')} />
      ))}
    </Stack>
  );
}

function RecoveryLine({ d, line, canRecord }: { d: DecisionDto; line: DecisionItemDto; canRecord: boolean }) {
  const t = useT();
  const money = useMoney();
  const [recording, setRecording] = useState(false);
  const [revoking, setRevoking] = useState<RecoveryDto | null>(null);
  const columns: Column<RecoveryDto>[] = [
    { key: 'date', header: t('web.decisions.recovery.col.date'), primary: true, cell: (r) => formatDate(r.recoveredOn) },
    { key: 'document', header: t('web.decisions.recovery.col.document'), cell: (r) => r.document ?? '' },
    { key: 'amount', header: t('web.decisions.recovery.col.amount'), cell: (r) => <Text size="sm" td={r.status === 'REVOKED' ? 'line-through' : undefined}>{money(r.amountVnd)}</Text> },
    {
      key: 'status',
      header: t('web.decisions.recovery.col.status'),
      cell: (r) =>
        r.status === 'ACTIVE' ? (
          <Group gap="xs" wrap="nowrap">
            <Badge color="teal" variant="light" style={{ textTransform: 'none' }}>
              {t('web.decisions.recovery.active')}
            </Badge>
            {canRecord && (
              <Button size="compact-sm" variant="outline" color="red.9" onClick={() => setRevoking(r)} data-testid="recovery-revoke">
                {t('web.decisions.recovery.revoke')}
              </Button>
            )}
          </Group>
        ) : (
          <Text size="sm" c="red.9">
            {t('web.decisions.recovery.revoked', { reason: r.revokedReason ?? '' })}
          </Text>
        ),
    },
  ];
  return (
    <Paper withBorder p="sm" data-testid="recovery-line" data-item={line.id}>
      <Stack gap="xs">
        <Group justify="space-between" gap="sm">
          <div>
            <Text fw={600}>
              {line.subjectName} — {line.awardName}
            </Text>
            <Text size="sm" c={line.toRecoverVnd > 0 ? 'red.9' : undefined} data-testid="recovery-progress">
              {t('web.decisions.recovery.progress', { recovered: formatNumber(line.recoveredVnd), total: formatNumber(line.amountVnd ?? 0) })}
            </Text>
          </div>
          {canRecord && line.toRecoverVnd > 0 && (
            <Button variant="default" leftSection={<IconCash size={18} aria-hidden />} onClick={() => setRecording(true)} data-testid="recovery-record">
              {t('web.decisions.recovery.action')}
            </Button>
          )}
        </Group>
        {line.recoveries.length > 0 ? (
          <ResponsiveTable
            caption={t('web.decisions.recovery.listCaption', { name: line.subjectName })}
            columns={columns}
            rows={line.recoveries}
            rowKey={(r) => r.id}
            testId="recovery-list"
            rowTestId="recovery-row"
          />
        ) : (
          <Text size="sm" c="dimmed">
            {t('web.decisions.recovery.none')}
          </Text>
        )}
      </Stack>
      {recording && <RecordRecoveryModal d={d} line={line} onClose={() => setRecording(false)} />}
      {revoking && <RevokeRecoveryModal d={d} line={line} recovery={revoking} onClose={() => setRevoking(null)} />}
    </Paper>
  );
}

function RecordRecoveryModal({ d, line, onClose }: { d: DecisionDto; line: DecisionItemDto; onClose: () => void }) {
  const t = useT();
  const record = useRecordRecovery(d.id, line.id);
  const [amount, setAmount] = useState<number | string>(line.toRecoverVnd);
  const [recoveredOn, setRecoveredOn] = useState<string | null>(todayIso());
  const [document, setDocument] = useState('');
  const [note, setNote] = useState('');
  const [checked, setChecked] = useState(false);
  const amountOk = typeof amount === 'number' && Number.isInteger(amount) && amount >= 1 && amount <= line.toRecoverVnd;
  return (
    <ActionModal
      title={t('web.decisions.recovery.title', { name: line.subjectName })}
      submitLabel={t('web.decisions.recovery.submit')}
      onClose={onClose}
      submitting={record.isPending}
      error={record.error}
      validate={() => {
        setChecked(true);
        return amountOk && recoveredOn !== null;
      }}
      onSubmit={() => {
        if (typeof amount !== 'number' || recoveredOn === null) return;
        record.mutate(
          { amountVnd: amount, recoveredOn, document: document.trim() === '' ? null : document.trim(), note: note.trim() === '' ? null : note.trim() },
          {
            onSuccess: () => {
              notifications.show({ color: 'teal', message: t('web.decisions.recovery.done') });
              onClose();
            },
          },
        );
      }}
    >
      <Text size="sm">{t('web.decisions.recovery.left', { amount: formatNumber(line.toRecoverVnd) })}</Text>
      <NumberInput
        label={t('web.decisions.recovery.amount')}
        value={amount}
        onChange={setAmount}
        thousandSeparator="."
        decimalSeparator=","
        allowDecimal={false}
        allowNegative={false}
        min={1}
        required
        error={checked && !amountOk ? t('web.decisions.recovery.amountInvalid', { max: formatNumber(line.toRecoverVnd) }) : undefined}
        data-testid="recovery-amount"
      />
      <DateField label={t('web.decisions.recovery.date')} value={recoveredOn} onChange={setRecoveredOn} required maxDate={todayIso()} data-testid="recovery-date" />
      <TextInput label={t('web.decisions.recovery.document')} value={document} onChange={(e) => setDocument(e.currentTarget.value)} maxLength={100} data-testid="recovery-document" />
      <TextInput label={t('web.decisions.recovery.note')} value={note} onChange={(e) => setNote(e.currentTarget.value)} maxLength={500} />
    </ActionModal>
  );
}

function RevokeRecoveryModal({ d, line, recovery, onClose }: { d: DecisionDto; line: DecisionItemDto; recovery: RecoveryDto; onClose: () => void }) {
  const t = useT();
  const revoke = useRevokeRecovery(d.id, line.id);
  const [reason, setReason] = useState('');
  const [checked, setChecked] = useState(false);
  const ok = reason.trim().length >= 10;
  return (
    <ActionModal
      title={t('web.decisions.recovery.revokeTitle')}
      submitLabel={t('web.decisions.recovery.revoke')}
      onClose={onClose}
      danger
      submitting={revoke.isPending}
      error={revoke.error}
      validate={() => {
        setChecked(true);
        return ok;
      }}
      onSubmit={() =>
        revoke.mutate(
          { recoveryId: recovery.id, reason: reason.trim() },
          {
            onSuccess: () => {
              notifications.show({ color: 'teal', message: t('web.decisions.recovery.revokeDone') });
              onClose();
            },
          },
        )
      }
    >
      <Text size="sm">{t('web.decisions.recovery.revokeText', { amount: formatNumber(recovery.amountVnd), date: formatDate(recovery.recoveredOn) })}</Text>
      <ReasonField value={reason} onChange={setReason} error={checked && !ok ? t('web.common.reasonHint', { min: 10 }) : undefined} />
    </ActionModal>
  );
}
