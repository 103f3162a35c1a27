import { Alert, List, Stack, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useT } from '../../../lib/i18n';
import { AnchorLink } from '../../../components/ui/links';
import type { NominationDto } from '../api/nominations';

/** Other nominations this one collides with (same person twice at a level in a year…), linked. */
export function ConflictsPanel({ conflicts }: { conflicts: NominationDto['conflictList'] }) {
  const t = useT();
  if (conflicts.length === 0) return null;
  return (
    <Alert color="red" variant="light" icon={<IconAlertTriangle size={18} aria-hidden />} title={t('web.nominations.conflicts.title')} data-testid="nomination-conflict-list">
      <List spacing={4} size="sm">
        {conflicts.map((c, i) => (
          <List.Item key={`${c.code}-${i}`} data-testid="nomination-conflict" data-code={c.code}>
            <Stack gap={0}>
              <Text size="sm">{c.text}</Text>
              {c.otherNominationId !== null && (
                <AnchorLink to="/de-nghi/ho-so/$nominationId" params={{ nominationId: c.otherNominationId }} size="sm">
                  {t('web.nominations.conflicts.open', { id: c.otherNominationId })}
                </AnchorLink>
              )}
            </Stack>
          </List.Item>
        ))}
      </List>
    </Alert>
  );
}
