import type { ReactNode } from 'react';
import { Paper, Stack, Title } from '@mantine/core';

/** A titled part of a page: a `<section>` landmark named by its heading (`<id>-heading`), `data-testid` = id. */
export function SectionCard({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <Paper withBorder p="md" component="section" aria-labelledby={`${id}-heading`} data-testid={id}>
      <Stack gap="sm">
        <Title order={2} size="h4" id={`${id}-heading`}>
          {title}
        </Title>
        {children}
      </Stack>
    </Paper>
  );
}
