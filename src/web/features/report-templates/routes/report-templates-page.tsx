import { useState } from 'react';
import { Alert, Badge, Button, Grid, Group, NavLink, Paper, SegmentedControl, Stack, Text, Title } from '@mantine/core';
import { IconCopy, IconDownload, IconEdit, IconInfoCircle, IconArchive, IconPlus } from '@tabler/icons-react';
import { getRouteApi } from '@tanstack/react-router';
import { useT } from '../../../lib/i18n';
import { useOrgYear } from '../../../lib/org-year-search';
import { ErrorAlert } from '../../../components/ui/error-alert';
import { LoadingBlock } from '../../../components/ui/loading-block';
import { OrgYearFilter } from '../../../components/ui/org-year-filter';
import { PageHeader } from '../../../components/ui/page-header';
import { renderUrl, usePreview, useTemplate, useTemplateList, type ReportTemplateDto } from '../api/report-templates';
import { LayoutEditor } from '../components/layout-editor';
import { StatGrid } from '../components/stat-grid';
import { CopyModal, RetireModal } from '../components/template-modals';
import type { ReportTemplateSearch } from './search';

const route = getRouteApi('/app/bieu-mau-thong-ke');

/** `/bieu-mau-thong-ke`: the statistical forms superiors ask for, filled for a unit and year; copy, edit, retire, download. */
export function ReportTemplatesPage() {
  const t = useT();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const { orgId, year } = useOrgYear(search);
  const status = search.status ?? 'ACTIVE';
  const list = useTemplateList(orgId, status);
  const items = list.data?.items ?? [];
  const selectedId = search.templateId ?? items[0]?.id;
  const update = (patch: Partial<ReportTemplateSearch>) => void navigate({ search: (prev) => ({ ...prev, ...patch }), replace: true });
  const [creating, setCreating] = useState(false);

  return (
    <Stack gap="md">
      <PageHeader
        title={t('web.reportTemplates.title')}
        description={t('web.reportTemplates.description')}
        actions={list.data?.canCreate && orgId !== undefined ? <Button variant="default" leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setCreating(true)} data-testid="rt-new">{t('web.reportTemplates.blank.action')}</Button> : null}
      />
      {creating && orgId !== undefined && <CopyModal template={null} orgId={orgId} onClose={() => setCreating(false)} onCopied={(id) => { setCreating(false); update({ templateId: id, status: 'ACTIVE' }); }} />}
      <OrgYearFilter orgLabel={t('web.reportTemplates.org')} orgId={orgId} year={year} onOrgChange={(id) => update({ orgId: id, templateId: undefined })} onYearChange={(y) => update({ year: y })} testIdPrefix="rt" />
      <ErrorAlert error={list.error} />
      {orgId === undefined ? (
        <Alert icon={<IconInfoCircle size={18} aria-hidden />}>{t('web.reportTemplates.pickOrg')}</Alert>
      ) : (
        <Grid gap="md">
          <Grid.Col span={{ base: 12, md: 4 }}>
            <Stack gap="xs">
              <SegmentedControl
                fullWidth
                value={status}
                onChange={(v) => update({ status: v as 'ACTIVE' | 'RETIRED', templateId: undefined })}
                data={[{ value: 'ACTIVE', label: t('web.reportTemplates.status.ACTIVE') }, { value: 'RETIRED', label: t('web.reportTemplates.status.RETIRED') }]}
                aria-label={t('web.reportTemplates.statusFilter')}
              />
              {list.isPending ? <LoadingBlock /> : items.length === 0 ? <Text c="dimmed">{t('web.reportTemplates.none')}</Text> : null}
              <nav aria-label={t('web.reportTemplates.listLabel')} data-testid="rt-list">
                {items.map((i) => (
                  <NavLink
                    key={i.id}
                    active={i.id === selectedId}
                    variant="filled"
                    onClick={() => update({ templateId: i.id })}
                    label={
                      <Stack gap={0}>
                        <Text size="sm" fw={500} inherit>{i.name}</Text>
                        <Text size="xs" inherit>{`${i.code} · ${i.builtin ? t('web.reportTemplates.builtin') : (i.orgName ?? '')}`}</Text>
                      </Stack>
                    }
                    rightSection={i.builtin ? <Badge variant="filled" color="gray.8" size="sm">{t('web.reportTemplates.builtinBadge')}</Badge> : null}
                    data-testid={`rt-item-${i.code}`}
                  />
                ))}
              </nav>
            </Stack>
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 8 }}>
            {selectedId !== undefined && <TemplatePanel key={selectedId} id={selectedId} orgId={orgId} year={year} canCreate={list.data?.canCreate ?? false} onSelect={(id) => update({ templateId: id, status: 'ACTIVE' })} />}
          </Grid.Col>
        </Grid>
      )}
    </Stack>
  );
}

