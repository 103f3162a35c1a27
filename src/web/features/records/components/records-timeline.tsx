import { useState } from 'react';
import { Badge, Button, Group, Menu, Paper, Stack, Switch, Text, ThemeIcon, Timeline, Title } from '@mantine/core';
import { IconChevronDown, IconDoorExit, IconPencil, IconPlus, IconTrash } from '@tabler/icons-react';
import { PERSON_RECORD_KINDS, type TimelineItem } from '../../../../contracts/achievements';
import { RECORD_KINDS, type RecordKind } from '../../../../contracts/enums';
import { useT } from '../../../lib/i18n';
import { formatDate } from '../../../lib/format';
import { ErrorAlert } from '../../../components/ui/error-alert';
import { LoadingBlock } from '../../../components/ui/loading-block';
import type { RecordSubjectRef } from '../api/keys';
import { useTimeline } from '../api/get-timeline';
import { KIND_COLORS, KIND_ICONS } from './record-fields';
import { recordDetails } from './record-details';
import { RecordFormModal } from './record-form-modal';
import { ClosePendingCaseModal, RevokeRecordModal } from './record-action-modals';

interface RecordsTimelineProps {
  subject: RecordSubjectRef;
  /** The user keeps this subject's records (the subject's `abilities` say so). */
  canAdd: boolean;
  includeHistory: boolean;
  onIncludeHistoryChange: (value: boolean) => void;
}

type Modal = { mode: 'create'; kind: RecordKind } | { mode: 'supersede' | 'revoke' | 'close'; item: TimelineItem };

/** Records grouped by year, newest first, and the per-record actions the server allows. */
function byYear(items: TimelineItem[]): [number, TimelineItem[]][] {
  const groups = new Map<number, TimelineItem[]>();
  for (const item of items) {
    const list = groups.get(item.year) ?? [];
    list.push(item);
    groups.set(item.year, list);
  }
  return [...groups.entries()].sort((a, b) => b[0] - a[0]);
}

/** "Hồ sơ thi đua – khen thưởng": the timeline of a person's or unit's records, with add, correct and revoke. */
export function RecordsTimeline({ subject, canAdd, includeHistory, onIncludeHistoryChange }: RecordsTimelineProps) {
  const t = useT();
  const timeline = useTimeline(subject, includeHistory);
  const [modal, setModal] = useState<Modal | null>(null);
  const close = () => setModal(null);
  const kinds = subject.type === 'PERSON' ? PERSON_RECORD_KINDS : RECORD_KINDS;
  const items = timeline.data?.items ?? [];

  return (
    <Stack gap="md">
      <Group justify="space-between" gap="sm">
        <Switch label={t('web.records.showHistory')} checked={includeHistory} onChange={(e) => onIncludeHistoryChange(e.currentTarget.checked)} data-testid="records-history" />
        {canAdd && (
          <Menu position="bottom-end" withinPortal>
            <Menu.Target>
              <Button leftSection={<IconPlus size={16} aria-hidden />} rightSection={<IconChevronDown size={14} aria-hidden />} data-testid="records-add">
                {t('web.records.add.action')}
              </Button>
            </Menu.Target>
            <Menu.Dropdown>
              {kinds.map((kind) => {
                const Icon = KIND_ICONS[kind];
                return (
                  <Menu.Item key={kind} leftSection={<Icon size={16} aria-hidden />} onClick={() => setModal({ mode: 'create', kind })}>
                    {t(`recordKind.${kind}`)}
                  </Menu.Item>
                );
              })}
            </Menu.Dropdown>
          </Menu>
        )}
      </Group>
      <ErrorAlert error={timeline.error} />
      {timeline.isPending && <LoadingBlock />}
      {timeline.data && items.length === 0 && (
        <Paper withBorder p="xl">
          <Text c="dimmed" ta="center">
            {t('web.records.empty')}
          </Text>
        </Paper>
      )}
      <Stack gap="lg" data-testid="records-timeline">
        {byYear(items).map(([year, list]) => (
          <section key={year} aria-labelledby={`records-year-${year}`}>
            <Title order={3} fz="h5" mb="sm" id={`records-year-${year}`}>
              {t('web.records.year', { year })}
            </Title>
            <Timeline bulletSize={28} lineWidth={2}>
              {list.map((item) => (
                <Timeline.Item key={`${item.kind}-${item.id}`} bullet={<KindBullet kind={item.kind} muted={item.status !== 'ACTIVE'} />} data-testid="record-item" data-status={item.status}>
                  <RecordEntry item={item} onAction={(mode) => setModal({ mode, item })} />
                </Timeline.Item>
              ))}
            </Timeline>
          </section>
        ))}
      </Stack>
      {modal?.mode === 'create' && <RecordFormModal mode="create" kind={modal.kind} subject={subject} onClose={close} />}
      {modal?.mode === 'supersede' && <RecordFormModal mode="supersede" item={modal.item} subject={subject} onClose={close} />}
      {modal?.mode === 'revoke' && <RevokeRecordModal item={modal.item} onClose={close} />}
      {modal?.mode === 'close' && <ClosePendingCaseModal item={modal.item} onClose={close} />}
    </Stack>
  );
}

