// Exemplary stories (gương điển hình tiên tiến, người tốt việc tốt): written by the managers of an
// organisation about a member, a collective or a named person, linked to the movement and the
// decision that recognised them, reviewed, and published on the organisation's public site only
// once the subject's consent is recorded and nothing personal (identity number, phone, email, the
// subject's recorded address) is left in the title, summary, text, photo captions or alt texts.
// Readers in scope read; nothing is deleted (photos and credits are revoked with a reason); every
// change writes an audit event in the same transaction.
import { sql, type SQL } from 'drizzle-orm';
import type { DbOrTx, Tx } from '../../db/client';
import type { AppContext } from '../../lib/context';
import type { AuthActor } from '../../lib/actor';
import type { StoredFile } from '../../lib/files';
import {
  STORY_LIMITS, type CreateStoryInput, type CreditListItemDto, type PersonalDataFindingDto, type StoryCreditDto, type StoryCreditInput, type StoryDto, type StoryPhotoDto, type StorySummaryDto, type UpdateStoryInput,
} from '../../../contracts/stories';
import { t } from '../../../contracts/messages';
import { audit, type AuditInput } from '../../lib/audit';
import { conflict, forbidden, notFound, validation } from '../../lib/errors';
import { READ_ROLES, scopePaths } from '../../lib/policy';
import { todayInVietnam } from '../imports/xlsx/validate-member-row';
import { managesUnitWork, readsCouncilOrg } from '../councils/councils.service';
import { canDo, storyActions, STORY_TRANSITIONS, type StoryAction, type StoryStatus } from '../../../domain/stories/workflow';
import { findPersonalData, maskFinding, type KnownPersonalData } from '../../../domain/stories/personal-data';
import { slugCandidate, slugify } from '../../../domain/stories/slug';

const num = (v: unknown) => Number(v);
const numOrNull = (v: unknown) => (v === null || v === undefined ? null : Number(v));

type StoryRow = {
  id: number; org_id: number; org_path: string; org_code: string; org_name: string; subject_kind: StoryDto['subjectKind']; person_id: number | null; subject_org_id: number | null;
  subject_name: string; subject_unit: string | null; title: string; slug: string; summary: string; body: string; movement_id: number | null; movement_title: string | null;
  decision_id: number | null; decision_number: string | null; model_id: number | null; model_name: string | null; status: StoryStatus; consent_on: string | null; consent_method: NonNullable<StoryDto['consent']>['method'] | null;
  consent_note: string | null; consent_by: string | null; review_note: string | null; withdrawn_reason: string | null; submitted_at: string | null; published_at: string | null;
  updated_at: string; photo_count: number; version: number;
};

const COLUMNS = sql`
  s.id, s.org_id, s.org_path, o.code as org_code, o.name as org_name, s.subject_kind, s.person_id, s.subject_org_id, s.subject_name, s.subject_unit, s.title, s.slug,
  s.summary, s.body, s.movement_id, m.title as movement_title, s.decision_id,
  case when d.number is null then null else lpad(d.number::text, 2, '0') || '/' || d.symbol end as decision_number, s.model_id, em.name as model_name,
  s.status, s.consent_on::text as consent_on, s.consent_method, s.consent_note, cu.display_name as consent_by, s.review_note, s.withdrawn_reason,
  to_json(s.submitted_at)#>>'{}' as submitted_at, to_json(s.published_at)#>>'{}' as published_at, to_json(s.updated_at)#>>'{}' as updated_at,
  (select count(*) from story_photo p where p.story_id = s.id and p.status = 'ACTIVE')::int as photo_count, s.version`;
const FROM = sql`
  from story s join organisation o on o.id = s.org_id left join movement m on m.id = s.movement_id left join decision d on d.id = s.decision_id
  left join exemplary_model em on em.id = s.model_id left join app_user cu on cu.id = s.consent_recorded_by`;

async function findStory(db: DbOrTx, id: number, forUpdate = false): Promise<StoryRow | null> {
  const r = await db.execute<StoryRow>(sql`select ${COLUMNS} ${FROM} where s.id = ${id} ${forUpdate ? sql`for update of s` : sql``}`);
  return r.rows[0] ?? null;
}

/** A story the actor reads (404 outside their scope, as if it did not exist). */
export async function loadReadableStory(db: DbOrTx, actor: AuthActor, id: number, forUpdate = false): Promise<StoryRow> {
  const s = await findStory(db, id, forUpdate);
  if (!s || !readsCouncilOrg(actor, s.org_path)) throw notFound();
  return s;
}

