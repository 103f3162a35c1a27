import { useState } from 'react';
import { Button, Checkbox, Stack, Text } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useT } from '../../../lib/i18n';
import { ActionModal } from '../../../components/ui/action-modal';
import { LoadingBlock } from '../../../components/ui/loading-block';
import { useNominations } from '../api/nominations';
import { useSetSubmissionItems, type SubmissionDto } from '../api/submissions';
import { EligibilityBadge } from './badges';

/** "Thêm đề nghị" on a draft tờ trình: the sending unit's drafts not yet in a tờ trình. */
export function AddToSubmission({ submission }: { submission: SubmissionDto }) {
  const t = useT();
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button variant="light" leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setOpen(true)} data-testid="submission-add-lines">
        {t('web.nominations.draft.add')}
      </Button>
      {open && <AddModal submission={submission} onClose={() => setOpen(false)} />}
    </>
  );
}

function AddModal({ submission, onClose }: { submission: SubmissionDto; onClose: () => void }) {
  const t = useT();
  const drafts = useNominations({ roundId: submission.roundId, orgId: submission.fromOrgId, unsubmitted: true, page: 1, pageSize: 200 });
  const save = useSetSubmissionItems(submission.id);
  const [chosen, setChosen] = useState<Set<number>>(new Set());
  // Only the sender's own drafts of the same procedure can join (the server checks it again).
  const rows = (drafts.data?.items ?? []).filter((n) => n.proposerOrgId === submission.fromOrgId && n.procedure === submission.procedure);
  const current = submission.lines.filter((l) => l.state !== 'WITHDRAWN').map((l) => l.nomination.id);
  return (
    <ActionModal
      title={t('web.nominations.draft.addTitle')}
      submitLabel={t('web.nominations.draft.addSubmit', { count: chosen.size })}
      validate={() => chosen.size > 0}
      onSubmit={() => save.mutate({ version: submission.version, nominationIds: [...current, ...chosen] }, { onSuccess: onClose })}
      submitting={save.isPending}
      error={save.error}
      onClose={onClose}
      size="md"
    >
      {drafts.isPending ? (
        <LoadingBlock />
      ) : rows.length === 0 ? (
        <Text size="sm" c="dimmed" data-testid="submission-add-empty">
          {t('web.nominations.draft.none')}
        </Text>
      ) : (
        <Stack gap="xs">
          {rows.map((n) => (
            <Checkbox
              key={n.id}
              checked={chosen.has(n.id)}
              onChange={(e) => {
                const next = new Set(chosen);
                if (e.currentTarget.checked) next.add(n.id);
                else next.delete(n.id);
                setChosen(next);
              }}
              label={
                <span>
                  {n.subjectName} — {n.awardName} <EligibilityBadge status={n.eligibilityStatus} />
                </span>
              }
              data-testid="submission-add-option"
            />
          ))}
        </Stack>
      )}
    </ActionModal>
  );
}

/** "Bỏ khỏi tờ trình" on a line of a draft: the nomination stays, unsent, in the unit's list. */
export function useRemoveLine(submission: SubmissionDto) {
  const save = useSetSubmissionItems(submission.id);
  const remaining = (id: number) => submission.lines.filter((l) => l.state !== 'WITHDRAWN' && l.nomination.id !== id).map((l) => l.nomination.id);
  return {
    canRemove: submission.lines.length > 1,
    pending: save.isPending,
    error: save.error,
    remove: (nominationId: number) => save.mutate({ version: submission.version, nominationIds: remaining(nominationId) }),
  };
}
