// Reference data shipped with the product, inserted after migrations when missing. Rows an
// installation has edited or deactivated are left as they are (insert … on conflict do nothing).
import { sql } from 'drizzle-orm';
import type { Db } from './client';
import { awardTypes, baseSalaries } from './schema';
import { DEFAULT_AWARDS } from '../../domain/catalogue/awards';
import { DEFAULT_BASE_SALARIES } from '../../domain/catalogue/base-salary';

/** Tables seedReferenceData fills: a restore replaces their rows with the backup's own. */
export const REFERENCE_TABLES = ['award_type', 'base_salary'] as const;

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
}
