import { Alert } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useT } from '../../lib/i18n';
import { errorMessage } from '../../lib/errors';

/** The server's explanation of a failed request, announced to screen readers. */
export function ErrorAlert({ error, title }: { error: unknown; title?: string }) {
  const t = useT();
  if (!error) return null;
  return (
    <Alert color="red" variant="light" icon={<IconAlertTriangle size={18} aria-hidden />} title={title} role="alert">
      {errorMessage(error, t)}
    </Alert>
  );
}
