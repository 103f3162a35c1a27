import { Badge, Button, Group, List, Paper, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconCheck, IconInfoSmall, IconQuestionMark, IconRefresh, IconX } from '@tabler/icons-react';
import type { ReasonOutcome } from '../../../../contracts/enums';
import { useT } from '../../../lib/i18n';
import { formatDateTime } from '../../../lib/format';
import { hasAbility } from '../../../lib/session';
import { ErrorAlert } from '../../../components/ui/error-alert';
import { useReevaluateNomination, type NominationDto } from '../api/nominations';
import { EligibilityBadge } from './badges';

const OUTCOME: Record<ReasonOutcome, { color: string; icon: typeof IconCheck }> = {
  PASS: { color: 'teal', icon: IconCheck },
  FAIL: { color: 'red', icon: IconX },
  MISSING: { color: 'orange', icon: IconQuestionMark },
  INFO: { color: 'blue', icon: IconInfoSmall },
};

/** The engine's answer kept with the nomination: each rule's outcome, the law behind it, the rule packs used. */
export function EligibilityPanel({ nomination }: { nomination: NominationDto }) {
  const t = useT();
  const reevaluate = useReevaluateNomination(nomination.id);
  const e = nomination.eligibility;
  return (
    <Paper withBorder p="md" data-testid="nomination-eligibility-panel">
      <Stack gap="sm">
        <Group justify="space-between" gap="xs">
          <Group gap="xs">
            <Title order={2} size="h4">
              {t('web.nominations.eligibility.title')}
            </Title>
            <EligibilityBadge status={nomination.eligibilityStatus} testId="nomination-eligibility-status" />
          </Group>
          {hasAbility(nomination, 'nomination.reevaluate') && (
            <Button size="xs" variant="default" leftSection={<IconRefresh size={14} aria-hidden />} loading={reevaluate.isPending} onClick={() => reevaluate.mutate(undefined)} data-testid="nomination-reevaluate">
              {t('web.nominations.eligibility.reevaluate')}
            </Button>
          )}
        </Group>
        <Text size="xs" c="dimmed" data-testid="nomination-checked-at">
          {t('web.nominations.eligibility.checkedAt', { at: formatDateTime(nomination.eligibilityCheckedAt), packs: e.rulePacks.map((p) => p.name).join('; ') || '—' })}
        </Text>
        <ErrorAlert error={reevaluate.error} />
        {e.reasons.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('web.nominations.eligibility.noReasons')}
          </Text>
        ) : (
          <List spacing="xs" listStyleType="none" aria-label={t('web.nominations.eligibility.reasons')} data-testid="nomination-reasons">
            {e.reasons.map((reason, index) => {
              const look = OUTCOME[reason.outcome];
              return (
                <List.Item
                  key={`${reason.ruleId}-${index}`}
                  data-outcome={reason.outcome}
                  icon={
                    <ThemeIcon color={look.color} variant="light" size={22} radius="xl" role="img" aria-label={t(`web.nominations.outcome.${reason.outcome}`)}>
                      <look.icon size={14} stroke={2.4} aria-hidden />
                    </ThemeIcon>
                  }
                >
                  <Stack gap={2}>
                    <Text size="sm" style={{ wordBreak: 'break-word' }}>
                      {reason.text}
                    </Text>
                    <Group gap={6}>
                      <Text size="xs" c="dimmed">
                        {reason.citation.article ? `${reason.citation.document}, ${reason.citation.article}` : reason.citation.document}
                      </Text>
                      {!reason.verified && (
                        <Badge size="xs" color="gray" variant="outline" style={{ textTransform: 'none' }}>
                          {t('web.nominations.eligibility.unverified')}
                        </Badge>
                      )}
                    </Group>
                  </Stack>
                </List.Item>
              );
            })}
          </List>
        )}
      </Stack>
    </Paper>
  );
}
