import type { TemplateSummaryDto } from '../../../../contracts/scoring';
import { useT } from '../../../lib/i18n';
import { formatNumber } from '../../../lib/format';
import { ResponsiveTable, type Column } from '../../../components/ui/responsive-table';
import { AnchorLink } from '../../../components/ui/links';
import { TemplateStatusBadge } from './template-badges';

export function TemplateTable({ rows, loading, refreshing, onOpen }: { rows: TemplateSummaryDto[]; loading: boolean; refreshing: boolean; onOpen: (x: TemplateSummaryDto) => void }) {
  const t = useT();
  const columns: Column<TemplateSummaryDto>[] = [
    {
      key: 'name',
      header: t('web.scoring.templates.name'),
      primary: true,
      cell: (x) => (
        <AnchorLink to="/mau-cham-diem/$templateId" params={{ templateId: x.id }} size="sm" fw={500} data-testid="template-open">
          {x.nameVi}
        </AnchorLink>
      ),
    },
    { key: 'code', header: t('web.scoring.templates.code'), cell: (x) => x.code },
    { key: 'version', header: t('web.scoring.templates.version'), cell: (x) => String(x.version) },
    { key: 'subject', header: t('web.scoring.templates.subject'), cell: (x) => t(`web.scoring.subject.${x.subject}`) },
    { key: 'owner', header: t('web.scoring.templates.owner'), cell: (x) => x.orgName ?? t('web.scoring.templates.shipped') },
    { key: 'total', header: t('web.scoring.templates.totalPoints'), cell: (x) => formatNumber(x.totalPoints) },
    { key: 'criteria', header: t('web.scoring.templates.criteriaCount'), cell: (x) => String(x.criteriaCount) },
    { key: 'status', header: t('web.scoring.field.status'), cell: (x) => <TemplateStatusBadge status={x.status} /> },
  ];
  return (
    <ResponsiveTable
      caption={t('web.scoring.templates.caption')}
      columns={columns}
      rows={rows}
      rowKey={(x) => x.id}
      loading={loading}
      refreshing={refreshing}
      onRowClick={onOpen}
      empty={t('web.scoring.templates.empty')}
      testId="template-table"
      rowTestId="template-row"
      minWidth={1000}
    />
  );
}
