import { PageHeader } from '../../../components/ui/page-header';
import { useT } from '../../../lib/i18n';

/** `/cham-diem/$roundId` (placeholder until the page is built). */
export function RoundPage() {
  const t = useT();
  return <PageHeader title={t('web.scoring.nav')} />;
}
