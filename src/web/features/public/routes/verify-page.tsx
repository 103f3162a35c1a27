import { Alert, Badge, Container, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { IconCircleCheck, IconCircleX } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import type { VerificationDto } from '../../../../contracts/decisions';
import { api, ApiError } from '../../../lib/api-client';
import { useT } from '../../../lib/i18n';
import { formatDate } from '../../../lib/format';
import { ErrorAlert } from '../../../components/ui/error-alert';
import { LoadingBlock } from '../../../components/ui/loading-block';

const route = getRouteApi('/verify/$serial');

/** `/verify/:serial`: what the QR code on a certificate opens (no login): name, award, decision, issuer — or revoked. */
export function VerifyPage() {
  const t = useT();
  const { serial } = route.useParams();
  const q = useQuery({
    queryKey: ['public', 'verify', serial],
    queryFn: ({ signal }) => api.get<VerificationDto>(`/public/verify/${encodeURIComponent(serial)}`, undefined, signal),
    retry: false,
  });
  useDocumentTitle(t('web.verify.title'));
  const missing = q.error instanceof ApiError && q.error.status === 404;
  const v = q.data;
  return (
    <Container size="sm" py="lg" px="sm">
      <Stack gap="md">
        <Title order={1} fz={{ base: 'h3', sm: 'h2' }}>
          {t('web.verify.title')}
        </Title>
        <Text c="dimmed">{t('web.verify.serial', { serial })}</Text>
        {q.isPending ? (
          <LoadingBlock />
        ) : missing ? (
          <Alert color="red" icon={<IconCircleX aria-hidden />} title={t('web.verify.notFound')} data-testid="verify-result" data-status="NOT_FOUND">
            {t('web.verify.notFoundHelp')}
          </Alert>
        ) : v ? (
          <Paper withBorder p="md" data-testid="verify-result" data-status={v.status}>
            <Stack gap="sm">
              {v.status === 'VALID' ? (
                <Badge size="lg" color="teal.9" variant="light" leftSection={<IconCircleCheck size={16} aria-hidden />}>
                  {t('web.verify.valid')}
                </Badge>
              ) : (
                <Badge size="lg" color="red.9" variant="light" leftSection={<IconCircleX size={16} aria-hidden />}>
                  {v.revokedOn ? t('web.verify.revokedOn', { date: formatDate(v.revokedOn) }) : t('web.verify.revoked')}
                </Badge>
              )}
              <Table variant="vertical" layout="fixed" withTableBorder={false}>
                <Table.Tbody>
                  <Table.Tr>
                    <Table.Th w={150}>{t('web.verify.recipient')}</Table.Th>
                    <Table.Td data-testid="verify-recipient">{v.recipientName}</Table.Td>
                  </Table.Tr>
                  <Table.Tr>
                    <Table.Th>{t('web.verify.award')}</Table.Th>
                    <Table.Td>{v.awardName}</Table.Td>
                  </Table.Tr>
                  <Table.Tr>
                    <Table.Th>{t('web.verify.decision')}</Table.Th>
                    <Table.Td>{t('web.verify.decisionText', { number: v.decisionNumber, date: formatDate(v.decisionDate) })}</Table.Td>
                  </Table.Tr>
                  <Table.Tr>
                    <Table.Th>{t('web.verify.issuer')}</Table.Th>
                    <Table.Td>{v.issuerName}</Table.Td>
                  </Table.Tr>
                </Table.Tbody>
              </Table>
            </Stack>
          </Paper>
        ) : (
          <ErrorAlert error={q.error} />
        )}
      </Stack>
    </Container>
  );
}
