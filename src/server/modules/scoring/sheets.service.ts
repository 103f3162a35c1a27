// Score sheets: the unit scores itself against the round's template (while DRAFT or RETURNED and,
// for a first submission, before the deadline); submitting locks the sheet for the unit. The
// organiser then verifies criterion by criterion (a change needs a reason), returns it for
// clarification, or approves it: the verified total is classified with the round's parameters.
import { sql } from 'drizzle-orm';
import type { AuthActor } from '../../lib/actor';
import type { DbOrTx, Tx } from '../../db/client';
import type { AppContext } from '../../lib/context';
import type { Locale } from '../../../contracts/enums';
import { DISCIPLINE_LEVELS } from '../../../contracts/enums';
import { audit } from '../../lib/audit';
import { conflict, notFound, validation } from '../../lib/errors';
import { covers, MANAGE_ROLES, orgPolicy, READ_ROLES } from '../../lib/policy';
import { todayInVietnam } from '../imports/xlsx';
import { applicableCriteria, classify, formatPoints, scoreSheet, toUnits, type ClassificationParams, type ScorecardTemplate, type SheetResult, type UnitVariant } from '../../../domain/scoring';
import type { SelfEntriesInput, SheetDto, SheetSummaryDto, VerifyEntriesInput } from '../../../contracts/scoring';
import { problemDtos, problemsError, type Problem } from './problems';
import { t } from '../../../contracts/messages';
import { insertRoundNotices, visibleSheetScope } from './rounds.service';

export type SheetRow = {
  id: number;
  round_id: number;
  org_id: number | null;
  org_name: string | null;
  org_status: string | null;
  person_id: number | null;
  person_name: string | null;
  person_status: string | null;
  scope_path: string;
  variant: UnitVariant | null;
  status: 'DRAFT' | 'SUBMITTED' | 'RETURNED' | 'VERIFIED';
  self_total: string | null;
  verified_total: string | null;
  classification: SheetDto['classification'];
  submitted_at: string | null;
  verified_at: string | null;
  return_reason: string | null;
  version: number;
  round_title: string;
  round_year: number;
  round_status: string;
  round_mode: 'VERIFIED' | 'COUNCIL';
  rank: number | null;
  /** Effective deadline: the sheet's extension, or the round's. */
  deadline: string;
  /** The sheet's own extension (null = the round's deadline applies). */
  own_deadline: string | null;
  organiser_id: number;
  organiser_name: string;
  organiser_path: string;
  organiser_status: string;
  params: ClassificationParams;
  template_id: number;
  template_code: string;
  template_version: number;
  structure: ScorecardTemplate;
};

type EntryRow = { criterion_code: string; self_points: number | null; self_note: string | null; verified_points: number | null; verify_reason: string | null };

/** Lists leave the template out (it is the same for every sheet of a round and only the detail needs it). */
const selectSheet = (withStructure = true) => sql`
  select s.id, s.round_id, s.org_id, o.name as org_name, o.status as org_status, s.person_id, p.full_name as person_name, p.status as person_status, s.scope_path, s.variant, s.status, s.self_total::text as self_total,
         s.verified_total::text as verified_total, s.classification, to_json(s.submitted_at)#>>'{}' as submitted_at, to_json(s.verified_at)#>>'{}' as verified_at,
         s.return_reason, s.version, s.rank, r.title as round_title, r.year as round_year, r.status as round_status, r.mode as round_mode, coalesce(s.deadline, r.deadline)::text as deadline, s.deadline::text as own_deadline,
         r.org_id as organiser_id, ro.name as organiser_name, r.org_path as organiser_path, ro.status as organiser_status, r.classification as params,
         r.template_id, t.code as template_code, t.version as template_version, ${withStructure ? sql`t.structure` : sql`null as structure`}
  from score_sheet s left join organisation o on o.id = s.org_id left join person p on p.id = s.person_id join scoring_round r on r.id = s.round_id
  join organisation ro on ro.id = r.org_id join scorecard_template t on t.id = r.template_id`;

