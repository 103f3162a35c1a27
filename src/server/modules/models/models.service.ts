// Register of exemplary models and exemplary people (mô hình, điển hình tiên tiến): an organisation
// keeps the entry, a unit in its subtree is responsible for fostering it. Stage moves follow the
// rules of src/domain/models/stages.ts (each missing requirement answers its own message); fostering
// check-ins carry the next date (past → overdue); replicating units are added and revoked with a
// reason; officers who discovered, fostered or publicised it are credited. Managers of the keeping
// organisation or of the responsible unit write; readers of either (and their superiors) read.
// Nothing is deleted; every change is an event and an audit event in the same transaction.
import { sql, type SQL } from 'drizzle-orm';
import type { DbOrTx, Tx } from '../../db/client';
import type { AppContext } from '../../lib/context';
import type { AuthActor } from '../../lib/actor';
import type { CreateModelInput, ModelDto, ModelListQuery, ModelPage, ModelSummaryDto, MoveModelInput, UpdateModelInput } from '../../../contracts/models';
import { audit } from '../../lib/audit';
import { conflict, forbidden, notFound, validation } from '../../lib/errors';
import { READ_ROLES, scopePaths } from '../../lib/policy';
import { todayInVietnam } from '../imports/xlsx/validate-member-row';
import { managesUnitWork, readsCouncilOrg } from '../councils/councils.service';
import { acceptsReplications, canMove, canRevokeReplication, followUpState, PROGRESS_STAGES, type ModelStage, type ProgressStage } from '../../../domain/models/stages';

const num = (v: unknown) => Number(v);
const numOrNull = (v: unknown) => (v === null || v === undefined ? null : Number(v));

type ModelRow = {
  id: number; org_id: number; org_path: string; org_name: string; kind: ModelDto['kind']; name: string; description: string; person_id: number | null; subject_org_id: number | null;
  subject_name: string | null; responsible_org_id: number; responsible_org_name: string; responsible_path: string; movement_id: number | null; movement_title: string | null;
  field: string | null; stage: ModelStage; discovered_on: string; fostering_plan: string | null; recognised_on: string | null; decision_id: number | null; decision_number: string | null;
  closed_reason: string | null; closed_on: string | null; version: number; active_replications: number; next_on: string | null;
};

/** The latest fostering check-in (a follow-up, or the start of fostering) names the next date. */
const NEXT_ON = sql`(select e.next_on::text from exemplary_model_event e where e.model_id = m.id and (e.action = 'followUp' or (e.action = 'stage' and e.to_stage = 'FOSTERING')) order by e.at desc, e.id desc limit 1)`;

const SELECT = sql`
  select m.id, m.org_id, m.org_path, o.name as org_name, m.kind, m.name, m.description, m.person_id, m.subject_org_id, coalesce(p.full_name, so.name) as subject_name,
         m.responsible_org_id, ro.name as responsible_org_name, ro.path as responsible_path, m.movement_id, mv.title as movement_title, m.field, m.stage,
         m.discovered_on::text as discovered_on, m.fostering_plan, m.recognised_on::text as recognised_on, m.decision_id,
         case when d.number is null then null else lpad(d.number::text, 2, '0') || '/' || d.symbol end as decision_number,
         m.closed_reason, m.closed_on::text as closed_on, m.version,
         (select count(*)::int from exemplary_model_replication r where r.model_id = m.id and r.status = 'ACTIVE') as active_replications,
         ${NEXT_ON} as next_on
  from exemplary_model m join organisation o on o.id = m.org_id join organisation ro on ro.id = m.responsible_org_id
  left join person p on p.id = m.person_id left join organisation so on so.id = m.subject_org_id
  left join movement mv on mv.id = m.movement_id left join decision d on d.id = m.decision_id`;

/** Managers write: the TĐKT officer of the organisation (or an administrator above it), and the CĐCS officer of a grassroots union for its own entries. */
const manages = (a: AuthActor, m: Pick<ModelRow, 'org_path' | 'responsible_path'>) => managesUnitWork(a, m.org_path) || managesUnitWork(a, m.responsible_path);
const reads = (a: AuthActor, m: Pick<ModelRow, 'org_path' | 'responsible_path'>) => readsCouncilOrg(a, m.org_path) || readsCouncilOrg(a, m.responsible_path);

