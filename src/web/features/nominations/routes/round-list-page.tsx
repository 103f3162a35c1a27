import { useState } from 'react';
import { Button, Grid, Paper, Stack } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { getRouteApi } from '@tanstack/react-router';
import { LIMITS } from '../../../../contracts/limits';
import { NOMINATION_ROUND_STATUSES } from '../../../../contracts/nominations';
import { useT } from '../../../lib/i18n';
import { useMe } from '../../../lib/session';
import { ErrorAlert } from '../../../components/ui/error-alert';
import { PageHeader } from '../../../components/ui/page-header';
import { YearFilter } from '../../../components/ui/year-filter';
import { PaginationBar } from '../../../components/ui/pagination-bar';
import { ChoiceFilter, ClearFiltersCol } from '../../../components/ui/choice-filter';
import { useNominationRounds } from '../api/rounds';
import { RoundTable } from '../components/round-table';
import { RoundFormModal } from '../components/round-form-modal';
import type { NominationRoundSearch } from './search';

const route = getRouteApi('/app/de-nghi');
/** Roles that organise rounds for the units below them (the server decides; this only shows the button). */
const ORGANISER_ROLES: readonly string[] = ['SYSTEM_ADMIN', 'TDKT_OFFICER'];

/** `/de-nghi`: nomination rounds in scope (the reader's and those above), paged on the server. */
export function NominationRoundListPage() {
  const t = useT();
  const me = useMe();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const params = { year: search.year, status: search.status, page: search.page ?? 1, pageSize: search.pageSize ?? LIMITS.pageSizeDefault };
  const list = useNominationRounds(params);
  const [creating, setCreating] = useState(false);
  const organiser = me.roles.find((r) => ORGANISER_ROLES.includes(r.role));

  const update = (patch: Partial<NominationRoundSearch>, keepPage = false) =>
    void navigate({ search: (prev) => ({ ...prev, ...patch, ...(keepPage ? {} : { page: undefined }) }), replace: !keepPage });

  return (
    <Stack gap="md">
      <PageHeader
        title={t('web.nominations.rounds.title')}
        description={t('web.nominations.rounds.description')}
        actions={
          organiser && (
            <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setCreating(true)} data-testid="nround-create">
              {t('web.nominations.rounds.create')}
            </Button>
          )
        }
      />
      <Paper withBorder p="sm">
        <Grid gap="sm" role="search" aria-label={t('web.nominations.rounds.filter')}>
          <Grid.Col span={{ base: 6, sm: 4, md: 3 }}>
            <YearFilter label={t('web.nominations.field.year')} value={search.year} onChange={(year) => update({ year })} data-testid="nround-year" />
          </Grid.Col>
          <Grid.Col span={{ base: 6, sm: 4, md: 3 }}>
            <ChoiceFilter
              label={t('web.nominations.field.status')}
              options={NOMINATION_ROUND_STATUSES}
              optionLabel={(s) => t(`web.nominations.round.status.${s}`)}
              value={search.status}
              onChange={(status) => update({ status })}
              data-testid="nround-status-filter"
            />
          </Grid.Col>
          <ClearFiltersCol active={search.year !== undefined || search.status !== undefined} onClear={() => void navigate({ search: {}, replace: true })} />
        </Grid>
      </Paper>
      <ErrorAlert error={list.error} />
      <div>
        <RoundTable rows={list.data?.items ?? []} loading={list.isPending} refreshing={list.isPlaceholderData} onOpen={(r) => void navigate({ to: '/de-nghi/$roundId', params: { roundId: r.id } })} />
        {list.data && (
          <PaginationBar total={list.data.total} page={params.page} pageSize={params.pageSize} onPageChange={(page) => update({ page: page === 1 ? undefined : page }, true)} onPageSizeChange={(pageSize) => update({ pageSize })} />
        )}
      </div>
      {creating && <RoundFormModal defaultOrganiserId={organiser?.orgId ?? null} onClose={() => setCreating(false)} onSaved={(r) => void navigate({ to: '/de-nghi/$roundId', params: { roundId: r.id } })} />}
    </Stack>
  );
}