export async function findSheet(db: DbOrTx, id: number, forUpdate = false): Promise<SheetRow | null> {
  const r = await db.execute<SheetRow>(sql`${selectSheet()} where s.id = ${id} ${forUpdate ? sql`for update of s` : sql``}`);
  return r.rows[0] ?? null;
}

export async function loadEntries(db: DbOrTx, sheetId: number): Promise<Map<string, EntryRow>> {
  const r = await db.execute<EntryRow>(sql`
    select criterion_code, self_points::float8 as self_points, self_note, verified_points::float8 as verified_points, verify_reason
    from score_entry where sheet_id = ${sheetId}`);
  return new Map(r.rows.map((e) => [e.criterion_code, e]));
}

/** A member's own sheet in a person round. */
const isOwnSheet = (a: AuthActor, s: Partial<Pick<SheetRow, 'person_id'>>) => a.personId !== null && s.person_id != null && Number(s.person_id) === Number(a.personId);

export const sheetPolicy = {
  /**
   * Readers of the scored unit (a member's sheet: of the member's unit): its own officers and viewers,
   * and every reader above it (the organiser's); and the scored member himself.
   */
  read: (a: AuthActor, s: Pick<SheetRow, 'scope_path'> & Partial<Pick<SheetRow, 'person_id'>>) =>
    isOwnSheet(a, s) || a.roles.some((r) => READ_ROLES.includes(r.role) && covers(r.orgPath, s.scope_path)),
  /**
   * Self-scoring belongs to the scored side: a managing role over the unit (for a member's sheet, the
   * member's unit) that is not also over the organiser (so that the verifier never writes the
   * self-score it verifies), and, for a member's sheet, the member himself.
   */
  selfScore: (a: AuthActor, s: Pick<SheetRow, 'scope_path' | 'organiser_path' | 'org_status'> & Partial<Pick<SheetRow, 'person_id' | 'person_status'>>) =>
    (s.person_id != null ? s.person_status === 'ACTIVE' : s.org_status === 'ACTIVE') &&
    (isOwnSheet(a, s) || a.roles.some((r) => MANAGE_ROLES.includes(r.role) && covers(r.orgPath, s.scope_path) && !covers(r.orgPath, s.organiser_path))),
  /** Verification belongs to the organiser's managers — never of one's own sheet. */
  verify: (a: AuthActor, s: Pick<SheetRow, 'organiser_path' | 'organiser_status'> & Partial<Pick<SheetRow, 'person_id'>>) =>
    !isOwnSheet(a, s) && orgPolicy.createChild(a, { path: s.organiser_path, status: s.organiser_status }),
};

const selfOpen = (s: SheetRow) => s.round_status === 'OPEN' && (s.status === 'RETURNED' || (s.status === 'DRAFT' && todayInVietnam() <= s.deadline));

export function sheetAbilities(a: AuthActor, s: SheetRow): string[] {
  const out: string[] = [];
  if (selfOpen(s) && sheetPolicy.selfScore(a, s)) out.push('sheet.selfScore', 'sheet.submit');
  if (s.round_status === 'OPEN' && s.status === 'SUBMITTED' && sheetPolicy.verify(a, s)) out.push('sheet.verify', 'sheet.return', 'sheet.approve');
  // Published results change only through a recorded amendment (not for council means: see amendSheet).
  if (s.round_status === 'PUBLISHED' && s.status === 'VERIFIED' && s.round_mode !== 'COUNCIL' && sheetPolicy.verify(a, s)) out.push('sheet.amend');
  return out;
}

const num = (v: string | number | null) => (v === null ? null : Number(v));

export function presentSheetSummary(a: AuthActor, s: SheetRow): SheetSummaryDto {
  return {
    id: Number(s.id),
    roundId: Number(s.round_id),
    orgId: num(s.org_id),
    orgName: s.org_name,
    personId: num(s.person_id),
    personName: s.person_name,
    variant: s.variant,
    status: s.status,
    selfTotal: num(s.self_total),
    verifiedTotal: num(s.verified_total),
    classification: s.classification,
    rank: s.round_status === 'PUBLISHED' && s.rank !== null ? Number(s.rank) : null,
    submittedAt: s.submitted_at,
    verifiedAt: s.verified_at,
    returnReason: s.return_reason,
    version: Number(s.version),
    deadline: s.deadline,
    abilities: sheetAbilities(a, s),
  };
}

