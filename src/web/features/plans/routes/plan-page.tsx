import { useState } from 'react';
import { Button, Stack } from '@mantine/core';
import { getRouteApi } from '@tanstack/react-router';
import { IconArrowLeft, IconEdit, IconFileTypeDocx, IconFileTypePdf, IconRubberStamp } from '@tabler/icons-react';
import { useT } from '../../../lib/i18n';
import { hasAbility } from '../../../lib/session';
import { AnchorLink, ButtonLink } from '../../../components/ui/links';
import { ErrorAlert } from '../../../components/ui/error-alert';
import { LoadingBlock } from '../../../components/ui/loading-block';
import { PageHeader } from '../../../components/ui/page-header';
import { planDocumentUrl, planPdfUrl, usePlan } from '../api/plans';
import { PlanNumber } from '../components/plan-table';
import { PlanDocument } from '../components/plan-document';
import { IssuePlanModal } from '../components/issue-plan-modal';

const route = getRouteApi('/app/ke-hoach/$planId');

/** `/ke-hoach/:id`: the plan as the paper document, its Word and PDF files, and "Sửa" / "Ban hành" for a draft. */
export function PlanPage() {
  const t = useT();
  const { planId } = route.useParams();
  const plan = usePlan(planId);
  const [issuing, setIssuing] = useState(false);

  const back = (
    <AnchorLink to="/ke-hoach" size="sm">
      <IconArrowLeft size={14} aria-hidden /> {t('web.plans.back')}
    </AnchorLink>
  );
  if (plan.isPending) return <LoadingBlock />;
  if (plan.error) {
    return (
      <Stack gap="md">
        {back}
        <ErrorAlert error={plan.error} />
      </Stack>
    );
  }
  const p = plan.data;
  return (
    <Stack gap="md">
      {back}
      <PageHeader
        title={p.title}
        description={<PlanNumber plan={p} />}
        actions={
          <>
            <Button component="a" href={planDocumentUrl(p.id)} download variant="default" leftSection={<IconFileTypeDocx size={16} aria-hidden />} data-testid="plan-download">
              {t('web.plans.download')}
            </Button>
            <Button component="a" href={planPdfUrl(p.id)} download variant="default" leftSection={<IconFileTypePdf size={16} aria-hidden />} data-testid="plan-download-pdf">
              {t('web.plans.downloadPdf')}
            </Button>
            {p.status === 'DRAFT' && hasAbility(p, 'plan.update') && (
              <ButtonLink to="/ke-hoach/$planId/sua" params={{ planId: p.id }} variant="default" leftSection={<IconEdit size={16} aria-hidden />} data-testid="plan-edit">
                {t('web.plans.edit')}
              </ButtonLink>
            )}
            {p.status === 'DRAFT' && hasAbility(p, 'plan.issue') && (
              <Button leftSection={<IconRubberStamp size={16} aria-hidden />} onClick={() => setIssuing(true)} data-testid="plan-issue">
                {t('web.plans.issue.action')}
              </Button>
            )}
          </>
        }
      />
      <PlanDocument plan={p} />
      {issuing && <IssuePlanModal plan={p} onClose={() => setIssuing(false)} />}
    </Stack>
  );
}
