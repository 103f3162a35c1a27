import { useState } from 'react';
import { Badge, Button, Group, Stack, Text, Tooltip } from '@mantine/core';
import { IconCheck, IconCornerUpLeft, IconX, IconTool, IconTrash } from '@tabler/icons-react';
import { LIMITS } from '../../../../contracts/limits';
import type { MessageKey } from '../../../../contracts/messages';
import { useT } from '../../../lib/i18n';
import { hasAbility } from '../../../lib/session';
import { ActionModal } from '../../../components/ui/action-modal';
import { ErrorAlert } from '../../../components/ui/error-alert';
import { ReasonField } from '../../../components/ui/reason-field';
import { ResponsiveTable, type Column } from '../../../components/ui/responsive-table';
import { AnchorLink } from '../../../components/ui/links';
import { useDecideItem, type ItemDecision, type SubmissionDto } from '../api/submissions';
import { EligibilityBadge, ItemStateBadge, NominationStatusBadge } from './badges';
import { AddToSubmission, useRemoveLine } from './submission-draft-edit';

type Line = SubmissionDto['lines'][number];
const decisionLabel = (d: ItemDecision) => `web.nominations.decision.${d}` as MessageKey;

/** The nominations of the tờ trình with the appraiser's decision per line, and the unit's "đã bổ sung". */
export function SubmissionLines({ submission }: { submission: SubmissionDto }) {
  const t = useT();
  const decide = useDecideItem(submission.id);
  const [asking, setAsking] = useState<{ line: Line; decision: ItemDecision } | null>(null);
  const canDecide = hasAbility(submission, 'item.decide');
  const canEdit = hasAbility(submission, 'submission.edit');
  const removal = useRemoveLine(submission);
  const canFix = hasAbility(submission, 'item.fix');
  const busy = (line: Line) => decide.isPending && decide.variables?.nominationId === line.nomination.id;

  const columns: Column<Line>[] = [
    {
      key: 'subject',
      header: t('web.nominations.field.subject'),
      primary: true,
      cell: (l) => (
        <Stack gap={0} style={{ minWidth: 0 }}>
          <AnchorLink to="/de-nghi/ho-so/$nominationId" params={{ nominationId: l.nomination.id }} size="sm" fw={500} data-testid="line-open">
            {l.position}. {l.nomination.subjectName}
          </AnchorLink>
          <Text size="xs" c="dimmed">
            {l.nomination.subjectUnitName}
          </Text>
        </Stack>
      ),
    },
    { key: 'award', header: t('web.nominations.field.award'), cell: (l) => l.nomination.awardName },
    {
      key: 'eligibility',
      header: t('web.nominations.field.eligibility'),
      cell: (l) => (
        <Stack gap={2}>
          <EligibilityBadge status={l.nomination.eligibilityStatus} />
          {l.nomination.eligibilityStatus === 'NOT_ELIGIBLE' && l.nomination.hasJustification && (
            <Text size="xs" c="red.9">
              {t('web.nominations.lines.justified')}
            </Text>
          )}
        </Stack>
      ),
    },
    {
      key: 'state',
      header: t('web.nominations.lines.state'),
      cell: (l) => (
        <Group gap={4}>
          <ItemStateBadge state={l.state} />
          <NominationStatusBadge status={l.nomination.status} />
          {l.recused && (
            <Tooltip label={t('web.nominations.lines.recusedHint')} multiline w={260}>
              <Badge color="orange.9" variant="outline" style={{ textTransform: 'none' }} data-testid="line-recused" tabIndex={0}>
                {t('web.nominations.lines.recused')}
              </Badge>
            </Tooltip>
          )}
          {l.opinionsWaiting > 0 && (
            <Text size="xs" c="dimmed">
              {t('web.nominations.lines.opinionsWaiting', { count: l.opinionsWaiting })}
            </Text>
          )}
        </Group>
      ),
    },
    {
      key: 'reason',
      header: t('web.nominations.lines.reason'),
      cell: (l) =>
        l.reason ? (
          <Text size="sm" style={{ wordBreak: 'break-word' }} data-testid="line-reason">
            {l.reason}
          </Text>
        ) : null,
    },
  ];
  if (canDecide || canFix || canEdit) {
    columns.push({
      key: 'actions',
      header: t('web.common.actions'),
      cell: (l) => (
        <Group gap={4} wrap="wrap">
          {canDecide && !l.recused && l.state !== 'WITHDRAWN' && (
            <>
              <Button size="xs" color="teal" variant={l.state === 'ACCEPTED' ? 'filled' : 'light'} leftSection={<IconCheck size={14} aria-hidden />} loading={busy(l)} onClick={() => decide.mutate({ nominationId: l.nomination.id, decision: 'ACCEPT' })} aria-label={t('web.nominations.lines.acceptAria', { name: l.nomination.subjectName })} data-testid="line-accept">
                {t(decisionLabel('ACCEPT'))}
              </Button>
              <Button size="xs" color="orange" variant={l.state === 'RETURNED' ? 'filled' : 'light'} leftSection={<IconCornerUpLeft size={14} aria-hidden />} onClick={() => setAsking({ line: l, decision: 'RETURN' })} aria-label={t('web.nominations.lines.returnAria', { name: l.nomination.subjectName })} data-testid="line-return">
                {t(decisionLabel('RETURN'))}
              </Button>
              <Button size="xs" color="red" variant={l.state === 'REJECTED' ? 'filled' : 'light'} leftSection={<IconX size={14} aria-hidden />} onClick={() => setAsking({ line: l, decision: 'REJECT' })} aria-label={t('web.nominations.lines.rejectAria', { name: l.nomination.subjectName })} data-testid="line-reject">
                {t(decisionLabel('REJECT'))}
              </Button>
            </>
          )}
          {canEdit && removal.canRemove && (
            <Button size="xs" color="gray" variant="light" leftSection={<IconTrash size={14} aria-hidden />} loading={removal.pending} onClick={() => removal.remove(l.nomination.id)} aria-label={t('web.nominations.draft.removeAria', { name: l.nomination.subjectName })} data-testid="line-remove">
              {t('web.nominations.draft.remove')}
            </Button>
          )}
          {canFix && l.state === 'RETURNED' && (
            <Button size="xs" leftSection={<IconTool size={14} aria-hidden />} loading={busy(l)} onClick={() => decide.mutate({ nominationId: l.nomination.id, decision: 'FIX' })} aria-label={t('web.nominations.lines.fixAria', { name: l.nomination.subjectName })} data-testid="line-fix">
              {t(decisionLabel('FIX'))}
            </Button>
          )}
        </Group>
      ),
    });
  }

  return (
    <Stack gap="xs">
      {canEdit && (
        <Group justify="flex-end">
          <AddToSubmission submission={submission} />
        </Group>
      )}
      <ErrorAlert error={asking ? null : (decide.error ?? removal.error)} />
      <ResponsiveTable caption={t('web.nominations.lines.caption')} columns={columns} rows={submission.lines} rowKey={(l) => l.id} empty={t('web.nominations.lines.empty')} testId="submission-lines" rowTestId="submission-line" minWidth={900} />
      {asking && (
        <ReasonDialog
          line={asking.line}
          decision={asking.decision}
          submitting={decide.isPending}
          error={decide.error}
          onClose={() => {
            decide.reset();
            setAsking(null);
          }}
          onSubmit={(reason) => decide.mutate({ nominationId: asking.line.nomination.id, decision: asking.decision, reason }, { onSuccess: () => setAsking(null) })}
        />
      )}
    </Stack>
  );
}

