import { Anchor, Badge, Container, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { AnchorLink } from '../../../components/ui/links';
import { useDocumentTitle } from '@mantine/hooks';
import { getRouteApi } from '@tanstack/react-router';
import { useT } from '../../../lib/i18n';
import { formatDate } from '../../../lib/format';
import { ErrorAlert } from '../../../components/ui/error-alert';
import { LoadingBlock } from '../../../components/ui/loading-block';
import { PaginationBar } from '../../../components/ui/pagination-bar';
import { publicDocumentUrl, usePublishedDocuments } from '../../outgoing/api/outgoing';

const route = getRouteApi('/cong-khai/$orgCode');

/** `/cong-khai/:code`: the documents an organisation published (no login, no personal data). */
export function PublicDocumentsPage() {
  const t = useT();
  const { orgCode } = route.useParams();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const page = search.page ?? 1;
  const docs = usePublishedDocuments(orgCode, page);
  useDocumentTitle(`${t('web.cascade.public.title')}${docs.data ? ` · ${docs.data.org.name}` : ''}`);

  return (
    <Container size="md" py="lg" px="sm">
      <Stack gap="md">
        <Stack gap={4}>
          <Title order={1} fz={{ base: 'h3', sm: 'h2' }}>
            {t('web.cascade.public.title')}
          </Title>
          {docs.data && <Text c="dimmed">{t('web.cascade.public.description', { name: docs.data.org.name })}</Text>}
        </Stack>
        <Group gap="md" component="nav" aria-label={t('web.cascade.public.links')} data-testid="public-links">
          <AnchorLink to="/cong-khai/$orgCode/lay-y-kien" params={{ orgCode }}>
            {t('web.cascade.public.consultations')}
          </AnchorLink>
          <AnchorLink to="/cong-khai/$orgCode/gui-don" params={{ orgCode }}>
            {t('web.cascade.public.complain')}
          </AnchorLink>
          <AnchorLink to="/tra-cuu-don">{t('web.cascade.public.lookup')}</AnchorLink>
        </Group>
        <ErrorAlert error={docs.error} />
        {docs.isPending ? (
          <LoadingBlock />
        ) : docs.data && docs.data.items.length === 0 ? (
          <Paper withBorder p="xl">
            <Text c="dimmed" ta="center">
              {t('web.cascade.public.empty')}
            </Text>
          </Paper>
        ) : (
          <Stack gap="sm" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }} aria-label={t('web.cascade.public.caption')} data-testid="public-documents">
            {docs.data?.items.map((d) => (
              <Paper withBorder p="sm" component="li" key={d.id} data-testid="public-document">
                <Group gap="xs">
                  <Text size="sm" c="dimmed">
                    {d.numberSymbol} · {formatDate(d.issuedOn)}
                  </Text>
                  {d.revoked && (
                    <Badge color="red.9" variant="outline" data-testid="public-document-revoked">
                      {t('web.cascade.public.revoked')}
                    </Badge>
                  )}
                </Group>
                {d.hasDocument ? (
                  <Anchor href={publicDocumentUrl(d.id)} fw={500}>
                    {d.title}
                  </Anchor>
                ) : (
                  <Text fw={500}>{d.title}</Text>
                )}
              </Paper>
            ))}
          </Stack>
        )}
        {docs.data && docs.data.total > docs.data.pageSize && (
          <PaginationBar total={docs.data.total} page={page} pageSize={docs.data.pageSize} onPageChange={(p) => void navigate({ search: { page: p === 1 ? undefined : p } })} />
        )}
      </Stack>
    </Container>
  );
}
