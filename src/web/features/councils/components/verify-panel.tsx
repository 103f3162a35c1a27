import { useState } from 'react';
import { Alert, Button, List, Stack, Text } from '@mantine/core';
import { IconShieldCheck } from '@tabler/icons-react';
import { useT } from '../../../lib/i18n';
import { ErrorAlert } from '../../../components/ui/error-alert';
import { useVerifyMeeting } from '../api/meetings';

/** "Kiểm tra kết quả": recounts every sealed tally from the ballots and checks the chain on the server. */
export function VerifyPanel({ meetingId }: { meetingId: number }) {
  const t = useT();
  const [asked, setAsked] = useState(false);
  const verify = useVerifyMeeting(meetingId, asked);
  return (
    <Stack gap="sm" data-testid="verify">
      <Text size="sm" c="dimmed">
        {t('web.councils.verify.explain')}
      </Text>
      <div>
        <Button variant="default" leftSection={<IconShieldCheck size={18} aria-hidden />} onClick={() => (asked ? void verify.refetch() : setAsked(true))} loading={verify.isFetching} data-testid="verify-run">
          {t('web.councils.verify.run')}
        </Button>
      </div>
      <ErrorAlert error={verify.error} />
      {verify.data && (
        <Alert color={verify.data.ok ? 'teal' : 'red'} variant="light" role="status" data-testid="verify-result" data-ok={String(verify.data.ok)} title={verify.data.ok ? t('web.councils.verify.ok') : t('web.councils.verify.problems', { count: verify.data.problems.length })}>
          <Text size="sm">{t('web.councils.verify.summary', { items: verify.data.items, ballots: verify.data.ballots })}</Text>
          {verify.data.problems.length > 0 && (
            <List size="sm" mt="xs">
              {verify.data.problems.map((p, i) => (
                <List.Item key={i} data-testid="verify-problem">
                  {p.detail}
                </List.Item>
              ))}
            </List>
          )}
        </Alert>
      )}
    </Stack>
  );
}
