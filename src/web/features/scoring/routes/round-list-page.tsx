import { useState } from 'react';
import { Button, Grid, Paper, Select, Stack } from '@mantine/core';
import { IconFilterOff, IconPlus } from '@tabler/icons-react';
import { getRouteApi } from '@tanstack/react-router';
import { LIMITS } from '../../../../contracts/limits';
import { ROUND_STATUSES, type RoundDto } from '../../../../contracts/scoring';
import { useT } from '../../../lib/i18n';
import { useMe } from '../../../lib/session';
import { OrgPicker } from '../../../components/ui/org-picker';
import { ErrorAlert } from '../../../components/ui/error-alert';
import { PageHeader } from '../../../components/ui/page-header';
import { YearFilter } from '../../../components/ui/year-filter';
import { PaginationBar } from '../../../components/ui/pagination-bar';
import { useRounds } from '../api/rounds';
import { RoundTable } from '../components/round-table';
import { RoundFormModal } from '../components/round-form-modal';
import type { RoundSearch } from './search';

const route = getRouteApi('/app/cham-diem');
/** Roles that organise scoring rounds for the units below them (the server decides; this only shows the button). */
const ORGANISER_ROLES: readonly string[] = ['SYSTEM_ADMIN', 'TDKT_OFFICER'];
const ALL = 'all';

/** `/cham-diem`: scoring rounds in scope, filtered by organiser, year and status, paged on the server. */
export function RoundListPage() {
  const t = useT();
  const me = useMe();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const params = { orgId: search.orgId, year: search.year, status: search.status, page: search.page ?? 1, pageSize: search.pageSize ?? LIMITS.pageSizeDefault };
  const list = useRounds(params);
  const [creating, setCreating] = useState(false);
  const organiser = me.roles.find((r) => ORGANISER_ROLES.includes(r.role));

  const update = (patch: Partial<RoundSearch>, keepPage = false) =>
    void navigate({ search: (prev) => ({ ...prev, ...patch, ...(keepPage ? {} : { page: undefined }) }), replace: !keepPage });
  const filtered = search.orgId !== undefined || search.year !== undefined || search.status !== undefined;

  return (
    <Stack gap="md">
      <PageHeader
        title={t('web.scoring.rounds.title')}
        description={t('web.scoring.rounds.description')}
        actions={
          organiser && (
            <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setCreating(true)} data-testid="round-create">
              {t('web.scoring.rounds.create')}
            </Button>
          )
        }
      />
      <Paper withBorder p="sm">
        <Grid gap="sm" role="search" aria-label={t('web.scoring.rounds.filter')}>
          <Grid.Col span={{ base: 12, md: 4 }}>
            <OrgPicker label={t('web.scoring.field.organiser')} value={search.orgId ?? null} onChange={(id) => update({ orgId: id ?? undefined })} clearable data-testid="round-org-filter" />
          </Grid.Col>
          <Grid.Col span={{ base: 6, sm: 4, md: 3 }}>
            <YearFilter label={t('web.scoring.field.year')} value={search.year} onChange={(year) => update({ year })} data-testid="round-year" />
          </Grid.Col>
          <Grid.Col span={{ base: 6, sm: 4, md: 3 }}>
            <Select
              label={t('web.scoring.field.status')}
              data={[{ value: ALL, label: t('web.common.all') }, ...ROUND_STATUSES.map((s) => ({ value: s, label: t(`web.scoring.round.${s}`) }))]}
              value={search.status ?? ALL}
              onChange={(v) => update({ status: v === null || v === ALL ? undefined : (v as RoundDto['status']) })}
              allowDeselect={false}
              data-testid="round-status-filter"
            />
          </Grid.Col>
          {filtered && (
            <Grid.Col span={{ base: 12, sm: 4, md: 2 }} style={{ display: 'flex', alignItems: 'flex-end' }}>
              <Button variant="subtle" leftSection={<IconFilterOff size={16} aria-hidden />} onClick={() => void navigate({ search: {}, replace: true })}>
                {t('web.common.clearFilters')}
              </Button>
            </Grid.Col>
          )}
        </Grid>
      </Paper>
      <ErrorAlert error={list.error} />
      <div>
        <RoundTable
          rows={list.data?.items ?? []}
          loading={list.isPending}
          refreshing={list.isPlaceholderData}
          onOpen={(r) => void navigate({ to: '/cham-diem/$roundId', params: { roundId: r.id } })}
        />
        {list.data && (
          <PaginationBar total={list.data.total} page={params.page} pageSize={params.pageSize} onPageChange={(page) => update({ page: page === 1 ? undefined : page }, true)} onPageSizeChange={(pageSize) => update({ pageSize })} />
        )}
      </div>
      {creating && (
        <RoundFormModal
          defaultOrganiserId={organiser?.orgId ?? null}
          onClose={() => setCreating(false)}
          onSaved={(r) => void navigate({ to: '/cham-diem/$roundId', params: { roundId: r.id } })}
        />
      )}
    </Stack>
  );
}
