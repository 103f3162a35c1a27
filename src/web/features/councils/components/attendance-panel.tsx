import { useState } from 'react';
import { Button, Group, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { IconChecks } from '@tabler/icons-react';
import { useT } from '../../../lib/i18n';
import { hasAbility } from '../../../lib/session';
import { ErrorAlert } from '../../../components/ui/error-alert';
import { useSetAttendance, type MeetingDto } from '../api/meetings';
import { RoleBadge } from './badges';

type Entry = { memberId: number; status: 'PRESENT' | 'ABSENT'; absenceReason?: string | null };

/** Who is in the room: one tap per member (present / absent with a reason); the quorum follows. */
export function AttendancePanel({ meeting }: { meeting: MeetingDto }) {
  const t = useT();
  const save = useSetAttendance(meeting.id);
  const editable = hasAbility(meeting, 'meeting.attendance');
  const [reasons, setReasons] = useState<Record<number, string>>({});
  const unmarked = meeting.attendance.filter((a) => a.status === null).length;

  /** Only what changed: the server keeps the other members' marks. */
  const send = (changes: Entry[]) => save.mutate(changes);

  return (
    <Paper withBorder p="md" data-testid="attendance">
      <Stack gap="sm">
        <Group justify="space-between" gap="sm">
          <Title order={2} fz="h4">
            {t('web.councils.attendance.title')}
          </Title>
          {editable && unmarked > 0 && (
            <Button variant="light" leftSection={<IconChecks size={16} aria-hidden />} onClick={() => send(meeting.attendance.filter((a) => a.status === null).map((a) => ({ memberId: a.memberId, status: 'PRESENT' })))} loading={save.isPending} data-testid="attendance-all-present">
              {t('web.councils.attendance.allPresent', { count: unmarked })}
            </Button>
          )}
        </Group>
        {unmarked > 0 && (
          <Text size="sm" c="dimmed" data-testid="attendance-unmarked">
            {t('web.councils.attendance.unmarked', { count: unmarked })}
          </Text>
        )}
        <ErrorAlert error={save.error} />
        <Stack gap={6}>
          {meeting.attendance.map((a) => (
            <Paper key={a.memberId} withBorder p="xs" data-testid="attendance-row" data-member={a.memberId} data-status={a.status ?? 'NONE'}>
              <Group justify="space-between" gap="sm" wrap="wrap">
                <Group gap="xs" style={{ minWidth: 0, flex: '1 1 14rem' }}>
                  <Text size="sm" fw={500}>
                    {a.fullName}
                  </Text>
                  <RoleBadge role={a.role} />
                </Group>
                {editable ? (
                  <Group gap={6} wrap="nowrap" role="group" aria-label={t('web.councils.attendance.of', { name: a.fullName })} data-testid="attendance-toggle">
                    {(['PRESENT', 'ABSENT'] as const).map((status) => (
                      <Button
                        key={status}
                        size="md"
                        variant={a.status === status ? 'filled' : 'default'}
                        color={status === 'PRESENT' ? 'teal.9' : 'gray.7'}
                        aria-pressed={a.status === status}
                        onClick={() => a.status !== status && send([{ memberId: a.memberId, status, absenceReason: status === 'ABSENT' ? (reasons[a.memberId] ?? a.absenceReason) || null : null }])}
                        data-testid={`attendance-${status.toLowerCase()}`}
                      >
                        {t(`web.councils.attendance.${status}`)}
                      </Button>
                    ))}
                  </Group>
                ) : (
                  <Text size="sm">{a.status ? t(`web.councils.attendance.${a.status}`) : t('web.councils.attendance.none')}</Text>
                )}
              </Group>
              {a.status === 'ABSENT' &&
                (editable ? (
                  <TextInput
                    mt="xs"
                    size="sm"
                    label={t('web.councils.attendance.reason', { name: a.fullName })}
                    placeholder={t('web.councils.attendance.reasonPlaceholder')}
                    value={reasons[a.memberId] ?? a.absenceReason ?? ''}
                    onChange={(e) => {
                      const value = e.currentTarget.value;
                      setReasons((r) => ({ ...r, [a.memberId]: value }));
                    }}
                    onBlur={() => {
                      const next = (reasons[a.memberId] ?? '').trim();
                      if (reasons[a.memberId] !== undefined && next !== (a.absenceReason ?? '')) send([{ memberId: a.memberId, status: 'ABSENT', absenceReason: next || null }]);
                    }}
                    maxLength={500}
                    data-testid="attendance-reason"
                  />
                ) : (
                  a.absenceReason && (
                    <Text size="xs" c="dimmed" mt={4}>
                      {a.absenceReason}
                    </Text>
                  )
                ))}
            </Paper>
          ))}
        </Stack>
      </Stack>
    </Paper>
  );
}
