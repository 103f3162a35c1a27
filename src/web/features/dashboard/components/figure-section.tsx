import type { ReactNode } from 'react';
import { Paper, Stack, Title } from '@mantine/core';

/** One block of the dashboard: a bordered panel with its heading. */
export function FigureSection({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Paper withBorder p="sm" component="section" aria-label={title}>
      <Stack gap="sm">
        <Title order={2} size="h4">
          {title}
        </Title>
        {children}
      </Stack>
    </Paper>
  );
}
