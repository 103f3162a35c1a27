import { Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useT } from '../../../lib/i18n';
import { ActionModal } from '../../../components/ui/action-modal';
import { useSendMemberProposal } from '../../proposals/api/proposals';
import { ProposalFields } from '../../proposals/components/proposal-fields';
import { useProposalForm } from '../../proposals/components/use-proposal-form';

/** "Đề xuất người tốt, việc tốt" from the member's portal: their CĐCS receives it, their name and contact come from their record. */
export function ProposeModal({ onClose }: { onClose: () => void }) {
  const t = useT();
  const send = useSendMemberProposal();
  const form = useProposalForm({
    member: true,
    error: send.error,
    pending: send.isPending,
    send: (body) =>
      send.mutate(body, {
        onSuccess: (p) => {
          notifications.show({ color: 'teal', message: t('web.me.propose.done', { code: p.referenceCode }) });
          onClose();
        },
      }),
  });
  return (
    <ActionModal
      title={t('web.me.propose.title')}
      submitLabel={t('web.me.propose.submit')}
      onClose={onClose}
      submitting={send.isPending}
      error={send.error}
      onSubmit={form.send}
    >
      <Text size="sm">{t('web.me.propose.explain')}</Text>
      <ProposalFields draft={form.draft} onChange={form.change} errors={form.errors} testIdPrefix="member-proposal" member />
    </ActionModal>
  );
}
