// Councils and their seats. A council belongs to one organisation for one term; the organisation's
// own thi đua – khen thưởng officers (or an administrator above it) keep it. Seats are ended with a
// reason, never deleted; relations a member declares drive recusal at meetings.
import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import type { AppContext } from '../../lib/context';
import type { AuthActor } from '../../lib/actor';
import type { Locale } from '../../../contracts/enums';
import type {
  AddCouncilMemberInput,
  CouncilDto,
  CouncilMemberDto,
  CouncilSummaryDto,
  CreateCouncilInput,
  UpdateCouncilInput,
} from '../../../contracts/councils';
import { t } from '../../../contracts/messages';
import { audit } from '../../lib/audit';
import { conflict, forbidden, notFound, validation } from '../../lib/errors';
import { covers, READ_ROLES, scopePaths } from '../../lib/policy';
import { todayInVietnam } from '../imports/xlsx/validate-member-row';
import { resolveVoteRule, ruleText, type CouncilVoteRules, type VoteRule } from '../../../domain/council';

export type CouncilRow = {
  id: number;
  org_id: number;
  org_path: string;
  org_name: string;
  name: string;
  term_label: string;
  term_starts_on: string;
  term_ends_on: string | null;
  max_members: number;
  standing_office: string | null;
  regulation_ref: string | null;
  vote_rules: CouncilVoteRules;
  status: 'ACTIVE' | 'ENDED';
  ended_reason: string | null;
  version: number;
};

const SELECT_COUNCIL = sql`
  select c.id, c.org_id, c.org_path, o.name as org_name, c.name, c.term_label, c.term_starts_on::text as term_starts_on,
         c.term_ends_on::text as term_ends_on, c.max_members, c.standing_office, c.regulation_ref, c.vote_rules, c.status,
         c.ended_reason, c.version
  from council c join organisation o on o.id = c.org_id`;

const num = (v: unknown) => Number(v);

/** The organisation's own TĐKT officers, or an administrator above it. */
export const managesCouncilOrg = (a: AuthActor, orgPath: string) =>
  a.roles.some((r) => (r.role === 'TDKT_OFFICER' && r.orgPath === orgPath) || (r.role === 'SYSTEM_ADMIN' && covers(r.orgPath, orgPath)));

/**
 * Who writes a unit's own work of discovering and publicising (exemplary stories, the model
 * register): the organisation's TĐKT officer, the CĐCS officer of exactly that union (the seed asks
 * the CĐCS to discover and foster), or an administrator above it.
 */
export const managesUnitWork = (a: AuthActor, orgPath: string) =>
  managesCouncilOrg(a, orgPath) || a.roles.some((r) => r.role === 'CDCS_OFFICER' && r.orgPath === orgPath);

export const readsCouncilOrg = (a: AuthActor, orgPath: string) => a.roles.some((r) => READ_ROLES.includes(r.role) && covers(r.orgPath, orgPath));

/** The actor's seat on a council (current), if any. */
export async function seatOf(db: DbOrTx, actor: AuthActor, councilId: number): Promise<number | null> {
  if (actor.personId === null) return null;
  const r = await db.execute<{ id: number }>(sql`select id from council_member where council_id = ${councilId} and person_id = ${actor.personId} and left_on is null`);
  return r.rows[0] ? num(r.rows[0].id) : null;
}

export async function findCouncil(db: DbOrTx, id: number, forUpdate = false): Promise<CouncilRow | null> {
  const r = await db.execute<CouncilRow>(sql`${SELECT_COUNCIL} where c.id = ${id} ${forUpdate ? sql`for update of c` : sql``}`);
  const row = r.rows[0];
  return row ? { ...row, id: num(row.id), org_id: num(row.org_id), max_members: num(row.max_members), version: num(row.version) } : null;
}

export async function loadReadableCouncil(db: DbOrTx, actor: AuthActor, id: number, forUpdate = false): Promise<CouncilRow> {
  const c = await findCouncil(db, id, forUpdate);
  if (!c) throw notFound();
  if (readsCouncilOrg(actor, c.org_path)) return c;
  if (actor.personId !== null) {
    const r = await db.execute(sql`select 1 from council_member where council_id = ${id} and person_id = ${actor.personId}`);
    if (r.rows.length > 0) return c;
  }
  throw notFound();
}

