import { useState } from 'react';
import { Select, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { REPORT_LIMITS, SNAPSHOT_KINDS, type SnapshotKind } from '../../../../contracts/reports';
import { useT } from '../../../lib/i18n';
import { todayIso } from '../../../lib/format';
import { ActionModal } from '../../../components/ui/action-modal';
import { DateField } from '../../../components/ui/date-field';
import { useFreezeSnapshot } from '../api/reports';
import type { NarrativeDraft } from './summary-form';

/**
 * The end of a day in Vietnam as an ISO moment; today (or no day) → undefined, which the server takes
 * as now (the end of today would be in the future).
 */
export function endOfVietnamDay(day: string | null): string | undefined {
  if (day === null || day >= todayIso()) return undefined;
  return `${day}T23:59:59.999+07:00`;
}

/** Freezes the figures of a unit and year: a title, the kind, and optionally a past day. */
export function FreezeModal({ orgId, year, narrative, signerName, onClose }: { orgId: number; year: number; narrative: NarrativeDraft; signerName: string; onClose: () => void }) {
  const t = useT();
  const freeze = useFreezeSnapshot();
  const [title, setTitle] = useState('');
  const [kind, setKind] = useState<SnapshotKind>('ANNUAL_SUMMARY');
  const [asOf, setAsOf] = useState<string | null>(null);
  const submit = () =>
    freeze.mutate(
      {
        orgId,
        year,
        kind,
        title,
        asOf: endOfVietnamDay(asOf),
        ...(kind === 'ANNUAL_SUMMARY' ? { narrative, signer: { name: signerName } } : {}),
      },
      {
        onSuccess: () => {
          notifications.show({ color: 'teal', message: t('web.reports.freeze.done') });
          onClose();
        },
      },
    );
  return (
    <ActionModal title={t('web.reports.freeze.title', { year })} onClose={onClose} submitLabel={t('web.reports.freeze.submit')} onSubmit={submit} submitting={freeze.isPending} error={freeze.error}>
      <Text size="sm">{t('web.reports.freeze.hint')}</Text>
      <TextInput
        label={t('web.reports.freeze.name')}
        description={t('web.reports.freeze.nameHint')}
        value={title}
        onChange={(e) => setTitle(e.currentTarget.value)}
        maxLength={REPORT_LIMITS.titleMax}
        data-testid="reports-freeze-title"
      />
      <Select
        label={t('web.reports.freeze.kind')}
        data={SNAPSHOT_KINDS.map((k) => ({ value: k, label: t(`web.reports.kind.${k}`) }))}
        value={kind}
        onChange={(v) => v !== null && setKind(v as SnapshotKind)}
        allowDeselect={false}
        description={kind === 'ANNUAL_SUMMARY' ? t('web.reports.freeze.withNarrative') : undefined}
        data-testid="reports-freeze-kind"
      />
      <DateField label={t('web.reports.freeze.asOf')} description={t('web.reports.freeze.asOfHint')} value={asOf} onChange={setAsOf} maxDate={todayIso()} clearable data-testid="reports-freeze-asof" />
    </ActionModal>
  );
}
