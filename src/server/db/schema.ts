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
  numeric,
  customType,
  primaryKey,
  type AnyPgColumn,
} from 'drizzle-orm/pg-core';

const bytea = customType<{ data: Buffer; driverData: Buffer }>({ dataType: () => 'bytea' });

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
  /**
   * A collective of this kind counts as a "small collective" (tập thể nhỏ) in the fairness shares.
   * Default: the kinds below the grassroots union (công đoàn bộ phận, tổ công đoàn); configurable.
   */
  smallCollective: boolean('small_collective').notNull().default(false),
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
    /** Abbreviated name in document symbols ("KH-LĐLĐ"); default from the kind when null. */
    docAbbreviation: text('doc_abbreviation'),
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
    /** Date recruited at the current employer (LĐTT needs a minimum service). */
    serviceStartDate: date('service_start_date'),
    educationLevel: text('education_level'),
    unionWorkCategory: text('union_work_category'),
    /** Years of union work before the offices recorded in Vinh Danh (added to officer periods). */
    unionWorkYearsBefore: numeric('union_work_years_before', { precision: 4, scale: 1, mode: 'number' }),
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
  (t) => [index('login_attempt_ip_idx').on(t.ip, t.at), index('login_attempt_username_idx').on(t.username, t.at)],
);

