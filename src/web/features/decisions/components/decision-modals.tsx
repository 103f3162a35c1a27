import { useState } from 'react';
import { Checkbox, Select, Stack, Switch, Text, Textarea, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { DECISION_ROUNDINGS, type UpdateDecisionInput } from '../../../../contracts/decisions';
import { useT } from '../../../lib/i18n';
import { todayIso } from '../../../lib/format';
import { ApiError } from '../../../lib/api-client';
import { ActionModal } from '../../../components/ui/action-modal';
import { DateField } from '../../../components/ui/date-field';
import { ReasonField } from '../../../components/ui/reason-field';
import { useDecisionOn, usePublishDecision, useRevokeDecision, useSignDecision, useUpdateDecision, type DecisionDto } from '../api/decisions';
import { formatDate, formatNumber } from '../../../lib/format';

const lines = (text: string) => text.split('\n').map((l) => l.trim()).filter((l) => l !== '');

/** "Sửa dự thảo": the texts of the draft, sent with its version. */
export function EditDecisionModal({ decision, onClose }: { decision: DecisionDto; onClose: () => void }) {
  const t = useT();
  const update = useUpdateDecision(decision.id);
  const [subject, setSubject] = useState(decision.subject);
  const [place, setPlace] = useState(decision.place);
  const [basis, setBasis] = useState(decision.basis.join('\n'));
  const [execution, setExecution] = useState(decision.execution);
  const [onBehalf, setOnBehalf] = useState(decision.signer.onBehalf);
  const [title, setTitle] = useState(decision.signer.title);
  const [name, setName] = useState(decision.signer.name ?? '');
  const [recipients, setRecipients] = useState(decision.recipients.join('\n'));
  const [rounding, setRounding] = useState<UpdateDecisionInput['rounding']>(decision.rounding);
  // Điều 1 prints one achievement text per award ("đã có thành tích xuất sắc …").
  const awards = [...new Map(decision.items.map((i) => [i.awardCode, { code: i.awardCode, name: i.awardName, text: i.achievement }])).values()];
  const [achievements, setAchievements] = useState<Record<string, string>>(() => Object.fromEntries(awards.map((a) => [a.code, a.text])));
  const [checked, setChecked] = useState(false);
  const required = (v: string) => (checked && v.trim() === '' ? t('web.decisions.edit.required') : undefined);
  const fields = [subject, place, basis, execution, onBehalf, title, recipients, ...Object.values(achievements)];

  return (
    <ActionModal
      title={t('web.decisions.edit.title')}
      submitLabel={t('web.decisions.edit.submit')}
      onClose={onClose}
      submitting={update.isPending}
      error={update.error}
      validate={() => {
        setChecked(true);
        return fields.every((f) => f.trim() !== '');
      }}
      onSubmit={() =>
        update.mutate(
          {
            version: decision.version,
            subject: subject.trim(),
            place: place.trim(),
            basis: lines(basis),
            execution: execution.trim(),
            signer: { onBehalf: onBehalf.trim(), title: title.trim(), name: name.trim() === '' ? null : name.trim() },
            recipients: lines(recipients),
            rounding,
            achievements: Object.fromEntries(Object.entries(achievements).map(([code, text]) => [code, text.trim()])),
          },
          {
            onSuccess: () => {
              notifications.show({ color: 'teal', message: t('web.decisions.edit.done') });
              onClose();
            },
          },
        )
      }
    >
      <Textarea label={t('web.decisions.field.subject')} value={subject} onChange={(e) => setSubject(e.currentTarget.value)} required autosize minRows={2} maxLength={500} error={required(subject)} data-testid="decision-edit-subject" />
      <TextInput label={t('web.decisions.field.place')} value={place} onChange={(e) => setPlace(e.currentTarget.value)} required maxLength={100} error={required(place)} />
      <Textarea label={t('web.decisions.field.basis')} value={basis} onChange={(e) => setBasis(e.currentTarget.value)} required autosize minRows={3} maxRows={10} error={required(basis)} />
      {awards.map((a) => (
        <Textarea
          key={a.code}
          label={t('web.decisions.field.achievement', { award: a.name })}
          value={achievements[a.code] ?? ''}
          onChange={(e) => {
            const value = e.currentTarget.value;
            setAchievements((prev) => ({ ...prev, [a.code]: value }));
          }}
          required
          autosize
          minRows={2}
          maxLength={1000}
          error={required(achievements[a.code] ?? '')}
          data-testid="decision-edit-achievement"
          data-award={a.code}
        />
      ))}
      <Textarea label={t('web.decisions.field.execution')} value={execution} onChange={(e) => setExecution(e.currentTarget.value)} required autosize minRows={2} maxLength={2000} error={required(execution)} />
      <TextInput label={t('web.decisions.field.signerOnBehalf')} value={onBehalf} onChange={(e) => setOnBehalf(e.currentTarget.value)} required maxLength={120} error={required(onBehalf)} />
      <TextInput label={t('web.decisions.field.signerTitle')} value={title} onChange={(e) => setTitle(e.currentTarget.value)} required maxLength={120} error={required(title)} />
      <TextInput label={t('web.decisions.field.signerName')} value={name} onChange={(e) => setName(e.currentTarget.value)} maxLength={120} />
      <Textarea label={t('web.decisions.field.recipients')} value={recipients} onChange={(e) => setRecipients(e.currentTarget.value)} required autosize minRows={3} maxRows={10} error={required(recipients)} />
      <Select
        label={t('web.decisions.field.rounding')}
        data={DECISION_ROUNDINGS.map((r) => ({ value: r, label: t(`web.decisions.rounding.${r}`) }))}
        value={rounding ?? null}
        onChange={(v) => v && setRounding(v as UpdateDecisionInput['rounding'])}
        allowDeselect={false}
      />
    </ActionModal>
  );
}

/** "Công khai": the issued copy goes on the organisation's public pages (it cannot be taken back). */
export function PublishDecisionModal({ decision, onClose }: { decision: DecisionDto; onClose: () => void }) {
  const t = useT();
  const publish = usePublishDecision(decision.id);
  return (
    <ActionModal
      title={t('web.decisions.publish.title')}
      submitLabel={t('web.decisions.publish.submit')}
      confirmMessage={t('web.decisions.publish.confirm')}
      onClose={onClose}
      submitting={publish.isPending}
      error={publish.error}
      onSubmit={() =>
        publish.mutate(undefined, {
          onSuccess: () => {
            notifications.show({ color: 'teal', message: t('web.decisions.publish.done') });
            onClose();
          },
        })
      }
    >
      <Text size="sm">{t('web.decisions.publish.text', { number: decision.numberText ?? '' })}</Text>
    </ActionModal>
  );
}

/** "Ký ban hành": the date of signature and the signer; an over-budget refusal can be confirmed. */
export function SignDecisionModal({ decision, onClose }: { decision: DecisionDto; onClose: () => void }) {
  const t = useT();
  const sign = useSignDecision(decision.id);
  const [signedOn, setSignedOn] = useState<string | null>(todayIso());
  const [signerName, setSignerName] = useState(decision.signer.name ?? '');
  const [publish, setPublish] = useState(false);
  const overBudget = sign.error instanceof ApiError && (sign.error.details as { reason?: string } | undefined)?.reason === 'OVER_BUDGET';
  // The money and the fund of the year of the chosen date: what signing on it will meet.
  const on = useDecisionOn(decision.id, signedOn);
  const fund = on.data?.fund ?? null;

  const send = (overBudgetConfirmed: boolean) => {
    if (signedOn === null) return;
    sign.mutate(
      { version: decision.version, signedOn, signerName: signerName.trim() === '' ? undefined : signerName.trim(), publish, ...(overBudgetConfirmed ? { overBudgetConfirmed } : {}) },
      {
        onSuccess: (d) => {
          notifications.show({ color: 'teal', message: t('web.decisions.sign.done', { number: d.numberText ?? '' }) });
          onClose();
        },
      },
    );
  };

  return (
    <ActionModal
      title={t('web.decisions.sign.title')}
      submitLabel={overBudget ? t('web.decisions.sign.overBudget') : t('web.decisions.sign.submit')}
      onClose={onClose}
      submitting={sign.isPending}
      error={overBudget ? undefined : sign.error}
      confirmMessage={
        overBudget && sign.error instanceof ApiError ? (
          <Stack gap={4} data-testid="decision-over-budget">
            <Text size="sm" fw={600}>
              {t('web.decisions.sign.overBudgetTitle')}
            </Text>
            <Text size="sm">{sign.error.message}</Text>
          </Stack>
        ) : (
          t('web.decisions.sign.confirm')
        )
      }
      validate={() => signedOn !== null}
      // After the server's over-budget refusal, the confirmation says so and resends confirmed.
      onSubmit={() => send(overBudget)}
    >
      <DateField label={t('web.decisions.sign.date')} value={signedOn} onChange={setSignedOn} required maxDate={todayIso()} data-testid="decision-sign-date" />
      {fund && signedOn && (
        <Stack gap={2} data-testid="decision-sign-fund" data-year={fund.year} data-over={fund.overBudget ? 'true' : 'false'}>
          <Text size="sm">{t('web.decisions.fund.dateYear', { date: formatDate(signedOn), year: fund.year })}</Text>
          <Text size="sm">
            {fund.budgetVnd === null
              ? t('web.decisions.fund.noBudget', { year: fund.year, paid: formatNumber(fund.paidVnd) })
              : t('web.decisions.fund.text', { budget: formatNumber(fund.budgetVnd), paid: formatNumber(fund.paidVnd), balance: formatNumber(fund.balanceAfterVnd) })}
          </Text>
          {fund.overBudget && (
            <Text size="sm" fw={600} c="red.9">
              {t('web.decisions.fund.over')}
            </Text>
          )}
        </Stack>
      )}
      <TextInput label={t('web.decisions.field.signerName')} value={signerName} onChange={(e) => setSignerName(e.currentTarget.value)} maxLength={120} data-testid="decision-sign-name" />
      <Switch label={t('web.decisions.sign.publish')} checked={publish} onChange={(e) => setPublish(e.currentTarget.checked)} data-testid="decision-sign-publish" />
    </ActionModal>
  );
}

/** "Thu hồi" (Điều 93): some lines or the whole decision, with the ground and the revoking decision. */
export function RevokeDecisionModal({ decision, onClose }: { decision: DecisionDto; onClose: () => void }) {
  const t = useT();
  const revoke = useRevokeDecision(decision.id);
  const active = decision.items.filter((i) => i.status === 'ACTIVE');
  const [all, setAll] = useState(true);
  const [chosen, setChosen] = useState<string[]>([]);
  const [reason, setReason] = useState('');
  const [revokingDecision, setRevokingDecision] = useState('');
  const [revokedOn, setRevokedOn] = useState<string | null>(todayIso());
  const [checked, setChecked] = useState(false);
  const reasonOk = reason.trim().length >= 10;
  const textOk = revokingDecision.trim().length >= 3;

  return (
    <ActionModal
      title={t('web.decisions.revoke.title')}
      submitLabel={t('web.decisions.revoke.submit')}
      onClose={onClose}
      danger
      submitting={revoke.isPending}
      error={revoke.error}
      confirmMessage={t('web.decisions.revoke.confirm')}
      validate={() => {
        setChecked(true);
        return reasonOk && textOk && revokedOn !== null && (all || chosen.length > 0);
      }}
      onSubmit={() => {
        if (revokedOn === null) return;
        revoke.mutate(
          { reason: reason.trim(), revokingDecision: revokingDecision.trim(), revokedOn, ...(all ? {} : { itemIds: chosen.map(Number) }) },
          {
            onSuccess: () => {
              notifications.show({ color: 'teal', message: t('web.decisions.revoke.done') });
              onClose();
            },
          },
        );
      }}
    >
      <Switch label={t('web.decisions.revoke.all')} checked={all} onChange={(e) => setAll(e.currentTarget.checked)} data-testid="decision-revoke-all" />
      {!all && (
        <Checkbox.Group label={t('web.decisions.revoke.lines')} value={chosen} onChange={setChosen} error={checked && chosen.length === 0 ? t('web.decisions.revoke.noLines') : undefined}>
          <Stack gap={6} mt={6}>
            {active.map((i) => (
              <Checkbox key={i.id} value={String(i.id)} label={`${i.subjectName} — ${i.awardName}`} />
            ))}
          </Stack>
        </Checkbox.Group>
      )}
      <ReasonField value={reason} onChange={setReason} error={checked && !reasonOk ? t('web.common.reasonHint', { min: 10 }) : undefined} />
      <TextInput label={t('web.decisions.revoke.decision')} value={revokingDecision} onChange={(e) => setRevokingDecision(e.currentTarget.value)} required maxLength={300} error={checked && !textOk ? t('web.decisions.edit.required') : undefined} />
      <DateField label={t('web.decisions.revoke.date')} value={revokedOn} onChange={setRevokedOn} required maxDate={todayIso()} />
    </ActionModal>
  );
}
