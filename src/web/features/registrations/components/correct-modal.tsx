import { useState } from 'react';
import { Select, Text } from '@mantine/core';
import type { RegistrationDto } from '../../../../contracts/registrations';
import { useT } from '../../../lib/i18n';
import { ActionModal } from '../../../components/ui/action-modal';
import { useCorrectRegistration, useRegistrationOptions } from '../api/registrations';

/** Correct a registration not yet approved (typically a returned one): another title, back to review. */
export function CorrectModal({ registration: r, onClose }: { registration: RegistrationDto; onClose: () => void }) {
  const t = useT();
  const options = useRegistrationOptions({ unitId: r.orgId ?? r.unitId, year: r.year, movementId: r.movementId ?? undefined });
  const correct = useCorrectRegistration();
  const [award, setAward] = useState<string | null>(r.awardCode);
  const awards = (r.subject === 'UNIT' ? options.data?.unitAwards : options.data?.memberAwards) ?? [];
  return (
    <ActionModal title={t('web.registrations.correctTitle', { name: r.subjectName })} onClose={onClose} submitLabel={t('web.common.save')}
      onSubmit={() => award && correct.mutate({ id: r.id, awardCode: award }, { onSuccess: onClose })} validate={() => award !== null}
      submitting={correct.isPending} error={correct.error ?? options.error}>
      {r.reviewReason && <Text size="sm" c="orange.8">{t('web.registrations.field.reason')}: {r.reviewReason}</Text>}
      <Select label={t('web.registrations.form.award')} data={awards.map((a) => ({ value: a.code, label: a.name }))} value={award} onChange={setAward} allowDeselect={false} data-testid="registration-correct-award" />
    </ActionModal>
  );
}