async function findModel(db: DbOrTx, id: number, forUpdate = false): Promise<ModelRow | null> {
  const r = await db.execute<ModelRow>(sql`${SELECT} where m.id = ${id} ${forUpdate ? sql`for update of m` : sql``}`);
  return r.rows[0] ?? null;
}

async function loadReadable(db: DbOrTx, actor: AuthActor, id: number, forUpdate = false): Promise<ModelRow> {
  const m = await findModel(db, id, forUpdate);
  if (!m || !reads(actor, m)) throw notFound();
  return m;
}

/** Locks the entry for a change by one who manages it; `version` when the change is to the entry itself. */
async function loadManaged(tx: Tx, actor: AuthActor, id: number, version?: number): Promise<ModelRow> {
  const m = await loadReadable(tx, actor, id, true);
  if (!manages(actor, m)) throw forbidden();
  if (version !== undefined && num(m.version) !== version) throw conflict('error.STALE');
  return m;
}

function abilitiesOf(actor: AuthActor, m: ModelRow): string[] {
  if (!manages(actor, m)) return [];
  if (m.stage === 'CLOSED') return ['model.move'];
  const out = ['model.update', 'model.move', 'model.followUp', 'model.credit'];
  if (acceptsReplications(m.stage)) out.push('model.replicate');
  return out;
}

function summary(actor: AuthActor, m: ModelRow, today: string): ModelSummaryDto {
  return {
    id: num(m.id), orgId: num(m.org_id), orgName: m.org_name, kind: m.kind, name: m.name, personId: numOrNull(m.person_id), subjectOrgId: numOrNull(m.subject_org_id),
    subjectName: m.subject_name, responsibleOrgId: num(m.responsible_org_id), responsibleOrgName: m.responsible_org_name, movementId: numOrNull(m.movement_id),
    movementTitle: m.movement_title, field: m.field, stage: m.stage, discoveredOn: m.discovered_on, recognisedOn: m.recognised_on, decisionId: numOrNull(m.decision_id),
    decisionNumber: m.decision_number, closedReason: m.closed_reason, closedOn: m.closed_on, followUp: { nextOn: m.next_on, state: followUpState(m.stage, m.next_on, today) },
    activeReplications: num(m.active_replications), version: num(m.version), abilities: abilitiesOf(actor, m),
  };
}

