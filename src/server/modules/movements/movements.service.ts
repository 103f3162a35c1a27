// Movements: drafted by those who manage the launching organisation, launched (optionally asking
// the units below to register by a deadline), then recorded step by step — in progress, sơ kết,
// tổng kết, closed. Every change and its movement_step row share the transaction of its audit event.
import { sql } from 'drizzle-orm';
import type { AppContext } from '../../lib/context';
import type { AuthActor } from '../../lib/actor';
import type { Tx } from '../../db/client';
import { audit } from '../../lib/audit';
import { conflict, notFound, validation } from '../../lib/errors';
import { MANAGE_ROLES, READ_ROLES, covers, coversStrictly, orgPolicy } from '../../lib/policy';
import { findOrg } from '../organisations/organisations.repository';
import { todayInVietnam } from '../imports/xlsx';
import { t } from '../../../contracts/messages';
import { createRequest } from '../cascade/requests.service';
import {
  NOTE_REQUIRED,
  STEP_DATE_COLUMN,
  TRANSITIONS,
  canTransition,
  checkOfferedAwards,
  checkPeriod,
  checkStepDate,
  type MovementStatus,
  type OfferableAward,
  type RuleError,
} from '../../../domain/movements/movement-rules';
import type { CreateMovementInput, LaunchMovementInput, MovementDto, MovementStepInput, UpdateMovementInput } from '../../../contracts/movements';
import { findMovement, type MovementRow } from './movements.repository';

const fail = (e: RuleError) => validation(e.key, e.params ?? {}, e.field ? { field: e.field } : undefined);

export const movementPolicy = {
  /** Readers of the launching organisation, and — once launched — the units below it it addresses. */
  read: (a: AuthActor, m: Pick<MovementRow, 'org_path' | 'status'>) =>
    a.roles.some((r) => READ_ROLES.includes(r.role) && (covers(r.orgPath, m.org_path) || (m.status !== 'DRAFT' && coversStrictly(m.org_path, r.orgPath)))),
  /** Drafting, launching and recording steps belong to those who manage the launching organisation. */
  write: (a: AuthActor, m: Pick<MovementRow, 'org_path' | 'org_status'>) => orgPolicy.createChild(a, { path: m.org_path, status: m.org_status }),
};

/** Ability granted for each step a manager may record next. */
export const STEP_ABILITY: Record<MovementStatus, string> = {
  DRAFT: 'movement.update',
  LAUNCHED: 'movement.launch',
  IN_PROGRESS: 'movement.progress',
  MID_REVIEW: 'movement.midReview',
  FINAL_REVIEW: 'movement.finalReview',
  CLOSED: 'movement.close',
};

export function movementAbilities(a: AuthActor, m: MovementRow): string[] {
  const out: string[] = [];
  if (movementPolicy.write(a, m)) {
    if (m.status === 'DRAFT') out.push('movement.update');
    for (const to of TRANSITIONS[m.status]) out.push(STEP_ABILITY[to]);
  }
  if (m.status !== 'DRAFT') out.push('movement.summary');
  // Units below the launching organisation answer a running movement by registering.
  if ((m.status === 'LAUNCHED' || m.status === 'IN_PROGRESS') && a.roles.some((r) => (MANAGE_ROLES.includes(r.role) || r.role === 'MEMBER') && coversStrictly(m.org_path, r.orgPath))) {
    out.push('movement.register');
  }
  return out;
}

export function presentMovement(a: AuthActor, m: MovementRow): MovementDto {
  return {
    id: Number(m.id),
    orgId: Number(m.org_id),
    orgName: m.org_name,
    year: Number(m.year),
    kind: m.kind,
    status: m.status,
    title: m.title,
    slogan: m.slogan,
    content: m.content,
    participants: m.participants,
    startsOn: m.starts_on,
    endsOn: m.ends_on,
    criteria: m.criteria,
    offeredAwards: m.offered_names,
    planId: m.plan_id === null ? null : Number(m.plan_id),
    launchedOn: m.launched_on,
    midReviewOn: m.mid_review_on,
    finalReviewOn: m.final_review_on,
    closedOn: m.closed_on,
    version: Number(m.version),
    abilities: movementAbilities(a, m),
  };
}

const nfc = (s: string | null) => (s === null ? null : s.normalize('NFC'));

