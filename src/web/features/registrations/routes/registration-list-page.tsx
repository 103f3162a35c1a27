import { useState } from 'react';
import { Button, Grid, Group, Paper, Select, Stack, Text, TextInput } from '@mantine/core';
import { IconCheck, IconDownload, IconPlus, IconArrowBackUp } from '@tabler/icons-react';
import { getRouteApi } from '@tanstack/react-router';
import { REGISTRATION_SUBJECTS, REVIEW_STATUSES, type RegistrationDto } from '../../../../contracts/registrations';
import { useT } from '../../../lib/i18n';
import { useMe } from '../../../lib/session';
import { ButtonLink } from '../../../components/ui/links';
import { ErrorAlert } from '../../../components/ui/error-alert';
import { PageHeader } from '../../../components/ui/page-header';
import { YearFilter } from '../../../components/ui/year-filter';
import { ChoiceFilter, ClearFiltersCol } from '../../../components/ui/choice-filter';
import { PaginationBar } from '../../../components/ui/pagination-bar';
import { OrgPicker } from '../../../components/ui/org-picker';
import { ActionModal } from '../../../components/ui/action-modal';
import { ReasonField } from '../../../components/ui/reason-field';
import { LIMITS } from '../../../../contracts/limits';
import { registrationExportUrl, useRegistrations, useRegistrationSummary, useReviewRegistrations, useWithdrawRegistration } from '../api/registrations';
import { RegistrationTable } from '../components/registration-table';
import { CorrectModal } from '../components/correct-modal';
import { registrationListParams, type RegistrationSearch } from './search';

const route = getRouteApi('/app/dang-ky');
const MANAGE = new Set(['SYSTEM_ADMIN', 'TDKT_OFFICER', 'CDCS_OFFICER']);