function TemplatePanel({ id, orgId, year, canCreate, onSelect }: { id: number; orgId: number; year: number; canCreate: boolean; onSelect: (id: number) => void }) {
  const t = useT();
  const tmpl = useTemplate(id);
  const [mode, setMode] = useState<'view' | 'edit' | 'copy' | 'retire'>('view');
  const d = tmpl.data;
  if (tmpl.error) return <ErrorAlert error={tmpl.error} />;
  if (!d) return <LoadingBlock />;
  if (mode === 'edit') return <LayoutEditor template={d} orgId={orgId} year={year} onDone={() => setMode('view')} />;
  return (
    <Stack gap="sm" data-testid="rt-panel">
      <Group justify="space-between" align="flex-start">
        <Stack gap={2}>
          <Title order={2} fz="h4">{d.name}</Title>
          <Group gap="xs">
            <Text size="sm" c="dimmed">{d.code}</Text>
            {d.builtin ? <Badge variant="filled" color="gray.8">{t('web.reportTemplates.builtinBadge')}</Badge> : <Text size="sm">{d.orgName}</Text>}
            {d.status === 'RETIRED' && <Badge color="gray.8">{t('web.reportTemplates.status.RETIRED')}</Badge>}
          </Group>
          {d.retiredReason && <Text size="sm">{t('web.reportTemplates.retiredReason', { reason: d.retiredReason })}</Text>}
        </Stack>
        <Group gap="xs">
          <Button component="a" href={renderUrl(d.id, orgId, year)} leftSection={<IconDownload size={16} aria-hidden />} data-testid="rt-download">{t('web.reportTemplates.download')}</Button>
          {canCreate && <Button variant="default" leftSection={<IconCopy size={16} aria-hidden />} onClick={() => setMode('copy')} data-testid="rt-copy">{t('web.reportTemplates.copyAction')}</Button>}
          {d.abilities.includes('reportTemplate.update') && <Button variant="default" leftSection={<IconEdit size={16} aria-hidden />} onClick={() => setMode('edit')} data-testid="rt-edit">{t('web.reportTemplates.edit')}</Button>}
          {d.abilities.includes('reportTemplate.retire') && <Button variant="default" color="red.9" leftSection={<IconArchive size={16} aria-hidden />} onClick={() => setMode('retire')} data-testid="rt-retire">{t('web.reportTemplates.retireAction')}</Button>}
        </Group>
      </Group>
      {d.builtin && <Text size="sm" c="dimmed">{t('web.reportTemplates.builtinHint')}</Text>}
      <Preview template={d} orgId={orgId} year={year} />
      {mode === 'copy' && <CopyModal template={d} orgId={orgId} onClose={() => setMode('view')} onCopied={(newId) => { setMode('view'); onSelect(newId); }} />}
      {mode === 'retire' && <RetireModal template={d} onClose={() => setMode('view')} />}
    </Stack>
  );
}

function Preview({ template, orgId, year }: { template: ReportTemplateDto; orgId: number; year: number }) {
  const preview = usePreview({ orgId, year, layout: template.layout });
  if (preview.error) return <ErrorAlert error={preview.error} />;
  if (!preview.data) return <LoadingBlock />;
  return (
    <Paper withBorder p="sm">
      <StatGrid preview={preview.data} refreshing={preview.isFetching} />
    </Paper>
  );
}