/** A story the actor manages, locked; `version` when the change is to the story itself. */
async function loadManaged(tx: Tx, actor: AuthActor, id: number, version: number | null, action: StoryAction): Promise<StoryRow> {
  const s = await loadReadableStory(tx, actor, id, true);
  if (!managesUnitWork(actor, s.org_path)) throw forbidden();
  if (version !== null && num(s.version) !== version) throw conflict();
  if (!canDo(s.status, action)) throw conflict(`stories.api.notIn.${action}`);
  return s;
}

// ── Personal data ──────────────────────────────────────────────────────────────────────────────

type PhotoRow = { id: number; story_id: number; position: number; alt_text: string; caption: string | null; width: number; height: number; size_bytes: number; status: 'ACTIVE' | 'REVOKED'; revoked_reason: string | null; uploaded_at: string };

async function photosOf(db: DbOrTx, storyId: number): Promise<PhotoRow[]> {
  const r = await db.execute<PhotoRow>(sql`
    select id, story_id, position, alt_text, caption, width, height, size_bytes, status, revoked_reason, to_json(uploaded_at)#>>'{}' as uploaded_at
    from story_photo where story_id = ${storyId} order by (status = 'ACTIVE') desc, position, id`);
  return r.rows;
}

async function knownOf(db: DbOrTx, personId: number | null): Promise<KnownPersonalData> {
  if (personId === null) return {};
  const r = await db.execute<{ cccd: string | null; phone: string | null; email: string | null }>(sql`select cccd, phone, email from person where id = ${personId}`);
  return r.rows[0] ?? {};
}

/** Everything personal left in what the public site would show (title, summary, text, unit, photo captions and alt texts). */
export function personalDataIn(s: Pick<StoryRow, 'title' | 'summary' | 'body' | 'subject_unit'>, photos: Pick<PhotoRow, 'position' | 'alt_text' | 'caption' | 'status'>[], known: KnownPersonalData): PersonalDataFindingDto[] {
  const parts: { field: string; text: string | null }[] = [
    { field: 'title', text: s.title },
    { field: 'subjectUnit', text: s.subject_unit },
    { field: 'summary', text: s.summary },
    { field: 'body', text: s.body },
  ];
  photos.filter((p) => p.status === 'ACTIVE').forEach((p, i) => parts.push({ field: `photo.${i + 1}.altText`, text: p.alt_text }, { field: `photo.${i + 1}.caption`, text: p.caption }));
  return parts.flatMap(({ field, text }) => (text ? findPersonalData(text, known).map((f) => ({ kind: f.kind, field, excerpt: maskFinding(f) })) : []));
}

/** "số điện thoại trong nội dung (09•••••678)" — the Vietnamese list of findings for the refusal message. */
function findingsText(findings: PersonalDataFindingDto[]): string {
  return findings
    .map((f) => {
      const photo = /^photo\.(\d+)\.(altText|caption)$/.exec(f.field);
      const where = photo ? t('vi', `stories.field.photo.${photo[2] as 'altText' | 'caption'}`, { n: photo[1]! }) : t('vi', `stories.field.${f.field as 'title' | 'summary' | 'body' | 'subjectUnit'}`);
      return t('vi', 'stories.api.finding', { kind: t('vi', `stories.personalData.${f.kind}`), where, excerpt: f.excerpt });
    })
    .join('; ');
}

// ── Presenting ─────────────────────────────────────────────────────────────────────────────────

const photoDto = (p: PhotoRow): StoryPhotoDto => ({
  id: num(p.id), position: num(p.position), altText: p.alt_text, caption: p.caption, width: num(p.width), height: num(p.height), sizeBytes: num(p.size_bytes),
  status: p.status, revokedReason: p.revoked_reason, uploadedAt: p.uploaded_at,
});

type CreditRow = { id: number; story_id: number; story_title: string; org_id: number; org_name: string; person_id: number | null; name: string; role: StoryCreditDto['role']; note: string | null; status: 'ACTIVE' | 'REVOKED'; revoked_reason: string | null; created_at: string };
const CREDIT_SELECT = sql`
  select c.id, c.story_id, s.title as story_title, s.org_id, o.name as org_name, c.person_id, coalesce(p.full_name, c.name) as name, c.role, c.note, c.status, c.revoked_reason,
         to_json(c.created_at)#>>'{}' as created_at
  from story_credit c join story s on s.id = c.story_id join organisation o on o.id = s.org_id left join person p on p.id = c.person_id`;
