import { useState } from 'react';
import { Select, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useDebouncedValue } from '@mantine/hooks';
import { PROPOSAL_LIMITS } from '../../../../contracts/proposals';
import { useT } from '../../../lib/i18n';
import { ActionModal } from '../../../components/ui/action-modal';
import { LongTextField } from '../../../components/ui/long-text-field';
import { PersonPicker } from '../../../components/ui/person-picker';
import { useNominations } from '../../nominations/api/nominations';
import { useDeclineProposal, useLinkProposal, useProposalNomination, useProposalStory, type ProposalDto } from '../api/proposals';

interface Props {
  proposal: ProposalDto;
  onClose: () => void;
}

function done(message: string, onClose: () => void) {
  return () => {
    notifications.show({ color: 'teal', message });
    onClose();
  };
}

/** "Gắn đoàn viên": the member on record the proposal is about. */
export function LinkPersonModal({ proposal, onClose }: Props) {
  const t = useT();
  const [personId, setPersonId] = useState<number | null>(proposal.person?.id ?? null);
  const [missing, setMissing] = useState(false);
  const link = useLinkProposal(proposal.id);
  return (
    <ActionModal
      title={t('web.proposals.link.title')}
      submitLabel={t('web.proposals.action.link')}
      onClose={onClose}
      submitting={link.isPending}
      error={link.error}
      validate={() => {
        setMissing(personId === null);
        return personId !== null;
      }}
      onSubmit={() => link.mutate({ version: proposal.version, personId }, { onSuccess: done(t('web.proposals.link.done'), onClose) })}
    >
      <Text size="sm">{t('web.proposals.link.explain')}</Text>
      <PersonPicker
        label={t('web.proposals.field.person')}
        placeholder={t('web.proposals.field.personPlaceholder')}
        nothingFound={t('web.proposals.field.personNone')}
        value={personId}
        onChange={setPersonId}
        error={missing ? t('validation.required') : undefined}
        data-testid="proposal-link-person"
      />
    </ActionModal>
  );
}

/** "Viết thành gương điển hình": a story draft from the proposal, the proposer credited as discoverer. */
export function StoryModal({ proposal, onClose }: Props) {
  const t = useT();
  const story = useProposalStory(proposal.id);
  return (
    <ActionModal
      title={t('web.proposals.story.title')}
      submitLabel={t('web.proposals.action.story')}
      onClose={onClose}
      submitting={story.isPending}
      error={story.error}
      onSubmit={() => story.mutate({ version: proposal.version }, { onSuccess: done(t('web.proposals.story.done'), onClose) })}
    >
      <Text size="sm">{t('web.proposals.story.explain', { name: proposal.person?.name ?? proposal.subjectName })}</Text>
    </ActionModal>
  );
}

/** "Đưa vào hồ sơ đề nghị": an existing nomination in scope, found by the subject's name. */
export function NominationModal({ proposal, onClose }: Props) {
  const t = useT();
  const [q, setQ] = useState(proposal.person?.name ?? proposal.subjectName);
  const [debounced] = useDebouncedValue(q.trim(), 300);
  const [nominationId, setNominationId] = useState<string | null>(null);
  const [missing, setMissing] = useState(false);
  const found = useNominations({ q: debounced || undefined, page: 1, pageSize: 20 });
  const nominate = useProposalNomination(proposal.id);
  const options = (found.data?.items ?? []).map((n) => ({ value: String(n.id), label: `${n.subjectName} · ${n.awardName} · ${n.subjectUnitName}` }));
  return (
    <ActionModal
      title={t('web.proposals.nominate.title')}
      submitLabel={t('web.proposals.action.nominate')}
      onClose={onClose}
      submitting={nominate.isPending}
      error={nominate.error}
      validate={() => {
        setMissing(nominationId === null);
        return nominationId !== null;
      }}
      onSubmit={() => nominate.mutate({ version: proposal.version, nominationId: Number(nominationId) }, { onSuccess: done(t('web.proposals.nominate.done'), onClose) })}
    >
      <Text size="sm">{t('web.proposals.nominate.explain')}</Text>
      <TextInput
        label={t('web.proposals.nominate.search')}
        value={q}
        onChange={(e) => {
          const value = e.currentTarget.value;
          setQ(value);
        }}
        data-testid="proposal-nomination-search"
      />
      <Select
        label={t('web.proposals.nominate.pick')}
        data={options}
        value={nominationId}
        onChange={setNominationId}
        nothingFoundMessage={t('web.proposals.nominate.none')}
        error={missing ? t('validation.required') : undefined}
        comboboxProps={{ withinPortal: true }}
        data-testid="proposal-nomination-pick"
      />
    </ActionModal>
  );
}

/** "Không tiếp nhận": the reason is kept with the proposal. */
export function DeclineModal({ proposal, onClose }: Props) {
  const t = useT();
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | undefined>();
  const decline = useDeclineProposal(proposal.id);
  return (
    <ActionModal
      title={t('web.proposals.decline.title')}
      submitLabel={t('web.proposals.action.decline')}
      onClose={onClose}
      submitting={decline.isPending}
      error={decline.error}
      danger
      validate={() => {
        const short = reason.trim().length < PROPOSAL_LIMITS.reasonMin;
        setError(short ? t('validation.tooShort', { min: PROPOSAL_LIMITS.reasonMin }) : undefined);
        return !short;
      }}
      onSubmit={() => decline.mutate({ version: proposal.version, reason: reason.trim() }, { onSuccess: done(t('web.proposals.decline.done'), onClose) })}
    >
      <LongTextField
        label={t('web.proposals.field.reason')}
        description={t('web.common.reasonHint', { min: PROPOSAL_LIMITS.reasonMin })}
        value={reason}
        onChange={setReason}
        error={error}
        max={PROPOSAL_LIMITS.reasonMax}
        maxRows={8}
        testId="proposal-decline-reason"
      />
    </ActionModal>
  );
}
