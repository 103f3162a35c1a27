import { useState } from 'react';
import { Badge, Paper, Stack, Text, Title } from '@mantine/core';
import { useT } from '../../../lib/i18n';
import { formatDateTime } from '../../../lib/format';
import { ErrorAlert } from '../../../components/ui/error-alert';
import { PaginationBar } from '../../../components/ui/pagination-bar';
import { ResponsiveTable, type Column } from '../../../components/ui/responsive-table';
import { useTemplateHistory, type CertificateKind, type TemplateHistoryDto } from '../api/certificate-templates';

const PAGE_SIZE = 10;

/** Every saved version of the template, newest first: when, who, what it changed, whether it is in use. */
export function TemplateHistory({ orgId, kind }: { orgId: number; kind: CertificateKind }) {
  const t = useT();
  const [page, setPage] = useState(1);
  const history = useTemplateHistory(orgId, kind, page, PAGE_SIZE);
  const columns: Column<TemplateHistoryDto>[] = [
    { key: 'savedAt', header: t('web.certificateTemplates.history.savedAt'), primary: true, cell: (r) => formatDateTime(r.createdAt) },
    { key: 'by', header: t('web.certificateTemplates.history.by'), cell: (r) => r.createdByName ?? '' },
    {
      key: 'changes',
      header: t('web.certificateTemplates.changes'),
      cell: (r) => (r.overridden.length === 0 ? t('web.certificateTemplates.noChanges') : r.overridden.map((f) => t(`web.certificateTemplates.field.${f}`)).join('; ')),
    },
    {
      key: 'status',
      header: t('web.certificateTemplates.history.status'),
      cell: (r) => (
        <Badge variant="outline" color={r.status === 'ACTIVE' ? 'teal.9' : 'gray.8'}>
          {t(`web.certificateTemplates.status.${r.status}`)}
        </Badge>
      ),
    },
  ];
  return (
    <Paper withBorder p="md">
      <Stack gap="sm">
        <Title order={2} size="h4">
          {t('web.certificateTemplates.history')}
        </Title>
        <ErrorAlert error={history.error} />
        <ResponsiveTable
          caption={t('web.certificateTemplates.history')}
          columns={columns}
          rows={history.data?.items ?? []}
          rowKey={(r) => r.id}
          loading={history.isPending}
          refreshing={history.isPlaceholderData}
          empty={<Text component="span">{t('web.certificateTemplates.historyEmpty')}</Text>}
          testId="ct-history"
          rowTestId="ct-history-row"
        />
        {history.data && history.data.total > PAGE_SIZE && <PaginationBar total={history.data.total} page={page} pageSize={PAGE_SIZE} onPageChange={setPage} />}
      </Stack>
    </Paper>
  );
}
