// Inspection and supervision (kiểm tra, giám sát) of subordinate units' emulation and commendation
// work. The inspecting organisation's managers plan an inspection of a unit strictly below it,
// record the visit (findings, conclusion, recommendations with deadlines) or cancel it with a
// reason, and follow each recommendation up: done (date and note) or withdrawn (reason); an open one
// past its deadline is overdue. Readers see the inspections made by organisations in their scope
// and those of units in their scope (a grassroots union sees what was found about it). Nothing is
// deleted; every change writes an audit event in the same transaction.
import { sql } from 'drizzle-orm';
import type { DbOrTx, Tx } from '../../db/client';
import type { AppContext } from '../../lib/context';
import type { AuthActor } from '../../lib/actor';
import type { ConductInspectionInput, CreateInspectionInput, InspectionDto, InspectionSummaryDto, RecommendationDto } from '../../../contracts/inspections';
import { audit } from '../../lib/audit';
import { conflict, forbidden, notFound, validation } from '../../lib/errors';
import { READ_ROLES, coversStrictly, scopePaths } from '../../lib/policy';
import { todayInVietnam } from '../imports/xlsx/validate-member-row';
import { managesCouncilOrg, readsCouncilOrg } from '../councils/councils.service';
import { toDayNumber } from '../../../domain/nominations/working-days';

const num = (v: unknown) => Number(v);

type InspectionRow = {
  id: number; org_id: number; org_path: string; org_name: string; target_org_id: number; target_path: string; target_name: string; year: number;
  kind: InspectionDto['kind']; topic: string; planned_on: string; status: InspectionDto['status']; conducted_on: string | null; findings: string | null;
  conclusion: string | null; cancelled_reason: string | null; version: number; open: number; overdue: number; done: number;
};

const SELECT = sql`
  select i.id, i.org_id, i.org_path, o.name as org_name, i.target_org_id, i.target_path, t.name as target_name, i.year, i.kind, i.topic,
         i.planned_on::text as planned_on, i.status, i.conducted_on::text as conducted_on, i.findings, i.conclusion, i.cancelled_reason, i.version,
         coalesce(rc.open, 0) as open, coalesce(rc.overdue, 0) as overdue, coalesce(rc.done, 0) as done
  from inspection i join organisation o on o.id = i.org_id join organisation t on t.id = i.target_org_id
  left join lateral (
    select count(*) filter (where r.status = 'OPEN')::int as open, count(*) filter (where r.status = 'OPEN' and r.due_on < ${todayInVietnam()}::date)::int as overdue,
           count(*) filter (where r.status = 'DONE')::int as done
    from inspection_recommendation r where r.inspection_id = i.id) rc on true`;

/** Readers of the inspecting organisation, or of the inspected unit. */
const reads = (a: AuthActor, i: Pick<InspectionRow, 'org_path' | 'target_path'>) => readsCouncilOrg(a, i.org_path) || readsCouncilOrg(a, i.target_path);

function abilitiesOf(actor: AuthActor, i: InspectionRow): string[] {
  if (!managesCouncilOrg(actor, i.org_path) || i.status !== 'PLANNED') return [];
  return ['inspection.update', 'inspection.conduct', 'inspection.cancel'];
}

type RecommendationRow = { id: number; inspection_id: number; position: number; text: string; due_on: string; status: RecommendationDto['status']; done_on: string | null; note: string | null; org_path: string; target_name: string };

function presentRecommendation(actor: AuthActor, r: RecommendationRow, today: string): RecommendationDto {
  const open = r.status === 'OPEN';
  const daysLeft = open ? toDayNumber(r.due_on) - toDayNumber(today) : null;
  return {
    id: num(r.id), inspectionId: num(r.inspection_id), position: num(r.position), text: r.text, dueOn: r.due_on, status: r.status,
    overdue: open && daysLeft! < 0, daysLeft, doneOn: r.done_on, note: r.note, targetOrgName: r.target_name,
    abilities: open && managesCouncilOrg(actor, r.org_path) ? ['recommendation.done', 'recommendation.withdraw'] : [],
  };
}

