import { useState } from 'react';
import { Button, Checkbox, Grid, Group, Paper, Select, Stack, Text, TextInput } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { getRouteApi } from '@tanstack/react-router';
import { MODEL_KINDS, MODEL_STAGES, type ModelStage } from '../../../../contracts/models';
import { LIMITS } from '../../../../contracts/limits';
import { useT } from '../../../lib/i18n';
import { useMe } from '../../../lib/session';
import { formatDate } from '../../../lib/format';
import { ErrorAlert } from '../../../components/ui/error-alert';
import { PageHeader } from '../../../components/ui/page-header';
import { PaginationBar } from '../../../components/ui/pagination-bar';
import { AnchorLink } from '../../../components/ui/links';
import { ResponsiveTable, type Column } from '../../../components/ui/responsive-table';
import { ChoiceFilter, ClearFiltersCol } from '../../../components/ui/choice-filter';
import { OrgPicker } from '../../../components/ui/org-picker';
import { useModels, type ModelSummaryDto } from '../api/models';
import { FollowUpBadge, ModelStageBadge } from '../components/badges';
import { ModelFormModal } from '../components/model-form-modal';
import type { ModelSearch } from './search';
import { ExcelExportButton } from '../../../components/ui/excel-export-button';

const route = getRouteApi('/app/mo-hinh');
/** Roles that register entries (the server decides; this only shows the button). */
const OFFICER_ROLES: readonly string[] = ['SYSTEM_ADMIN', 'TDKT_OFFICER', 'CDCS_OFFICER'];
const ALL = 'all';

/** `/mo-hinh`: the register of exemplary models and people in the reader's scope, by stage, paged on the server. */
export function ModelListPage() {
  const t = useT();
  const me = useMe();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const params = { orgId: search.orgId, stage: search.stage, kind: search.kind, q: search.q, overdue: search.overdue, page: search.page ?? 1, pageSize: LIMITS.pageSizeDefault };
  const list = useModels(params);
  const officer = me.roles.find((r) => OFFICER_ROLES.includes(r.role));
  const [creating, setCreating] = useState(false);
  const update = (patch: Partial<ModelSearch>, keepPage = false) =>
    void navigate({ search: (prev) => ({ ...prev, ...patch, ...(keepPage ? {} : { page: undefined }) }), replace: !keepPage });
  const counts = list.data?.counts;
  const all = counts ? MODEL_STAGES.reduce((n, s) => n + counts[s], 0) : 0;
  const filtered = Boolean(search.orgId || search.stage || search.kind || search.q || search.overdue);

  const columns: Column<ModelSummaryDto>[] = [
    {
      key: 'name',
      header: t('web.models.field.name'),
      primary: true,
      cell: (m) => (
        <AnchorLink to="/mo-hinh/$modelId" params={{ modelId: m.id }} size="sm" fw={500} data-testid="model-open" style={{ wordBreak: 'break-word' }}>
          {m.name}
        </AnchorLink>
      ),
    },
    { key: 'kind', header: t('web.models.field.kind'), cell: (m) => t(`web.models.kind.${m.kind}`) },
    { key: 'subject', header: t('web.models.col.subject'), cell: (m) => m.subjectName ?? '—' },
    { key: 'responsible', header: t('web.models.col.responsible'), cell: (m) => m.responsibleOrgName },
    {
      key: 'stage',
      header: t('web.models.field.stage'),
      cell: (m) => (
        <Stack gap={4} align="flex-start">
          <ModelStageBadge stage={m.stage} />
          <FollowUpBadge followUp={m.followUp} />
        </Stack>
      ),
    },
    { key: 'discovered', header: t('web.models.col.discovered'), cell: (m) => formatDate(m.discoveredOn) },
  ];

  return (
    <Stack gap="md">
      <PageHeader
        title={t('web.models.list.title')}
        description={t('web.models.list.description')}
        actions={
          <Group gap="sm">
            <ExcelExportButton path="/models/export.xlsx" filters={{ orgId: search.orgId, stage: search.stage, kind: search.kind, q: search.q, overdue: search.overdue ? 'true' : undefined }} size="md" testId="model-export" />
            {officer && (
              <Button size="md" leftSection={<IconPlus size={18} aria-hidden />} onClick={() => setCreating(true)} data-testid="model-create">
                {t('web.models.list.create')}
              </Button>
            )}
          </Group>
        }
      />
      <Paper withBorder p="sm" component="section" aria-label={t('web.models.list.filter')}>
        <Grid gap="sm">
          <Grid.Col span={{ base: 12, sm: 6, md: 3 }}>
            <Select
              label={t('web.models.field.stage')}
              data={[
                { value: ALL, label: t('web.models.list.allStages', { count: all }) },
                ...MODEL_STAGES.map((s) => ({ value: s, label: t('web.models.stageCount', { stage: t(`web.models.stage.${s}`), count: counts?.[s] ?? 0 }) })),
              ]}
              value={search.stage ?? ALL}
              onChange={(v) => update({ stage: v === null || v === ALL ? undefined : (v as ModelStage) })}
              allowDeselect={false}
              data-testid="model-stage-filter"
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 6, md: 3 }}>
            <ChoiceFilter label={t('web.models.field.kind')} options={MODEL_KINDS} optionLabel={(k) => t(`web.models.kind.${k}`)} value={search.kind} onChange={(kind) => update({ kind })} data-testid="model-kind-filter" />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 6, md: 3 }}>
            <OrgPicker label={t('web.models.field.unit')} value={search.orgId ?? null} onChange={(id) => update({ orgId: id ?? undefined })} clearable data-testid="model-org-filter" />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 6, md: 3 }}>
            <TextInput
              label={t('web.models.field.q')}
              defaultValue={search.q ?? ''}
              key={search.q ?? ''}
              onKeyDown={(e) => {
                if (e.key === 'Enter') update({ q: e.currentTarget.value.trim() || undefined });
              }}
              onBlur={(e) => {
                const q = e.currentTarget.value.trim() || undefined;
                if (q !== search.q) update({ q });
              }}
              data-testid="model-q"
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 6, md: 4 }} style={{ display: 'flex', alignItems: 'flex-end' }}>
            <Checkbox
              label={t('web.models.field.overdue', { count: counts?.overdue ?? 0 })}
              checked={search.overdue === true}
              onChange={(e) => update({ overdue: e.currentTarget.checked || undefined })}
              data-testid="model-overdue-filter"
            />
          </Grid.Col>
          <ClearFiltersCol active={filtered} onClear={() => void navigate({ search: {}, replace: true })} />
        </Grid>
      </Paper>
      <ErrorAlert error={list.error} />
      <div>
        <ResponsiveTable
          caption={t('web.models.list.caption')}
          columns={columns}
          rows={list.data?.items ?? []}
          rowKey={(m) => m.id}
          loading={list.isPending}
          refreshing={list.isPlaceholderData}
          onRowClick={(m) => void navigate({ to: '/mo-hinh/$modelId', params: { modelId: m.id } })}
          empty={<Text component="span">{t('web.models.list.empty')}</Text>}
          testId="model-table"
          rowTestId="model-row"
        />
        {list.data && <PaginationBar total={list.data.total} page={params.page} pageSize={params.pageSize} onPageChange={(page) => update({ page: page === 1 ? undefined : page }, true)} />}
      </div>
      {creating && (
        <ModelFormModal
          model={null}
          defaultOrgId={search.orgId ?? officer?.orgId ?? null}
          onClose={() => setCreating(false)}
          onSaved={(m) => void navigate({ to: '/mo-hinh/$modelId', params: { modelId: m.id } })}
        />
      )}
    </Stack>
  );
}
