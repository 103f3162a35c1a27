import type { z } from 'zod';
import type { officer } from '../../../../contracts/organisations';
import { OFFICER_TITLES } from '../../../../contracts/enums';
import { useT } from '../../../lib/i18n';
import { compareVi, formatDate } from '../../../lib/format';
import { ResponsiveTable, type Column } from '../../../components/ui/responsive-table';

type Officer = z.infer<typeof officer>;

/** Ban chấp hành: ordered by office (chair first), then by name. */
export function OrgOfficers({ officers }: { officers: Officer[] }) {
  const t = useT();
  const rows = [...officers].sort((a, b) => OFFICER_TITLES.indexOf(a.title) - OFFICER_TITLES.indexOf(b.title) || compareVi(a.fullName, b.fullName));
  const columns: Column<Officer>[] = [
    { key: 'name', header: t('web.org.officer.name'), primary: true, cell: (o) => o.fullName },
    { key: 'title', header: t('web.org.officer.title'), cell: (o) => t(`officer.${o.title}`) },
    { key: 'from', header: t('web.common.from'), cell: (o) => formatDate(o.validFrom) },
    { key: 'to', header: t('web.common.to'), cell: (o) => formatDate(o.validTo) || t('web.common.present') },
  ];
  return (
    <ResponsiveTable
      caption={t('web.org.tab.officers')}
      columns={columns}
      rows={rows}
      rowKey={(o) => `${o.personId}-${o.title}-${o.validFrom}`}
      empty={t('web.org.noOfficers')}
      minWidth={520}
    />
  );
}
