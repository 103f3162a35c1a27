import { useState, type FormEvent } from 'react';
import { Alert, Box, Button, Center, Group, Paper, PasswordInput, SegmentedControl, Stack, Text, TextInput, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { IconAlertTriangle, IconLock, IconUser } from '@tabler/icons-react';
import { getRouteApi, useNavigate } from '@tanstack/react-router';
import { LIMITS } from '../../../../contracts/limits';
import { LOCALES, type Locale } from '../../../../contracts/enums';
import { useI18n } from '../../../lib/i18n';
import { errorMessage } from '../../../lib/errors';
import { safeRedirect } from '../../../lib/search-params';
import { useLogin } from '../api/login';
import { AnchorLink } from '../../../components/ui/links';

const route = getRouteApi('/dang-nhap');

export function LoginPage() {
  const { t, locale, setLocale } = useI18n();
  const { redirect } = route.useSearch();
  const navigate = useNavigate();
  const login = useLogin();
  useDocumentTitle(`${t('web.login.title')} · ${t('app.name')}`);
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [missing, setMissing] = useState<{ username?: string; password?: string }>({});

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const next = {
      username: username.trim() ? undefined : t('validation.required'),
      password: password ? undefined : t('validation.required'),
    };
    setMissing(next);
    if (next.username || next.password) return;
    login.mutate(
      { username: username.trim().toLowerCase(), password },
      { onSuccess: () => void navigate({ href: safeRedirect(redirect), replace: true }) },
    );
  };

  return (
    <Center component="main" mih="100dvh" p="md" bg="var(--mantine-color-gray-0)">
      <Box w="100%" maw={420}>
        <Group justify="flex-end" mb="sm">
          <SegmentedControl
            size="xs"
            aria-label={t('web.shell.language')}
            value={locale}
            onChange={(value) => void setLocale(value as Locale)}
            data={LOCALES.map((code) => ({ value: code, label: t(`web.locale.${code}`) }))}
          />
        </Group>
        <Paper withBorder shadow="sm" p={{ base: 'md', sm: 'xl' }} radius="md">
          <form onSubmit={submit} noValidate>
            <Stack gap="md">
              <Stack gap={4}>
                <Title order={1} fz="h2" c="blue.8">
                  {t('app.name')}
                </Title>
                <Text c="dimmed" size="sm">
                  {t('app.tagline')}
                </Text>
              </Stack>
              <Title order={2} fz="h4">
                {t('web.login.title')}
              </Title>
              {login.error && (
                <Alert color="red" variant="light" icon={<IconAlertTriangle size={18} aria-hidden />} role="alert">
                  {errorMessage(login.error, t)}
                </Alert>
              )}
              <TextInput
                label={t('web.login.username')}
                value={username}
                onChange={(event) => setUsername(event.currentTarget.value)}
                error={missing.username}
                leftSection={<IconUser size={16} aria-hidden />}
                autoComplete="username"
                autoCapitalize="none"
                spellCheck={false}
                maxLength={LIMITS.usernameMax}
                required
                autoFocus
                data-testid="login-username"
              />
              <PasswordInput
                label={t('web.login.password')}
                value={password}
                onChange={(event) => setPassword(event.currentTarget.value)}
                error={missing.password}
                leftSection={<IconLock size={16} aria-hidden />}
                autoComplete="current-password"
                maxLength={200}
                required
                visibilityToggleButtonProps={{ 'aria-label': t('web.login.togglePassword') }}
                data-testid="login-password"
              />
              <Button type="submit" loading={login.isPending} fullWidth data-testid="login-submit">
                {t('web.login.submit')}
              </Button>
              <AnchorLink to="/quen-mat-khau" size="sm" data-testid="login-forgot">
                {t('web.login.forgot')}
              </AnchorLink>
              <Text size="xs" c="dimmed">
                {t('web.login.noAccount')}
              </Text>
            </Stack>
          </form>
        </Paper>
      </Box>
    </Center>
  );
}