export async function getModel(db: DbOrTx, actor: AuthActor, id: number): Promise<ModelDto> {
  const m = await loadReadable(db, actor, id);
  const [events, replications, credits, stories] = await Promise.all([
    db.execute<{ id: number; action: string; from_stage: string | null; to_stage: string | null; note: string | null; next_on: string | null; actor_name: string | null; at: string; on_date: string }>(sql`
      select e.id, e.action, e.from_stage, e.to_stage, e.note, e.next_on::text as next_on, u.display_name as actor_name, to_json(e.at)#>>'{}' as at,
             (e.at at time zone 'Asia/Ho_Chi_Minh')::date::text as on_date
      from exemplary_model_event e left join app_user u on u.id = e.actor_id where e.model_id = ${id} order by e.at, e.id`),
    db.execute<{ id: number; org_id: number; org_name: string; started_on: string; note: string | null; status: 'ACTIVE' | 'REVOKED'; revoked_reason: string | null }>(sql`
      select r.id, r.org_id, o.name as org_name, r.started_on::text as started_on, r.note, r.status, r.revoked_reason
      from exemplary_model_replication r join organisation o on o.id = r.org_id where r.model_id = ${id} order by r.status, r.started_on, r.id`),
    db.execute<{ id: number; person_id: number | null; name: string; role: ModelDto['credits'][number]['role']; note: string | null; status: 'ACTIVE' | 'REVOKED'; revoked_reason: string | null }>(sql`
      select c.id, c.person_id, coalesce(p.full_name, c.name) as name, c.role, c.note, c.status, c.revoked_reason
      from story_credit c left join person p on p.id = c.person_id where c.model_id = ${id} order by c.status, c.id`),
    db.execute<{ id: number; title: string; status: ModelDto['stories'][number]['status']; org_name: string; org_path: string }>(sql`
      select s.id, s.title, s.status, o.name as org_name, s.org_path from story s join organisation o on o.id = s.org_id where s.model_id = ${id} order by s.updated_at desc, s.id desc`),
  ]);
  const reached = (stage: ProgressStage) => [...events.rows].reverse().find((e) => e.action === 'stage' && e.to_stage === stage)?.on_date ?? null;
  const closing = [...events.rows].reverse().find((e) => e.action === 'stage' && e.to_stage === 'CLOSED');
  return {
    ...summary(actor, m, todayInVietnam()),
    description: m.description,
    fosteringPlan: m.fostering_plan,
    closedFrom: m.stage === 'CLOSED' && closing ? (closing.from_stage as ModelStage) : null,
    stageDates: { DISCOVERED: m.discovered_on, FOSTERING: reached('FOSTERING'), RECOGNISED: m.recognised_on, REPLICATED: reached('REPLICATED') },
    events: events.rows.map((e) => ({ id: num(e.id), action: e.action, fromStage: e.from_stage, toStage: e.to_stage, note: e.note, nextOn: e.next_on, actorName: e.actor_name, at: e.at })),
    replications: replications.rows.map((r) => ({ id: num(r.id), orgId: num(r.org_id), orgName: r.org_name, startedOn: r.started_on, note: r.note, status: r.status, revokedReason: r.revoked_reason })),
    // Only the stories the reader may open (a district's story about a union's model is not the union's to read).
    stories: stories.rows.filter((s) => readsCouncilOrg(actor, s.org_path)).map((s) => ({ id: num(s.id), title: s.title, status: s.status, orgName: s.org_name })),
    credits: credits.rows.map((c) => ({ id: num(c.id), personId: numOrNull(c.person_id), name: c.name, role: c.role, note: c.note, status: c.status, revokedReason: c.revoked_reason })),
  };
}

export async function listModels(db: DbOrTx, actor: AuthActor, q: ModelListQuery): Promise<ModelPage> {
  const counts = { DISCOVERED: 0, FOSTERING: 0, RECOGNISED: 0, REPLICATED: 0, CLOSED: 0, overdue: 0 };
  const paths = scopePaths(actor, READ_ROLES);
  if (paths.length === 0) return { items: [], total: 0, page: q.page, pageSize: q.pageSize, counts };
  const today = todayInVietnam();
  const overdue = sql`(m.stage = 'FOSTERING' and ${NEXT_ON} < ${today})`;
  // Every filter but the stage's: the stage tabs show how many each would list.
  const base: SQL[] = [
    sql`(${sql.join(paths.map((p) => sql`m.org_path like ${`${p}%`} or ro.path like ${`${p}%`}`), sql` or `)})`,
    q.orgId ? sql`exists (select 1 from organisation f where f.id = ${q.orgId} and (m.org_path like f.path || '%' or ro.path like f.path || '%'))` : sql`true`,
    q.kind ? sql`m.kind = ${q.kind}` : sql`true`,
    // unaccent() rather than vd_fold(), as for stories: there is no folded column, and translate()
    // over the whole Vietnamese map costs ~0.15 ms a row where unaccent costs microseconds.
    q.q ? sql`lower(unaccent(m.name || ' ' || coalesce(p.full_name, so.name, '') || ' ' || coalesce(m.field, ''))) like '%' || lower(unaccent(${q.q})) || '%'` : sql`true`,
  ];
  const from = sql`exemplary_model m join organisation ro on ro.id = m.responsible_org_id left join person p on p.id = m.person_id left join organisation so on so.id = m.subject_org_id`;
  const where = sql.join([...base, q.stage ? sql`m.stage = ${q.stage}` : sql`true`, q.overdue ? overdue : sql`true`], sql` and `);
  const [rows, tally] = await Promise.all([
    // The page is cut on the narrow join, then the page's rows are read whole.
    db.execute<ModelRow>(sql`
      ${SELECT} where m.id in (select m.id from ${from} where ${where} order by m.discovered_on desc, m.id desc limit ${q.pageSize} offset ${(q.page - 1) * q.pageSize})
      order by m.discovered_on desc, m.id desc`),
    db.execute<{ stage: ModelStage; n: number; overdue: number; listed: number }>(sql`
      select m.stage, count(*)::int as n, count(*) filter (where ${overdue})::int as overdue,
             count(*) filter (where ${q.overdue ? overdue : sql`true`})::int as listed
      from ${from} where ${sql.join(base, sql` and `)} group by m.stage`),
  ]);
  let total = 0;
  for (const t of tally.rows) {
    counts[t.stage] = num(q.overdue ? t.listed : t.n);
    counts.overdue += num(t.overdue);
    if (!q.stage || q.stage === t.stage) total += num(t.listed);
  }
  return { items: rows.rows.map((m) => summary(actor, m, today)), total, page: q.page, pageSize: q.pageSize, counts };
}

