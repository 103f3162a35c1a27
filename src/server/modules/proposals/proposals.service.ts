// "Good person, good deed" proposals (người tốt, việc tốt). Anyone proposes someone from the public
// form of an organisation's site (no login, rate-limited per client address, a reference code for the
// status page), or a logged-in member from their portal (their CĐCS receives it). The organisation's
// officers review it: link the member on record it is about, turn it into a story draft (the proposer
// is credited as the one who discovered the model), into an existing nomination, or decline it with
// a reason. Nothing is deleted; each step writes an audit event in the same transaction. The
// proposer's contact is shown only to those who manage the organisation.
import { sql, type SQL } from 'drizzle-orm';
import type { DbOrTx, Tx } from '../../db/client';
import type { AppContext } from '../../lib/context';
import type { AuthActor } from '../../lib/actor';
import {
  MEMBER_PROPOSAL_LIMITS, PROPOSAL_LIMITS, type MemberProposalInput, type ProposalDto, type ProposalStatus, type ProposalSummaryDto, type PublicProposalInput, type PublicProposalStatus,
} from '../../../contracts/proposals';
import { audit, type Actor, type AuditInput } from '../../lib/audit';
import { AppError, conflict, forbidden, notFound, validation } from '../../lib/errors';
import { covers, MANAGE_ROLES, READ_ROLES, scopePaths } from '../../lib/policy';
import { clientHash, guardSender, referenceCode } from '../../lib/public-forms';
import { todayInVietnam } from '../imports/xlsx/validate-member-row';

const num = (v: unknown) => Number(v);
const numOrNull = (v: unknown) => (v === null || v === undefined ? null : Number(v));
const REFERENCE_PREFIX = 'NTVT';

type ProposalRow = {
  id: number; reference_code: string; org_id: number; org_path: string; org_name: string; channel: ProposalDto['channel'];
  proposer_name: string; proposer_contact: string; proposer_person_id: number | null; subject_name: string; subject_unit: string | null;
  person_id: number | null; person_name: string | null; story: string; status: ProposalStatus; review_note: string | null; reviewed_at: string | null;
  story_id: number | null; nomination_id: number | null; received_on: string; version: number;
};

const SELECT = sql`
  select g.id, g.reference_code, g.org_id, g.org_path, o.name as org_name, g.channel, g.proposer_name, g.proposer_contact, g.proposer_person_id,
         g.subject_name, g.subject_unit, g.person_id, p.full_name as person_name, g.story, g.status, g.review_note,
         to_json(g.reviewed_at)#>>'{}' as reviewed_at, g.story_id, g.nomination_id, (g.created_at at time zone 'Asia/Ho_Chi_Minh')::date::text as received_on, g.version
  from good_deed_proposal g join organisation o on o.id = g.org_id left join person p on p.id = g.person_id`;

/** Readers: any reading role over the organisation; reviewers: a managing role over it. */
const inScope = (actor: AuthActor, roles: typeof READ_ROLES, path: string) => scopePaths(actor, roles).some((p) => covers(p, path));
const reads = (actor: AuthActor, path: string) => inScope(actor, READ_ROLES, path);
const manages = (actor: AuthActor, path: string) => inScope(actor, MANAGE_ROLES, path);

async function loadReadable(db: DbOrTx, actor: AuthActor, id: number, forUpdate = false): Promise<ProposalRow> {
  const r = await db.execute<ProposalRow>(sql`${SELECT} where g.id = ${id} ${forUpdate ? sql`for update of g` : sql``}`);
  const g = r.rows[0];
  if (!g || !reads(actor, g.org_path)) throw notFound();
  return g;
}

/** A proposal still to be reviewed, locked, at the version the officer saw (403 for readers who do not manage it). */
async function loadReviewable(tx: Tx, actor: AuthActor, id: number, version: number): Promise<ProposalRow> {
  const g = await loadReadable(tx, actor, id, true);
  if (!manages(actor, g.org_path)) throw forbidden();
  if (num(g.version) !== version) throw conflict();
  if (g.status !== 'RECEIVED') throw conflict('proposals.api.reviewed');
  return g;
}