async function loadManagedCouncil(db: DbOrTx, actor: AuthActor, id: number, forUpdate = false): Promise<CouncilRow> {
  const c = await loadReadableCouncil(db, actor, id, forUpdate);
  if (!managesCouncilOrg(actor, c.org_path)) throw forbidden();
  return c;
}

// ── Rule text ──────────────────────────────────────────────────────────────────────────────────

export function presentRule(rule: VoteRule, locale: Locale) {
  return { ...rule, source: t(locale, rule.source), text: ruleText(rule, locale, (key, params) => t(locale, key, params)) };
}

export { resolveVoteRule };

// ── Presenting ─────────────────────────────────────────────────────────────────────────────────

async function membersOf(db: DbOrTx, councilIds: number[]): Promise<Map<number, CouncilMemberDto[]>> {
  const out = new Map<number, CouncilMemberDto[]>();
  if (councilIds.length === 0) return out;
  const r = await db.execute<{
    id: number; council_id: number; person_id: number; full_name: string; unit_name: string | null; role: CouncilMemberDto['role'];
    title: string | null; joined_on: string; left_on: string | null; left_reason: string | null; has_account: boolean;
    relations: { id: number; subjectName: string; relation: string }[];
  }>(sql`
    select m.id, m.council_id, m.person_id, p.full_name, o.name as unit_name, m.role, m.title, m.joined_on::text as joined_on,
           m.left_on::text as left_on, m.left_reason,
           exists (select 1 from app_user u where u.person_id = m.person_id and not u.disabled) as has_account,
           coalesce((select jsonb_agg(jsonb_build_object('id', r.id, 'subjectName', coalesce(rp.full_name, ro.name), 'relation', r.relation) order by r.id)
                     from council_relation r left join person rp on rp.id = r.person_id left join organisation ro on ro.id = r.org_id
                     where r.member_id = m.id and r.revoked_at is null), '[]'::jsonb) as relations
    from council_member m join person p on p.id = m.person_id left join organisation o on o.id = p.org_id
    where m.council_id = any(${sql.param(councilIds)}::bigint[])
    order by (m.left_on is not null), array_position(array['CHAIR','VICE_CHAIR','STANDING','MEMBER'], m.role), p.full_name, m.id`);
  for (const m of r.rows) {
    const list = out.get(num(m.council_id)) ?? [];
    list.push({
      id: num(m.id), personId: num(m.person_id), fullName: m.full_name, unitName: m.unit_name, role: m.role, title: m.title,
      joinedOn: m.joined_on, leftOn: m.left_on, leftReason: m.left_reason, hasAccount: m.has_account,
      relations: m.relations.map((x) => ({ ...x, id: num(x.id) })),
    });
    out.set(num(m.council_id), list);
  }
  return out;
}

function councilAbilities(actor: AuthActor, c: CouncilRow): string[] {
  if (!managesCouncilOrg(actor, c.org_path) || c.status !== 'ACTIVE') return [];
  return ['council.update', 'council.members', 'council.end', 'council.meetings'];
}

export async function presentCouncil(db: DbOrTx, actor: AuthActor, c: CouncilRow): Promise<CouncilDto> {
  const members = (await membersOf(db, [c.id])).get(c.id) ?? [];
  return {
    id: c.id, orgId: num(c.org_id), orgName: c.org_name, name: c.name, termLabel: c.term_label, termStartsOn: c.term_starts_on,
    termEndsOn: c.term_ends_on, maxMembers: c.max_members, standingOffice: c.standing_office, regulationRef: c.regulation_ref,
    voteRules: c.vote_rules, status: c.status, endedReason: c.ended_reason, members, version: c.version, abilities: councilAbilities(actor, c),
  };
}