/** `/dang-ky`: registrations in scope, filtered in the URL, paged; superiors approve or return in bulk. */
export function RegistrationListPage() {
  const t = useT();
  const me = useMe();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const params = registrationListParams(search);
  const list = useRegistrations(params);
  const summary = useRegistrationSummary(params);
  const review = useReviewRegistrations();
  const withdraw = useWithdrawRegistration();
  const [selected, setSelected] = useState<Set<number>>(new Set());
  const [returning, setReturning] = useState(false);
  const [withdrawing, setWithdrawing] = useState<RegistrationDto | null>(null);
  const [correcting, setCorrecting] = useState<RegistrationDto | null>(null);
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<string | undefined>();
  const [done, setDone] = useState<string | null>(null);
  const canRegister = me.roles.some((r) => MANAGE.has(r.role));
  const isMember = me.personId !== null;
  const rows = list.data?.items ?? [];
  const selectable = rows.some((r) => r.abilities.includes('registration.approve'));

  const update = (patch: Partial<RegistrationSearch>, keepPage = false) => {
    setSelected(new Set());
    void navigate({ search: (prev) => ({ ...prev, ...patch, ...(keepPage ? {} : { page: undefined }) }), replace: !keepPage });
  };
  const toggle = (id: number) => setSelected((s) => { const n = new Set(s); if (n.has(id)) n.delete(id); else n.add(id); return n; });
  const toggleAll = () => {
    const ids = rows.filter((r) => r.abilities.includes('registration.approve')).map((r) => r.id);
    setSelected((s) => (ids.every((id) => s.has(id)) ? new Set() : new Set(ids)));
  };
  const decide = (decision: 'APPROVE' | 'RETURN') => {
    const ids = [...selected];
    review.mutate({ ids, decision, reason: decision === 'RETURN' ? reason.trim() : undefined }, {
      onSuccess: () => {
        setDone(t(decision === 'APPROVE' ? 'web.registrations.approved' : 'web.registrations.returned', { count: ids.length }));
        setSelected(new Set());
        setReturning(false);
        setReason('');
      },
    });
  };
  const checkReason = () => {
    const ok = reason.trim().length >= LIMITS.reasonMin;
    setReasonError(ok ? undefined : t('web.common.reasonHint', { min: LIMITS.reasonMin }));
    return ok;
  };
  const s = summary.data;
  const filtered = Object.entries(search).some(([k, v]) => k !== 'page' && k !== 'pageSize' && v !== undefined);

  return (
    <Stack gap="md">
      <PageHeader
        title={t('web.registrations.title')}
        description={t('web.registrations.description')}
        actions={
          <Group gap="xs">
            <Button component="a" href={registrationExportUrl(params)} variant="default" leftSection={<IconDownload size={16} aria-hidden />} data-testid="registration-export">
              {t('web.registrations.export')}
            </Button>
            {(canRegister || isMember) && (
              <ButtonLink to="/dang-ky/moi" search={{ year: search.year }} leftSection={<IconPlus size={16} aria-hidden />} data-testid="registration-create">
                {canRegister ? t('web.registrations.create') : t('web.registrations.mine')}
              </ButtonLink>
            )}
          </Group>
        }
      />
      <Paper withBorder p="sm">
        <Grid gap="sm" role="search" aria-label={t('web.registrations.filter.title')}>
          <Grid.Col span={{ base: 6, sm: 4, md: 2 }}>
            <YearFilter label={t('web.registrations.field.year')} value={search.year} onChange={(year) => update({ year })} count={8} data-testid="registration-year" />
          </Grid.Col>
          <Grid.Col span={{ base: 6, sm: 4, md: 2 }}>
            <ChoiceFilter label={t('web.registrations.field.review')} options={REVIEW_STATUSES} optionLabel={(x) => t(`web.registrations.review.${x}`)} value={search.reviewStatus} onChange={(reviewStatus) => update({ reviewStatus })} data-testid="registration-review-filter" />
          </Grid.Col>
          <Grid.Col span={{ base: 6, sm: 4, md: 2 }}>
            <ChoiceFilter label={t('web.registrations.field.subject')} options={REGISTRATION_SUBJECTS} optionLabel={(x) => t(`web.registrations.subject.${x}`)} value={search.subject} onChange={(subject) => update({ subject })} data-testid="registration-subject-filter" />
          </Grid.Col>
          <Grid.Col span={{ base: 6, sm: 4, md: 2 }}>
            <Select label={t('web.registrations.field.award')} clearable data={(s?.byAward ?? []).map((a) => ({ value: a.awardCode, label: a.awardName }))}
              value={search.awardCode ?? null} onChange={(v) => update({ awardCode: v ?? undefined })} data-testid="registration-award-filter" />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 4, md: 2 }}>
            <OrgPicker label={t('web.registrations.field.unit')} value={search.orgId ?? null} onChange={(id) => update({ orgId: id ?? undefined })} clearable data-testid="registration-org-filter" />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 4, md: 2 }}>
            <TextInput label={t('web.registrations.field.q')} defaultValue={search.q ?? ''} key={search.q ?? ''}
              onKeyDown={(e) => { if (e.key === 'Enter') update({ q: e.currentTarget.value.trim() || undefined }); }}
              onBlur={(e) => { if ((e.currentTarget.value.trim() || undefined) !== search.q) update({ q: e.currentTarget.value.trim() || undefined }); }} data-testid="registration-q" />
          </Grid.Col>
          <ClearFiltersCol active={filtered} span={{ base: 12 }} onClear={() => update({ year: undefined, orgId: undefined, movementId: undefined, reviewStatus: undefined, subject: undefined, awardCode: undefined, q: undefined })} />
        </Grid>
      </Paper>
      {s && <Text size="sm" c="dimmed" data-testid="registration-summary">{t('web.registrations.summary', { total: s.total, submitted: s.byReview.SUBMITTED, approved: s.byReview.APPROVED, returned: s.byReview.RETURNED })}</Text>}
      {done && <Text size="sm" c="green.8" role="status">{done}</Text>}
      <ErrorAlert error={list.error ?? (returning ? null : review.error)} />
      {selected.size > 0 && (
        <Paper withBorder p="xs" data-testid="registration-bulk-bar">
          <Group gap="sm">
            <Text size="sm">{t('web.registrations.selected', { count: selected.size })}</Text>
            <Button size="xs" color="green" leftSection={<IconCheck size={14} aria-hidden />} loading={review.isPending && !returning} onClick={() => decide('APPROVE')} data-testid="registration-approve">
              {t('web.registrations.approve')}
            </Button>
            <Button size="xs" color="orange" variant="light" leftSection={<IconArrowBackUp size={14} aria-hidden />} onClick={() => { review.reset(); setReturning(true); }} data-testid="registration-return">
              {t('web.registrations.return')}
            </Button>
          </Group>
        </Paper>
      )}
      <div>
        <RegistrationTable
          rows={rows}
          loading={list.isPending}
          refreshing={list.isPlaceholderData}
          selected={selected}
          onToggle={toggle}
          onToggleAll={toggleAll}
          selectable={selectable}
          actions={(r) => (
            <Group gap={4} wrap="nowrap">
              {r.abilities.includes('registration.update') && (
                <Button size="compact-xs" variant="subtle" onClick={() => setCorrecting(r)} data-testid="registration-correct">
                  {t('web.registrations.correct')}
                </Button>
              )}
              {r.abilities.includes('registration.withdraw') && (
                <Button size="compact-xs" variant="subtle" color="red" onClick={() => { withdraw.reset(); setReason(''); setWithdrawing(r); }} data-testid="registration-withdraw">
                  {t('web.registrations.withdraw')}
                </Button>
              )}
            </Group>
          )}
        />
        {list.data && (
          <PaginationBar total={list.data.total} page={params.page} pageSize={params.pageSize} onPageChange={(page) => update({ page: page === 1 ? undefined : page }, true)} onPageSizeChange={(pageSize) => update({ pageSize })} />
        )}
      </div>
      {returning && (
        <ActionModal title={t('web.registrations.returnTitle', { count: selected.size })} onClose={() => setReturning(false)} submitLabel={t('web.registrations.return')}
          onSubmit={() => decide('RETURN')} validate={checkReason} submitting={review.isPending} error={review.error} confirmMessage={t('web.registrations.returnConfirm')} danger>
          <ReasonField value={reason} onChange={setReason} error={reasonError} />
        </ActionModal>
      )}
      {correcting && <CorrectModal registration={correcting} onClose={() => setCorrecting(null)} />}
      {withdrawing && (
        <ActionModal title={t('web.registrations.withdrawTitle', { award: withdrawing.awardName, name: withdrawing.subjectName })} onClose={() => setWithdrawing(null)} submitLabel={t('web.registrations.withdraw')}
          onSubmit={() => withdraw.mutate({ id: withdrawing.id, reason: reason.trim() }, { onSuccess: () => setWithdrawing(null) })} validate={checkReason}
          submitting={withdraw.isPending} error={withdraw.error} confirmMessage={t('web.registrations.withdrawConfirm')} danger>
          <ReasonField value={reason} onChange={setReason} error={reasonError} />
        </ActionModal>
      )}
    </Stack>
  );
}