const selfMap = (entries: Map<string, EntryRow>) => new Map([...entries].map(([k, e]) => [k, e.self_points]));
/** The verifier's view: a criterion the verifier has not changed keeps the self-score. */
export const verifiedMap = (entries: Map<string, EntryRow>) => new Map([...entries].map(([k, e]) => [k, e.verified_points ?? e.self_points]));

export const scoreOf = (s: SheetRow, entries: ReadonlyMap<string, number | null>): SheetResult => scoreSheet(s.structure, entries, s.variant, { belowShare: s.params.minCriterionShare });

function totals(locale: Locale, r: SheetResult): SheetDto['self'] {
  return {
    total: r.total,
    maxTotal: r.maxTotal,
    regularTotal: r.regularTotal,
    bonusTotal: r.bonusTotal,
    deductionTotal: r.deductionTotal,
    sections: r.sections.map((x) => ({ code: x.code, kind: x.kind, maxPoints: x.maxPoints, points: x.points })),
    complete: r.complete,
    problems: problemDtos(locale, r.problems),
  };
}

/** Active files per criterion of a sheet. */
export async function evidenceCounts(db: DbOrTx, sheetId: number): Promise<Map<string, number>> {
  const r = await db.execute<{ code: string; n: number }>(sql`
    select criterion_code as code, count(*)::int as n from score_evidence where sheet_id = ${sheetId} and status = 'ACTIVE' group by criterion_code`);
  return new Map(r.rows.map((x) => [x.code, Number(x.n)]));
}

/**
 * Criteria that require evidence, are given points above zero, and have no active file — what
 * stops a submission. A criterion scored 0 claims nothing and needs no proof.
 */
export async function missingEvidence(tx: DbOrTx, s: SheetRow, selfPoints: ReadonlyMap<string, number | null>): Promise<{ criterion: string; points: number }[]> {
  const counts = await evidenceCounts(tx, Number(s.id));
  return applicableCriteria(s.structure, s.variant)
    .filter(({ criterion }) => criterion.evidenceRequired && (selfPoints.get(criterion.code) ?? 0) > 0 && !counts.get(criterion.code))
    .map(({ criterion }) => ({ criterion: criterion.code, points: selfPoints.get(criterion.code)! }));
}

export async function presentSheet(db: DbOrTx, a: AuthActor, locale: Locale, s: SheetRow): Promise<SheetDto> {
  const entries = await loadEntries(db, Number(s.id));
  const evidence = await evidenceCounts(db, Number(s.id));
  const verifying = s.status === 'VERIFIED' || [...entries.values()].some((e) => e.verified_points !== null);
  return {
    ...presentSheetSummary(a, s),
    roundTitle: s.round_title,
    roundYear: Number(s.round_year),
    organiserId: Number(s.organiser_id),
    organiserName: s.organiser_name,
    templateId: Number(s.template_id),
    templateCode: s.template_code,
    templateVersion: Number(s.template_version),
    criteria: applicableCriteria(s.structure, s.variant).map(({ section, criterion }) => {
      const e = entries.get(criterion.code);
      return {
        sectionCode: section.code,
        sectionTitle: section.title,
        sectionKind: section.kind,
        code: criterion.code,
        text: criterion.text,
        maxPoints: criterion.maxPoints,
        step: criterion.step,
        guidance: criterion.guidance ?? null,
        evidence: criterion.evidence ?? null,
        evidenceRequired: criterion.evidenceRequired,
        selfPoints: e?.self_points ?? null,
        selfNote: e?.self_note ?? null,
        verifiedPoints: e?.verified_points ?? null,
        verifyReason: e?.verify_reason ?? null,
        evidenceCount: evidence.get(criterion.code) ?? 0,
      };
    }),
    self: totals(locale, scoreOf(s, selfMap(entries))),
    verified: verifying ? totals(locale, scoreOf(s, verifiedMap(entries))) : null,
  };
}

export async function loadReadableSheet(db: DbOrTx, actor: AuthActor, id: number, forUpdate = false): Promise<SheetRow> {
  const s = await findSheet(db, id, forUpdate);
  if (!s || !sheetPolicy.read(actor, s)) throw notFound();
  return s;
}