export async function listCouncils(db: DbOrTx, actor: AuthActor, q: { orgId?: number; status?: string; page: number; pageSize: number }) {
  const paths = scopePaths(actor, READ_ROLES);
  const scope = [
    ...paths.map((p) => sql`c.org_path like ${`${p}%`}`),
    ...(actor.personId !== null ? [sql`exists (select 1 from council_member m where m.council_id = c.id and m.person_id = ${actor.personId})`] : []),
  ];
  if (scope.length === 0) return { items: [], total: 0, page: q.page, pageSize: q.pageSize };
  const where = sql.join(
    [sql`(${sql.join(scope, sql` or `)})`, q.orgId ? sql`c.org_id = ${q.orgId}` : sql`true`, q.status ? sql`c.status = ${q.status}` : sql`true`],
    sql` and `,
  );
  const [rows, total] = await Promise.all([
    db.execute<CouncilRow & { member_count: number }>(sql`
      select q.*, (select count(*)::int from council_member m where m.council_id = q.id and m.left_on is null) as member_count
      from (${SELECT_COUNCIL} where ${where} order by c.status, c.term_starts_on desc, c.id desc
            limit ${q.pageSize} offset ${(q.page - 1) * q.pageSize}) q
      order by q.status, q.term_starts_on desc, q.id desc`),
    db.execute<{ n: number }>(sql`select count(*)::int as n from council c where ${where}`),
  ]);
  const items: CouncilSummaryDto[] = rows.rows.map((r) => {
    const c = { ...r, id: num(r.id), org_id: num(r.org_id), max_members: num(r.max_members), version: num(r.version) };
    return {
      id: c.id, orgId: c.org_id, orgName: c.org_name, name: c.name, termLabel: c.term_label, termStartsOn: c.term_starts_on,
      termEndsOn: c.term_ends_on, maxMembers: c.max_members, standingOffice: c.standing_office, regulationRef: c.regulation_ref,
      status: c.status, endedReason: c.ended_reason, version: c.version, abilities: councilAbilities(actor, c), memberCount: num(r.member_count),
    };
  });
  return { items, total: num(total.rows[0]?.n ?? 0), page: q.page, pageSize: q.pageSize };
}

// ── Changes ────────────────────────────────────────────────────────────────────────────────────

export async function createCouncil(app: AppContext, actor: AuthActor, input: CreateCouncilInput): Promise<number> {
  const org = await app.db.execute<{ id: number; path: string; status: string }>(sql`select id, path, status from organisation where id = ${input.orgId}`);
  const o = org.rows[0];
  if (!o || !readsCouncilOrg(actor, o.path)) throw notFound();
  if (!managesCouncilOrg(actor, o.path)) throw forbidden();
  if (o.status !== 'ACTIVE') throw validation('councils.api.orgInactive', {}, { field: 'orgId' });
  if (input.termEndsOn && input.termEndsOn < input.termStartsOn) throw validation('councils.api.termOrder', {}, { field: 'termEndsOn' });
  return app.db.transaction(async (tx) => {
    const existing = await tx.execute(sql`select 1 from council where org_id = ${o.id} and status = 'ACTIVE' for update`);
    if (existing.rows.length > 0) throw conflict('councils.api.alreadyActive');
    const r = await tx.execute<{ id: number }>(sql`
      insert into council (org_id, org_path, name, term_label, term_starts_on, term_ends_on, max_members, standing_office, regulation_ref, vote_rules, created_by)
      values (${o.id}, ${o.path}, ${input.name.normalize('NFC')}, ${input.termLabel.normalize('NFC')}, ${input.termStartsOn}, ${input.termEndsOn ?? null},
              ${input.maxMembers}, ${input.standingOffice ?? null}, ${input.regulationRef ?? null}, ${JSON.stringify(input.voteRules)}::jsonb, ${actor.userId})
      returning id`);
    const id = num(r.rows[0]!.id);
    await audit(tx, actor, [{ action: 'council.create', entityType: 'council', entityId: id, orgId: num(o.id), after: input }]);
    return id;
  });
}

export async function updateCouncil(app: AppContext, actor: AuthActor, id: number, input: UpdateCouncilInput): Promise<void> {
  await app.db.transaction(async (tx) => {
    const c = await loadManagedCouncil(tx, actor, id, true);
    if (c.status !== 'ACTIVE') throw conflict('councils.api.ended');
    if (c.version !== input.version) throw conflict('error.STALE');
    const endsOn = input.termEndsOn === undefined ? c.term_ends_on : input.termEndsOn;
    if (endsOn && endsOn < c.term_starts_on) throw validation('councils.api.termOrder', {}, { field: 'termEndsOn' });
    if (input.maxMembers !== undefined) {
      const n = await tx.execute<{ n: number }>(sql`select count(*)::int as n from council_member where council_id = ${id} and left_on is null`);
      if (num(n.rows[0]!.n) > input.maxMembers) throw validation('councils.api.maxBelowMembers', { count: num(n.rows[0]!.n) }, { field: 'maxMembers' });
    }
    await tx.execute(sql`
      update council set
        name = ${input.name?.normalize('NFC') ?? c.name},
        term_label = ${input.termLabel?.normalize('NFC') ?? c.term_label},
        term_ends_on = ${endsOn},
        max_members = ${input.maxMembers ?? c.max_members},
        standing_office = ${input.standingOffice === undefined ? c.standing_office : input.standingOffice},
        regulation_ref = ${input.regulationRef === undefined ? c.regulation_ref : input.regulationRef},
        vote_rules = ${JSON.stringify(input.voteRules ?? c.vote_rules)}::jsonb,
        version = version + 1
      where id = ${id}`);
    await audit(tx, actor, [{ action: 'council.update', entityType: 'council', entityId: id, orgId: c.org_id, before: c, after: input }]);
  });
}

