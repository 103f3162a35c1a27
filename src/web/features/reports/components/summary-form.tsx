import { Button, Group, Paper, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconFileTypeDocx } from '@tabler/icons-react';
import { NARRATIVE_KEYS, REPORT_LIMITS, type Narrative } from '../../../../contracts/reports';
import { useT } from '../../../lib/i18n';
import { useMe } from '../../../lib/session';
import { ErrorAlert } from '../../../components/ui/error-alert';
import { saveBlob, useAnnualSummaryDocx } from '../api/reports';

export type NarrativeDraft = Record<keyof Narrative, string>;
export const EMPTY_NARRATIVE: NarrativeDraft = { assessment: '', shortcomings: '', directions: '' };

/** The annual summary of the chosen unit and year, with the paragraphs the user types (each optional). */
export function SummaryForm({ orgId, year, narrative, onNarrative, signerName, onSignerName }: {
  orgId: number;
  year: number;
  narrative: NarrativeDraft;
  onNarrative: (n: NarrativeDraft) => void;
  signerName: string;
  onSignerName: (v: string) => void;
}) {
  const t = useT();
  const me = useMe();
  const docx = useAnnualSummaryDocx(me.csrfToken);
  const download = () =>
    docx.mutate(
      { orgId, year, narrative, signer: { name: signerName } },
      {
        onSuccess: ({ blob, fileName }) => {
          saveBlob(blob, fileName);
          notifications.show({ color: 'teal', message: t('web.reports.summary.downloaded') });
        },
      },
    );
  return (
    <Paper withBorder p="md">
      <Stack gap="sm">
        <Title order={2} size="h4">
          {t('web.reports.summary.title', { year })}
        </Title>
        <Text size="sm">{t('web.reports.summary.hint')}</Text>
        {NARRATIVE_KEYS.map((k) => (
          <Textarea
            key={k}
            label={t(`web.reports.summary.${k}`)}
            value={narrative[k]}
            onChange={(e) => {
              const v = e.currentTarget.value;
              onNarrative({ ...narrative, [k]: v });
            }}
            autosize
            minRows={2}
            maxRows={8}
            maxLength={REPORT_LIMITS.narrativeMax}
            data-testid={`reports-narrative-${k}`}
          />
        ))}
        <TextInput label={t('web.reports.summary.signerName')} value={signerName} onChange={(e) => onSignerName(e.currentTarget.value)} maxLength={REPORT_LIMITS.signerMax} />
        <ErrorAlert error={docx.error} />
        <Group>
          <Button leftSection={<IconFileTypeDocx size={18} aria-hidden />} onClick={download} loading={docx.isPending} data-testid="reports-download-summary">
            {t('web.reports.summary.download')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
