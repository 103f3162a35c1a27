// Council scoring mode (chấm điểm theo hội đồng): the organiser's managers name the scorers; each
// scorer marks every unit of the round against the template (draft, then submit, which locks the
// mark); a scorer sees the other scorers' marks for a unit only once their own is submitted. The
// results put per-scorer z-scores beside the raw means and flag outliers (src/domain/scoring
// council.ts); finalising writes each unit's raw mean as its verified total, classified with the
// round's parameters, so that the results and publication of the round work unchanged.
import { sql } from 'drizzle-orm';
import type { AuthActor } from '../../lib/actor';
import type { DbOrTx, Tx } from '../../db/client';
import type { AppContext } from '../../lib/context';
import type { Locale } from '../../../contracts/enums';
import { DISCIPLINE_LEVELS } from '../../../contracts/enums';
import { audit } from '../../lib/audit';
import { conflict, notFound, validation } from '../../lib/errors';
import { READ_ROLES } from '../../lib/policy';
import { applicableCriteria, classify, normaliseCouncil, toUnits, visibleMarks, type ScorecardTemplate } from '../../../domain/scoring';
import { COUNCIL_OUTLIER_K, type CouncilDto, type CouncilMarkDto, type CouncilMarkInput, type CouncilResultsDto, type CouncilSetupInput, type CouncilSheetRowDto, type MarkStatus } from '../../../contracts/scoring-council';
import { findRound, roundPolicy, type RoundRow } from './rounds.service';
import { findSheet, scoreOf, type SheetRow } from './sheets.service';
import { problemDtos, problemsError } from './problems';

type CouncilRound = RoundRow & { version: number };
type Scorer = { user_id: number; display_name: string; submitted: number };

const collator = new Intl.Collator('vi', { sensitivity: 'base' });

/** The round for council purposes: only readers of the organiser's subtree see it (scorers are such readers). */
async function loadCouncilRound(db: DbOrTx, actor: AuthActor, id: number, forUpdate = false): Promise<CouncilRound> {
  // Lock first, then read: a publication committed while we waited must be seen.
  const v = await db.execute<{ version: number }>(sql`select version from scoring_round where id = ${id} ${forUpdate ? sql`for update` : sql``}`);
  const r = v.rows.length === 0 ? null : await findRound(db, id);
  if (!r || !roundPolicy.readWhole(actor, r)) throw notFound();
  return { ...r, version: Number(v.rows[0]!.version) };
}

/** Current scorers of a round with the number of marks each has submitted. */
async function loadScorers(db: DbOrTx, roundId: number): Promise<Scorer[]> {
  const r = await db.execute<Scorer>(sql`
    select sc.user_id, u.display_name,
           (select count(*)::int from council_mark m join score_sheet s on s.id = m.sheet_id
            where s.round_id = sc.round_id and m.scorer_id = sc.user_id and m.submitted_at is not null) as submitted
    from scoring_round_scorer sc join app_user u on u.id = sc.user_id
    where sc.round_id = ${roundId}
    order by u.display_name collate "vi-x-icu", sc.user_id`);
  return r.rows.map((s) => ({ ...s, user_id: Number(s.user_id), submitted: Number(s.submitted) }));
}

async function sheetCount(db: DbOrTx, roundId: number): Promise<number> {
  const r = await db.execute<{ n: number }>(sql`select count(*)::int as n from score_sheet where round_id = ${roundId}`);
  return Number(r.rows[0]!.n);
}

/** A user may score when enabled and holding a read role on the organiser or above it. */
const ELIGIBLE = (orgPath: string) => sql`(not u.disabled and exists (
  select 1 from role_assignment ra join organisation o on o.id = ra.org_id
  where ra.user_id = u.id and ra.revoked_at is null and ra.role = any(${sql.param([...READ_ROLES])}::text[]) and ${orgPath} like o.path || '%'))`;

