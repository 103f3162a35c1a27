import { PageHeader } from '../../../components/ui/page-header';
import { useT } from '../../../lib/i18n';

/** `/mau-cham-diem` (placeholder until the page is built). */
export function TemplateListPage() {
  const t = useT();
  return <PageHeader title={t('web.scoring.nav')} />;
}
