import { useState } from 'react';
import { Alert, Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { useT } from '../../../lib/i18n';

/** "Dán văn bản": a plan copied out of Word fills the form (see parsePlanText); the caller decides what a parse means. */
export function PastePlanModal({ onApply, onClose }: { onApply: (text: string) => boolean; onClose: () => void }) {
  const t = useT();
  const [text, setText] = useState('');
  const [failed, setFailed] = useState(false);
  return (
    <Modal opened onClose={onClose} title={t('web.plans.editor.pasteTitle')} size="xl" fullScreen={false}>
      <Stack gap="sm">
        <Text size="sm">{t('web.plans.editor.pasteBody')}</Text>
        <Alert color="yellow" variant="light">
          {t('web.plans.editor.pasteReplaces')}
        </Alert>
        <Textarea
          label={t('web.plans.editor.pasteLabel')}
          value={text}
          onChange={(e) => {
            setText(e.currentTarget.value);
            setFailed(false);
          }}
          autosize
          minRows={8}
          maxRows={18}
          error={failed ? t('web.plans.editor.pasteEmpty') : undefined}
          data-autofocus
          data-testid="plan-paste-text"
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('web.plans.editor.cancel')}
          </Button>
          <Button
            disabled={text.trim() === ''}
            onClick={() => {
              if (onApply(text)) onClose();
              else setFailed(true);
            }}
            data-testid="plan-paste-apply"
          >
            {t('web.plans.editor.pasteApply')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