export async function getCouncil(db: DbOrTx, actor: AuthActor, id: number): Promise<CouncilDto> {
  const round = await loadCouncilRound(db, actor, id);
  const [scorers, sheets] = await Promise.all([loadScorers(db, id), sheetCount(db, id)]);
  const me = scorers.find((s) => s.user_id === actor.userId);
  const manage = roundPolicy.manage(actor, round);
  const council = round.mode === 'COUNCIL';
  const open = round.status === 'OPEN';
  const abilities: string[] = [];
  if (manage && open) abilities.push('council.manage');
  if (me && council && open) abilities.push('council.score');
  if (council && (manage || (me && sheets > 0 && me.submitted >= sheets))) abilities.push('council.results');
  if (manage && council && open) abilities.push('council.finalize');
  return {
    roundId: Number(round.id),
    roundTitle: round.title,
    roundStatus: round.status,
    organiserName: round.org_name,
    mode: round.mode,
    version: round.version,
    sheetCount: sheets,
    scorers: scorers.map((s) => ({ userId: s.user_id, displayName: s.display_name, submitted: s.submitted })),
    isScorer: me !== undefined,
    abilities,
  };
}

export async function councilCandidates(db: DbOrTx, actor: AuthActor, id: number, q: string | undefined, limit: number, offset: number) {
  const round = await loadCouncilRound(db, actor, id);
  if (!roundPolicy.manage(actor, round)) throw notFound();
  const where = sql`${ELIGIBLE(round.org_path)} ${q ? sql`and (u.username ilike ${`%${q}%`} or vd_fold(u.display_name) like '%' || vd_fold(${q}) || '%')` : sql``}`;
  const [rows, total] = await Promise.all([
    db.execute<{ id: number; display_name: string; username: string }>(sql`
      select u.id, u.display_name, u.username from app_user u where ${where}
      order by u.display_name collate "vi-x-icu", u.id limit ${limit} offset ${offset}`),
    db.execute<{ n: number }>(sql`select count(*)::int as n from app_user u where ${where}`),
  ]);
  return { rows: rows.rows.map((u) => ({ userId: Number(u.id), displayName: u.display_name, username: u.username })), total: Number(total.rows[0]!.n) };
}

export async function setupCouncil(app: AppContext, actor: AuthActor, id: number, input: CouncilSetupInput): Promise<void> {
  await app.db.transaction(async (tx) => {
    const round = await loadCouncilRound(tx, actor, id, true);
    if (!roundPolicy.manage(actor, round)) throw notFound();
    if (round.status !== 'OPEN') throw conflict('scoring.api.roundNotOpen');
    if (round.version !== input.version) throw conflict('scoring.api.roundStale');
    const ids = input.scorerIds;
    const seen = new Set<number>();
    for (const u of ids) {
      if (seen.has(u)) throw validation('scoring.council.duplicateScorer', { id: u }, { field: 'scorerIds' });
      seen.add(u);
    }
    if (ids.length < 2) throw validation('scoring.council.tooFewScorers', {}, { field: 'scorerIds' });
    if (round.mode === 'VERIFIED') {
      const verified = await tx.execute<{ n: number }>(sql`select count(*)::int as n from score_sheet where round_id = ${id} and status = 'VERIFIED'`);
      if (Number(verified.rows[0]!.n) > 0) throw conflict('scoring.council.alreadyVerified');
    }
    const users = await tx.execute<{ id: number; display_name: string; disabled: boolean; eligible: boolean }>(sql`
      select u.id, u.display_name, u.disabled, ${ELIGIBLE(round.org_path)} as eligible from app_user u where u.id = any(${sql.param(ids)}::bigint[])`);
    const byId = new Map(users.rows.map((u) => [Number(u.id), u]));
    for (const uid of ids) {
      const u = byId.get(uid);
      if (!u) throw validation('scoring.council.unknownUser', { id: uid }, { field: 'scorerIds' });
      if (u.disabled) throw validation('scoring.council.userDisabled', { name: u.display_name }, { field: 'scorerIds' });
      if (!u.eligible) throw validation('scoring.council.userNotEligible', { name: u.display_name, organiser: round.org_name }, { field: 'scorerIds' });
    }
    const current = await loadScorers(tx, id);
    const removed = current.filter((s) => !seen.has(s.user_id));
    const locked = removed.find((s) => s.submitted > 0);
    if (locked) throw validation('scoring.council.cannotRemove', { name: locked.display_name }, { field: 'scorerIds' });
    // The link has no state of its own: a removed scorer never submitted, and their drafts stay in council_mark (ignored).
    if (removed.length > 0) await tx.execute(sql`delete from scoring_round_scorer where round_id = ${id} and user_id = any(${sql.param(removed.map((s) => s.user_id))}::bigint[])`);
    await tx.execute(sql`insert into scoring_round_scorer (round_id, user_id) select ${id}, u from unnest(${sql.param(ids)}::bigint[]) as u on conflict do nothing`);
    await tx.execute(sql`update scoring_round set mode = 'COUNCIL', version = version + 1, updated_at = now() where id = ${id}`);
    await audit(tx, actor, [
      {
        action: 'scoring.council.setup', entityType: 'scoring_round', entityId: id, orgId: Number(round.org_id),
        before: { mode: round.mode, scorers: current.map((s) => s.user_id) },
        after: { mode: 'COUNCIL', scorers: ids, added: ids.filter((u) => !current.some((s) => s.user_id === u)), removed: removed.map((s) => s.user_id) },
      },
    ]);
  });
}

