import { Button, Menu, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconCheck, IconChevronDown, IconLanguage, IconLogout, IconUserCircle } from '@tabler/icons-react';
import type { Me } from '../../../contracts/auth';
import { LOCALES } from '../../../contracts/enums';
import { useI18n } from '../../lib/i18n';
import { errorMessage } from '../../lib/errors';
import { useLogout } from '../../features/auth/api/logout';

export function UserMenu({ me }: { me: Me }) {
  const { t, locale, setLocale } = useI18n();
  const logout = useLogout();
  return (
    <Menu position="bottom-end" width={240} withinPortal>
      <Menu.Target>
        <Button variant="subtle" color="gray" leftSection={<IconUserCircle size={20} aria-hidden />} rightSection={<IconChevronDown size={14} aria-hidden />} aria-label={t('web.shell.userMenu', { name: me.displayName })} px="xs">
          <Text size="sm" visibleFrom="xs" truncate="end" maw={180}>
            {me.displayName}
          </Text>
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>{me.username}</Menu.Label>
        <Menu.Divider />
        <Menu.Label>
          <IconLanguage size={12} aria-hidden /> {t('web.shell.language')}
        </Menu.Label>
        {LOCALES.map((code) => (
          <Menu.Item
            key={code}
            lang={code}
            rightSection={code === locale ? <IconCheck size={14} aria-hidden /> : undefined}
            aria-current={code === locale ? 'true' : undefined}
            onClick={() =>
              setLocale(code).catch((error: unknown) => notifications.show({ color: 'red', message: errorMessage(error, t) }))
            }
          >
            {t(`web.locale.${code}`)}
          </Menu.Item>
        ))}
        <Menu.Divider />
        <Menu.Item leftSection={<IconLogout size={16} aria-hidden />} onClick={() => logout.mutate()} disabled={logout.isPending}>
          {t('web.shell.logout')}
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
