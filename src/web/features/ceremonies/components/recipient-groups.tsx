import { useState } from 'react';
import { ActionIcon, Button, Group, NumberInput, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { IconArrowDown, IconArrowUp, IconArrowsSort, IconDeviceFloppy, IconLayoutList } from '@tabler/icons-react';
import { notifications } from '@mantine/notifications';
import { CEREMONY_LIMITS } from '../../../../contracts/ceremonies';
import { useT } from '../../../lib/i18n';
import { ErrorAlert } from '../../../components/ui/error-alert';
import { groupsOf, useArrangeRecipients, type CeremonyDto, type CeremonyRecipientDto } from '../api/ceremonies';
import { AttendanceBadge } from './badges';

/** Name, unit and award of a recipient (struck through when the award was revoked after planning). */
export function RecipientLine({ r }: { r: CeremonyRecipientDto }) {
  return (
    <div style={{ minWidth: 0 }}>
      <Text size="sm" fw={600} td={r.lineStatus === 'REVOKED' ? 'line-through' : undefined} style={{ overflowWrap: 'anywhere' }}>
        {r.subjectName}
      </Text>
      <Text size="sm" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
        {[r.unitName, r.awardName].filter(Boolean).join(' · ')}
      </Text>
    </div>
  );
}

/** The call order: the groups (đợt) with who presents to each, regrouped automatically or arranged by hand. */
export function RecipientsSection({ ceremony }: { ceremony: CeremonyDto }) {
  const t = useT();
  const canEdit = ceremony.abilities.includes('ceremony.update');
  const [arranging, setArranging] = useState(false);
  const [groupSize, setGroupSize] = useState<number>(CEREMONY_LIMITS.groupSizeDefault);
  const groups = groupsOf(ceremony.recipients);
  const [presenters, setPresenters] = useState<Record<number, string>>({});
  const arrange = useArrangeRecipients(ceremony.id);
  const changed = groups.filter((g) => presenters[g.groupNo] !== undefined && presenters[g.groupNo] !== (g.presenter ?? ''));

  const savePresenters = () =>
    arrange.mutate(
      { version: ceremony.version, presenters: changed.map((g) => ({ groupNo: g.groupNo, presenter: presenters[g.groupNo]!.trim() || null })) },
      {
        onSuccess: () => {
          setPresenters({});
          notifications.show({ color: 'teal', message: t('web.ceremonies.recipients.presentersSaved') });
        },
      },
    );

  return (
    <Paper withBorder p="md" data-testid="ceremony-recipients">
      <Stack gap="sm">
        <Group justify="space-between" gap="xs">
          <Title order={2} size="h4">
            {t('web.ceremonies.recipients.title', { count: ceremony.counts.total, groups: ceremony.counts.groups })}
          </Title>
          {canEdit && ceremony.recipients.length > 0 && !arranging && (
            <Button variant="default" leftSection={<IconArrowsSort size={16} aria-hidden />} onClick={() => setArranging(true)} data-testid="ceremony-arrange">
              {t('web.ceremonies.recipients.arrange')}
            </Button>
          )}
        </Group>
        {ceremony.recipients.length === 0 && <Text c="dimmed">{t('web.ceremonies.recipients.empty')}</Text>}
        {canEdit && ceremony.recipients.length > 0 && !arranging && (
          <Group gap="sm" align="flex-end">
            <NumberInput
              label={t('web.ceremonies.field.groupSize')}
              value={groupSize}
              onChange={(v) => setGroupSize(typeof v === 'number' && v >= 1 ? Math.min(v, CEREMONY_LIMITS.groupSizeMax) : CEREMONY_LIMITS.groupSizeDefault)}
              min={1}
              max={CEREMONY_LIMITS.groupSizeMax}
              allowDecimal={false}
              w={140}
              data-testid="ceremony-regroup-size"
            />
            <Button
              variant="default"
              leftSection={<IconLayoutList size={16} aria-hidden />}
              loading={arrange.isPending}
              onClick={() => arrange.mutate({ version: ceremony.version, groupSize })}
              data-testid="ceremony-regroup"
            >
              {t('web.ceremonies.recipients.regroup')}
            </Button>
          </Group>
        )}
        <ErrorAlert error={arrange.error} />
        {arranging ? (
          <ManualArrangement ceremony={ceremony} onDone={() => setArranging(false)} />
        ) : (
          <>
            {groups.map((g) => (
              <Paper key={g.groupNo} withBorder p="sm" bg="gray.0" data-testid="ceremony-group" data-group={g.groupNo}>
                <Stack gap="xs">
                  <Text fw={700}>{t('web.ceremonies.recipients.group', { n: g.groupNo, count: g.recipients.length })}</Text>
                  {canEdit ? (
                    <TextInput
                      label={t('web.ceremonies.recipients.presenter')}
                      placeholder={t('web.ceremonies.recipients.presenterPlaceholder')}
                      value={presenters[g.groupNo] ?? g.presenter ?? ''}
                      onChange={(e) => {
                        const value = e.currentTarget.value;
                        setPresenters((p) => ({ ...p, [g.groupNo]: value }));
                      }}
                      maxLength={CEREMONY_LIMITS.presenterMax}
                      data-testid="ceremony-group-presenter"
                    />
                  ) : (
                    <Text size="sm">
                      {t('web.ceremonies.recipients.presenter')}: {g.presenter ?? t('web.ceremonies.recipients.noPresenter')}
                    </Text>
                  )}
                  {g.recipients.map((r) => (
                    <Group key={r.id} justify="space-between" wrap="nowrap" gap="xs" align="flex-start" data-testid="ceremony-recipient">
                      <RecipientLine r={r} />
                      <AttendanceBadge attendance={r.attendance} revoked={r.lineStatus === 'REVOKED'} />
                    </Group>
                  ))}
                </Stack>
              </Paper>
            ))}
            {canEdit && changed.length > 0 && (
              <Group justify="flex-end">
                <Button leftSection={<IconDeviceFloppy size={16} aria-hidden />} loading={arrange.isPending} onClick={savePresenters} data-testid="ceremony-presenters-save">
                  {t('web.ceremonies.recipients.savePresenters', { count: changed.length })}
                </Button>
              </Group>
            )}
          </>
        )}
      </Stack>
    </Paper>
  );
}

/** By hand: move a recipient up or down and give the group it goes up in. */
function ManualArrangement({ ceremony, onDone }: { ceremony: CeremonyDto; onDone: () => void }) {
  const t = useT();
  const [rows, setRows] = useState(() => ceremony.recipients.map((r) => ({ r, groupNo: r.groupNo })));
  const arrange = useArrangeRecipients(ceremony.id);
  const move = (index: number, by: -1 | 1) =>
    setRows((rs) => {
      const next = [...rs];
      const [row] = next.splice(index, 1);
      next.splice(index + by, 0, row!);
      return next;
    });
  return (
    <Stack gap="xs">
      <Text size="sm">{t('web.ceremonies.recipients.arrangeHint')}</Text>
      {rows.map((row, i) => (
        <Paper key={row.r.id} withBorder p="xs" data-testid="ceremony-arrange-row">
          <Group justify="space-between" wrap="nowrap" gap="xs">
            <RecipientLine r={row.r} />
            <Group gap={4} wrap="nowrap">
              <NumberInput
                aria-label={t('web.ceremonies.recipients.groupOf', { name: row.r.subjectName })}
                value={row.groupNo}
                onChange={(v) => {
                  const groupNo = typeof v === 'number' && v >= 1 ? Math.min(v, CEREMONY_LIMITS.groupMax) : 1;
                  setRows((rs) => rs.map((x) => (x.r.id === row.r.id ? { ...x, groupNo } : x)));
                }}
                min={1}
                max={CEREMONY_LIMITS.groupMax}
                allowDecimal={false}
                w={70}
                data-testid="ceremony-arrange-group"
              />
              <ActionIcon variant="default" size="lg" aria-label={t('web.ceremonies.recipients.up', { name: row.r.subjectName })} disabled={i === 0} onClick={() => move(i, -1)}>
                <IconArrowUp size={18} aria-hidden />
              </ActionIcon>
              <ActionIcon variant="default" size="lg" aria-label={t('web.ceremonies.recipients.down', { name: row.r.subjectName })} disabled={i === rows.length - 1} onClick={() => move(i, 1)}>
                <IconArrowDown size={18} aria-hidden />
              </ActionIcon>
            </Group>
          </Group>
        </Paper>
      ))}
      <ErrorAlert error={arrange.error} />
      <Group justify="flex-end" gap="sm">
        <Button variant="default" onClick={onDone}>
          {t('web.common.cancel')}
        </Button>
        <Button
          leftSection={<IconDeviceFloppy size={16} aria-hidden />}
          loading={arrange.isPending}
          onClick={() =>
            // The list order is the call order; the groups keep their number.
            arrange.mutate({ version: ceremony.version, order: [...rows].sort((a, b) => a.groupNo - b.groupNo).map((x) => ({ id: x.r.id, groupNo: x.groupNo })) }, { onSuccess: onDone })
          }
          data-testid="ceremony-arrange-save"
        >
          {t('web.ceremonies.recipients.saveOrder')}
        </Button>
      </Group>
    </Stack>
  );
}