export async function endCouncil(app: AppContext, actor: AuthActor, id: number, reason: string): Promise<void> {
  await app.db.transaction(async (tx) => {
    const c = await loadManagedCouncil(tx, actor, id, true);
    if (c.status !== 'ACTIVE') throw conflict('councils.api.ended');
    const open = await tx.execute(sql`select 1 from council_meeting where council_id = ${id} and status in ('SCHEDULED','OPEN') limit 1`);
    if (open.rows.length > 0) throw conflict('councils.api.meetingsOpen');
    await tx.execute(sql`update council set status = 'ENDED', ended_reason = ${reason}, term_ends_on = coalesce(term_ends_on, ${todayInVietnam()}::date), version = version + 1 where id = ${id}`);
    await audit(tx, actor, [{ action: 'council.end', entityType: 'council', entityId: id, orgId: c.org_id, after: { reason } }]);
  });
}

/**
 * Whether an item of a meeting of the council is being voted on. The live items (PENDING or VOTING) are
 * share-locked, so that a vote opened at the same time either is seen here as VOTING, or waits for this
 * transaction and then counts the seats it changed.
 */
async function votingUnderWay(tx: DbOrTx, councilId: number): Promise<boolean> {
  const r = await tx.execute<{ status: string }>(sql`
    select i.status from meeting_item i join council_meeting mt on mt.id = i.meeting_id
    where mt.council_id = ${councilId} and i.status in ('PENDING','VOTING') order by i.id for share of i`);
  return r.rows.some((i) => i.status === 'VOTING');
}

export async function addCouncilMember(app: AppContext, actor: AuthActor, id: number, input: AddCouncilMemberInput): Promise<void> {
  await app.db.transaction(async (tx) => {
    const c = await loadManagedCouncil(tx, actor, id, true);
    if (c.status !== 'ACTIVE') throw conflict('councils.api.ended');
    // The seats are frozen while a vote runs: its members total, quorum and thresholds were taken when it opened.
    if (await votingUnderWay(tx, id)) throw conflict('councils.api.votingInProgress');
    const p = await tx.execute<{ id: number; full_name: string; status: string; org_path: string | null }>(
      sql`select id, full_name, status, org_path from person where id = ${input.personId}`,
    );
    const person = p.rows[0];
    if (!person || person.status !== 'ACTIVE' || person.org_path === null || !covers(c.org_path, person.org_path)) {
      throw validation('councils.api.personOutside', {}, { field: 'personId' });
    }
    const seats = await tx.execute<{ person_id: number; role: string }>(sql`select person_id, role from council_member where council_id = ${id} and left_on is null`);
    if (seats.rows.some((s) => num(s.person_id) === input.personId)) throw conflict('councils.api.alreadyMember', { name: person.full_name });
    if (seats.rows.length >= c.max_members) throw conflict('councils.api.full', { max: c.max_members });
    if (input.role === 'CHAIR' && seats.rows.some((s) => s.role === 'CHAIR')) throw conflict('councils.api.chairTaken');
    const joinedOn = input.joinedOn ?? todayInVietnam();
    const r = await tx.execute<{ id: number }>(sql`
      insert into council_member (council_id, person_id, role, title, joined_on)
      values (${id}, ${input.personId}, ${input.role}, ${input.title?.normalize('NFC') ?? null}, ${joinedOn}) returning id`);
    await audit(tx, actor, [{ action: 'council.member.add', entityType: 'council_member', entityId: num(r.rows[0]!.id), orgId: c.org_id, after: { councilId: id, ...input, joinedOn } }]);
  });
}