export async function councilSheets(db: DbOrTx, actor: AuthActor, id: number, limit: number, offset: number): Promise<{ rows: CouncilSheetRowDto[]; total: number }> {
  const round = await loadCouncilRound(db, actor, id);
  const scorer = await db.execute(sql`select 1 from scoring_round_scorer where round_id = ${id} and user_id = ${actor.userId}`);
  if (scorer.rows.length === 0 && !roundPolicy.manage(actor, round)) throw notFound();
  const [rows, total] = await Promise.all([
    db.execute<{ id: number; org_name: string | null; status: CouncilSheetRowDto['sheetStatus']; self_total: number | null; my_total: number | null; my_submitted: boolean | null; submitted_marks: number }>(sql`
      select s.id, o.name as org_name, s.status, case when s.submitted_at is not null then s.self_total::float8 end as self_total,
             m.total::float8 as my_total, m.submitted_at is not null as my_submitted,
             (select count(*)::int from council_mark x join scoring_round_scorer sc on sc.round_id = s.round_id and sc.user_id = x.scorer_id
              where x.sheet_id = s.id and x.submitted_at is not null) as submitted_marks
      from score_sheet s left join organisation o on o.id = s.org_id
      left join council_mark m on m.sheet_id = s.id and m.scorer_id = ${actor.userId}
      where s.round_id = ${id}
      order by o.name collate "vi-x-icu", s.id limit ${limit} offset ${offset}`),
    sheetCount(db, id),
  ]);
  return {
    rows: rows.rows.map((r) => {
      const myStatus: MarkStatus = r.my_submitted === null || r.my_total === null ? 'NONE' : r.my_submitted ? 'SUBMITTED' : 'DRAFT';
      return { sheetId: Number(r.id), orgName: r.org_name, sheetStatus: r.status, selfTotal: r.self_total, myStatus, myTotal: r.my_total, submittedMarks: Number(r.submitted_marks) };
    }),
    total,
  };
}

type MarkRow = { scorer_id: number; display_name: string; entries: Record<string, number>; total: number; submitted_at: string | null };

async function loadMarks(db: DbOrTx, s: SheetRow): Promise<MarkRow[]> {
  const r = await db.execute<MarkRow>(sql`
    select m.scorer_id, u.display_name, m.entries, m.total::float8 as total, to_json(m.submitted_at)#>>'{}' as submitted_at
    from council_mark m join scoring_round_scorer sc on sc.round_id = ${s.round_id} and sc.user_id = m.scorer_id join app_user u on u.id = m.scorer_id
    where m.sheet_id = ${s.id}
    order by u.display_name collate "vi-x-icu", m.scorer_id`);
  return r.rows.map((m) => ({ ...m, scorer_id: Number(m.scorer_id) }));
}

