import { useState } from 'react';
import { Grid, Paper, Stack, Text } from '@mantine/core';
import { getRouteApi } from '@tanstack/react-router';
import type { RulePackDto } from '../../../../contracts/eligibility';
import { useT } from '../../../lib/i18n';
import { hasAbility, useMe } from '../../../lib/session';
import { todayIso } from '../../../lib/format';
import { DateField } from '../../../components/ui/date-field';
import { ErrorAlert } from '../../../components/ui/error-alert';
import { LoadingBlock } from '../../../components/ui/loading-block';
import { PageHeader } from '../../../components/ui/page-header';
import { useRules } from '../api/rules';
import { useAwardOptions } from '../api/list-award-options';
import { RulePackCard } from '../components/rule-pack-card';
import { AwardSelect } from '../components/award-select';
import { ParameterChangeModal } from '../components/parameter-change-modal';
import { ParameterHistory } from '../components/parameter-history';

const route = getRouteApi('/app/quy-tac-xet');

type Param = RulePackDto['rules'][number]['params'][number];

/** `/quy-tac-xet`: the rules eligibility applies on a date, their legal basis and their parameters. */
export function RulesPage() {
  const t = useT();
  const me = useMe();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const date = search.date ?? todayIso();
  const rules = useRules(date);
  const awards = useAwardOptions();
  // Rule parameters are changed by system administrators, the same people who manage users.
  const canChange = hasAbility(me, 'users.manage');
  // Narrowed to one award: its own rules and the common ones (`*`).
  const packs = search.target
    ? rules.data?.map((pack) => ({ ...pack, rules: pack.rules.filter((r) => r.targets.includes('*') || r.targets.includes(search.target!)) }))
    : rules.data;
  const [editing, setEditing] = useState<{ pack: RulePackDto; param: Param } | null>(null);

  return (
    <Stack gap="md">
      <PageHeader title={t('web.rules.title')} description={t('web.rules.description')} />
      <Paper withBorder p="sm">
        <Grid gap="sm" align="flex-end">
          <Grid.Col span={{ base: 12, sm: 5, md: 4 }}>
            <DateField
              label={t('web.rules.date')}
              description={t('web.rules.dateHint')}
              value={date}
              onChange={(value) => void navigate({ search: (prev) => ({ ...prev, date: value && value !== todayIso() ? value : undefined }), replace: true })}
              data-testid="rules-date"
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 7, md: 8 }}>
            <AwardSelect
              label={t('web.rules.filterTarget')}
              placeholder={t('web.rules.filterTargetAll')}
              awards={awards.data}
              value={search.target ?? null}
              onChange={(code) => void navigate({ search: (prev) => ({ ...prev, target: code ?? undefined }), replace: true })}
              clearable
              data-testid="rules-target"
            />
          </Grid.Col>
        </Grid>
      </Paper>
      <ErrorAlert error={rules.error} />
      {rules.isPending && <LoadingBlock />}
      {rules.data && rules.data.length === 0 && (
        <Paper withBorder p="xl">
          <Text c="dimmed" ta="center">
            {t('web.rules.none')}
          </Text>
        </Paper>
      )}
      {packs?.map((pack) => (
        <RulePackCard key={pack.id} pack={pack} awards={awards.data} canChange={canChange} onChange={(p, param) => setEditing({ pack: p, param })} />
      ))}
      <ParameterHistory packs={rules.data} />
      {editing && <ParameterChangeModal packId={editing.pack.id} packName={editing.pack.name} param={editing.param} onClose={() => setEditing(null)} />}
    </Stack>
  );
}