// ── Writing ───────────────────────────────────────────────────────────────────────────────────────

async function event(tx: Tx, actor: AuthActor, m: { id: number; org_id: number }, action: string, e: { from?: string | null; to?: string | null; note?: string | null; nextOn?: string | null }, after: Record<string, unknown>): Promise<void> {
  await tx.execute(sql`
    insert into exemplary_model_event (model_id, action, from_stage, to_stage, note, next_on, actor_id)
    values (${m.id}, ${action}, ${e.from ?? null}, ${e.to ?? null}, ${e.note ?? null}, ${e.nextOn ?? null}, ${actor.userId})`);
  await audit(tx, actor, [{ action: `model.${action}`, entityType: 'exemplary_model', entityId: num(m.id), orgId: num(m.org_id), after }]);
}

/** What an entry names (the subject, the responsible unit, the movement) must lie in the keeping organisation's reach. */
async function checkDetails(tx: Tx, orgPath: string, d: Omit<CreateModelInput, 'orgId'>): Promise<void> {
  if (d.discoveredOn > todayInVietnam()) throw validation('models.api.discoveredInFuture', {}, { field: 'discoveredOn' });
  if (d.kind === 'PERSON' && !d.personId) throw validation('models.api.personRequired', {}, { field: 'personId' });
  if (d.kind === 'COLLECTIVE' && !d.subjectOrgId) throw validation('models.api.collectiveRequired', {}, { field: 'subjectOrgId' });
  if (d.kind !== 'PERSON' && d.personId) throw validation('models.api.personOnlyForPerson', {}, { field: 'personId' });
  if (d.kind === 'PERSON' && d.subjectOrgId) throw validation('models.api.personOnlyForPerson', {}, { field: 'subjectOrgId' });
  const r = await tx.execute<{ responsible: boolean; person: boolean; org: boolean; movement: boolean }>(sql`
    select exists (select 1 from organisation o where o.id = ${d.responsibleOrgId} and o.status = 'ACTIVE' and o.path like ${`${orgPath}%`}) as responsible,
           ${d.personId ? sql`exists (select 1 from person p where p.id = ${d.personId} and p.org_path like ${`${orgPath}%`})` : sql`true`} as person,
           ${d.subjectOrgId ? sql`exists (select 1 from organisation o where o.id = ${d.subjectOrgId} and o.path like ${`${orgPath}%`})` : sql`true`} as org,
           ${d.movementId ? sql`exists (select 1 from movement v where v.id = ${d.movementId} and (v.org_path like ${`${orgPath}%`} or ${orgPath} like v.org_path || '%'))` : sql`true`} as movement`);
  const x = r.rows[0]!;
  if (!x.responsible) throw validation('models.api.responsibleOutside', {}, { field: 'responsibleOrgId' });
  const bad = [x.person ? null : 'personId', x.org ? null : 'subjectOrgId', x.movement ? null : 'movementId'].find((f) => f !== null);
  if (bad) throw validation('models.api.linkOutside', {}, { field: bad });
}

