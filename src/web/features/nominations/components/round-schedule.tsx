import { Alert, Badge, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { IconClockHour4 } from '@tabler/icons-react';
import { useT } from '../../../lib/i18n';
import { formatDate } from '../../../lib/format';
import { useIsMobile } from '../../../lib/use-is-mobile';
import type { NominationRoundDto } from '../api/rounds';

/** The reader's own deadline, first thing on the page: the day to send (and to finish appraising). */
export function MyDeadline({ round }: { round: NominationRoundDto }) {
  const t = useT();
  const mine = round.myDeadline;
  if (!mine) return null;
  return (
    <Alert color="blue" variant="light" icon={<IconClockHour4 size={18} aria-hidden />} title={t('web.nominations.schedule.mine')} data-testid="nround-my-deadline">
      <Text size="sm">{t('web.nominations.schedule.sendBy', { date: formatDate(mine.sendBy) })}</Text>
      {mine.appraiseBy && <Text size="sm">{t('web.nominations.schedule.appraiseBy', { date: formatDate(mine.appraiseBy) })}</Text>}
    </Alert>
  );
}

/**
 * Every level's dates, bottom first as the dossiers travel: due at the level, appraised, council,
 * forwarded. The reader's level is marked; on phones each level is a card.
 */
export function RoundSchedule({ round }: { round: NominationRoundDto }) {
  const t = useT();
  const isMobile = useIsMobile();
  const mineBelow = round.myDeadline?.below;
  const mark = (below: number) =>
    below === mineBelow ? (
      <Badge size="sm" color="blue" style={{ textTransform: 'none' }}>
        {t('web.nominations.schedule.yourLevel')}
      </Badge>
    ) : null;
  const fields = (l: NominationRoundDto['schedule'][number]) =>
    [
      [t('web.nominations.schedule.dossiersDueAt'), formatDate(l.dossiersDueAt)],
      [t('web.nominations.schedule.appraisalEndsOn'), formatDate(l.appraisalEndsOn)],
      ...(l.publicPostingStartsOn ? [[t('web.nominations.schedule.publicPosting'), formatDate(l.publicPostingStartsOn)]] : []),
      [t('web.nominations.schedule.councilOn'), formatDate(l.councilOn)],
      [t('web.nominations.schedule.forwardBy'), formatDate(l.forwardBy)],
    ] as const;

  return (
    <Stack gap="xs" data-testid="nround-schedule">
      <Title order={2} size="h4">
        {t('web.nominations.schedule.title')}
      </Title>
      <Text size="sm" c="dimmed">
        {t('web.nominations.schedule.summary', { decision: formatDate(round.decisionOn), ceremony: formatDate(round.ceremonyDate) })}
      </Text>
      {isMobile ? (
        <Stack gap="xs">
          {round.schedule.map((l) => (
            <Paper key={l.below} withBorder p="sm" bg={l.below === mineBelow ? 'var(--mantine-color-blue-0)' : undefined} data-testid="nround-level" data-below={l.below} data-mine={l.below === mineBelow || undefined}>
              <Group gap="xs" mb={4}>
                <Text fw={600} size="sm">
                  {l.label}
                </Text>
                {mark(l.below)}
              </Group>
              {fields(l).map(([label, value]) => (
                <Group key={label} justify="space-between" gap="xs" wrap="nowrap">
                  <Text size="sm" c="dimmed">
                    {label}
                  </Text>
                  <Text size="sm">{value}</Text>
                </Group>
              ))}
            </Paper>
          ))}
        </Stack>
      ) : (
        <Table.ScrollContainer minWidth={720}>
          <Table withTableBorder aria-label={t('web.nominations.schedule.title')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('web.nominations.schedule.level')}</Table.Th>
                <Table.Th>{t('web.nominations.schedule.dossiersDueAt')}</Table.Th>
                <Table.Th>{t('web.nominations.schedule.appraisalEndsOn')}</Table.Th>
                <Table.Th>{t('web.nominations.schedule.councilOn')}</Table.Th>
                <Table.Th>{t('web.nominations.schedule.forwardBy')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {round.schedule.map((l) => (
                <Table.Tr key={l.below} bg={l.below === mineBelow ? 'var(--mantine-color-blue-0)' : undefined} fw={l.below === mineBelow ? 600 : undefined} data-testid="nround-level" data-below={l.below} data-mine={l.below === mineBelow || undefined}>
                  <Table.Td>
                    <Group gap="xs">
                      {l.label}
                      {mark(l.below)}
                    </Group>
                  </Table.Td>
                  <Table.Td>{formatDate(l.dossiersDueAt)}</Table.Td>
                  <Table.Td>
                    {formatDate(l.appraisalEndsOn)}
                    {l.publicPostingStartsOn && (
                      <Text size="xs" c="dimmed">
                        {t('web.nominations.schedule.publicPostingFrom', { date: formatDate(l.publicPostingStartsOn) })}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>{formatDate(l.councilOn)}</Table.Td>
                  <Table.Td>{formatDate(l.forwardBy)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Stack>
  );
}
