import { useState } from 'react';
import { Grid, NumberInput, SegmentedControl, Select, Stack, Text, Textarea } from '@mantine/core';
import { LIMITS } from '../../../../contracts/limits';
import { useT } from '../../../lib/i18n';
import { ActionModal } from '../../../components/ui/action-modal';
import { ReasonField } from '../../../components/ui/reason-field';
import { useItemCounts, useItemRecusal, useWithdrawItem, useWrittenVote, type MeetingDto, type MeetingItemDto, type VoteChoice } from '../api/meetings';
import { ReceiptNotice } from './receipt';

const CHOICES: readonly VoteChoice[] = ['YES', 'NO', 'ABSTAIN'];

/** "Thêm người không tham gia biểu quyết" for one item, with the reason given at the meeting. */
export function RecusalModal({ meeting, item, onClose }: { meeting: MeetingDto; item: MeetingItemDto; onClose: () => void }) {
  const t = useT();
  const recuse = useItemRecusal(meeting.id);
  const already = new Set(item.recusals.map((r) => r.memberId));
  const [memberId, setMemberId] = useState<string | null>(null);
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<{ member?: string; note?: string }>({});
  return (
    <ActionModal
      title={t('web.councils.recusal.title', { subject: item.subjectName })}
      submitLabel={t('web.councils.recusal.submit')}
      onClose={onClose}
      submitting={recuse.isPending}
      error={recuse.error}
      validate={() => {
        const next = { member: memberId === null ? t('web.councils.recusal.memberRequired') : undefined, note: note.trim() === '' ? t('web.councils.recusal.noteRequired') : undefined };
        setErrors(next);
        return !next.member && !next.note;
      }}
      onSubmit={() => recuse.mutate({ itemId: item.id, memberId: Number(memberId), note: note.trim() }, { onSuccess: onClose })}
      size="md"
    >
      <Select
        label={t('web.councils.recusal.member')}
        data={meeting.attendance.filter((a) => !already.has(a.memberId)).map((a) => ({ value: String(a.memberId), label: a.fullName }))}
        value={memberId}
        onChange={setMemberId}
        error={errors.member}
        required
        data-testid="recusal-member"
      />
      <Textarea label={t('web.councils.recusal.note')} value={note} onChange={(e) => setNote(e.currentTarget.value)} error={errors.note} required autosize minRows={2} maxLength={500} data-testid="recusal-note" />
    </ActionModal>
  );
}

/** "Rút khỏi chương trình": the item is kept, marked withdrawn with the reason. */
export function WithdrawItemModal({ meeting, item, onClose }: { meeting: MeetingDto; item: MeetingItemDto; onClose: () => void }) {
  const t = useT();
  const withdraw = useWithdrawItem(meeting.id);
  const [reason, setReason] = useState('');
  const [invalid, setInvalid] = useState<string | undefined>();
  return (
    <ActionModal
      title={t('web.councils.withdraw.title', { subject: item.subjectName })}
      submitLabel={t('web.councils.withdraw.submit')}
      danger
      confirmMessage={t('web.councils.withdraw.confirm', { subject: item.subjectName })}
      validate={() => {
        const ok = reason.trim().length >= LIMITS.reasonMin;
        setInvalid(ok ? undefined : t('web.common.reasonHint', { min: LIMITS.reasonMin }));
        return ok;
      }}
      onSubmit={() => withdraw.mutate({ itemId: item.id, reason: reason.trim() }, { onSuccess: onClose })}
      submitting={withdraw.isPending}
      error={withdraw.error}
      onClose={onClose}
      size="md"
    >
      <ReasonField value={reason} onChange={setReason} error={invalid} />
    </ActionModal>
  );
}

