import { useState, type FormEvent, type ReactNode } from 'react';
import { Alert, Button, Container, Group, Paper, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { useNavigate, useParams } from '@tanstack/react-router';
import { IconSearch } from '@tabler/icons-react';
import { referenceParams } from '../../../../contracts/complaints';
import { useT } from '../../../lib/i18n';
import { formatDate } from '../../../lib/format';
import { ApiError } from '../../../lib/api-client';
import { ErrorAlert } from '../../../components/ui/error-alert';
import { LoadingBlock } from '../../../components/ui/loading-block';
import { usePublicComplaintStatus, type PublicComplaintStatus } from '../api/complaints';
import { ComplaintStatusBadge } from '../components/badges';

/** `/tra-cuu-don` and `/tra-cuu-don/:code`: the status of a letter by its reference code (no login, nothing personal). */
export function PublicComplaintStatusPage() {
  const t = useT();
  const params = useParams({ strict: false });
  const navigate = useNavigate();
  const code = typeof params.code === 'string' && params.code !== '' ? params.code.toUpperCase() : null;
  const [input, setInput] = useState(code ?? '');
  const [invalid, setInvalid] = useState(false);
  const status = usePublicComplaintStatus(code);
  useDocumentTitle(t('web.complaints.lookup.title'));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const parsed = referenceParams.safeParse({ code: input });
    setInvalid(!parsed.success);
    if (!parsed.success) return;
    void navigate({ to: '/tra-cuu-don/$code', params: { code: parsed.data.code.toUpperCase() } });
  };
  const notFound = status.error instanceof ApiError && status.error.status === 404;

  return (
    <Container size="sm" py="lg" px="sm">
      <Stack gap="md">
        <Stack gap={4}>
          <Title order={1} fz={{ base: 'h3', sm: 'h2' }}>
            {t('web.complaints.lookup.title')}
          </Title>
          <Text c="dimmed">{t('web.complaints.lookup.intro')}</Text>
        </Stack>
        <form onSubmit={submit} noValidate role="search" aria-label={t('web.complaints.lookup.title')}>
          <Group align="flex-end" gap="sm" wrap="wrap">
            <TextInput
              label={t('web.complaints.lookup.code')}
              value={input}
              onChange={(e) => {
                const v = e.currentTarget.value;
                setInput(v);
                setInvalid(false);
              }}
              required
              maxLength={40}
              autoCapitalize="characters"
              spellCheck={false}
              error={invalid ? t('web.complaints.lookup.invalid') : undefined}
              style={{ flex: '1 1 14rem' }}
              data-testid="complaint-lookup-code"
            />
            <Button type="submit" leftSection={<IconSearch size={16} aria-hidden />} data-testid="complaint-lookup-submit">
              {t('web.complaints.lookup.submit')}
            </Button>
          </Group>
        </form>
        {code && status.isPending && <LoadingBlock />}
        {notFound ? (
          <Alert color="red" variant="light" role="alert" data-testid="complaint-lookup-not-found">
            {t('web.complaints.lookup.notFound')}
          </Alert>
        ) : (
          <ErrorAlert error={status.error} />
        )}
        {status.data && (status.data.instances.length > 1 ? status.data.instances.map((i) => <StatusCard key={i.referenceCode} s={i} several />) : <StatusCard s={status.data} />)}
      </Stack>
    </Container>
  );
}

/** One instance of the matter; when there are two, each says which it is (the second is handled by the organisation above). */
function StatusCard({ s, several = false }: { s: PublicComplaintStatus['instances'][number]; several?: boolean }) {
  const t = useT();
  const rows: [string, ReactNode][] = [
    [t('web.complaints.field.kind'), t(`web.complaints.kind.${s.kind}`)],
    [t('web.complaints.field.org'), s.orgName],
    [t('web.complaints.field.receivedOn'), formatDate(s.receivedOn)],
    [t('web.complaints.field.status'), <ComplaintStatusBadge key="status" status={s.status} testId={several ? `complaint-lookup-status-${s.instance}` : 'complaint-lookup-status'} />],
  ];
  if (s.acceptedOn) rows.push([t('web.complaints.lookup.acceptedOn'), formatDate(s.acceptedOn)]);
  if (s.resolveBy) rows.push([t('web.complaints.lookup.resolveBy'), formatDate(s.resolveBy)]);
  if (s.closedOn) rows.push([t('web.complaints.lookup.closedOn'), formatDate(s.closedOn)]);
  if (s.outcome) rows.push([t('web.complaints.lookup.outcome'), t(`web.complaints.outcome.${s.outcome}`)]);
  return (
    <Paper withBorder p={{ base: 'sm', sm: 'md' }} component="section" aria-labelledby={`complaint-lookup-heading-${s.instance}`} data-testid="complaint-lookup-result" data-instance={s.instance}>
      <Stack gap="sm">
        <Title order={2} size="h4" id={`complaint-lookup-heading-${s.instance}`} style={{ wordBreak: 'break-all' }}>
          {several ? t(`web.complaints.lookup.instance${s.instance === 2 ? 'Second' : 'First'}`, { code: s.referenceCode }) : t('web.complaints.lookup.result', { code: s.referenceCode })}
        </Title>
        <Table>
          <Table.Tbody>
            {rows.map(([label, value]) => (
              <Table.Tr key={label}>
                <Table.Th scope="row" w="40%" fw={500}>
                  {label}
                </Table.Th>
                <Table.Td>{value}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Stack>
    </Paper>
  );
}