function ReasonDialog({ line, decision, submitting, error, onClose, onSubmit }: { line: Line; decision: ItemDecision; submitting: boolean; error: unknown; onClose: () => void; onSubmit: (reason: string) => void }) {
  const t = useT();
  const [reason, setReason] = useState('');
  const [invalid, setInvalid] = useState<string | undefined>();
  return (
    <ActionModal
      title={t('web.nominations.lines.reasonTitle', { decision: t(decisionLabel(decision)), name: line.nomination.subjectName })}
      submitLabel={t(decisionLabel(decision))}
      danger={decision === 'REJECT'}
      confirmMessage={decision === 'REJECT' ? t('web.nominations.lines.rejectConfirm', { name: line.nomination.subjectName, award: line.nomination.awardName }) : undefined}
      validate={() => {
        const ok = reason.trim().length >= LIMITS.reasonMin;
        setInvalid(ok ? undefined : t('web.common.reasonHint', { min: LIMITS.reasonMin }));
        return ok;
      }}
      onSubmit={() => onSubmit(reason.trim())}
      submitting={submitting}
      error={error}
      onClose={onClose}
      size="md"
    >
      <Text size="sm">{decision === 'RETURN' ? t('web.nominations.lines.returnExplain') : t('web.nominations.lines.rejectExplain')}</Text>
      <ReasonField value={reason} onChange={setReason} error={invalid} />
    </ActionModal>
  );
}