const creditDto = (c: CreditRow): StoryCreditDto => ({
  id: num(c.id), storyId: num(c.story_id), storyTitle: c.story_title, orgId: num(c.org_id), orgName: c.org_name, personId: numOrNull(c.person_id), name: c.name, role: c.role,
  note: c.note, status: c.status, revokedReason: c.revoked_reason, createdAt: c.created_at,
});

function summaryOf(s: StoryRow): StorySummaryDto {
  return {
    id: num(s.id), orgId: num(s.org_id), orgCode: s.org_code, orgName: s.org_name, subjectKind: s.subject_kind, subjectName: s.subject_name, subjectUnit: s.subject_unit,
    title: s.title, slug: s.slug, status: s.status, consentRecorded: s.consent_on !== null, photoCount: num(s.photo_count), publishedAt: s.published_at, updatedAt: s.updated_at,
  };
}

export async function getStory(db: DbOrTx, actor: AuthActor, id: number): Promise<StoryDto> {
  const s = await loadReadableStory(db, actor, id);
  const manages = managesUnitWork(actor, s.org_path);
  const [photos, credits, known] = await Promise.all([photosOf(db, s.id), db.execute<CreditRow>(sql`${CREDIT_SELECT} where c.story_id = ${s.id} order by (c.status = 'ACTIVE') desc, c.id`), knownOf(db, numOrNull(s.person_id))]);
  return {
    ...summaryOf(s),
    personId: numOrNull(s.person_id), subjectOrgId: numOrNull(s.subject_org_id), summary: s.summary, body: s.body, movementId: numOrNull(s.movement_id), movementTitle: s.movement_title,
    decisionId: numOrNull(s.decision_id), decisionNumber: s.decision_number, modelId: numOrNull(s.model_id), modelName: s.model_name,
    consent: s.consent_on && s.consent_method ? { on: s.consent_on, method: s.consent_method, note: s.consent_note, recordedBy: s.consent_by } : null,
    reviewNote: s.review_note, withdrawnReason: s.withdrawn_reason, submittedAt: s.submitted_at,
    personalData: manages ? personalDataIn(s, photos, known) : [],
    photos: photos.map(photoDto), credits: credits.rows.map(creditDto), version: num(s.version),
    abilities: manages ? storyActions(s.status).map((a) => `story.${a}`) : [],
  };
}

/** The stories of the organisations in scope, paged on the server; `q` ignores case and diacritics. */
export async function listStories(db: DbOrTx, actor: AuthActor, q: { orgId?: number; status?: StoryStatus; q?: string; page: number; pageSize: number }) {
  const paths = scopePaths(actor, READ_ROLES);
  const empty = { items: [] as StorySummaryDto[], total: 0, page: q.page, pageSize: q.pageSize, counts: {} as Record<string, number> };
  if (paths.length === 0) return empty;
  const base: SQL[] = [
    sql`(${sql.join(paths.map((p) => sql`s.org_path like ${`${p}%`}`), sql` or `)})`,
    q.orgId ? sql`s.org_id = ${q.orgId}` : sql`true`,
    // unaccent() rather than vd_fold(): story has no folded column, and translate() over the whole
    // Vietnamese map costs ~0.15 ms a row (3 s over 20,000 stories) where unaccent costs microseconds.
    q.q ? sql`lower(unaccent(s.title || ' ' || s.subject_name)) like '%' || lower(unaccent(${q.q})) || '%'` : sql`true`,
  ];
  const where = sql.join([...base, q.status ? sql`s.status = ${q.status}` : sql`true`], sql` and `);
  const [rows, counts] = await Promise.all([
    // The page is cut on the story table alone, then joined: the offset skips narrow rows.
    db.execute<StoryRow>(sql`
      select ${COLUMNS} ${FROM} where s.id in (
        select s.id from story s where ${where} order by s.updated_at desc, s.id desc limit ${q.pageSize} offset ${(q.page - 1) * q.pageSize})
      order by s.updated_at desc, s.id desc`),
    db.execute<{ status: string; n: number }>(sql`select s.status, count(*)::int as n from story s where ${sql.join(base, sql` and `)} group by s.status`),
  ]);
  const byStatus = Object.fromEntries(counts.rows.map((c) => [c.status, num(c.n)]));
  const total = q.status ? (byStatus[q.status] ?? 0) : Object.values(byStatus).reduce((a, b) => a + b, 0);
  return { items: rows.rows.map(summaryOf), total, page: q.page, pageSize: q.pageSize, counts: byStatus };
}

