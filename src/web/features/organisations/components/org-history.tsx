import { Text, Timeline } from '@mantine/core';
import { IconArrowsExchange, IconCirclePlus, IconGitMerge, IconPencil, IconPlayerStop, IconRefresh } from '@tabler/icons-react';
import type { z } from 'zod';
import type { OrgEventKind } from '../../../../contracts/enums';
import type { orgEvent } from '../../../../contracts/organisations';
import { useT } from '../../../lib/i18n';
import { formatDate, formatDateTime } from '../../../lib/format';

type OrgEvent = z.infer<typeof orgEvent>;

const ICONS: Record<OrgEventKind, typeof IconPencil> = {
  CREATED: IconCirclePlus,
  RENAMED: IconPencil,
  MOVED: IconArrowsExchange,
  MERGED: IconGitMerge,
  ENDED: IconPlayerStop,
  UPDATED: IconRefresh,
};

/** Plain-text summary of what changed, e.g. `name: A → B`, for the simple values of an event. */
export function describeChange(before: Record<string, unknown> | null, after: Record<string, unknown> | null): string[] {
  const keys = new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})]);
  const lines: string[] = [];
  const show = (value: unknown) => (value === null || value === undefined || value === '' ? '—' : typeof value === 'object' ? JSON.stringify(value) : String(value));
  for (const key of keys) {
    const a = before?.[key];
    const b = after?.[key];
    if (JSON.stringify(a) === JSON.stringify(b)) continue;
    lines.push(`${key}: ${show(a)} → ${show(b)}`);
  }
  return lines;
}

/** Lịch sử: founding, renames, moves, merges and ending, most recent first. */
export function OrgHistory({ history }: { history: OrgEvent[] }) {
  const t = useT();
  if (history.length === 0) return <Text c="dimmed">{t('web.org.noHistory')}</Text>;
  const events = [...history].sort((a, b) => b.effectiveOn.localeCompare(a.effectiveOn) || b.recordedAt.localeCompare(a.recordedAt));
  return (
    <Timeline bulletSize={24} lineWidth={2} active={-1}>
      {events.map((event) => {
        const Icon = ICONS[event.kind];
        const changes = describeChange(event.before, event.after);
        return (
          <Timeline.Item key={event.id} bullet={<Icon size={14} aria-hidden />} title={`${t(`orgEvent.${event.kind}`)} — ${formatDate(event.effectiveOn)}`}>
            {event.reason && (
              <Text size="sm">
                {t('web.common.reason')}: {event.reason}
              </Text>
            )}
            {changes.map((line) => (
              <Text key={line} size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
                {line}
              </Text>
            ))}
            <Text size="xs" c="dimmed" mt={2}>
              {t('web.org.recorded', { at: formatDateTime(event.recordedAt), by: event.recordedBy ?? t('web.common.system') })}
            </Text>
          </Timeline.Item>
        );
      })}
    </Timeline>
  );
}