/** Self-service password reset tokens; only the SHA-256 of the token is stored. */
export const passwordResets = pgTable(
  'password_reset',
  {
    id: id(),
    userId: ref('user_id')
      .notNull()
      .references(() => users.id),
    tokenHash: text('token_hash').notNull(),
    createdAt: createdAt(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    revokedReason: text('revoked_reason'),
    ip: text('ip'),
  },
  (t) => [uniqueIndex('password_reset_token_uq').on(t.tokenHash), index('password_reset_user_idx').on(t.userId, t.createdAt)],
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

// ── Award catalogue, rule parameters and the records eligibility reads (issue 3) ─────────────────

/** Emulation titles and commendation forms, as data (seeded from src/domain/catalogue/awards.ts). */
export const awardTypes = pgTable(
  'award_type',
  {
    code: text('code').primaryKey(),
    nameVi: text('name_vi').notNull(),
    nameEn: text('name_en').notNull(),
    category: text('category').notNull(),
    subject: text('subject').notNull(),
    kind: text('kind').notNull(),
    level: text('level').notNull(),
    grantingOrgKinds: text('granting_org_kinds').array().notNull().default(sql`'{}'::text[]`),
    /** × base salary; null when no amount is set. */
    coefficient: numeric('coefficient', { precision: 6, scale: 2, mode: 'number' }),
    uncertain: boolean('uncertain').notNull().default(false),
    sortOrder: integer('sort_order').notNull().default(0),
    active: boolean('active').notNull().default(true),
    description: text('description'),
    createdAt: createdAt(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    check('award_type_category_ck', sql`${t.category} in ('TITLE','FORM')`),
    check('award_type_subject_ck', sql`${t.subject} in ('INDIVIDUAL','COLLECTIVE')`),
    check('award_type_kind_ck', sql`${t.kind} in ('MERIT','THEMATIC','AD_HOC','DEDICATION','SENIORITY','FOREIGN')`),
    check('award_type_level_ck', sql`${t.level} in ('GRASSROOTS','UPPER','PROVINCE','CENTRAL','STATE')`),
    check('award_type_coefficient_ck', sql`${t.coefficient} is null or ${t.coefficient} >= 0`),
  ],
);

/** Mức lương cơ sở by effective date. Corrections supersede a row; rows are never deleted. */
export const baseSalaries = pgTable(
  'base_salary',
  {
    id: id(),
    effectiveFrom: date('effective_from').notNull(),
    amountVnd: bigint('amount_vnd', { mode: 'number' }).notNull(),
    source: text('source').notNull(),
    status: text('status').notNull().default('ACTIVE'),
    supersededBy: ref('superseded_by'),
    reason: text('reason'),
    createdBy: ref('created_by'),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('base_salary_active_uq').on(t.effectiveFrom).where(sql`${t.status} = 'ACTIVE'`),
    check('base_salary_amount_ck', sql`${t.amountVnd} > 0`),
    check('base_salary_status_ck', sql`${t.status} in ('ACTIVE','SUPERSEDED')`),
  ],
);

/**
 * Administrator changes to rule parameters: append-only, each with an effective date that is never
 * in the past, so an evaluation with an earlier reference date keeps the value it had.
 */
export const ruleParameters = pgTable(
  'rule_parameter',
  {
    id: id(),
    packId: text('pack_id').notNull(),
    paramKey: text('param_key').notNull(),
    value: jsonb('value').notNull(),
    effectiveFrom: date('effective_from').notNull(),
    reason: text('reason').notNull(),
    createdBy: ref('created_by').references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [index('rule_parameter_key_idx').on(t.packId, t.paramKey, t.effectiveFrom)],
);

/** Columns every kept record shares: subject (a person or a unit), status, provenance. */
const recordColumns = () => ({
  id: id(),
  personId: ref('person_id').references(() => persons.id),
  orgId: ref('org_id').references(() => organisations.id),
  /** Path of the unit that owns the record (the person's unit when recorded), for scoping. */
  scopePath: text('scope_path').notNull(),
  status: text('status').notNull().default('ACTIVE'),
  source: text('source').notNull().default('MANUAL'),
  note: text('note'),
  revokedAt: timestamp('revoked_at', { withTimezone: true }),
  revokedReason: text('revoked_reason'),
  supersededBy: ref('superseded_by'),
  createdBy: ref('created_by'),
  createdAt: createdAt(),
});

function recordChecks(name: string, t: { personId: unknown; orgId: unknown; status: unknown; source: unknown }, extraSources: readonly string[] = []) {
  const sources = sql.raw(['MANUAL', 'IMPORT', 'DECISION', 'SCORING', ...extraSources].map((x) => `'${x}'`).join(','));
  return [
    check(`${name}_subject_ck`, sql`(${t.personId} is null) <> (${t.orgId} is null)`),
    check(`${name}_status_ck`, sql`${t.status} in ('ACTIVE','REVOKED','SUPERSEDED')`),
    check(`${name}_source_ck`, sql`${t.source} in (${sources})`),
  ];
}

/** Awards received — from Vinh Danh decisions or entered from other systems and levels. */
export const awardRecords = pgTable(
  'award_record',
  {
    ...recordColumns(),
    awardCode: text('award_code')
      .notNull()
      .references(() => awardTypes.code),
    year: smallint('year').notNull(),
    decisionNumber: text('decision_number'),
    decisionDate: date('decision_date'),
    issuerName: text('issuer_name'),
    issuerOrgId: ref('issuer_org_id').references(() => organisations.id),
    /**
     * The subject as it was when the record was made, for the fairness shares (set by the database
     * on insert from the person or the unit, when not given): a later promotion does not rewrite
     * last year's statistics. Null on the side that does not apply (collective / individual).
     */
    subjectGender: text('subject_gender'),
    subjectIsLeader: boolean('subject_is_leader'),
    subjectIsDirectWorker: boolean('subject_is_direct_worker'),
    subjectSmall: boolean('subject_small'),
  },
  (t) => [
    ...recordChecks('award_record', t),
    check('award_record_subject_flags_ck', sql`(${t.personId} is null) = (${t.subjectGender} is null) and (${t.orgId} is null) = (${t.subjectSmall} is null)`),
    index('award_record_person_idx').on(t.personId, t.year),
    index('award_record_org_idx').on(t.orgId, t.year),
    index('award_record_scope_idx').using('btree', sql`${t.scopePath} text_pattern_ops`, sql`${t.year}`),
    // Drill-down pages (migration 0024): the records in force of a year (and award) grouped by unit, in index order.
    index('award_record_drill_code_idx').using('btree', t.year, t.awardCode, sql`${t.scopePath} collate "C"`, t.id).where(sql`${t.status} = 'ACTIVE'`),
    index('award_record_drill_year_idx').using('btree', t.year, sql`${t.scopePath} collate "C"`, t.id).where(sql`${t.status} = 'ACTIVE'`),
  ],
);

/** Yearly performance rating of a person or a unit: one active rating per subject and year. */
export const performanceRatings = pgTable(
  'performance_rating',
  {
    ...recordColumns(),
    year: smallint('year').notNull(),
    rating: text('rating').notNull(),
  },
  (t) => [
    ...recordChecks('performance_rating', t),
    check('performance_rating_ck', sql`${t.rating} in ('HTXSNV','HTTNV','HTNV','KHTNV')`),
    uniqueIndex('performance_rating_person_uq').on(t.personId, t.year).where(sql`${t.status} = 'ACTIVE' and ${t.personId} is not null`),
    uniqueIndex('performance_rating_org_uq').on(t.orgId, t.year).where(sql`${t.status} = 'ACTIVE' and ${t.orgId} is not null`),
    index('performance_rating_scope_idx').using('btree', sql`${t.scopePath} text_pattern_ops`, sql`${t.year}`),
  ],
);

/** Initiatives (sáng kiến) with the recognising body, date and scope. */
export const initiatives = pgTable(
  'initiative',
  {
    ...recordColumns(),
    title: text('title').notNull(),
    recognisedBy: text('recognised_by').notNull(),
    recognisedOn: date('recognised_on').notNull(),
    scope: text('scope').notNull(),
    applied: boolean('applied').notNull().default(true),
    benefitValueVnd: bigint('benefit_value_vnd', { mode: 'number' }),
    decisionNumber: text('decision_number'),
  },
  (t) => [
    ...recordChecks('initiative', t),
    check('initiative_scope_ck', sql`${t.scope} in ('GRASSROOTS','MINISTRY_PROVINCE','NATIONAL')`),
    index('initiative_person_idx').on(t.personId, t.recognisedOn),
    index('initiative_scope_path_idx').using('btree', sql`${t.scopePath} text_pattern_ops`),
  ],
);

/** Scientific topics and projects accepted (nghiệm thu) and applied. */
export const researchTopics = pgTable(
  'research_topic',
  {
    ...recordColumns(),
    title: text('title').notNull(),
    acceptedOn: date('accepted_on').notNull(),
    scope: text('scope').notNull(),
    applied: boolean('applied').notNull().default(true),
  },
  (t) => [
    ...recordChecks('research_topic', t),
    check('research_topic_scope_ck', sql`${t.scope} in ('GRASSROOTS','MINISTRY_PROVINCE','NATIONAL')`),
    index('research_topic_person_idx').on(t.personId, t.acceptedOn),
  ],
);

/** Disciplinary measures with their period. */
export const disciplines = pgTable(
  'discipline',
  {
    ...recordColumns(),
    level: text('level').notNull(),
    validFrom: date('valid_from').notNull(),
    validTo: date('valid_to'),
    decisionNumber: text('decision_number'),
    issuerName: text('issuer_name'),
  },
  (t) => [
    ...recordChecks('discipline', t),
    check('discipline_level_ck', sql`${t.level} in ('KHIEN_TRACH','CANH_CAO','HA_BAC_LUONG','GIANG_CHUC','CACH_CHUC','BUOC_THOI_VIEC')`),
    check('discipline_period_ck', sql`${t.validTo} is null or ${t.validTo} >= ${t.validFrom}`),
    index('discipline_person_idx').on(t.personId, t.validFrom),
    index('discipline_org_idx').on(t.orgId, t.validFrom),
  ],
);

/** Long absences from work (maternity, illness, training…). */
export const absences = pgTable(
  'absence',
  {
    ...recordColumns(),
    reason: text('reason').notNull(),
    validFrom: date('valid_from').notNull(),
    validTo: date('valid_to').notNull(),
  },
  (t) => [
    ...recordChecks('absence', t),
    check('absence_reason_ck', sql`${t.reason} in ('MATERNITY','ILLNESS','TRAINING','INJURY_DUTY','OTHER')`),
    check('absence_period_ck', sql`${t.validTo} >= ${t.validFrom}`),
    index('absence_person_idx').on(t.personId, t.validFrom),
  ],
);

/** Discipline, investigation, inspection, complaint or denunciation being handled. */
export const pendingCases = pgTable(
  'pending_case',
  {
    ...recordColumns(),
    kind: text('kind').notNull(),
    openedOn: date('opened_on').notNull(),
    closedOn: date('closed_on'),
    summary: text('summary').notNull(),
  },
  (t) => [
    // A complaint or denunciation about a person or unit opens a case while it is being resolved.
    ...recordChecks('pending_case', t, ['COMPLAINT']),
    check('pending_case_kind_ck', sql`${t.kind} in ('DISCIPLINE','INVESTIGATION','INSPECTION','COMPLAINT','DENUNCIATION')`),
    check('pending_case_period_ck', sql`${t.closedOn} is null or ${t.closedOn} >= ${t.openedOn}`),
    index('pending_case_person_idx').on(t.personId),
    index('pending_case_org_idx').on(t.orgId),
  ],
);

/** Registration for an emulation title (đăng ký thi đua) for a year. */
export const registrations = pgTable(
  'emulation_registration',
  {
    ...recordColumns(),
    year: smallint('year').notNull(),
    awardCode: text('award_code')
      .notNull()
      .references(() => awardTypes.code),
    registeredOn: date('registered_on').notNull(),
    /** The movement registered under; null for the year's titles. */
    movementId: ref('movement_id').references((): AnyPgColumn => movements.id),
    /** The unit that registered (the unit itself, or the CĐCS registering its members). */
    unitId: ref('unit_id')
      .notNull()
      .references(() => organisations.id),
    /** SUBMITTED → APPROVED, or RETURNED with a reason by the superior. */
    reviewStatus: text('review_status').notNull().default('SUBMITTED'),
    reviewReason: text('review_reason'),
    reviewedBy: ref('reviewed_by'),
    reviewedAt: timestamp('reviewed_at', { withTimezone: true }),
  },
  (t) => [
    ...recordChecks('emulation_registration', t),
    check('emulation_registration_review_ck', sql`${t.reviewStatus} in ('SUBMITTED','APPROVED','RETURNED')`),
    check('emulation_registration_returned_ck', sql`${t.reviewStatus} <> 'RETURNED' or ${t.reviewReason} is not null`),
    uniqueIndex('emulation_registration_person_uq')
      .on(t.personId, t.year, t.awardCode, sql`coalesce(${t.movementId}, 0)`)
      .where(sql`${t.status} = 'ACTIVE' and ${t.personId} is not null`),
    uniqueIndex('emulation_registration_org_uq')
      .on(t.orgId, t.year, t.awardCode, sql`coalesce(${t.movementId}, 0)`)
      .where(sql`${t.status} = 'ACTIVE' and ${t.orgId} is not null`),
    index('emulation_registration_unit_idx').on(t.unitId, t.year),
    index('emulation_registration_movement_idx').on(t.movementId, t.unitId),
    index('emulation_registration_drill_idx').using('btree', t.year, sql`${t.scopePath} collate "C"`, t.id).where(sql`${t.status} = 'ACTIVE'`),
  ],
);

/** A collective led its emulation cluster or block in a year (prerequisite for Cờ thi đua). */
export const clusterLeads = pgTable(
  'cluster_lead',
  {
    ...recordColumns(),
    year: smallint('year').notNull(),
    clusterName: text('cluster_name').notNull(),
    level: text('level').notNull().default('PROVINCE'),
  },
  (t) => [...recordChecks('cluster_lead', t), check('cluster_lead_level_ck', sql`${t.level} in ('UPPER','PROVINCE','CENTRAL')`), index('cluster_lead_org_idx').on(t.orgId, t.year)],
);

/** Yearly figures a collective reports when its members' records are not all in Vinh Danh. */
export const unitYearStats = pgTable(
  'unit_year_stats',
  {
    ...recordColumns(),
    year: smallint('year').notNull(),
    members: integer('members').notNull(),
    completed: integer('completed').notNull(),
    ldtt: integer('ldtt').notNull(),
    cstdcs: integer('cstdcs').notNull(),
    disciplinedWarningOrAbove: integer('disciplined_warning_or_above').notNull(),
  },
  (t) => [
    ...recordChecks('unit_year_stats', t),
    check('unit_year_stats_counts_ck', sql`${t.completed} <= ${t.members} and ${t.ldtt} <= ${t.members} and ${t.cstdcs} <= ${t.ldtt} and ${t.disciplinedWarningOrAbove} <= ${t.members}`),
    uniqueIndex('unit_year_stats_uq').on(t.orgId, t.year).where(sql`${t.status} = 'ACTIVE'`),
  ],
);

// ── Outgoing documents and plans (issue 4) ───────────────────────────────────────────────────────

/** Last number used per issuing organisation, year and document type (Nghị định 30/2020). */
export const documentCounters = pgTable(
  'document_counter',
  {
    orgId: ref('org_id')
      .notNull()
      .references(() => organisations.id),
    year: smallint('year').notNull(),
    docType: text('doc_type').notNull(),
    lastNumber: integer('last_number').notNull(),
  },
  (t) => [uniqueIndex('document_counter_pk').on(t.orgId, t.year, t.docType), check('document_counter_number_ck', sql`${t.lastNumber} > 0`)],
);

/** Sổ văn bản đi: every issued document with its number; a number is never reused. */
export const outgoingDocuments = pgTable(
  'outgoing_document',
  {
    id: id(),
    orgId: ref('org_id')
      .notNull()
      .references(() => organisations.id),
    year: smallint('year').notNull(),
    docType: text('doc_type').notNull(),
    number: integer('number').notNull(),
    symbol: text('symbol').notNull(),
    issuedOn: date('issued_on').notNull(),
    title: text('title').notNull(),
    entityType: text('entity_type').notNull(),
    entityId: ref('entity_id').notNull(),
    /** Set when the organisation's website is among the recipients: shown on its public pages. */
    publishedAt: timestamp('published_at', { withTimezone: true }),
    /** Lưu: the archive copy as issued (DOCX bytes) and its SHA-256. */
    archiveDocx: bytea('archive_docx'),
    archiveSha256: text('archive_sha256'),
    createdBy: ref('created_by'),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('outgoing_document_number_uq').on(t.orgId, t.year, t.docType, t.number), index('outgoing_document_org_idx').on(t.orgId, t.issuedOn)],
);

/** Kế hoạch: drafted as structured blocks, issued with a number. */
export const plans = pgTable(
  'plan',
  {
    id: id(),
    orgId: ref('org_id')
      .notNull()
      .references(() => organisations.id),
    orgPath: text('org_path').notNull(),
    year: smallint('year').notNull(),
    status: text('status').notNull().default('DRAFT'),
    title: text('title').notNull(),
    theme: text('theme'),
    place: text('place').notNull(),
    intro: text('intro'),
    basis: jsonb('basis').notNull().default(sql`'[]'::jsonb`),
    blocks: jsonb('blocks').notNull(),
    signer: jsonb('signer').notNull(),
    recipients: jsonb('recipients').notNull().default(sql`'[]'::jsonb`),
    documentId: ref('document_id').references(() => outgoingDocuments.id),
    number: integer('number'),
    symbol: text('symbol'),
    issuedOn: date('issued_on'),
    createdBy: ref('created_by'),
    createdAt: createdAt(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    check('plan_status_ck', sql`${t.status} in ('DRAFT','ISSUED')`),
    check('plan_issued_ck', sql`(${t.status} = 'ISSUED') = (${t.number} is not null and ${t.issuedOn} is not null and ${t.documentId} is not null)`),
    index('plan_org_path_idx').using('btree', sql`${t.orgPath} text_pattern_ops`, sql`${t.year}`),
  ],
);

// ── Movements, the cascade to subordinate units, inboxes and clusters (issue 4) ──────────────────

/** Phong trào thi đua launched by an organisation; its life cycle is recorded step by step. */
export const movements = pgTable(
  'movement',
  {
    id: id(),
    orgId: ref('org_id')
      .notNull()
      .references(() => organisations.id),
    orgPath: text('org_path').notNull(),
    year: smallint('year').notNull(),
    /** REGULAR (thường xuyên), ROUND (theo đợt), THEMATIC (chuyên đề). */
    kind: text('kind').notNull(),
    title: text('title').notNull(),
    slogan: text('slogan'),
    content: text('content').notNull().default(''),
    participants: text('participants'),
    startsOn: date('starts_on').notNull(),
    endsOn: date('ends_on').notNull(),
    /** Concrete, checkable criteria: [{ text, measure, target }]. */
    criteria: jsonb('criteria').notNull().default(sql`'[]'::jsonb`),
    /** Award codes the launching organisation offers at the end ("cấp nào phát động thì cấp đó khen thưởng"). */
    offeredAwards: jsonb('offered_awards').notNull().default(sql`'[]'::jsonb`),
    planId: ref('plan_id').references(() => plans.id),
    status: text('status').notNull().default('DRAFT'),
    launchedOn: date('launched_on'),
    midReviewOn: date('mid_review_on'),
    finalReviewOn: date('final_review_on'),
    closedOn: date('closed_on'),
    createdBy: ref('created_by'),
    createdAt: createdAt(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    check('movement_kind_ck', sql`${t.kind} in ('REGULAR','ROUND','THEMATIC')`),
    check('movement_status_ck', sql`${t.status} in ('DRAFT','LAUNCHED','IN_PROGRESS','MID_REVIEW','FINAL_REVIEW','CLOSED')`),
    check('movement_period_ck', sql`${t.endsOn} >= ${t.startsOn}`),
    index('movement_org_path_idx').using('btree', sql`${t.orgPath} text_pattern_ops`, sql`${t.year}`),
  ],
);

/** Every step of a movement's life cycle (launch, sơ kết, tổng kết, close) with its date and note. */
export const movementSteps = pgTable(
  'movement_step',
  {
    id: id(),
    movementId: ref('movement_id')
      .notNull()
      .references(() => movements.id),
    fromStatus: text('from_status'),
    toStatus: text('to_status').notNull(),
    onDate: date('on_date').notNull(),
    note: text('note'),
    actorId: ref('actor_id'),
    createdAt: createdAt(),
  },
  (t) => [index('movement_step_movement_idx').on(t.movementId, t.id)],
);

/**
 * A request from an issuing organisation to subordinate units to respond to a plan or a movement
 * (with their own plan, or with registrations) by a deadline.
 */
export const responseRequests = pgTable(
  'response_request',
  {
    id: id(),
    issuerOrgId: ref('issuer_org_id')
      .notNull()
      .references(() => organisations.id),
    issuerPath: text('issuer_path').notNull(),
    sourceType: text('source_type').notNull(),
    sourceId: ref('source_id').notNull(),
    /** PLAN: each unit issues its own plan based on the source; REGISTRATION: units register. */
    responseKind: text('response_kind').notNull(),
    year: smallint('year').notNull(),
    title: text('title').notNull(),
    deadline: date('deadline').notNull(),
    status: text('status').notNull().default('OPEN'),
    createdBy: ref('created_by'),
    createdAt: createdAt(),
  },
  (t) => [
    check('response_request_source_ck', sql`${t.sourceType} in ('plan','movement')`),
    check('response_request_kind_ck', sql`${t.responseKind} in ('PLAN','REGISTRATION')`),
    check('response_request_status_ck', sql`${t.status} in ('OPEN','CLOSED')`),
    uniqueIndex('response_request_source_uq').on(t.sourceType, t.sourceId, t.responseKind),
    index('response_request_issuer_idx').using('btree', sql`${t.issuerPath} text_pattern_ops`, sql`${t.year}`),
  ],
);

/** One unit asked to respond; the first response (plan issued / registration submitted) is recorded. */
export const requestTargets = pgTable(
  'request_target',
  {
    requestId: ref('request_id')
      .notNull()
      .references(() => responseRequests.id),
    orgId: ref('org_id')
      .notNull()
      .references(() => organisations.id),
    orgPath: text('org_path').notNull(),
    respondedAt: timestamp('responded_at', { withTimezone: true }),
    responseType: text('response_type'),
    responseId: ref('response_id'),
    remindedAt: timestamp('reminded_at', { withTimezone: true }),
    reminderCount: integer('reminder_count').notNull().default(0),
  },
  (t) => [
    uniqueIndex('request_target_pk').on(t.requestId, t.orgId),
    index('request_target_org_idx').on(t.orgId),
    check('request_target_response_ck', sql`(${t.respondedAt} is null) = (${t.responseType} is null)`),
  ],
);

/** What arrives for an organisation: issued documents, requests to respond, reminders, notices. */
export const inboxItems = pgTable(
  'inbox_item',
  {
    id: id(),
    orgId: ref('org_id')
      .notNull()
      .references(() => organisations.id),
    kind: text('kind').notNull(),
    title: text('title').notNull(),
    body: text('body'),
    senderOrgId: ref('sender_org_id').references(() => organisations.id),
    documentId: ref('document_id').references(() => outgoingDocuments.id),
    requestId: ref('request_id').references(() => responseRequests.id),
    /** Web path the item opens ("/ke-hoach/12"). */
    link: text('link'),
    createdAt: createdAt(),
    /** Read receipt: the first reader of the recipient organisation and when. */
    readAt: timestamp('read_at', { withTimezone: true }),
    readBy: ref('read_by').references(() => users.id),
  },
  (t) => [
    check('inbox_item_kind_ck', sql`${t.kind} in ('DOCUMENT','REQUEST','REMINDER','NOTICE')`),
    index('inbox_item_org_idx').on(t.orgId, t.createdAt),
    uniqueIndex('inbox_item_document_uq').on(t.documentId, t.orgId).where(sql`${t.kind} = 'DOCUMENT'`),
    index('inbox_item_request_idx').on(t.requestId),
  ],
);

/** Mail waiting to be sent through SMTP (written in the transaction, sent after commit). */
export const emailOutbox = pgTable(
  'email_outbox',
  {
    id: id(),
    toAddress: text('to_address').notNull(),
    subject: text('subject').notNull(),
    body: text('body').notNull(),
    status: text('status').notNull().default('PENDING'),
    attempts: integer('attempts').notNull().default(0),
    lastError: text('last_error'),
    createdAt: createdAt(),
    sentAt: timestamp('sent_at', { withTimezone: true }),
  },
  (t) => [check('email_outbox_status_ck', sql`${t.status} in ('PENDING','SENT','FAILED')`), index('email_outbox_pending_idx').on(t.status, t.id)],
);

/** Cụm / khối thi đua for a year, organised by a federation. */
export const emulationClusters = pgTable(
  'emulation_cluster',
  {
    id: id(),
    orgId: ref('org_id')
      .notNull()
      .references(() => organisations.id),
    orgPath: text('org_path').notNull(),
    year: smallint('year').notNull(),
    kind: text('kind').notNull(),
    name: text('name').notNull(),
    /** Level of the cluster for Cờ thi đua rules (UPPER, PROVINCE, CENTRAL). */
    level: text('level').notNull(),
    covenantSignedOn: date('covenant_signed_on'),
    /** Giao ước thi đua: the commitments the members sign, as paragraphs. */
    covenant: jsonb('covenant').notNull().default(sql`'[]'::jsonb`),
    leaderOrgId: ref('leader_org_id').references(() => organisations.id),
    leaderChosenOn: date('leader_chosen_on'),
    leaderRecordId: ref('leader_record_id').references(() => clusterLeads.id),
    createdBy: ref('created_by'),
    createdAt: createdAt(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    check('emulation_cluster_kind_ck', sql`${t.kind} in ('CLUSTER','BLOCK')`),
    check('emulation_cluster_level_ck', sql`${t.level} in ('UPPER','PROVINCE','CENTRAL')`),
    uniqueIndex('emulation_cluster_name_uq').on(t.orgId, t.year, t.name),
    index('emulation_cluster_path_idx').using('btree', sql`${t.orgPath} text_pattern_ops`, sql`${t.year}`),
  ],
);

export const emulationClusterMembers = pgTable(
  'emulation_cluster_member',
  {
    clusterId: ref('cluster_id')
      .notNull()
      .references(() => emulationClusters.id),
    orgId: ref('org_id')
      .notNull()
      .references(() => organisations.id),
    role: text('role').notNull().default('MEMBER'),
    /** Order in which members take their turn as head (cụm trưởng). */
    rotationOrder: smallint('rotation_order').notNull(),
  },
  (t) => [
    uniqueIndex('emulation_cluster_member_pk').on(t.clusterId, t.orgId),
    check('emulation_cluster_member_role_ck', sql`${t.role} in ('HEAD','DEPUTY','MEMBER')`),
    uniqueIndex('emulation_cluster_member_head_uq').on(t.clusterId).where(sql`${t.role} = 'HEAD'`),
    uniqueIndex('emulation_cluster_member_deputy_uq').on(t.clusterId).where(sql`${t.role} = 'DEPUTY'`),
    index('emulation_cluster_member_org_idx').on(t.orgId),
  ],
);

// ── Scorecards: templates, scoring rounds, sheets, verification, council marks (issue 5) ─────────

/**
 * A scorecard template version (sections, criteria, maxima, steps, evidence asked) as JSON checked
 * by src/domain/scoring. A published version is never edited: changes make a new version.
 */
export const scorecardTemplates = pgTable(
  'scorecard_template',
  {
    id: id(),
    code: text('code').notNull(),
    version: integer('version').notNull(),
    nameVi: text('name_vi').notNull(),
    nameEn: text('name_en'),
    /** UNIT (a CĐCS, tổ công đoàn…) or PERSON (a member). */
    subject: text('subject').notNull(),
    /** Owner; null for the templates Vinh Danh ships. */
    orgId: ref('org_id').references(() => organisations.id),
    structure: jsonb('structure').notNull(),
    status: text('status').notNull().default('DRAFT'),
    supersedesId: ref('supersedes_id'),
    createdBy: ref('created_by'),
    createdAt: createdAt(),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    /** Optimistic concurrency for draft edits (the template's own `version` numbers its versions). */
    revision: integer('revision').notNull().default(1),
  },
  (t) => [
    check('scorecard_template_subject_ck', sql`${t.subject} in ('UNIT','PERSON')`),
    check('scorecard_template_status_ck', sql`${t.status} in ('DRAFT','PUBLISHED','RETIRED')`),
    uniqueIndex('scorecard_template_version_uq').on(t.code, t.version),
  ],
);

/** A scoring round: an organisation scores (or verifies) a group of units or members for a year. */
export const scoringRounds = pgTable(
  'scoring_round',
  {
    id: id(),
    orgId: ref('org_id')
      .notNull()
      .references(() => organisations.id),
    orgPath: text('org_path').notNull(),
    year: smallint('year').notNull(),
    title: text('title').notNull(),
    templateId: ref('template_id')
      .notNull()
      .references(() => scorecardTemplates.id),
    /** VERIFIED: self-score then verification by the organiser; COUNCIL: several scorers rate each sheet. */
    mode: text('mode').notNull().default('VERIFIED'),
    clusterId: ref('cluster_id').references(() => emulationClusters.id),
    deadline: date('deadline').notNull(),
    /** Tie-break rules, declared before any sheet is submitted. */
    tieBreaks: jsonb('tie_breaks').notNull().default(sql`'[]'::jsonb`),
    /** Classification parameters (bands, extra conditions) used for this round. */
    classification: jsonb('classification').notNull(),
    status: text('status').notNull().default('DRAFT'),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    createdBy: ref('created_by'),
    createdAt: createdAt(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    check('scoring_round_mode_ck', sql`${t.mode} in ('VERIFIED','COUNCIL')`),
    check('scoring_round_status_ck', sql`${t.status} in ('DRAFT','OPEN','CLOSED','PUBLISHED')`),
    index('scoring_round_path_idx').using('btree', sql`${t.orgPath} text_pattern_ops`, sql`${t.year}`),
  ],
);

/** Members of a council scoring round's panel. */
export const scoringRoundScorers = pgTable(
  'scoring_round_scorer',
  {
    roundId: ref('round_id')
      .notNull()
      .references(() => scoringRounds.id),
    userId: ref('user_id')
      .notNull()
      .references(() => users.id),
  },
  (t) => [uniqueIndex('scoring_round_scorer_pk').on(t.roundId, t.userId)],
);

/** One unit's (or member's) sheet in a round: self-score, verification, totals and classification. */
export const scoreSheets = pgTable(
  'score_sheet',
  {
    id: id(),
    roundId: ref('round_id')
      .notNull()
      .references(() => scoringRounds.id),
    orgId: ref('org_id').references(() => organisations.id),
    personId: ref('person_id').references(() => persons.id),
    scopePath: text('scope_path').notNull(),
    /** Indicators for state agencies / public units or for enterprises. */
    variant: text('variant'),
    status: text('status').notNull().default('DRAFT'),
    selfTotal: numeric('self_total', { precision: 7, scale: 2 }),
    verifiedTotal: numeric('verified_total', { precision: 7, scale: 2 }),
    classification: text('classification'),
    rank: integer('rank'),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    submittedBy: ref('submitted_by'),
    verifiedAt: timestamp('verified_at', { withTimezone: true }),
    verifiedBy: ref('verified_by'),
    returnReason: text('return_reason'),
    /** This sheet's own deadline when the organiser extended it; null = the round's. */
    deadline: date('deadline'),
    /** The performance_rating written when the round is published (a fact for eligibility). */
    ratingRecordId: ref('rating_record_id').references(() => performanceRatings.id),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    check('score_sheet_subject_ck', sql`(${t.personId} is null) <> (${t.orgId} is null)`),
    check('score_sheet_variant_ck', sql`${t.variant} is null or ${t.variant} in ('STATE','ENTERPRISE')`),
    check('score_sheet_status_ck', sql`${t.status} in ('DRAFT','SUBMITTED','RETURNED','VERIFIED')`),
    check('score_sheet_classification_ck', sql`${t.classification} is null or ${t.classification} in ('HTXSNV','HTTNV','HTNV','KHTNV')`),
    uniqueIndex('score_sheet_org_uq').on(t.roundId, t.orgId).where(sql`${t.orgId} is not null`),
    uniqueIndex('score_sheet_person_uq').on(t.roundId, t.personId).where(sql`${t.personId} is not null`),
    index('score_sheet_scope_idx').using('btree', sql`${t.scopePath} text_pattern_ops`),
  ],
);

/** Points per criterion: the unit's own, and the verifier's with the reason for any change. */
export const scoreEntries = pgTable(
  'score_entry',
  {
    sheetId: ref('sheet_id')
      .notNull()
      .references(() => scoreSheets.id),
    criterionCode: text('criterion_code').notNull(),
    selfPoints: numeric('self_points', { precision: 6, scale: 2 }),
    selfNote: text('self_note'),
    verifiedPoints: numeric('verified_points', { precision: 6, scale: 2 }),
    verifyReason: text('verify_reason'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('score_entry_pk').on(t.sheetId, t.criterionCode)],
);

/**
 * A file kept by lib/files.ts (outside the web root, by content hash), one row per version: a
 * replacement supersedes the earlier row, a withdrawal revokes it with a reason; nothing is deleted.
 */
const storedFileColumns = () => ({
  fileName: text('file_name').notNull(),
  mimeType: text('mime_type').notNull(),
  sizeBytes: integer('size_bytes').notNull(),
  sha256: text('sha256').notNull(),
  storedPath: text('stored_path').notNull(),
  status: text('status').notNull().default('ACTIVE'),
  revokedReason: text('revoked_reason'),
  revokedAt: timestamp('revoked_at', { withTimezone: true }),
  revokedBy: ref('revoked_by'),
  /** The earlier file this one replaces (a new version of the same document). */
  supersedesId: ref('supersedes_id'),
  uploadedBy: ref('uploaded_by'),
  uploadedAt: timestamp('uploaded_at', { withTimezone: true }).notNull().defaultNow(),
});

/** Evidence files per criterion (stored outside the web root; each version kept). */
export const scoreEvidence = pgTable(
  'score_evidence',
  {
    id: id(),
    sheetId: ref('sheet_id')
      .notNull()
      .references(() => scoreSheets.id),
    criterionCode: text('criterion_code').notNull(),
    ...storedFileColumns(),
  },
  (t) => [check('score_evidence_status_ck', sql`${t.status} in ('ACTIVE','SUPERSEDED','REVOKED')`), index('score_evidence_sheet_idx').on(t.sheetId, t.criterionCode)],
);

/** A council scorer's marks for one sheet, hidden from the other scorers until their own are submitted. */
export const councilMarks = pgTable(
  'council_mark',
  {
    sheetId: ref('sheet_id')
      .notNull()
      .references(() => scoreSheets.id),
    scorerId: ref('scorer_id')
      .notNull()
      .references(() => users.id),
    entries: jsonb('entries').notNull(),
    total: numeric('total', { precision: 7, scale: 2 }).notNull(),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('council_mark_pk').on(t.sheetId, t.scorerId)],
);

/** A correction of published results: what changed, why, by whom. */
export const scoreAmendments = pgTable(
  'score_amendment',
  {
    id: id(),
    sheetId: ref('sheet_id')
      .notNull()
      .references(() => scoreSheets.id),
    before: jsonb('before').notNull(),
    after: jsonb('after').notNull(),
    reason: text('reason').notNull(),
    createdBy: ref('created_by'),
    createdAt: createdAt(),
  },
  (t) => [index('score_amendment_sheet_idx').on(t.sheetId)],
);

/**
 * The national work calendar (issue 6): days that differ from "Monday to Friday worked". HOLIDAY is a
 * day off (public holiday, nghỉ bù); WORKING_DAY is a weekend day declared worked (làm bù). LAW rows are
 * generated from Điều 112 BLLĐ 2019 the first time a year is used; MANUAL rows are administrators'
 * edits. Rows are never deleted: a wrong day is revoked with a reason.
 */
export const workCalendarDays = pgTable(
  'work_calendar_day',
  {
    id: id(),
    date: date('date').notNull(),
    kind: text('kind').notNull(),
    name: text('name').notNull(),
    source: text('source').notNull(),
    status: text('status').notNull().default('ACTIVE'),
    revokedReason: text('revoked_reason'),
    createdBy: ref('created_by'),
    createdAt: createdAt(),
    revokedBy: ref('revoked_by'),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('work_calendar_day_active_uq').on(t.date).where(sql`${t.status} = 'ACTIVE'`),
    index('work_calendar_day_date_idx').on(t.date),
    check('work_calendar_day_kind_ck', sql`${t.kind} in ('HOLIDAY','WORKING_DAY')`),
    check('work_calendar_day_source_ck', sql`${t.source} in ('LAW','MANUAL')`),
    check('work_calendar_day_status_ck', sql`${t.status} in ('ACTIVE','REVOKED')`),
    check('work_calendar_day_name_ck', sql`length(btrim(${t.name})) > 0`),
    check(
      'work_calendar_day_revoked_ck',
      sql`(${t.status} = 'REVOKED') = (${t.revokedAt} is not null and ${t.revokedReason} is not null)`,
    ),
    check('work_calendar_day_law_ck', sql`${t.source} = 'MANUAL' or ${t.kind} = 'HOLIDAY'`),
  ],
);

// ── Nominations (issue 6): rounds, nominations, dossiers, submissions between levels ────────────

/** Đợt xét khen thưởng: the awards a federation considers and the deadlines per level. */
export const nominationRounds = pgTable(
  'nomination_round',
  {
    id: id(),
    orgId: ref('org_id')
      .notNull()
      .references(() => organisations.id),
    orgPath: text('org_path').notNull(),
    year: smallint('year').notNull(),
    title: text('title').notNull(),
    /** ANNUAL (tổng kết năm), THEMATIC (chuyên đề, for a movement) or AD_HOC (đột xuất). */
    kind: text('kind').notNull(),
    movementId: ref('movement_id').references(() => movements.id),
    ceremonyDate: date('ceremony_date').notNull(),
    awardCodes: jsonb('award_codes').$type<string[]>().notNull(),
    /** Durations in working days (per level, decision lead, posting, opinions) and share targets. */
    parameters: jsonb('parameters').notNull(),
    /** Deadlines per level, bottom first, as planned when the round was saved. */
    schedule: jsonb('schedule').notNull(),
    status: text('status').notNull().default('OPEN'),
    closedReason: text('closed_reason'),
    createdBy: ref('created_by'),
    createdAt: createdAt(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    check('nomination_round_kind_ck', sql`${t.kind} in ('ANNUAL','THEMATIC','AD_HOC')`),
    check('nomination_round_status_ck', sql`${t.status} in ('OPEN','CLOSED','CANCELLED')`),
    index('nomination_round_path_idx').using('btree', sql`${t.orgPath} text_pattern_ops`, sql`${t.year}`),
  ],
);

/** Đề nghị khen thưởng: one subject (a person or a unit) proposed for one award in a round. */
export const nominations = pgTable(
  'nomination',
  {
    id: id(),
    roundId: ref('round_id')
      .notNull()
      .references(() => nominationRounds.id),
    /** The unit that proposes (owns the draft); its path scopes who may read it. */
    proposerOrgId: ref('proposer_org_id')
      .notNull()
      .references(() => organisations.id),
    proposerPath: text('proposer_path').notNull(),
    personId: ref('person_id').references(() => persons.id),
    subjectOrgId: ref('subject_org_id').references(() => organisations.id),
    /** Path of the subject's unit (the person's unit, or the unit itself): recusal and conflicts. */
    subjectPath: text('subject_path').notNull(),
    /** Denormalised for lists and search: the person's or unit's name, and its folded form. */
    subjectName: text('subject_name').notNull(),
    subjectNameFolded: text('subject_name_folded').generatedAlwaysAs(sql`vd_fold(subject_name)`),
    awardCode: text('award_code')
      .notNull()
      .references(() => awardTypes.code),
    procedure: text('procedure').notNull().default('NORMAL'),
    achievementSummary: text('achievement_summary'),
    /** Achievements the nomination relies on ("initiative:12"): one achievement, one form. */
    achievementRefs: jsonb('achievement_refs').$type<string[]>().notNull().default(sql`'[]'::jsonb`),
    eligibilityStatus: text('eligibility_status').notNull(),
    /** The explanation itself is in nomination_eligibility: lists never read it. */
    eligibilityCheckedAt: timestamp('eligibility_checked_at', { withTimezone: true }).notNull(),
    /** Why a nomination the engine finds not eligible should still go forward. */
    justification: text('justification'),
    status: text('status').notNull().default('DRAFT'),
    /** The organisation currently holding it (the proposer, then each appraising level). */
    holderOrgId: ref('holder_org_id')
      .notNull()
      .references(() => organisations.id),
    submissionId: ref('submission_id'),
    /** Path of the highest organisation it was submitted to: readers there and above it see it. */
    reachedPath: text('reached_path'),
    /** The holder's path (denormalised for inbox and edit checks). */
    holderPath: text('holder_path').notNull(),
    withdrawnReason: text('withdrawn_reason'),
    createdBy: ref('created_by'),
    createdAt: createdAt(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    check('nomination_subject_ck', sql`(${t.personId} is null) <> (${t.subjectOrgId} is null)`),
    check('nomination_procedure_ck', sql`${t.procedure} in ('NORMAL','SIMPLIFIED')`),
    check('nomination_eligibility_ck', sql`${t.eligibilityStatus} in ('ELIGIBLE','NOT_ELIGIBLE','MISSING_EVIDENCE')`),
    check('nomination_status_ck', sql`${t.status} in ('DRAFT','IN_REVIEW','RETURNED','ACCEPTED','REJECTED','WITHDRAWN','TO_COUNCIL','COUNCIL_PASSED','COUNCIL_FAILED','AWARDED')`),
    uniqueIndex('nomination_person_uq').on(t.roundId, t.personId, t.awardCode).where(sql`${t.personId} is not null and ${t.status} <> 'WITHDRAWN'`),
    uniqueIndex('nomination_org_uq').on(t.roundId, t.subjectOrgId, t.awardCode).where(sql`${t.subjectOrgId} is not null and ${t.status} <> 'WITHDRAWN'`),
    index('nomination_round_proposer_idx').using('btree', t.roundId, sql`${t.proposerPath} text_pattern_ops`),
    index('nomination_holder_idx').on(t.holderOrgId, t.status),
    index('nomination_person_idx').on(t.personId),
    index('nomination_subject_org_idx').on(t.subjectOrgId),
    index('nomination_drill_idx').using('btree', sql`${t.subjectPath} collate "C"`, t.id),
    index('nomination_submission_idx').on(t.submissionId),
    index('nomination_refs_gin').using('gin', t.achievementRefs),
  ],
);

/**
 * The engine's explanation of a nomination when last evaluated (status, reasons with their rules and
 * citations, rule packs, parameters). Kept beside the nomination, not in it: at ~2 KB it would
 * otherwise sit in the nomination row and make every list scan ten times the pages.
 */
export const nominationEligibility = pgTable('nomination_eligibility', {
  nominationId: ref('nomination_id')
    .primaryKey()
    .references(() => nominations.id),
  snapshot: jsonb('snapshot').notNull(),
});

/** Files of a nomination's dossier (hồ sơ), one row per version; nothing is deleted. */
export const nominationDocuments = pgTable(
  'nomination_document',
  {
    id: id(),
    nominationId: ref('nomination_id')
      .notNull()
      .references(() => nominations.id),
    kind: text('kind').notNull(),
    ...storedFileColumns(),
  },
  (t) => [
    check('nomination_document_status_ck', sql`${t.status} in ('ACTIVE','SUPERSEDED','REVOKED')`),
    index('nomination_document_nomination_idx').on(t.nominationId, t.kind),
  ],
);

/** Tờ trình: a batch of nominations sent by one unit to its superior, and its appraisal there. */
export const submissions = pgTable(
  'submission',
  {
    id: id(),
    roundId: ref('round_id')
      .notNull()
      .references(() => nominationRounds.id),
    fromOrgId: ref('from_org_id')
      .notNull()
      .references(() => organisations.id),
    fromPath: text('from_path').notNull(),
    toOrgId: ref('to_org_id')
      .notNull()
      .references(() => organisations.id),
    title: text('title').notNull(),
    note: text('note'),
    /** NORMAL, or SIMPLIFIED for a batch of simplified-procedure nominations. */
    procedure: text('procedure').notNull().default('NORMAL'),
    status: text('status').notNull().default('DRAFT'),
    /** The lower-level submission whose accepted nominations this one carries up. */
    escalatedFromId: ref('escalated_from_id'),
    /** Appraisal deadline at the receiving level (working days from receipt). */
    dueOn: date('due_on'),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    submittedBy: ref('submitted_by'),
    receivedAt: timestamp('received_at', { withTimezone: true }),
    receivedBy: ref('received_by'),
    appraisedAt: timestamp('appraised_at', { withTimezone: true }),
    appraisedBy: ref('appraised_by'),
    returnReason: text('return_reason'),
    lastRemindedAt: timestamp('last_reminded_at', { withTimezone: true }),
    createdBy: ref('created_by'),
    createdAt: createdAt(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    check('submission_procedure_ck', sql`${t.procedure} in ('NORMAL','SIMPLIFIED')`),
    check(
      'submission_status_ck',
      sql`${t.status} in ('DRAFT','SUBMITTED','RECEIVED','UNDER_APPRAISAL','RETURNED','RESUBMITTED','APPRAISED','TO_COUNCIL','ESCALATED','WITHDRAWN')`,
    ),
    index('submission_to_idx').on(t.toOrgId, t.status, t.dueOn),
    index('submission_from_idx').using('btree', sql`${t.fromPath} text_pattern_ops`, t.roundId),
    index('submission_round_idx').on(t.roundId),
  ],
);

/** A nomination in a submission, with the appraiser's decision on it. */
export const submissionItems = pgTable(
  'submission_item',
  {
    id: id(),
    submissionId: ref('submission_id')
      .notNull()
      .references(() => submissions.id),
    nominationId: ref('nomination_id')
      .notNull()
      .references(() => nominations.id),
    position: integer('position').notNull(),
    state: text('state').notNull().default('PENDING'),
    reason: text('reason'),
    decidedBy: ref('decided_by'),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
  },
  (t) => [
    check('submission_item_state_ck', sql`${t.state} in ('PENDING','ACCEPTED','RETURNED','FIXED','REJECTED','WITHDRAWN')`),
    uniqueIndex('submission_item_uq').on(t.submissionId, t.nominationId),
    index('submission_item_nomination_idx').on(t.nominationId),
  ],
);

/** What happened to a nomination, level by level (returns with reasons, decisions): shown to reviewers. */
export const nominationEvents = pgTable(
  'nomination_event',
  {
    id: id(),
    nominationId: ref('nomination_id')
      .notNull()
      .references(() => nominations.id),
    submissionId: ref('submission_id'),
    orgId: ref('org_id').references(() => organisations.id),
    kind: text('kind').notNull(),
    reason: text('reason'),
    actorId: ref('actor_id'),
    occurredAt: timestamp('occurred_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('nomination_event_nomination_idx').on(t.nominationId, t.id)],
);

/** Opinion of a related agency (tax, social insurance, police…) asked about a nomination. */
export const opinionRequests = pgTable(
  'opinion_request',
  {
    id: id(),
    nominationId: ref('nomination_id')
      .notNull()
      .references(() => nominations.id),
    orgId: ref('org_id')
      .notNull()
      .references(() => organisations.id),
    agency: text('agency').notNull(),
    question: text('question').notNull(),
    dueOn: date('due_on').notNull(),
    requestedBy: ref('requested_by'),
    requestedAt: timestamp('requested_at', { withTimezone: true }).notNull().defaultNow(),
    /** AGREE, OBJECT (with the answer as the reason) or null while waiting. */
    outcome: text('outcome'),
    answer: text('answer'),
    answeredOn: date('answered_on'),
    recordedBy: ref('recorded_by'),
    documentId: ref('document_id').references(() => nominationDocuments.id),
  },
  (t) => [
    check('opinion_request_outcome_ck', sql`${t.outcome} is null or ${t.outcome} in ('AGREE','OBJECT')`),
    check('opinion_request_answer_ck', sql`(${t.outcome} is null) = (${t.answeredOn} is null)`),
    index('opinion_request_nomination_idx').on(t.nominationId),
  ],
);

// ── Council (Hội đồng Thi đua – Khen thưởng): terms, members, meetings, ballots (issue 7) ──────────

/** A council of an organisation for one term. At most one active council per organisation. */
export const councils = pgTable(
  'council',
  {
    id: id(),
    orgId: ref('org_id')
      .notNull()
      .references(() => organisations.id),
    orgPath: text('org_path').notNull(),
    name: text('name').notNull(),
    /** "Nhiệm kỳ 2023–2028". */
    termLabel: text('term_label').notNull(),
    termStartsOn: date('term_starts_on').notNull(),
    termEndsOn: date('term_ends_on'),
    /** At most this many members (2106/QĐ-TLĐ Điều 35: 9 at province level; a parameter). */
    maxMembers: integer('max_members').notNull().default(9),
    /** The unit acting as standing office (cơ quan thường trực), e.g. "Ban Tổ chức". */
    standingOffice: text('standing_office'),
    /** Reference to the council's own operating regulation (quy chế hoạt động). */
    regulationRef: text('regulation_ref'),
    /** Overrides of the vote rules: { default?: Partial<VoteRule>, awards?: { CODE: Partial<VoteRule> } }. */
    voteRules: jsonb('vote_rules').notNull().default(sql`'{}'::jsonb`),
    status: text('status').notNull().default('ACTIVE'),
    endedReason: text('ended_reason'),
    createdBy: ref('created_by'),
    createdAt: createdAt(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    check('council_status_ck', sql`${t.status} in ('ACTIVE','ENDED')`),
    check('council_max_members_ck', sql`${t.maxMembers} between 3 and 99`),
    uniqueIndex('council_active_uq').on(t.orgId).where(sql`${t.status} = 'ACTIVE'`),
    index('council_path_idx').using('btree', sql`${t.orgPath} text_pattern_ops`),
  ],
);

/** A person's seat on a council: role, and the dates it was held. Seats end, they are not deleted. */
export const councilMembers = pgTable(
  'council_member',
  {
    id: id(),
    councilId: ref('council_id')
      .notNull()
      .references(() => councils.id),
    personId: ref('person_id')
      .notNull()
      .references(() => persons.id),
    /** CHAIR (chủ tịch), VICE_CHAIR (phó chủ tịch), STANDING (ủy viên thường trực), MEMBER (ủy viên). */
    role: text('role').notNull(),
    /** Office held, as printed in the minutes ("Chủ tịch LĐLĐ huyện"). */
    title: text('title'),
    joinedOn: date('joined_on').notNull(),
    leftOn: date('left_on'),
    leftReason: text('left_reason'),
    createdAt: createdAt(),
  },
  (t) => [
    check('council_member_role_ck', sql`${t.role} in ('CHAIR','VICE_CHAIR','STANDING','MEMBER')`),
    uniqueIndex('council_member_active_uq').on(t.councilId, t.personId).where(sql`${t.leftOn} is null`),
    index('council_member_person_idx').on(t.personId),
  ],
);

/** A relation a member declared (family, work…) with a person or a unit: recusal when it is nominated. */
export const councilRelations = pgTable(
  'council_relation',
  {
    id: id(),
    memberId: ref('member_id')
      .notNull()
      .references(() => councilMembers.id),
    personId: ref('person_id').references(() => persons.id),
    orgId: ref('org_id').references(() => organisations.id),
    relation: text('relation').notNull(),
    declaredAt: timestamp('declared_at', { withTimezone: true }).notNull().defaultNow(),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    revokedReason: text('revoked_reason'),
  },
  (t) => [
    check('council_relation_subject_ck', sql`(${t.personId} is null) <> (${t.orgId} is null)`),
    index('council_relation_member_idx').on(t.memberId),
  ],
);

export const councilMeetings = pgTable(
  'council_meeting',
  {
    id: id(),
    councilId: ref('council_id')
      .notNull()
      .references(() => councils.id),
    orgId: ref('org_id')
      .notNull()
      .references(() => organisations.id),
    orgPath: text('org_path').notNull(),
    title: text('title').notNull(),
    scheduledAt: timestamp('scheduled_at', { withTimezone: true }).notNull(),
    place: text('place'),
    /** SCHEDULED → OPEN → CLOSED, or CANCELLED. */
    status: text('status').notNull().default('SCHEDULED'),
    /** Member presiding and member taking the minutes; members counting the paper ballots. */
    presidingMemberId: ref('presiding_member_id').references(() => councilMembers.id),
    secretaryName: text('secretary_name'),
    counterMemberIds: jsonb('counter_member_ids').$type<number[]>().notNull().default(sql`'[]'::jsonb`),
    notes: text('notes'),
    openedAt: timestamp('opened_at', { withTimezone: true }),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    /** Hash of the last tally when the meeting closed (the head of its tally chain). */
    tallyHead: text('tally_head'),
    cancelledReason: text('cancelled_reason'),
    createdBy: ref('created_by'),
    createdAt: createdAt(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    check('council_meeting_status_ck', sql`${t.status} in ('SCHEDULED','OPEN','CLOSED','CANCELLED')`),
    index('council_meeting_council_idx').on(t.councilId, t.scheduledAt),
    index('council_meeting_path_idx').using('btree', sql`${t.orgPath} text_pattern_ops`),
  ],
);

/** Attendance per member (PRESENT or ABSENT with a reason), recorded before and during the meeting. */
export const meetingAttendance = pgTable(
  'meeting_attendance',
  {
    meetingId: ref('meeting_id')
      .notNull()
      .references(() => councilMeetings.id),
    memberId: ref('member_id')
      .notNull()
      .references(() => councilMembers.id),
    status: text('status').notNull(),
    absenceReason: text('absence_reason'),
  },
  (t) => [
    uniqueIndex('meeting_attendance_pk').on(t.meetingId, t.memberId),
    check('meeting_attendance_status_ck', sql`${t.status} in ('PRESENT','ABSENT')`),
  ],
);

/** One nomination on the agenda, with how it is voted and, once closed, its result. */
export const meetingItems = pgTable(
  'meeting_item',
  {
    id: id(),
    meetingId: ref('meeting_id')
      .notNull()
      .references(() => councilMeetings.id),
    nominationId: ref('nomination_id')
      .notNull()
      .references(() => nominations.id),
    position: integer('position').notNull(),
    /** SECRET_ONLINE, SECRET_PAPER (counts entered by the vote counters) or SHOW_OF_HANDS. */
    method: text('method').notNull(),
    /** The effective vote rule, frozen when voting opens. */
    rule: jsonb('rule'),
    /** PENDING → VOTING → CLOSED, or WITHDRAWN (taken off the agenda with a reason). */
    status: text('status').notNull().default('PENDING'),
    /** Snapshot when voting opened: members in office, present, recused. */
    membersTotal: integer('members_total'),
    presentCount: integer('present_count'),
    recusedCount: integer('recused_count'),
    /** PASSED, FAILED or NO_QUORUM once closed (the tally row is the record; this is for lists). */
    result: text('result'),
    withdrawnReason: text('withdrawn_reason'),
    openedAt: timestamp('opened_at', { withTimezone: true }),
    closedAt: timestamp('closed_at', { withTimezone: true }),
  },
  (t) => [
    check('meeting_item_method_ck', sql`${t.method} in ('SECRET_ONLINE','SECRET_PAPER','SHOW_OF_HANDS')`),
    check('meeting_item_status_ck', sql`${t.status} in ('PENDING','VOTING','CLOSED','WITHDRAWN')`),
    check('meeting_item_result_ck', sql`${t.result} is null or ${t.result} in ('PASSED','FAILED','NO_QUORUM')`),
    uniqueIndex('meeting_item_nomination_uq').on(t.meetingId, t.nominationId).where(sql`${t.status} <> 'WITHDRAWN'`),
    index('meeting_item_meeting_idx').on(t.meetingId, t.position),
    index('meeting_item_nomination_idx').on(t.nominationId),
  ],
);

/** A member who does not vote on an item: the nominee, same unit, direct superior, declared relation. */
export const meetingRecusals = pgTable(
  'meeting_recusal',
  {
    itemId: ref('item_id')
      .notNull()
      .references(() => meetingItems.id),
    memberId: ref('member_id')
      .notNull()
      .references(() => councilMembers.id),
    /** SELF, SAME_UNIT, SUPERIOR, DECLARED or MANUAL (declared at the meeting). */
    reason: text('reason').notNull(),
    note: text('note'),
  },
  (t) => [
    uniqueIndex('meeting_recusal_pk').on(t.itemId, t.memberId),
    check('meeting_recusal_reason_ck', sql`${t.reason} in ('SELF','SAME_UNIT','SUPERIOR','DECLARED','MANUAL')`),
  ],
);

/**
 * Who has voted on an item, and how (ONLINE or WRITTEN): double votes are refused by its key. It
 * carries no time and nothing that orders it, and nothing joins it to a ballot.
 */
export const ballotVoters = pgTable(
  'ballot_voter',
  {
    itemId: ref('item_id')
      .notNull()
      .references(() => meetingItems.id),
    memberId: ref('member_id')
      .notNull()
      .references(() => councilMembers.id),
    channel: text('channel').notNull(),
  },
  (t) => [
    uniqueIndex('ballot_voter_pk').on(t.itemId, t.memberId),
    check('ballot_voter_channel_ck', sql`${t.channel} in ('ONLINE','WRITTEN')`),
  ],
);

/**
 * An anonymous secret ballot: no voter, no time, a random key. `receipt_hash` is the hash of the code
 * the voter was given; `hash` covers the item, the choice, the channel and the receipt hash.
 * Append-only (a trigger refuses updates and deletes).
 */
export const ballots = pgTable(
  'ballot',
  {
    id: text('id').primaryKey(),
    itemId: ref('item_id')
      .notNull()
      .references(() => meetingItems.id),
    choice: text('choice').notNull(),
    channel: text('channel').notNull(),
    receiptHash: text('receipt_hash').notNull(),
    hash: text('hash').notNull(),
  },
  (t) => [
    check('ballot_choice_ck', sql`${t.choice} in ('YES','NO','ABSTAIN')`),
    // SEALED: opened from the ballot box at closing; the channel is kept only with the voters, since a
    // lone written ballot would otherwise name its voter.
    check('ballot_channel_ck', sql`${t.channel} in ('ONLINE','WRITTEN','SEALED')`),
    uniqueIndex('ballot_receipt_uq').on(t.receiptHash),
    index('ballot_item_idx').on(t.itemId),
  ],
);

/**
 * The sealed ballot box of an item being voted on: one envelope per ballot (choice, channel and
 * receipt hash encrypted with the server's ballot key, which is kept outside the database; every
 * envelope the same size). Written in the voter's transaction beside `ballot_voter`; opened at
 * closing, when the ballots are written in one transaction in random order and the envelopes removed,
 * so no transaction id, time or order ties a `ballot` row to its voter. Never updated.
 */
export const ballotEnvelopes = pgTable(
  'ballot_envelope',
  {
    id: text('id').primaryKey(),
    itemId: ref('item_id')
      .notNull()
      .references(() => meetingItems.id),
    sealed: text('sealed').notNull(),
  },
  (t) => [index('ballot_envelope_item_idx').on(t.itemId)],
);

/**
 * The sealed count of one item: counts, the root of its ballots (sorted by hash and chained), the
 * inputs of the rule and the result. Chained per meeting in closing order. Append-only.
 */
export const ballotTallies = pgTable(
  'ballot_tally',
  {
    id: id(),
    meetingId: ref('meeting_id')
      .notNull()
      .references(() => councilMeetings.id),
    itemId: ref('item_id')
      .notNull()
      .references(() => meetingItems.id),
    seq: integer('seq').notNull(),
    /** { method, counts, written, membersTotal, present, recused, recusedPresent, denominator, outcome, rule, nominationId } */
    body: jsonb('body').notNull(),
    ballotsRoot: text('ballots_root').notNull(),
    prevHash: text('prev_hash').notNull(),
    hash: text('hash').notNull(),
    sealedBy: ref('sealed_by'),
    sealedAt: timestamp('sealed_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('ballot_tally_item_uq').on(t.itemId), uniqueIndex('ballot_tally_seq_uq').on(t.meetingId, t.seq)],
);

// ── Public consultation (công khai, lấy ý kiến): lists of proposed awardees on the public site ─────

export const consultations = pgTable(
  'consultation',
  {
    id: id(),
    orgId: ref('org_id')
      .notNull()
      .references(() => organisations.id),
    orgPath: text('org_path').notNull(),
    title: text('title').notNull(),
    /** The meeting the feedback is reported to, when known. */
    meetingId: ref('meeting_id').references(() => councilMeetings.id),
    startsOn: date('starts_on').notNull(),
    /** Last day feedback is accepted (startsOn + N working days − 1). */
    endsOn: date('ends_on').notNull(),
    workingDays: integer('working_days').notNull(),
    /** OPEN (published; ENDED is derived from the date) or WITHDRAWN with a reason. */
    status: text('status').notNull().default('OPEN'),
    withdrawnReason: text('withdrawn_reason'),
    createdBy: ref('created_by'),
    createdAt: createdAt(),
  },
  (t) => [
    check('consultation_status_ck', sql`${t.status} in ('OPEN','WITHDRAWN')`),
    index('consultation_path_idx').using('btree', sql`${t.orgPath} text_pattern_ops`, sql`${t.endsOn}`),
  ],
);

/** A proposed awardee on a published list, with the short public summary (no personal data). */
export const consultationItems = pgTable(
  'consultation_item',
  {
    id: id(),
    consultationId: ref('consultation_id')
      .notNull()
      .references(() => consultations.id),
    nominationId: ref('nomination_id')
      .notNull()
      .references(() => nominations.id),
    publicSummary: text('public_summary').notNull(),
  },
  (t) => [uniqueIndex('consultation_item_uq').on(t.consultationId, t.nominationId), index('consultation_item_nomination_idx').on(t.nominationId)],
);

/** Feedback from the public about one proposed awardee; moderated and handled by the officers. */
export const consultationFeedback = pgTable(
  'consultation_feedback',
  {
    id: id(),
    itemId: ref('item_id')
      .notNull()
      .references(() => consultationItems.id),
    authorName: text('author_name').notNull(),
    contact: text('contact').notNull(),
    body: text('body').notNull(),
    /** Salted hash of the sender's address, for rate limits and floods (the address is not kept). */
    clientHash: text('client_hash').notNull(),
    /** NEW → RELEVANT (handled, with a handling note) or DISMISSED (spam, off-topic) with a reason. */
    status: text('status').notNull().default('NEW'),
    handling: text('handling'),
    handledBy: ref('handled_by'),
    handledAt: timestamp('handled_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [
    check('consultation_feedback_status_ck', sql`${t.status} in ('NEW','RELEVANT','DISMISSED')`),
    index('consultation_feedback_item_idx').on(t.itemId, t.id),
    index('consultation_feedback_client_idx').on(t.clientHash, t.createdAt),
  ],
);

// ── Decisions (quyết định khen thưởng) and their lines (issue 8) ───────────────────────────────────

/** A commendation decision: drafted from council results or directly, numbered and locked at signing. */
export const decisions = pgTable(
  'decision',
  {
    id: id(),
    /** The issuing organisation (must be entitled to grant every award in it). */
    orgId: ref('org_id')
      .notNull()
      .references(() => organisations.id),
    orgPath: text('org_path').notNull(),
    /** DRAFT → SIGNED, or REVOKED as a whole (Điều 93) with a reason and the revoking decision. */
    status: text('status').notNull().default('DRAFT'),
    /** The council meeting whose results it gives effect to, when drafted from one. */
    meetingId: ref('meeting_id').references(() => councilMeetings.id),
    /** Year of the achievements rewarded (the award records' year). */
    year: smallint('year').notNull(),
    /** "Về việc khen thưởng tổng kết phong trào thi đua năm 2026". */
    subject: text('subject').notNull(),
    /** Place name of the date line ("Dương Minh Châu, ngày …"). */
    place: text('place').notNull(),
    basis: jsonb('basis').$type<string[]>().notNull(),
    execution: text('execution').notNull(),
    signer: jsonb('signer').$type<{ onBehalf: string; title: string; name: string | null }>().notNull(),
    recipients: jsonb('recipients').$type<string[]>().notNull(),
    /** Rounding of coefficient × base salary (NONE, UP_TO_THOUSAND, UP_TO_TEN_THOUSAND): a parameter. */
    rounding: text('rounding').notNull().default('NONE'),
    signedOn: date('signed_on'),
    /** Sequential per issuing organisation and year of signing, from 01; never reused (unique). */
    numberYear: smallint('number_year'),
    number: integer('number'),
    symbol: text('symbol'),
    documentId: ref('document_id').references(() => outgoingDocuments.id),
    /** Base salary in force on the decision date, as used for the money (snapshot at signing). */
    baseSalaryVnd: integer('base_salary_vnd'),
    baseSalarySource: text('base_salary_source'),
    totalVnd: bigint('total_vnd', { mode: 'number' }),
    revokedReason: text('revoked_reason'),
    revokedBy: text('revoked_by'),
    createdBy: ref('created_by'),
    createdAt: createdAt(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    check('decision_status_ck', sql`${t.status} in ('DRAFT','SIGNED','REVOKED')`),
    check('decision_rounding_ck', sql`${t.rounding} in ('NONE','UP_TO_THOUSAND','UP_TO_TEN_THOUSAND')`),
    check('decision_signed_ck', sql`(${t.status} = 'DRAFT') = (${t.number} is null)`),
    uniqueIndex('decision_number_uq').on(t.orgId, t.numberYear, t.number).where(sql`${t.number} is not null`),
    index('decision_path_idx').using('btree', sql`${t.orgPath} text_pattern_ops`, sql`${t.status}`),
  ],
);

/** One awardee of a decision: a person or a unit, an award, the money, and the award record it created. */
export const decisionItems = pgTable(
  'decision_item',
  {
    id: id(),
    decisionId: ref('decision_id')
      .notNull()
      .references(() => decisions.id),
    position: integer('position').notNull(),
    nominationId: ref('nomination_id').references(() => nominations.id),
    personId: ref('person_id').references(() => persons.id),
    subjectOrgId: ref('subject_org_id').references(() => organisations.id),
    /** The person's unit or the unit itself: scopes who sees the line and the award record. */
    subjectPath: text('subject_path').notNull(),
    subjectName: text('subject_name').notNull(),
    unitName: text('unit_name'),
    awardCode: text('award_code')
      .notNull()
      .references(() => awardTypes.code),
    achievement: text('achievement').notNull(),
    /** Coefficient and amount fixed at signing (null: no money set for this award). */
    coefficient: numeric('coefficient', { precision: 5, scale: 2, mode: 'number' }),
    amountVnd: integer('amount_vnd'),
    awardRecordId: ref('award_record_id').references(() => awardRecords.id),
    /** ACTIVE, or REVOKED (Điều 93) with the ground, the revoking decision, and the money to recover. */
    status: text('status').notNull().default('ACTIVE'),
    revokedReason: text('revoked_reason'),
    revokedBy: text('revoked_by'),
    revokedOn: date('revoked_on'),
  },
  (t) => [
    check('decision_item_subject_ck', sql`(${t.personId} is null) <> (${t.subjectOrgId} is null)`),
    check('decision_item_status_ck', sql`${t.status} in ('ACTIVE','REVOKED')`),
    uniqueIndex('decision_item_person_uq').on(t.decisionId, t.personId, t.awardCode).where(sql`${t.personId} is not null`),
    uniqueIndex('decision_item_org_uq').on(t.decisionId, t.subjectOrgId, t.awardCode).where(sql`${t.subjectOrgId} is not null`),
    index('decision_item_decision_idx').on(t.decisionId, t.position),
    index('decision_item_nomination_idx').on(t.nominationId),
  ],
);

/** Quỹ thi đua – khen thưởng: the budget of an organisation for a year. Corrections supersede a row. */
export const rewardFundBudgets = pgTable(
  'reward_fund_budget',
  {
    id: id(),
    orgId: ref('org_id')
      .notNull()
      .references(() => organisations.id),
    orgPath: text('org_path').notNull(),
    year: smallint('year').notNull(),
    amountVnd: bigint('amount_vnd', { mode: 'number' }).notNull(),
    note: text('note'),
    status: text('status').notNull().default('ACTIVE'),
    createdBy: ref('created_by'),
    createdAt: createdAt(),
  },
  (t) => [
    check('reward_fund_budget_status_ck', sql`${t.status} in ('ACTIVE','SUPERSEDED')`),
    check('reward_fund_budget_amount_ck', sql`${t.amountVnd} >= 0`),
    uniqueIndex('reward_fund_budget_active_uq').on(t.orgId, t.year).where(sql`${t.status} = 'ACTIVE'`),
  ],
);

/**
 * Money of a revoked decision line paid back into the reward fund (Điều 93): the amount, the day and
 * the receipt, credited to the fund of the year it came back. A wrong entry is revoked with a reason.
 */
export const rewardRecoveries = pgTable(
  'reward_recovery',
  {
    id: id(),
    decisionItemId: ref('decision_item_id')
      .notNull()
      .references(() => decisionItems.id),
    /** The fund the money returns to: the issuing organisation and the year of `recovered_on`. */
    orgId: ref('org_id')
      .notNull()
      .references(() => organisations.id),
    year: smallint('year').notNull(),
    amountVnd: bigint('amount_vnd', { mode: 'number' }).notNull(),
    recoveredOn: date('recovered_on').notNull(),
    /** The receipt or voucher (phiếu thu) number. */
    document: text('document'),
    note: text('note'),
    status: text('status').notNull().default('ACTIVE'),
    revokedReason: text('revoked_reason'),
    createdBy: ref('created_by'),
    createdAt: createdAt(),
  },
  (t) => [
    check('reward_recovery_amount_ck', sql`${t.amountVnd} > 0`),
    check('reward_recovery_status_ck', sql`${t.status} in ('ACTIVE','REVOKED')`),
    index('reward_recovery_item_idx').on(t.decisionItemId),
    index('reward_recovery_fund_idx').on(t.orgId, t.year),
  ],
);

/**
 * A certificate (Giấy khen / Bằng khen) of a decision line: its serial, printed on it with a QR code
 * to the public verification page. Created at signing; a revoked line shows as revoked there.
 */
export const certificates = pgTable(
  'certificate',
  {
    id: id(),
    serial: text('serial').notNull(),
    decisionItemId: ref('decision_item_id')
      .notNull()
      .references(() => decisionItems.id),
    decisionId: ref('decision_id')
      .notNull()
      .references(() => decisions.id),
    issuedAt: timestamp('issued_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('certificate_serial_uq').on(t.serial), uniqueIndex('certificate_item_uq').on(t.decisionItemId), index('certificate_decision_idx').on(t.decisionId)],
);

/** The signed scan of a decision (bản có chữ ký, đóng dấu): PDF or image; a new upload supersedes the old. */
export const decisionScans = pgTable(
  'decision_scan',
  {
    id: id(),
    decisionId: ref('decision_id')
      .notNull()
      .references(() => decisions.id),
    ...storedFileColumns(),
  },
  (t) => [check('decision_scan_status_ck', sql`${t.status} in ('ACTIVE','SUPERSEDED','REVOKED')`), index('decision_scan_decision_idx').on(t.decisionId)],
);

/**
 * How an organisation's certificates of one kind look (issuer lines, colours, border, title, wording,
 * signer). One ACTIVE row per organisation and kind; a change supersedes it, so what was printed under
 * an earlier template can still be told.
 */
export const certificateTemplates = pgTable(
  'certificate_template',
  {
    id: id(),
    orgId: ref('org_id')
      .notNull()
      .references(() => organisations.id),
    kind: text('kind').notNull(),
    settings: jsonb('settings').$type<Record<string, unknown>>().notNull(),
    status: text('status').notNull().default('ACTIVE'),
    createdBy: ref('created_by'),
    createdAt: createdAt(),
  },
  (t) => [
    check('certificate_template_kind_ck', sql`${t.kind} in ('GIAY_KHEN','BANG_KHEN')`),
    check('certificate_template_status_ck', sql`${t.status} in ('ACTIVE','SUPERSEDED')`),
    uniqueIndex('certificate_template_active_uq').on(t.orgId, t.kind).where(sql`${t.status} = 'ACTIVE'`),
  ],
);

/** Lễ trao tặng: a ceremony presenting the awards of signed decisions, its programme and who received in person. */
export const ceremonies = pgTable(
  'ceremony',
  {
    id: id(),
    orgId: ref('org_id')
      .notNull()
      .references(() => organisations.id),
    orgPath: text('org_path').notNull(),
    title: text('title').notNull(),
    heldAt: timestamp('held_at', { withTimezone: true }).notNull(),
    place: text('place').notNull(),
    /** Running order: [{ at: "08:00", item: "Tuyên bố lý do…", by: "…" }]. */
    programme: jsonb('programme').$type<{ at: string | null; item: string; by: string | null }[]>().notNull(),
    note: text('note'),
    /** PLANNED → HELD (attendance recorded), or CANCELLED with a reason. */
    status: text('status').notNull().default('PLANNED'),
    cancelledReason: text('cancelled_reason'),
    createdBy: ref('created_by'),
    createdAt: createdAt(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    check('ceremony_status_ck', sql`${t.status} in ('PLANNED','HELD','CANCELLED')`),
    index('ceremony_path_idx').using('btree', sql`${t.orgPath} text_pattern_ops`, sql`${t.heldAt}`),
  ],
);

/** The decisions whose awards a ceremony presents. */
export const ceremonyDecisions = pgTable(
  'ceremony_decision',
  {
    ceremonyId: ref('ceremony_id')
      .notNull()
      .references(() => ceremonies.id),
    decisionId: ref('decision_id')
      .notNull()
      .references(() => decisions.id),
  },
  (t) => [primaryKey({ columns: [t.ceremonyId, t.decisionId] }), index('ceremony_decision_decision_idx').on(t.decisionId)],
);

/**
 * One awardee called to the stage: the order and group (đợt) they go up in, who presents to them,
 * and whether they received in person, by a representative, or were absent.
 */
export const ceremonyRecipients = pgTable(
  'ceremony_recipient',
  {
    id: id(),
    ceremonyId: ref('ceremony_id')
      .notNull()
      .references(() => ceremonies.id),
    decisionItemId: ref('decision_item_id')
      .notNull()
      .references(() => decisionItems.id),
    position: integer('position').notNull(),
    groupNo: integer('group_no').notNull().default(1),
    presenter: text('presenter'),
    /** PENDING, RECEIVED (in person), PROXY (received by `receivedBy`), ABSENT. */
    attendance: text('attendance').notNull().default('PENDING'),
    receivedBy: text('received_by'),
    recordedBy: ref('recorded_by'),
    recordedAt: timestamp('recorded_at', { withTimezone: true }),
  },
  (t) => [
    check('ceremony_recipient_attendance_ck', sql`${t.attendance} in ('PENDING','RECEIVED','PROXY','ABSENT')`),
    uniqueIndex('ceremony_recipient_item_uq').on(t.ceremonyId, t.decisionItemId),
    index('ceremony_recipient_order_idx').on(t.ceremonyId, t.groupNo, t.position),
  ],
);

/**
 * Mức tiền thưởng an organisation sets for an award the State leaves without a coefficient (union
 * awards: Giấy khen, Bằng khen of the federations…): a coefficient of the base salary or a fixed
 * amount, from a date. It applies to the organisation's own decisions and to those of its subtree
 * that set none (the nearest ancestor's rate wins). A change supersedes; nothing is deleted.
 */
export const rewardRates = pgTable(
  'reward_rate',
  {
    id: id(),
    orgId: ref('org_id')
      .notNull()
      .references(() => organisations.id),
    orgPath: text('org_path').notNull(),
    awardCode: text('award_code')
      .notNull()
      .references(() => awardTypes.code),
    coefficient: numeric('coefficient', { precision: 5, scale: 2, mode: 'number' }),
    amountVnd: integer('amount_vnd'),
    effectiveFrom: date('effective_from').notNull(),
    note: text('note'),
    status: text('status').notNull().default('ACTIVE'),
    createdBy: ref('created_by'),
    createdAt: createdAt(),
  },
  (t) => [
    check('reward_rate_one_ck', sql`(${t.coefficient} is null) <> (${t.amountVnd} is null)`),
    check('reward_rate_values_ck', sql`coalesce(${t.coefficient}, 0) >= 0 and coalesce(${t.amountVnd}, 0) >= 0`),
    check('reward_rate_status_ck', sql`${t.status} in ('ACTIVE','SUPERSEDED')`),
    uniqueIndex('reward_rate_active_uq').on(t.orgId, t.awardCode, t.effectiveFrom).where(sql`${t.status} = 'ACTIVE'`),
    index('reward_rate_award_idx').on(t.awardCode, t.effectiveFrom),
  ],
);

/**
 * Khiếu nại, tố cáo, kiến nghị about commendation, received from the public form or by staff: who
 * filed it (name and contact kept here only), what and whom it is about, the statutory deadlines'
 * inputs (dates, complex case, remote area), and how it was handled. While one about a person or
 * unit is open, a pending case (kind COMPLAINT or DENUNCIATION) blocks awarding them.
 */
export const complaints = pgTable(
  'complaint',
  {
    id: id(),
    /** Public reference the submitter uses on the status page (unguessable). */
    referenceCode: text('reference_code').notNull(),
    orgId: ref('org_id')
      .notNull()
      .references(() => organisations.id),
    orgPath: text('org_path').notNull(),
    kind: text('kind').notNull(),
    channel: text('channel').notNull(),
    complainantName: text('complainant_name').notNull(),
    complainantContact: text('complainant_contact').notNull(),
    complainantAddress: text('complainant_address'),
    content: text('content').notNull(),
    nominationId: ref('nomination_id').references(() => nominations.id),
    decisionId: ref('decision_id').references(() => decisions.id),
    personId: ref('person_id').references(() => persons.id),
    subjectOrgId: ref('subject_org_id').references(() => organisations.id),
    /** When the complainant received or learnt of the decision (the filing limit runs from it). */
    learnedOn: date('learned_on'),
    receivedOn: date('received_on').notNull(),
    excludedDays: integer('excluded_days').notNull().default(0),
    complex: boolean('complex').notNull().default(false),
    remote: boolean('remote').notNull().default(false),
    /** RECEIVED → ACCEPTED (thụ lý) → RESOLVED; or NOT_ACCEPTED, WITHDRAWN, each with a reason. */
    status: text('status').notNull().default('RECEIVED'),
    instance: smallint('instance').notNull().default(1),
    previousId: ref('previous_id'),
    acceptedOn: date('accepted_on'),
    closedOn: date('closed_on'),
    outcome: text('outcome'),
    resolution: text('resolution'),
    assignedTo: ref('assigned_to').references(() => users.id),
    pendingCaseId: ref('pending_case_id').references(() => pendingCases.id),
    clientHash: text('client_hash'),
    createdBy: ref('created_by'),
    createdAt: createdAt(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    uniqueIndex('complaint_reference_uq').on(t.referenceCode),
    check('complaint_kind_ck', sql`${t.kind} in ('COMPLAINT','DENUNCIATION','PETITION')`),
    check('complaint_channel_ck', sql`${t.channel} in ('PUBLIC','STAFF')`),
    check('complaint_status_ck', sql`${t.status} in ('RECEIVED','ACCEPTED','NOT_ACCEPTED','RESOLVED','WITHDRAWN')`),
    check('complaint_outcome_ck', sql`${t.outcome} is null or ${t.outcome} in ('UPHELD','PARTLY_UPHELD','DISMISSED')`),
    check('complaint_instance_ck', sql`${t.instance} in (1, 2)`),
    check('complaint_excluded_ck', sql`${t.excludedDays} >= 0`),
    check('complaint_subject_ck', sql`${t.personId} is null or ${t.subjectOrgId} is null`),
    index('complaint_path_idx').using('btree', sql`${t.orgPath} text_pattern_ops`, sql`${t.status}`, sql`${t.receivedOn}`),
    index('complaint_client_idx').on(t.clientHash, t.createdAt),
  ],
);

/** What happened to a complaint, in order (append-only history shown to officers). */
export const complaintEvents = pgTable(
  'complaint_event',
  {
    id: id(),
    complaintId: ref('complaint_id')
      .notNull()
      .references(() => complaints.id),
    action: text('action').notNull(),
    note: text('note'),
    actorId: ref('actor_id'),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('complaint_event_complaint_idx').on(t.complaintId, t.at)],
);

/** Kiểm tra, giám sát: an inspection (or supervision) of a subordinate unit's emulation and commendation work. */
export const inspections = pgTable(
  'inspection',
  {
    id: id(),
    /** The inspecting organisation. */
    orgId: ref('org_id')
      .notNull()
      .references(() => organisations.id),
    orgPath: text('org_path').notNull(),
    targetOrgId: ref('target_org_id')
      .notNull()
      .references(() => organisations.id),
    targetPath: text('target_path').notNull(),
    year: smallint('year').notNull(),
    kind: text('kind').notNull(),
    topic: text('topic').notNull(),
    plannedOn: date('planned_on').notNull(),
    /** PLANNED → DONE (findings, conclusion, recommendations) or CANCELLED with a reason. */
    status: text('status').notNull().default('PLANNED'),
    conductedOn: date('conducted_on'),
    findings: text('findings'),
    conclusion: text('conclusion'),
    cancelledReason: text('cancelled_reason'),
    createdBy: ref('created_by'),
    createdAt: createdAt(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    check('inspection_kind_ck', sql`${t.kind} in ('INSPECTION','SUPERVISION')`),
    check('inspection_status_ck', sql`${t.status} in ('PLANNED','DONE','CANCELLED')`),
    check('inspection_done_ck', sql`(${t.status} = 'DONE') = (${t.conductedOn} is not null)`),
    index('inspection_path_idx').using('btree', sql`${t.orgPath} text_pattern_ops`, sql`${t.year}`),
    index('inspection_target_idx').using('btree', sql`${t.targetPath} text_pattern_ops`),
  ],
);

/** A recommendation (kiến nghị) of an inspection, followed up against its deadline. */
export const inspectionRecommendations = pgTable(
  'inspection_recommendation',
  {
    id: id(),
    inspectionId: ref('inspection_id')
      .notNull()
      .references(() => inspections.id),
    position: integer('position').notNull(),
    text: text('text').notNull(),
    dueOn: date('due_on').notNull(),
    /** OPEN → DONE (date and note) or WITHDRAWN (reason). */
    status: text('status').notNull().default('OPEN'),
    doneOn: date('done_on'),
    note: text('note'),
    updatedBy: ref('updated_by'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('inspection_recommendation_status_ck', sql`${t.status} in ('OPEN','DONE','WITHDRAWN')`),
    index('inspection_recommendation_idx').on(t.inspectionId, t.position),
    index('inspection_recommendation_due_idx').on(t.status, t.dueOn),
  ],
);

/**
 * Gương điển hình tiên tiến, người tốt việc tốt: a story about a person or a collective, written by
 * an organisation's officers (or grown from a proposal), reviewed, and published on the public site
 * only once the subject's consent is recorded. Public pages show the subject's name and unit, the
 * title, the summary, the text and the photos — never the person's identity number, phone or address.
 * DRAFT → IN_REVIEW → PUBLISHED; back to DRAFT with a reason; WITHDRAWN from the site with a reason.
 */
export const stories = pgTable(
  'story',
  {
    id: id(),
    /** The publishing organisation (its public site shows the story). */
    orgId: ref('org_id')
      .notNull()
      .references(() => organisations.id),
    orgPath: text('org_path').notNull(),
    /** PERSON or COLLECTIVE. */
    subjectKind: text('subject_kind').notNull(),
    personId: ref('person_id').references(() => persons.id),
    subjectOrgId: ref('subject_org_id').references(() => organisations.id),
    /** The name shown publicly (a person's full name or the collective's name). */
    subjectName: text('subject_name').notNull(),
    /** The unit shown publicly under the name ("Công đoàn cơ sở Trường THCS …"). */
    subjectUnit: text('subject_unit'),
    title: text('title').notNull(),
    /** URL-safe words of the title, unique per organisation (`/cong-khai/DMC/guong-dien-hinh/<slug>`). */
    slug: text('slug').notNull(),
    summary: text('summary').notNull(),
    /** Plain text, paragraphs separated by blank lines; never HTML. */
    body: text('body').notNull(),
    movementId: ref('movement_id').references(() => movements.id),
    decisionId: ref('decision_id').references(() => decisions.id),
    modelId: ref('model_id'),
    proposalId: ref('proposal_id'),
    status: text('status').notNull().default('DRAFT'),
    /** Consent of the subject (or the collective's head) to publication, recorded before publishing. */
    consentOn: date('consent_on'),
    consentMethod: text('consent_method'),
    consentNote: text('consent_note'),
    consentRecordedBy: ref('consent_recorded_by'),
    reviewNote: text('review_note'),
    submittedBy: ref('submitted_by'),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    publishedBy: ref('published_by'),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    withdrawnReason: text('withdrawn_reason'),
    withdrawnAt: timestamp('withdrawn_at', { withTimezone: true }),
    createdBy: ref('created_by'),
    createdAt: createdAt(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    uniqueIndex('story_slug_uq').on(t.orgId, t.slug),
    check('story_subject_kind_ck', sql`${t.subjectKind} in ('PERSON','COLLECTIVE')`),
    check('story_subject_ck', sql`${t.personId} is null or ${t.subjectOrgId} is null`),
    check('story_status_ck', sql`${t.status} in ('DRAFT','IN_REVIEW','PUBLISHED','WITHDRAWN')`),
    check('story_consent_method_ck', sql`${t.consentMethod} is null or ${t.consentMethod} in ('WRITTEN','ONLINE','VERBAL_WITNESSED')`),
    check('story_published_consent_ck', sql`${t.status} <> 'PUBLISHED' or ${t.consentOn} is not null`),
    index('story_path_idx').using('btree', sql`${t.orgPath} text_pattern_ops`, sql`${t.status}`, sql`${t.publishedAt}`),
    index('story_public_idx').on(t.orgId, t.status, t.publishedAt),
  ],
);

/**
 * A photo of a story: the upload is re-encoded (JPEG, at most 1,600 px, orientation applied, every
 * EXIF/XMP/GPS field dropped) before it is kept; the original is never stored. Removing a photo
 * revokes the row with a reason.
 */
export const storyPhotos = pgTable(
  'story_photo',
  {
    id: id(),
    storyId: ref('story_id')
      .notNull()
      .references(() => stories.id),
    position: integer('position').notNull(),
    /** Alternative text read by screen readers (required). */
    altText: text('alt_text').notNull(),
    caption: text('caption'),
    width: integer('width').notNull(),
    height: integer('height').notNull(),
    ...storedFileColumns(),
  },
  (t) => [index('story_photo_story_idx').on(t.storyId, t.position)],
);

/**
 * Credit for the people who discovered, wrote up or publicised an exemplary model or story (the seed
 * rewards them too): a member or an officer, with their role.
 */
export const storyCredits = pgTable(
  'story_credit',
  {
    id: id(),
    storyId: ref('story_id').references(() => stories.id),
    modelId: ref('model_id'),
    personId: ref('person_id').references(() => persons.id),
    /** A name when the credited person is not a member on record (a reporter, a citizen). */
    name: text('name'),
    role: text('role').notNull(),
    note: text('note'),
    status: text('status').notNull().default('ACTIVE'),
    revokedReason: text('revoked_reason'),
    createdBy: ref('created_by'),
    createdAt: createdAt(),
  },
  (t) => [
    check('story_credit_role_ck', sql`${t.role} in ('DISCOVERED','WROTE','PUBLICISED','FOSTERED')`),
    check('story_credit_target_ck', sql`(${t.storyId} is null) <> (${t.modelId} is null)`),
    check('story_credit_who_ck', sql`${t.personId} is not null or ${t.name} is not null`),
    check('story_credit_status_ck', sql`${t.status} in ('ACTIVE','REVOKED')`),
    index('story_credit_story_idx').on(t.storyId),
    index('story_credit_model_idx').on(t.modelId),
    index('story_credit_person_idx').on(t.personId),
  ],
);

/**
 * Register of exemplary models (mô hình) and exemplary people (điển hình): discovered → being fostered
 * → recognised → replicated, the unit responsible for fostering it, and its plan.
 */
export const exemplaryModels = pgTable(
  'exemplary_model',
  {
    id: id(),
    /** The organisation keeping the register entry (it and its superiors see it). */
    orgId: ref('org_id')
      .notNull()
      .references(() => organisations.id),
    orgPath: text('org_path').notNull(),
    /** MODEL (a way of working) or PERSON / COLLECTIVE (an exemplary subject). */
    kind: text('kind').notNull(),
    name: text('name').notNull(),
    description: text('description').notNull(),
    personId: ref('person_id').references(() => persons.id),
    subjectOrgId: ref('subject_org_id').references(() => organisations.id),
    /** The unit responsible for fostering it. */
    responsibleOrgId: ref('responsible_org_id')
      .notNull()
      .references(() => organisations.id),
    movementId: ref('movement_id').references(() => movements.id),
    field: text('field'),
    stage: text('stage').notNull().default('DISCOVERED'),
    discoveredOn: date('discovered_on').notNull(),
    fosteringPlan: text('fostering_plan'),
    recognisedOn: date('recognised_on'),
    /** The decision that recognised it, when one did. */
    decisionId: ref('decision_id').references(() => decisions.id),
    /** CLOSED with a reason when it is no longer followed (nothing is deleted). */
    closedReason: text('closed_reason'),
    closedOn: date('closed_on'),
    createdBy: ref('created_by'),
    createdAt: createdAt(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    check('exemplary_model_kind_ck', sql`${t.kind} in ('MODEL','PERSON','COLLECTIVE')`),
    check('exemplary_model_stage_ck', sql`${t.stage} in ('DISCOVERED','FOSTERING','RECOGNISED','REPLICATED','CLOSED')`),
    index('exemplary_model_path_idx').using('btree', sql`${t.orgPath} text_pattern_ops`, sql`${t.stage}`),
    index('exemplary_model_responsible_idx').on(t.responsibleOrgId),
  ],
);

/** The follow-up of a model: stage changes, fostering check-ins with a next date, notes (append-only). */
export const exemplaryModelEvents = pgTable(
  'exemplary_model_event',
  {
    id: id(),
    modelId: ref('model_id')
      .notNull()
      .references(() => exemplaryModels.id),
    action: text('action').notNull(),
    fromStage: text('from_stage'),
    toStage: text('to_stage'),
    note: text('note'),
    /** A fostering check-in's next follow-up date. */
    nextOn: date('next_on'),
    actorId: ref('actor_id'),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('exemplary_model_event_idx').on(t.modelId, t.at)],
);

/** A unit that replicated (nhân rộng) a model, from a date, with what it did. */
export const exemplaryModelReplications = pgTable(
  'exemplary_model_replication',
  {
    id: id(),
    modelId: ref('model_id')
      .notNull()
      .references(() => exemplaryModels.id),
    orgId: ref('org_id')
      .notNull()
      .references(() => organisations.id),
    startedOn: date('started_on').notNull(),
    note: text('note'),
    status: text('status').notNull().default('ACTIVE'),
    revokedReason: text('revoked_reason'),
    createdBy: ref('created_by'),
    createdAt: createdAt(),
  },
  (t) => [
    check('exemplary_model_replication_status_ck', sql`${t.status} in ('ACTIVE','REVOKED')`),
    uniqueIndex('exemplary_model_replication_uq').on(t.modelId, t.orgId).where(sql`${t.status} = 'ACTIVE'`),
  ],
);

/**
 * "Người tốt, việc tốt" proposed bottom-up, by a logged-in member or anyone from the public form:
 * whom it is about, a short story, and the proposer's contact (kept for officers only). An officer
 * reviews it: into a story draft, into a nomination, or declined with a reason.
 */
export const goodDeedProposals = pgTable(
  'good_deed_proposal',
  {
    id: id(),
    referenceCode: text('reference_code').notNull(),
    orgId: ref('org_id')
      .notNull()
      .references(() => organisations.id),
    orgPath: text('org_path').notNull(),
    channel: text('channel').notNull(),
    proposerName: text('proposer_name').notNull(),
    proposerContact: text('proposer_contact').notNull(),
    /** The member who proposed it, when logged in (they are credited as discoverer). */
    proposerPersonId: ref('proposer_person_id').references(() => persons.id),
    subjectName: text('subject_name').notNull(),
    subjectUnit: text('subject_unit'),
    /** Set by the officer when the subject is a member on record. */
    personId: ref('person_id').references(() => persons.id),
    story: text('story').notNull(),
    /** RECEIVED → STORY (a draft was made) / NOMINATED / DECLINED (reason). */
    status: text('status').notNull().default('RECEIVED'),
    reviewNote: text('review_note'),
    reviewedBy: ref('reviewed_by'),
    reviewedAt: timestamp('reviewed_at', { withTimezone: true }),
    storyId: ref('story_id').references(() => stories.id),
    nominationId: ref('nomination_id').references(() => nominations.id),
    clientHash: text('client_hash'),
    createdAt: createdAt(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    uniqueIndex('good_deed_proposal_reference_uq').on(t.referenceCode),
    check('good_deed_proposal_channel_ck', sql`${t.channel} in ('PUBLIC','MEMBER')`),
    check('good_deed_proposal_status_ck', sql`${t.status} in ('RECEIVED','STORY','NOMINATED','DECLINED')`),
    index('good_deed_proposal_path_idx').using('btree', sql`${t.orgPath} text_pattern_ops`, sql`${t.status}`, sql`${t.createdAt}`),
    index('good_deed_proposal_client_idx').on(t.clientHash, t.createdAt),
  ],
);

/**
 * Documents of a complaint's handling (the acceptance notice, the resolution decision, minutes of
 * dialogue, the verification report): each version kept, a withdrawn one revoked with a reason.
 */
export const complaintDocuments = pgTable(
  'complaint_document',
  {
    id: id(),
    complaintId: ref('complaint_id')
      .notNull()
      .references(() => complaints.id),
    /** ACCEPTANCE_NOTICE, RESOLUTION, DIALOGUE_MINUTES, VERIFICATION_REPORT, OTHER. */
    docType: text('doc_type').notNull(),
    title: text('title').notNull(),
    ...storedFileColumns(),
  },
  (t) => [
    check('complaint_document_type_ck', sql`${t.docType} in ('ACCEPTANCE_NOTICE','RESOLUTION','DIALOGUE_MINUTES','VERIFICATION_REPORT','OTHER')`),
    index('complaint_document_idx').on(t.complaintId),
  ],
);

// ── Reports (issue 10) ───────────────────────────────────────────────────────────────────────────

/**
 * A statistical form's layout (biểu mẫu thống kê) as data: rows and columns mapped to figures, so a
 * superior's new form is configured, not programmed. Built-in templates have no organisation; an
 * organisation's own apply to its subtree. Never deleted: retired with a reason.
 */
export const reportTemplates = pgTable(
  'report_template',
  {
    id: id(),
    orgId: ref('org_id').references(() => organisations.id),
    orgPath: text('org_path'),
    code: text('code').notNull(),
    name: text('name').notNull(),
    /** XLSX_FORM only for now. */
    kind: text('kind').notNull().default('XLSX_FORM'),
    layout: jsonb('layout').notNull(),
    status: text('status').notNull().default('ACTIVE'),
    retiredReason: text('retired_reason'),
    createdBy: ref('created_by'),
    createdAt: createdAt(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    check('report_template_kind_ck', sql`${t.kind} in ('XLSX_FORM')`),
    check('report_template_status_ck', sql`${t.status} in ('ACTIVE','RETIRED')`),
    check('report_template_retired_ck', sql`${t.status} <> 'RETIRED' or ${t.retiredReason} is not null`),
    uniqueIndex('report_template_code_uq').on(sql`coalesce(${t.orgId}, 0)`, t.code).where(sql`${t.status} = 'ACTIVE'`),
  ],
);

/**
 * A frozen report: the figures of an organisation subtree and year as of a moment, stored with their
 * hash so that a re-run as of the same moment can be compared figure by figure. Append-only; a
 * snapshot made in error is withdrawn with a reason.
 */
export const reportSnapshots = pgTable(
  'report_snapshot',
  {
    id: id(),
    orgId: ref('org_id')
      .notNull()
      .references(() => organisations.id),
    orgPath: text('org_path').notNull(),
    /** DASHBOARD, ANNUAL_SUMMARY or STAT_FORM. */
    kind: text('kind').notNull(),
    templateId: ref('template_id').references(() => reportTemplates.id),
    year: smallint('year').notNull(),
    asOf: timestamp('as_of', { withTimezone: true }).notNull(),
    title: text('title').notNull(),
    params: jsonb('params').notNull(),
    /** Absent while the figures are being computed (COMPUTING) or when that failed (FAILED). */
    figures: jsonb('figures'),
    figuresSha256: text('figures_sha256'),
    /** COMPUTING → ACTIVE (or FAILED); ACTIVE → WITHDRAWN. */
    status: text('status').notNull().default('ACTIVE'),
    ...reportJobColumns(),
    withdrawnReason: text('withdrawn_reason'),
    withdrawnAt: timestamp('withdrawn_at', { withTimezone: true }),
    createdBy: ref('created_by'),
    createdAt: createdAt(),
  },
  (t) => [
    check('report_snapshot_kind_ck', sql`${t.kind} in ('DASHBOARD','ANNUAL_SUMMARY','STAT_FORM')`),
    check('report_snapshot_status_ck', sql`${t.status} in ('COMPUTING','FAILED','ACTIVE','WITHDRAWN')`),
    check('report_snapshot_withdrawn_ck', sql`${t.status} <> 'WITHDRAWN' or ${t.withdrawnReason} is not null`),
    check('report_snapshot_figures_ck', sql`${t.status} in ('COMPUTING','FAILED') or (${t.figures} is not null and ${t.figuresSha256} is not null)`),
    check('report_snapshot_failed_ck', sql`${t.status} <> 'FAILED' or ${t.failure} is not null`),
    index('report_snapshot_path_idx').using('btree', sql`${t.orgPath} text_pattern_ops`, sql`${t.year}`),
  ],
);

/** Progress of a report computed in the background (a frozen report, a re-run). */
function reportJobColumns() {
  return {
    /** Steps done of the steps to do; 0 of n while waiting for earlier writes to settle. */
    progressDone: smallint('progress_done').notNull().default(0),
    progressTotal: smallint('progress_total').notNull().default(0),
    /** Last sign of life of the computing job: a job silent for long is shown as interrupted. */
    heartbeatAt: timestamp('heartbeat_at', { withTimezone: true }),
    computedAt: timestamp('computed_at', { withTimezone: true }),
    /** Why the computation failed (a message key). */
    failure: text('failure'),
  };
}

/**
 * A re-run of a frozen report: its figures recomputed from the base tables as of the frozen moment
 * and compared figure by figure with the stored ones. Kept, like every check made.
 */
export const reportReruns = pgTable(
  'report_rerun',
  {
    id: id(),
    snapshotId: ref('snapshot_id')
      .notNull()
      .references(() => reportSnapshots.id),
    /** COMPUTING → DONE (or FAILED). */
    status: text('status').notNull().default('COMPUTING'),
    ...reportJobColumns(),
    identical: boolean('identical'),
    rerunSha256: text('rerun_sha256'),
    currentStoredSha256: text('current_stored_sha256'),
    differenceCount: integer('difference_count'),
    differences: jsonb('differences'),
    requestedBy: ref('requested_by'),
    createdAt: createdAt(),
  },
  (t) => [
    check('report_rerun_status_ck', sql`${t.status} in ('COMPUTING','FAILED','DONE')`),
    check('report_rerun_done_ck', sql`${t.status} <> 'DONE' or (${t.identical} is not null and ${t.rerunSha256} is not null and ${t.differenceCount} is not null)`),
    check('report_rerun_failed_ck', sql`${t.status} <> 'FAILED' or ${t.failure} is not null`),
    index('report_rerun_snapshot_idx').on(t.snapshotId, t.id),
  ],
);

// ── Dashboard rollups (issue 10) ─────────────────────────────────────────────────────────────────

/**
 * Awards in force per organisation subtree (keyed by the path prefix, so that it answers exactly what
 * `scope_path like prefix%` would), year and award code, with the fairness counts. Maintained by
 * statement-level triggers on award_record (migration 0022) and rebuilt by `vinhdanh rollups rebuild`.
 */
export const dashAwardRollups = pgTable(
  'dash_award_rollup',
  {
    prefix: text('prefix').notNull(),
    year: smallint('year').notNull(),
    awardCode: text('award_code').notNull(),
    individuals: integer('individuals').notNull().default(0),
    nonLeader: integer('non_leader').notNull().default(0),
    directWorker: integer('direct_worker').notNull().default(0),
    women: integer('women').notNull().default(0),
    collectives: integer('collectives').notNull().default(0),
    small: integer('small').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.prefix, t.year, t.awardCode] })],
);

/**
 * A subject's run of consecutive years with an award in force, for every year it has one (runs of 2
 * years and more): `subject` is the person id, or minus the unit id. Wherever the awards are kept
 * (the run is the subject's own).
 */
export const dashSubjectRuns = pgTable(
  'dash_subject_run',
  {
    subject: bigint('subject', { mode: 'number' }).notNull(),
    year: smallint('year').notNull(),
    run: smallint('run').notNull(),
    /** The person's full name (the unit's name), kept current: the top list's order, read from an index. */
    name: text('name').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.subject, t.year] }),
    index('dash_subject_run_top_idx').using('btree', t.year, t.run, sql`${t.name} collate "vi-x-icu"`, t.subject),
    // Drill-down pages (migration 0024): longest runs first, then by name, people and units apart.
    index('dash_subject_run_drill_person_idx').using('btree', t.year, t.run.desc(), sql`${t.name} collate "vi-x-icu"`, t.subject).where(sql`${t.subject} > 0`),
    index('dash_subject_run_drill_unit_idx').using('btree', t.year, t.run.desc(), sql`${t.name} collate "vi-x-icu"`, t.subject).where(sql`${t.subject} < 0`),
  ],
);

/**
 * How many subjects (kind P: people, U: units) holding an award of the year in the subtree have a run
 * of that many years ending with the year (runs of 2 years and more only).
 */
export const dashStreakCounts = pgTable(
  'dash_streak_count',
  {
    prefix: text('prefix').notNull(),
    year: smallint('year').notNull(),
    kind: text('kind').notNull(),
    run: smallint('run').notNull(),
    subjects: integer('subjects').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.prefix, t.year, t.kind, t.run] }), check('dash_streak_count_kind_ck', sql`${t.kind} in ('P','U')`)],
);

/**
 * The dashboard's funnel per organisation subtree (path prefix), year and stage (REGISTERED, NOMINATED,
 * APPRAISED, COUNCIL, DECIDED): registrations in force and not returned, and nominations of the year's
 * rounds that reached each stage, individuals and collectives. Maintained by statement-level triggers
 * on emulation_registration and nomination_event (migration 0023), rebuilt by `vinhdanh rollups rebuild`.
 */
export const dashFunnelRollups = pgTable(
  'dash_funnel_rollup',
  {
    prefix: text('prefix').notNull(),
    year: smallint('year').notNull(),
    stage: text('stage').notNull(),
    individuals: integer('individuals').notNull().default(0),
    collectives: integer('collectives').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.prefix, t.year, t.stage] })],
);

/**
 * The stages a nomination has reached (NOMINATED, APPRAISED, COUNCIL, DECIDED) and whether its decision
 * was revoked (REVOKED): one row per nomination and stage, written the first time an event of that kind
 * is recorded — the row's insertion is what adds the nomination to the funnel rollup.
 */
export const dashNominationReaches = pgTable(
  'dash_nomination_reach',
  {
    nominationId: bigint('nomination_id', { mode: 'number' }).notNull(),
    stage: text('stage').notNull(),
  },
  (t) => [primaryKey({ columns: [t.nominationId, t.stage] })],
);
