import { useMemo, useState } from 'react';
import { Badge, Button, Grid, Group, NumberInput, Paper, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { IconPencil } from '@tabler/icons-react';
import type { z } from 'zod';
import type { voteRuleOverride } from '../../../../contracts/councils';
import { hasMessage } from '../../../../contracts/messages';
import { builtInRule, resolveVoteRule } from '../../../../domain/council';
import { useI18n, useT } from '../../../lib/i18n';
import { hasAbility } from '../../../lib/session';
import { ActionModal } from '../../../components/ui/action-modal';
import { LoadingBlock } from '../../../components/ui/loading-block';
import { useAwardOptions, useUpdateCouncil, type CouncilDto } from '../api/councils';
import { ruleText } from './rule-text';

type Override = z.infer<typeof voteRuleOverride>;
const DEFAULT = '__default';
const INHERIT = 'inherit';

/** Shares a council typically writes in its quy chế, as the words people use for them. */
const APPROVALS = {
  HALF: { approval: { num: 1, den: 2 }, strict: true },
  TWO_THIRDS: { approval: { num: 2, den: 3 }, strict: false },
  THREE_QUARTERS: { approval: { num: 3, den: 4 }, strict: false },
  NINETY: { approval: { num: 9, den: 10 }, strict: false },
} as const;
type ApprovalKey = keyof typeof APPROVALS;
const QUORUMS = { HALF: { num: 1, den: 2 }, TWO_THIRDS: { num: 2, den: 3 }, THREE_QUARTERS: { num: 3, den: 4 } } as const;
type QuorumKey = keyof typeof QUORUMS;

function approvalKey(o: Override | undefined): ApprovalKey | typeof INHERIT {
  if (!o?.approval) return INHERIT;
  const hit = (Object.keys(APPROVALS) as ApprovalKey[]).find((k) => APPROVALS[k].approval.num * o.approval!.den === o.approval!.num * APPROVALS[k].approval.den);
  return hit ?? INHERIT;
}
function quorumKey(o: Override | undefined): QuorumKey | typeof INHERIT {
  if (!o?.quorum) return INHERIT;
  return (Object.keys(QUORUMS) as QuorumKey[]).find((k) => QUORUMS[k].num * o.quorum!.den === o.quorum!.num * QUORUMS[k].den) ?? INHERIT;
}

/** The vote rule of each award in plain words, and the council's own rules (its quy chế) where it sets them. */
export function VoteRulesPanel({ council }: { council: CouncilDto }) {
  const t = useT();
  const { locale } = useI18n();
  const awards = useAwardOptions(true);
  const [editing, setEditing] = useState<string | null>(null);
  const canEdit = hasAbility(council, 'council.update') && council.status === 'ACTIVE';
  const rules = council.voteRules;
  const sourceText = (s: string) => (hasMessage(s) ? t(s) : s);
  const defaultRule = resolveVoteRule({ code: '', level: '' }, rules);

  return (
    <Stack gap="md" data-testid="vote-rules">
      <Text size="sm" c="dimmed">
        {t('web.councils.rules.intro')}
      </Text>
      <Paper withBorder p="md" data-testid="vote-rule" data-code="default">
        <Group justify="space-between" align="flex-start" gap="sm">
          <Stack gap={4} style={{ flex: '1 1 20rem' }}>
            <Group gap="xs">
              <Title order={3} fz="md">
                {t('web.councils.rules.default')}
              </Title>
              {rules.default && <OwnBadge />}
            </Group>
            <Text size="sm" data-testid="vote-rule-text">
              {ruleText(defaultRule, t, locale)}
            </Text>
            <Text size="xs" c="dimmed">
              {t('web.councils.rules.source', { source: sourceText(defaultRule.source) })}
            </Text>
          </Stack>
          {canEdit && (
            <Button variant="default" size="sm" leftSection={<IconPencil size={16} aria-hidden />} onClick={() => setEditing(DEFAULT)} data-testid="vote-rule-edit">
              {t('web.councils.rules.edit')}
            </Button>
          )}
        </Group>
      </Paper>
      {awards.isPending ? (
        <LoadingBlock />
      ) : (
        <Stack gap="xs">
          <Title order={3} fz="md">
            {t('web.councils.rules.perAward')}
          </Title>
          {(awards.data?.items ?? []).map((a) => {
            const rule = resolveVoteRule({ code: a.code, level: a.level }, rules);
            const own = rules.awards?.[a.code];
            return (
              <Paper key={a.code} withBorder p="sm" data-testid="vote-rule" data-code={a.code}>
                <Group justify="space-between" align="flex-start" gap="sm" wrap="wrap">
                  <Stack gap={2} style={{ flex: '1 1 20rem', minWidth: 0 }}>
                    <Group gap="xs">
                      <Text size="sm" fw={600}>
                        {locale === 'vi' ? a.nameVi : a.nameEn}
                      </Text>
                      {own && <OwnBadge />}
                    </Group>
                    <Text size="sm" data-testid="vote-rule-text">
                      {ruleText(rule, t, locale)}
                    </Text>
                  </Stack>
                  {canEdit && (
                    <Button variant="subtle" size="sm" leftSection={<IconPencil size={16} aria-hidden />} onClick={() => setEditing(a.code)} aria-label={t('web.councils.rules.editFor', { award: a.nameVi })} data-testid="vote-rule-edit">
                      {t('web.councils.rules.edit')}
                    </Button>
                  )}
                </Group>
              </Paper>
            );
          })}
        </Stack>
      )}
      {editing && (
        <VoteRuleModal
          council={council}
          target={editing}
          targetLabel={editing === DEFAULT ? t('web.councils.rules.default') : (awards.data?.items.find((a) => a.code === editing)?.nameVi ?? editing)}
          builtInText={ruleText(editing === DEFAULT ? builtInRule({ code: '', level: '' }) : builtInRule({ code: editing, level: awards.data?.items.find((a) => a.code === editing)?.level ?? '' }), t, locale)}
          onClose={() => setEditing(null)}
        />
      )}
    </Stack>
  );
}

function OwnBadge() {
  const t = useT();
  return (
    <Badge color="indigo" variant="light" size="sm" style={{ textTransform: 'none' }} data-testid="vote-rule-own">
      {t('web.councils.rules.own')}
    </Badge>
  );
}

/** The council's own rule for the default or one award; every field may stay "as the general rule". */
function VoteRuleModal({ council, target, targetLabel, builtInText, onClose }: { council: CouncilDto; target: string; targetLabel: string; builtInText: string; onClose: () => void }) {
  const t = useT();
  const update = useUpdateCouncil(council.id);
  const current = target === DEFAULT ? council.voteRules.default : council.voteRules.awards?.[target];
  const [approval, setApproval] = useState<string>(approvalKey(current));
  const [quorum, setQuorum] = useState<string>(quorumKey(current));
  const [denominator, setDenominator] = useState<string>(current?.denominator ?? INHERIT);
  const [written, setWritten] = useState<string>(current?.writtenVotesFromAbsent === undefined ? INHERIT : String(current.writtenVotesFromAbsent));
  const [secret, setSecret] = useState<string>(current?.secret === undefined ? INHERIT : String(current.secret));
  const [days, setDays] = useState<number | ''>(current?.consultationWorkingDays ?? '');
  const [source, setSource] = useState(current?.source ?? '');
  const inherit = { value: INHERIT, label: t('web.councils.rules.inherit') };

  const override = useMemo<Override>(() => {
    const o: Override = {};
    if (approval !== INHERIT) Object.assign(o, APPROVALS[approval as ApprovalKey]);
    if (quorum !== INHERIT) o.quorum = QUORUMS[quorum as QuorumKey];
    if (denominator !== INHERIT) o.denominator = denominator as 'ALL_MEMBERS' | 'PRESENT';
    if (written !== INHERIT) o.writtenVotesFromAbsent = written === 'true';
    if (secret !== INHERIT) o.secret = secret === 'true';
    if (days !== '') o.consultationWorkingDays = days;
    if (source.trim() !== '' && Object.keys(o).length > 0) o.source = source.trim();
    return o;
  }, [approval, quorum, denominator, written, secret, days, source]);

  const submit = () => {
    const rules = structuredClone(council.voteRules);
    const empty = Object.keys(override).length === 0;
    if (target === DEFAULT) {
      if (empty) delete rules.default;
      else rules.default = override;
    } else {
      const awards = { ...(rules.awards ?? {}) };
      if (empty) delete awards[target];
      else awards[target] = override;
      rules.awards = awards;
    }
    update.mutate({ version: council.version, voteRules: rules }, { onSuccess: onClose });
  };

  const yesNo = [inherit, { value: 'true', label: t('web.common.yes') }, { value: 'false', label: t('web.common.no') }];
  return (
    <ActionModal title={t('web.councils.rules.editTitle', { target: targetLabel })} submitLabel={t('web.common.save')} onClose={onClose} submitting={update.isPending} error={update.error} onSubmit={submit}>
      <Text size="sm" c="dimmed">
        {t('web.councils.rules.builtIn', { text: builtInText })}
      </Text>
      <Grid gap="sm">
        <Grid.Col span={{ base: 12, sm: 6 }}>
          <Select
            label={t('web.councils.rules.field.approval')}
            data={[inherit, ...(Object.keys(APPROVALS) as ApprovalKey[]).map((k) => ({ value: k, label: t(`web.councils.rules.approval.${k}`) }))]}
            value={approval}
            onChange={(v) => v && setApproval(v)}
            allowDeselect={false}
            data-testid="rule-approval"
          />
        </Grid.Col>
        <Grid.Col span={{ base: 12, sm: 6 }}>
          <Select
            label={t('web.councils.rules.field.denominator')}
            data={[inherit, { value: 'ALL_MEMBERS', label: t('web.councils.rules.denominator.ALL_MEMBERS') }, { value: 'PRESENT', label: t('web.councils.rules.denominator.PRESENT') }]}
            value={denominator}
            onChange={(v) => v && setDenominator(v)}
            allowDeselect={false}
            data-testid="rule-denominator"
          />
        </Grid.Col>
        <Grid.Col span={{ base: 12, sm: 6 }}>
          <Select
            label={t('web.councils.rules.field.quorum')}
            data={[inherit, ...(Object.keys(QUORUMS) as QuorumKey[]).map((k) => ({ value: k, label: t(`web.councils.rules.quorum.${k}`) }))]}
            value={quorum}
            onChange={(v) => v && setQuorum(v)}
            allowDeselect={false}
            data-testid="rule-quorum"
          />
        </Grid.Col>
        <Grid.Col span={{ base: 12, sm: 6 }}>
          <Select label={t('web.councils.rules.field.written')} data={yesNo} value={written} onChange={(v) => v && setWritten(v)} allowDeselect={false} data-testid="rule-written" />
        </Grid.Col>
        <Grid.Col span={{ base: 12, sm: 6 }}>
          <Select label={t('web.councils.rules.field.secret')} data={yesNo} value={secret} onChange={(v) => v && setSecret(v)} allowDeselect={false} data-testid="rule-secret" />
        </Grid.Col>
        <Grid.Col span={{ base: 12, sm: 6 }}>
          <NumberInput
            label={t('web.councils.rules.field.consultation')}
            description={t('web.councils.rules.consultationHint')}
            value={days}
            onChange={(v) => setDays(v === '' ? '' : Number(v))}
            min={0}
            max={60}
            allowDecimal={false}
            data-testid="rule-consultation"
          />
        </Grid.Col>
      </Grid>
      <TextInput label={t('web.councils.rules.field.source')} placeholder={t('web.councils.rules.sourcePlaceholder')} value={source} onChange={(e) => setSource(e.currentTarget.value)} maxLength={300} data-testid="rule-source" />
    </ActionModal>
  );
}
