import { useState } from 'react';
import { Button, Group, List, Paper, Stack, Text, Textarea, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconDeviceFloppy, IconFileTypeDocx } from '@tabler/icons-react';
import type { ClusterDto } from '../../../../contracts/clusters';
import { useT } from '../../../lib/i18n';
import { formatDate, todayIso } from '../../../lib/format';
import { hasAbility } from '../../../lib/session';
import { DateField } from '../../../components/ui/date-field';
import { ErrorAlert } from '../../../components/ui/error-alert';
import { covenantDocxUrl, useSaveCovenant } from '../api/clusters';

/** The covenant: one commitment per line, the signing date, and the Word file. Readers see the list. */
export function CovenantEditor({ cluster }: { cluster: ClusterDto }) {
  const t = useT();
  const mutation = useSaveCovenant();
  const canEdit = hasAbility(cluster, 'cluster.covenant');
  const [text, setText] = useState(cluster.covenant.join('\n'));
  const [signedOn, setSignedOn] = useState<string | null>(cluster.covenantSignedOn);
  const [error, setError] = useState<string | null>(null);
  const paragraphs = text.split('\n').map((l) => l.trim()).filter(Boolean);

  const save = () => {
    const problem = paragraphs.length === 0 ? t('web.clusters.covenant.required') : signedOn === null ? t('web.clusters.covenant.dateRequired') : null;
    setError(problem);
    if (problem) return;
    mutation.mutate({ id: cluster.id, version: cluster.version, paragraphs, signedOn: signedOn! }, { onSuccess: () => notifications.show({ color: 'teal', message: t('web.clusters.covenant.saved') }) });
  };

  return (
    <Paper withBorder p="md" data-testid="cluster-covenant">
      <Stack gap="sm">
        <Group justify="space-between" wrap="wrap">
          <Title order={2} fz="h4">
            {t('web.clusters.covenant.title')}
          </Title>
          <Button component="a" href={covenantDocxUrl(cluster.id)} download variant="default" leftSection={<IconFileTypeDocx size={16} aria-hidden />} data-testid="cluster-covenant-download">
            {t('web.clusters.covenant.download')}
          </Button>
        </Group>
        {cluster.covenantSignedOn && <Text size="sm">{t('web.clusters.covenant.signedLine', { date: formatDate(cluster.covenantSignedOn) })}</Text>}
        {canEdit ? (
          <>
            <Textarea
              label={t('web.clusters.covenant.paragraphs')}
              description={t('web.clusters.covenant.hint')}
              value={text}
              onChange={(e) => setText(e.currentTarget.value)}
              autosize
              minRows={4}
              maxRows={16}
              data-testid="cluster-covenant-text"
            />
            <Group align="flex-end" wrap="wrap">
              <DateField label={t('web.clusters.covenant.signedOn')} value={signedOn} onChange={setSignedOn} maxDate={todayIso()} required data-testid="cluster-covenant-date" />
              <Button leftSection={<IconDeviceFloppy size={16} aria-hidden />} onClick={save} loading={mutation.isPending} data-testid="cluster-covenant-save">
                {t('web.clusters.covenant.save')}
              </Button>
            </Group>
            {error && (
              <Text size="sm" c="red" role="alert">
                {error}
              </Text>
            )}
            <ErrorAlert error={mutation.error} />
          </>
        ) : cluster.covenant.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('web.clusters.covenant.empty')}
          </Text>
        ) : (
          <List type="ordered" size="sm">
            {cluster.covenant.map((p, i) => (
              <List.Item key={i}>{p}</List.Item>
            ))}
          </List>
        )}
      </Stack>
    </Paper>
  );
}
