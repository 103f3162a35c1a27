import type { ReactNode } from 'react';
import { Box, Center, Paper, Stack, Text, Title } from '@mantine/core';
import { useI18n } from '../../../lib/i18n';

/** The centred card the sign-in and password reset pages share (phone-first). */
export function AuthCard({ children }: { children: ReactNode }) {
  const { t } = useI18n();
  return (
    <Center component="main" mih="100dvh" p="md" bg="var(--mantine-color-gray-0)">
      <Box w="100%" maw={420}>
        <Paper withBorder shadow="sm" p={{ base: 'md', sm: 'xl' }} radius="md">
          <Stack gap="md">
            <Stack gap={4}>
              <Title order={1} fz="h2" c="blue.8">
                {t('app.name')}
              </Title>
              <Text c="dimmed" size="sm">
                {t('app.tagline')}
              </Text>
            </Stack>
            {children}
          </Stack>
        </Paper>
      </Box>
    </Center>
  );
}
