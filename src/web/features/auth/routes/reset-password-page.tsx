import { useState, type FormEvent } from 'react';
import { Alert, Button, PasswordInput, Stack, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { IconAlertTriangle, IconCircleCheck, IconLock } from '@tabler/icons-react';
import { getRouteApi } from '@tanstack/react-router';
import { LIMITS } from '../../../../contracts/limits';
import { useI18n } from '../../../lib/i18n';
import { errorMessage } from '../../../lib/errors';
import { AnchorLink, ButtonLink } from '../../../components/ui/links';
import { useConfirmPasswordReset } from '../api/password-reset';
import { AuthCard } from './auth-card';

const route = getRouteApi('/dat-lai-mat-khau');

/** /dat-lai-mat-khau?token=…: choose a new password with the link from the e-mail. */
export function ResetPasswordPage() {
  const { t } = useI18n();
  const { token } = route.useSearch();
  useDocumentTitle(`${t('web.passwordReset.confirm.title')} · ${t('app.name')}`);
  const confirm = useConfirmPasswordReset();
  const [password, setPassword] = useState('');
  const [repeat, setRepeat] = useState('');
  const [visible, setVisible] = useState(false);
  const [errors, setErrors] = useState<{ password?: string; repeat?: string }>({});

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!token) return;
    const next = {
      password: !password
        ? t('validation.required')
        : password.length < LIMITS.passwordMin
          ? t('web.passwordReset.confirm.tooShort', { min: LIMITS.passwordMin })
          : undefined,
      repeat: !repeat ? t('validation.required') : repeat !== password ? t('web.passwordReset.confirm.mismatch') : undefined,
    };
    setErrors(next);
    if (next.password || next.repeat) return;
    confirm.mutate({ token, newPassword: password });
  };

  if (confirm.isSuccess) {
    return (
      <AuthCard>
        <Title order={2} fz="h4">
          {t('web.passwordReset.done.title')}
        </Title>
        <Alert color="green" variant="light" icon={<IconCircleCheck size={18} aria-hidden />} role="status" data-testid="reset-done">
          {t('web.passwordReset.done.body')}
        </Alert>
        <ButtonLink to="/dang-nhap" fullWidth data-testid="reset-sign-in">
          {t('web.passwordReset.done.signIn')}
        </ButtonLink>
      </AuthCard>
    );
  }

  return (
    <AuthCard>
      <Title order={2} fz="h4">
        {t('web.passwordReset.confirm.title')}
      </Title>
      {!token ? (
        <Alert color="red" variant="light" icon={<IconAlertTriangle size={18} aria-hidden />} role="alert">
          {t('web.passwordReset.confirm.missingToken')}
        </Alert>
      ) : (
        <form onSubmit={submit} noValidate>
          <Stack gap="md">
            <Text size="sm">{t('web.passwordReset.confirm.intro', { min: LIMITS.passwordMin })}</Text>
            {confirm.error && (
              <Alert color="red" variant="light" icon={<IconAlertTriangle size={18} aria-hidden />} role="alert" data-testid="reset-error">
                {errorMessage(confirm.error, t)}
              </Alert>
            )}
            <PasswordInput
              label={t('web.passwordReset.confirm.newPassword')}
              value={password}
              onChange={(event) => setPassword(event.currentTarget.value)}
              error={errors.password}
              leftSection={<IconLock size={16} aria-hidden />}
              autoComplete="new-password"
              maxLength={200}
              required
              autoFocus
              visible={visible}
              onVisibilityChange={setVisible}
              visibilityToggleButtonProps={{ 'aria-label': t('web.passwordReset.confirm.toggle') }}
              data-testid="reset-password"
            />
            <PasswordInput
              label={t('web.passwordReset.confirm.repeat')}
              value={repeat}
              onChange={(event) => setRepeat(event.currentTarget.value)}
              error={errors.repeat}
              leftSection={<IconLock size={16} aria-hidden />}
              autoComplete="new-password"
              maxLength={200}
              required
              visible={visible}
              onVisibilityChange={setVisible}
              visibilityToggleButtonProps={{ 'aria-label': t('web.passwordReset.confirm.toggle') }}
              data-testid="reset-password-repeat"
            />
            <Button type="submit" loading={confirm.isPending} fullWidth data-testid="reset-confirm-submit">
              {t('web.passwordReset.confirm.submit')}
            </Button>
          </Stack>
        </form>
      )}
      {(!token || confirm.isError) && (
        <AnchorLink to="/quen-mat-khau" size="sm">
          {t('web.passwordReset.confirm.requestNew')}
        </AnchorLink>
      )}
      <AnchorLink to="/dang-nhap" size="sm">
        {t('web.passwordReset.backToLogin')}
      </AnchorLink>
    </AuthCard>
  );
}
