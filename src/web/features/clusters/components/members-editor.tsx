import { Checkbox, Group, NumberInput, Paper, Select, Stack, Text } from '@mantine/core';
import { CLUSTER_LIMITS, CLUSTER_ROLES, type ClusterMemberInput, type ClusterRoleCode } from '../../../../contracts/clusters';
import { useT } from '../../../lib/i18n';
import { sortByName } from '../../../lib/format';
import { ErrorAlert } from '../../../components/ui/error-alert';
import { LoadingBlock } from '../../../components/ui/loading-block';
import { useOrganiserUnits } from '../api/clusters';

export type MemberDraft = ClusterMemberInput & { name: string };

interface MembersEditorProps {
  organiserId: number | null;
  value: MemberDraft[];
  onChange: (value: MemberDraft[]) => void;
  error?: string | null;
}

/**
 * Pick member units among the organiser's active sub-units (and keep current members that are not
 * among them), each with its role and rotation order. One row per unit: it wraps on a phone.
 */
export function MembersEditor({ organiserId, value, onChange, error }: MembersEditorProps) {
  const t = useT();
  const units = useOrganiserUnits(organiserId);
  if (organiserId === null) return <Text size="sm" c="dimmed">{t('web.clusters.members.chooseOrganiser')}</Text>;
  if (units.isPending) return <LoadingBlock />;
  if (units.error) return <ErrorAlert error={units.error} />;

  const chosen = new Map(value.map((m) => [m.orgId, m]));
  const candidates = sortByName(
    [...units.data.items.map((u) => ({ id: u.id, name: u.name })), ...value.filter((m) => !units.data.items.some((u) => u.id === m.orgId)).map((m) => ({ id: m.orgId, name: m.name }))],
    (u) => u.name,
  );
  const nextOrder = () => Math.min(CLUSTER_LIMITS.orderMax, Math.max(0, ...value.map((m) => m.rotationOrder)) + 1);
  const toggle = (unit: { id: number; name: string }, on: boolean) =>
    onChange(on ? [...value, { orgId: unit.id, name: unit.name, role: 'MEMBER', rotationOrder: nextOrder() }] : value.filter((m) => m.orgId !== unit.id));
  const patch = (orgId: number, p: Partial<MemberDraft>) => onChange(value.map((m) => (m.orgId === orgId ? { ...m, ...p } : m)));

  return (
    <Stack gap="xs" data-testid="cluster-members-editor">
      <Text size="sm" fw={500}>
        {t('web.clusters.members.title')}
      </Text>
      <Text size="xs" c="dimmed">
        {t('web.clusters.members.hint')}
      </Text>
      {candidates.length === 0 && <Text size="sm">{t('web.clusters.members.none')}</Text>}
      {candidates.map((unit) => {
        const m = chosen.get(unit.id);
        return (
          <Paper key={unit.id} withBorder p="xs" data-testid="cluster-member-option" data-org={unit.id}>
            <Group gap="sm" wrap="wrap" align="flex-end">
              <Checkbox
                style={{ flex: '1 1 14rem' }}
                label={unit.name}
                aria-label={t('web.clusters.members.pick', { unit: unit.name })}
                checked={m !== undefined}
                onChange={(e) => toggle(unit, e.currentTarget.checked)}
                data-testid="cluster-member-pick"
              />
              {m && (
                <>
                  <Select
                    w={140}
                    label={t('web.clusters.field.role')}
                    data={CLUSTER_ROLES.map((r) => ({ value: r, label: t(`web.clusters.role.${r}`) }))}
                    value={m.role}
                    onChange={(v) => patch(unit.id, { role: (v ?? 'MEMBER') as ClusterRoleCode })}
                    allowDeselect={false}
                    data-testid="cluster-member-role"
                  />
                  <NumberInput
                    w={120}
                    label={t('web.clusters.field.order')}
                    min={1}
                    max={CLUSTER_LIMITS.orderMax}
                    value={m.rotationOrder}
                    onChange={(v) => patch(unit.id, { rotationOrder: typeof v === 'number' ? v : Number(v) || 1 })}
                    data-testid="cluster-member-order"
                  />
                </>
              )}
            </Group>
          </Paper>
        );
      })}
      {error && (
        <Text size="sm" c="red" role="alert">
          {error}
        </Text>
      )}
    </Stack>
  );
}

/** Local checks before the server's: at least two units, one head and one deputy at most. */
export function membersProblem(members: MemberDraft[]): 'web.clusters.members.tooFew' | 'web.clusters.members.oneHead' | null {
  if (members.length < 2) return 'web.clusters.members.tooFew';
  if (members.filter((m) => m.role === 'HEAD').length > 1 || members.filter((m) => m.role === 'DEPUTY').length > 1) return 'web.clusters.members.oneHead';
  return null;
}
