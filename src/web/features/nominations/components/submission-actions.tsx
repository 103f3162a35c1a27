import { useState } from 'react';
import { Button, Group, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useNavigate } from '@tanstack/react-router';
import { IconBell } from '@tabler/icons-react';
import type { SubmissionActionPath } from '../../../../contracts/nominations';
import { LIMITS } from '../../../../contracts/limits';
import type { MessageKey } from '../../../../contracts/messages';
import { useT } from '../../../lib/i18n';
import { hasAbility } from '../../../lib/session';
import { ActionModal } from '../../../components/ui/action-modal';
import { ReasonField } from '../../../components/ui/reason-field';
import { useRemindSubmission, useSubmissionAction, type SubmissionDto } from '../api/submissions';

interface ActionSpec {
  action: SubmissionActionPath;
  ability: string;
  /** A reason is required and kept with the step. */
  reason?: boolean;
  /** Cannot simply be undone: asks once more. */
  danger?: boolean;
  primary?: boolean;
}

// In the order a user meets them; each shows only when the server grants its ability.
const ACTIONS: ActionSpec[] = [
  { action: 'submit', ability: 'submission.submit', primary: true },
  { action: 'resubmit', ability: 'submission.resubmit', primary: true },
  { action: 'receive', ability: 'submission.receive', primary: true },
  { action: 'start', ability: 'submission.start', primary: true },
  { action: 'finish', ability: 'submission.finish', primary: true },
  { action: 'to-council', ability: 'submission.toCouncil', primary: true },
  { action: 'escalate', ability: 'submission.escalate' },
  { action: 'return', ability: 'submission.return', reason: true, danger: true },
  { action: 'withdraw', ability: 'submission.withdraw', reason: true, danger: true },
];

const label = (a: SubmissionActionPath) => `web.nominations.action.${a}` as MessageKey;
const explain = (a: SubmissionActionPath) => `web.nominations.action.${a}.explain` as MessageKey;

/** The steps the reader may take now on the tờ trình; every step sends the version it was shown. */
export function SubmissionActions({ submission }: { submission: SubmissionDto }) {
  const t = useT();
  const [open, setOpen] = useState<ActionSpec | null>(null);
  const remind = useRemindSubmission();
  const available = ACTIONS.filter((a) => hasAbility(submission, a.ability));
  const canRemind = hasAbility(submission, 'submission.remind') && !hasAbility(submission, 'submission.receive') && !hasAbility(submission, 'item.decide') && !hasAbility(submission, 'submission.finish');
  if (available.length === 0 && !canRemind) return null;
  return (
    <>
      <Group gap="xs" wrap="wrap" data-testid="submission-actions">
        {available.map((a) => (
          <Button key={a.action} variant={a.primary ? 'filled' : 'default'} color={a.danger ? 'red' : undefined} onClick={() => setOpen(a)} data-testid={`submission-action-${a.action}`}>
            {t(label(a.action))}
          </Button>
        ))}
        {canRemind && (
          <Button
            variant="default"
            leftSection={<IconBell size={16} aria-hidden />}
            loading={remind.isPending}
            onClick={() => remind.mutate(submission.id, { onSuccess: (r) => notifications.show({ color: 'teal', message: t('web.nominations.action.reminded', { emails: r.emails }) }) })}
            data-testid="submission-remind"
          >
            {t('web.nominations.action.remind')}
          </Button>
        )}
      </Group>
      {open && <ActionDialog submission={submission} spec={open} onClose={() => setOpen(null)} />}
    </>
  );
}

function ActionDialog({ submission, spec, onClose }: { submission: SubmissionDto; spec: ActionSpec; onClose: () => void }) {
  const t = useT();
  const navigate = useNavigate();
  const run = useSubmissionAction(submission.id);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | undefined>();
  return (
    <ActionModal
      title={t(label(spec.action))}
      submitLabel={t(label(spec.action))}
      danger={spec.danger}
      confirmMessage={spec.danger ? t(explain(spec.action), { title: submission.title, to: submission.toOrgName, from: submission.fromOrgName }) : undefined}
      validate={() => {
        if (!spec.reason) return true;
        const ok = reason.trim().length >= LIMITS.reasonMin;
        setError(ok ? undefined : t('web.common.reasonHint', { min: LIMITS.reasonMin }));
        return ok;
      }}
      onSubmit={() =>
        run.mutate(
          { action: spec.action, version: submission.version, ...(spec.reason ? { reason: reason.trim() } : {}) },
          {
            onSuccess: (result) => {
              onClose();
              notifications.show({ color: 'teal', message: t('web.nominations.action.done', { action: t(label(spec.action)) }) });
              if (spec.action === 'escalate' && result.escalatedId !== null) void navigate({ to: '/de-nghi/to-trinh/$submissionId', params: { submissionId: result.escalatedId } });
            },
          },
        )
      }
      submitting={run.isPending}
      error={run.error}
      onClose={onClose}
      size="md"
    >
      <Text size="sm">{t(explain(spec.action), { title: submission.title, to: submission.toOrgName, from: submission.fromOrgName })}</Text>
      {spec.reason && <ReasonField value={reason} onChange={setReason} error={error} />}
    </ActionModal>
  );
}
