import { Badge } from '@mantine/core';
import { useT } from '../../../lib/i18n';
import { useInboxSummary } from '../api/inbox';

/** Unread count beside "Hộp thư" in the navigation (nothing when all is read). */
export function InboxNavBadge() {
  const t = useT();
  const summary = useInboxSummary();
  const unread = summary.data?.unread ?? 0;
  if (unread === 0) return null;
  return (
    <Badge size="sm" color="red" variant="filled" circle={unread < 10} aria-label={t('web.cascade.inbox.badge', { count: unread })} data-testid="inbox-badge">
      {unread > 99 ? '99+' : unread}
    </Badge>
  );
}
