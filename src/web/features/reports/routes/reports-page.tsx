import { useState } from 'react';
import { Alert, Button, Stack } from '@mantine/core';
import { IconInfoCircle, IconLock } from '@tabler/icons-react';
import { getRouteApi } from '@tanstack/react-router';
import { useT } from '../../../lib/i18n';
import { useMe } from '../../../lib/session';
import { useOrgYear } from '../../../lib/org-year-search';
import { OrgYearFilter } from '../../../components/ui/org-year-filter';
import { PageHeader } from '../../../components/ui/page-header';
import { EMPTY_NARRATIVE, SummaryForm, type NarrativeDraft } from '../components/summary-form';
import { FreezeModal } from '../components/freeze-modal';
import { SnapshotList } from '../components/snapshot-list';
import type { ReportsSearch } from './search';

const route = getRouteApi('/app/bao-cao');
const MANAGING = ['SYSTEM_ADMIN', 'TDKT_OFFICER', 'CDCS_OFFICER'];

/** `/bao-cao`: the annual summary of a unit and year, and its frozen reports (issue 10, part 2). */
export function ReportsPage() {
  const t = useT();
  const me = useMe();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const { orgId, year } = useOrgYear(search);
  const update = (patch: Partial<ReportsSearch>) => void navigate({ search: (prev) => ({ ...prev, page: undefined, ...patch }), replace: true });
  const [narrative, setNarrative] = useState<NarrativeDraft>(EMPTY_NARRATIVE);
  const [signerName, setSignerName] = useState('');
  const [freezing, setFreezing] = useState(false);
  // The server decides on the unit; the button is offered to those who manage some unit.
  const mayFreeze = me.roles.some((r) => MANAGING.includes(r.role));

  return (
    <Stack gap="md">
      <PageHeader
        title={t('web.reports.title')}
        description={t('web.reports.description')}
        actions={
          mayFreeze && orgId !== undefined ? (
            <Button leftSection={<IconLock size={18} aria-hidden />} onClick={() => setFreezing(true)} data-testid="reports-freeze">
              {t('web.reports.freeze.open')}
            </Button>
          ) : undefined
        }
      />
      <OrgYearFilter orgLabel={t('web.reports.org')} orgId={orgId} year={year} onOrgChange={(id) => update({ orgId: id })} onYearChange={(y) => update({ year: y })} testIdPrefix="reports" />
      {orgId === undefined ? (
        <Alert icon={<IconInfoCircle size={18} aria-hidden />}>{t('web.reports.pickOrg')}</Alert>
      ) : (
        <>
          <SummaryForm orgId={orgId} year={year} narrative={narrative} onNarrative={setNarrative} signerName={signerName} onSignerName={setSignerName} />
          <SnapshotList orgId={orgId} year={year} page={search.page ?? 1} onPage={(page) => void navigate({ search: (prev) => ({ ...prev, page }), replace: true })} />
          {freezing && <FreezeModal orgId={orgId} year={year} narrative={narrative} signerName={signerName} onClose={() => setFreezing(false)} />}
        </>
      )}
    </Stack>
  );
}
