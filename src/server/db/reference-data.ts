// Reference data shipped with the product, inserted after migrations when missing. Rows an
// installation has edited or deactivated are left as they are (insert … on conflict do nothing).
import { sql } from 'drizzle-orm';
import type { Db } from './client';
import { awardTypes, baseSalaries, scorecardTemplates } from './schema';
import { DEFAULT_AWARDS } from '../../domain/catalogue/awards';
import { DEFAULT_BASE_SALARIES } from '../../domain/catalogue/base-salary';
import { SHIPPED_TEMPLATES } from '../../domain/scoring';

/** Tables seedReferenceData fills: a restore replaces their rows with the backup's own. */
export const REFERENCE_TABLES = ['award_type', 'base_salary', 'scorecard_template'] as const;

export async function seedReferenceData(db: Db): Promise<void> {
  await db
    .insert(awardTypes)
    .values(
      DEFAULT_AWARDS.map((a) => ({
        code: a.code,
        nameVi: a.nameVi,
        nameEn: a.nameEn,
        category: a.category,
        subject: a.subject,
        kind: a.kind,
        level: a.level,
        grantingOrgKinds: [...a.grantingOrgKinds],
        coefficient: a.coefficient,
        uncertain: a.uncertain,
        sortOrder: a.sortOrder,
      })),
    )
    .onConflictDoNothing();
  // Base salary steps are only seeded into an empty table: once an administrator keeps the table,
  // a step they superseded must not come back.
  const [{ n } = { n: 0 }] = await db.select({ n: sql<number>`count(*)::int` }).from(baseSalaries);
  if (n === 0) {
    await db.insert(baseSalaries).values(DEFAULT_BASE_SALARIES.map((s) => ({ effectiveFrom: s.effectiveFrom, amountVnd: s.amountVnd, source: s.source })));
  }
  // Shipped scorecard templates: one PUBLISHED row per (code, version) of the code, owned by no
  // organisation. A version already present (shipped earlier, or an installation's own revision that
  // took the same number) is left alone; a new version in the code adds a row.
  await db
    .insert(scorecardTemplates)
    .values(
      SHIPPED_TEMPLATES.map((t) => ({
        code: t.code,
        version: t.version,
        nameVi: t.nameVi,
        nameEn: t.nameEn ?? null,
        subject: t.subject,
        orgId: null,
        structure: t,
        status: 'PUBLISHED',
        publishedAt: new Date(),
      })),
    )
    .onConflictDoNothing();
}
