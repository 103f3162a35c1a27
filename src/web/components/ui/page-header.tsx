import type { ReactNode } from 'react';
import { Group, Stack, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { useT } from '../../lib/i18n';

interface PageHeaderProps {
  title: ReactNode;
  /** Browser tab title when `title` is not plain text. */
  documentTitle?: string;
  description?: ReactNode;
  actions?: ReactNode;
}

/** Page title (also shown in the browser tab) with an optional description and the page's main actions. */
export function PageHeader({ title, documentTitle, description, actions }: PageHeaderProps) {
  const t = useT();
  const tabTitle = documentTitle ?? (typeof title === 'string' ? title : '');
  useDocumentTitle(tabTitle ? `${tabTitle} · ${t('app.name')}` : '');
  return (
    <Group justify="space-between" align="flex-start" mb="md" gap="sm">
      <Stack gap={4} style={{ minWidth: 0, flex: '1 1 16rem' }}>
        <Title order={1} fz={{ base: 'h3', sm: 'h2' }}>
          {title}
        </Title>
        {description && (
          <Text c="dimmed" size="sm">
            {description}
          </Text>
        )}
      </Stack>
      {actions && (
        <Group gap="xs" wrap="wrap">
          {actions}
        </Group>
      )}
    </Group>
  );
}