type SheetContext = { s: SheetRow; mode: RoundRow['mode']; isScorer: boolean; manage: boolean };

/** The sheet, whether the actor scores its round or manages it; anyone else gets 404. */
async function loadSheetContext(db: DbOrTx, actor: AuthActor, id: number, forUpdate = false): Promise<SheetContext> {
  const s = await findSheet(db, id, forUpdate);
  if (!s || !roundPolicy.readWhole(actor, { org_path: s.organiser_path })) throw notFound();
  const r = await db.execute<{ mode: RoundRow['mode']; scorer: boolean }>(sql`
    select r.mode, exists (select 1 from scoring_round_scorer sc where sc.round_id = r.id and sc.user_id = ${actor.userId}) as scorer
    from scoring_round r where r.id = ${s.round_id}`);
  const { mode, scorer } = r.rows[0]!;
  const manage = roundPolicy.manage(actor, { org_path: s.organiser_path, org_status: s.organiser_status });
  if (!scorer && !manage) throw notFound();
  return { s, mode, isScorer: scorer, manage };
}

const pointsMap = (entries: Record<string, number> | undefined) => new Map<string, number | null>(Object.entries(entries ?? {}));

export async function getMark(db: DbOrTx, actor: AuthActor, locale: Locale, id: number): Promise<CouncilMarkDto> {
  const { s, mode, isScorer } = await loadSheetContext(db, actor, id);
  const marks = await loadMarks(db, s);
  const mine = isScorer ? marks.find((m) => m.scorer_id === actor.userId) : undefined;
  const others = marks.filter((m) => m.scorer_id !== actor.userId && m.submitted_at !== null);
  // Scorers: the core's rule (others' submitted marks once mine is submitted); managers who do not score see every submitted mark.
  const shown = isScorer
    ? visibleMarks(String(actor.userId), marks.map((m) => ({ ...m, scorerId: String(m.scorer_id), unitId: String(s.id), submitted: m.submitted_at !== null }))).filter((m) => m.scorer_id !== actor.userId)
    : others;
  const result = scoreOf(s, pointsMap(mine?.entries));
  const editable = isScorer && mode === 'COUNCIL' && s.round_status === 'OPEN' && s.status !== 'VERIFIED' && !mine?.submitted_at;
  return {
    sheetId: Number(s.id),
    roundId: Number(s.round_id),
    roundTitle: s.round_title,
    orgName: s.org_name,
    variant: s.variant,
    sheetStatus: s.status,
    criteria: applicableCriteria(s.structure, s.variant).map(({ section, criterion }) => ({
      sectionCode: section.code,
      sectionTitle: section.title,
      sectionKind: section.kind,
      sectionMaxPoints: section.maxPoints,
      code: criterion.code,
      text: criterion.text,
      maxPoints: criterion.maxPoints,
      step: criterion.step,
      guidance: criterion.guidance ?? null,
    })),
    isScorer,
    entries: Object.entries(mine?.entries ?? {}).map(([criterionCode, points]) => ({ criterionCode, points })),
    total: mine ? Number(mine.total) : 0,
    maxTotal: result.maxTotal,
    complete: isScorer && result.complete,
    problems: isScorer ? problemDtos(locale, result.problems) : [],
    submitted: !!mine?.submitted_at,
    submittedAt: mine?.submitted_at ?? null,
    othersSubmitted: others.length,
    others: isScorer && !mine?.submitted_at ? null : shown.map((m) => ({ scorerId: m.scorer_id, scorerName: m.display_name, total: Number(m.total), points: m.entries, submittedAt: m.submitted_at! })),
    abilities: editable ? ['mark.save', 'mark.submit'] : [],
  };
}

