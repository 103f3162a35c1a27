import { sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import type { AwardListQuery } from '../../../contracts/awards';
import type { AwardCategory, AwardKind, AwardLevel, AwardSubject } from '../../../contracts/enums';
import type { BaseSalaryStep } from '../../../domain/catalogue/base-salary';

export type AwardRow = {
  code: string;
  name_vi: string;
  name_en: string;
  category: AwardCategory;
  subject: AwardSubject;
  kind: AwardKind;
  level: AwardLevel;
  granting_org_kinds: string[];
  coefficient: number | null;
  uncertain: boolean;
  sort_order: number;
  active: boolean;
  description: string | null;
  version: number;
};

const COLUMNS = sql`a.code, a.name_vi, a.name_en, a.category, a.subject, a.kind, a.level, a.granting_org_kinds,
  a.coefficient::float8 as coefficient, a.uncertain, a.sort_order, a.active, a.description, a.version`;

function awardWhere(f: Omit<AwardListQuery, 'page' | 'pageSize'>): SQL {
  const parts: SQL[] = [sql`true`];
  if (f.category) parts.push(sql`a.category = ${f.category}`);
  if (f.subject) parts.push(sql`a.subject = ${f.subject}`);
  if (f.kind) parts.push(sql`a.kind = ${f.kind}`);
  if (f.level) parts.push(sql`a.level = ${f.level}`);
  if (f.active !== undefined) parts.push(sql`a.active = ${f.active}`);
  if (f.q) {
    const q = f.q.normalize('NFC');
    parts.push(sql`(vd_fold(a.name_vi) like '%' || vd_fold(${q}) || '%' or a.code ilike ${q + '%'})`);
  }
  return sql.join(parts, sql` and `);
}

export async function listAwards(db: DbOrTx, f: AwardListQuery) {
  const where = awardWhere(f);
  const [rows, total] = await Promise.all([
    db.execute<AwardRow>(sql`select ${COLUMNS} from award_type a where ${where}
      order by a.active desc, a.sort_order, a.category desc, a.subject, a.name_vi collate "vi-x-icu", a.code
      limit ${f.pageSize} offset ${(f.page - 1) * f.pageSize}`),
    db.execute<{ n: number }>(sql`select count(*)::int as n from award_type a where ${where}`),
  ]);
  return { rows: rows.rows, total: Number(total.rows[0]!.n) };
}

export async function findAward(db: DbOrTx, code: string, forUpdate = false): Promise<AwardRow | null> {
  const r = await db.execute<AwardRow>(sql`select ${COLUMNS} from award_type a where a.code = ${code} ${forUpdate ? sql`for update` : sql``}`);
  return r.rows[0] ?? null;
}

export type BaseSalaryRow = {
  id: number;
  effective_from: string;
  amount_vnd: number;
  source: string;
  status: 'ACTIVE' | 'SUPERSEDED';
  superseded_by: number | null;
  reason: string | null;
  created_at: string;
};

export async function listBaseSalaries(db: DbOrTx): Promise<BaseSalaryRow[]> {
  const r = await db.execute<BaseSalaryRow>(sql`select id, effective_from, amount_vnd, source, status, superseded_by, reason,
    to_json(created_at)#>>'{}' as created_at from base_salary order by effective_from desc, status, id desc`);
  return r.rows;
}

export async function findBaseSalary(db: DbOrTx, id: number, forUpdate = false): Promise<BaseSalaryRow | null> {
  const r = await db.execute<BaseSalaryRow>(sql`select id, effective_from, amount_vnd, source, status, superseded_by, reason,
    to_json(created_at)#>>'{}' as created_at from base_salary where id = ${id} ${forUpdate ? sql`for update` : sql``}`);
  return r.rows[0] ?? null;
}

/** The active steps, in the shape the domain functions (baseSalaryOn) take. */
export async function activeBaseSalarySteps(db: DbOrTx): Promise<BaseSalaryStep[]> {
  const r = await db.execute<{ effective_from: string; amount_vnd: number; source: string }>(
    sql`select effective_from, amount_vnd, source from base_salary where status = 'ACTIVE' order by effective_from`,
  );
  return r.rows.map((s) => ({ effectiveFrom: s.effective_from, amountVnd: Number(s.amount_vnd), source: s.source }));
}