const clean = (s: string) => s.normalize('NFC');

export async function createModel(app: AppContext, actor: AuthActor, input: CreateModelInput): Promise<number> {
  return app.db.transaction(async (tx) => {
    const o = await tx.execute<{ id: number; path: string }>(sql`select id, path from organisation where id = ${input.orgId} and status = 'ACTIVE'`);
    const org = o.rows[0];
    if (!org || !readsCouncilOrg(actor, org.path)) throw notFound();
    if (!managesUnitWork(actor, org.path)) throw forbidden();
    await checkDetails(tx, org.path, input);
    const r = await tx.execute<{ id: number }>(sql`
      insert into exemplary_model (org_id, org_path, kind, name, description, person_id, subject_org_id, responsible_org_id, movement_id, field, discovered_on, fostering_plan, created_by)
      values (${org.id}, ${org.path}, ${input.kind}, ${clean(input.name)}, ${clean(input.description)}, ${input.personId ?? null}, ${input.subjectOrgId ?? null}, ${input.responsibleOrgId},
              ${input.movementId ?? null}, ${input.field}, ${input.discoveredOn}, ${input.fosteringPlan}, ${actor.userId})
      returning id`);
    const id = num(r.rows[0]!.id);
    await event(tx, actor, { id, org_id: num(org.id) }, 'create', { to: 'DISCOVERED' }, { kind: input.kind, name: input.name, responsibleOrgId: input.responsibleOrgId, discoveredOn: input.discoveredOn });
    return id;
  });
}

export async function updateModel(app: AppContext, actor: AuthActor, id: number, input: UpdateModelInput): Promise<void> {
  await app.db.transaction(async (tx) => {
    const m = await loadManaged(tx, actor, id, input.version);
    if (m.stage === 'CLOSED') throw conflict('models.api.closed');
    await checkDetails(tx, m.org_path, input);
    if (m.stage !== 'DISCOVERED' && !input.fosteringPlan) throw validation('models.stage.needsPlan', {}, { field: 'fosteringPlan' });
    if (m.recognised_on && input.discoveredOn > m.recognised_on) throw validation('models.api.discoveredAfterRecognised', {}, { field: 'discoveredOn' });
    await tx.execute(sql`
      update exemplary_model set kind = ${input.kind}, name = ${clean(input.name)}, description = ${clean(input.description)}, person_id = ${input.personId ?? null},
        subject_org_id = ${input.subjectOrgId ?? null}, responsible_org_id = ${input.responsibleOrgId}, movement_id = ${input.movementId ?? null}, field = ${input.field},
        discovered_on = ${input.discoveredOn}, fostering_plan = ${input.fosteringPlan}, updated_at = now(), version = version + 1
      where id = ${id}`);
    await audit(tx, actor, [{
      action: 'model.update', entityType: 'exemplary_model', entityId: id, orgId: num(m.org_id),
      before: { name: m.name, responsibleOrgId: num(m.responsible_org_id), fosteringPlan: m.fostering_plan },
      after: { name: input.name, responsibleOrgId: input.responsibleOrgId, fosteringPlan: input.fosteringPlan },
    }]);
  });
}

/** The stage a closed entry was closed from (its latest closing). */
async function closedFromOf(tx: Tx, id: number): Promise<ProgressStage | null> {
  const r = await tx.execute<{ from_stage: string }>(sql`
    select from_stage from exemplary_model_event where model_id = ${id} and action = 'stage' and to_stage = 'CLOSED' order by at desc, id desc limit 1`);
  const s = r.rows[0]?.from_stage;
  return (PROGRESS_STAGES as readonly string[]).includes(s ?? '') ? (s as ProgressStage) : null;
}

const FIELD_OF: Record<string, string> = {
  'models.stage.needsPlan': 'fosteringPlan',
  'models.stage.needsRecognisedOn': 'recognisedOn',
  'models.stage.needsReplication': 'to',
  'models.stage.needsReason': 'reason',
};

