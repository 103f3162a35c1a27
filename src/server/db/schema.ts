// Database schema as code. Migrations are generated from it with drizzle-kit (see drizzle/),
// plus hand-written SQL for what Drizzle cannot express (functions, trigram indexes).
import { sql } from 'drizzle-orm';
import {
  pgTable,
  bigserial,
  bigint,
  text,
  boolean,
  integer,
  date,
  timestamp,
  jsonb,
  index,
  uniqueIndex,
  check,
  smallint,
} from 'drizzle-orm/pg-core';

const id = () => bigserial('id', { mode: 'number' }).primaryKey();
const ref = (name: string) => bigint(name, { mode: 'number' });
const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();

/** Kinds of organisation are data: depth and naming change with restructurings. */
export const orgKinds = pgTable('org_kind', {
  code: text('code').primaryKey(),
  nameVi: text('name_vi').notNull(),
  nameEn: text('name_en').notNull(),
  rank: smallint('rank').notNull(),
  holdsMembers: boolean('holds_members').notNull().default(false),
});

export const organisations = pgTable(
  'organisation',
  {
    id: id(),
    code: text('code').notNull(),
    name: text('name').notNull(),
    shortName: text('short_name'),
    kind: text('kind')
      .notNull()
      .references(() => orgKinds.code),
    sector: text('sector'),
    parentId: ref('parent_id'),
    /** Materialised path of ids, e.g. `/1/5/23/`; subtree = `path LIKE '/1/5/%'`. */
    path: text('path').notNull(),
    depth: smallint('depth').notNull(),
    /** Id of the level-2 ancestor (province / central sector union): the distribution key if ever sharded. */
    provinceRootId: ref('province_root_id'),
    status: text('status').notNull().default('ACTIVE'),
    validFrom: date('valid_from').notNull(),
    validTo: date('valid_to'),
    mergedIntoId: ref('merged_into_id'),
    address: text('address'),
    createdAt: createdAt(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    uniqueIndex('organisation_code_uq').on(t.code),
    index('organisation_parent_idx').on(t.parentId),
    index('organisation_path_idx').using('btree', sql`${t.path} text_pattern_ops`),
    check('organisation_status_ck', sql`${t.status} in ('ACTIVE','ENDED','MERGED')`),
    check('organisation_valid_ck', sql`${t.validTo} is null or ${t.validTo} >= ${t.validFrom}`),
  ],
);

/** Effective-dated history of every change to an organisation (name, parent, status). */
export const orgEvents = pgTable(
  'org_event',
  {
    id: id(),
    orgId: ref('org_id')
      .notNull()
      .references(() => organisations.id),
    kind: text('kind').notNull(),
    effectiveOn: date('effective_on').notNull(),
    reason: text('reason'),
    before: jsonb('before'),
    after: jsonb('after'),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull().defaultNow(),
    recordedBy: ref('recorded_by'),
  },
  (t) => [index('org_event_org_idx').on(t.orgId, t.effectiveOn)],
);

export const persons = pgTable(
  'person',
  {
    id: id(),
    memberCode: text('member_code').notNull(),
    fullName: text('full_name').notNull(),
    /** Lower-case, diacritic-free name maintained by the database (vd_fold) for search. */
    nameFolded: text('name_folded').generatedAlwaysAs(sql`vd_fold(full_name)`),
    gender: text('gender').notNull(),
    birthDate: date('birth_date'),
    cccd: text('cccd'),
    position: text('position'),
    isLeader: boolean('is_leader').notNull().default(false),
    isDirectWorker: boolean('is_direct_worker').notNull().default(false),
    phone: text('phone'),
    email: text('email'),
    ethnicity: text('ethnicity'),
    joinedUnionOn: date('joined_union_on'),
    status: text('status').notNull().default('ACTIVE'),
    /** Current unit (denormalised from the open membership period) for fast subtree filters. */
    orgId: ref('org_id').references(() => organisations.id),
    orgPath: text('org_path'),
    provinceRootId: ref('province_root_id'),
    createdAt: createdAt(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    uniqueIndex('person_member_code_uq').on(t.memberCode),
    uniqueIndex('person_cccd_uq').on(t.cccd),
    index('person_org_path_idx').using('btree', sql`${t.orgPath} text_pattern_ops`, sql`${t.status}`),
    index('person_org_idx').on(t.orgId),
    check('person_gender_ck', sql`${t.gender} in ('MALE','FEMALE')`),
    check('person_status_ck', sql`${t.status} in ('ACTIVE','LEFT')`),
    check('person_cccd_ck', sql`${t.cccd} is null or ${t.cccd} ~ '^[0-9]{12}$'`),
  ],
);

/** Membership periods: a transfer closes one period and opens another; nothing is deleted. */
export const memberships = pgTable(
  'membership',
  {
    id: id(),
    personId: ref('person_id')
      .notNull()
      .references(() => persons.id),
    orgId: ref('org_id')
      .notNull()
      .references(() => organisations.id),
    validFrom: date('valid_from').notNull(),
    validTo: date('valid_to'),
    endReason: text('end_reason'),
    note: text('note'),
  },
  (t) => [
    index('membership_person_idx').on(t.personId, t.validFrom),
    index('membership_org_idx').on(t.orgId),
    uniqueIndex('membership_one_open_uq').on(t.personId).where(sql`${t.validTo} is null`),
  ],
);

/** Union offices (Chủ tịch, Phó Chủ tịch, Ủy viên BCH…) held in an organisation. */
export const officers = pgTable(
  'officer',
  {
    id: id(),
    personId: ref('person_id')
      .notNull()
      .references(() => persons.id),
    orgId: ref('org_id')
      .notNull()
      .references(() => organisations.id),
    title: text('title').notNull(),
    validFrom: date('valid_from').notNull(),
    validTo: date('valid_to'),
  },
  (t) => [index('officer_org_idx').on(t.orgId), index('officer_person_idx').on(t.personId)],
);

export const users = pgTable(
  'app_user',
  {
    id: id(),
    username: text('username').notNull(),
    displayName: text('display_name').notNull(),
    email: text('email'),
    passwordHash: text('password_hash').notNull(),
    locale: text('locale').notNull().default('vi'),
    personId: ref('person_id').references(() => persons.id),
    disabled: boolean('disabled').notNull().default(false),
    failedLogins: integer('failed_logins').notNull().default(0),
    lockedUntil: timestamp('locked_until', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('app_user_username_uq').on(t.username)],
);

export const roleAssignments = pgTable(
  'role_assignment',
  {
    id: id(),
    userId: ref('user_id')
      .notNull()
      .references(() => users.id),
    orgId: ref('org_id')
      .notNull()
      .references(() => organisations.id),
    role: text('role').notNull(),
    grantedAt: timestamp('granted_at', { withTimezone: true }).notNull().defaultNow(),
    grantedBy: ref('granted_by'),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    revokedReason: text('revoked_reason'),
  },
  (t) => [
    index('role_assignment_user_idx').on(t.userId),
    uniqueIndex('role_assignment_active_uq').on(t.userId, t.orgId, t.role).where(sql`${t.revokedAt} is null`),
  ],
);

/** Server-side sessions; the cookie holds a random token, the table its SHA-256. */
export const sessions = pgTable(
  'session',
  {
    tokenHash: text('token_hash').primaryKey(),
    userId: ref('user_id')
      .notNull()
      .references(() => users.id),
    csrfToken: text('csrf_token').notNull(),
    createdAt: createdAt(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    ip: text('ip'),
    userAgent: text('user_agent'),
  },
  (t) => [index('session_user_idx').on(t.userId)],
);

/** Sign-in attempts, for per-IP rate limiting (per-account lockout lives on app_user). */
export const loginAttempts = pgTable(
  'login_attempt',
  {
    id: id(),
    ip: text('ip').notNull(),
    username: text('username').notNull(),
    succeeded: boolean('succeeded').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('login_attempt_ip_idx').on(t.ip, t.at)],
);

/** Append-only, hash-chained audit log: each row's hash covers its content and the previous hash. */
export const auditEvents = pgTable(
  'audit_event',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    occurredAt: timestamp('occurred_at', { withTimezone: true, mode: 'string' }).notNull(),
    actorId: ref('actor_id'),
    orgId: ref('org_id'),
    orgPath: text('org_path'),
    action: text('action').notNull(),
    entityType: text('entity_type').notNull(),
    entityId: text('entity_id'),
    before: jsonb('before'),
    after: jsonb('after'),
    prevHash: text('prev_hash').notNull(),
    hash: text('hash').notNull(),
  },
  (t) => [
    index('audit_event_org_path_idx').using('btree', sql`${t.orgPath} text_pattern_ops`, sql`${t.occurredAt}`),
    index('audit_event_actor_idx').on(t.actorId, t.occurredAt),
    index('audit_event_time_idx').on(t.occurredAt),
  ],
);

export const importJobs = pgTable('import_job', {
  id: id(),
  kind: text('kind').notNull(),
  status: text('status').notNull(),
  fileName: text('file_name').notNull(),
  storedPath: text('stored_path').notNull(),
  orgId: ref('org_id')
    .notNull()
    .references(() => organisations.id),
  userId: ref('user_id')
    .notNull()
    .references(() => users.id),
  totalRows: integer('total_rows').notNull().default(0),
  processedRows: integer('processed_rows').notNull().default(0),
  toCreate: integer('to_create').notNull().default(0),
  toUpdate: integer('to_update').notNull().default(0),
  errorCount: integer('error_count').notNull().default(0),
  errors: jsonb('errors').notNull().default(sql`'[]'::jsonb`),
  createdAt: createdAt(),
  finishedAt: timestamp('finished_at', { withTimezone: true }),
});

/** The newest link of the audit chain, updated with every append: a deleted tail shows up here. */
export const auditHead = pgTable('audit_head', {
  id: smallint('id').primaryKey().default(1),
  lastId: bigint('last_id', { mode: 'number' }).notNull(),
  lastHash: text('last_hash').notNull(),
  eventCount: bigint('event_count', { mode: 'number' }).notNull(),
});

/** Validated rows of an import waiting for confirmation (staging; kept with the job for the record). */
export const importRows = pgTable(
  'import_row',
  {
    jobId: ref('job_id')
      .notNull()
      .references(() => importJobs.id),
    rowNumber: integer('row_number').notNull(),
    /** The person this row updates, resolved at validation (null = a new person). */
    personId: ref('person_id'),
    data: jsonb('data').notNull(),
  },
  (t) => [uniqueIndex('import_row_pk').on(t.jobId, t.rowNumber)],
);
