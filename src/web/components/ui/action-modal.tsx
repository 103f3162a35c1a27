import { useState, type FormEvent, type ReactNode } from 'react';
import { Alert, Button, Group, Modal, Stack } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useT } from '../../lib/i18n';
import { useIsMobile } from '../../lib/use-is-mobile';
import { ErrorAlert } from './error-alert';

interface ActionModalProps {
  title: string;
  onClose: () => void;
  submitLabel: string;
  /** Called once the form is valid (and confirmed, for destructive actions). */
  onSubmit: () => void;
  /** Local checks; return false to stay on the form (field errors are shown by the caller). */
  validate?: () => boolean;
  submitting?: boolean;
  error?: unknown;
  /** Destructive actions ask once more, saying what will happen. */
  confirmMessage?: ReactNode;
  danger?: boolean;
  size?: string;
  children: ReactNode;
}

/**
 * The one shape of every "do something to this record" dialog: fields, the server's answer when it
 * refuses, and a confirmation step for actions that cannot simply be undone (UX principle 4).
 * Mount it only while open so that its fields start fresh each time.
 */
export function ActionModal({ title, onClose, submitLabel, onSubmit, validate, submitting, error, confirmMessage, danger, size = 'lg', children }: ActionModalProps) {
  const t = useT();
  const isMobile = useIsMobile();
  const [confirming, setConfirming] = useState(false);

  const handleSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (submitting) return;
    if (validate && !validate()) return;
    if (confirmMessage && !confirming) {
      setConfirming(true);
      return;
    }
    onSubmit();
  };

  const color = danger ? 'red' : undefined;
  return (
    <Modal opened onClose={onClose} title={title} size={size} fullScreen={isMobile} closeOnClickOutside={!submitting}>
      <form onSubmit={handleSubmit} noValidate>
        <Stack gap="md">
          {!confirming && <Stack gap="sm">{children}</Stack>}
          {confirming && (
            <Alert color={danger ? 'red' : 'yellow'} icon={<IconAlertTriangle size={18} aria-hidden />} title={t('web.common.confirmTitle')} role="alert">
              {confirmMessage}
            </Alert>
          )}
          <ErrorAlert error={error} />
          <Group justify="flex-end" gap="sm">
            {confirming ? (
              <Button variant="default" onClick={() => setConfirming(false)} disabled={submitting}>
                {t('web.common.back')}
              </Button>
            ) : (
              <Button variant="default" onClick={onClose} disabled={submitting}>
                {t('web.common.cancel')}
              </Button>
            )}
            <Button type="submit" color={color} loading={submitting}>
              {confirming ? t('web.common.confirmAction', { action: submitLabel }) : submitLabel}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
