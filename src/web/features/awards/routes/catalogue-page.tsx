import { useState } from 'react';
import { Paper, Stack } from '@mantine/core';
import { getRouteApi } from '@tanstack/react-router';
import type { AwardItem } from '../../../../contracts/awards';
import { useT } from '../../../lib/i18n';
import { hasAbility, useMe } from '../../../lib/session';
import { ErrorAlert } from '../../../components/ui/error-alert';
import { PageHeader } from '../../../components/ui/page-header';
import { PaginationBar } from '../../../components/ui/pagination-bar';
import { useAwards } from '../api/list-awards';
import { AwardFilters } from '../components/award-filters';
import { AwardTable } from '../components/award-table';
import { EditAwardModal, ToggleAwardModal } from '../components/edit-award-modal';
import { BaseSalarySection } from '../components/base-salary-section';
import { awardListParams, type AwardSearch } from './search';

const route = getRouteApi('/app/danh-muc-khen-thuong');

/** `/danh-muc-khen-thuong`: danh hiệu thi đua and hình thức khen thưởng, and the base salary behind the money. */
export function CataloguePage() {
  const t = useT();
  const me = useMe();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const params = awardListParams(search);
  const list = useAwards(params);
  const [modal, setModal] = useState<{ mode: 'edit' | 'toggle'; award: AwardItem } | null>(null);
  // The catalogue and the base salary are kept by system administrators (who also manage users).
  const canManage = hasAbility(me, 'users.manage');

  const update = (patch: Partial<AwardSearch>, keepPage = false) =>
    void navigate({ search: (prev) => ({ ...prev, ...patch, ...(keepPage ? {} : { page: undefined }) }), replace: !keepPage });

  return (
    <Stack gap="md">
      <PageHeader title={t('web.awards.title')} description={t('web.awards.description')} />
      <Paper withBorder p="sm">
        <AwardFilters search={search} onChange={(patch) => update(patch)} onClear={() => void navigate({ search: {}, replace: true })} />
      </Paper>
      <ErrorAlert error={list.error} />
      <div>
        <AwardTable
          rows={list.data?.items ?? []}
          loading={list.isPending}
          refreshing={list.isPlaceholderData}
          onEdit={(award) => setModal({ mode: 'edit', award })}
          onToggleActive={(award) => setModal({ mode: 'toggle', award })}
        />
        {list.data && (
          <PaginationBar total={list.data.total} page={params.page} pageSize={params.pageSize} onPageChange={(page) => update({ page: page === 1 ? undefined : page }, true)} onPageSizeChange={(pageSize) => update({ pageSize })} />
        )}
      </div>
      <BaseSalarySection canManage={canManage} />
      {modal?.mode === 'edit' && <EditAwardModal award={modal.award} onClose={() => setModal(null)} />}
      {modal?.mode === 'toggle' && <ToggleAwardModal award={modal.award} onClose={() => setModal(null)} />}
    </Stack>
  );
}