function present(actor: AuthActor, g: ProposalRow): ProposalDto {
  const handles = manages(actor, g.org_path);
  return {
    id: num(g.id), referenceCode: g.reference_code, orgId: num(g.org_id), orgName: g.org_name, channel: g.channel,
    proposer: { name: g.proposer_name, contact: handles ? g.proposer_contact : null, personId: numOrNull(g.proposer_person_id) },
    subjectName: g.subject_name, subjectUnit: g.subject_unit, person: g.person_id === null ? null : { id: num(g.person_id), name: g.person_name ?? '' },
    story: g.story, status: g.status, reviewNote: g.review_note, reviewedAt: g.reviewed_at, storyId: numOrNull(g.story_id), nominationId: numOrNull(g.nomination_id),
    receivedOn: g.received_on, version: num(g.version),
    abilities: handles && g.status === 'RECEIVED' ? ['proposal.link', 'proposal.story', 'proposal.nominate', 'proposal.decline'] : [],
  };
}

export async function getProposal(db: DbOrTx, actor: AuthActor, id: number): Promise<ProposalDto> {
  return present(actor, await loadReadable(db, actor, id));
}

/** A proposal the actor made themselves (a member may not read the organisation's other proposals). */
export async function getOwnProposal(db: DbOrTx, actor: AuthActor, id: number): Promise<ProposalDto> {
  const r = await db.execute<ProposalRow>(sql`${SELECT} where g.id = ${id} and g.proposer_person_id = ${actor.personId}`);
  if (!r.rows[0]) throw notFound();
  return present(actor, r.rows[0]);
}

/** The proposals received by the organisations in scope, those to review first, newest first. */
export async function listProposals(db: DbOrTx, actor: AuthActor, q: { orgId?: number; status?: ProposalStatus; page: number; pageSize: number }) {
  const paths = scopePaths(actor, READ_ROLES);
  if (paths.length === 0) throw forbidden();
  const where = sql.join(
    [
      sql`(${sql.join(paths.map((p) => sql`g.org_path like ${`${p}%`}`), sql` or `)})`,
      q.orgId ? sql`g.org_id = ${q.orgId}` : sql`true`,
      q.status ? sql`g.status = ${q.status}` : sql`true`,
    ],
    sql` and `,
  );
  const order = sql`(g.status = 'RECEIVED') desc, g.created_at desc, g.id desc`;
  const [rows, total] = await Promise.all([
    // The page is cut on the proposal table alone, then joined: the offset skips narrow rows.
    db.execute<ProposalRow>(sql`
      ${SELECT} where g.id in (select g.id from good_deed_proposal g where ${where} order by ${order} limit ${q.pageSize} offset ${(q.page - 1) * q.pageSize})
      order by ${order}`),
    db.execute<{ n: number }>(sql`select count(*)::int as n from good_deed_proposal g where ${where}`),
  ]);
  const items: ProposalSummaryDto[] = rows.rows.map((r) => {
    const { story: _story, ...summary } = present(actor, r);
    return summary;
  });
  return { items, total: num(total.rows[0]?.n ?? 0), page: q.page, pageSize: q.pageSize };
}

// ── Intake ─────────────────────────────────────────────────────────────────────────────────────

type Intake = { proposerName: string; proposerContact: string; subjectName: string; subjectUnit?: string; story: string };

async function insertProposal(
  tx: Tx,
  org: { id: number; path: string },
  input: Intake,
  meta: { channel: 'PUBLIC' | 'MEMBER'; proposerPersonId: number | null; clientHash: string | null; actor: Actor },
): Promise<{ id: number; referenceCode: string }> {
  const year = todayInVietnam().slice(0, 4);
  for (let attempt = 0; ; attempt++) {
    const code = referenceCode(REFERENCE_PREFIX, year);
    const r = await tx.execute<{ id: number }>(sql`
      insert into good_deed_proposal (reference_code, org_id, org_path, channel, proposer_name, proposer_contact, proposer_person_id, subject_name, subject_unit, story, client_hash)
      values (${code}, ${org.id}, ${org.path}, ${meta.channel}, ${input.proposerName.normalize('NFC')}, ${input.proposerContact.trim().normalize('NFC')}, ${meta.proposerPersonId},
              ${input.subjectName.normalize('NFC')}, ${input.subjectUnit?.normalize('NFC') || null}, ${input.story.normalize('NFC')}, ${meta.clientHash})
      on conflict (reference_code) do nothing returning id`);
    const made = r.rows[0];
    if (made) {
      // The audit event names the proposal only: the proposer's identity stays in the proposal row.
      await audit(tx, meta.actor, [{ action: 'proposal.receive', entityType: 'good_deed_proposal', entityId: num(made.id), orgId: org.id, after: { channel: meta.channel, referenceCode: code } }]);
      return { id: num(made.id), referenceCode: code };
    }
    if (attempt > 5) throw new Error('could not allocate a proposal reference');
  }
}

