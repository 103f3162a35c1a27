import { Badge, Group, List, Stack, Text, ThemeIcon, Tooltip } from '@mantine/core';
import { IconCheck, IconInfoSmall, IconQuestionMark, IconX } from '@tabler/icons-react';
import type { ReasonDto } from '../../../../contracts/eligibility';
import type { ReasonOutcome } from '../../../../contracts/enums';
import { useT } from '../../../lib/i18n';

const OUTCOME: Record<ReasonOutcome, { color: string; icon: typeof IconCheck }> = {
  PASS: { color: 'teal', icon: IconCheck },
  FAIL: { color: 'red', icon: IconX },
  MISSING: { color: 'orange', icon: IconQuestionMark },
  INFO: { color: 'blue', icon: IconInfoSmall },
};

/** "Luật Thi đua, khen thưởng số 06/2022/QH15, Điều 24". */
export function citationText(citation: ReasonDto['citation']): string {
  return citation.article ? `${citation.document}, ${citation.article}` : citation.document;
}

/** Every rule the answer rests on: what it found, the text of the law, and whether the rule is confirmed. */
export function ReasonList({ reasons, testId }: { reasons: ReasonDto[]; testId?: string }) {
  const t = useT();
  if (reasons.length === 0) return <Text c="dimmed" size="sm">{t('web.elig.noReasons')}</Text>;
  return (
    <List spacing="xs" listStyleType="none" data-testid={testId} aria-label={t('web.elig.reasons')}>
      {reasons.map((reason, index) => {
        const look = OUTCOME[reason.outcome];
        return (
          <List.Item
            key={`${reason.ruleId}-${index}`}
            data-outcome={reason.outcome}
            icon={
              <ThemeIcon color={look.color} variant="light" size={22} radius="xl" role="img" aria-label={t(`web.elig.outcome.${reason.outcome}`)}>
                <look.icon size={14} stroke={2.4} aria-hidden />
              </ThemeIcon>
            }
          >
            <Stack gap={2}>
              <Text size="sm">{reason.text}</Text>
              <Group gap={6}>
                <Text size="xs" c="dimmed">
                  {citationText(reason.citation)}
                </Text>
                {!reason.verified && (
                  <Tooltip label={t('web.elig.unverifiedHint')} multiline w={280} withArrow>
                    <Badge size="xs" color="gray" variant="outline" style={{ textTransform: 'none' }} tabIndex={0}>
                      {t('web.elig.unverified')}
                    </Badge>
                  </Tooltip>
                )}
              </Group>
            </Stack>
          </List.Item>
        );
      })}
    </List>
  );
}
