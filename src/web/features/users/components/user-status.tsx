import { Badge } from '@mantine/core';
import type { UserItem } from '../../../../contracts/users';
import { useT } from '../../../lib/i18n';
import { formatDateTime } from '../../../lib/format';

/** Whether a sign-in lock (after repeated wrong passwords) is still in force. */
export function lockedUntil(user: Pick<UserItem, 'lockedUntil'>, now: number): string | null {
  if (!user.lockedUntil) return null;
  return new Date(user.lockedUntil).getTime() > now ? user.lockedUntil : null;
}

export function UserStatusBadge({ user, now }: { user: UserItem; now: number }) {
  const t = useT();
  if (user.disabled) {
    return (
      <Badge color="gray" variant="light">
        {t('web.users.status.disabled')}
      </Badge>
    );
  }
  const until = lockedUntil(user, now);
  if (until) {
    return (
      <Badge color="red" variant="light">
        {t('web.users.status.locked', { until: formatDateTime(until) })}
      </Badge>
    );
  }
  return (
    <Badge color="teal" variant="light">
      {t('web.users.status.active')}
    </Badge>
  );
}