// ── Writing ────────────────────────────────────────────────────────────────────────────────────

type SubjectInput = Pick<CreateStoryInput, 'subjectKind' | 'personId' | 'subjectOrgId' | 'subjectName' | 'subjectUnit' | 'movementId' | 'decisionId' | 'modelId'>;

/**
 * The subject and links as they will be kept: a member or unit on record must lie in the
 * organisation's subtree (and fills the name and unit left empty); the movement and the decision
 * must be the organisation's, an ancestor's or a descendant's; the model must be one the
 * organisation's readers read (kept or fostered in its subtree).
 */
async function resolveSubject(tx: Tx, orgPath: string, input: SubjectInput) {
  const personId = input.subjectKind === 'PERSON' ? (input.personId ?? null) : null;
  const subjectOrgId = input.subjectKind === 'COLLECTIVE' ? (input.subjectOrgId ?? null) : null;
  if (input.subjectKind === 'PERSON' && input.subjectOrgId) throw validation('stories.api.subjectMismatch', {}, { field: 'subjectOrgId' });
  if (input.subjectKind === 'COLLECTIVE' && input.personId) throw validation('stories.api.subjectMismatch', {}, { field: 'personId' });
  const movementId = input.movementId ?? null;
  const decisionId = input.decisionId ?? null;
  const modelId = input.modelId ?? null;
  const r = await tx.execute<{
    person_name: string | null; person_unit: string | null; org_name: string | null; org_unit: string | null; person_ok: boolean; org_ok: boolean; movement_ok: boolean; decision_ok: boolean; model_ok: boolean;
  }>(sql`
    select p.full_name as person_name, pu.name as person_unit, so.name as org_name, sp.name as org_unit,
           ${personId === null ? sql`true` : sql`coalesce(p.org_path like ${`${orgPath}%`}, false)`} as person_ok,
           ${subjectOrgId === null ? sql`true` : sql`coalesce(so.path like ${`${orgPath}%`}, false)`} as org_ok,
           ${movementId === null ? sql`true` : sql`exists (select 1 from movement m where m.id = ${movementId} and (m.org_path like ${`${orgPath}%`} or ${orgPath} like m.org_path || '%'))`} as movement_ok,
           ${decisionId === null ? sql`true` : sql`exists (select 1 from decision d where d.id = ${decisionId} and (d.org_path like ${`${orgPath}%`} or ${orgPath} like d.org_path || '%'))`} as decision_ok,
           ${modelId === null ? sql`true` : sql`exists (select 1 from exemplary_model em join organisation ro on ro.id = em.responsible_org_id where em.id = ${modelId} and (em.org_path like ${`${orgPath}%`} or ro.path like ${`${orgPath}%`}))`} as model_ok
    from (select 1) x
    left join person p on p.id = ${personId} left join organisation pu on pu.id = p.org_id
    left join organisation so on so.id = ${subjectOrgId} left join organisation sp on sp.id = so.parent_id`);
  const x = r.rows[0]!;
  if (!x.person_ok) throw validation('stories.api.linkOutside', {}, { field: 'personId' });
  if (!x.org_ok) throw validation('stories.api.linkOutside', {}, { field: 'subjectOrgId' });
  if (!x.movement_ok) throw validation('stories.api.linkOutside', {}, { field: 'movementId' });
  if (!x.decision_ok) throw validation('stories.api.linkOutside', {}, { field: 'decisionId' });
  if (!x.model_ok) throw validation('stories.api.linkOutside', {}, { field: 'modelId' });
  const subjectName = input.subjectName || (personId !== null ? x.person_name : subjectOrgId !== null ? x.org_name : null);
  if (!subjectName) throw validation('stories.api.subjectRequired', {}, { field: 'subjectName' });
  const subjectUnit = input.subjectUnit || (personId !== null ? x.person_unit : subjectOrgId !== null ? x.org_unit : null) || null;
  return { personId, subjectOrgId, subjectName, subjectUnit, movementId, decisionId, modelId };
}

/** A slug not yet used by another story of the organisation: "x", then "x-2", "x-3", … */
async function freeSlug(tx: Tx, orgId: number, title: string, exceptId: number | null): Promise<string> {
  // Two officers saving stories of the same title at once must not both take "x-2".
  await tx.execute(sql`select pg_advisory_xact_lock(7263101, ${orgId}::int)`);
  const base = slugify(title);
  const r = await tx.execute<{ slug: string }>(sql`select slug from story where org_id = ${orgId} and (slug = ${base} or slug like ${`${base.slice(0, 70)}%`}) and id <> ${exceptId ?? 0}`);
  const taken = new Set(r.rows.map((x) => x.slug));
  for (let n = 1; ; n++) {
    const candidate = slugCandidate(base, n);
    if (!taken.has(candidate)) return candidate;
  }
}