const SELECT_RECOMMENDATION = sql`
  select r.id, r.inspection_id, r.position, r.text, r.due_on::text as due_on, r.status, r.done_on::text as done_on, r.note, i.org_path, t.name as target_name
  from inspection_recommendation r join inspection i on i.id = r.inspection_id join organisation t on t.id = i.target_org_id`;

function summary(actor: AuthActor, i: InspectionRow): InspectionSummaryDto {
  return {
    id: num(i.id), orgId: num(i.org_id), orgName: i.org_name, targetOrgId: num(i.target_org_id), targetOrgName: i.target_name, year: num(i.year), kind: i.kind,
    topic: i.topic, plannedOn: i.planned_on, status: i.status, conductedOn: i.conducted_on, cancelledReason: i.cancelled_reason,
    counts: { open: num(i.open), overdue: num(i.overdue), done: num(i.done) }, version: num(i.version), abilities: abilitiesOf(actor, i),
  };
}

async function find(db: DbOrTx, id: number, forUpdate = false): Promise<InspectionRow | null> {
  const r = await db.execute<InspectionRow>(sql`${SELECT} where i.id = ${id} ${forUpdate ? sql`for update of i` : sql``}`);
  return r.rows[0] ?? null;
}

async function loadReadable(db: DbOrTx, actor: AuthActor, id: number, forUpdate = false): Promise<InspectionRow> {
  const i = await find(db, id, forUpdate);
  if (!i || !reads(actor, i)) throw notFound();
  return i;
}

async function loadManaged(tx: Tx, actor: AuthActor, id: number, version: number): Promise<InspectionRow> {
  const i = await loadReadable(tx, actor, id, true);
  if (!managesCouncilOrg(actor, i.org_path)) throw forbidden();
  if (num(i.version) !== version) throw conflict('error.STALE');
  return i;
}

export async function getInspection(db: DbOrTx, actor: AuthActor, id: number): Promise<InspectionDto> {
  const i = await loadReadable(db, actor, id);
  const today = todayInVietnam();
  const recs = await db.execute<RecommendationRow>(sql`${SELECT_RECOMMENDATION} where r.inspection_id = ${id} order by r.position`);
  return { ...summary(actor, i), findings: i.findings, conclusion: i.conclusion, recommendations: recs.rows.map((r) => presentRecommendation(actor, r, today)) };
}

/** Where the actor reads: organisations in scope as inspector or as inspected unit. */
function scopeWhere(actor: AuthActor, alias: 'i'): ReturnType<typeof sql> | null {
  const paths = scopePaths(actor, READ_ROLES);
  if (paths.length === 0) return null;
  return sql`(${sql.join(paths.map((p) => sql`(${sql.raw(alias)}.org_path like ${`${p}%`} or ${sql.raw(alias)}.target_path like ${`${p}%`})`), sql` or `)})`;
}

export async function listInspections(db: DbOrTx, actor: AuthActor, q: { orgId?: number; year?: number; status?: string; page: number; pageSize: number }) {
  const scope = scopeWhere(actor, 'i');
  if (!scope) return { items: [] as InspectionSummaryDto[], total: 0, page: q.page, pageSize: q.pageSize };
  const where = sql.join(
    [scope, q.orgId ? sql`(i.org_id = ${q.orgId} or i.target_org_id = ${q.orgId})` : sql`true`, q.year ? sql`i.year = ${q.year}` : sql`true`, q.status ? sql`i.status = ${q.status}` : sql`true`],
    sql` and `,
  );
  const [rows, total] = await Promise.all([
    // The page is cut on the inspection table alone; the counts are computed for its rows only.
    db.execute<InspectionRow>(sql`
      ${SELECT} where i.id in (
        select i.id from inspection i where ${where} order by (i.status = 'PLANNED') desc, i.planned_on desc, i.id desc limit ${q.pageSize} offset ${(q.page - 1) * q.pageSize})
      order by (i.status = 'PLANNED') desc, i.planned_on desc, i.id desc`),
    db.execute<{ n: number }>(sql`select count(*)::int as n from inspection i where ${where}`),
  ]);
  return { items: rows.rows.map((i) => summary(actor, i)), total: num(total.rows[0]?.n ?? 0), page: q.page, pageSize: q.pageSize };
}