function duplicates(codes: string[]): void {
  const seen = new Set<string>();
  for (const c of codes) {
    if (seen.has(c)) throw validation('scoring.api.duplicateCriterion', { criterion: c }, { field: 'entries' });
    seen.add(c);
  }
}

/** Locks the sheet and checks that the unit may still write it. */
async function loadForSelfScoring(tx: Tx, actor: AuthActor, id: number, version: number): Promise<SheetRow> {
  const s = await loadReadableSheet(tx, actor, id, true);
  if (!sheetPolicy.selfScore(actor, s)) throw notFound();
  if (s.status !== 'DRAFT' && s.status !== 'RETURNED') throw conflict('scoring.api.sheetLocked');
  if (s.round_status !== 'OPEN') throw conflict('scoring.api.roundNotOpen');
  if (s.status === 'DRAFT' && todayInVietnam() > s.deadline) throw conflict('scoring.api.deadlinePassed', { deadline: s.deadline.split('-').reverse().join('/') });
  if (Number(s.version) !== version) throw conflict('scoring.api.staleVersion');
  return s;
}

const entryAudit = (entries: Map<string, EntryRow>, codes: string[], pick: (e: EntryRow | undefined) => unknown) => Object.fromEntries(codes.map((c) => [c, pick(entries.get(c))]));

export async function saveSelfEntries(app: AppContext, actor: AuthActor, locale: Locale, id: number, input: SelfEntriesInput): Promise<void> {
  await app.db.transaction(async (tx) => {
    const s = await loadForSelfScoring(tx, actor, id, input.version);
    duplicates(input.entries.map((e) => e.criterionCode));
    const entries = await loadEntries(tx, id);
    const merged = selfMap(entries);
    for (const e of input.entries) merged.set(e.criterionCode, e.points);
    // Every rule of the core (maximum, step, sign, unknown code, other unit type) except "missing": a draft may be partial.
    const problems = scoreOf(s, merged).problems.filter((p) => p.key !== 'scoring.sheet.missing');
    if (problems.length > 0) throw problemsError(locale, problems, 'scoring.api.problems', 'entries');
    const codes = input.entries.map((e) => e.criterionCode);
    await tx.execute(sql`
      insert into score_entry (sheet_id, criterion_code, self_points, self_note)
      select ${id}, e.code, e.points, e.note
      from unnest(${sql.param(codes)}::text[], ${sql.param(input.entries.map((e) => e.points))}::numeric[],
                  ${sql.param(input.entries.map((e) => (e.note ? e.note.normalize('NFC') : null)))}::text[]) as e(code, points, note)
      on conflict (sheet_id, criterion_code) do update set self_points = excluded.self_points, self_note = excluded.self_note, updated_at = now()`);
    await tx.execute(sql`update score_sheet set version = version + 1, updated_at = now() where id = ${id}`);
    await audit(tx, actor, [
      {
        action: 'scoring.sheet.selfScore', entityType: 'score_sheet', entityId: id, orgId: num(s.org_id),
        before: entryAudit(entries, codes, (e) => (e ? { points: e.self_points, note: e.self_note } : null)),
        after: Object.fromEntries(input.entries.map((e) => [e.criterionCode, { points: e.points, note: e.note ?? null }])),
      },
    ]);
  });
}

export async function submitSheet(app: AppContext, actor: AuthActor, locale: Locale, id: number, version: number): Promise<void> {
  await app.db.transaction(async (tx) => {
    const s = await loadForSelfScoring(tx, actor, id, version);
    const points = selfMap(await loadEntries(tx, id));
    const result = scoreOf(s, points);
    if (!result.complete) throw problemsError(locale, result.problems, 'scoring.api.incomplete', 'entries');
    const missing = await missingEvidence(tx, s, points);
    if (missing.length > 0) {
      const problems = missing.map((m) => ({ key: 'scoring.evidence.missing', criterion: m.criterion, message: t(locale, 'scoring.evidence.missing', { criterion: m.criterion, points: formatPoints(m.points, locale) }) }));
      throw validation('scoring.evidence.missingSummary', { count: missing.length, list: missing.map((m) => m.criterion).join(', ') }, { field: 'evidence', problems });
    }
    await tx.execute(sql`
      update score_sheet set status = 'SUBMITTED', self_total = ${result.total}, submitted_at = now(), submitted_by = ${actor.userId},
        version = version + 1, updated_at = now()
      where id = ${id}`);
    await audit(tx, actor, [
      { action: 'scoring.sheet.submit', entityType: 'score_sheet', entityId: id, orgId: num(s.org_id), before: { status: s.status, selfTotal: num(s.self_total) }, after: { status: 'SUBMITTED', selfTotal: result.total } },
    ]);
  });
}

