// What the user sees of a form's local draft (use-local-draft.ts): the offer to restore a copy left
// from an earlier visit, the line saying whether the changes are autosaved, and the question asked
// before leaving with unsaved changes. `testId` prefixes the test ids: `<testId>-restore`,
// `-restore-stale`, `-restore-apply`, `-restore-discard`, `-autosave`, `-leave-dialog`, `-leave-stay`,
// `-leave-confirm`.
import { Alert, Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useT } from './i18n';
import { formatDateTime } from './format';
import type { LocalDraftState } from './use-local-draft';

interface RestoreProps<F> {
  draft: LocalDraftState<F>;
  /** Puts the stored copy in the form. */
  onRestore: (form: F) => void;
  /** Says that the server's copy changed since the draft was written (shown when `draft.stale`). */
  staleText: string;
  testId: string;
}

/** The offer to restore a copy left from an earlier visit; nothing when there is none. */
export function DraftRestoreAlert<F>({ draft, onRestore, staleText, testId }: RestoreProps<F>) {
  const t = useT();
  if (!draft.stored) return null;
  return (
    <Alert color="blue" title={t('web.draft.restoreTitle')} data-testid={`${testId}-restore`}>
      <Stack gap="xs">
        <Text size="sm">{t('web.draft.restoreBody', { time: formatDateTime(draft.stored.savedAt) })}</Text>
        {draft.stale && (
          <Text size="sm" fw={500} data-testid={`${testId}-restore-stale`}>
            {staleText}
          </Text>
        )}
        <Group gap="xs">
          <Button
            size="xs"
            onClick={() => {
              const f = draft.restore();
              if (f !== null) onRestore(f);
            }}
            data-testid={`${testId}-restore-apply`}
          >
            {t('web.draft.restore')}
          </Button>
          <Button size="xs" variant="default" onClick={draft.discard} data-testid={`${testId}-restore-discard`}>
            {t('web.draft.discard')}
          </Button>
        </Group>
      </Stack>
    </Alert>
  );
}

/** "Autosaved at …" / "Unsaved changes." while the form differs from what was loaded. */
export function DraftStatus<F>({ draft, testId }: { draft: LocalDraftState<F>; testId: string }) {
  const t = useT();
  return (
    <Text size="sm" c="dimmed" aria-live="polite" data-testid={`${testId}-autosave`}>
      {draft.dirty ? (draft.autosavedAt ? t('web.draft.autosaved', { time: formatDateTime(draft.autosavedAt) }) : t('web.draft.unsaved')) : ''}
    </Text>
  );
}

/** Asks before an in-app navigation leaves unsaved changes ("Ở lại" / "Rời trang"). */
export function LeaveDialog<F>({ draft, testId }: { draft: LocalDraftState<F>; testId: string }) {
  const t = useT();
  const { blocker } = draft;
  return (
    <Modal opened={blocker.status === 'blocked'} onClose={() => blocker.reset?.()} title={t('web.draft.leaveTitle')} data-testid={`${testId}-leave-dialog`}>
      <Stack gap="sm">
        <Text size="sm">{t('web.draft.leaveBody')}</Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={() => blocker.reset?.()} data-testid={`${testId}-leave-stay`}>
            {t('web.draft.stay')}
          </Button>
          <Button color="red" onClick={() => blocker.proceed?.()} data-testid={`${testId}-leave-confirm`}>
            {t('web.draft.leave')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