export async function listRecommendations(db: DbOrTx, actor: AuthActor, q: { orgId?: number; overdue?: 'true' | 'false'; page: number; pageSize: number }) {
  const scope = scopeWhere(actor, 'i');
  if (!scope) return { items: [] as RecommendationDto[], total: 0, page: q.page, pageSize: q.pageSize };
  const today = todayInVietnam();
  const where = sql.join(
    [scope, q.orgId ? sql`(i.org_id = ${q.orgId} or i.target_org_id = ${q.orgId})` : sql`true`, q.overdue === 'true' ? sql`r.status = 'OPEN' and r.due_on < ${today}::date` : sql`true`],
    sql` and `,
  );
  const [rows, total] = await Promise.all([
    db.execute<RecommendationRow>(sql`${SELECT_RECOMMENDATION} where ${where} order by (r.status = 'OPEN') desc, r.due_on, r.id limit ${q.pageSize} offset ${(q.page - 1) * q.pageSize}`),
    db.execute<{ n: number }>(sql`select count(*)::int as n from inspection_recommendation r join inspection i on i.id = r.inspection_id where ${where}`),
  ]);
  return { items: rows.rows.map((r) => presentRecommendation(actor, r, today)), total: num(total.rows[0]?.n ?? 0), page: q.page, pageSize: q.pageSize };
}

// ── Changes ────────────────────────────────────────────────────────────────────────────────────

export async function createInspection(app: AppContext, actor: AuthActor, input: CreateInspectionInput): Promise<number> {
  return app.db.transaction(async (tx) => {
    const o = await tx.execute<{ id: number; path: string; status: string }>(sql`select id, path, status from organisation where id = any(${sql.param([input.orgId, input.targetOrgId])}::bigint[])`);
    const org = o.rows.find((x) => num(x.id) === input.orgId);
    const target = o.rows.find((x) => num(x.id) === input.targetOrgId);
    if (!org || !readsCouncilOrg(actor, org.path)) throw notFound();
    if (!managesCouncilOrg(actor, org.path)) throw forbidden();
    if (!target || !coversStrictly(org.path, target.path)) throw validation('inspections.api.notSubordinate', {}, { field: 'targetOrgId' });
    if (target.status !== 'ACTIVE') throw validation('inspections.api.targetInactive', {}, { field: 'targetOrgId' });
    const r = await tx.execute<{ id: number }>(sql`
      insert into inspection (org_id, org_path, target_org_id, target_path, year, kind, topic, planned_on, created_by)
      values (${org.id}, ${org.path}, ${target.id}, ${target.path}, ${Number(input.plannedOn.slice(0, 4))}, ${input.kind}, ${input.topic.normalize('NFC')}, ${input.plannedOn}, ${actor.userId})
      returning id`);
    const id = num(r.rows[0]!.id);
    await audit(tx, actor, [{ action: 'inspection.create', entityType: 'inspection', entityId: id, orgId: num(org.id), after: input }]);
    return id;
  });
}

export async function updateInspection(app: AppContext, actor: AuthActor, id: number, input: { version: number; topic?: string; plannedOn?: string }): Promise<void> {
  await app.db.transaction(async (tx) => {
    const i = await loadManaged(tx, actor, id, input.version);
    if (i.status !== 'PLANNED') throw conflict('inspections.api.notPlanned');
    const plannedOn = input.plannedOn ?? i.planned_on;
    await tx.execute(sql`
      update inspection set topic = ${input.topic?.normalize('NFC') ?? i.topic}, planned_on = ${plannedOn}, year = ${Number(plannedOn.slice(0, 4))},
        updated_at = now(), version = version + 1 where id = ${id}`);
    await audit(tx, actor, [{ action: 'inspection.update', entityType: 'inspection', entityId: id, orgId: num(i.org_id), before: { topic: i.topic, plannedOn: i.planned_on }, after: input }]);
  });
}