/** The public form of an organisation's site: no login, rate-limited per client address. */
export async function receivePublicProposal(app: AppContext, orgCode: string, input: PublicProposalInput, address: string): Promise<{ referenceCode: string; receivedOn: string }> {
  const hash = clientHash(app.sessionKey, 'good-deeds', address);
  return app.db.transaction(async (tx) => {
    const o = await tx.execute<{ id: number; path: string }>(sql`select id, path from organisation where code = ${orgCode} and status = 'ACTIVE'`);
    const org = o.rows[0];
    if (!org) throw notFound();
    await guardSender(tx, 'good_deed_proposal', hash, PROPOSAL_LIMITS, { hour: 'proposals.api.rateLimitedHour', day: 'proposals.api.rateLimitedDay' });
    const made = await insertProposal(tx, { id: num(org.id), path: org.path }, input, { channel: 'PUBLIC', proposerPersonId: null, clientHash: hash, actor: { userId: null } });
    return { referenceCode: made.referenceCode, receivedOn: todayInVietnam() };
  });
}

/** A logged-in member's proposal: their CĐCS receives it; their name and contact come from their record when left out. */
export async function receiveMemberProposal(app: AppContext, actor: AuthActor, input: MemberProposalInput): Promise<number> {
  if (actor.personId === null) throw new AppError('FORBIDDEN', 'proposals.api.noPerson');
  const personId = actor.personId;
  return app.db.transaction(async (tx) => {
    const r = await tx.execute<{ full_name: string; phone: string | null; email: string | null; org_id: number | null; org_path: string | null; cdcs_id: number | null; cdcs_path: string | null }>(sql`
      select p.full_name, p.phone, p.email, p.org_id, p.org_path, c.id as cdcs_id, c.path as cdcs_path
      from person p left join lateral (
        select o.id, o.path from organisation o where o.kind = 'CDCS' and p.org_path like o.path || '%' order by length(o.path) desc limit 1) c on true
      where p.id = ${personId} and p.status = 'ACTIVE'`);
    const p = r.rows[0];
    if (!p || p.org_id === null || p.org_path === null) throw new AppError('FORBIDDEN', 'proposals.api.noPerson');
    const contact = input.proposerContact ?? p.phone ?? p.email;
    if (!contact) throw validation('proposals.api.contactMissing', {}, { field: 'proposerContact' });
    const org = p.cdcs_id !== null && p.cdcs_path !== null ? { id: num(p.cdcs_id), path: p.cdcs_path } : { id: num(p.org_id), path: p.org_path };
    // Members are counted by who they are, not by address.
    const hash = clientHash(app.sessionKey, 'good-deeds-member', `person:${personId}`);
    await guardSender(tx, 'good_deed_proposal', hash, MEMBER_PROPOSAL_LIMITS, { hour: 'proposals.api.memberRateLimitedHour', day: 'proposals.api.memberRateLimitedDay' });
    const made = await insertProposal(tx, org, { ...input, proposerName: input.proposerName ?? p.full_name, proposerContact: contact }, {
      channel: 'MEMBER', proposerPersonId: personId, clientHash: hash, actor,
    });
    return made.id;
  });
}

// ── Review ─────────────────────────────────────────────────────────────────────────────────────

async function reviewed(tx: Tx, actor: AuthActor, g: ProposalRow, set: SQL, action: string, after: Record<string, unknown>, more: AuditInput[] = []): Promise<void> {
  await tx.execute(sql`update good_deed_proposal set ${set}, version = version + 1 where id = ${g.id}`);
  await audit(tx, actor, [{ action: `proposal.${action}`, entityType: 'good_deed_proposal', entityId: num(g.id), orgId: num(g.org_id), after }, ...more]);
}

/** Links (or unlinks with null) the member on record the proposal is about: a person of the organisation's subtree. */
export async function linkProposalPerson(app: AppContext, actor: AuthActor, id: number, input: { version: number; personId: number | null }): Promise<void> {
  await app.db.transaction(async (tx) => {
    const g = await loadReviewable(tx, actor, id, input.version);
    if (input.personId !== null) {
      const p = await tx.execute(sql`select 1 from person p where p.id = ${input.personId} and p.org_path like ${`${g.org_path}%`}`);
      if (p.rows.length === 0) throw validation('proposals.api.personOutside', {}, { field: 'personId' });
    }
    await reviewed(tx, actor, g, sql`person_id = ${input.personId}`, 'link', { personId: input.personId });
  });
}

