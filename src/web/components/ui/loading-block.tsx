import { Center, Loader } from '@mantine/core';
import { useT } from '../../lib/i18n';

export function LoadingBlock() {
  const t = useT();
  return (
    <Center py="xl">
      <Loader size="sm" role="status" aria-label={t('web.common.loading')} />
    </Center>
  );
}