/** Locks the sheet and checks that the organiser may verify it now. */
async function loadForVerification(tx: Tx, actor: AuthActor, id: number, version: number): Promise<SheetRow> {
  const s = await loadReadableSheet(tx, actor, id, true);
  if (!sheetPolicy.verify(actor, s)) throw notFound();
  if (s.status !== 'SUBMITTED') throw conflict('scoring.api.notSubmitted');
  if (s.round_status !== 'OPEN') throw conflict('scoring.api.roundNotOpen');
  if (Number(s.version) !== version) throw conflict('scoring.api.staleVersion');
  return s;
}

export async function saveVerifiedEntries(app: AppContext, actor: AuthActor, locale: Locale, id: number, input: VerifyEntriesInput): Promise<void> {
  await app.db.transaction(async (tx) => {
    const s = await loadForVerification(tx, actor, id, input.version);
    duplicates(input.entries.map((e) => e.criterionCode));
    const entries = await loadEntries(tx, id);
    const merged = verifiedMap(entries);
    for (const e of input.entries) merged.set(e.criterionCode, e.points);
    const problems: Problem[] = scoreOf(s, merged).problems.filter((p) => p.key !== 'scoring.sheet.missing');
    for (const e of input.entries) {
      const self = entries.get(e.criterionCode)?.self_points ?? null;
      const changed = self === null || toUnits(self) !== toUnits(e.points);
      if (changed && !e.reason?.trim()) problems.push({ key: 'scoring.api.reasonRequired', params: { criterion: e.criterionCode, points: e.points, self: self ?? 0 } });
    }
    if (problems.length > 0) throw problemsError(locale, problems, 'scoring.api.problems', 'entries');
    const codes = input.entries.map((e) => e.criterionCode);
    await tx.execute(sql`
      insert into score_entry (sheet_id, criterion_code, verified_points, verify_reason)
      select ${id}, e.code, e.points, e.reason
      from unnest(${sql.param(codes)}::text[], ${sql.param(input.entries.map((e) => e.points))}::numeric[],
                  ${sql.param(input.entries.map((e) => (e.reason?.trim() ? e.reason.trim().normalize('NFC') : null)))}::text[]) as e(code, points, reason)
      on conflict (sheet_id, criterion_code) do update set verified_points = excluded.verified_points, verify_reason = excluded.verify_reason, updated_at = now()`);
    await tx.execute(sql`update score_sheet set version = version + 1, updated_at = now() where id = ${id}`);
    await audit(tx, actor, [
      {
        action: 'scoring.sheet.verify', entityType: 'score_sheet', entityId: id, orgId: num(s.org_id),
        before: entryAudit(entries, codes, (e) => ({ self: e?.self_points ?? null, verified: e?.verified_points ?? null, reason: e?.verify_reason ?? null })),
        after: Object.fromEntries(input.entries.map((e) => [e.criterionCode, { verified: e.points, reason: e.reason?.trim() || null }])),
      },
    ]);
  });
}

export async function returnSheet(app: AppContext, actor: AuthActor, id: number, version: number, reason: string): Promise<void> {
  await app.db.transaction(async (tx) => {
    const s = await loadForVerification(tx, actor, id, version);
    const text = reason.normalize('NFC');
    await tx.execute(sql`update score_sheet set status = 'RETURNED', return_reason = ${text}, version = version + 1, updated_at = now() where id = ${id}`);
    await insertRoundNotices(tx, Number(s.round_id), 'RETURNED', { sheetIds: [id], reason: text });
    await audit(tx, actor, [{ action: 'scoring.sheet.return', entityType: 'score_sheet', entityId: id, orgId: num(s.org_id), before: { status: s.status }, after: { status: 'RETURNED', reason: text } }]);
  });
}