/** Turns the proposal into a story draft of the organisation, crediting the proposer as its discoverer. */
export async function proposalIntoStory(app: AppContext, actor: AuthActor, id: number, input: { version: number }): Promise<number> {
  return app.db.transaction(async (tx) => {
    const g = await loadReviewable(tx, actor, id, input.version);
    const s = await tx.execute<{ id: number }>(sql`
      insert into story (org_id, org_path, subject_kind, person_id, subject_name, subject_unit, title, slug, summary, body, proposal_id, created_by)
      select g.org_id, g.org_path, 'PERSON', g.person_id, coalesce(p.full_name, g.subject_name), coalesce(g.subject_unit, u.name),
             coalesce(p.full_name, g.subject_name), ${`de-xuat-${g.reference_code.toLowerCase()}`}, left(g.story, ${PROPOSAL_LIMITS.summaryMax}), g.story, g.id, ${actor.userId}
      from good_deed_proposal g left join person p on p.id = g.person_id left join organisation u on u.id = p.org_id
      where g.id = ${g.id}
      returning id`);
    const storyId = num(s.rows[0]!.id);
    await tx.execute(sql`
      insert into story_credit (story_id, person_id, name, role, created_by)
      values (${storyId}, ${g.proposer_person_id}, ${g.proposer_person_id === null ? g.proposer_name : null}, 'DISCOVERED', ${actor.userId})`);
    await reviewed(tx, actor, g, sql`status = 'STORY', story_id = ${storyId}, reviewed_by = ${actor.userId}, reviewed_at = now()`, 'story', { storyId }, [
      { action: 'story.create', entityType: 'story', entityId: storyId, orgId: num(g.org_id), after: { proposalId: num(g.id), status: 'DRAFT' } },
    ]);
    return storyId;
  });
}

/**
 * Joins the proposal to an existing nomination held, proposed or about someone in the organisation's
 * subtree (or held above it); when a member is linked, the nomination must be theirs.
 */
export async function proposalIntoNomination(app: AppContext, actor: AuthActor, id: number, input: { version: number; nominationId: number }): Promise<void> {
  await app.db.transaction(async (tx) => {
    const g = await loadReviewable(tx, actor, id, input.version);
    const n = await tx.execute<{ person_id: number | null }>(sql`
      select n.person_id from nomination n where n.id = ${input.nominationId}
        and (n.subject_path like ${`${g.org_path}%`} or n.proposer_path like ${`${g.org_path}%`} or n.holder_path like ${`${g.org_path}%`} or ${g.org_path} like n.holder_path || '%')`);
    const nomination = n.rows[0];
    if (!nomination) throw validation('proposals.api.nominationOutside', {}, { field: 'nominationId' });
    if (g.person_id !== null && numOrNull(nomination.person_id) !== num(g.person_id)) throw validation('proposals.api.nominationOtherPerson', {}, { field: 'nominationId' });
    const personId = g.person_id ?? nomination.person_id;
    await reviewed(tx, actor, g, sql`status = 'NOMINATED', nomination_id = ${input.nominationId}, person_id = ${personId}, reviewed_by = ${actor.userId}, reviewed_at = now()`, 'nominate', {
      nominationId: input.nominationId,
    });
  });
}

export async function declineProposal(app: AppContext, actor: AuthActor, id: number, input: { version: number; reason: string }): Promise<void> {
  await app.db.transaction(async (tx) => {
    const g = await loadReviewable(tx, actor, id, input.version);
    const reason = input.reason.normalize('NFC');
    await reviewed(tx, actor, g, sql`status = 'DECLINED', review_note = ${reason}, reviewed_by = ${actor.userId}, reviewed_at = now()`, 'decline', { reason });
  });
}

/** The proposer's status page by reference code: the status only, nothing personal and nothing of the story. */
export async function publicProposalStatus(db: DbOrTx, code: string): Promise<PublicProposalStatus | null> {
  const r = await db.execute<ProposalRow>(sql`${SELECT} where g.reference_code = ${code.toUpperCase()}`);
  const g = r.rows[0];
  return g ? { referenceCode: g.reference_code, orgName: g.org_name, receivedOn: g.received_on, status: g.status } : null;
}
