import { useState } from 'react';
import { Anchor, Badge, Button, Group, Paper, Radio, Select, Stack, Text, Textarea, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { getRouteApi } from '@tanstack/react-router';
import { IconArrowBackUp, IconExternalLink } from '@tabler/icons-react';
import { CONSULTATION_LIMITS, FEEDBACK_STATUSES, type FeedbackDto, type FeedbackStatus } from '../../../../contracts/consultations';
import { LIMITS } from '../../../../contracts/limits';
import { useT } from '../../../lib/i18n';
import { hasAbility } from '../../../lib/session';
import { formatDate, formatDateTime } from '../../../lib/format';
import { ActionModal } from '../../../components/ui/action-modal';
import { ErrorAlert } from '../../../components/ui/error-alert';
import { AnchorLink } from '../../../components/ui/links';
import { LoadingBlock } from '../../../components/ui/loading-block';
import { PageHeader } from '../../../components/ui/page-header';
import { PaginationBar } from '../../../components/ui/pagination-bar';
import { ReasonField } from '../../../components/ui/reason-field';
import { ResponsiveTable, type Column } from '../../../components/ui/responsive-table';
import { useConsultation, useFeedback, useHandleFeedback, useWithdrawConsultation } from '../api/consultations';
import { PhaseBadge } from '../components/phase-badge';

const route = getRouteApi('/app/lay-y-kien/$consultationId');
const STATUS_COLORS: Record<FeedbackStatus, string> = { NEW: 'orange', RELEVANT: 'teal', DISMISSED: 'gray' };

/** `/lay-y-kien/:id`: a published list, the feedback received on it and how each was handled. */
export function ConsultationPage() {
  const t = useT();
  const { consultationId } = route.useParams();
  const c = useConsultation(consultationId);
  const [withdrawing, setWithdrawing] = useState(false);

  if (c.isPending) return <LoadingBlock />;
  if (!c.data) return <ErrorAlert error={c.error} />;
  const d = c.data;
  return (
    <Stack gap="md">
      <PageHeader
        title={d.title}
        description={
          <>
            {d.orgName} · {t('web.consultations.period', { from: formatDate(d.startsOn), to: formatDate(d.endsOn), days: d.workingDays })}
          </>
        }
        actions={
          <>
            <PhaseBadge phase={d.phase} />
            <Anchor href={`/cong-khai/${encodeURIComponent(d.orgCode)}/lay-y-kien`} target="_blank" rel="noopener" size="sm">
              <Group gap={4} wrap="nowrap">
                <IconExternalLink size={16} aria-hidden />
                {t('web.consultations.publicPage')}
              </Group>
            </Anchor>
            {hasAbility(d, 'consultation.withdraw') && (
              <Button variant="default" color="red" leftSection={<IconArrowBackUp size={16} aria-hidden />} onClick={() => setWithdrawing(true)} data-testid="consultation-withdraw">
                {t('web.consultations.withdraw.open')}
              </Button>
            )}
          </>
        }
      />
      {d.withdrawnReason && (
        <Text c="red.9" size="sm">
          {t('web.consultations.withdrawnBecause', { reason: d.withdrawnReason })}
        </Text>
      )}
      <AnchorLink to="/lay-y-kien" size="sm">
        {t('web.consultations.backToList')}
      </AnchorLink>
      <Stack gap="xs" component="section" aria-labelledby="consultation-items-title">
        <Title order={2} size="h4" id="consultation-items-title">
          {t('web.consultations.items.title', { count: d.items.length })}
        </Title>
        {d.items.map((i) => (
          <Paper withBorder p="sm" key={i.id} data-testid="consultation-item">
            <Group justify="space-between" align="flex-start" gap="xs">
              <Stack gap={2} style={{ minWidth: 0, flex: '1 1 18rem' }}>
                <AnchorLink to="/de-nghi/ho-so/$nominationId" params={{ nominationId: i.nominationId }} fw={600}>
                  {i.subjectName}
                </AnchorLink>
                <Text size="sm" c="dimmed">
                  {i.unitName} · {i.awardName}
                </Text>
                <Text size="sm" style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}>
                  {i.publicSummary}
                </Text>
              </Stack>
              <Group gap={4}>
                {FEEDBACK_STATUSES.filter((s) => i.feedback[s] > 0).map((s) => (
                  <Badge key={s} color={STATUS_COLORS[s]} variant="light" style={{ textTransform: 'none' }}>
                    {t(`web.consultations.feedbackStatus.${s}`)}: {i.feedback[s]}
                  </Badge>
                ))}
              </Group>
            </Group>
          </Paper>
        ))}
      </Stack>
      {hasAbility(d, 'consultation.feedback') && <FeedbackSection consultationId={d.id} />}
      {withdrawing && <WithdrawModal consultationId={d.id} onClose={() => setWithdrawing(false)} />}
    </Stack>
  );
}

