import { useState } from 'react';
import { Alert, Badge, Button, Checkbox, Group, Paper, Progress, Select, Stack, Text } from '@mantine/core';
import { IconClipboardList, IconHandStop, IconPencil, IconUserOff, IconX } from '@tabler/icons-react';
import { VOTE_METHODS } from '../../../../contracts/councils';
import { useT } from '../../../lib/i18n';
import { formatDate } from '../../../lib/format';
import { hasAbility } from '../../../lib/session';
import { ErrorAlert } from '../../../components/ui/error-alert';
import { useItemMethod, type MeetingDto, type MeetingItemDto, type VoteMethod } from '../api/meetings';
import { ItemStatusBadge, OutcomeBadge } from './badges';
import { CountsModal, RecusalModal, WithdrawItemModal, WrittenVoteModal } from './item-modals';

/** Members who may vote on the item: present (or absent with a written vote, when the rule allows), not recused. */
export function eligibleVoters(meeting: MeetingDto, item: MeetingItemDto): number {
  const recused = new Set(item.recusals.map((r) => r.memberId));
  return meeting.attendance.filter((a) => !recused.has(a.memberId) && (a.status === 'PRESENT' || (item.rule.writtenVotesFromAbsent && a.status === 'ABSENT'))).length;
}

type Dialog = 'recusal' | 'withdraw' | 'counts' | 'written' | null;