export async function moveModel(app: AppContext, actor: AuthActor, id: number, input: MoveModelInput): Promise<void> {
  await app.db.transaction(async (tx) => {
    const m = await loadManaged(tx, actor, id, input.version);
    const today = todayInVietnam();
    const closedFrom = m.stage === 'CLOSED' ? await closedFromOf(tx, id) : null;
    const recognisedOn = input.to === 'RECOGNISED' && m.stage !== 'CLOSED' ? (input.recognisedOn ?? null) : m.recognised_on;
    const facts = { fosteringPlan: input.fosteringPlan ?? m.fostering_plan, recognisedOn, activeReplications: num(m.active_replications), reason: input.reason ?? null, closedFrom };
    const refused = canMove(m.stage, input.to, facts);
    if (refused === 'models.stage.notAllowed' || refused === 'models.stage.reopenToPrevious') throw conflict(refused);
    if (refused) throw validation(refused, {}, { field: FIELD_OF[refused] });
    if (input.to === 'RECOGNISED' && m.stage !== 'CLOSED' && recognisedOn !== null && (recognisedOn < m.discovered_on || recognisedOn > today)) {
      throw validation('models.api.recognisedOnInvalid', {}, { field: 'recognisedOn' });
    }
    if (input.nextOn && (input.to !== 'FOSTERING' || input.nextOn < today)) throw validation('models.api.nextOnInvalid', {}, { field: 'nextOn' });
    if (input.decisionId && input.to === 'RECOGNISED') {
      const d = await tx.execute(sql`select 1 from decision d where d.id = ${input.decisionId} and (d.org_path like ${`${m.org_path}%`} or ${m.org_path} like d.org_path || '%')`);
      if (d.rows.length === 0) throw validation('models.api.linkOutside', {}, { field: 'decisionId' });
    }
    const reopening = m.stage === 'CLOSED';
    const set =
      input.to === 'FOSTERING' && !reopening ? sql`fostering_plan = ${facts.fosteringPlan},`
      : input.to === 'RECOGNISED' && !reopening ? sql`recognised_on = ${recognisedOn}, decision_id = ${input.decisionId ?? m.decision_id},`
      : input.to === 'CLOSED' ? sql`closed_reason = ${input.reason ?? null}, closed_on = ${today},`
      : reopening ? sql`closed_reason = null, closed_on = null,`
      : sql``;
    await tx.execute(sql`update exemplary_model set ${set} stage = ${input.to}, updated_at = now(), version = version + 1 where id = ${id}`);
    const note = input.to === 'CLOSED' || reopening ? (input.reason ?? null) : input.note;
    await event(tx, actor, m, 'stage', { from: m.stage, to: input.to, note, nextOn: input.to === 'FOSTERING' ? input.nextOn : null }, {
      from: m.stage, to: input.to, recognisedOn: input.to === 'RECOGNISED' ? recognisedOn : undefined, reason: input.reason ?? undefined,
    });
  });
}

export async function addFollowUp(app: AppContext, actor: AuthActor, id: number, input: { note: string; nextOn?: string | null }): Promise<void> {
  await app.db.transaction(async (tx) => {
    const m = await loadManaged(tx, actor, id);
    if (m.stage === 'CLOSED') throw conflict('models.api.closed');
    if (input.nextOn && input.nextOn < todayInVietnam()) throw validation('models.api.nextOnInvalid', {}, { field: 'nextOn' });
    await event(tx, actor, m, 'followUp', { note: clean(input.note), nextOn: input.nextOn ?? null }, { nextOn: input.nextOn ?? null });
  });
}

