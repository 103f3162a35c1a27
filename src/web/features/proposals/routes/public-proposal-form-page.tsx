import { Alert, Button, Container, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { getRouteApi } from '@tanstack/react-router';
import { IconCircleCheck } from '@tabler/icons-react';
import { useT } from '../../../lib/i18n';
import { formatDate } from '../../../lib/format';
import { ErrorAlert } from '../../../components/ui/error-alert';
import { usePublishedDocuments } from '../../outgoing/api/outgoing';
import { useSendPublicProposal } from '../api/proposals';
import { ProposalFields } from '../components/proposal-fields';
import { useProposalForm } from '../components/use-proposal-form';

const route = getRouteApi('/cong-khai/$orgCode/de-xuat');

/** `/cong-khai/:code/de-xuat`: anyone proposes a good person or good deed to the organisation and gets a reference code. */
export function PublicProposalFormPage() {
  const t = useT();
  const { orgCode } = route.useParams();
  // The organisation's public name, from its public documents page (unknown codes simply show no name).
  const org = usePublishedDocuments(orgCode, 1);
  const orgName = org.data?.org.name;
  const send = useSendPublicProposal(orgCode);
  const form = useProposalForm({
    member: false,
    error: send.error,
    pending: send.isPending,
    send: (b) => send.mutate({ ...b, proposerName: b.proposerName ?? '', proposerContact: b.proposerContact ?? '' }),
  });
  useDocumentTitle(`${t('web.proposals.public.title')}${orgName ? ` · ${orgName}` : ''}`);

  return (
    <Container size="sm" py="lg" px="sm">
      <Stack gap="md">
        <Stack gap={4}>
          <Title order={1} fz={{ base: 'h3', sm: 'h2' }}>
            {t('web.proposals.public.title')}
          </Title>
          <Text c="dimmed">{orgName ? t('web.proposals.public.intro', { org: orgName }) : t('web.proposals.public.introNoOrg')}</Text>
        </Stack>
        {send.data ? (
          <Alert color="teal" variant="light" icon={<IconCircleCheck size={18} aria-hidden />} title={t('web.proposals.public.sent')} role="status" data-testid="public-proposal-done">
            <Stack gap="sm">
              <Text size="sm">{t('web.proposals.public.codeLabel')}</Text>
              <Text fz={{ base: 22, sm: 28 }} fw={700} ff="monospace" style={{ wordBreak: 'break-all' }} data-testid="public-proposal-code">
                {send.data.referenceCode}
              </Text>
              <Text size="sm">
                {t('web.proposals.field.receivedOn')}: {formatDate(send.data.receivedOn)}
              </Text>
              <Text size="sm">{t('web.proposals.public.codeHint')}</Text>
              <Group gap="sm">
                {/* The status page is rendered by the server (no route in the web app): a full page load. */}
                <Button component="a" href={`/tra-cuu-de-xuat/${encodeURIComponent(send.data.referenceCode)}`} variant="light" data-testid="public-proposal-status-link">
                  {t('web.proposals.public.statusLink')}
                </Button>
                <Button
                  variant="default"
                  onClick={() => {
                    send.reset();
                    form.reset();
                  }}
                >
                  {t('web.proposals.public.another')}
                </Button>
              </Group>
            </Stack>
          </Alert>
        ) : (
          <Paper withBorder p={{ base: 'sm', sm: 'md' }}>
            <form onSubmit={form.submit} noValidate aria-label={t('web.proposals.public.formLabel')}>
              <Stack gap="sm">
                <ProposalFields draft={form.draft} onChange={form.change} errors={form.errors} testIdPrefix="public-proposal" />
                <Text size="xs" c="dimmed">
                  {t('web.proposals.public.privacy')}
                </Text>
                <ErrorAlert error={send.error} />
                <Group>
                  <Button type="submit" size="md" loading={send.isPending} data-testid="public-proposal-submit">
                    {t('web.proposals.public.send')}
                  </Button>
                </Group>
              </Stack>
            </form>
          </Paper>
        )}
      </Stack>
    </Container>
  );
}