/** Disciplinary levels from `level` up (the order of DISCIPLINE_LEVELS is by severity). */
const levelsFrom = (level: string) => DISCIPLINE_LEVELS.slice(DISCIPLINE_LEVELS.indexOf(level as (typeof DISCIPLINE_LEVELS)[number]));

/**
 * Members of the unit disciplined at the round's level or above, with a decision dated in the
 * round's year; for a member's sheet, the member himself (0 or 1).
 */
export async function disciplinedMembers(tx: DbOrTx, s: SheetRow): Promise<number> {
  if (s.params.noDisciplineAtOrAbove === null) return 0;
  const who = s.person_id !== null ? sql`person_id = ${s.person_id}` : sql`person_id is not null and scope_path like ${`${s.scope_path}%`}`;
  const d = await tx.execute<{ n: number }>(sql`
    select count(distinct person_id)::int as n from discipline
    where status = 'ACTIVE' and ${who}
      and level = any(${sql.param(levelsFrom(s.params.noDisciplineAtOrAbove))}::text[])
      and valid_from between ${`${s.round_year}-01-01`} and ${`${s.round_year}-12-31`}`);
  return Number(d.rows[0]!.n);
}

export async function approveSheet(app: AppContext, actor: AuthActor, locale: Locale, id: number, version: number): Promise<void> {
  await app.db.transaction(async (tx) => {
    const s = await loadForVerification(tx, actor, id, version);
    const result = scoreOf(s, verifiedMap(await loadEntries(tx, id)));
    if (!result.complete) throw problemsError(locale, result.problems, 'scoring.api.incomplete', 'entries');
    const disciplined = await disciplinedMembers(tx, s);
    const c = classify({ total: result.total, criteriaBelowShare: result.criteriaBelowShare, disciplinedMembersAtOrAbove: disciplined }, s.params);
    await tx.execute(sql`
      update score_sheet set status = 'VERIFIED', verified_total = ${result.total}, classification = ${c.level}, verified_at = now(), verified_by = ${actor.userId},
        return_reason = null, version = version + 1, updated_at = now()
      where id = ${id}`);
    await audit(tx, actor, [
      {
        action: 'scoring.sheet.approve', entityType: 'score_sheet', entityId: id, orgId: num(s.org_id),
        before: { status: s.status, selfTotal: num(s.self_total) },
        after: { status: 'VERIFIED', verifiedTotal: result.total, classification: c.level, bandLevel: c.bandLevel, conditionsMet: c.conditionsMet, disciplinedMembers: disciplined },
      },
    ]);
  });
}

export interface SheetFilter {
  roundId?: number;
  status?: SheetRow['status'];
}

/** Sheets of the units the actor reads (and a member's own sheets), paged. */
export async function listSheets(db: DbOrTx, actor: AuthActor, f: SheetFilter, limit: number, offset: number) {
  const paths = actor.roles.filter((r) => READ_ROLES.includes(r.role)).map((r) => r.orgPath);
  if (paths.length === 0 && actor.personId === null) return { rows: [] as SheetRow[], total: 0 };
  const where = sql.join(
    [
      visibleSheetScope(actor, 's'),
      ...(f.roundId !== undefined ? [sql`s.round_id = ${f.roundId}`] : []),
      ...(f.status !== undefined ? [sql`s.status = ${f.status}`] : []),
    ],
    sql` and `,
  );
  const [rows, total] = await Promise.all([
    db.execute<SheetRow>(sql`${selectSheet(false)} where ${where} order by r.year desc, s.round_id desc, coalesce(o.name, p.full_name) collate "vi-x-icu", s.id limit ${limit} offset ${offset}`),
    db.execute<{ n: number }>(sql`select count(*)::int as n from score_sheet s where ${where}`),
  ]);
  return { rows: rows.rows, total: Number(total.rows[0]!.n) };
}