export async function addReplication(app: AppContext, actor: AuthActor, id: number, input: { orgId: number; startedOn: string; note: string | null }): Promise<void> {
  await app.db.transaction(async (tx) => {
    const m = await loadManaged(tx, actor, id);
    if (!acceptsReplications(m.stage)) throw conflict('models.api.notReplicable');
    const o = await tx.execute<{ path: string }>(sql`select path from organisation where id = ${input.orgId} and status = 'ACTIVE'`);
    if (!o.rows[0] || !readsCouncilOrg(actor, o.rows[0].path)) throw validation('models.api.replicationOutside', {}, { field: 'orgId' });
    if ((m.recognised_on && input.startedOn < m.recognised_on) || input.startedOn > todayInVietnam()) throw validation('models.api.startedOnInvalid', {}, { field: 'startedOn' });
    const r = await tx.execute<{ id: number }>(sql`
      insert into exemplary_model_replication (model_id, org_id, started_on, note, created_by)
      values (${id}, ${input.orgId}, ${input.startedOn}, ${input.note}, ${actor.userId})
      on conflict (model_id, org_id) where status = 'ACTIVE' do nothing returning id`);
    if (!r.rows[0]) throw conflict('models.api.replicationDuplicate');
    await event(tx, actor, m, 'replicate', { note: input.note }, { replicationId: num(r.rows[0].id), orgId: input.orgId, startedOn: input.startedOn });
  });
}

export async function revokeReplication(app: AppContext, actor: AuthActor, id: number, replicationId: number, reason: string): Promise<void> {
  await app.db.transaction(async (tx) => {
    const m = await loadManaged(tx, actor, id);
    const r = await tx.execute<{ org_id: number; status: string }>(sql`select org_id, status from exemplary_model_replication where id = ${replicationId} and model_id = ${id} for update`);
    const rep = r.rows[0];
    if (!rep) throw notFound();
    if (rep.status !== 'ACTIVE') throw conflict('models.api.alreadyRevoked');
    if (!canRevokeReplication(m.stage, num(m.active_replications))) throw conflict(m.stage === 'CLOSED' ? 'models.api.closed' : 'models.api.lastReplication');
    await tx.execute(sql`update exemplary_model_replication set status = 'REVOKED', revoked_reason = ${clean(reason)} where id = ${replicationId}`);
    await event(tx, actor, m, 'revokeReplication', { note: clean(reason) }, { replicationId, orgId: num(rep.org_id) });
  });
}

export async function addCredit(app: AppContext, actor: AuthActor, id: number, input: { personId?: number | null; name: string | null; role: string; note: string | null }): Promise<void> {
  await app.db.transaction(async (tx) => {
    const m = await loadManaged(tx, actor, id);
    if (m.stage === 'CLOSED') throw conflict('models.api.closed');
    if (input.personId) {
      const p = await tx.execute<{ org_path: string | null }>(sql`select org_path from person where id = ${input.personId}`);
      const path = p.rows[0]?.org_path;
      if (!path || !readsCouncilOrg(actor, path)) throw validation('models.api.creditOutside', {}, { field: 'personId' });
    }
    const dup = await tx.execute(sql`
      select 1 from story_credit where model_id = ${id} and role = ${input.role} and status = 'ACTIVE'
        and ${input.personId ? sql`person_id = ${input.personId}` : sql`person_id is null and lower(name) = lower(${input.name})`}`);
    if (dup.rows.length > 0) throw conflict('models.api.creditDuplicate');
    const r = await tx.execute<{ id: number }>(sql`
      insert into story_credit (model_id, person_id, name, role, note, created_by)
      values (${id}, ${input.personId ?? null}, ${input.name}, ${input.role}, ${input.note}, ${actor.userId}) returning id`);
    await event(tx, actor, m, 'credit', { note: input.note }, { creditId: num(r.rows[0]!.id), personId: input.personId ?? null, name: input.name, role: input.role });
  });
}

export async function revokeCredit(app: AppContext, actor: AuthActor, id: number, creditId: number, reason: string): Promise<void> {
  await app.db.transaction(async (tx) => {
    const m = await loadManaged(tx, actor, id);
    const r = await tx.execute<{ status: string }>(sql`select status from story_credit where id = ${creditId} and model_id = ${id} for update`);
    if (!r.rows[0]) throw notFound();
    if (r.rows[0].status !== 'ACTIVE') throw conflict('models.api.alreadyRevoked');
    await tx.execute(sql`update story_credit set status = 'REVOKED', revoked_reason = ${clean(reason)} where id = ${creditId}`);
    await event(tx, actor, m, 'revokeCredit', { note: clean(reason) }, { creditId });
  });
}

