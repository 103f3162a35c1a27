// Generic data access for every kind of record, built from RECORD_KIND_SPECS.
import { sql, type SQL } from 'drizzle-orm';
import { unionWorkYearsSql } from './union-work';
import type { DbOrTx } from '../../db/client';
import type { RecordKind, RecordSource, RecordStatus } from '../../../contracts/enums';
import { RECORD_KIND_SPECS, type RecordKindSpec } from './record-kinds';

export type RecordRow = {
  id: number;
  person_id: number | null;
  org_id: number | null;
  scope_path: string;
  status: RecordStatus;
  source: RecordSource;
  note: string | null;
  revoked_at: string | null;
  revoked_reason: string | null;
  superseded_by: number | null;
  created_at: string;
  sort_date: string;
  sort_year: number;
  /** The kind's own columns, under their API names. */
  [key: string]: unknown;
};

function selectList(spec: RecordKindSpec): SQL {
  const own = spec.columns.map((c) => `r.${c.col} as "${c.key}"`).join(', ');
  return sql.raw(`r.id, r.person_id, r.org_id, r.scope_path, r.status, r.source, r.note, to_json(r.revoked_at)#>>'{}' as revoked_at,
    r.revoked_reason, r.superseded_by, to_json(r.created_at)#>>'{}' as created_at, ${own},
    (${spec.sortDate})::date as sort_date, (${spec.year})::int as sort_year`);
}

export async function findRecord(db: DbOrTx, kind: RecordKind, id: number, forUpdate = false): Promise<RecordRow | null> {
  const spec = RECORD_KIND_SPECS[kind];
  const r = await db.execute<RecordRow>(sql`select ${selectList(spec)} from ${sql.raw(spec.table)} r where r.id = ${id} ${forUpdate ? sql`for update` : sql``}`);
  return r.rows[0] ?? null;
}

export interface NewRecord {
  personId: number | null;
  orgId: number | null;
  scopePath: string;
  source: RecordSource;
  note: string | null;
  createdBy: number | null;
  values: Record<string, unknown>;
}

export async function insertRecord(db: DbOrTx, kind: RecordKind, rec: NewRecord): Promise<number> {
  const spec = RECORD_KIND_SPECS[kind];
  const unitId = rec.orgId ?? Number(/\/(\d+)\/$/.exec(rec.scopePath)?.[1]);
  const cols = sql.raw([...spec.columns.map((c) => c.col), ...(spec.withUnit ? ['unit_id'] : [])].join(', '));
  const vals = sql.join([...spec.columns.map((c) => sql`${(rec.values[c.key] ?? null) as string | null}`), ...(spec.withUnit ? [sql`${unitId}`] : [])], sql`, `);
  const r = await db.execute<{ id: number }>(sql`
    insert into ${sql.raw(spec.table)} (person_id, org_id, scope_path, source, note, created_by, ${cols})
    values (${rec.personId}, ${rec.orgId}, ${rec.scopePath}, ${rec.source}, ${rec.note}, ${rec.createdBy}, ${vals}) returning id`);
  return Number(r.rows[0]!.id);
}

/** The records of one subject, one query per kind, run together. */
export async function recordsOfSubject(db: DbOrTx, subject: { personId: number } | { orgId: number }, kinds: readonly RecordKind[], includeHistory: boolean) {
  const who = 'personId' in subject ? sql`r.person_id = ${subject.personId}` : sql`r.org_id = ${subject.orgId}`;
  const status = includeHistory ? sql`` : sql`and r.status = 'ACTIVE'`;
  const results = await Promise.all(
    kinds.map((kind) => {
      const spec = RECORD_KIND_SPECS[kind];
      return db.execute<RecordRow>(sql`select ${selectList(spec)} from ${sql.raw(spec.table)} r where ${who} ${status}`);
    }),
  );
  return kinds.flatMap((kind, i) => results[i]!.rows.map((row) => ({ kind, row })));
}

/** Years of union work: the years before Vinh Danh plus the offices recorded, overlaps counted once. */
export async function personRecordSummary(db: DbOrTx, personId: number) {
  const r = await db.execute<{
    service_start_date: string | null;
    education_level: string | null;
    union_work_category: string | null;
    union_work_years_before: number | null;
    union_work_years: number;
  }>(sql`
    select p.service_start_date, p.education_level, p.union_work_category, p.union_work_years_before::float8 as union_work_years_before,
      ${unionWorkYearsSql(sql`p.id`, sql`p.union_work_years_before`, sql`current_date`)} as union_work_years
    from person p where p.id = ${personId}`);
  return r.rows[0] ?? null;
}

/** Names of the awards the rows refer to (one query for the whole timeline). */
export async function awardNames(db: DbOrTx, codes: string[]): Promise<Map<string, { vi: string; en: string }>> {
  if (codes.length === 0) return new Map();
  const r = await db.execute<{ code: string; name_vi: string; name_en: string }>(
    sql`select code, name_vi, name_en from award_type where code = any(${sql.param([...new Set(codes)])}::text[])`,
  );
  return new Map(r.rows.map((a) => [a.code, { vi: a.name_vi, en: a.name_en }]));
}