/** Locks the sheet and checks that the actor may still write their mark. */
async function loadForMarking(tx: Tx, actor: AuthActor, id: number): Promise<{ s: SheetRow; mine: MarkRow | undefined }> {
  const { s, mode, isScorer } = await loadSheetContext(tx, actor, id, true);
  if (!isScorer) throw notFound();
  if (mode !== 'COUNCIL') throw conflict('scoring.council.notCouncil');
  if (s.round_status !== 'OPEN') throw conflict('scoring.api.roundNotOpen');
  if (s.status === 'VERIFIED') throw conflict('scoring.council.sheetFinalized');
  const mine = (await loadMarks(tx, s)).find((m) => m.scorer_id === actor.userId);
  if (mine?.submitted_at) throw conflict('scoring.council.markLocked');
  return { s, mine };
}

export async function saveMark(app: AppContext, actor: AuthActor, locale: Locale, id: number, input: CouncilMarkInput): Promise<void> {
  await app.db.transaction(async (tx) => {
    const { s, mine } = await loadForMarking(tx, actor, id);
    const seen = new Set<string>();
    for (const e of input.entries) {
      if (seen.has(e.criterionCode)) throw validation('scoring.api.duplicateCriterion', { criterion: e.criterionCode }, { field: 'entries' });
      seen.add(e.criterionCode);
    }
    const merged = pointsMap(mine?.entries);
    for (const e of input.entries) merged.set(e.criterionCode, e.points);
    // Every rule of the core (maximum, step, sign, unknown code, other unit type) except "missing": a draft may be partial.
    const result = scoreOf(s, merged);
    const problems = result.problems.filter((p) => p.key !== 'scoring.sheet.missing');
    if (problems.length > 0) throw problemsError(locale, problems, 'scoring.api.problems', 'entries');
    const entries = Object.fromEntries([...merged].filter((e): e is [string, number] => e[1] !== null));
    await tx.execute(sql`
      insert into council_mark (sheet_id, scorer_id, entries, total, updated_at)
      values (${id}, ${actor.userId}, ${JSON.stringify(entries)}::jsonb, ${result.total}, now())
      on conflict (sheet_id, scorer_id) do update set entries = excluded.entries, total = excluded.total, updated_at = now()`);
    await audit(tx, actor, [
      {
        action: 'scoring.council.mark', entityType: 'score_sheet', entityId: id, orgId: s.org_id === null ? null : Number(s.org_id),
        before: Object.fromEntries(input.entries.map((e) => [e.criterionCode, mine?.entries[e.criterionCode] ?? null])),
        after: Object.fromEntries(input.entries.map((e) => [e.criterionCode, e.points])),
      },
    ]);
  });
}

export async function submitMark(app: AppContext, actor: AuthActor, locale: Locale, id: number): Promise<void> {
  await app.db.transaction(async (tx) => {
    const { s, mine } = await loadForMarking(tx, actor, id);
    const result = scoreOf(s, pointsMap(mine?.entries));
    if (!mine || !result.complete) throw problemsError(locale, result.problems, 'scoring.api.incomplete', 'entries');
    await tx.execute(sql`update council_mark set total = ${result.total}, submitted_at = now(), updated_at = now() where sheet_id = ${id} and scorer_id = ${actor.userId}`);
    await audit(tx, actor, [
      { action: 'scoring.council.submit', entityType: 'score_sheet', entityId: id, orgId: s.org_id === null ? null : Number(s.org_id), after: { total: result.total, entries: mine.entries } },
    ]);
  });
}

type SubmittedMark = { sheet_id: number; scorer_id: number; total: number; entries: Record<string, number> };

async function submittedMarks(db: DbOrTx, roundId: number): Promise<SubmittedMark[]> {
  const r = await db.execute<SubmittedMark>(sql`
    select m.sheet_id, m.scorer_id, m.total::float8 as total, m.entries
    from council_mark m join score_sheet s on s.id = m.sheet_id join scoring_round_scorer sc on sc.round_id = s.round_id and sc.user_id = m.scorer_id
    where s.round_id = ${roundId} and m.submitted_at is not null`);
  return r.rows.map((m) => ({ ...m, sheet_id: Number(m.sheet_id), scorer_id: Number(m.scorer_id), total: Number(m.total) }));
}

