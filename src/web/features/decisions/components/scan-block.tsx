import { useRef } from 'react';
import { Anchor, Button, Group, Paper, Progress, Stack, Text, Title } from '@mantine/core';
import { IconDownload, IconFileUpload } from '@tabler/icons-react';
import { LIMITS } from '../../../../contracts/limits';
import { useT } from '../../../lib/i18n';
import { formatDateTime, toMegabytes } from '../../../lib/format';
import { ErrorAlert } from '../../../components/ui/error-alert';
import { SCAN_ACCEPT, scanUrl, useAttachScan, type DecisionDto } from '../api/decisions';

const kb = (bytes: number) => Math.max(1, Math.round(bytes / 1024));

/** The signed scan of a signed decision: every version downloadable, the managers attach a new one. */
export function ScanBlock({ d }: { d: DecisionDto }) {
  const t = useT();
  const input = useRef<HTMLInputElement>(null);
  const attach = useAttachScan(d.id);
  const canAttach = d.abilities.includes('decision.scan');
  if (d.status === 'DRAFT') return null;

  return (
    <Paper withBorder p="md" data-testid="decision-scan">
      <Stack gap="xs">
        <Title order={2} fz="h4">
          {t('web.decisions.scan.title')}
        </Title>
        {d.scans.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('web.decisions.scan.none')}
          </Text>
        ) : (
          <Stack gap={4} component="ul" m={0} p={0} style={{ listStyle: 'none' }}>
            {d.scans.map((s) => (
              <li key={s.id} data-testid="decision-scan-file" data-status={s.status}>
                <Group gap="xs" wrap="wrap">
                  <Anchor href={scanUrl(s.id)} size="sm" td={s.status === 'ACTIVE' ? undefined : 'line-through'} style={{ wordBreak: 'break-word' }}>
                    <IconDownload size={14} aria-hidden /> {s.fileName}
                  </Anchor>
                  <Text span size="xs" c="dimmed">
                    {t('web.decisions.scan.meta', { size: kb(s.sizeBytes), by: s.uploadedByName ?? '—', at: formatDateTime(s.uploadedAt) })}
                  </Text>
                  {s.status !== 'ACTIVE' && (
                    <Text span size="xs" c="dimmed">
                      {t('web.decisions.scan.superseded')}
                    </Text>
                  )}
                </Group>
              </li>
            ))}
          </Stack>
        )}
        {canAttach && (
          <>
            <input
              ref={input}
              type="file"
              accept={SCAN_ACCEPT}
              hidden
              aria-label={t('web.decisions.scan.input')}
              data-testid="decision-scan-input"
              onChange={(event) => {
                const file = event.currentTarget.files?.[0];
                event.currentTarget.value = '';
                if (file) attach.mutate(file);
              }}
            />
            <Group gap="xs">
              <Button
                size="sm"
                variant="default"
                leftSection={<IconFileUpload size={16} aria-hidden />}
                onClick={() => {
                  attach.reset();
                  input.current?.click();
                }}
                loading={attach.isPending}
                data-testid="decision-scan-upload"
              >
                {d.scans.length === 0 ? t('web.decisions.scan.attach') : t('web.decisions.scan.replace')}
              </Button>
              <Text size="xs" c="dimmed">
                {t('web.decisions.scan.hint', { maxMb: toMegabytes(LIMITS.documentMaxBytes) })}
              </Text>
            </Group>
            {attach.isPending && <Progress value={attach.progress * 100} animated aria-label={t('web.decisions.scan.uploading')} />}
            <ErrorAlert error={attach.error} />
          </>
        )}
      </Stack>
    </Paper>
  );
}
