import { useMemo, useState } from 'react';
import { Alert, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { IconArrowRight, IconFlask, IconPlus } from '@tabler/icons-react';
import type { EligibilityStatus } from '../../../../contracts/enums';
import { evaluate } from '../../../../domain/eligibility';
import { useI18n } from '../../../lib/i18n';
import { ErrorAlert } from '../../../components/ui/error-alert';
import { LoadingBlock } from '../../../components/ui/loading-block';
import { useMemberFacts } from '../api/get-member-eligibility';
import { useEngineInputs } from '../api/engine-inputs';
import { useAwardOptions } from '../api/list-award-options';
import { applyDrafts, DRAFT_KINDS, isComplete, newDraft, type Draft } from './what-if';
import { DraftRow } from './draft-row';
import { EligibilityStatusBadge } from './status-badge';
import { ReasonList } from './reason-list';

interface WhatIfPanelProps {
  memberId: number;
  target: string;
  year: number;
  /** The answer from the stored records, to show what the drafts change. */
  storedStatus: EligibilityStatus | undefined;
}

/**
 * "Thử với dữ liệu mới": the member's facts are loaded once; drafts typed here are added to them and
 * the pure engine answers in the browser on every change. Nothing is sent or saved.
 */
export function WhatIfPanel({ memberId, target, year, storedStatus }: WhatIfPanelProps) {
  const { t, locale } = useI18n();
  const facts = useMemberFacts(memberId, year);
  const engine = useEngineInputs();
  const awards = useAwardOptions();
  const [drafts, setDrafts] = useState<Draft[]>([]);
  const [nextUid, setNextUid] = useState(1);

  const result = useMemo(() => {
    if (!facts.data || !engine.inputs) return undefined;
    const candidate = applyDrafts(facts.data, drafts);
    return evaluate({ target, year, candidate }, { locale, changes: engine.inputs.changes, catalogue: engine.inputs.catalogue });
  }, [facts.data, engine.inputs, drafts, target, year, locale]);

  const counted = drafts.filter(isComplete).length;
  const changed = result && storedStatus && result.status !== storedStatus;

  return (
    <Paper withBorder p="md" data-testid="whatif-panel">
      <Stack gap="sm">
        <Group gap="xs">
          <IconFlask size={20} aria-hidden />
          <Title order={2} fz="h4">
            {t('web.whatIf.title')}
          </Title>
        </Group>
        <Alert color="yellow" variant="light" title={t('web.whatIf.notSavedTitle')}>
          {t('web.whatIf.notSaved')}
        </Alert>
        <Group gap="xs" role="group" aria-label={t('web.whatIf.addLabel')}>
          {DRAFT_KINDS.map((kind) => (
            <Button
              key={kind}
              size="xs"
              variant="light"
              leftSection={<IconPlus size={14} aria-hidden />}
              onClick={() => {
                setDrafts((list) => [...list, newDraft(kind, nextUid, year)]);
                setNextUid((n) => n + 1);
              }}
              data-testid={`whatif-add-${kind}`}
            >
              {t(`web.whatIf.add.${kind}`)}
            </Button>
          ))}
        </Group>
        {drafts.map((draft) => (
          <DraftRow
            key={draft.uid}
            draft={draft}
            awards={awards.data}
            onChange={(next) => setDrafts((list) => list.map((d) => (d.uid === draft.uid ? next : d)))}
            onRemove={() => setDrafts((list) => list.filter((d) => d.uid !== draft.uid))}
          />
        ))}
        <ErrorAlert error={facts.error ?? engine.error} />
        {!result && !facts.error && !engine.error && <LoadingBlock />}
        {result && (
          <Stack gap="xs" aria-live="polite">
            <Group gap="xs">
              <Text fw={600}>{counted > 0 ? t('web.whatIf.resultWithDrafts', { count: counted }) : t('web.whatIf.resultNoDrafts')}</Text>
              {changed && storedStatus && (
                <Group gap={4}>
                  <EligibilityStatusBadge status={storedStatus} size="sm" />
                  <IconArrowRight size={14} aria-label={t('web.whatIf.becomes')} />
                </Group>
              )}
              <EligibilityStatusBadge status={result.status} testId="whatif-status" />
            </Group>
            <ReasonList reasons={result.reasons} testId="whatif-reasons" />
          </Stack>
        )}
      </Stack>
    </Paper>
  );
}