export async function endCouncilMember(app: AppContext, actor: AuthActor, id: number, memberId: number, reason: string, leftOn?: string): Promise<void> {
  await app.db.transaction(async (tx) => {
    const c = await loadManagedCouncil(tx, actor, id, true);
    const m = await tx.execute<{ id: number; joined_on: string }>(
      sql`select id, joined_on::text as joined_on from council_member where id = ${memberId} and council_id = ${id} and left_on is null for update`,
    );
    if (!m.rows[0]) throw notFound();
    const day = leftOn ?? todayInVietnam();
    if (day < m.rows[0].joined_on) throw validation('councils.api.leftBeforeJoined', {}, { field: 'leftOn' });
    const voting = await tx.execute(sql`
      select 1 from meeting_item i join council_meeting mt on mt.id = i.meeting_id
      where mt.council_id = ${id} and i.status = 'VOTING' limit 1`);
    if (voting.rows.length > 0) throw conflict('councils.api.votingInProgress');
    await tx.execute(sql`update council_member set left_on = ${day}, left_reason = ${reason} where id = ${memberId}`);
    await audit(tx, actor, [{ action: 'council.member.end', entityType: 'council_member', entityId: memberId, orgId: c.org_id, after: { reason, leftOn: day } }]);
  });
}

export async function declareRelation(app: AppContext, actor: AuthActor, id: number, memberId: number, input: { personId?: number; orgId?: number; relation: string }): Promise<void> {
  await app.db.transaction(async (tx) => {
    const c = await loadReadableCouncil(tx, actor, id, true);
    const m = await tx.execute<{ id: number; person_id: number }>(sql`select id, person_id from council_member where id = ${memberId} and council_id = ${id} and left_on is null`);
    const seat = m.rows[0];
    if (!seat) throw notFound();
    // The member declares for themselves; the standing office records what a member declared on paper.
    if (!managesCouncilOrg(actor, c.org_path) && actor.personId !== num(seat.person_id)) throw forbidden();
    const exists = input.personId
      ? await tx.execute(sql`select 1 from person where id = ${input.personId}`)
      : await tx.execute(sql`select 1 from organisation where id = ${input.orgId!}`);
    if (exists.rows.length === 0) throw validation('councils.api.relationSubject', {}, { field: input.personId ? 'personId' : 'orgId' });
    const r = await tx.execute<{ id: number }>(sql`
      insert into council_relation (member_id, person_id, org_id, relation) values (${memberId}, ${input.personId ?? null}, ${input.orgId ?? null}, ${input.relation.normalize('NFC')}) returning id`);
    await audit(tx, actor, [{ action: 'council.relation.declare', entityType: 'council_relation', entityId: num(r.rows[0]!.id), orgId: c.org_id, after: { memberId, ...input } }]);
  });
}

/** Nominations sent to this council (TO_COUNCIL, held by its organisation) and not on a live agenda. */
export async function waitingNominations(db: DbOrTx, actor: AuthActor, locale: Locale, id: number, q: { page: number; pageSize: number }) {
  const c = await loadReadableCouncil(db, actor, id);
  const where = sql`n.status = 'TO_COUNCIL' and n.holder_org_id = ${c.org_id}
    and not exists (select 1 from meeting_item i join council_meeting m on m.id = i.meeting_id
                    where i.nomination_id = n.id and i.status in ('PENDING','VOTING') and m.status in ('SCHEDULED','OPEN'))`;
  const [rows, total] = await Promise.all([
    db.execute<{ id: number; subject_name: string; unit_name: string | null; award_code: string; award_name: string; eligibility_status: string }>(sql`
      select n.id, n.subject_name, o.name as unit_name, n.award_code, ${locale === 'en' ? sql`a.name_en` : sql`a.name_vi`} as award_name, n.eligibility_status
      from nomination n join award_type a on a.code = n.award_code left join organisation o on o.path = n.subject_path
      where ${where} order by a.sort_order, n.subject_name, n.id limit ${q.pageSize} offset ${(q.page - 1) * q.pageSize}`),
    db.execute<{ n: number }>(sql`select count(*)::int as n from nomination n where ${where}`),
  ]);
  return {
    items: rows.rows.map((r) => ({ id: num(r.id), subjectName: r.subject_name, unitName: r.unit_name, awardCode: r.award_code, awardName: r.award_name, eligibilityStatus: r.eligibility_status })),
    total: num(total.rows[0]?.n ?? 0),
    page: q.page,
    pageSize: q.pageSize,
  };
}
