import type { ReactNode } from 'react';
import { Badge, Divider, Group, Paper, Stack, Text } from '@mantine/core';
import type { SheetDto } from '../../../../contracts/scoring';
import { useT } from '../../../lib/i18n';
import { useIsMobile } from '../../../lib/use-is-mobile';
import { points, type SectionGroup } from './sheet-parts';

interface SheetSummaryProps {
  totals: SheetDto['self'];
  sections: readonly SectionGroup[];
  label: string;
  testId: string;
  dirty: boolean;
  /** Extra lines under the total (classification, the other side's total). */
  extra?: ReactNode;
  /** The form's buttons: in the bottom bar on phones, under the totals elsewhere. */
  actions: ReactNode;
}

/**
 * Running totals as last saved (the server computes them), per section and overall. A sticky side
 * panel on wide screens; a bar at the bottom on phones, where the thumb is.
 */
export function SheetSummary({ totals, sections, label, testId, dirty, extra, actions }: SheetSummaryProps) {
  const t = useT();
  const isMobile = useIsMobile();
  const total = (
    <Group gap="xs" justify="space-between" wrap="nowrap">
      <Text size="sm" fw={600}>
        {label}
      </Text>
      <Text size="lg" fw={700} data-testid={testId}>
        {t('web.scoring.sheet.outOf', { points: points(totals.total), max: points(totals.maxTotal) })}
      </Text>
    </Group>
  );
  const unsaved = dirty && (
    <Badge color="orange" variant="light" style={{ textTransform: 'none' }} data-testid="sheet-unsaved">
      {t('web.scoring.sheet.unsaved')}
    </Badge>
  );

  if (isMobile) {
    return (
      <Paper withBorder shadow="md" p="sm" role="region" aria-label={t('web.scoring.sheet.summary')} style={{ position: 'sticky', bottom: 0, zIndex: 5 }} data-testid="sheet-summary">
        <Stack gap={6}>
          {total}
          {unsaved}
          {extra}
          <Group gap="xs" grow>
            {actions}
          </Group>
        </Stack>
      </Paper>
    );
  }
  return (
    <Paper withBorder p="md" role="region" aria-label={t('web.scoring.sheet.summary')} style={{ position: 'sticky', top: 72 }} data-testid="sheet-summary">
      <Stack gap="xs">
        {total}
        {unsaved}
        <Divider />
        {sections.map((s) => {
          const row = totals.sections.find((x) => x.code === s.code);
          return (
            <Group key={s.code} gap="xs" justify="space-between" wrap="nowrap" align="flex-start">
              <Text size="xs" lineClamp={2} title={s.title}>
                {s.code}. {s.title}
              </Text>
              <Text size="sm" fw={500} style={{ whiteSpace: 'nowrap' }} data-testid="sheet-section-total" data-section={s.code}>
                {t('web.scoring.sheet.outOf', { points: points(row?.points ?? 0), max: points(row?.maxPoints ?? s.maxPoints ?? 0) })}
              </Text>
            </Group>
          );
        })}
        {extra}
        <Divider />
        <Stack gap="xs">{actions}</Stack>
      </Stack>
    </Paper>
  );
}
