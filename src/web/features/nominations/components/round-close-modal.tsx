import { useState } from 'react';
import { Checkbox, Text } from '@mantine/core';
import { LIMITS } from '../../../../contracts/limits';
import { useT } from '../../../lib/i18n';
import { ActionModal } from '../../../components/ui/action-modal';
import { ReasonField } from '../../../components/ui/reason-field';
import { useCloseNominationRound, type NominationRoundDto } from '../api/rounds';

/** "Kết thúc đợt xét": closes the round (or cancels it) with a reason, after a confirmation. */
export function RoundCloseModal({ round, onClose }: { round: NominationRoundDto; onClose: () => void }) {
  const t = useT();
  const close = useCloseNominationRound(round.id);
  const [reason, setReason] = useState('');
  const [cancel, setCancel] = useState(false);
  const [invalid, setInvalid] = useState<string | undefined>();
  return (
    <ActionModal
      title={t('web.nominations.round.close.title', { title: round.title })}
      submitLabel={t(cancel ? 'web.nominations.round.close.cancelSubmit' : 'web.nominations.round.close.submit')}
      danger
      confirmMessage={t(cancel ? 'web.nominations.round.close.cancelConfirm' : 'web.nominations.round.close.confirm', { title: round.title })}
      validate={() => {
        const ok = reason.trim().length >= LIMITS.reasonMin;
        setInvalid(ok ? undefined : t('web.common.reasonHint', { min: LIMITS.reasonMin }));
        return ok;
      }}
      onSubmit={() => close.mutate({ version: round.version, reason: reason.trim(), cancel }, { onSuccess: onClose })}
      submitting={close.isPending}
      error={close.error}
      onClose={onClose}
      size="md"
    >
      <Text size="sm">{t('web.nominations.round.close.explain')}</Text>
      <ReasonField value={reason} onChange={setReason} error={invalid} />
      <Checkbox label={t('web.nominations.round.close.cancel')} checked={cancel} onChange={(e) => setCancel(e.currentTarget.checked)} data-testid="nround-close-cancel" />
    </ActionModal>
  );
}