const storyAudit = (actor: AuthActor, s: { id: number; org_id: number }, action: string, after: Record<string, unknown>, before?: Record<string, unknown>): AuditInput => ({
  action: `story.${action}`, entityType: 'story', entityId: num(s.id), orgId: num(s.org_id), before, after,
});

export async function createStory(app: AppContext, actor: AuthActor, input: CreateStoryInput): Promise<number> {
  return app.db.transaction(async (tx) => {
    const o = await tx.execute<{ id: number; path: string }>(sql`select id, path from organisation where id = ${input.orgId} and status = 'ACTIVE'`);
    const org = o.rows[0];
    if (!org || !readsCouncilOrg(actor, org.path)) throw notFound();
    if (!managesUnitWork(actor, org.path)) throw forbidden();
    const subject = await resolveSubject(tx, org.path, input);
    const slug = await freeSlug(tx, num(org.id), input.title, null);
    const r = await tx.execute<{ id: number }>(sql`
      insert into story (org_id, org_path, subject_kind, person_id, subject_org_id, subject_name, subject_unit, title, slug, summary, body, movement_id, decision_id, model_id, created_by)
      values (${org.id}, ${org.path}, ${input.subjectKind}, ${subject.personId}, ${subject.subjectOrgId}, ${subject.subjectName}, ${subject.subjectUnit}, ${input.title}, ${slug},
              ${input.summary}, ${input.body}, ${subject.movementId}, ${subject.decisionId}, ${subject.modelId}, ${actor.userId})
      returning id`);
    const id = num(r.rows[0]!.id);
    // The text itself is not copied into the audit trail (it may still hold what must not be published).
    await audit(tx, actor, [storyAudit(actor, { id, org_id: num(org.id) }, 'create', { status: 'DRAFT', title: input.title, slug, subjectKind: input.subjectKind, ...subject })]);
    return id;
  });
}

export async function updateStory(app: AppContext, actor: AuthActor, id: number, input: UpdateStoryInput): Promise<void> {
  await app.db.transaction(async (tx) => {
    const s = await loadManaged(tx, actor, id, input.version, 'edit');
    const subject = await resolveSubject(tx, s.org_path, input);
    // The address of a story stays once it has been public (links to it keep working).
    const slug = s.title === input.title || s.published_at !== null ? s.slug : await freeSlug(tx, num(s.org_id), input.title, s.id);
    await tx.execute(sql`
      update story set subject_kind = ${input.subjectKind}, person_id = ${subject.personId}, subject_org_id = ${subject.subjectOrgId}, subject_name = ${subject.subjectName},
        subject_unit = ${subject.subjectUnit}, title = ${input.title}, slug = ${slug}, summary = ${input.summary}, body = ${input.body}, movement_id = ${subject.movementId},
        decision_id = ${subject.decisionId}, model_id = ${subject.modelId}, updated_at = now(), version = version + 1
      where id = ${id}`);
    await audit(tx, actor, [
      storyAudit(actor, s, 'update', { title: input.title, slug, subjectKind: input.subjectKind, ...subject, bodyChanged: s.body !== input.body, summaryChanged: s.summary !== input.summary }, { title: s.title, slug: s.slug }),
    ]);
  });
}

// ── Workflow ───────────────────────────────────────────────────────────────────────────────────

async function move(app: AppContext, actor: AuthActor, id: number, version: number, action: keyof typeof STORY_TRANSITIONS, set: SQL, after: Record<string, unknown>, check?: (tx: Tx, s: StoryRow) => Promise<void>): Promise<void> {
  await app.db.transaction(async (tx) => {
    const s = await loadManaged(tx, actor, id, version, action);
    if (check) await check(tx, s);
    const to = STORY_TRANSITIONS[action].to;
    await tx.execute(sql`update story set status = ${to}, ${set}, updated_at = now(), version = version + 1 where id = ${id}`);
    await audit(tx, actor, [storyAudit(actor, s, action, { status: to, ...after }, { status: s.status })]);
  });
}