export async function councilResults(db: DbOrTx, actor: AuthActor, id: number, page: number, pageSize: number): Promise<CouncilResultsDto> {
  const round = await loadCouncilRound(db, actor, id);
  const manage = roundPolicy.manage(actor, round);
  const [scorers, sheets] = await Promise.all([loadScorers(db, id), sheetCount(db, id)]);
  const me = scorers.find((s) => s.user_id === actor.userId);
  if (!manage && !me) throw notFound();
  if (round.mode !== 'COUNCIL') throw conflict('scoring.council.notCouncil');
  if (!manage && me!.submitted < sheets) throw conflict('scoring.council.resultsLocked');
  const [marks, units] = await Promise.all([
    submittedMarks(db, id),
    db.execute<{ id: number; org_name: string | null; status: CouncilResultsDto['items'][number]['sheetStatus'] }>(sql`
      select s.id, o.name as org_name, s.status from score_sheet s left join organisation o on o.id = s.org_id where s.round_id = ${id}`),
  ]);
  const unitById = new Map(units.rows.map((u) => [String(u.id), u]));
  const names = new Map(scorers.map((s) => [String(s.user_id), s.display_name]));
  const res = normaliseCouncil(marks.map((m) => ({ scorerId: String(m.scorer_id), unitId: String(m.sheet_id), total: m.total, submitted: true })), { k: COUNCIL_OUTLIER_K });
  const stats = new Map(res.scorers.map((s) => [s.scorerId, s]));
  const items = res.units
    .map((u) => {
      const unit = unitById.get(u.unitId)!;
      return {
        sheetId: Number(u.unitId),
        orgName: unit.org_name,
        sheetStatus: unit.status,
        count: u.count,
        rawMean: u.rawMean,
        zMean: u.zMean,
        marks: u.marks.map((m) => ({ scorerId: Number(m.scorerId), scorerName: names.get(m.scorerId) ?? '', raw: m.raw, z: m.z, outlier: m.outlier, othersMean: m.othersMean })),
      };
    })
    .sort((a, b) => b.rawMean - a.rawMean || collator.compare(a.orgName ?? '', b.orgName ?? '') || a.sheetId - b.sheetId);
  return {
    roundId: Number(round.id),
    roundVersion: round.version,
    roundStatus: round.status,
    k: COUNCIL_OUTLIER_K,
    scorers: scorers.map((s) => {
      const st = stats.get(String(s.user_id));
      return { userId: s.user_id, displayName: s.display_name, count: st?.count ?? 0, mean: st?.mean ?? 0, sd: st?.sd ?? 0 };
    }),
    items: items.slice((page - 1) * pageSize, page * pageSize),
    total: items.length,
    page,
    pageSize,
    abilities: manage && round.status === 'OPEN' ? ['council.finalize'] : [],
  };
}

/** Disciplinary levels from `level` up (DISCIPLINE_LEVELS is ordered by severity). */
const levelsFrom = (level: string) => DISCIPLINE_LEVELS.slice(DISCIPLINE_LEVELS.indexOf(level as (typeof DISCIPLINE_LEVELS)[number]));

