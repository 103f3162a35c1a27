import { useState } from 'react';
import { Alert, Button, CopyButton, Group, List, Stack, Text, TextInput, Title } from '@mantine/core';
import { IconCheck, IconCopy, IconReceipt, IconSearch, IconShieldCheck } from '@tabler/icons-react';
import { useT } from '../../../lib/i18n';
import { ErrorAlert } from '../../../components/ui/error-alert';
import { useCheckReceipt } from '../api/meetings';

/** The receipt code, shown once: the voter copies or writes it down to check later that their ballot is counted. */
export function ReceiptNotice({ receipt, count, onDone }: { receipt: string; count: number; onDone?: () => void }) {
  const t = useT();
  return (
    <Alert color="teal" variant="light" icon={<IconShieldCheck size={22} aria-hidden />} title={t('web.councils.receipt.title', { count })} data-testid="receipt" role="status">
      <Stack gap="sm">
        <Text size="sm">{t('web.councils.receipt.keep')}</Text>
        <Group gap="sm" wrap="wrap">
          <Text ff="monospace" fz={{ base: 'lg', sm: 'xl' }} fw={700} style={{ letterSpacing: '0.05em', wordBreak: 'break-all' }} data-testid="receipt-code">
            {receipt}
          </Text>
          <CopyButton value={receipt}>
            {({ copied, copy }) => (
              <Button size="md" variant={copied ? 'light' : 'filled'} color={copied ? 'teal' : undefined} leftSection={copied ? <IconCheck size={18} aria-hidden /> : <IconCopy size={18} aria-hidden />} onClick={copy} data-testid="receipt-copy">
                {copied ? t('web.councils.receipt.copied') : t('web.councils.receipt.copy')}
              </Button>
            )}
          </CopyButton>
        </Group>
        <Text size="sm" fw={600} c="red.9">
          {t('web.councils.receipt.once')}
        </Text>
        {onDone && (
          <Group>
            <Button variant="default" onClick={onDone} data-testid="receipt-done">
              {t('web.councils.receipt.done')}
            </Button>
          </Group>
        )}
      </Stack>
    </Alert>
  );
}

/** "Kiểm tra mã biên nhận": is my ballot in the count? Tells which items it covers, never how it voted. */
export function ReceiptCheck({ meetingId }: { meetingId: number }) {
  const t = useT();
  const check = useCheckReceipt(meetingId);
  const [code, setCode] = useState('');
  const valid = code.trim().length >= 8;
  return (
    <Stack gap="sm" data-testid="receipt-check">
      <Title order={2} fz="h4">
        {t('web.councils.receipt.checkTitle')}
      </Title>
      <Text size="sm" c="dimmed">
        {t('web.councils.receipt.checkExplain')}
      </Text>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (valid) check.mutate(code.trim());
        }}
      >
        <Group gap="sm" align="flex-end" wrap="wrap">
          <TextInput
            label={t('web.councils.receipt.code')}
            value={code}
            onChange={(e) => setCode(e.currentTarget.value)}
            leftSection={<IconReceipt size={16} aria-hidden />}
            maxLength={40}
            autoComplete="off"
            style={{ flex: '1 1 16rem' }}
            data-testid="receipt-check-input"
          />
          <Button type="submit" size="md" leftSection={<IconSearch size={16} aria-hidden />} loading={check.isPending} disabled={!valid} data-testid="receipt-check-submit">
            {t('web.councils.receipt.check')}
          </Button>
        </Group>
      </form>
      <ErrorAlert error={check.error} />
      {check.data && (
        <Alert color={check.data.found ? 'teal' : 'orange'} variant="light" data-testid="receipt-check-result" data-found={String(check.data.found)} role="status">
          {check.data.found ? (
            <Stack gap={4}>
              <Text size="sm" fw={600}>
                {t('web.councils.receipt.found', { count: check.data.items.length })}
              </Text>
              <List size="sm">
                {check.data.items.map((i) => (
                  <List.Item key={i.itemId} data-testid="receipt-check-item">
                    {t(i.sealed ? 'web.councils.receipt.itemSealed' : 'web.councils.receipt.itemOpen', { position: i.position, subject: i.subjectName })}
                  </List.Item>
                ))}
              </List>
            </Stack>
          ) : (
            <Text size="sm">{t('web.councils.receipt.notFound')}</Text>
          )}
        </Alert>
      )}
    </Stack>
  );
}
