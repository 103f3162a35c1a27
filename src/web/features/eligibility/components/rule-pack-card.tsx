import { Badge, Button, Group, List, Paper, Stack, Text, Title, Tooltip } from '@mantine/core';
import { IconAdjustments } from '@tabler/icons-react';
import type { AwardItem } from '../../../../contracts/awards';
import type { RulePackDto } from '../../../../contracts/eligibility';
import { useI18n } from '../../../lib/i18n';
import { formatDate } from '../../../lib/format';
import { ResponsiveTable, type Column } from '../../../components/ui/responsive-table';
import { citationText } from './reason-list';
import { formatParamValue } from './param-value';

type Rule = RulePackDto['rules'][number];
type Param = Rule['params'][number];

interface RulePackCardProps {
  pack: RulePackDto;
  awards: AwardItem[] | undefined;
  /** Administrators may change parameters. */
  canChange: boolean;
  onChange: (pack: RulePackDto, param: Param) => void;
}

/** A rule pack in force: where it comes from, each rule with its legal basis and its parameters. */
export function RulePackCard({ pack, awards, canChange, onChange }: RulePackCardProps) {
  const { t, locale } = useI18n();
  const awardName = (code: string) => {
    const a = awards?.find((x) => x.code === code);
    return a ? (locale === 'en' ? a.nameEn : a.nameVi) : code;
  };
  const validity = pack.validTo
    ? t('web.rules.validRange', { from: formatDate(pack.validFrom), to: formatDate(pack.validTo) })
    : t('web.rules.validFrom', { from: formatDate(pack.validFrom) });

  return (
    <Paper withBorder p="md" data-testid="rule-pack" data-pack={pack.id}>
      <Stack gap="sm">
        <div>
          <Title order={2} fz="h4">
            {pack.name}
          </Title>
          <Text size="sm" c="dimmed">
            {validity}
          </Text>
        </div>
        {pack.sources.length > 0 && (
          <div>
            <Text size="sm" fw={600}>
              {t('web.rules.sources')}
            </Text>
            <List size="sm" spacing={2}>
              {pack.sources.map((source) => (
                <List.Item key={source}>{source}</List.Item>
              ))}
            </List>
          </div>
        )}
        <Stack gap="xs">
          {pack.rules.map((rule) => (
            <RuleBlock key={rule.id} rule={rule} awardName={awardName} canChange={canChange} onChange={(param) => onChange(pack, param)} />
          ))}
        </Stack>
      </Stack>
    </Paper>
  );
}

function RuleBlock({ rule, awardName, canChange, onChange }: { rule: Rule; awardName: (code: string) => string; canChange: boolean; onChange: (param: Param) => void }) {
  const { t } = useI18n();
  const columns: Column<Param>[] = [
    {
      key: 'key',
      header: t('web.rules.param.key'),
      primary: true,
      cell: (p) => (
        <Text size="sm" ff="monospace" style={{ overflowWrap: 'anywhere' }}>
          {p.key}
        </Text>
      ),
    },
    { key: 'value', header: t('web.rules.param.value'), cell: (p) => <Text size="sm" fw={p.changedFrom ? 600 : undefined}>{formatParamValue(p.type, p.value, t)}</Text> },
    { key: 'default', header: t('web.rules.param.default'), cell: (p) => formatParamValue(p.type, p.defaultValue, t) },
    { key: 'changed', header: t('web.rules.param.changed'), cell: (p) => (p.changedFrom ? t('web.rules.param.changedFrom', { date: formatDate(p.changedFrom) }) : '') },
  ];
  if (canChange) {
    columns.push({
      key: 'actions',
      header: t('web.common.actions'),
      cell: (p) => (
        <Button size="compact-sm" variant="light" leftSection={<IconAdjustments size={14} aria-hidden />} onClick={() => onChange(p)} aria-label={t('web.rules.change.actionFor', { key: p.key })} data-testid="rule-param-change" data-param={p.key}>
          {t('web.rules.change.action')}
        </Button>
      ),
    });
  }
  return (
    <Paper withBorder p="sm" radius="sm" bg="var(--mantine-color-gray-0)" data-testid="rule" data-rule={rule.id}>
      <Stack gap={6}>
        <Group justify="space-between" align="flex-start" gap="xs">
          <Text fw={600} size="sm" style={{ flex: '1 1 16rem' }}>
            {rule.title}
          </Text>
          {rule.verified ? (
            <Badge color="teal" variant="light" size="sm" style={{ textTransform: 'none' }}>
              {t('web.rules.verified')}
            </Badge>
          ) : (
            <Tooltip label={t('web.elig.unverifiedHint')} multiline w={280} withArrow>
              <Badge color="orange" variant="light" size="sm" style={{ textTransform: 'none' }} tabIndex={0}>
                {t('web.rules.uncertain')}
              </Badge>
            </Tooltip>
          )}
        </Group>
        <Text size="xs" c="dimmed">
          {citationText(rule.citation)}
        </Text>
        <Group gap={4}>
          <Text size="xs">{t('web.rules.targets')}</Text>
          {rule.targets.map((code) =>
            code === '*' ? (
              <Badge key={code} size="xs" variant="outline" color="gray" style={{ textTransform: 'none' }}>
                {t('web.rules.allTargets')}
              </Badge>
            ) : (
              <Tooltip key={code} label={awardName(code)} withArrow>
                <Badge size="xs" variant="outline" style={{ textTransform: 'none' }} tabIndex={0} aria-label={awardName(code)}>
                  {code}
                </Badge>
              </Tooltip>
            ),
          )}
        </Group>
        {rule.params.length > 0 && (
          <ResponsiveTable caption={t('web.rules.paramsCaption', { rule: rule.title })} columns={columns} rows={rule.params} rowKey={(p) => p.key} minWidth={560} rowTestId="rule-param" />
        )}
      </Stack>
    </Paper>
  );
}
