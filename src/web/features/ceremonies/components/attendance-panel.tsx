import { useState } from 'react';
import { Affix, Button, Group, Paper, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { IconCheck, IconDeviceFloppy, IconUserShare, IconUserX } from '@tabler/icons-react';
import { notifications } from '@mantine/notifications';
import { LIMITS } from '../../../../contracts/limits';
import { useT } from '../../../lib/i18n';
import { ErrorAlert } from '../../../components/ui/error-alert';
import { groupsOf, useRecordAttendance, type Attendance, type CeremonyDto, type CeremonyRecipientDto } from '../api/ceremonies';
import { AttendanceBadge } from './badges';
import { RecipientLine } from './recipient-groups';

type Mark = { attendance: Attendance; receivedBy: string };
type Choice = { value: Exclude<Attendance, 'PENDING'>; color: string; icon: typeof IconCheck };
const CHOICES: Choice[] = [
  { value: 'RECEIVED', color: 'teal.9', icon: IconCheck },
  { value: 'PROXY', color: 'blue.9', icon: IconUserShare },
  { value: 'ABSENT', color: 'gray.8', icon: IconUserX },
];

/**
 * Điểm danh on a phone at the ceremony: per recipient, big toggles "Đã nhận" / "Nhận thay" (with the
 * representative's name) / "Vắng"; the changes are saved together.
 */
export function AttendancePanel({ ceremony, onDone }: { ceremony: CeremonyDto; onDone: () => void }) {
  const t = useT();
  const [marks, setMarks] = useState<Record<number, Mark>>({});
  const [tried, setTried] = useState(false);
  const record = useRecordAttendance(ceremony.id);
  const groups = groupsOf(ceremony.recipients);
  const current = (r: CeremonyRecipientDto): Mark => marks[r.id] ?? { attendance: r.attendance, receivedBy: r.receivedBy ?? '' };
  const changed = ceremony.recipients.filter((r) => {
    const m = marks[r.id];
    return m !== undefined && (m.attendance !== r.attendance || (m.attendance === 'PROXY' && m.receivedBy.trim() !== (r.receivedBy ?? '')));
  });
  const missingName = (r: CeremonyRecipientDto) => {
    const m = current(r);
    return m.attendance === 'PROXY' && m.receivedBy.trim() === '';
  };
  const choose = (r: CeremonyRecipientDto, attendance: Exclude<Attendance, 'PENDING'>) => {
    const before = current(r);
    setMarks((ms) => ({ ...ms, [r.id]: { attendance: before.attendance === attendance ? 'PENDING' : attendance, receivedBy: before.receivedBy } }));
  };

  const save = () => {
    setTried(true);
    if (changed.some(missingName)) return;
    record.mutate(
      { version: ceremony.version, entries: changed.map((r) => ({ id: r.id, attendance: marks[r.id]!.attendance, receivedBy: marks[r.id]!.attendance === 'PROXY' ? marks[r.id]!.receivedBy.trim() : null })) },
      {
        onSuccess: () => {
          setMarks({});
          setTried(false);
          notifications.show({ color: 'teal', message: t('web.ceremonies.attendance.saved', { count: changed.length }) });
        },
      },
    );
  };

  return (
    <Paper withBorder p="md" data-testid="ceremony-attendance-panel" pb={96}>
      <Stack gap="sm">
        <Group justify="space-between" gap="xs">
          <Title order={2} size="h4">
            {t('web.ceremonies.attendance.title')}
          </Title>
          <Button variant="default" onClick={onDone} data-testid="ceremony-attendance-close">
            {t('web.ceremonies.attendance.close')}
          </Button>
        </Group>
        <Text size="sm" data-testid="ceremony-attendance-counts">
          {t('web.ceremonies.counts', { total: ceremony.counts.total, received: ceremony.counts.received, proxy: ceremony.counts.proxy, absent: ceremony.counts.absent, pending: ceremony.counts.pending })}
        </Text>
        {groups.map((g) => (
          <Stack key={g.groupNo} gap="xs">
            <Text fw={700}>
              {t('web.ceremonies.recipients.group', { n: g.groupNo, count: g.recipients.length })}
              {g.presenter ? ` — ${g.presenter}` : ''}
            </Text>
            {g.recipients.map((r) => {
              const m = current(r);
              const revoked = r.lineStatus === 'REVOKED';
              return (
                <Paper key={r.id} withBorder p="sm" data-testid="ceremony-attendance-row" data-attendance={m.attendance}>
                  <Stack gap="xs">
                    <Group justify="space-between" wrap="nowrap" gap="xs" align="flex-start">
                      <RecipientLine r={r} />
                      <AttendanceBadge attendance={r.attendance} revoked={revoked} />
                    </Group>
                    {!revoked && (
                      <SimpleGrid cols={3} spacing={6} role="group" aria-label={t('web.ceremonies.attendance.of', { name: r.subjectName })}>
                        {CHOICES.map((c) => {
                          const on = m.attendance === c.value;
                          return (
                            <Button
                              key={c.value}
                              size="md"
                              px={4}
                              color={c.color}
                              variant={on ? 'filled' : 'default'}
                              aria-pressed={on}
                              leftSection={<c.icon size={18} aria-hidden />}
                              onClick={() => choose(r, c.value)}
                              styles={{ section: { marginInlineEnd: 4 }, label: { overflow: 'visible' } }}
                              data-testid={`ceremony-mark-${c.value.toLowerCase()}`}
                            >
                              {t(`web.ceremonies.mark.${c.value}`)}
                            </Button>
                          );
                        })}
                      </SimpleGrid>
                    )}
                    {!revoked && m.attendance === 'PROXY' && (
                      <TextInput
                        label={t('web.ceremonies.attendance.receivedBy')}
                        value={m.receivedBy}
                        onChange={(e) => {
                          const receivedBy = e.currentTarget.value;
                          setMarks((ms) => ({ ...ms, [r.id]: { attendance: 'PROXY', receivedBy } }));
                        }}
                        required
                        maxLength={LIMITS.nameMax}
                        error={tried && missingName(r) ? t('web.ceremonies.attendance.receivedByRequired') : undefined}
                        data-testid="ceremony-received-by"
                      />
                    )}
                  </Stack>
                </Paper>
              );
            })}
          </Stack>
        ))}
        <ErrorAlert error={record.error} />
      </Stack>
      <Affix position={{ bottom: 16, right: 16 }}>
        <Button size="lg" leftSection={<IconDeviceFloppy size={20} aria-hidden />} disabled={changed.length === 0} loading={record.isPending} onClick={save} data-testid="ceremony-attendance-save">
          {t('web.ceremonies.attendance.save', { count: changed.length })}
        </Button>
      </Affix>
    </Paper>
  );
}
