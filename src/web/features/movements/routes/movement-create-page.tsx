import { useState } from 'react';
import { Stack } from '@mantine/core';
import { getRouteApi, useNavigate } from '@tanstack/react-router';
import { IconArrowLeft } from '@tabler/icons-react';
import type { MovementDetailDto } from '../../../../contracts/movements';
import { useT } from '../../../lib/i18n';
import { AnchorLink } from '../../../components/ui/links';
import { ErrorAlert } from '../../../components/ui/error-alert';
import { LoadingBlock } from '../../../components/ui/loading-block';
import { PageHeader } from '../../../components/ui/page-header';
import { useCreateMovement, useMovement, useUpdateMovement } from '../api/movements';
import { MovementForm } from '../components/movement-form';

const editRoute = getRouteApi('/app/phong-trao/$movementId/sua');

/** `/phong-trao/moi`: draft a movement for a unit the user manages. */
export function MovementCreatePage() {
  const t = useT();
  const navigate = useNavigate();
  const mutation = useCreateMovement();
  return (
    <Stack gap="md">
      <AnchorLink to="/phong-trao" size="sm">
        <IconArrowLeft size={14} aria-hidden /> {t('web.movements.back')}
      </AnchorLink>
      <PageHeader title={t('web.movements.create')} />
      <MovementForm
        submitting={mutation.isPending}
        error={mutation.error}
        onSubmit={(values, saved) =>
          mutation.mutate(values, {
            onSuccess: (m) => {
              saved();
              void navigate({ to: '/phong-trao/$movementId', params: { movementId: m.id } });
            },
          })
        }
      />
    </Stack>
  );
}

/** `/phong-trao/:id/sua`: edit a draft at the version it was loaded with. */
export function MovementEditPage() {
  const t = useT();
  const navigate = useNavigate();
  const { movementId } = editRoute.useParams();
  const movement = useMovement(movementId);
  const mutation = useUpdateMovement();
  // The form starts from the movement as first loaded and saves against that version; a later refetch must not wipe the user's edits.
  const [loaded, setLoaded] = useState<MovementDetailDto | null>(null);
  if (movement.data && loaded?.id !== movement.data.id) setLoaded(movement.data);
  const back = (
    <AnchorLink to="/phong-trao/$movementId" params={{ movementId }} size="sm">
      <IconArrowLeft size={14} aria-hidden /> {t('web.movements.backToMovement')}
    </AnchorLink>
  );
  if (movement.isPending || (movement.data && !loaded)) return <LoadingBlock />;
  if (movement.error || !loaded) {
    return (
      <Stack gap="md">
        {back}
        <ErrorAlert error={movement.error} />
      </Stack>
    );
  }
  const m = loaded;
  return (
    <Stack gap="md">
      {back}
      <PageHeader title={t('web.movements.editTitle')} />
      <MovementForm
        key={m.id}
        initial={m}
        submitting={mutation.isPending}
        error={mutation.error}
        onSubmit={({ orgId: _orgId, ...values }, saved) =>
          mutation.mutate(
            { id: m.id, version: m.version, ...values },
            {
              onSuccess: () => {
                saved();
                void navigate({ to: '/phong-trao/$movementId', params: { movementId: m.id } });
              },
            },
          )
        }
      />
    </Stack>
  );
}