function stored(input: Omit<UpdateMovementInput, 'version'>) {
  return {
    year: input.year,
    kind: input.kind,
    title: input.title.normalize('NFC'),
    slogan: nfc(input.slogan),
    content: input.content.normalize('NFC'),
    participants: nfc(input.participants),
    startsOn: input.startsOn,
    endsOn: input.endsOn,
    criteria: input.criteria.map((c) => ({ text: c.text.normalize('NFC'), measure: c.measure.normalize('NFC'), target: c.target.normalize('NFC') })),
    offeredAwards: input.offeredAwards,
    planId: input.planId,
  };
}

/** Period, offered awards (the launching organisation's own) and the plan the movement implements. */
async function checkContent(tx: Tx, org: { kind: string; name: string; path: string }, input: Omit<UpdateMovementInput, 'version'>): Promise<void> {
  const period = checkPeriod(input.year, input.startsOn, input.endsOn);
  if (period) throw fail(period);
  if (input.offeredAwards.length > 0) {
    const r = await tx.execute<{ code: string; name_vi: string; granting_org_kinds: string[]; active: boolean }>(sql`
      select code, name_vi, granting_org_kinds, active from award_type where code = any(${sql.param(input.offeredAwards)}::text[])`);
    const catalogue: OfferableAward[] = r.rows.map((a) => ({ code: a.code, nameVi: a.name_vi, grantingOrgKinds: a.granting_org_kinds, active: a.active }));
    const bad = checkOfferedAwards(input.offeredAwards, catalogue, org.kind, org.name);
    if (bad) throw fail(bad);
  }
  if (input.planId !== null) {
    const p = await tx.execute<{ org_path: string }>(sql`select org_path from plan where id = ${input.planId}`);
    const plan = p.rows[0];
    // The plan must be one the launching organisation works under: its own or one from above it.
    if (!plan || !covers(plan.org_path, org.path)) {
      throw validation('movement.unknownPlan', { id: input.planId }, { field: 'planId' });
    }
  }
}

export async function createMovement(app: AppContext, actor: AuthActor, input: CreateMovementInput): Promise<number> {
  return app.db.transaction(async (tx) => {
    const org = await findOrg(tx, input.orgId);
    if (!org || !orgPolicy.read(actor, org) || !orgPolicy.createChild(actor, org)) throw notFound();
    await checkContent(tx, org, input);
    const v = stored(input);
    const r = await tx.execute<{ id: number }>(sql`
      insert into movement (org_id, org_path, year, kind, title, slogan, content, participants, starts_on, ends_on, criteria, offered_awards, plan_id, created_by)
      values (${org.id}, ${org.path}, ${v.year}, ${v.kind}, ${v.title}, ${v.slogan}, ${v.content}, ${v.participants}, ${v.startsOn}, ${v.endsOn},
              ${JSON.stringify(v.criteria)}::jsonb, ${JSON.stringify(v.offeredAwards)}::jsonb, ${v.planId}, ${actor.userId})
      returning id`);
    const id = Number(r.rows[0]!.id);
    await audit(tx, actor, [{ action: 'movement.create', entityType: 'movement', entityId: id, orgId: Number(org.id), after: v }]);
    return id;
  });
}

/** Locks the movement; out of scope or not a manager answers 404, a stale version 409. */
async function loadForWrite(tx: Tx, actor: AuthActor, id: number, version: number): Promise<MovementRow> {
  const m = await findMovement(tx, id, true);
  if (!m || !movementPolicy.read(actor, m) || !movementPolicy.write(actor, m)) throw notFound();
  if (Number(m.version) !== version) throw conflict('movement.staleVersion');
  return m;
}

export async function updateMovement(app: AppContext, actor: AuthActor, id: number, input: UpdateMovementInput): Promise<void> {
  await app.db.transaction(async (tx) => {
    const before = await loadForWrite(tx, actor, id, input.version);
    if (before.status !== 'DRAFT') throw conflict('movement.notDraft');
    await checkContent(tx, { kind: before.org_kind, name: before.org_name, path: before.org_path }, input);
    const v = stored(input);
    await tx.execute(sql`
      update movement set year = ${v.year}, kind = ${v.kind}, title = ${v.title}, slogan = ${v.slogan}, content = ${v.content},
        participants = ${v.participants}, starts_on = ${v.startsOn}, ends_on = ${v.endsOn}, criteria = ${JSON.stringify(v.criteria)}::jsonb,
        offered_awards = ${JSON.stringify(v.offeredAwards)}::jsonb, plan_id = ${v.planId}, updated_at = now(), version = version + 1
      where id = ${id}`);
    const { year, kind, title, slogan, content, participants, starts_on, ends_on, criteria, offered_awards, plan_id } = before;
    await audit(tx, actor, [
      {
        action: 'movement.update', entityType: 'movement', entityId: id, orgId: Number(before.org_id),
        before: { year, kind, title, slogan, content, participants, startsOn: starts_on, endsOn: ends_on, criteria, offeredAwards: offered_awards, planId: plan_id },
        after: v,
      },
    ]);
  });
}

