import { PageHeader } from '../../../components/ui/page-header';
import { useT } from '../../../lib/i18n';

/** `/cham-diem/phieu/$sheetId` (placeholder until the page is built). */
export function SheetPage() {
  const t = useT();
  return <PageHeader title={t('web.scoring.nav')} />;
}
