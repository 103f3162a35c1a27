import { useState } from 'react';
import { Button, NumberInput, SegmentedControl, Stack, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconPencil } from '@tabler/icons-react';
import { useT } from '../../../lib/i18n';
import { formatDate, todayIso } from '../../../lib/format';
import { ActionModal } from '../../../components/ui/action-modal';
import { DateField } from '../../../components/ui/date-field';
import { ErrorAlert } from '../../../components/ui/error-alert';
import { ResponsiveTable, type Column } from '../../../components/ui/responsive-table';
import { useRewardRates, useSetRewardRate, type RewardRateDto } from '../api/decisions';
import { useMoney } from './badges';

/** How a rate reads: "0,15 × mức lương cơ sở" or "300.000 đ"; "—" when none is set. */
function useRateText() {
  const t = useT();
  const money = useMoney();
  return (r: { coefficient: number | null; amountVnd: number | null }) =>
    r.coefficient !== null ? t('web.decisions.rates.coefficientText', { coefficient: String(r.coefficient).replace('.', ',') }) : r.amountVnd !== null ? money(r.amountVnd) : '—';
}

/**
 * Mức tiền thưởng of the awards the State leaves without a coefficient (union awards): what the
 * organisation's decisions pay, where the rate comes from, and for its managers a way to set it.
 */
export function RatesSection({ orgId }: { orgId: number }) {
  const t = useT();
  const rates = useRewardRates(orgId);
  const rateText = useRateText();
  const [editing, setEditing] = useState<RewardRateDto | null>(null);
  const canEdit = rates.data?.abilities.includes('rate.update') ?? false;
  const columns: Column<RewardRateDto>[] = [
    { key: 'award', header: t('web.decisions.rates.award'), primary: true, cell: (r) => r.awardName },
    { key: 'rate', header: t('web.decisions.rates.rate'), cell: (r) => <span data-testid="rate-value">{rateText(r)}</span> },
    {
      key: 'source',
      header: t('web.decisions.rates.source'),
      cell: (r) =>
        r.sourceOrgName === null
          ? t('web.decisions.rates.none')
          : t(r.own ? 'web.decisions.rates.own' : 'web.decisions.rates.inherited', { org: r.sourceOrgName, date: formatDate(r.effectiveFrom!) }) +
            r.upcoming.map((u) => ` · ${t('web.decisions.rates.upcoming', { rate: rateText(u), date: formatDate(u.effectiveFrom) })}`).join(''),
    },
    ...(canEdit
      ? [
          {
            key: 'edit',
            header: t('web.common.actions'),
            cell: (r: RewardRateDto) => (
              <Button size="compact-sm" variant="default" leftSection={<IconPencil size={14} aria-hidden />} onClick={() => setEditing(r)} aria-label={t('web.decisions.rates.editFor', { award: r.awardName })} data-testid="rate-edit">
                {t('web.decisions.rates.edit')}
              </Button>
            ),
          },
        ]
      : []),
  ];
  return (
    <Stack gap="xs" data-testid="rates-section">
      <Title order={2} fz="h4">
        {t('web.decisions.rates.title')}
      </Title>
      <Text size="sm" c="dimmed">
        {t('web.decisions.rates.description')}
      </Text>
      <ErrorAlert error={rates.error} />
      <ResponsiveTable caption={t('web.decisions.rates.title')} columns={columns} rows={rates.data?.items ?? []} rowKey={(r) => r.awardCode} loading={rates.isPending} testId="rates" rowTestId="rate-row" />
      {editing && <RateModal orgId={orgId} rate={editing} onClose={() => setEditing(null)} />}
    </Stack>
  );
}

type Kind = 'coefficient' | 'amount';

function RateModal({ orgId, rate, onClose }: { orgId: number; rate: RewardRateDto; onClose: () => void }) {
  const t = useT();
  const save = useSetRewardRate(orgId);
  const [kind, setKind] = useState<Kind>(rate.amountVnd !== null && rate.own ? 'amount' : 'coefficient');
  const [value, setValue] = useState<number | string>(rate.own ? (rate.coefficient ?? rate.amountVnd ?? '') : '');
  const [from, setFrom] = useState<string | null>(todayIso());
  const [note, setNote] = useState('');
  const [checked, setChecked] = useState(false);
  const valid = typeof value === 'number' && value >= 0 && (kind === 'amount' ? Number.isInteger(value) : Math.round(value * 100) === value * 100);
  return (
    <ActionModal
      title={t('web.decisions.rates.modalTitle', { award: rate.awardName })}
      submitLabel={t('web.decisions.edit.submit')}
      confirmMessage={t('web.decisions.rates.confirm')}
      onClose={onClose}
      submitting={save.isPending}
      error={save.error}
      validate={() => {
        setChecked(true);
        return valid && from !== null;
      }}
      onSubmit={() => {
        if (typeof value !== 'number' || from === null) return;
        save.mutate(
          { awardCode: rate.awardCode, ...(kind === 'amount' ? { amountVnd: value } : { coefficient: value }), effectiveFrom: from, note: note.trim() === '' ? null : note.trim() },
          {
            onSuccess: () => {
              notifications.show({ color: 'teal', message: t('web.decisions.rates.saved') });
              onClose();
            },
          },
        );
      }}
    >
      <SegmentedControl
        value={kind}
        onChange={(v) => {
          setKind(v as Kind);
          setValue('');
        }}
        data={[
          { value: 'coefficient', label: t('web.decisions.rates.byCoefficient') },
          { value: 'amount', label: t('web.decisions.rates.byAmount') },
        ]}
        fullWidth
        aria-label={t('web.decisions.rates.kind')}
        data-testid="rate-kind"
      />
      <NumberInput
        label={kind === 'amount' ? t('web.decisions.rates.amount') : t('web.decisions.rates.coefficient')}
        value={value}
        onChange={setValue}
        thousandSeparator={kind === 'amount' ? '.' : undefined}
        decimalSeparator=","
        decimalScale={kind === 'amount' ? 0 : 2}
        allowNegative={false}
        min={0}
        max={kind === 'amount' ? 1_000_000_000 : 100}
        required
        error={checked && !valid ? t('web.decisions.rates.valueRequired') : undefined}
        data-testid="rate-value-input"
      />
      <DateField label={t('web.decisions.rates.from')} value={from} onChange={setFrom} required data-testid="rate-from" />
      <TextInput label={t('web.decisions.rates.note')} value={note} onChange={(e) => setNote(e.currentTarget.value)} maxLength={500} data-testid="rate-note" />
    </ActionModal>
  );
}