export const submitStory = (app: AppContext, actor: AuthActor, id: number, input: { version: number }) =>
  move(app, actor, id, input.version, 'submit', sql`submitted_by = ${actor.userId}, submitted_at = now(), review_note = null`, {});

export const returnStory = (app: AppContext, actor: AuthActor, id: number, input: { version: number; reason: string }) =>
  move(app, actor, id, input.version, 'return', sql`review_note = ${input.reason}`, { reason: input.reason });

export const withdrawStory = (app: AppContext, actor: AuthActor, id: number, input: { version: number; reason: string }) =>
  move(app, actor, id, input.version, 'withdraw', sql`withdrawn_reason = ${input.reason}, withdrawn_at = now()`, { reason: input.reason });

/** Publishes a reviewed story: refused without the subject's consent or with anything personal left in it (the refusal lists what). */
export const publishStory = (app: AppContext, actor: AuthActor, id: number, input: { version: number }) =>
  move(app, actor, id, input.version, 'publish', sql`published_by = ${actor.userId}, published_at = now(), withdrawn_reason = null, withdrawn_at = null`, {}, async (tx, s) => {
    if (s.consent_on === null) throw conflict('stories.api.noConsent');
    const findings = personalDataIn(s, await photosOf(tx, s.id), await knownOf(tx, numOrNull(s.person_id)));
    if (findings.length > 0) throw validation('stories.api.personalData', { list: findingsText(findings) }, { findings });
  });

export async function recordConsent(app: AppContext, actor: AuthActor, id: number, input: { version: number; consentOn: string; method: string; note?: string }): Promise<void> {
  if (input.consentOn > todayInVietnam()) throw validation('stories.api.consentInFuture', {}, { field: 'consentOn' });
  await app.db.transaction(async (tx) => {
    const s = await loadManaged(tx, actor, id, input.version, 'consent');
    await tx.execute(sql`
      update story set consent_on = ${input.consentOn}, consent_method = ${input.method}, consent_note = ${input.note || null}, consent_recorded_by = ${actor.userId},
        updated_at = now(), version = version + 1 where id = ${id}`);
    await audit(tx, actor, [storyAudit(actor, s, 'consent', { consentOn: input.consentOn, method: input.method }, { consentOn: s.consent_on, method: s.consent_method })]);
  });
}

// ── Photos ─────────────────────────────────────────────────────────────────────────────────────

/** Checked before the bytes are received: the story takes photos now and has room for one more. */
export async function checkPhotoTarget(db: DbOrTx, actor: AuthActor, storyId: number): Promise<void> {
  const s = await loadReadableStory(db, actor, storyId);
  if (!managesUnitWork(actor, s.org_path)) throw forbidden();
  if (!canDo(s.status, 'photos')) throw conflict('stories.api.notIn.photos');
  if (num(s.photo_count) >= STORY_LIMITS.photosMax) throw conflict('stories.api.tooManyPhotos', { max: STORY_LIMITS.photosMax });
}

export async function addPhoto(app: AppContext, actor: AuthActor, storyId: number, meta: { altText: string; caption?: string; width: number; height: number }, stored: StoredFile): Promise<number> {
  return app.db.transaction(async (tx) => {
    const s = await loadManaged(tx, actor, storyId, null, 'photos');
    if (num(s.photo_count) >= STORY_LIMITS.photosMax) throw conflict('stories.api.tooManyPhotos', { max: STORY_LIMITS.photosMax });
    const r = await tx.execute<{ id: number }>(sql`
      insert into story_photo (story_id, position, alt_text, caption, width, height, file_name, mime_type, size_bytes, sha256, stored_path, uploaded_by)
      values (${storyId}, (select coalesce(max(position), 0) + 1 from story_photo where story_id = ${storyId}), ${meta.altText}, ${meta.caption || null}, ${meta.width}, ${meta.height},
              ${stored.fileName}, ${stored.mimeType}, ${stored.sizeBytes}, ${stored.sha256}, ${stored.key}, ${actor.userId})
      returning id`);
    const photoId = num(r.rows[0]!.id);
    await tx.execute(sql`update story set updated_at = now(), version = version + 1 where id = ${storyId}`);
    await audit(tx, actor, [
      { action: 'story.photo.add', entityType: 'story_photo', entityId: photoId, orgId: num(s.org_id), after: { storyId, width: meta.width, height: meta.height, sizeBytes: stored.sizeBytes, sha256: stored.sha256 } },
    ]);
    return photoId;
  });
}

