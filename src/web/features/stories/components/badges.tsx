import { Badge } from '@mantine/core';
import { useT } from '../../../lib/i18n';
import type { StoryStatus } from '../api/stories';

const plain = { textTransform: 'none', maxWidth: 'none', flexShrink: 0 } as const;
const labelStyles = { label: { overflow: 'visible' } };
const STATUS_COLORS: Record<StoryStatus, string> = { DRAFT: 'gray', IN_REVIEW: 'blue', PUBLISHED: 'teal', WITHDRAWN: 'orange' };

export function StoryStatusBadge({ status }: { status: StoryStatus }) {
  const t = useT();
  return (
    <Badge color={STATUS_COLORS[status]} variant="light" style={plain} styles={labelStyles} data-testid="story-status" data-status={status}>
      {t(`web.stories.status.${status}`)}
    </Badge>
  );
}
