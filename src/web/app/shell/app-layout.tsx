import { AppShell, Burger, Group, Text, Box } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { Navigate, Outlet } from '@tanstack/react-router';
import { AnchorLink } from '../../components/ui/links';
import { meQueryOptions, MeProvider } from '../../lib/session';
import { useT } from '../../lib/i18n';
import { MainNav } from './main-nav';
import { UserMenu } from './user-menu';
import classes from './app-layout.module.css';

/** Header, navigation and page area for signed-in users. */
export function AppLayout() {
  const t = useT();
  const { data: me } = useQuery(meQueryOptions);
  const [navOpened, { toggle, close }] = useDisclosure(false);
  if (!me) return <Navigate to="/dang-nhap" />;

  const scope = me.scopeRoots.map((root) => root.name).join(', ');
  return (
    <MeProvider value={me}>
      <a href="#main-content" className={classes.skipLink}>
        {t('web.shell.skipToContent')}
      </a>
      <AppShell header={{ height: 56 }} navbar={{ width: 248, breakpoint: 'sm', collapsed: { mobile: !navOpened } }} padding="md">
        <AppShell.Header>
          <Group h="100%" px="md" justify="space-between" wrap="nowrap" gap="sm">
            <Group gap="sm" wrap="nowrap" style={{ minWidth: 0 }}>
              <Burger opened={navOpened} onClick={toggle} hiddenFrom="sm" size="sm" aria-label={navOpened ? t('web.shell.closeMenu') : t('web.shell.openMenu')} />
              <AnchorLink to="/" fw={800} fz="lg" underline="never" c="blue.8" style={{ whiteSpace: 'nowrap' }}>
                {t('app.name')}
              </AnchorLink>
              {scope && (
                <Box visibleFrom="sm" style={{ minWidth: 0 }}>
                  <Text size="sm" c="dimmed" truncate="end" title={scope}>
                    {t('web.shell.scope', { scope })}
                  </Text>
                </Box>
              )}
            </Group>
            <UserMenu me={me} />
          </Group>
        </AppShell.Header>
        <AppShell.Navbar p="xs" aria-label={t('web.shell.navigation')} className={classes.navbar}>
          <MainNav abilities={me.abilities} onNavigate={close} />
        </AppShell.Navbar>
        <AppShell.Main id="main-content" tabIndex={-1} className={classes.main}>
          <Outlet />
        </AppShell.Main>
      </AppShell>
    </MeProvider>
  );
}