export async function conductInspection(app: AppContext, actor: AuthActor, id: number, input: ConductInspectionInput): Promise<void> {
  await app.db.transaction(async (tx) => {
    const i = await loadManaged(tx, actor, id, input.version);
    if (i.status !== 'PLANNED') throw conflict('inspections.api.notPlanned');
    if (input.conductedOn > todayInVietnam()) throw validation('inspections.api.conductedInFuture', {}, { field: 'conductedOn' });
    const early = input.recommendations.findIndex((r) => r.dueOn < input.conductedOn);
    if (early >= 0) throw validation('inspections.api.dueBeforeVisit', { n: early + 1 }, { field: `recommendations.${early}.dueOn` });
    await tx.execute(sql`
      update inspection set status = 'DONE', conducted_on = ${input.conductedOn}, findings = ${input.findings.normalize('NFC')}, conclusion = ${input.conclusion.normalize('NFC')},
        updated_at = now(), version = version + 1 where id = ${id}`);
    if (input.recommendations.length > 0) {
      await tx.execute(sql`
        insert into inspection_recommendation (inspection_id, position, text, due_on, updated_by)
        select ${id}, x.position, x.text, x.due_on, ${actor.userId}
        from jsonb_to_recordset(${JSON.stringify(input.recommendations.map((r, k) => ({ position: k + 1, text: r.text.normalize('NFC'), due_on: r.dueOn })))}::jsonb)
             as x(position int, text text, due_on date)`);
    }
    await audit(tx, actor, [{ action: 'inspection.conduct', entityType: 'inspection', entityId: id, orgId: num(i.org_id), after: { conductedOn: input.conductedOn, recommendations: input.recommendations.length } }]);
  });
}

export async function cancelInspection(app: AppContext, actor: AuthActor, id: number, input: { version: number; reason: string }): Promise<void> {
  await app.db.transaction(async (tx) => {
    const i = await loadManaged(tx, actor, id, input.version);
    if (i.status !== 'PLANNED') throw conflict('inspections.api.notPlanned');
    await tx.execute(sql`update inspection set status = 'CANCELLED', cancelled_reason = ${input.reason.normalize('NFC')}, updated_at = now(), version = version + 1 where id = ${id}`);
    await audit(tx, actor, [{ action: 'inspection.cancel', entityType: 'inspection', entityId: id, orgId: num(i.org_id), after: { reason: input.reason } }]);
  });
}

async function changeRecommendation(app: AppContext, actor: AuthActor, id: number, status: 'DONE' | 'WITHDRAWN', doneOn: string | null, note: string): Promise<RecommendationDto> {
  return app.db.transaction(async (tx) => {
    await tx.execute(sql`select id from inspection_recommendation where id = ${id} for update`);
    const r = await tx.execute<RecommendationRow & { target_path: string; org_id: number; conducted_on: string }>(sql`
      select q.*, i.target_path, i.org_id, i.conducted_on::text as conducted_on from (${SELECT_RECOMMENDATION} where r.id = ${id}) q join inspection i on i.id = q.inspection_id`);
    const rec = r.rows[0];
    if (!rec || !reads(actor, { org_path: rec.org_path, target_path: rec.target_path })) throw notFound();
    if (!managesCouncilOrg(actor, rec.org_path)) throw forbidden();
    if (rec.status !== 'OPEN') throw conflict('inspections.api.recommendationClosed');
    const today = todayInVietnam();
    if (doneOn !== null && (doneOn > today || doneOn < rec.conducted_on)) throw validation('inspections.api.doneOnInvalid', {}, { field: 'doneOn' });
    await tx.execute(sql`update inspection_recommendation set status = ${status}, done_on = ${doneOn}, note = ${note.normalize('NFC')}, updated_by = ${actor.userId}, updated_at = now() where id = ${id}`);
    await audit(tx, actor, [{ action: status === 'DONE' ? 'inspection.recommendation.done' : 'inspection.recommendation.withdraw', entityType: 'inspection_recommendation', entityId: id, orgId: num(rec.org_id), after: { doneOn, note } }]);
    return presentRecommendation(actor, { ...rec, status, done_on: doneOn, note }, today);
  });
}

export const recommendationDone = (app: AppContext, actor: AuthActor, id: number, input: { doneOn: string; note: string }) => changeRecommendation(app, actor, id, 'DONE', input.doneOn, input.note);
export const withdrawRecommendation = (app: AppContext, actor: AuthActor, id: number, input: { reason: string }) => changeRecommendation(app, actor, id, 'WITHDRAWN', null, input.reason);
