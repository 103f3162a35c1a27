import { Badge } from '@mantine/core';
import type { ConsultationPhase } from '../../../../contracts/consultations';
import { useT } from '../../../lib/i18n';

const COLORS: Record<ConsultationPhase, string> = { UPCOMING: 'blue', OPEN: 'teal', ENDED: 'gray', WITHDRAWN: 'red' };

export function PhaseBadge({ phase }: { phase: ConsultationPhase }) {
  const t = useT();
  return (
    <Badge color={COLORS[phase]} variant="light" style={{ textTransform: 'none' }} data-testid="consultation-phase" data-phase={phase}>
      {t(`web.consultations.phase.${phase}`)}
    </Badge>
  );
}
