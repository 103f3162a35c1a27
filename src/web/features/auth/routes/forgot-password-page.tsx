import { useState, type FormEvent } from 'react';
import { Alert, Button, Stack, Text, TextInput, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { IconAlertTriangle, IconMailCheck, IconUser } from '@tabler/icons-react';
import { useI18n } from '../../../lib/i18n';
import { errorMessage } from '../../../lib/errors';
import { AnchorLink } from '../../../components/ui/links';
import { useRequestPasswordReset } from '../api/password-reset';
import { AuthCard } from './auth-card';

/** /quen-mat-khau: ask for a reset link; the answer is the same whether or not the account exists. */
export function ForgotPasswordPage() {
  const { t } = useI18n();
  useDocumentTitle(`${t('web.passwordReset.request.title')} · ${t('app.name')}`);
  const request = useRequestPasswordReset();
  const [identifier, setIdentifier] = useState('');
  const [missing, setMissing] = useState<string | undefined>();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const value = identifier.trim();
    setMissing(value ? undefined : t('validation.required'));
    if (!value) return;
    request.mutate(value);
  };

  return (
    <AuthCard>
      <Title order={2} fz="h4">
        {t('web.passwordReset.request.title')}
      </Title>
      {request.data ? (
        <Alert color="green" variant="light" icon={<IconMailCheck size={18} aria-hidden />} role="status" data-testid="reset-requested">
          {request.data.message}
        </Alert>
      ) : (
        <form onSubmit={submit} noValidate>
          <Stack gap="md">
            <Text size="sm">{t('web.passwordReset.request.intro')}</Text>
            {request.error && (
              <Alert color="red" variant="light" icon={<IconAlertTriangle size={18} aria-hidden />} role="alert">
                {errorMessage(request.error, t)}
              </Alert>
            )}
            <TextInput
              label={t('web.passwordReset.request.identifier')}
              value={identifier}
              onChange={(event) => setIdentifier(event.currentTarget.value)}
              error={missing}
              leftSection={<IconUser size={16} aria-hidden />}
              autoComplete="username"
              autoCapitalize="none"
              spellCheck={false}
              maxLength={200}
              required
              autoFocus
              data-testid="reset-identifier"
            />
            <Button type="submit" loading={request.isPending} fullWidth data-testid="reset-request-submit">
              {t('web.passwordReset.request.submit')}
            </Button>
            <Text size="xs" c="dimmed">
              {t('web.passwordReset.request.noEmail')}
            </Text>
          </Stack>
        </form>
      )}
      <AnchorLink to="/dang-nhap" size="sm">
        {t('web.passwordReset.backToLogin')}
      </AnchorLink>
    </AuthCard>
  );
}
