import { Badge } from '@mantine/core';
import type { TemplateSummaryDto } from '../../../../contracts/scoring';
import { useT } from '../../../lib/i18n';

const COLORS: Record<TemplateSummaryDto['status'], string> = { DRAFT: 'gray', PUBLISHED: 'teal', RETIRED: 'orange' };

export function TemplateStatusBadge({ status }: { status: TemplateSummaryDto['status'] }) {
  const t = useT();
  return (
    <Badge color={COLORS[status]} variant="light" style={{ textTransform: 'none' }} data-testid="template-status" data-status={status}>
      {t(`web.scoring.templates.status.${status}`)}
    </Badge>
  );
}

export function VariantBadge({ variant }: { variant: 'STATE' | 'ENTERPRISE' }) {
  const t = useT();
  return (
    <Badge color={variant === 'STATE' ? 'grape' : 'dark'} variant="outline" style={{ textTransform: 'none' }} data-testid="criterion-variant" data-variant={variant}>
      {t(`web.scoring.templates.variant.${variant}`)}
    </Badge>
  );
}