async function recordStep(tx: Tx, actor: AuthActor, m: MovementRow, to: MovementStatus, onDate: string, note: string | null): Promise<void> {
  const column = STEP_DATE_COLUMN[to];
  await tx.execute(sql`
    update movement set status = ${to}, ${column ? sql`${sql.raw(column)} = ${onDate},` : sql``} updated_at = now(), version = version + 1
    where id = ${m.id}`);
  await tx.execute(sql`
    insert into movement_step (movement_id, from_status, to_status, on_date, note, actor_id)
    values (${m.id}, ${m.status}, ${to}, ${onDate}, ${note}, ${actor.userId})`);
}

/**
 * Launches a draft: it must carry at least one checkable criterion. With a request, the units
 * below (by default every grassroots union) are asked to register under it by the deadline.
 */
export async function launchMovement(app: AppContext, actor: AuthActor, id: number, input: LaunchMovementInput): Promise<void> {
  await app.db.transaction(async (tx) => {
    const m = await loadForWrite(tx, actor, id, input.version);
    if (m.status !== 'DRAFT') throw conflict('movement.notDraft');
    if (m.criteria.length === 0) throw validation('movement.noCriteria', {}, { field: 'criteria' });
    const bad = checkStepDate({ to: 'LAUNCHED', onDate: input.launchedOn, today: todayInVietnam(), previousDate: null, startsOn: m.starts_on, endsOn: m.ends_on });
    if (bad) throw fail(bad);
    await recordStep(tx, actor, m, 'LAUNCHED', input.launchedOn, null);
    let request: { id: number; targets: number } | null = null;
    if (input.request) {
      request = await createRequest(tx, actor, {
        issuer: { id: Number(m.org_id), path: m.org_path },
        sourceType: 'movement',
        sourceId: Number(m.id),
        responseKind: 'REGISTRATION',
        year: Number(m.year),
        title: `Đăng ký thi đua: ${m.title}`,
        deadline: input.request.deadline,
        targetOrgIds: input.request.targetOrgIds,
        link: `/phong-trao/${m.id}`,
      });
    }
    await audit(tx, actor, [
      {
        action: 'movement.launch', entityType: 'movement', entityId: Number(m.id), orgId: Number(m.org_id),
        before: { status: m.status }, after: { status: 'LAUNCHED', launchedOn: input.launchedOn, requestId: request?.id ?? null, targets: request?.targets ?? 0 },
      },
    ]);
  });
}

/** Records a later step (in progress, sơ kết, tổng kết, closed) with its date and note. */
export async function stepMovement(app: AppContext, actor: AuthActor, id: number, input: MovementStepInput): Promise<void> {
  await app.db.transaction(async (tx) => {
    const m = await loadForWrite(tx, actor, id, input.version);
    if (!canTransition(m.status, input.toStatus)) throw conflict('movement.badTransition', { from: t('vi', `movement.status.${m.status}`), to: t('vi', `movement.status.${input.toStatus}`) });
    const note = input.note === null || input.note === '' ? null : input.note.normalize('NFC');
    if (NOTE_REQUIRED.includes(input.toStatus) && (note === null || note.length < 5)) throw validation('movement.noteRequired', {}, { field: 'note' });
    const last = await tx.execute<{ on_date: string }>(sql`select max(on_date)::text as on_date from movement_step where movement_id = ${id}`);
    const bad = checkStepDate({ to: input.toStatus, onDate: input.onDate, today: todayInVietnam(), previousDate: last.rows[0]?.on_date ?? null, startsOn: m.starts_on, endsOn: m.ends_on });
    if (bad) throw fail(bad);
    await recordStep(tx, actor, m, input.toStatus, input.onDate, note);
    await audit(tx, actor, [
      {
        action: 'movement.step', entityType: 'movement', entityId: Number(m.id), orgId: Number(m.org_id),
        before: { status: m.status }, after: { status: input.toStatus, onDate: input.onDate, note },
      },
    ]);
  });
}