function KindBullet({ kind, muted }: { kind: RecordKind; muted: boolean }) {
  const Icon = KIND_ICONS[kind];
  return (
    <ThemeIcon size={28} radius="xl" variant="light" color={muted ? 'gray' : KIND_COLORS[kind]}>
      <Icon size={16} aria-hidden />
    </ThemeIcon>
  );
}

function RecordEntry({ item, onAction }: { item: TimelineItem; onAction: (mode: 'supersede' | 'revoke' | 'close') => void }) {
  const t = useT();
  const muted = item.status !== 'ACTIVE';
  const details = recordDetails(item, t);
  // Correcting a long absence cannot carry the absence reason through the supersede contract
  // (its `reason` field is the correction's reason): revoke and add again instead.
  const canSupersede = item.abilities.includes('supersede');
  return (
    <Stack gap={4} style={{ opacity: muted ? 0.65 : undefined }}>
      <Group gap={6} wrap="wrap">
        <Text fw={600} size="sm" td={muted ? 'line-through' : undefined}>
          {item.label}
        </Text>
        <Badge size="xs" variant="light" color={muted ? 'gray' : KIND_COLORS[item.kind]} style={{ textTransform: 'none' }}>
          {t(`recordKind.${item.kind}`)}
        </Badge>
        {muted && (
          <Badge size="xs" variant="outline" color={item.status === 'REVOKED' ? 'red' : 'gray'} style={{ textTransform: 'none' }}>
            {t(`recordStatus.${item.status}`)}
          </Badge>
        )}
        {item.source !== 'MANUAL' && (
          <Text size="xs" c="dimmed">
            {t(`recordSource.${item.source}`)}
          </Text>
        )}
      </Group>
      <Text size="xs" c="dimmed">
        {[formatDate(item.date), ...details].join(' · ')}
      </Text>
      {item.note && <Text size="xs">{t('web.records.noteLine', { note: item.note })}</Text>}
      {muted && item.revokedReason && (
        <Text size="xs" c={item.status === 'REVOKED' ? 'red.8' : 'dimmed'}>
          {t(item.status === 'REVOKED' ? 'web.records.revokedLine' : 'web.records.supersededLine', { reason: item.revokedReason, date: formatDate(item.revokedAt) })}
        </Text>
      )}
      {(canSupersede || item.abilities.includes('revoke') || item.abilities.includes('close')) && (
        <Group gap={4} mt={2}>
          {canSupersede && (
            <Button size="compact-xs" variant="subtle" leftSection={<IconPencil size={12} aria-hidden />} onClick={() => onAction('supersede')} aria-label={t('web.records.supersede.actionFor', { label: item.label })}>
              {t('web.records.supersede.action')}
            </Button>
          )}
          {item.abilities.includes('close') && (
            <Button size="compact-xs" variant="subtle" leftSection={<IconDoorExit size={12} aria-hidden />} onClick={() => onAction('close')}>
              {t('web.records.close.action')}
            </Button>
          )}
          {item.abilities.includes('revoke') && (
            <Button size="compact-xs" variant="subtle" color="red" leftSection={<IconTrash size={12} aria-hidden />} onClick={() => onAction('revoke')} aria-label={t('web.records.revoke.actionFor', { label: item.label })}>
              {t('web.records.revoke.action')}
            </Button>
          )}
        </Group>
      )}
    </Stack>
  );
}
