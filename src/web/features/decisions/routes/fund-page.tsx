import { useState } from 'react';
import { Button, Grid, Group, NumberInput, Paper, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconDownload, IconPencil } from '@tabler/icons-react';
import { getRouteApi } from '@tanstack/react-router';
import { useT } from '../../../lib/i18n';
import { currentYear, formatDate } from '../../../lib/format';
import { useMe } from '../../../lib/session';
import { ActionModal } from '../../../components/ui/action-modal';
import { ErrorAlert } from '../../../components/ui/error-alert';
import { LoadingBlock } from '../../../components/ui/loading-block';
import { OrgPicker } from '../../../components/ui/org-picker';
import { PageHeader } from '../../../components/ui/page-header';
import { AnchorLink } from '../../../components/ui/links';
import { ResponsiveTable, type Column } from '../../../components/ui/responsive-table';
import { filterYears } from '../../../components/ui/year-filter';
import { ledgerUrl, useFund, useSetFundBudget, type FundDto } from '../api/decisions';
import { useMoney } from '../components/badges';
import { RatesSection } from '../components/rates-section';
import type { FundSearch } from './search';

const route = getRouteApi('/app/quy-thi-dua');
type LedgerRow = FundDto['ledger'][number];
type RecoveryRow = FundDto['recoveries'][number];

/** `/quy-thi-dua`: the reward fund of an organisation for a year, its budget and its ledger. */
export function FundPage() {
  const t = useT();
  const me = useMe();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const orgId = search.orgId ?? me.roles.find((r) => r.role === 'TDKT_OFFICER')?.orgId;
  const year = search.year ?? currentYear();
  const fund = useFund(orgId, year);
  const [editing, setEditing] = useState(false);
  const update = (patch: Partial<FundSearch>) => void navigate({ search: (prev) => ({ ...prev, ...patch }), replace: true });

  return (
    <Stack gap="md">
      <PageHeader
        title={t('web.decisions.fundPage.title')}
        description={t('web.decisions.fundPage.description')}
        actions={
          fund.data?.abilities.includes('fund.update') && (
            <Button leftSection={<IconPencil size={18} aria-hidden />} onClick={() => setEditing(true)} data-testid="fund-set-budget">
              {t('web.decisions.fundPage.setBudget')}
            </Button>
          )
        }
      />
      <Paper withBorder p="sm">
        <Grid gap="sm" role="search" aria-label={t('web.decisions.fundPage.filter')}>
          <Grid.Col span={{ base: 12, sm: 6, md: 5 }}>
            <OrgPicker label={t('web.decisions.field.org')} value={orgId ?? null} onChange={(v) => update({ orgId: v ?? undefined })} data-testid="fund-org" />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 3 }}>
            <Select
              label={t('web.decisions.fundPage.year')}
              data={filterYears().map((y) => String(y))}
              value={String(year)}
              onChange={(v) => v && update({ year: Number(v) })}
              allowDeselect={false}
              data-testid="fund-year"
            />
          </Grid.Col>
        </Grid>
      </Paper>
      {orgId === undefined && <Text c="dimmed">{t('web.decisions.fundPage.chooseOrg')}</Text>}
      <ErrorAlert error={fund.error} />
      {orgId !== undefined && fund.isPending && <LoadingBlock />}
      {fund.data && <FundView f={fund.data} />}
      {fund.data && <RatesSection orgId={fund.data.orgId} />}
      {editing && fund.data && <BudgetModal f={fund.data} onClose={() => setEditing(false)} />}
    </Stack>
  );
}

function Figure({ label, value, testId, danger }: { label: string; value: string; testId: string; danger?: boolean }) {
  return (
    <Paper withBorder p="sm">
      <Text size="sm" c="dimmed">
        {label}
      </Text>
      <Text fw={700} fz="lg" c={danger ? 'red.9' : undefined} data-testid={testId}>
        {value}
      </Text>
    </Paper>
  );
}