type StoredPhotoRow = { id: number; story_id: number; status: string; story_status: string; org_path: string; mime_type: string; size_bytes: number; sha256: string; stored_path: string };
const STORED_PHOTO = sql`select p.id, p.story_id, p.status, s.status as story_status, s.org_path, p.mime_type, p.size_bytes, p.sha256, p.stored_path from story_photo p join story s on s.id = p.story_id`;

/** A photo for the staff of the story's organisation and above, whatever its status. */
export async function readablePhoto(db: DbOrTx, actor: AuthActor, photoId: number): Promise<StoredPhotoRow> {
  const r = await db.execute<StoredPhotoRow>(sql`${STORED_PHOTO} where p.id = ${photoId}`);
  const p = r.rows[0];
  if (!p || !readsCouncilOrg(actor, p.org_path)) throw notFound();
  return p;
}

/** A photo for anyone: only an active photo of a published story exists publicly. */
export async function publicPhoto(db: DbOrTx, photoId: number): Promise<StoredPhotoRow> {
  const r = await db.execute<StoredPhotoRow>(sql`${STORED_PHOTO} where p.id = ${photoId} and p.status = 'ACTIVE' and s.status = 'PUBLISHED'`);
  if (!r.rows[0]) throw notFound();
  return r.rows[0];
}

/** Removes a photo (from the story and the public site at once); the row and the file are kept with the reason. */
export async function revokePhoto(app: AppContext, actor: AuthActor, photoId: number, reason: string): Promise<number> {
  return app.db.transaction(async (tx) => {
    const p = await readablePhoto(tx, actor, photoId);
    const s = await loadReadableStory(tx, actor, num(p.story_id), true);
    if (!managesUnitWork(actor, s.org_path)) throw forbidden();
    if (p.status !== 'ACTIVE') throw conflict('stories.api.photoRevoked');
    await tx.execute(sql`update story_photo set status = 'REVOKED', revoked_reason = ${reason}, revoked_at = now(), revoked_by = ${actor.userId} where id = ${photoId}`);
    await tx.execute(sql`update story set updated_at = now(), version = version + 1 where id = ${s.id}`);
    await audit(tx, actor, [{ action: 'story.photo.revoke', entityType: 'story_photo', entityId: photoId, orgId: num(s.org_id), before: { status: 'ACTIVE' }, after: { status: 'REVOKED', reason } }]);
    return num(s.id);
  });
}

// ── Credits ────────────────────────────────────────────────────────────────────────────────────

/** Credits the person who discovered, wrote or publicised the story: a member in the organisation's subtree, or a name. */
export async function addCredit(app: AppContext, actor: AuthActor, storyId: number, input: StoryCreditInput): Promise<void> {
  if ((input.personId === undefined) === !input.name) throw validation('stories.api.creditWho', {}, { field: 'personId' });
  await app.db.transaction(async (tx) => {
    const s = await loadManaged(tx, actor, storyId, null, 'credits');
    if (input.personId !== undefined) {
      const p = await tx.execute(sql`select 1 from person where id = ${input.personId} and org_path like ${`${s.org_path}%`}`);
      if (p.rows.length === 0) throw validation('stories.api.linkOutside', {}, { field: 'personId' });
      const dup = await tx.execute(sql`select 1 from story_credit where story_id = ${storyId} and person_id = ${input.personId} and role = ${input.role} and status = 'ACTIVE'`);
      if (dup.rows.length > 0) throw conflict('stories.api.creditTwice');
    }
    const r = await tx.execute<{ id: number }>(sql`
      insert into story_credit (story_id, person_id, name, role, note, created_by)
      values (${storyId}, ${input.personId ?? null}, ${input.personId === undefined ? input.name! : null}, ${input.role}, ${input.note || null}, ${actor.userId}) returning id`);
    await audit(tx, actor, [{ action: 'story.credit.add', entityType: 'story_credit', entityId: num(r.rows[0]!.id), orgId: num(s.org_id), after: { storyId, personId: input.personId ?? null, name: input.name ?? null, role: input.role } }]);
  });
}

export async function revokeCredit(app: AppContext, actor: AuthActor, creditId: number, reason: string): Promise<number> {
  return app.db.transaction(async (tx) => {
    const c = await tx.execute<{ story_id: number | null; status: string }>(sql`select story_id, status from story_credit where id = ${creditId} and story_id is not null for update`);
    const credit = c.rows[0];
    if (!credit) throw notFound();
    const s = await loadReadableStory(tx, actor, num(credit.story_id));
    if (!managesUnitWork(actor, s.org_path)) throw forbidden();
    if (credit.status !== 'ACTIVE') throw conflict('stories.api.creditRevoked');
    await tx.execute(sql`update story_credit set status = 'REVOKED', revoked_reason = ${reason} where id = ${creditId}`);
    await audit(tx, actor, [{ action: 'story.credit.revoke', entityType: 'story_credit', entityId: creditId, orgId: num(s.org_id), before: { status: 'ACTIVE' }, after: { status: 'REVOKED', reason } }]);
    return num(s.id);
  });
}

