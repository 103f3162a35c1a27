// Small pieces shared by the views of a score sheet: grouping by section, points as typed, the
// status badge, and the list of problems that scrolls to the criterion concerned.
import { Anchor, Badge, List, Text, Title } from '@mantine/core';
import type { ScoringProblemDto, SheetDto } from '../../../../contracts/scoring';
import { ApiError } from '../../../lib/api-client';
import { formatNumber } from '../../../lib/format';
import { useT } from '../../../lib/i18n';
import type { SheetCriterion } from '../api/sheets';

export interface SectionGroup {
  code: string;
  title: string;
  kind: SheetCriterion['sectionKind'];
  maxPoints: number | null;
  criteria: SheetCriterion[];
}

/** Criteria in template order, grouped by their section (with the section's maximum from the totals). */
export function groupBySection(sheet: Pick<SheetDto, 'criteria' | 'self'>): SectionGroup[] {
  const groups: SectionGroup[] = [];
  for (const c of sheet.criteria) {
    let g = groups.find((x) => x.code === c.sectionCode);
    if (!g) {
      g = { code: c.sectionCode, title: c.sectionTitle, kind: c.sectionKind, maxPoints: sheet.self.sections.find((s) => s.code === c.sectionCode)?.maxPoints ?? null, criteria: [] };
      groups.push(g);
    }
    g.criteria.push(c);
  }
  return groups;
}

/** `7.5` → `7,5`; empty for no value. */
export const points = (value: number | null | undefined) => (value === null || value === undefined ? '' : formatNumber(value));

/**
 * A NumberInput's value as points: null when empty, NaN when not a number. Values stay exact (the
 * server compares them in hundredths).
 */
export function parsePoints(value: number | string): number | null {
  if (typeof value === 'number') return value;
  const text = value.trim();
  if (text === '') return null;
  const n = Number(text.replace(/\./g, '').replace(',', '.'));
  return Number.isFinite(n) ? n : Number.NaN;
}

export const samePoints = (a: number | null, b: number | null) => (a === null || b === null ? a === b : Math.round(a * 100) === Math.round(b * 100));

/** Anchor of a criterion on the page (ids may contain dots, so they are looked up by id). */
export const criterionAnchor = (code: string) => `tieu-chi-${code}`;

export function scrollToCriterion(code: string): void {
  const el = document.getElementById(criterionAnchor(code));
  if (!el) return;
  el.scrollIntoView({ behavior: 'smooth', block: 'center' });
  const input = el.querySelector<HTMLElement>('input, textarea');
  input?.focus({ preventScroll: true });
}

/** The per-criterion problems of a refused request (`details.problems`), if any. */
export function problemsOf(error: unknown): ScoringProblemDto[] {
  if (!(error instanceof ApiError)) return [];
  const list = (error.details as { problems?: unknown } | null | undefined)?.problems;
  return Array.isArray(list) ? (list as ScoringProblemDto[]) : [];
}

/** Message per criterion code, for the fields. */
export function problemsByCriterion(problems: readonly ScoringProblemDto[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const p of problems) if (p.criterion) out[p.criterion] = out[p.criterion] ? `${out[p.criterion]} ${p.message}` : p.message;
  return out;
}

export function ProblemList({ problems, onGo }: { problems: readonly ScoringProblemDto[]; onGo?: () => void }) {
  const t = useT();
  if (problems.length === 0) return null;
  return (
    <List size="sm" spacing={4} data-testid="sheet-problems">
      {problems.map((p, i) => (
        <List.Item key={`${p.key}-${p.criterion ?? ''}-${i}`}>
          {p.criterion ? (
            <Anchor
              component="button"
              type="button"
              size="sm"
              ta="left"
              onClick={() => {
                onGo?.();
                // Let a closing dialog give the focus back before moving it to the criterion.
                window.setTimeout(() => scrollToCriterion(p.criterion!), 50);
              }}
              aria-label={t('web.scoring.sheet.goToCriterion', { code: p.criterion, message: p.message })}
            >
              {p.message}
            </Anchor>
          ) : (
            <Text span size="sm">
              {p.message}
            </Text>
          )}
        </List.Item>
      ))}
    </List>
  );
}

const STATUS_COLORS: Record<SheetDto['status'], string> = { DRAFT: 'gray', SUBMITTED: 'blue', RETURNED: 'orange', VERIFIED: 'teal' };

export function SheetStatusBadge({ status }: { status: SheetDto['status'] }) {
  const t = useT();
  return (
    <Badge color={STATUS_COLORS[status]} variant="light" style={{ textTransform: 'none' }} data-testid="sheet-status" data-status={status}>
      {t(`web.scoring.sheet.status.${status}`)}
    </Badge>
  );
}

export const sectionKindKey = (kind: SectionGroup['kind']) => `web.scoring.sheet.kind.${kind}` as const;

/** A section's title (labelling its `<section>`) with its kind and maximum. */
export function SectionHeading({ group }: { group: SectionGroup }) {
  const t = useT();
  return (
    <div>
      <Title order={2} fz="h4" id={`section-${group.code}`}>
        {group.code}. {group.title}
      </Title>
      <Text size="sm" c="dimmed">
        {t('web.scoring.sheet.sectionLine', { kind: t(sectionKindKey(group.kind)), max: points(group.maxPoints) })}
      </Text>
    </div>
  );
}
