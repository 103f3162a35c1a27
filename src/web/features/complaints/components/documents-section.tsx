import { Anchor, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { IconDownload, IconFileUpload, IconTrash } from '@tabler/icons-react';
import { useT } from '../../../lib/i18n';
import { formatDateTime } from '../../../lib/format';
import { complaintDocumentUrl, type ComplaintDto } from '../api/complaints';

/** The documents of the handling: every version, a withdrawn one struck through with its reason. */
export function DocumentsSection({ c, onUpload, onRevoke }: { c: ComplaintDto; onUpload: () => void; onRevoke: (documentId: number) => void }) {
  const t = useT();
  const canChange = c.abilities.includes('complaint.document');
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="complaint-documents-heading" data-testid="complaint-documents">
      <Stack gap="sm">
        <Group justify="space-between" gap="xs">
          <Title order={2} size="h4" id="complaint-documents-heading">
            {t('web.complaints.documents.heading')}
          </Title>
          {canChange && (
            <Button size="sm" variant="default" leftSection={<IconFileUpload size={16} aria-hidden />} onClick={onUpload} data-testid="complaint-document-upload">
              {t('web.complaints.documents.upload')}
            </Button>
          )}
        </Group>
        {c.documents.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('web.complaints.documents.none')}
          </Text>
        ) : (
          <Stack gap={6} component="ul" m={0} p={0} style={{ listStyle: 'none' }}>
            {c.documents.map((d) => {
              const revoked = d.status === 'REVOKED';
              return (
                <li key={d.id} data-testid="complaint-document" data-status={d.status}>
                  <Stack gap={2}>
                    <Group gap="xs" wrap="wrap">
                      <Anchor href={complaintDocumentUrl(d.id)} size="sm" fw={500} td={revoked ? 'line-through' : undefined} style={{ wordBreak: 'break-word' }} data-testid="complaint-document-download">
                        <IconDownload size={14} aria-hidden /> {d.title}
                      </Anchor>
                      {canChange && !revoked && (
                        <Button size="compact-sm" variant="subtle" color="red.9" leftSection={<IconTrash size={14} aria-hidden />} onClick={() => onRevoke(d.id)} aria-label={t('web.complaints.documents.revokeOne', { title: d.title })} data-testid="complaint-document-revoke">
                          {t('web.complaints.documents.revoke')}
                        </Button>
                      )}
                    </Group>
                    <Text size="xs" c="dimmed">
                      {t(`web.complaints.docType.${d.docType}`)} · {d.fileName} · {d.uploadedBy ?? '—'} · {formatDateTime(d.uploadedAt)}
                    </Text>
                    {revoked && (
                      <Text size="xs" c="red.9">
                        {t('web.complaints.documents.revokedReason', { reason: d.revokedReason ?? '' })}
                      </Text>
                    )}
                  </Stack>
                </li>
              );
            })}
          </Stack>
        )}
      </Stack>
    </Paper>
  );
}