/** "Nhập kết quả kiểm phiếu": counts of a paper ballot or a show of hands, checked by the server against who may vote. */
export function CountsModal({ meeting, item, onClose }: { meeting: MeetingDto; item: MeetingItemDto; onClose: () => void }) {
  const t = useT();
  const save = useItemCounts(meeting.id);
  const [values, setValues] = useState({ yes: 0, no: 0, abstain: 0, invalid: 0, written: 0 });
  const field = (key: keyof typeof values, label: string) => (
    <NumberInput
      label={label}
      value={values[key]}
      onChange={(v) => setValues((cur) => ({ ...cur, [key]: typeof v === 'number' ? v : Number(v) || 0 }))}
      min={0}
      max={999}
      allowDecimal={false}
      allowNegative={false}
      size="md"
      data-testid={`counts-${key}`}
    />
  );
  const sum = values.yes + values.no + values.abstain + values.invalid;
  return (
    <ActionModal
      title={t('web.councils.counts.title', { subject: item.subjectName })}
      submitLabel={t('web.councils.counts.submit')}
      confirmMessage={t('web.councils.counts.confirm', { yes: values.yes, no: values.no, abstain: values.abstain, invalid: values.invalid })}
      onClose={onClose}
      submitting={save.isPending}
      error={save.error}
      onSubmit={() => save.mutate({ itemId: item.id, ...values }, { onSuccess: onClose })}
      size="md"
    >
      <Text size="sm">{t(`web.councils.counts.explain.${item.method}`)}</Text>
      <Grid gap="sm">
        <Grid.Col span={6}>{field('yes', t('web.councils.choice.YES'))}</Grid.Col>
        <Grid.Col span={6}>{field('no', t('web.councils.choice.NO'))}</Grid.Col>
        <Grid.Col span={6}>{field('abstain', t('web.councils.choice.ABSTAIN'))}</Grid.Col>
        <Grid.Col span={6}>{field('invalid', t('web.councils.counts.invalid'))}</Grid.Col>
        {item.rule.writtenVotesFromAbsent && <Grid.Col span={12}>{field('written', t('web.councils.counts.written'))}</Grid.Col>}
      </Grid>
      <Text size="sm" data-testid="counts-sum">
        {t('web.councils.counts.sum', { count: sum })}
      </Text>
    </ActionModal>
  );
}

/** "Ghi phiếu bằng văn bản": the written vote an absent member sent in, entered by the vote counters. */
export function WrittenVoteModal({ meeting, item, onClose }: { meeting: MeetingDto; item: MeetingItemDto; onClose: () => void }) {
  const t = useT();
  const record = useWrittenVote(meeting.id);
  const recused = new Set(item.recusals.map((r) => r.memberId));
  const absent = meeting.attendance.filter((a) => a.status === 'ABSENT' && !recused.has(a.memberId));
  const [memberId, setMemberId] = useState<string | null>(null);
  const [choice, setChoice] = useState<VoteChoice>('YES');
  const [invalid, setInvalid] = useState<string | undefined>();
  if (record.data) {
    return (
      <ActionModal title={t('web.councils.written.title', { subject: item.subjectName })} submitLabel={t('web.councils.receipt.done')} onClose={onClose} onSubmit={onClose} size="md">
        <Text size="sm">{t('web.councils.written.receiptFor', { name: absent.find((a) => String(a.memberId) === memberId)?.fullName ?? '' })}</Text>
        <ReceiptNotice receipt={record.data.receipt} count={record.data.items.length} />
      </ActionModal>
    );
  }
  return (
    <ActionModal
      title={t('web.councils.written.title', { subject: item.subjectName })}
      submitLabel={t('web.councils.written.submit')}
      confirmMessage={t('web.councils.written.confirm')}
      onClose={onClose}
      submitting={record.isPending}
      error={record.error}
      validate={() => {
        setInvalid(memberId === null ? t('web.councils.written.memberRequired') : undefined);
        return memberId !== null;
      }}
      onSubmit={() => record.mutate({ itemId: item.id, memberId: Number(memberId), choice })}
      size="md"
    >
      <Text size="sm">{t('web.councils.written.explain')}</Text>
      <Select label={t('web.councils.written.member')} data={absent.map((a) => ({ value: String(a.memberId), label: a.fullName }))} value={memberId} onChange={setMemberId} error={invalid} required data-testid="written-member" />
      <Stack gap={4}>
        <Text size="sm" fw={500}>
          {t('web.councils.written.choice')}
        </Text>
        <SegmentedControl
          fullWidth
          size="md"
          value={choice}
          onChange={(v) => setChoice(v as VoteChoice)}
          data={CHOICES.map((c) => ({ value: c, label: t(`web.councils.choice.${c}`) }))}
          aria-label={t('web.councils.written.choice')}
          data-testid="written-choice"
        />
      </Stack>
    </ActionModal>
  );
}
