import { useState } from 'react';
import { Badge, Button, Group, Paper, SimpleGrid, Stack, Text } from '@mantine/core';
import { IconPencil } from '@tabler/icons-react';
import { useT } from '../../../lib/i18n';
import type { SheetView } from '../api/sheets';
import { EvidenceBlock } from './evidence-block';
import { SheetAmendModal } from './sheet-amend-modal';
import { SheetCriterionCard } from './sheet-criterion-card';
import type { EvidenceView } from './sheet-self-form';
import { groupBySection, points, samePoints, SectionHeading } from './sheet-parts';

interface SheetReadonlyProps {
  sheet: SheetView;
  published: boolean;
  canAmend: boolean;
  evidence: EvidenceView;
}

/**
 * A sheet the user cannot change now: the unit's own while it is being verified, any sheet for its
 * readers, and a verified one with the verifier's changes beside the self-score and their reasons.
 */
export function SheetReadonly({ sheet, published, canAmend, evidence }: SheetReadonlyProps) {
  const t = useT();
  const [amending, setAmending] = useState(false);
  const groups = groupBySection(sheet);
  const verifying = sheet.verified !== null;
  const changes = sheet.criteria.filter((c) => c.verifiedPoints !== null && !samePoints(c.verifiedPoints, c.selfPoints)).length;

  return (
    <Stack gap="lg">
      <Paper withBorder p="md" data-testid="sheet-result">
        <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="sm">
          <div>
            <Text size="xs" c="dimmed">
              {t('web.scoring.sheet.selfTotal')}
            </Text>
            <Text fw={600} data-testid="sheet-self-total">
              {t('web.scoring.sheet.outOf', { points: points(sheet.selfTotal ?? sheet.self.total), max: points(sheet.self.maxTotal) })}
            </Text>
          </div>
          {verifying && (
            <div>
              <Text size="xs" c="dimmed">
                {sheet.status === 'VERIFIED' ? t('web.scoring.sheet.verifiedTotal') : t('web.scoring.sheet.verifiedSoFar')}
              </Text>
              <Text fw={600} data-testid="sheet-verified-total">
                {t('web.scoring.sheet.outOf', { points: points(sheet.verifiedTotal ?? sheet.verified!.total), max: points(sheet.verified!.maxTotal) })}
              </Text>
            </div>
          )}
          {sheet.classification && (
            <div>
              <Text size="xs" c="dimmed">
                {t('web.scoring.sheet.classification')}
              </Text>
              <Text fw={600} data-testid="sheet-classification" data-level={sheet.classification}>
                <abbr title={t(`rating.${sheet.classification}`)} style={{ textDecoration: 'none' }}>
                  {sheet.classification}
                </abbr>{' '}
                – {t(`rating.${sheet.classification}`)}
              </Text>
            </div>
          )}
          {sheet.status === 'VERIFIED' && (
            <div>
              <Text size="xs" c="dimmed">
                {t('web.scoring.sheet.rank')}
              </Text>
              <Text fw={600} data-testid="sheet-rank">
                {published ? (sheet.rank !== null ? t('web.scoring.sheet.rankValue', { rank: sheet.rank }) : '—') : t('web.scoring.sheet.notPublished')}
              </Text>
            </div>
          )}
        </SimpleGrid>
        {verifying && (
          <Text size="sm" mt="sm" c="dimmed">
            {changes === 0 ? t('web.scoring.sheet.noChanges') : t('web.scoring.sheet.changes', { count: changes })}
          </Text>
        )}
        {canAmend && (
          <Group mt="sm">
            <Button variant="default" leftSection={<IconPencil size={16} aria-hidden />} onClick={() => setAmending(true)} data-testid="sheet-amend">
              {t('web.scoring.sheet.amend')}
            </Button>
          </Group>
        )}
      </Paper>
      {groups.map((g) => (
        <Stack key={g.code} gap="sm" component="section" aria-labelledby={`section-${g.code}`}>
          <SectionHeading group={g} />
          {g.criteria.map((c) => {
            const verified = c.verifiedPoints ?? c.selfPoints;
            const differs = c.verifiedPoints !== null && !samePoints(c.verifiedPoints, c.selfPoints);
            return (
              <SheetCriterionCard key={c.code} criterion={c} highlight={differs}>
                <SimpleGrid cols={{ base: 1, sm: verifying ? 2 : 1 }} spacing="md">
                  <Stack gap={4}>
                    <Text size="sm" fw={600}>
                      {t('web.scoring.sheet.side.self')}
                    </Text>
                    <Text size="sm" data-testid="sheet-self-points">
                      {t('web.scoring.sheet.pointsValue', { points: points(c.selfPoints) || '—' })}
                    </Text>
                    {c.selfNote && (
                      <Text size="sm" c="dimmed" style={{ whiteSpace: 'pre-line' }}>
                        {c.selfNote}
                      </Text>
                    )}
                  </Stack>
                  {verifying && (
                    <Stack gap={4}>
                      <Text size="sm" fw={600}>
                        {t('web.scoring.sheet.side.verified')}
                      </Text>
                      <Group gap="xs">
                        <Text size="sm" data-testid="sheet-verified-points">
                          {t('web.scoring.sheet.pointsValue', { points: points(verified) || '—' })}
                        </Text>
                        {differs && (
                          <Badge color="orange" variant="light" style={{ textTransform: 'none' }} data-testid="sheet-diff">
                            {t('web.scoring.sheet.changed', { delta: `${(verified ?? 0) >= (c.selfPoints ?? 0) ? '+' : '−'}${points(Math.abs((verified ?? 0) - (c.selfPoints ?? 0)))}` })}
                          </Badge>
                        )}
                      </Group>
                      {c.verifyReason && (
                        <Text size="sm" style={{ whiteSpace: 'pre-line' }} data-testid="sheet-verify-reason-text">
                          {t('web.scoring.sheet.reasonValue', { reason: c.verifyReason })}
                        </Text>
                      )}
                    </Stack>
                  )}
                </SimpleGrid>
                {evidence.available && <EvidenceBlock sheetId={sheet.id} criterionCode={c.code} required={c.evidenceRequired} scored={(c.selfPoints ?? 0) > 0} files={evidence.byCriterion.get(c.code) ?? []} editable={false} />}
              </SheetCriterionCard>
            );
          })}
        </Stack>
      ))}
      {amending && <SheetAmendModal sheet={sheet} onClose={() => setAmending(false)} />}
    </Stack>
  );
}