export async function finalizeCouncil(app: AppContext, actor: AuthActor, id: number, version: number): Promise<number> {
  return app.db.transaction(async (tx) => {
    const round = await loadCouncilRound(tx, actor, id, true);
    if (!roundPolicy.manage(actor, round)) throw notFound();
    if (round.mode !== 'COUNCIL') throw conflict('scoring.council.notCouncil');
    if (round.status !== 'OPEN') throw conflict('scoring.api.roundNotOpen');
    if (round.version !== version) throw conflict('scoring.api.roundStale');
    // Wait for any mark in flight (they lock the sheet) so that what is read next is final.
    const sheets = await tx.execute<{ id: number; org_id: number | null; org_name: string | null; scope_path: string; variant: SheetRow['variant']; status: string }>(sql`
      select s.id, s.org_id, o.name as org_name, s.scope_path, s.variant, s.status
      from score_sheet s left join organisation o on o.id = s.org_id where s.round_id = ${id} order by s.id for update of s`);
    const marks = await submittedMarks(tx, id);
    const bySheet = new Map<number, SubmittedMark[]>();
    for (const m of marks) (bySheet.get(m.sheet_id) ?? bySheet.set(m.sheet_id, []).get(m.sheet_id)!).push(m);
    const todo = sheets.rows.map((s) => ({ ...s, id: Number(s.id) })).filter((s) => s.status !== 'VERIFIED' && bySheet.has(s.id));
    if (todo.length === 0) throw conflict('scoring.council.nothingToFinalize');

    const params = round.classification;
    const t = await tx.execute<{ structure: ScorecardTemplate }>(sql`select structure from scorecard_template where id = ${round.template_id}`);
    const structure = t.rows[0]!.structure;
    const disciplined = new Map<number, number>();
    if (params.noDisciplineAtOrAbove !== null) {
      const d = await tx.execute<{ id: number; n: number }>(sql`
        select u.id, count(distinct d.person_id)::int as n
        from unnest(${sql.param(todo.map((s) => s.id))}::bigint[], ${sql.param(todo.map((s) => s.scope_path))}::text[]) as u(id, path)
        join discipline d on d.scope_path like u.path || '%'
        where d.status = 'ACTIVE' and d.person_id is not null and d.level = any(${sql.param(levelsFrom(params.noDisciplineAtOrAbove))}::text[])
          and d.valid_from between ${`${round.year}-01-01`} and ${`${round.year}-12-31`}
        group by u.id`);
      for (const r of d.rows) disciplined.set(Number(r.id), Number(r.n));
    }
    const shareMilli = params.minCriterionShare === null ? null : Math.round(params.minCriterionShare * 1000);
    const results = todo.map((s) => {
      const ms = bySheet.get(s.id)!;
      const n = ms.length;
      // Raw mean of the totals in hundredths, rounded half up.
      const total = Math.round(ms.reduce((acc, m) => acc + (toUnits(m.total) ?? Math.round(m.total * 100)), 0) / n) / 100;
      // A REGULAR criterion counts as below the share when the scorers' mean for it is.
      const below =
        shareMilli === null
          ? []
          : applicableCriteria(structure, s.variant)
              .filter(({ section }) => section.kind === 'REGULAR')
              .filter(({ criterion }) => ms.reduce((acc, m) => acc + (toUnits(m.entries[criterion.code] ?? 0) ?? 0), 0) * 1000 < shareMilli * (toUnits(criterion.maxPoints) ?? 0) * n)
              .map(({ criterion }) => criterion.code);
      const c = classify({ total, criteriaBelowShare: below, disciplinedMembersAtOrAbove: disciplined.get(s.id) ?? 0 }, params);
      return { sheetId: s.id, unit: s.org_name, orgId: s.org_id, status: s.status, marks: n, total, level: c.level, bandLevel: c.bandLevel, conditionsMet: c.conditionsMet };
    });
    await tx.execute(sql`
      update score_sheet s set status = 'VERIFIED', verified_total = u.total, classification = u.level, verified_at = now(), verified_by = ${actor.userId},
        return_reason = null, version = s.version + 1, updated_at = now()
      from unnest(${sql.param(results.map((r) => r.sheetId))}::bigint[], ${sql.param(results.map((r) => r.total))}::numeric[], ${sql.param(results.map((r) => r.level))}::text[]) as u(id, total, level)
      where s.id = u.id`);
    await tx.execute(sql`update scoring_round set version = version + 1, updated_at = now() where id = ${id}`);
    await audit(tx, actor, [
      {
        action: 'scoring.council.finalize', entityType: 'scoring_round', entityId: id, orgId: Number(round.org_id),
        after: { k: COUNCIL_OUTLIER_K, results: results.map((r) => ({ sheetId: r.sheetId, unit: r.unit, before: r.status, marks: r.marks, verifiedTotal: r.total, classification: r.level, bandLevel: r.bandLevel, conditionsMet: r.conditionsMet })) },
      },
    ]);
    return results.length;
  });
}
