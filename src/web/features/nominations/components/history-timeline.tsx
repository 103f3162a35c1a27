import { Paper, Stack, Text, Timeline, Title } from '@mantine/core';
import { useT } from '../../../lib/i18n';
import { formatDateTime } from '../../../lib/format';
import type { NominationDto } from '../api/nominations';

const TONE: Record<string, string> = { ITEM_RETURNED: 'orange', ITEM_REJECTED: 'red', WITHDRAWN: 'gray', SUBMISSION_WITHDRAWN: 'gray', ITEM_ACCEPTED: 'teal', APPRAISED: 'teal', OPINION_OBJECT: 'red' };

/** Where the nomination has been: each step with its unit, person, time and reason. */
export function HistoryTimeline({ events }: { events: NominationDto['events'] }) {
  const t = useT();
  return (
    <Paper withBorder p="md">
      <Stack gap="sm">
        <Title order={2} size="h4">
          {t('web.nominations.history.title')}
        </Title>
        {events.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('web.nominations.history.empty')}
          </Text>
        ) : (
          <Timeline active={events.length - 1} bulletSize={16} lineWidth={2} data-testid="nomination-history" aria-label={t('web.nominations.history.title')}>
            {events.map((e, i) => (
              <Timeline.Item key={`${e.kind}-${i}`} color={TONE[e.kind] ?? 'blue'} title={e.text} data-testid="history-event" data-kind={e.kind}>
                <Text size="xs" c="dimmed">
                  {[formatDateTime(e.occurredAt), e.orgName, e.actorName].filter(Boolean).join(' · ')}
                </Text>
                {e.reason && (
                  <Text size="sm" mt={2} style={{ wordBreak: 'break-word' }} data-testid="history-reason">
                    {t('web.nominations.history.reason', { reason: e.reason })}
                  </Text>
                )}
              </Timeline.Item>
            ))}
          </Timeline>
        )}
      </Stack>
    </Paper>
  );
}