/** One agenda item in the meeting room: the rule, who stands aside and why, the vote as it goes, the result. */
export function ItemCard({ meeting, item, selected, onSelect }: { meeting: MeetingDto; item: MeetingItemDto; selected: boolean; onSelect?: (on: boolean) => void }) {
  const t = useT();
  const [dialog, setDialog] = useState<Dialog>(null);
  const method = useItemMethod(meeting.id);
  const canAgenda = hasAbility(meeting, 'meeting.agenda');
  const canCount = hasAbility(meeting, 'meeting.count');
  const live = meeting.status !== 'CANCELLED';
  const voters = eligibleVoters(meeting, item);
  const online = item.method === 'SECRET_ONLINE';
  const hasAbsent = meeting.attendance.some((a) => a.status === 'ABSENT' && !item.recusals.some((r) => r.memberId === a.memberId));

  return (
    <Paper withBorder p="md" data-testid="meeting-item" data-item={item.id} data-status={item.status}>
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start" gap="sm" wrap="nowrap">
          <Group gap="sm" align="flex-start" wrap="nowrap" style={{ minWidth: 0 }}>
            {onSelect && (
              <Checkbox mt={4} checked={selected} onChange={(e) => onSelect(e.currentTarget.checked)} aria-label={t('web.councils.item.select', { subject: item.subjectName })} data-testid="item-select" />
            )}
            <Stack gap={2} style={{ minWidth: 0 }}>
              <Text fw={600} data-testid="item-subject">
                {item.position}. {item.subjectName}
                {item.unitName ? ` – ${item.unitName}` : ''}
              </Text>
              <Text size="sm">{item.awardName}</Text>
            </Stack>
          </Group>
          <ItemStatusBadge status={item.status} />
        </Group>

        <Text size="sm" c="dimmed" data-testid="item-rule">
          {t('web.councils.item.rule', { text: item.rule.text })}
        </Text>

        <Group gap="xs" wrap="wrap">
          {item.status === 'PENDING' && canAgenda && live ? (
            <Select
              size="sm"
              label={t('web.councils.item.method')}
              data={VOTE_METHODS.map((m) => ({ value: m, label: t(`web.councils.method.${m}`), disabled: m === 'SHOW_OF_HANDS' && item.rule.secret }))}
              value={item.method}
              onChange={(v) => v && v !== item.method && method.mutate({ itemId: item.id, method: v as VoteMethod })}
              allowDeselect={false}
              disabled={method.isPending}
              w={{ base: '100%', sm: 300 }}
              data-testid="item-method"
            />
          ) : (
            <Badge variant="outline" color="gray" style={{ textTransform: 'none' }} data-testid="item-method-label">
              {t(`web.councils.method.${item.method}`)}
            </Badge>
          )}
        </Group>
        <ErrorAlert error={method.error} />

        {item.consultationEndsOn && item.status === 'PENDING' && (
          <Alert color="yellow" variant="light" data-testid="item-consultation">
            {t('web.councils.item.consultation', { date: formatDate(item.consultationEndsOn) })}
          </Alert>
        )}

        <Stack gap={4} data-testid="item-recusals">
          {item.recusals.length > 0 && (
            <Text size="sm" fw={500}>
              {t('web.councils.item.recusalsTitle')}
            </Text>
          )}
          {item.recusals.map((r) => (
            <Text key={r.memberId} size="sm" data-testid="item-recusal" data-reason={r.reason}>
              <IconUserOff size={14} aria-hidden style={{ verticalAlign: 'middle' }} /> {r.fullName}: {t(`web.councils.recusal.reason.${r.reason}`)}
              {r.note ? ` (${r.note})` : ''}
            </Text>
          ))}
        </Stack>

        {item.status === 'VOTING' &&
          (item.method === 'SECRET_ONLINE' ? (
            <Stack gap={4} data-testid="item-progress">
              <Text size="sm" fw={600} data-testid="item-voted">
                {t('web.councils.item.voted', { voted: item.votedCount, of: voters })}
              </Text>
              <Progress value={voters === 0 ? 0 : Math.min(100, (item.votedCount * 100) / voters)} size="lg" aria-label={t('web.councils.item.voted', { voted: item.votedCount, of: voters })} />
            </Stack>
          ) : (
            <Text size="sm" data-testid="item-offline">
              {t(`web.councils.item.offline.${item.method}`)}
            </Text>
          ))}

        {item.status === 'WITHDRAWN' && item.withdrawnReason && (
          <Text size="sm" data-testid="item-withdrawn-reason">
            {t('web.councils.item.withdrawnReason', { reason: item.withdrawnReason })}
          </Text>
        )}

        {item.tally && (
          <Paper withBorder p="sm" bg="var(--mantine-color-gray-0)" data-testid="item-result">
            <Stack gap={6}>
              <Group gap="sm" wrap="wrap">
                <OutcomeBadge outcome={item.tally.outcome} />
                <Text size="sm" fw={500} data-testid="item-explanation">
                  {item.tally.explanation}
                </Text>
              </Group>
              <Text size="sm" data-testid="item-counts">
                {t('web.councils.item.counts', { yes: item.tally.counts.yes, no: item.tally.counts.no, abstain: item.tally.counts.abstain })}
                {item.tally.counts.invalid > 0 ? ` · ${t('web.councils.item.invalid', { count: item.tally.counts.invalid })}` : ''}
                {item.tally.written > 0 ? ` · ${t('web.councils.item.written', { count: item.tally.written })}` : ''}
              </Text>
            </Stack>
          </Paper>
        )}

        {live && (item.status === 'PENDING' || item.status === 'VOTING') && (canAgenda || canCount) && (
          <Group gap="xs" wrap="wrap">
            {canAgenda && (
              <Button size="sm" variant="default" leftSection={<IconHandStop size={16} aria-hidden />} onClick={() => setDialog('recusal')} data-testid="item-recuse">
                {t('web.councils.recusal.button')}
              </Button>
            )}
            {canCount && item.status === 'VOTING' && !online && (
              <Button size="sm" leftSection={<IconClipboardList size={16} aria-hidden />} onClick={() => setDialog('counts')} data-testid="item-counts-enter">
                {t('web.councils.counts.button')}
              </Button>
            )}
            {canCount && item.status === 'VOTING' && online && item.rule.writtenVotesFromAbsent && hasAbsent && (
              <Button size="sm" variant="default" leftSection={<IconPencil size={16} aria-hidden />} onClick={() => setDialog('written')} data-testid="item-written">
                {t('web.councils.written.button')}
              </Button>
            )}
            {canAgenda && item.status === 'PENDING' && (
              <Button size="sm" variant="default" leftSection={<IconX size={16} aria-hidden />} onClick={() => setDialog('withdraw')} data-testid="item-withdraw">
                {t('web.councils.withdraw.button')}
              </Button>
            )}
          </Group>
        )}
      </Stack>
      {dialog === 'recusal' && <RecusalModal meeting={meeting} item={item} onClose={() => setDialog(null)} />}
      {dialog === 'withdraw' && <WithdrawItemModal meeting={meeting} item={item} onClose={() => setDialog(null)} />}
      {dialog === 'counts' && <CountsModal meeting={meeting} item={item} onClose={() => setDialog(null)} />}
      {dialog === 'written' && <WrittenVoteModal meeting={meeting} item={item} onClose={() => setDialog(null)} />}
    </Paper>
  );
}
