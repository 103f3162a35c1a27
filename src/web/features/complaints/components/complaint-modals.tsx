import { useState } from 'react';
import { Alert, Checkbox, SegmentedControl, Select, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useDebouncedValue } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { COMPLAINT_LIMITS, COMPLAINT_OUTCOMES } from '../../../../contracts/complaints';
import { useT } from '../../../lib/i18n';
import { todayIso } from '../../../lib/format';
import { ActionModal } from '../../../components/ui/action-modal';
import { DateField } from '../../../components/ui/date-field';
import { LongTextField } from '../../../components/ui/long-text-field';
import { OrgPicker } from '../../../components/ui/org-picker';
import { SubjectPersonPicker } from './complaint-fields';
import { useAcceptComplaint, useDecisionChoices, useLinkComplaint, useNominationChoices, useNotAcceptComplaint, useResolveComplaint, useWithdrawComplaint, type ComplaintDto } from '../api/complaints';

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

/** The statutory second-instance days for the case's flags (Luật Khiếu nại 2011, Điều 37): 45 / 60 / 60 / 70. */
export function secondInstanceDays(complex: boolean, remote: boolean): number {
  if (complex && remote) return 70;
  return complex || remote ? 60 : 45;
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

/**
 * "Gắn đối tượng": what the letter is about — the nomination, the signed decision, and whom (a member
 * or a unit). A complaint or denunciation about someone then blocks awarding them.
 */
export function LinkComplaintModal({ complaint, onClose }: Props) {
  const t = useT();
  const [kind, setKind] = useState<'PERSON' | 'UNIT'>(complaint.subject?.orgId ? 'UNIT' : 'PERSON');
  const [personId, setPersonId] = useState<number | null>(complaint.subject?.personId ?? null);
  const [orgId, setOrgId] = useState<number | null>(complaint.subject?.orgId ?? null);
  const [nominationId, setNominationId] = useState<string | null>(complaint.nominationId ? String(complaint.nominationId) : null);
  const [decisionId, setDecisionId] = useState<string | null>(complaint.decisionId ? String(complaint.decisionId) : null);
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search, 300);
  const nominations = useNominationChoices(q);
  const decisions = useDecisionChoices();
  const link = useLinkComplaint(complaint.id);
  const subject = kind === 'PERSON' ? { personId, subjectOrgId: null } : { personId: null, subjectOrgId: orgId };
  const nominationData = (nominations.data?.items ?? []).map((n) => ({ value: String(n.id), label: `${n.subjectName} · ${n.awardName} (${n.proposerOrgName})` }));
  // The linked nomination stays listed while another search runs.
  if (complaint.nominationId && !nominationData.some((o) => o.value === String(complaint.nominationId))) nominationData.unshift({ value: String(complaint.nominationId), label: t('web.complaints.page.nomination', { id: complaint.nominationId }) });
  return (
    <ActionModal
      title={t('web.complaints.link.title')}
      submitLabel={t('web.complaints.action.link')}
      onClose={onClose}
      submitting={link.isPending}
      error={link.error ?? nominations.error ?? decisions.error}
      onSubmit={() =>
        link.mutate(
          { version: complaint.version, ...subject, nominationId: nominationId === null ? null : Number(nominationId), decisionId: decisionId === null ? null : Number(decisionId) },
          { onSuccess: done(t('web.complaints.link.done'), onClose) },
        )
      }
    >
      <Text size="sm">{t('web.complaints.link.explain')}</Text>
      <SegmentedControl
        fullWidth
        value={kind}
        onChange={(v) => setKind(v as 'PERSON' | 'UNIT')}
        data={[
          { value: 'PERSON', label: t('web.complaints.link.person') },
          { value: 'UNIT', label: t('web.complaints.link.unit') },
        ]}
        aria-label={t('web.complaints.link.subjectKind')}
        data-testid="complaint-link-kind"
      />
      {kind === 'PERSON' ? (
        <SubjectPersonPicker value={personId} onChange={setPersonId} testId="complaint-link-person" />
      ) : (
        <OrgPicker label={t('web.complaints.link.unitPick')} value={orgId} onChange={setOrgId} clearable activeOnly data-testid="complaint-link-org" />
      )}
      <Select
        label={t('web.complaints.link.nomination')}
        placeholder={t('web.complaints.link.nominationPlaceholder')}
        data={nominationData}
        value={nominationId}
        onChange={setNominationId}
        searchable
        searchValue={search}
        onSearchChange={setSearch}
        filter={({ options }) => options}
        nothingFoundMessage={t('web.complaints.link.nothing')}
        clearable
        data-testid="complaint-link-nomination"
      />
      <Select
        label={t('web.complaints.link.decision')}
        placeholder={t('web.complaints.link.decisionPlaceholder')}
        data={(decisions.data?.items ?? []).map((d) => ({ value: String(d.id), label: `${d.numberText ?? d.id} · ${d.subject}` }))}
        value={decisionId}
        onChange={setDecisionId}
        searchable
        nothingFoundMessage={t('web.complaints.link.nothing')}
        clearable
        data-testid="complaint-link-decision"
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
        {complaint.kind === 'DENUNCIATION'
          ? t('web.complaints.accept.denunciationDays', { days: 30 })
          : t('web.complaints.accept.days', { days: complaint.instance === 2 ? secondInstanceDays(complex, remote) : firstInstanceDays(complex, remote) })}
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
      {!complaint.hasResolutionDocument && (
        <Alert color="yellow" icon={<IconAlertTriangle size={18} aria-hidden />} data-testid="complaint-resolve-no-document">
          {t('web.complaints.resolve.noDocument')}
        </Alert>
      )}
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
