import { useState } from 'react';
import { Checkbox, Select, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { COMPLAINT_LIMITS, COMPLAINT_OUTCOMES } from '../../../../contracts/complaints';
import { useT } from '../../../lib/i18n';
import { todayIso } from '../../../lib/format';
import { ActionModal } from '../../../components/ui/action-modal';
import { DateField } from '../../../components/ui/date-field';
import { LongTextField } from '../../../components/ui/long-text-field';
import { PersonPicker } from '../../../components/ui/person-picker';
import { useAcceptComplaint, useLinkComplaint, useNotAcceptComplaint, useResolveComplaint, useWithdrawComplaint, type ComplaintDto } from '../api/complaints';

interface Props {
  complaint: ComplaintDto;
  onClose: () => void;
}

type Outcome = (typeof COMPLAINT_OUTCOMES)[number];

/** The statutory first-instance days for the case's flags (Luật Khiếu nại 2011, Điều 28): 30 / 45 / 45 / 60. */
export function firstInstanceDays(complex: boolean, remote: boolean): number {
  if (complex && remote) return 60;
  return complex || remote ? 45 : 30;
}

function done(message: string, onClose: () => void) {
  return () => {
    notifications.show({ color: 'teal', message });
    onClose();
  };
}

/** A reason or resolution the law keeps with the record (10 to 2,000 characters). */
function TextField({ label, value, onChange, error, testId }: { label: string; value: string; onChange: (v: string) => void; error?: string; testId: string }) {
  const t = useT();
  return <LongTextField label={label} description={t('web.common.reasonHint', { min: COMPLAINT_LIMITS.reasonMin })} value={value} onChange={onChange} error={error} max={COMPLAINT_LIMITS.reasonMax} maxRows={8} testId={testId} />;
}

/** "Gắn người liên quan": the member the letter is about (a complaint or denunciation then blocks awarding them). */
export function LinkComplaintModal({ complaint, onClose }: Props) {
  const t = useT();
  const [personId, setPersonId] = useState<number | null>(complaint.subject?.personId ?? null);
  const [missing, setMissing] = useState(false);
  const link = useLinkComplaint(complaint.id);
  return (
    <ActionModal
      title={t('web.complaints.link.title')}
      submitLabel={t('web.complaints.action.link')}
      onClose={onClose}
      submitting={link.isPending}
      error={link.error}
      validate={() => {
        setMissing(personId === null);
        return personId !== null;
      }}
      onSubmit={() => link.mutate({ version: complaint.version, personId, subjectOrgId: null }, { onSuccess: done(t('web.complaints.link.done'), onClose) })}
    >
      <Text size="sm">{t('web.complaints.link.explain')}</Text>
      <PersonPicker
        label={t('web.complaints.field.personPick')}
        placeholder={t('web.complaints.field.personPlaceholder')}
        nothingFound={t('web.complaints.field.personNone')}
        value={personId}
        onChange={setPersonId}
        error={missing ? t('web.complaints.form.required') : undefined}
        data-testid="complaint-link-person"
      />
    </ActionModal>
  );
}

/** "Thụ lý": the date and the two flags that fix the statutory deadline. */
export function AcceptComplaintModal({ complaint, onClose }: Props) {
  const t = useT();
  const [acceptedOn, setAcceptedOn] = useState<string | null>(todayIso());
  const [complex, setComplex] = useState(complaint.complex);
  const [remote, setRemote] = useState(complaint.remote);
  const accept = useAcceptComplaint(complaint.id);
  return (
    <ActionModal
      title={t('web.complaints.accept.title')}
      submitLabel={t('web.complaints.action.accept')}
      onClose={onClose}
      submitting={accept.isPending}
      error={accept.error}
      validate={() => acceptedOn !== null}
      onSubmit={() => acceptedOn && accept.mutate({ version: complaint.version, acceptedOn, complex, remote }, { onSuccess: done(t('web.complaints.accept.done'), onClose) })}
    >
      <DateField label={t('web.complaints.accept.acceptedOn')} value={acceptedOn} onChange={setAcceptedOn} required minDate={complaint.receivedOn} maxDate={todayIso()} error={acceptedOn === null ? t('web.complaints.form.required') : undefined} data-testid="complaint-accept-date" />
      <Text size="sm">{t('web.complaints.accept.explain')}</Text>
      <Checkbox label={t('web.complaints.accept.complex')} checked={complex} onChange={(e) => setComplex(e.currentTarget.checked)} data-testid="complaint-accept-complex" />
      <Checkbox label={t('web.complaints.accept.remote')} checked={remote} onChange={(e) => setRemote(e.currentTarget.checked)} data-testid="complaint-accept-remote" />
      <Text size="sm" fw={600} aria-live="polite" data-testid="complaint-accept-days">
        {t('web.complaints.accept.days', { days: firstInstanceDays(complex, remote) })}
      </Text>
    </ActionModal>
  );
}

/** "Giải quyết": the outcome and the resolution; asks once more, it closes the letter. */
export function ResolveComplaintModal({ complaint, onClose }: Props) {
  const t = useT();
  const [closedOn, setClosedOn] = useState<string | null>(todayIso());
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [resolution, setResolution] = useState('');
  const [errors, setErrors] = useState<{ outcome?: string; resolution?: string; closedOn?: string }>({});
  const resolve = useResolveComplaint(complaint.id);
  return (
    <ActionModal
      title={t('web.complaints.resolve.title')}
      submitLabel={t('web.complaints.action.resolve')}
      onClose={onClose}
      submitting={resolve.isPending}
      error={resolve.error}
      confirmMessage={outcome ? t('web.complaints.resolve.confirm', { outcome: t(`web.complaints.outcome.${outcome}`) }) : undefined}
      validate={() => {
        const next = {
          closedOn: closedOn === null ? t('web.complaints.form.required') : undefined,
          outcome: outcome === null ? t('web.complaints.form.required') : undefined,
          resolution: resolution.trim().length < COMPLAINT_LIMITS.reasonMin ? t('validation.tooShort', { min: COMPLAINT_LIMITS.reasonMin }) : undefined,
        };
        setErrors(next);
        return !next.closedOn && !next.outcome && !next.resolution;
      }}
      onSubmit={() =>
        closedOn && outcome && resolve.mutate({ version: complaint.version, closedOn, outcome, resolution: resolution.trim() }, { onSuccess: done(t('web.complaints.resolve.done'), onClose) })
      }
    >
      <DateField label={t('web.complaints.resolve.closedOn')} value={closedOn} onChange={setClosedOn} required maxDate={todayIso()} error={errors.closedOn} data-testid="complaint-resolve-date" />
      <Select
        label={t('web.complaints.resolve.outcome')}
        data={COMPLAINT_OUTCOMES.map((o) => ({ value: o, label: t(`web.complaints.outcome.${o}`) }))}
        value={outcome}
        onChange={(v) => setOutcome(v as Outcome | null)}
        required
        error={errors.outcome}
        data-testid="complaint-resolve-outcome"
      />
      <TextField label={t('web.complaints.resolve.resolution')} value={resolution} onChange={setResolution} error={errors.resolution} testId="complaint-resolve-text" />
    </ActionModal>
  );
}

/** "Không thụ lý" and "Ghi nhận rút đơn": the date and the reason; asks once more, it closes the letter. */
export function CloseComplaintModal({ complaint, onClose, mode }: Props & { mode: 'notAccept' | 'withdraw' }) {
  const t = useT();
  const [closedOn, setClosedOn] = useState<string | null>(todayIso());
  const [reason, setReason] = useState('');
  const [short, setShort] = useState(false);
  const notAccept = useNotAcceptComplaint(complaint.id);
  const withdraw = useWithdrawComplaint(complaint.id);
  const action = mode === 'notAccept' ? notAccept : withdraw;
  return (
    <ActionModal
      title={t(`web.complaints.${mode}.title`)}
      submitLabel={t(`web.complaints.action.${mode}`)}
      danger
      onClose={onClose}
      submitting={action.isPending}
      error={action.error}
      confirmMessage={t(`web.complaints.${mode}.confirm`)}
      validate={() => {
        const ok = reason.trim().length >= COMPLAINT_LIMITS.reasonMin && closedOn !== null;
        setShort(reason.trim().length < COMPLAINT_LIMITS.reasonMin);
        return ok;
      }}
      onSubmit={() => closedOn && action.mutate({ version: complaint.version, closedOn, reason: reason.trim() }, { onSuccess: done(t(`web.complaints.${mode}.done`), onClose) })}
    >
      <DateField label={t('web.complaints.close.closedOn')} value={closedOn} onChange={setClosedOn} required maxDate={todayIso()} error={closedOn === null ? t('web.complaints.form.required') : undefined} data-testid="complaint-close-date" />
      <TextField label={t('web.common.reason')} value={reason} onChange={setReason} error={short ? t('validation.tooShort', { min: COMPLAINT_LIMITS.reasonMin }) : undefined} testId="complaint-close-reason" />
    </ActionModal>
  );
}
