import { Badge } from '@mantine/core';
import { useT } from '../../../lib/i18n';
import { formatDate } from '../../../lib/format';
import type { ModelDto, ModelStage } from '../api/models';

const plain = { textTransform: 'none', maxWidth: 'none', flexShrink: 0 } as const;
const labelStyles = { label: { overflow: 'visible' } };
const STAGE_COLORS: Record<ModelStage, string> = { DISCOVERED: 'blue', FOSTERING: 'indigo', RECOGNISED: 'grape', REPLICATED: 'teal', CLOSED: 'gray' };
// Outline with the dark shades: the text keeps its contrast on white (never light variant with .9).
const FOLLOW_UP_COLORS = { SCHEDULED: 'teal.9', DUE_TODAY: 'orange.9', OVERDUE: 'red.9' } as const;

export function ModelStageBadge({ stage }: { stage: ModelStage }) {
  const t = useT();
  return (
    <Badge color={STAGE_COLORS[stage]} variant="light" style={plain} styles={labelStyles} data-testid="model-stage" data-stage={stage}>
      {t(`web.models.stage.${stage}`)}
    </Badge>
  );
}

/** The next fostering check-in of an entry being fostered (nothing otherwise). */
export function FollowUpBadge({ followUp }: { followUp: ModelDto['followUp'] }) {
  const t = useT();
  if (followUp.state === 'NONE' || followUp.nextOn === null) return null;
  return (
    <Badge color={FOLLOW_UP_COLORS[followUp.state]} variant="outline" style={plain} styles={labelStyles} data-testid="model-follow-up" data-state={followUp.state}>
      {t(`web.models.followUp.${followUp.state}`, { date: formatDate(followUp.nextOn) })}
    </Badge>
  );
}
