import type { ReactNode } from 'react';
import { Alert, Group, Paper, SimpleGrid, Stack, Text } from '@mantine/core';
import { IconArrowBackUp, IconLock } from '@tabler/icons-react';
import type { RoundDto } from '../../../../contracts/scoring';
import { formatDate, todayIso } from '../../../lib/format';
import { useT } from '../../../lib/i18n';
import { hasAbility } from '../../../lib/session';
import type { SheetView } from '../api/sheets';
import { SheetStatusBadge } from './sheet-parts';

/** Whole days from today (in the browser's calendar) to an ISO date; negative once past. */
function daysUntil(date: string): number {
  return Math.round((Date.parse(`${date}T00:00:00Z`) - Date.parse(`${todayIso()}T00:00:00Z`)) / 86_400_000);
}

function Fact({ label, children, testId }: { label: string; children: ReactNode; testId?: string }) {
  return (
    <div>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm" fw={500} component="div" data-testid={testId}>
        {children}
      </Text>
    </div>
  );
}

/** Who is scored, in which round, by whom, against which template, where the sheet stands and until when. */
export function SheetHeader({ sheet, round }: { sheet: SheetView; round: RoundDto | undefined }) {
  const t = useT();
  const open = sheet.status === 'DRAFT' || sheet.status === 'RETURNED';
  const days = daysUntil(sheet.deadline);
  const selfScorer = hasAbility(sheet, 'sheet.selfScore');
  let next: string;
  if (sheet.status === 'VERIFIED') {
    next = round?.status === 'PUBLISHED' ? t('web.scoring.sheet.next.published') : t('web.scoring.sheet.next.verified', { date: formatDate(sheet.verifiedAt) });
  } else if (sheet.status === 'SUBMITTED') {
    next = hasAbility(sheet, 'sheet.verify') ? t('web.scoring.sheet.next.verify') : t('web.scoring.sheet.next.waiting', { organiser: sheet.organiserName });
  } else if (selfScorer) {
    next = sheet.status === 'RETURNED' ? t('web.scoring.sheet.next.fixReturned') : t('web.scoring.sheet.next.selfScore');
  } else {
    next = t('web.scoring.sheet.next.unitScoring');
  }

  return (
    <Stack gap="sm">
      <Paper withBorder p="md">
        <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="sm" verticalSpacing="xs">
          <Fact label={t('web.scoring.sheet.field.status')}>
            <SheetStatusBadge status={sheet.status} />
          </Fact>
          <Fact label={t('web.scoring.sheet.field.organiser')}>{sheet.organiserName}</Fact>
          <Fact label={t('web.scoring.sheet.field.template')} testId="sheet-template">
            {t('web.scoring.sheet.templateLine', { code: sheet.templateCode, version: sheet.templateVersion })}
          </Fact>
          <Fact label={t('web.scoring.sheet.field.deadline')} testId="sheet-deadline">
            <Group gap={6} wrap="wrap">
              <span>{formatDate(sheet.deadline)}</span>
              {open && (
                <Text span size="sm" fw={600} c={days <= 3 ? 'red.9' : 'dimmed'} data-testid="sheet-days-left">
                  {days < 0 ? t('web.scoring.sheet.overdue', { days: -days }) : days === 0 ? t('web.scoring.sheet.dueToday') : t('web.scoring.sheet.daysLeft', { days })}
                </Text>
              )}
            </Group>
          </Fact>
        </SimpleGrid>
        <Text size="sm" mt="sm" data-testid="sheet-next-step">
          {next}
        </Text>
      </Paper>
      {sheet.status === 'RETURNED' && sheet.returnReason && (
        <Alert color="orange" variant="light" icon={<IconArrowBackUp size={18} aria-hidden />} title={t('web.scoring.sheet.returnedTitle')} data-testid="sheet-return-reason">
          {sheet.returnReason}
        </Alert>
      )}
      {sheet.status === 'SUBMITTED' && !hasAbility(sheet, 'sheet.verify') && (
        <Alert color="blue" variant="light" icon={<IconLock size={18} aria-hidden />} title={t('web.scoring.sheet.lockedTitle')} data-testid="sheet-locked">
          {t('web.scoring.sheet.locked', { date: formatDate(sheet.submittedAt), organiser: sheet.organiserName })}
        </Alert>
      )}
    </Stack>
  );
}
