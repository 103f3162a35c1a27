import { Alert, List } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import type { RegistrationItemError } from '../../../../contracts/registrations';
import { ApiError } from '../../../lib/api-client';
import { useT } from '../../../lib/i18n';
import { ErrorAlert } from '../../../components/ui/error-alert';

/** A refused list: every row's Vietnamese message (nothing was saved); other errors as usual. */
export function ItemErrors({ error }: { error: unknown }) {
  const t = useT();
  const items = error instanceof ApiError ? (error.details as { items?: RegistrationItemError[] } | undefined)?.items : undefined;
  if (!items?.length) return <ErrorAlert error={error} />;
  return (
    <Alert color="red" icon={<IconAlertTriangle size={18} aria-hidden />} title={error instanceof ApiError ? error.message : undefined} role="alert" data-testid="registration-errors">
      {t('web.registrations.form.errors')}
      <List size="sm" mt="xs">
        {items.slice(0, 200).map((e, i) => (
          <List.Item key={i} data-testid="registration-error">{e.message}</List.Item>
        ))}
      </List>
    </Alert>
  );
}
