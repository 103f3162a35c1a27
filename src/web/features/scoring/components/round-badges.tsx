import { Badge, Tooltip } from '@mantine/core';
import type { ClassificationLevel } from '../../../../domain/scoring';
import type { RoundDto, SheetSummaryDto } from '../../../../contracts/scoring';
import type { MessageKey } from '../../../../contracts/messages';
import { useT, type Translate } from '../../../lib/i18n';
import { formatNumber } from '../../../lib/format';

const ROUND_COLORS: Record<RoundDto['status'], string> = { DRAFT: 'gray', OPEN: 'blue', CLOSED: 'orange', PUBLISHED: 'teal' };
const SHEET_COLORS: Record<SheetSummaryDto['status'], string> = { DRAFT: 'gray', SUBMITTED: 'blue', RETURNED: 'orange', VERIFIED: 'teal' };
const LEVEL_COLORS: Record<ClassificationLevel, string> = { HTXSNV: 'teal', HTTNV: 'blue', HTNV: 'yellow', KHTNV: 'red' };

export function RoundStatusBadge({ status }: { status: RoundDto['status'] }) {
  const t = useT();
  return (
    <Badge color={ROUND_COLORS[status]} variant="light" style={{ textTransform: 'none' }} data-testid="round-status" data-status={status}>
      {t(`web.scoring.round.${status}`)}
    </Badge>
  );
}

export function SheetStatusBadge({ status }: { status: SheetSummaryDto['status'] }) {
  const t = useT();
  return (
    <Badge color={SHEET_COLORS[status]} variant="light" style={{ textTransform: 'none' }} data-testid="sheet-status" data-status={status}>
      {t(`web.scoring.sheet.${status}`)}
    </Badge>
  );
}

/** The abbreviation (HTXSNV…) with its full name on hover and for screen readers. */
export function LevelBadge({ level }: { level: ClassificationLevel | null }) {
  const t = useT();
  if (!level) return <>—</>;
  const full = t(`scoring.results.level.${level}`);
  return (
    <Tooltip label={full}>
      <Badge color={LEVEL_COLORS[level]} variant="light" style={{ textTransform: 'none' }} aria-label={full} data-testid="level" data-level={level}>
        {level}
      </Badge>
    </Tooltip>
  );
}

/** `87.5` → `87,5`; missing → `—`. */
export const points = (value: number | null | undefined): string => (value === null || value === undefined ? '—' : formatNumber(value));

/** A declared tie-break in plain Vietnamese; sections are named by their title when known. */
export function tieBreakLabel(t: Translate, rule: string, sections: readonly { code: string; title: string }[] = []): string {
  if (rule.startsWith('SECTION_TOTAL:')) {
    const code = rule.slice('SECTION_TOTAL:'.length);
    const section = sections.find((s) => s.code === code);
    return t('web.scoring.tieBreak.SECTION_TOTAL', { section: section ? `${code}. ${section.title}` : code });
  }
  return t(`web.scoring.tieBreak.${rule}` as MessageKey);
}

/** Why a unit ranks above the next one (`TOTAL`, a tie-break, `TIED`), as the export says it. */
export function decidedByLabel(t: Translate, rule: string | null): string {
  if (rule === null) return '';
  if (rule.startsWith('SECTION_TOTAL:')) return t('scoring.results.rule.SECTION_TOTAL', { section: rule.slice('SECTION_TOTAL:'.length) });
  return t(`scoring.results.rule.${rule}` as MessageKey);
}
