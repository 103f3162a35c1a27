import { useState } from 'react';
import { Anchor, Badge, Button, Grid, Paper, Stack, Text } from '@mantine/core';
import { IconDownload } from '@tabler/icons-react';
import { getRouteApi, useRouter } from '@tanstack/react-router';
import type { OutgoingDocumentDto } from '../../../../contracts/cascade';
import { useT } from '../../../lib/i18n';
import { formatDate } from '../../../lib/format';
import { ErrorAlert } from '../../../components/ui/error-alert';
import { PageHeader } from '../../../components/ui/page-header';
import { YearFilter } from '../../../components/ui/year-filter';
import { ChoiceFilter } from '../../../components/ui/choice-filter';
import { PaginationBar } from '../../../components/ui/pagination-bar';
import { ResponsiveTable, type Column } from '../../../components/ui/responsive-table';
import { outgoingExportUrl, useOutgoing } from '../api/outgoing';
import { DeliveriesModal } from '../components/deliveries-modal';
import type { OutgoingSearch } from './search';

const route = getRouteApi('/app/so-van-ban-di');
const DOC_TYPES = ['KH', 'QĐ', 'CV', 'TB', 'BC'];


/** `/so-van-ban-di`: the outgoing register of the units in scope, with recipients and read receipts per document. */
export function OutgoingPage() {
  const t = useT();
  const router = useRouter();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const params = { year: search.year, docType: search.docType, page: search.page ?? 1, pageSize: search.pageSize ?? 25 };
  const list = useOutgoing(params);
  const [shown, setShown] = useState<OutgoingDocumentDto | null>(null);
  const update = (patch: Partial<OutgoingSearch>, keepPage = false) =>
    void navigate({ search: (prev) => ({ ...prev, ...patch, ...(keepPage ? {} : { page: undefined }) }), replace: !keepPage });

  const columns: Column<OutgoingDocumentDto>[] = [
    { key: 'number', header: t('web.cascade.outgoing.numberSymbol'), cell: (d) => <Text size="sm" style={{ whiteSpace: 'nowrap' }}>{d.numberSymbol}</Text> },
    { key: 'issuedOn', header: t('web.cascade.outgoing.issuedOn'), cell: (d) => formatDate(d.issuedOn) },
    {
      key: 'title',
      header: t('web.cascade.outgoing.subject'),
      primary: true,
      cell: (d) => (d.link ? <Anchor size="sm" fw={500} onClick={() => router.history.push(d.link!)} data-testid="outgoing-open">{d.title}</Anchor> : d.title),
    },
    { key: 'issuer', header: t('web.cascade.outgoing.issuer'), cell: (d) => d.orgName },
    {
      key: 'read',
      header: t('web.cascade.outgoing.read'),
      cell: (d) => (
        <Anchor component="button" type="button" size="sm" onClick={() => setShown(d)} data-testid="outgoing-deliveries">
          {t('web.cascade.outgoing.readValue', { read: d.read, total: d.deliveries })}
        </Anchor>
      ),
    },
    {
      key: 'published',
      header: t('web.cascade.outgoing.published'),
      cell: (d) =>
        d.publishedAt ? (
          <Badge color="teal" variant="light" style={{ textTransform: 'none' }}>
            {t('web.cascade.outgoing.published')}
          </Badge>
        ) : (
          '—'
        ),
    },
  ];

  return (
    <Stack gap="md">
      <PageHeader
        title={t('web.cascade.outgoing.title')}
        description={t('web.cascade.outgoing.description')}
        actions={
          <Button component="a" href={outgoingExportUrl(params)} variant="default" leftSection={<IconDownload size={16} aria-hidden />} data-testid="export-button">
            {t('web.cascade.request.export')}
          </Button>
        }
      />
      <Paper withBorder p="sm">
        <Grid gap="sm" role="search" aria-label={t('web.cascade.outgoing.title')}>
          <Grid.Col span={{ base: 6, sm: 4, md: 3 }}>
            <YearFilter label={t('web.cascade.requests.year')} value={search.year} onChange={(year) => update({ year })} data-testid="outgoing-year" />
          </Grid.Col>
          <Grid.Col span={{ base: 6, sm: 4, md: 3 }}>
            <ChoiceFilter label={t('web.cascade.outgoing.docType')} options={DOC_TYPES} optionLabel={(d) => d} value={search.docType} onChange={(docType) => update({ docType })} data-testid="outgoing-doctype" />
          </Grid.Col>
        </Grid>
      </Paper>
      <ErrorAlert error={list.error} />
      <div>
        <ResponsiveTable
          caption={t('web.cascade.outgoing.caption')}
          columns={columns}
          rows={list.data?.items ?? []}
          rowKey={(d) => d.id}
          loading={list.isPending}
          refreshing={list.isPlaceholderData}
          empty={t('web.cascade.outgoing.empty')}
          testId="outgoing-table"
          rowTestId="outgoing-row"
          minWidth={860}
        />
        {list.data && (
          <PaginationBar total={list.data.total} page={params.page} pageSize={params.pageSize} onPageChange={(page) => update({ page: page === 1 ? undefined : page }, true)} onPageSizeChange={(pageSize) => update({ pageSize })} />
        )}
      </div>
      {shown && <DeliveriesModal doc={shown} onClose={() => setShown(null)} />}
    </Stack>
  );
}