type CreditEntryRow = {
  id: number; target: CreditListItemDto['target']['kind']; target_id: number; target_title: string; org_id: number; org_name: string; person_id: number | null; name: string;
  role: CreditListItemDto['role']; note: string | null; on_date: string; created_at: string;
};

/**
 * Active credits of stories and of models in scope, by organisation (its subtree), person and year:
 * who to thank at the year's end. A story's credit counts on the story's publication day (the
 * credit's own day while the story is unpublished), a model's on the credit's day. A model is in
 * scope, and under `orgId`, when the organisation keeping it or the unit fostering it is.
 */
export async function listCredits(db: DbOrTx, actor: AuthActor, q: { orgId?: number; personId?: number; year?: number; page: number; pageSize: number }) {
  const paths = scopePaths(actor, READ_ROLES);
  if (paths.length === 0) return { items: [] as CreditListItemDto[], total: 0, page: q.page, pageSize: q.pageSize };
  const under = (col: SQL) => sql`(${sql.join(paths.map((p) => sql`${col} like ${`${p}%`}`), sql` or `)})`;
  const inOrg = (col: SQL) => (q.orgId ? sql`${col} like (select path from organisation where id = ${q.orgId}) || '%'` : sql`false`);
  const day = (at: SQL) => sql`(${at} at time zone 'Asia/Ho_Chi_Minh')::date`;
  const common = sql.join([sql`c.status = 'ACTIVE'`, q.personId ? sql`c.person_id = ${q.personId}` : sql`true`], sql` and `);
  const year = (d: SQL) => (q.year ? sql`extract(year from ${d}) = ${q.year}` : sql`true`);
  const storyDay = day(sql`coalesce(s.published_at, c.created_at)`);
  const modelDay = day(sql`c.created_at`);
  // Both kinds in one set, paged together: the stories' credits, then the models' (kept or fostered in scope).
  const credits = sql`
    select c.id, 'STORY' as target, s.id as target_id, s.title as target_title, s.org_id, c.person_id, c.name, c.role, c.note, c.created_at, ${storyDay} as on_date
    from story_credit c join story s on s.id = c.story_id
    where ${common} and ${under(sql`s.org_path`)} and ${q.orgId ? inOrg(sql`s.org_path`) : sql`true`} and ${year(storyDay)}
    union all
    select c.id, 'MODEL', m.id, m.name, m.org_id, c.person_id, c.name, c.role, c.note, c.created_at, ${modelDay}
    from story_credit c join exemplary_model m on m.id = c.model_id join organisation ro on ro.id = m.responsible_org_id
    where ${common} and (${under(sql`m.org_path`)} or ${under(sql`ro.path`)}) and ${q.orgId ? sql`(${inOrg(sql`m.org_path`)} or ${inOrg(sql`ro.path`)})` : sql`true`} and ${year(modelDay)}`;
  const [rows, total] = await Promise.all([
    db.execute<CreditEntryRow>(sql`
      select x.id, x.target, x.target_id, x.target_title, x.org_id, o.name as org_name, x.person_id, coalesce(p.full_name, x.name) as name, x.role, x.note,
             x.on_date::text as on_date, to_json(x.created_at)#>>'{}' as created_at
      from (${credits}) x join organisation o on o.id = x.org_id left join person p on p.id = x.person_id
      order by x.on_date desc, x.id desc limit ${q.pageSize} offset ${(q.page - 1) * q.pageSize}`),
    db.execute<{ n: number }>(sql`select count(*)::int as n from (${credits}) x`),
  ]);
  const items = rows.rows.map((c): CreditListItemDto => ({
    id: num(c.id), target: { kind: c.target, id: num(c.target_id), title: c.target_title }, orgId: num(c.org_id), orgName: c.org_name, personId: numOrNull(c.person_id), name: c.name,
    role: c.role, note: c.note, on: c.on_date, createdAt: c.created_at,
  }));
  return { items, total: num(total.rows[0]?.n ?? 0), page: q.page, pageSize: q.pageSize };
}
