import { Button, Center, Stack, Text, Title } from '@mantine/core';
import { useRouter, type ErrorComponentProps } from '@tanstack/react-router';
import { ButtonLink } from '../components/ui/links';
import { ErrorAlert } from '../components/ui/error-alert';
import { useT } from '../lib/i18n';

/** Shown when a page cannot load (server down, unexpected error): say so and offer to try again. */
export function RouteError({ error, reset }: ErrorComponentProps) {
  const t = useT();
  const router = useRouter();
  return (
    <Center py="xl" px="md">
      <Stack maw={520} w="100%">
        <Title order={2}>{t('web.routeError.title')}</Title>
        <ErrorAlert error={error} />
        <Button
          onClick={() => {
            reset();
            void router.invalidate();
          }}
          w="fit-content"
        >
          {t('web.common.retry')}
        </Button>
      </Stack>
    </Center>
  );
}

export function NotFoundPage() {
  const t = useT();
  return (
    <Center py="xl" px="md">
      <Stack align="center">
        <Title order={2}>{t('web.notFound.title')}</Title>
        <Text c="dimmed">{t('web.notFound.body')}</Text>
        <ButtonLink to="/">
          {t('web.notFound.home')}
        </ButtonLink>
      </Stack>
    </Center>
  );
}
