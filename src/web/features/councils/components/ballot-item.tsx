import { Badge, Button, Group, Paper, SimpleGrid, Stack, Text } from '@mantine/core';
import { IconCircleCheck, IconCircleMinus, IconCircleX } from '@tabler/icons-react';
import { useT } from '../../../lib/i18n';
import type { MeetingItemDto, VoteChoice } from '../api/meetings';

const CHOICES: { value: VoteChoice; color: string; icon: typeof IconCircleCheck }[] = [
  { value: 'YES', color: 'teal.9', icon: IconCircleCheck },
  { value: 'NO', color: 'red.9', icon: IconCircleX },
  { value: 'ABSTAIN', color: 'gray.8', icon: IconCircleMinus },
];

/** One line of the ballot: who is proposed for what, and three large choices (or why the reader cannot vote). */
export function BallotItem({ item, myMemberId, choice, onChoose }: { item: MeetingItemDto; myMemberId: number | null; choice: VoteChoice | undefined; onChoose: (c: VoteChoice) => void }) {
  const t = useT();
  const open = item.mine.canVote && !item.mine.voted;
  const myRecusal = item.recusals.find((r) => r.memberId === myMemberId);
  const state = item.mine.voted ? 'voted' : item.mine.recused ? 'recused' : open ? 'open' : 'closed';
  return (
    <Paper withBorder p="md" data-testid="ballot-item" data-item={item.id} data-state={state} data-choice={choice ?? ''}>
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start" gap="sm" wrap="nowrap">
          <Stack gap={2} style={{ minWidth: 0 }}>
            <Text fw={700} size="lg" data-testid="ballot-subject">
              {item.position}. {item.subjectName}
            </Text>
            {item.unitName && <Text size="sm">{item.unitName}</Text>}
            <Text size="sm" fw={500}>
              {t('web.councils.ballot.proposed', { award: item.awardName })}
            </Text>
          </Stack>
          {item.mine.voted && (
            <Badge color="teal" variant="light" size="lg" style={{ textTransform: 'none', flexShrink: 0 }} data-testid="ballot-voted">
              {t('web.councils.ballot.voted')}
            </Badge>
          )}
        </Group>
        {item.justification && (
          <Text size="sm" c="dimmed">
            {t('web.councils.ballot.justification', { text: item.justification })}
          </Text>
        )}
        {open && (
          <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="xs" role="radiogroup" aria-label={t('web.councils.ballot.choiceFor', { subject: item.subjectName })}>
            {CHOICES.map((c) => {
              const on = choice === c.value;
              return (
                <Button
                  key={c.value}
                  role="radio"
                  aria-checked={on}
                  size="lg"
                  h={56}
                  color={c.color}
                  variant={on ? 'filled' : 'default'}
                  leftSection={<c.icon size={22} aria-hidden />}
                  onClick={() => onChoose(c.value)}
                  data-testid={`ballot-choice-${c.value}`}
                  styles={{ label: { whiteSpace: 'normal' } }}
                >
                  {t(`web.councils.choice.${c.value}`)}
                </Button>
              );
            })}
          </SimpleGrid>
        )}
        {state === 'recused' && (
          <Text size="sm" data-testid="ballot-recused">
            {t('web.councils.ballot.recused', { reason: myRecusal ? t(`web.councils.recusal.reason.${myRecusal.reason}`) : '' })}
            {myRecusal?.note ? ` (${myRecusal.note})` : ''}
          </Text>
        )}
        {state === 'closed' && (
          <Text size="sm" data-testid="ballot-cannot">
            {item.method !== 'SECRET_ONLINE' ? t(`web.councils.item.offline.${item.method}`) : t('web.councils.ballot.cannot')}
          </Text>
        )}
      </Stack>
    </Paper>
  );
}
