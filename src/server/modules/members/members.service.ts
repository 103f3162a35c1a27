// Use cases that change members. Nothing is deleted: leaving ends the membership period and a
// transfer closes one period and opens the next, so a person's history stays complete.
import { sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { Tx } from '../../db/client';
import type { AppContext } from '../../lib/context';
import type { AuthActor } from '../../lib/actor';
import { audit } from '../../lib/audit';
import { AppError, conflict, notFound, validation } from '../../lib/errors';
import { ensure, memberPolicy, orgPolicy } from '../../lib/policy';
import type { createMemberInput, leaveMemberInput, transferMemberInput, updateMemberInput } from '../../../contracts/members';
import { findOrg, orgKindRank, type OrgRow } from '../organisations/organisations.repository';
import { findMember, type MemberRow } from './members.repository';

const nfc = (s: string | null | undefined) => (s == null ? s : s.normalize('NFC'));

export function memberSnapshot(m: MemberRow) {
  return {
    memberCode: m.member_code, fullName: m.full_name, gender: m.gender, birthDate: m.birth_date, cccd: m.cccd, position: m.position,
    isLeader: m.is_leader, isDirectWorker: m.is_direct_worker, phone: m.phone, email: m.email, ethnicity: m.ethnicity,
    joinedUnionOn: m.joined_union_on, serviceStartDate: m.service_start_date, educationLevel: m.education_level,
    unionWorkCategory: m.union_work_category, unionWorkYearsBefore: m.union_work_years_before === null ? null : Number(m.union_work_years_before), status: m.status, orgId: m.org_id === null ? null : Number(m.org_id),
  };
}

/** A unit that can receive members: visible, managed by the actor, active, and of a kind that holds members. */
export async function loadReceivingUnit(tx: Tx, actor: AuthActor, orgId: number): Promise<OrgRow> {
  const org = await findOrg(tx, orgId);
  if (!org) throw notFound();
  ensure(orgPolicy.read(actor, org));
  if (!orgPolicy.receive(actor, org)) throw new AppError('FORBIDDEN');
  const kind = await orgKindRank(tx, org.kind);
  if (!kind?.holds_members) throw validation('member.unitHoldsNoMembers', { name: org.name });
  return org;
}

async function loadManaged(tx: Tx, actor: AuthActor, id: number): Promise<MemberRow> {
  const m = await findMember(tx, id, true);
  if (!m) throw notFound();
  const subject = { id: Number(m.id), orgPath: m.org_path, status: m.status };
  ensure(memberPolicy.read(actor, subject));
  if (!memberPolicy.update(actor, subject)) throw new AppError('FORBIDDEN');
  return m;
}

async function checkCccdFree(tx: Tx, cccd: string | null | undefined, exceptId: number | null) {
  if (!cccd) return;
  const r = await tx.execute<{ id: number; full_name: string }>(sql`select id, full_name from person where cccd = ${cccd} and id <> ${exceptId ?? 0}`);
  if (r.rows[0]) throw conflict('member.cccdTaken', { cccd });
}

export async function createMember(app: AppContext, actor: AuthActor, input: z.infer<typeof createMemberInput>) {
  return app.db.transaction(async (tx) => {
    const org = await loadReceivingUnit(tx, actor, input.orgId);
    await checkCccdFree(tx, input.cccd, null);
    if (input.memberCode) {
      const dup = await tx.execute(sql`select 1 from person where member_code = ${input.memberCode}`);
      if (dup.rows.length) throw conflict('member.codeTaken', { code: input.memberCode });
    }
    const since = input.joinedUnionOn ?? new Date().toISOString().slice(0, 10);
    const inserted = await tx.execute<{ id: number }>(sql`
      insert into person (member_code, full_name, gender, birth_date, cccd, position, is_leader, is_direct_worker, phone, email, ethnicity,
                          joined_union_on, service_start_date, education_level, union_work_category, union_work_years_before,
                          status, org_id, org_path, province_root_id)
      values (coalesce(${input.memberCode ?? null}, 'VD' || lpad(nextval('member_code_seq')::text, 8, '0')), ${nfc(input.fullName)}, ${input.gender},
              ${input.birthDate ?? null}, ${input.cccd ?? null}, ${nfc(input.position) ?? null}, ${input.isLeader}, ${input.isDirectWorker},
              ${input.phone ?? null}, ${input.email ?? null}, ${nfc(input.ethnicity) ?? null}, ${input.joinedUnionOn ?? null},
              ${input.serviceStartDate ?? null}, ${input.educationLevel ?? null}, ${input.unionWorkCategory ?? null}, ${input.unionWorkYearsBefore ?? null}, 'ACTIVE',
              ${org.id}, ${org.path}, (select province_root_id from organisation where id = ${org.id}))
      returning id`);
    const id = Number(inserted.rows[0]!.id);
    await tx.execute(sql`insert into membership (person_id, org_id, valid_from) values (${id}, ${org.id}, ${since})`);
    const created = (await findMember(tx, id))!;
    await audit(tx, actor, [{ action: 'member.create', entityType: 'person', entityId: id, orgId: Number(org.id), after: memberSnapshot(created) }]);
    return created;
  });
}

export async function updateMember(app: AppContext, actor: AuthActor, id: number, input: z.infer<typeof updateMemberInput>) {
  return app.db.transaction(async (tx) => {
    const m = await loadManaged(tx, actor, id);
    await checkCccdFree(tx, input.cccd, id);
    const set = (col: string, v: unknown) => (v === undefined ? sql`` : sql`${sql.raw(col)} = ${v as string},`);
    await tx.execute(sql`update person set
      ${set('full_name', nfc(input.fullName))} ${set('gender', input.gender)} ${set('birth_date', input.birthDate)} ${set('cccd', input.cccd)}
      ${set('position', nfc(input.position))} ${set('is_leader', input.isLeader)} ${set('is_direct_worker', input.isDirectWorker)}
      ${set('phone', input.phone)} ${set('email', input.email)} ${set('ethnicity', nfc(input.ethnicity))} ${set('joined_union_on', input.joinedUnionOn)}
      ${set('service_start_date', input.serviceStartDate)} ${set('education_level', input.educationLevel)}
      ${set('union_work_category', input.unionWorkCategory)} ${set('union_work_years_before', input.unionWorkYearsBefore)}
      version = version + 1, updated_at = now()
      where id = ${id}`);
    const after = (await findMember(tx, id))!;
    await audit(tx, actor, [{ action: 'member.update', entityType: 'person', entityId: id, orgId: m.org_id === null ? null : Number(m.org_id), before: memberSnapshot(m), after: memberSnapshot(after) }]);
    return after;
  });
}

export async function transferMember(app: AppContext, actor: AuthActor, id: number, input: z.infer<typeof transferMemberInput>) {
  return app.db.transaction(async (tx) => {
    const m = await loadManaged(tx, actor, id);
    if (m.status !== 'ACTIVE') throw conflict('member.notActive');
    const to = await loadReceivingUnit(tx, actor, input.toOrgId);
    if (Number(to.id) === Number(m.org_id)) throw validation('member.sameUnit');
    const open = await tx.execute<{ id: number; valid_from: string }>(sql`select id, valid_from from membership where person_id = ${id} and valid_to is null for update`);
    const current = open.rows[0];
    if (current && input.effectiveOn < current.valid_from) throw validation('member.dateBeforeMembership', { date: current.valid_from });
    if (current) await tx.execute(sql`update membership set valid_to = ${input.effectiveOn}, end_reason = 'TRANSFER', note = ${input.note ?? null} where id = ${current.id}`);
    await tx.execute(sql`insert into membership (person_id, org_id, valid_from, note) values (${id}, ${to.id}, ${input.effectiveOn}, ${input.note ?? null})`);
    await tx.execute(sql`update person set org_id = ${to.id}, org_path = ${to.path}, province_root_id = (select province_root_id from organisation where id = ${to.id}),
      version = version + 1, updated_at = now() where id = ${id}`);
    const after = (await findMember(tx, id))!;
    await audit(tx, actor, [
      { action: 'member.transfer', entityType: 'person', entityId: id, orgId: Number(m.org_id), before: { orgId: Number(m.org_id) }, after: { orgId: Number(to.id), effectiveOn: input.effectiveOn } },
    ]);
    return after;
  });
}

export async function leaveUnion(app: AppContext, actor: AuthActor, id: number, input: z.infer<typeof leaveMemberInput>) {
  return app.db.transaction(async (tx) => {
    const m = await loadManaged(tx, actor, id);
    if (m.status !== 'ACTIVE') throw conflict('member.notActive');
    const open = await tx.execute<{ id: number; valid_from: string }>(sql`select id, valid_from from membership where person_id = ${id} and valid_to is null for update`);
    const current = open.rows[0];
    if (current && input.effectiveOn < current.valid_from) throw validation('member.dateBeforeMembership', { date: current.valid_from });
    if (current) await tx.execute(sql`update membership set valid_to = ${input.effectiveOn}, end_reason = 'LEFT_UNION', note = ${input.reason} where id = ${current.id}`);
    await tx.execute(sql`update person set status = 'LEFT', version = version + 1, updated_at = now() where id = ${id}`);
    await tx.execute(sql`update officer set valid_to = ${input.effectiveOn} where person_id = ${id} and valid_to is null`);
    const after = (await findMember(tx, id))!;
    await audit(tx, actor, [{ action: 'member.leave', entityType: 'person', entityId: id, orgId: Number(m.org_id), before: { status: 'ACTIVE' }, after: { status: 'LEFT', effectiveOn: input.effectiveOn, reason: input.reason } }]);
    return after;
  });
}