function FundView({ f }: { f: FundDto }) {
  const t = useT();
  const money = useMoney();
  const columns: Column<LedgerRow>[] = [
    {
      key: 'number',
      header: t('web.decisions.field.number'),
      primary: true,
      cell: (r) => (
        <AnchorLink to="/quyet-dinh/$decisionId" params={{ decisionId: r.decisionId }} size="sm" fw={500}>
          {r.numberText}
        </AnchorLink>
      ),
    },
    { key: 'date', header: t('web.decisions.field.date'), cell: (r) => formatDate(r.signedOn) },
    { key: 'subject', header: t('web.decisions.field.subject'), cell: (r) => r.subject },
    { key: 'amount', header: t('web.decisions.fundPage.paid'), cell: (r) => money(r.amountVnd) },
    { key: 'recover', header: t('web.decisions.fundPage.toRecover'), cell: (r) => (r.toRecoverVnd > 0 ? money(r.toRecoverVnd) : '') },
    { key: 'recovered', header: t('web.decisions.fundPage.recovered'), cell: (r) => (r.recoveredVnd > 0 ? money(r.recoveredVnd) : '') },
  ];
  const recoveryColumns: Column<RecoveryRow>[] = [
    {
      key: 'number',
      header: t('web.decisions.field.number'),
      primary: true,
      cell: (r) => (
        <AnchorLink to="/quyet-dinh/$decisionId" params={{ decisionId: r.decisionId }} size="sm" fw={500}>
          {r.numberText}
        </AnchorLink>
      ),
    },
    { key: 'date', header: t('web.decisions.recovery.col.date'), cell: (r) => formatDate(r.recoveredOn) },
    { key: 'name', header: t('web.decisions.field.subject'), cell: (r) => t('web.decisions.fundPage.recoveryOf', { name: r.subjectName }) },
    { key: 'document', header: t('web.decisions.recovery.col.document'), cell: (r) => r.document ?? '' },
    { key: 'amount', header: t('web.decisions.recovery.col.amount'), cell: (r) => money(r.amountVnd) },
  ];
  return (
    <Stack gap="md">
      <SimpleGrid cols={{ base: 2, sm: 5 }} spacing="sm">
        <Figure label={t('web.decisions.fundPage.budget')} value={f.budgetVnd === null ? t('web.decisions.fundPage.noBudget') : money(f.budgetVnd)} testId="fund-budget" />
        <Figure label={t('web.decisions.fundPage.paid')} value={money(f.paidVnd)} testId="fund-paid" />
        <Figure label={t('web.decisions.fundPage.toRecover')} value={money(f.toRecoverVnd)} testId="fund-to-recover" />
        <Figure label={t('web.decisions.fundPage.recovered')} value={money(f.recoveredVnd)} testId="fund-recovered" />
        <Figure label={t('web.decisions.fundPage.balance')} value={f.balanceVnd === null ? '—' : money(f.balanceVnd)} testId="fund-balance" danger={f.balanceVnd !== null && f.balanceVnd < 0} />
      </SimpleGrid>
      <Group justify="space-between">
        <Text fw={600}>{t('web.decisions.fundPage.ledger')}</Text>
        <Button component="a" href={ledgerUrl(f.orgId, f.year)} variant="default" leftSection={<IconDownload size={18} aria-hidden />} data-testid="fund-download">
          {t('web.decisions.fundPage.download')}
        </Button>
      </Group>
      <ResponsiveTable
        caption={t('web.decisions.fundPage.ledger')}
        columns={columns}
        rows={f.ledger}
        rowKey={(r) => r.decisionId}
        empty={<Text component="span">{t('web.decisions.fundPage.ledgerEmpty')}</Text>}
        testId="fund-ledger"
        rowTestId="fund-ledger-row"
      />
      {f.recoveries.length > 0 && (
        <ResponsiveTable caption={t('web.decisions.fundPage.recoveries')} columns={recoveryColumns} rows={f.recoveries} rowKey={(r) => r.id} testId="fund-recoveries" rowTestId="fund-recovery-row" />
      )}
    </Stack>
  );
}

function BudgetModal({ f, onClose }: { f: FundDto; onClose: () => void }) {
  const t = useT();
  const save = useSetFundBudget(f.orgId, f.year);
  const [amount, setAmount] = useState<number | string>(f.budgetVnd ?? '');
  const [note, setNote] = useState('');
  const [checked, setChecked] = useState(false);
  const valid = typeof amount === 'number' && Number.isInteger(amount) && amount >= 0;
  return (
    <ActionModal
      title={t('web.decisions.fundPage.setBudgetTitle', { year: f.year })}
      submitLabel={t('web.decisions.edit.submit')}
      onClose={onClose}
      submitting={save.isPending}
      error={save.error}
      validate={() => {
        setChecked(true);
        return valid;
      }}
      onSubmit={() => {
        if (typeof amount !== 'number') return;
        save.mutate(
          { amountVnd: amount, note: note.trim() === '' ? null : note.trim() },
          {
            onSuccess: () => {
              notifications.show({ color: 'teal', message: t('web.decisions.fundPage.saved') });
              onClose();
            },
          },
        );
      }}
    >
      <NumberInput
        label={t('web.decisions.fundPage.amount')}
        value={amount}
        onChange={setAmount}
        thousandSeparator="."
        decimalSeparator=","
        allowDecimal={false}
        allowNegative={false}
        min={0}
        max={1_000_000_000_000}
        required
        error={checked && !valid ? t('web.decisions.fundPage.amountRequired') : undefined}
        data-testid="fund-amount"
      />
      <TextInput label={t('web.decisions.fundPage.note')} value={note} onChange={(e) => setNote(e.currentTarget.value)} maxLength={500} data-testid="fund-note" />
    </ActionModal>
  );
}