function FeedbackSection({ consultationId }: { consultationId: number }) {
  const t = useT();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const page = search.page ?? 1;
  const list = useFeedback(consultationId, { status: search.status, page, pageSize: LIMITS.pageSizeDefault }, true);
  const [handling, setHandling] = useState<FeedbackDto | null>(null);

  const columns: Column<FeedbackDto>[] = [
    { key: 'time', header: t('web.consultations.feedback.receivedAt'), cell: (f) => <Text size="sm" style={{ whiteSpace: 'nowrap' }}>{formatDateTime(f.createdAt)}</Text> },
    { key: 'subject', header: t('web.consultations.feedback.about'), cell: (f) => <Text size="sm">{f.subjectName}</Text> },
    {
      key: 'author',
      header: t('web.consultations.feedback.author'),
      primary: true,
      cell: (f) => (
        <Stack gap={0}>
          <Text size="sm" fw={500}>
            {f.authorName}
          </Text>
          <Text size="xs" c="dimmed" style={{ wordBreak: 'break-all' }}>
            {f.contact}
          </Text>
        </Stack>
      ),
    },
    // Plain text, escaped by React: the public may send markup, it is shown as typed.
    { key: 'body', header: t('web.consultations.feedback.body'), cell: (f) => <Text size="sm" style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word' }} data-testid="feedback-body">{f.body}</Text> },
    {
      key: 'status',
      header: t('web.consultations.feedback.status'),
      cell: (f) => (
        <Stack gap={2}>
          <Badge color={STATUS_COLORS[f.status]} variant="light" style={{ textTransform: 'none' }} data-testid="feedback-status" data-status={f.status}>
            {t(`web.consultations.feedbackStatus.${f.status}`)}
          </Badge>
          {f.handling && (
            <Text size="xs" style={{ whiteSpace: 'pre-wrap' }}>
              {f.handling}
            </Text>
          )}
        </Stack>
      ),
    },
    {
      key: 'actions',
      header: t('web.common.actions'),
      cell: (f) =>
        hasAbility(f, 'feedback.handle') && (
          <Button size="xs" variant="light" onClick={() => setHandling(f)} data-testid="feedback-handle">
            {f.status === 'NEW' ? t('web.consultations.handle.open') : t('web.consultations.handle.change')}
          </Button>
        ),
    },
  ];

  return (
    <Stack gap="xs" component="section" aria-labelledby="consultation-feedback-title">
      <Group justify="space-between" align="flex-end">
        <Title order={2} size="h4" id="consultation-feedback-title">
          {t('web.consultations.feedback.title')}
        </Title>
        <Select
          label={t('web.consultations.feedback.status')}
          data={[{ value: 'all', label: t('web.common.all') }, ...FEEDBACK_STATUSES.map((s) => ({ value: s, label: t(`web.consultations.feedbackStatus.${s}`) }))]}
          value={search.status ?? 'all'}
          onChange={(v) => void navigate({ search: { status: v && v !== 'all' ? (v as FeedbackStatus) : undefined }, replace: true })}
          allowDeselect={false}
          w={200}
          data-testid="feedback-status-filter"
        />
      </Group>
      <ErrorAlert error={list.error} />
      <ResponsiveTable
        caption={t('web.consultations.feedback.title')}
        columns={columns}
        rows={list.data?.items ?? []}
        rowKey={(f) => f.id}
        loading={list.isPending}
        refreshing={list.isPlaceholderData}
        empty={t('web.consultations.feedback.empty')}
        testId="feedback-table"
        rowTestId="feedback-row"
        minWidth={860}
      />
      {list.data && list.data.total > list.data.pageSize && (
        <PaginationBar total={list.data.total} page={page} pageSize={list.data.pageSize} onPageChange={(p) => void navigate({ search: (prev) => ({ ...prev, page: p === 1 ? undefined : p }) })} />
      )}
      {handling && <HandleModal feedback={handling} onClose={() => setHandling(null)} />}
    </Stack>
  );
}

function HandleModal({ feedback, onClose }: { feedback: FeedbackDto; onClose: () => void }) {
  const t = useT();
  const handle = useHandleFeedback();
  const [status, setStatus] = useState<'RELEVANT' | 'DISMISSED'>(feedback.status === 'DISMISSED' ? 'DISMISSED' : 'RELEVANT');
  const [text, setText] = useState(feedback.handling ?? '');
  const [error, setError] = useState<string | undefined>();
  return (
    <ActionModal
      title={t('web.consultations.handle.title', { name: feedback.authorName })}
      submitLabel={t('web.consultations.handle.submit')}
      onClose={onClose}
      validate={() => {
        const ok = text.trim().length > 0;
        setError(ok ? undefined : t('validation.required'));
        return ok;
      }}
      onSubmit={() =>
        handle.mutate(
          { id: feedback.id, status, handling: text.trim() },
          {
            onSuccess: () => {
              notifications.show({ color: 'teal', message: t('web.consultations.handle.done') });
              onClose();
            },
          },
        )
      }
      submitting={handle.isPending}
      error={handle.error}
    >
      <Text size="sm" style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}>
        {feedback.body}
      </Text>
      <Radio.Group label={t('web.consultations.handle.outcome')} value={status} onChange={(v) => setStatus(v as 'RELEVANT' | 'DISMISSED')} required>
        <Stack gap={6} mt={6}>
          <Radio value="RELEVANT" label={t('web.consultations.handle.relevant')} data-testid="feedback-outcome-relevant" />
          <Radio value="DISMISSED" label={t('web.consultations.handle.dismissed')} data-testid="feedback-outcome-dismissed" />
        </Stack>
      </Radio.Group>
      <Textarea
        label={t('web.consultations.handle.handling')}
        description={t('web.consultations.handle.handlingHint')}
        value={text}
        onChange={(e) => setText(e.currentTarget.value)}
        required
        autosize
        minRows={3}
        maxLength={CONSULTATION_LIMITS.handlingMax}
        error={error}
        data-testid="feedback-handling"
      />
    </ActionModal>
  );
}

function WithdrawModal({ consultationId, onClose }: { consultationId: number; onClose: () => void }) {
  const t = useT();
  const withdraw = useWithdrawConsultation(consultationId);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | undefined>();
  return (
    <ActionModal
      title={t('web.consultations.withdraw.title')}
      submitLabel={t('web.consultations.withdraw.submit')}
      onClose={onClose}
      danger
      confirmMessage={t('web.consultations.withdraw.confirm')}
      validate={() => {
        const ok = reason.trim().length >= LIMITS.reasonMin;
        setError(ok ? undefined : t('web.common.reasonHint', { min: LIMITS.reasonMin }));
        return ok;
      }}
      onSubmit={() => withdraw.mutate(reason.trim(), { onSuccess: onClose })}
      submitting={withdraw.isPending}
      error={withdraw.error}
    >
      <ReasonField value={reason} onChange={setReason} error={error} />
    </ActionModal>
  );
}
