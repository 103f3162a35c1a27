import { useState } from 'react';
import { Alert, Button, Group, Paper, Stack, Text, Textarea, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertTriangle, IconDeviceFloppy } from '@tabler/icons-react';
import { LIMITS } from '../../../../contracts/limits';
import { useT } from '../../../lib/i18n';
import { hasAbility } from '../../../lib/session';
import { ErrorAlert } from '../../../components/ui/error-alert';
import { useUpdateNomination, type NominationDto } from '../api/nominations';

/**
 * The achievement summary and the justification (giải trình). A not-eligible nomination goes forward
 * only with a justification, and every later reviewer reads it first: it is highlighted for them.
 */
export function JustificationCard({ nomination }: { nomination: NominationDto }) {
  const t = useT();
  const editable = hasAbility(nomination, 'nomination.update');
  const update = useUpdateNomination(nomination.id);
  const [summary, setSummary] = useState(nomination.achievementSummary ?? '');
  const [justification, setJustification] = useState(nomination.justification ?? '');
  const notEligible = nomination.eligibilityStatus === 'NOT_ELIGIBLE';
  const dirty = summary.trim() !== (nomination.achievementSummary ?? '') || justification.trim() !== (nomination.justification ?? '');

  const save = () =>
    update.mutate(
      { version: nomination.version, achievementSummary: summary.trim() || null, justification: justification.trim() || null },
      { onSuccess: () => notifications.show({ color: 'teal', message: t('web.nominations.justification.saved') }) },
    );

  return (
    <Paper withBorder p="md" data-testid="nomination-justification-card">
      <Stack gap="sm">
        <Title order={2} size="h4">
          {t('web.nominations.justification.title')}
        </Title>
        {notEligible && !nomination.justification && (
          <Alert color="red" variant="light" icon={<IconAlertTriangle size={18} aria-hidden />} data-testid="nomination-justification-needed">
            {t('web.nominations.justification.needed')}
          </Alert>
        )}
        {editable ? (
          <>
            <Textarea label={t('web.nominations.field.achievementSummary')} value={summary} onChange={(e) => setSummary(e.currentTarget.value)} autosize minRows={3} maxRows={12} maxLength={20_000} data-testid="nomination-summary" />
            <Textarea
              label={t('web.nominations.field.justification')}
              description={notEligible ? t('web.nominations.justification.hintNotEligible') : t('web.nominations.form.justificationHint')}
              value={justification}
              onChange={(e) => setJustification(e.currentTarget.value)}
              autosize
              minRows={2}
              maxRows={8}
              maxLength={LIMITS.textMax}
              data-testid="nomination-justification"
            />
            <ErrorAlert error={update.error} />
            <Group justify="flex-end">
              <Button leftSection={<IconDeviceFloppy size={16} aria-hidden />} onClick={save} disabled={!dirty} loading={update.isPending} data-testid="nomination-justification-save">
                {t('web.common.save')}
              </Button>
            </Group>
          </>
        ) : (
          <>
            <Stack gap={2}>
              <Text size="sm" fw={500}>
                {t('web.nominations.field.achievementSummary')}
              </Text>
              <Text size="sm" style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word' }} c={nomination.achievementSummary ? undefined : 'dimmed'}>
                {nomination.achievementSummary ?? t('web.nominations.justification.none')}
              </Text>
            </Stack>
            <Stack gap={2} p={notEligible ? 'sm' : 0} bg={notEligible ? 'var(--mantine-color-yellow-0)' : undefined} style={notEligible ? { borderLeft: '4px solid var(--mantine-color-red-6)' } : undefined} data-testid="nomination-justification-text">
              <Text size="sm" fw={600}>
                {notEligible ? t('web.nominations.justification.readFirst') : t('web.nominations.field.justification')}
              </Text>
              <Text size="sm" style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word' }} c={nomination.justification ? undefined : 'dimmed'}>
                {nomination.justification ?? t('web.nominations.justification.none')}
              </Text>
            </Stack>
          </>
        )}
      </Stack>
    </Paper>
  );
}
