import { useState } from 'react';
import { Checkbox, Select, Text, Textarea, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { MODEL_CREDIT_ROLES, MODEL_LIMITS, type ModelCreditRole } from '../../../../contracts/models';
import { LIMITS } from '../../../../contracts/limits';
import { useT } from '../../../lib/i18n';
import { serverFieldErrors } from '../../../lib/errors';
import { todayIso } from '../../../lib/format';
import { ActionModal } from '../../../components/ui/action-modal';
import { DateField } from '../../../components/ui/date-field';
import { LongTextField } from '../../../components/ui/long-text-field';
import { OrgPicker } from '../../../components/ui/org-picker';
import { PersonPicker } from '../../../components/ui/person-picker';
import { SignedDecisionSelect } from '../../stories/components/decision-select';
import { useAddCredit, useAddReplication, useFollowUp, useMoveModel, useRevoke, type ModelDto, type ModelStage } from '../api/models';

interface Props {
  model: ModelDto;
  onClose: () => void;
}

function done(message: string, onClose: () => void) {
  return () => {
    notifications.show({ color: 'teal', message });
    onClose();
  };
}

/** An optional multi-line text (a note, the fostering plan when it is not yet required). */
export function NoteField({ label, description, value, onChange, max = MODEL_LIMITS.noteMax, required, error, testId }: { label: string; description?: string; value: string; onChange: (v: string) => void; max?: number; required?: boolean; error?: string; testId: string }) {
  return (
    <Textarea
      label={label}
      description={description}
      value={value}
      onChange={(e) => onChange(e.currentTarget.value)}
      required={required}
      error={error}
      autosize
      minRows={2}
      maxRows={10}
      maxLength={max}
      data-testid={testId}
    />
  );
}

/**
 * A stage move with what the target stage needs: the fostering plan (and the first check-in date)
 * to start fostering, the recognition date to recognise, a reason to close or reopen.
 */
export function MoveModelModal({ model, to, onClose }: Props & { to: ModelStage }) {
  const t = useT();
  const reopen = model.stage === 'CLOSED';
  const [plan, setPlan] = useState(model.fosteringPlan ?? '');
  const [nextOn, setNextOn] = useState<string | null>(null);
  const [recognisedOn, setRecognisedOn] = useState<string | null>(todayIso());
  const [decisionId, setDecisionId] = useState<number | null>(model.decisionId);
  const [note, setNote] = useState('');
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<Record<string, string | undefined>>({});
  const move = useMoveModel(model.id);
  const needsReason = reopen || to === 'CLOSED';
  // A field being corrected no longer shows its old error.
  const fix =
    <V,>(key: string, setter: (v: V) => void) =>
    (v: V) => {
      setter(v);
      setErrors((prev) => ({ ...prev, [key]: undefined }));
    };
  const shown = { ...serverFieldErrors(move.error), ...errors };
  const title = reopen ? t('web.models.move.title.reopen', { stage: t(`web.models.stage.${to}`) }) : t(`web.models.move.title.${to as 'FOSTERING' | 'RECOGNISED' | 'REPLICATED' | 'CLOSED'}`);
  return (
    <ActionModal
      title={title}
      submitLabel={reopen ? t('web.models.action.reopen') : t(`web.models.action.to.${to as 'FOSTERING' | 'RECOGNISED' | 'REPLICATED' | 'CLOSED'}`)}
      danger={to === 'CLOSED'}
      confirmMessage={to === 'CLOSED' ? t('web.models.move.closeConfirm') : undefined}
      onClose={onClose}
      submitting={move.isPending}
      error={move.error}
      validate={() => {
        const required = t('web.models.form.required');
        const next = {
          fosteringPlan: !reopen && to === 'FOSTERING' && plan.trim() === '' ? required : undefined,
          recognisedOn: !reopen && to === 'RECOGNISED' && recognisedOn === null ? required : undefined,
          reason: needsReason && reason.trim().length < LIMITS.reasonMin ? t('validation.tooShort', { min: LIMITS.reasonMin }) : undefined,
        };
        setErrors(next);
        return !Object.values(next).some(Boolean);
      }}
      onSubmit={() =>
        move.mutate(
          {
            version: model.version,
            to,
            note: note.trim() || null,
            fosteringPlan: !reopen && to === 'FOSTERING' ? plan.trim() : undefined,
            nextOn: !reopen && to === 'FOSTERING' ? nextOn : undefined,
            recognisedOn: !reopen && to === 'RECOGNISED' ? recognisedOn : undefined,
            decisionId: !reopen && to === 'RECOGNISED' ? decisionId : undefined,
            reason: needsReason ? reason.trim() : undefined,
          },
          { onSuccess: done(t('web.models.move.done'), onClose) },
        )
      }
    >
      {!reopen && to === 'FOSTERING' && (
        <>
          <LongTextField label={t('web.models.field.plan')} description={t('web.models.field.planHint')} value={plan} onChange={fix('fosteringPlan', setPlan)} max={MODEL_LIMITS.planMax} error={shown.fosteringPlan} testId="model-move-plan" />
          <DateField label={t('web.models.field.nextOn')} value={nextOn} onChange={setNextOn} clearable minDate={todayIso()} error={shown.nextOn} data-testid="model-move-next" />
        </>
      )}
      {!reopen && to === 'RECOGNISED' && (
        <>
          <DateField label={t('web.models.field.recognisedOn')} value={recognisedOn} onChange={fix('recognisedOn', setRecognisedOn)} required minDate={model.discoveredOn} maxDate={todayIso()} error={shown.recognisedOn} data-testid="model-move-recognised" />
          <SignedDecisionSelect
            orgId={model.orgId}
            value={decisionId}
            onChange={fix('decisionId', setDecisionId)}
            label={t('web.models.field.decision')}
            description={t('web.models.field.decisionHint')}
            noneLabel={t('web.models.field.decisionNone')}
            error={shown.decisionId}
            testId="model-move-decision"
          />
        </>
      )}
      {!reopen && to === 'REPLICATED' && <Text size="sm">{t('web.models.move.replicatedHint', { count: model.activeReplications })}</Text>}
      {needsReason ? (
        <LongTextField label={t('web.common.reason')} description={t('web.common.reasonHint', { min: LIMITS.reasonMin })} value={reason} onChange={fix('reason', setReason)} max={LIMITS.textMax} error={shown.reason} testId="model-move-reason" />
      ) : (
        <NoteField label={t('web.models.field.note')} value={note} onChange={setNote} testId="model-move-note" />
      )}
      {shown.to && (
        <Text size="sm" c="red.9" role="alert">
          {shown.to}
        </Text>
      )}
    </ActionModal>
  );
}

/** "Ghi kiểm tra": what the check-in found and when the next one is. */
export function FollowUpModal({ model, onClose }: Props) {
  const t = useT();
  const [note, setNote] = useState('');
  const [nextOn, setNextOn] = useState<string | null>(null);
  const [short, setShort] = useState(false);
  const followUp = useFollowUp(model.id);
  return (
    <ActionModal
      title={t('web.models.followUp.title')}
      submitLabel={t('web.models.action.followUp')}
      onClose={onClose}
      submitting={followUp.isPending}
      error={followUp.error}
      validate={() => {
        setShort(note.trim().length < 5);
        return note.trim().length >= 5;
      }}
      onSubmit={() => followUp.mutate({ note: note.trim(), nextOn }, { onSuccess: done(t('web.models.followUp.done'), onClose) })}
    >
      <LongTextField label={t('web.models.field.note')} value={note} onChange={setNote} max={MODEL_LIMITS.noteMax} error={short ? t('validation.tooShort', { min: 5 }) : undefined} testId="model-follow-up-note" />
      <DateField label={t('web.models.field.nextOn')} value={nextOn} onChange={setNextOn} clearable minDate={todayIso()} data-testid="model-follow-up-next" />
    </ActionModal>
  );
}

/** "Thêm đơn vị nhân rộng": the unit, since when, and what it does. */
export function ReplicationModal({ model, onClose }: Props) {
  const t = useT();
  const [orgId, setOrgId] = useState<number | null>(null);
  const [startedOn, setStartedOn] = useState<string | null>(todayIso());
  const [note, setNote] = useState('');
  const [missing, setMissing] = useState(false);
  const add = useAddReplication(model.id);
  const shown = serverFieldErrors(add.error);
  return (
    <ActionModal
      title={t('web.models.replication.title')}
      submitLabel={t('web.models.action.addReplication')}
      onClose={onClose}
      submitting={add.isPending}
      error={add.error}
      validate={() => {
        setMissing(orgId === null || startedOn === null);
        return orgId !== null && startedOn !== null;
      }}
      onSubmit={() => orgId !== null && startedOn !== null && add.mutate({ orgId, startedOn, note: note.trim() || null }, { onSuccess: done(t('web.models.replication.done'), onClose) })}
    >
      <OrgPicker label={t('web.models.field.unit')} value={orgId} onChange={setOrgId} required activeOnly error={shown.orgId ?? (missing && orgId === null ? t('web.models.form.required') : undefined)} data-testid="model-replication-org" />
      <DateField label={t('web.models.field.startedOn')} value={startedOn} onChange={setStartedOn} required minDate={model.recognisedOn ?? undefined} maxDate={todayIso()} error={shown.startedOn ?? (missing && startedOn === null ? t('web.models.form.required') : undefined)} data-testid="model-replication-started" />
      <NoteField label={t('web.models.field.note')} value={note} onChange={setNote} testId="model-replication-note" />
    </ActionModal>
  );
}

/** "Ghi công": a member in scope, or a name, with what they did for the entry. */
export function CreditModal({ model, onClose }: Props) {
  const t = useT();
  const [member, setMember] = useState(true);
  const [personId, setPersonId] = useState<number | null>(null);
  const [name, setName] = useState('');
  const [role, setRole] = useState<ModelCreditRole>('DISCOVERED');
  const [note, setNote] = useState('');
  const [missing, setMissing] = useState(false);
  const add = useAddCredit(model.id);
  const shown = serverFieldErrors(add.error);
  const required = t('web.models.form.required');
  return (
    <ActionModal
      title={t('web.models.credit.title')}
      submitLabel={t('web.models.action.addCredit')}
      onClose={onClose}
      submitting={add.isPending}
      error={add.error}
      validate={() => {
        const bad = member ? personId === null : name.trim().length < 2;
        setMissing(bad);
        return !bad;
      }}
      onSubmit={() =>
        add.mutate({ personId: member ? personId : null, name: member ? null : name.trim(), role, note: note.trim() || null }, { onSuccess: done(t('web.models.credit.done'), onClose) })
      }
    >
      <Select
        label={t('web.models.field.creditRole')}
        data={MODEL_CREDIT_ROLES.map((r) => ({ value: r, label: t(`web.models.credit.${r}`) }))}
        value={role}
        onChange={(v) => v && setRole(v as ModelCreditRole)}
        allowDeselect={false}
        required
        data-testid="model-credit-role"
      />
      <Checkbox label={t('web.models.field.creditMember')} checked={member} onChange={(e) => setMember(e.currentTarget.checked)} data-testid="model-credit-member" />
      {member ? (
        <PersonPicker
          label={t('web.models.field.person')}
          placeholder={t('web.models.field.personPlaceholder')}
          nothingFound={t('web.models.field.personNone')}
          value={personId}
          onChange={setPersonId}
          error={shown.personId ?? (missing ? required : undefined)}
          data-testid="model-credit-person"
        />
      ) : (
        <TextInput label={t('web.models.field.creditName')} value={name} onChange={(e) => setName(e.currentTarget.value)} maxLength={MODEL_LIMITS.creditNameMax} required error={shown.name ?? (missing ? required : undefined)} data-testid="model-credit-name" />
      )}
      <NoteField label={t('web.models.field.note')} value={note} onChange={setNote} testId="model-credit-note" />
    </ActionModal>
  );
}

/** "Thu hồi" a replicating unit or a credit: kept, with the reason. */
export function RevokeModal({ model, what, itemId, onClose }: Props & { what: 'replications' | 'credits'; itemId: number }) {
  const t = useT();
  const [reason, setReason] = useState('');
  const [short, setShort] = useState(false);
  const revoke = useRevoke(model.id);
  return (
    <ActionModal
      title={t(what === 'replications' ? 'web.models.revoke.replicationTitle' : 'web.models.revoke.creditTitle')}
      submitLabel={t('web.models.action.revoke')}
      danger
      onClose={onClose}
      submitting={revoke.isPending}
      error={revoke.error}
      validate={() => {
        setShort(reason.trim().length < LIMITS.reasonMin);
        return reason.trim().length >= LIMITS.reasonMin;
      }}
      onSubmit={() => revoke.mutate({ what, itemId, reason: reason.trim() }, { onSuccess: done(t('web.models.revoke.done'), onClose) })}
    >
      <LongTextField label={t('web.common.reason')} description={t('web.common.reasonHint', { min: LIMITS.reasonMin })} value={reason} onChange={setReason} max={LIMITS.textMax} error={short ? t('validation.tooShort', { min: LIMITS.reasonMin }) : undefined} testId="model-revoke-reason" />
    </ActionModal>
  );
}
