import { useMemo } from 'react';
import { Stack } from '@mantine/core';
import { getRouteApi } from '@tanstack/react-router';
import { IconArrowLeft } from '@tabler/icons-react';
import { useT } from '../../../lib/i18n';
import { hasAbility } from '../../../lib/session';
import { AnchorLink } from '../../../components/ui/links';
import { ErrorAlert } from '../../../components/ui/error-alert';
import { LoadingBlock } from '../../../components/ui/loading-block';
import { PageHeader } from '../../../components/ui/page-header';
import { useSheet, useSheetRound } from '../api/sheets';
import { useEvidence, type EvidenceDto } from '../api/evidence';
import { SheetHeader } from '../components/sheet-header';
import { SheetReadonly } from '../components/sheet-readonly';
import { SheetSelfForm, type EvidenceView } from '../components/sheet-self-form';
import { SheetVerifyForm } from '../components/sheet-verify-form';

const route = getRouteApi('/app/cham-diem/phieu/$sheetId');

/**
 * `/cham-diem/phieu/:id`: one score sheet. The unit self-scores it with evidence and submits it; the
 * organiser verifies it side by side, returns or approves it; afterwards everyone who may read it
 * sees the result (and managers correct a published one by amendment).
 */
export function SheetPage() {
  const t = useT();
  const { sheetId } = route.useParams();
  const sheet = useSheet(sheetId);
  const round = useSheetRound(sheet.data?.roundId);
  const published = round.data?.status === 'PUBLISHED';
  const files = useEvidence(sheetId);

  const evidence = useMemo<EvidenceView>(() => {
    const byCriterion = new Map<string, EvidenceDto[]>();
    for (const f of files.data?.items ?? []) byCriterion.set(f.criterionCode, [...(byCriterion.get(f.criterionCode) ?? []), f]);
    return { available: files.isSuccess, byCriterion };
  }, [files.data, files.isSuccess]);

  const back = round.data ? (
    <AnchorLink to="/cham-diem/$roundId" params={{ roundId: round.data.id }} size="sm">
      <IconArrowLeft size={14} aria-hidden /> {t('web.scoring.sheet.backToRound', { title: round.data.title })}
    </AnchorLink>
  ) : (
    <AnchorLink to="/cham-diem" size="sm">
      <IconArrowLeft size={14} aria-hidden /> {t('web.scoring.sheet.backToRounds')}
    </AnchorLink>
  );

  if (sheet.isPending) return <LoadingBlock />;
  if (sheet.error) {
    return (
      <Stack gap="md">
        {back}
        <ErrorAlert error={sheet.error} />
      </Stack>
    );
  }
  const s = sheet.data;
  const name = s.personName ?? s.orgName ?? '';
  const selfScoring = hasAbility(s, 'sheet.selfScore') && (s.status === 'DRAFT' || s.status === 'RETURNED');
  const verifying = hasAbility(s, 'sheet.verify') && s.status === 'SUBMITTED';

  return (
    <Stack gap="md" data-testid="sheet-page" data-status={s.status}>
      {back}
      <PageHeader title={t('web.scoring.sheet.heading', { name })} description={t('web.scoring.sheet.roundLine', { title: s.roundTitle, year: s.roundYear })} />
      <SheetHeader sheet={s} round={round.data} />
      <ErrorAlert error={files.error} />
      {selfScoring && <SheetSelfForm key={s.version} sheet={s} evidence={evidence} />}
      {verifying && <SheetVerifyForm key={s.version} sheet={s} round={round.data} evidence={evidence} />}
      {!selfScoring && !verifying && (
        <SheetReadonly sheet={s} published={published} canAmend={hasAbility(s, 'sheet.amend')} evidence={evidence} />
      )}
    </Stack>
  );
}
