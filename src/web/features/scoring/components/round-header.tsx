import type { ReactNode } from 'react';
import { Paper, SimpleGrid, Stack, Text } from '@mantine/core';
import { useT } from '../../../lib/i18n';
import { formatDate } from '../../../lib/format';
import { AnchorLink } from '../../../components/ui/links';
import type { RoundView } from '../api/rounds';
import { RoundStatusBadge } from './round-badges';
import { RoundProgress } from './round-table';

function Fact({ label, children, testId }: { label: string; children: ReactNode; testId?: string }) {
  return (
    <Stack gap={2}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text component="div" size="sm" data-testid={testId}>
        {children}
      </Text>
    </Stack>
  );
}

/** Where the round stands: organiser, year, template, deadline, status, mode and sheet progress. */
export function RoundHeader({ round }: { round: RoundView }) {
  const t = useT();
  return (
    <Paper withBorder p="md" data-testid="round-header">
      <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="md">
        <Fact label={t('web.scoring.field.organiser')}>{round.orgName}</Fact>
        <Fact label={t('web.scoring.field.year')}>{round.year}</Fact>
        <Fact label={t('web.scoring.field.template')} testId="round-template">
          <AnchorLink to="/mau-cham-diem/$templateId" params={{ templateId: round.templateId }} size="sm">
            {round.templateCode} · {t('web.scoring.templates.versionN', { version: round.templateVersion })} — {round.templateName}
          </AnchorLink>
        </Fact>
        <Fact label={t('web.scoring.field.deadline')} testId="round-deadline">
          {formatDate(round.deadline)}
        </Fact>
        <Fact label={t('web.scoring.field.status')}>
          <RoundStatusBadge status={round.status} />
        </Fact>
        {round.subject && <Fact label={t('web.scoring.templates.subject')}>{t(`web.scoring.subject.${round.subject}`)}</Fact>}
        <Fact label={t('web.scoring.field.mode')} testId="round-mode">
          {t(`web.scoring.mode.${round.mode}`)}
        </Fact>
        <Fact label={t('web.scoring.field.progress')}>
          <RoundProgress counts={round.counts} />
        </Fact>
      </SimpleGrid>
    </Paper>
  );
}
