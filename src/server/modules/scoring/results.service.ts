// Results of a scoring round: totals, classification and rank (computed live from the VERIFIED
// sheets with the round's declared tie-breaks), publication (ranks stored, one SCORING
// performance_rating per unit as a fact for eligibility, the round locked) and amendments after
// publication (recorded in score_amendment; the rating is superseded, never deleted).
import { sql } from 'drizzle-orm';
import type { AuthActor } from '../../lib/actor';
import type { DbOrTx, Tx } from '../../db/client';
import type { AppContext } from '../../lib/context';
import type { Locale } from '../../../contracts/enums';
import { t } from '../../../contracts/messages';
import { audit } from '../../lib/audit';
import { conflict, notFound, validation } from '../../lib/errors';
import { classify, rank, rankItemFromSheet, scoreSheet, toUnits, type ClassificationLevel, type RankDecision, type ScorecardTemplate, type TieBreak } from '../../../domain/scoring';
import type { AmendSheetInput, PublishRoundInput, ResultRowDto, RoundDistributionDto } from '../../../contracts/scoring';
import { READ_ROLES } from '../../lib/policy';
import { findCluster } from '../clusters/clusters.repository';
import { clusterPolicy } from '../clusters/clusters.service';
import { tableWorkbook } from '../imports/xlsx/table-workbook';
import { findRound, insertRoundNotices, roundPolicy, type RoundRow } from './rounds.service';
import { disciplinedMembers, loadEntries, loadReadableSheet, scoreOf, sheetPolicy, verifiedMap } from './sheets.service';
import { problemsError } from './problems';

export type ResultSheet = {
  id: number;
  org_id: number | null;
  org_name: string | null;
  org_path: string | null;
  /** Person rounds: the scored member (absent/null for a unit's sheet). */
  person_id?: number | null;
  person_name?: string | null;
  /** The sheet's scope: the unit's path, or the member's unit's (absent: the unit's path). */
  scope_path?: string;
  status: ResultRowDto['status'];
  variant: 'STATE' | 'ENTERPRISE' | null;
  self_total: number | null;
  verified_total: number | null;
  classification: ClassificationLevel | null;
  rank: number | null;
  rating_record_id: number | null;
  /** Verified value (or the self-score where the verifier kept it) per criterion. */
  points: Record<string, number | null> | null;
};

type RoundMeta = RoundRow & { version: number; published_at: string | null; structure: ScorecardTemplate };

async function findRoundMeta(db: DbOrTx, id: number, forUpdate = false): Promise<RoundMeta | null> {
  const r = await findRound(db, id);
  if (!r) return null;
  const m = await db.execute<{ version: number; published_at: string | null; structure: ScorecardTemplate }>(sql`
    select r.version, to_json(r.published_at)#>>'{}' as published_at, t.structure
    from scoring_round r join scorecard_template t on t.id = r.template_id where r.id = ${id} ${forUpdate ? sql`for update of r` : sql``}`);
  return { ...r, ...m.rows[0]!, version: Number(m.rows[0]!.version) };
}

/** Every sheet of the round with its points, in one set-based query. */
async function loadResultSheets(db: DbOrTx, roundId: number): Promise<ResultSheet[]> {
  const r = await db.execute<ResultSheet>(sql`
    select s.id, s.org_id, o.name as org_name, o.path as org_path, s.person_id, p.full_name as person_name, s.scope_path, s.status, s.variant, s.self_total::float8 as self_total,
           s.verified_total::float8 as verified_total, s.classification, s.rank, s.rating_record_id, e.points
    from score_sheet s left join organisation o on o.id = s.org_id left join person p on p.id = s.person_id
    left join lateral (
      select json_object_agg(x.criterion_code, coalesce(x.verified_points, x.self_points)::float8) as points from score_entry x where x.sheet_id = s.id
    ) e on true
    where s.round_id = ${roundId}
    order by coalesce(o.name, p.full_name) collate "vi-x-icu", s.id`);
  const n = (v: number | null) => (v === null ? null : Number(v));
  return r.rows.map((s) => ({ ...s, id: Number(s.id), org_id: n(s.org_id), person_id: n(s.person_id ?? null), rating_record_id: n(s.rating_record_id) }));
}

export interface ComputedResults {
  rows: (ResultRowDto & { orgPath: string | null; scopePath: string })[];
}

/** Ranks the VERIFIED sheets with the round's tie-breaks; the others follow, unranked, by name. */
export function computeResults(round: Pick<RoundMeta, 'structure' | 'tie_breaks' | 'classification'> & { mode?: RoundMeta['mode'] }, sheets: readonly ResultSheet[]): ComputedResults {
  const verified = sheets.filter((s) => s.status === 'VERIFIED');
  const items = verified.map((s) => {
    const result = scoreSheet(round.structure, new Map(Object.entries(s.points ?? {})), s.variant, { belowShare: round.classification.minCriterionShare });
    const item = rankItemFromSheet(String(s.id), s.org_name ?? s.person_name ?? '', result);
    // A council round has no per-criterion entries: its result is the mean of the scorers' totals
    // (finalisation stores it as the verified total), so that is what ranks; section tie-breaks see 0.
    return round.mode === 'COUNCIL' && s.verified_total !== null ? { ...item, total: s.verified_total, regularTotal: s.verified_total } : item;
  });
  const ranking = rank(items, round.tie_breaks as TieBreak[]);
  const position = new Map(ranking.entries.map((e) => [e.id, e.position]));
  const decision = new Map<string, RankDecision>(ranking.decisions.map((d) => [d.above, d]));
  const byId = new Map(sheets.map((s) => [String(s.id), s]));
  const ordered = [...ranking.entries.map((e) => byId.get(e.id)!), ...sheets.filter((s) => s.status !== 'VERIFIED')];
  return {
    rows: ordered.map((s) => {
      const d = decision.get(String(s.id));
      return {
        sheetId: s.id,
        orgId: s.org_id,
        orgName: s.org_name,
        orgPath: s.org_path,
        scopePath: s.scope_path ?? s.org_path ?? '',
        personId: s.person_id ?? null,
        personName: s.person_name ?? null,
        status: s.status,
        selfTotal: s.self_total,
        verifiedTotal: s.status === 'VERIFIED' ? s.verified_total : null,
        classification: s.status === 'VERIFIED' ? s.classification : null,
        rank: position.get(String(s.id)) ?? null,
        decidedBy: d ? (d.decidedBy ?? 'TIED') : null,
        ratingRecordId: s.rating_record_id,
      };
    }),
  };
}

/** Readers of the organiser always; anyone with a role in a scored unit (and a scored member) once the results are published. */
async function loadResultsRound(db: DbOrTx, actor: AuthActor, id: number): Promise<RoundMeta> {
  const r = await findRoundMeta(db, id);
  if (!r) throw notFound();
  if (roundPolicy.readWhole(actor, r)) return r;
  if (r.status !== 'PUBLISHED') throw notFound();
  const paths = actor.roles.map((x) => `${x.orgPath}%`);
  const own = await db.execute<{ n: number }>(sql`
    select count(*)::int as n from score_sheet s
    where s.round_id = ${id} and (s.scope_path like any(${sql.param(paths)}::text[]) or s.person_id = ${actor.personId ?? -1})`);
  if (Number(own.rows[0]!.n) === 0) throw notFound();
  return r;
}

/**
 * The member units of a cluster that may rank a round's sheets: of the round's year, readable by
 * the actor, with at least one member scored in the round; otherwise 404.
 */
async function clusterUnits(db: DbOrTx, actor: AuthActor, round: RoundMeta, clusterId: number, sheets: readonly ResultSheet[]): Promise<Set<number>> {
  const c = await findCluster(db, clusterId);
  if (!c || Number(c.year) !== Number(round.year) || !clusterPolicy.read(actor, c)) throw notFound();
  const members = new Set(c.members.map((m) => Number(m.orgId)));
  if (!sheets.some((x) => x.org_id !== null && members.has(x.org_id))) throw notFound();
  return members;
}

/** Results of the round; with `clusterId`, ranked within that cluster's member units only. */
export async function roundResults(db: DbOrTx, actor: AuthActor, id: number, clusterId?: number) {
  const round = await loadResultsRound(db, actor, id);
  let sheets = await loadResultSheets(db, id);
  if (clusterId !== undefined) {
    const members = await clusterUnits(db, actor, round, clusterId, sheets);
    sheets = sheets.filter((x) => x.org_id !== null && members.has(x.org_id));
  }
  const { rows } = computeResults(round, sheets);
  const abilities = roundPolicy.manage(actor, round) ? (round.status === 'PUBLISHED' ? ['round.amend'] : ['round.publish']) : [];
  return { round, rows, abilities };
}

export const DISTRIBUTION_BINS = 10;

/**
 * Classification levels and verified totals (10-point bins 0–10 … 90–100; 100 and above in the
 * last, below 0 in the first) for the whole round, then for each cluster of the round's year that
 * the actor reads and whose members have sheets in the round. One set-based query.
 */
export async function roundDistribution(db: DbOrTx, actor: AuthActor, locale: Locale, id: number): Promise<RoundDistributionDto> {
  const round = await loadResultsRound(db, actor, id);
  const paths = actor.roles.filter((r) => READ_ROLES.includes(r.role)).map((r) => `${r.orgPath}%`);
  const r = await db.execute<{ cluster_id: number | null; name: string | null; htxsnv: number; httnv: number; htnv: number; khtnv: number; none: number; bins: number[] }>(sql`
    with sh as (
      select s.org_id, s.status, s.classification, s.verified_total from score_sheet s where s.round_id = ${id}
    ), grouped as (
      select null::bigint as cluster_id, null::text as name, sh.* from sh
      union all
      select c.id, c.name, sh.* from emulation_cluster c join emulation_cluster_member m on m.cluster_id = c.id join sh on sh.org_id = m.org_id
      where c.year = ${round.year}
        and (c.org_path like any(${sql.param(paths)}::text[])
             or exists (select 1 from emulation_cluster_member mm join organisation mo on mo.id = mm.org_id where mm.cluster_id = c.id and mo.path like any(${sql.param(paths)}::text[])))
    )
    select g.cluster_id, g.name,
           count(*) filter (where g.status = 'VERIFIED' and g.classification = 'HTXSNV')::int as htxsnv,
           count(*) filter (where g.status = 'VERIFIED' and g.classification = 'HTTNV')::int as httnv,
           count(*) filter (where g.status = 'VERIFIED' and g.classification = 'HTNV')::int as htnv,
           count(*) filter (where g.status = 'VERIFIED' and g.classification = 'KHTNV')::int as khtnv,
           count(*) filter (where g.status <> 'VERIFIED' or g.classification is null)::int as none,
           array(select count(*) filter (where g2.status = 'VERIFIED' and least(greatest(floor(g2.verified_total / 10), 0), ${DISTRIBUTION_BINS - 1}) = b)::int
                 from generate_series(0, ${DISTRIBUTION_BINS - 1}) as b
                 left join grouped g2 on g2.cluster_id is not distinct from g.cluster_id
                 group by b order by b) as bins
    from grouped g
    group by g.cluster_id, g.name
    order by g.cluster_id is not null, g.name collate "vi-x-icu", g.cluster_id`);
  return {
    groups: r.rows.map((g) => ({
      clusterId: g.cluster_id === null ? null : Number(g.cluster_id),
      name: g.name ?? t(locale, 'scoring.distribution.round'),
      levels: { HTXSNV: Number(g.htxsnv), HTTNV: Number(g.httnv), HTNV: Number(g.htnv), KHTNV: Number(g.khtnv), NONE: Number(g.none) },
      bins: g.bins.map((count, i) => ({ from: i * 10, to: (i + 1) * 10, count: Number(count) })),
    })),
  };
}

export function presentResults(r: Awaited<ReturnType<typeof roundResults>>, page: number, pageSize: number) {
  const items = r.rows.slice((page - 1) * pageSize, page * pageSize).map(({ orgPath: _p, scopePath: _s, ...row }) => row);
  return {
    roundId: Number(r.round.id),
    roundStatus: r.round.status,
    roundVersion: r.round.version,
    publishedAt: r.round.published_at,
    tieBreaks: r.round.tie_breaks,
    items,
    total: r.rows.length,
    page,
    pageSize,
    abilities: r.abilities,
  };
}

const vi = (key: string, params?: Record<string, string | number>) => t('vi', key, params);

export function ruleLabel(rule: string | null): string {
  if (rule === null) return '';
  if (rule.startsWith('SECTION_TOTAL:')) return vi('scoring.results.rule.SECTION_TOTAL', { section: rule.slice(14) });
  return vi(`scoring.results.rule.${rule}`);
}

/** Exactly the results table, in Vietnamese. */
export async function resultsWorkbook(r: Awaited<ReturnType<typeof roundResults>>): Promise<Buffer> {
  const c = (k: string, width: number) => ({ header: vi(`scoring.results.col.${k}`), width });
  return tableWorkbook({
    sheet: vi('scoring.results.sheet'),
    title: vi('scoring.results.title', { title: r.round.title }),
    lines: [vi('scoring.results.line', { organiser: r.round.org_name, year: Number(r.round.year), status: vi(`scoring.results.round.${r.round.status}`) })],
    columns: [c('rank', 7), c(r.round.subject === 'PERSON' ? 'member' : 'unit', 48), c('status', 18), c('self', 14), c('verified', 14), c('classification', 30), c('decidedBy', 34)],
    rows: r.rows.map((x) => [
      x.rank,
      x.orgName ?? x.personName ?? '',
      vi(`scoring.results.status.${x.status}`),
      x.selfTotal,
      x.verifiedTotal,
      x.classification ? vi(`scoring.results.level.${x.classification}`) : '',
      ruleLabel(x.decidedBy),
    ]),
  });
}

/** Stores the live ranks of the round's VERIFIED sheets, set-based. */
async function storeRanks(tx: Tx, rows: ComputedResults['rows']): Promise<void> {
  const ranked = rows.filter((r) => r.rank !== null);
  if (ranked.length === 0) return;
  await tx.execute(sql`
    update score_sheet s set rank = u.rank, updated_at = now()
    from unnest(${sql.param(ranked.map((r) => r.sheetId))}::bigint[], ${sql.param(ranked.map((r) => r.rank))}::int[]) as u(id, rank)
    where s.id = u.id and s.rank is distinct from u.rank`);
}

/** Who a rating is about: a unit (org) or a member (person). */
type RatingSubject = { sheetId: number; orgId: number | null; personId: number | null; scopePath: string; level: ClassificationLevel };

/**
 * Writes a SCORING performance_rating per sheet (unit or member, year, classification),
 * superseding the subject's ACTIVE rating of that year (status SUPERSEDED, superseded_by = the new
 * one), and links it from the sheet. Set-based; the old ones are closed first because of the
 * one-active-rating indexes.
 */
async function writeRatings(tx: Tx, actor: AuthActor, year: number, note: string, sheets: RatingSubject[]) {
  if (sheets.length === 0) return { created: [] as { id: number; sheet_id: number }[], superseded: [] as { id: number; sheet_id: number }[] };
  const orgIds = sheets.flatMap((s) => (s.orgId !== null ? [s.orgId] : []));
  const personIds = sheets.flatMap((s) => (s.personId !== null ? [s.personId] : []));
  const superseded = await tx.execute<{ id: number; org_id: number | null; person_id: number | null }>(sql`
    update performance_rating set status = 'SUPERSEDED'
    where year = ${year} and status = 'ACTIVE'
      and (org_id = any(${sql.param(orgIds)}::bigint[]) or person_id = any(${sql.param(personIds)}::bigint[]))
    returning id, org_id, person_id`);
  const created = await tx.execute<{ id: number; sheet_id: number }>(sql`
    with u as (
      select * from unnest(${sql.param(sheets.map((s) => s.sheetId))}::bigint[], ${sql.param(sheets.map((s) => s.orgId))}::bigint[],
                           ${sql.param(sheets.map((s) => s.personId))}::bigint[], ${sql.param(sheets.map((s) => s.scopePath))}::text[],
                           ${sql.param(sheets.map((s) => s.level))}::text[]) as u(sheet_id, org_id, person_id, path, rating)
    ), ins as (
      insert into performance_rating (org_id, person_id, scope_path, year, rating, source, note, created_by)
      select u.org_id, u.person_id, u.path, ${year}, u.rating, 'SCORING', ${note}, ${actor.userId} from u
      returning id, org_id, person_id
    )
    select ins.id, u.sheet_id from ins join u on u.org_id is not distinct from ins.org_id and u.person_id is not distinct from ins.person_id`);
  const createdRows = created.rows.map((r) => ({ id: Number(r.id), sheet_id: Number(r.sheet_id) }));
  const subjectOf = new Map(sheets.map((s) => [s.sheetId, s]));
  const key = (orgId: number | null, personId: number | null) => (orgId !== null ? `o${Number(orgId)}` : `p${Number(personId)}`);
  const newByKey = new Map(createdRows.map((r) => [key(subjectOf.get(r.sheet_id)!.orgId, subjectOf.get(r.sheet_id)!.personId), r]));
  const supersededRows = superseded.rows.map((r) => ({ id: Number(r.id), sheet_id: newByKey.get(key(r.org_id, r.person_id))!.sheet_id, newId: newByKey.get(key(r.org_id, r.person_id))!.id }));
  if (supersededRows.length > 0) {
    await tx.execute(sql`
      update performance_rating o set superseded_by = n.new_id
      from unnest(${sql.param(supersededRows.map((r) => r.id))}::bigint[], ${sql.param(supersededRows.map((r) => r.newId))}::bigint[]) as n(id, new_id)
      where o.id = n.id`);
  }
  await tx.execute(sql`
    update score_sheet s set rating_record_id = n.id
    from unnest(${sql.param(createdRows.map((r) => r.id))}::bigint[], ${sql.param(createdRows.map((r) => r.sheet_id))}::bigint[]) as n(id, sheet_id)
    where s.id = n.sheet_id`);
  return { created: createdRows, superseded: supersededRows.map((r) => ({ id: r.id, sheet_id: r.sheet_id })) };
}

const list = (names: string[]) => names.join('; ');

export async function publishRound(app: AppContext, actor: AuthActor, id: number, input: PublishRoundInput): Promise<void> {
  await app.db.transaction(async (tx) => {
    const round = await findRoundMeta(tx, id, true);
    if (!round || !roundPolicy.readWhole(actor, round) || !roundPolicy.manage(actor, round)) throw notFound();
    if (round.status === 'PUBLISHED') throw conflict('scoring.api.alreadyPublished');
    if (round.version !== input.version) throw conflict('scoring.api.roundStale');
    // Wait for any sheet write in flight (verification, approval) so that the statuses read next are final.
    await tx.execute(sql`select id from score_sheet where round_id = ${id} for update`);
    const sheets = await loadResultSheets(tx, id);
    const unverified = sheets.filter((s) => s.status !== 'VERIFIED');
    const reason = input.reason?.trim() ? input.reason.trim().normalize('NFC') : null;
    if (unverified.length > 0) {
      const names = list(unverified.map((s) => s.org_name ?? s.person_name ?? `#${s.id}`));
      if (!input.excludeUnverified) throw conflict('scoring.api.unverifiedSheets', { count: unverified.length, list: names });
      if (!reason) throw validation('scoring.api.excludeReasonRequired', {}, { field: 'reason' });
    }
    if (unverified.length === sheets.length) throw conflict('scoring.api.nothingVerified');
    const { rows } = computeResults(round, sheets);
    await storeRanks(tx, rows);
    const ranked = rows.filter((r) => r.rank !== null && (r.orgId !== null || r.personId !== null) && r.classification !== null);
    const ratings = await writeRatings(
      tx,
      actor,
      Number(round.year),
      round.title,
      ranked.map((r) => ({ sheetId: r.sheetId, orgId: r.orgId, personId: r.personId, scopePath: r.orgPath ?? r.scopePath, level: r.classification! })),
    );
    await tx.execute(sql`update scoring_round set status = 'PUBLISHED', published_at = now(), version = version + 1, updated_at = now() where id = ${id}`);
    await insertRoundNotices(tx, id, 'PUBLISHED', null);
    await audit(tx, actor, [
      {
        action: 'scoring.round.publish', entityType: 'scoring_round', entityId: id, orgId: Number(round.org_id),
        before: { status: round.status },
        after: {
          status: 'PUBLISHED',
          results: ranked.map((r) => ({ sheetId: r.sheetId, unit: r.orgName, member: r.personName, verifiedTotal: r.verifiedTotal, classification: r.classification, rank: r.rank, decidedBy: r.decidedBy })),
          excluded: unverified.map((s) => ({ sheetId: s.id, unit: s.org_name, member: s.person_name, status: s.status })),
          exclusionReason: unverified.length > 0 ? reason : null,
          ratings: ratings.created.map((r) => r.id),
          supersededRatings: ratings.superseded.map((r) => r.id),
        },
      },
    ]);
  });
}

export async function amendSheet(app: AppContext, actor: AuthActor, locale: Locale, id: number, input: AmendSheetInput): Promise<void> {
  await app.db.transaction(async (tx) => {
    const probe = await loadReadableSheet(tx, actor, id);
    if (!sheetPolicy.verify(actor, probe)) throw notFound();
    // Round first, then the sheet: the same lock order as publication, so re-ranking is serialised.
    const round = (await findRoundMeta(tx, Number(probe.round_id), true))!;
    const s = await loadReadableSheet(tx, actor, id, true);
    if (round.status !== 'PUBLISHED') throw conflict('scoring.api.notPublished');
    if (s.status !== 'VERIFIED') throw conflict('scoring.api.notVerified');
    if (round.mode === 'COUNCIL') throw conflict('scoring.api.councilAmend');
    if (Number(s.version) !== input.version) throw conflict('scoring.api.staleVersion');
    const codes = input.points.map((p) => p.criterionCode);
    const seen = new Set<string>();
    for (const c of codes) {
      if (seen.has(c)) throw validation('scoring.api.duplicateCriterion', { criterion: c }, { field: 'points' });
      seen.add(c);
    }
    const entries = await loadEntries(tx, id);
    const before = verifiedMap(entries);
    const merged = new Map(before);
    for (const p of input.points) merged.set(p.criterionCode, p.points);
    const result = scoreOf(s, merged);
    if (result.problems.length > 0) throw problemsError(locale, result.problems, 'scoring.api.problems', 'points');
    const c = classify({ total: result.total, criteriaBelowShare: result.criteriaBelowShare, disciplinedMembersAtOrAbove: await disciplinedMembers(tx, s) }, s.params);
    const oldRank = await tx.execute<{ rank: number | null; rating_record_id: number | null }>(sql`select rank, rating_record_id from score_sheet where id = ${id}`);
    const prev = oldRank.rows[0]!;

    await tx.execute(sql`
      update score_entry e set verified_points = u.points, verify_reason = u.reason, updated_at = now()
      from unnest(${sql.param(codes)}::text[], ${sql.param(input.points.map((p) => p.points))}::numeric[], ${sql.param(input.points.map((p) => p.reason.normalize('NFC')))}::text[]) as u(code, points, reason)
      where e.sheet_id = ${id} and e.criterion_code = u.code`);
    await tx.execute(sql`update score_sheet set verified_total = ${result.total}, classification = ${c.level}, version = version + 1, updated_at = now() where id = ${id}`);
    const { rows } = computeResults(round, await loadResultSheets(tx, Number(round.id)));
    await storeRanks(tx, rows);
    const mine = rows.find((r) => r.sheetId === id)!;

    let rating: { created: number | null; superseded: number | null } = { created: null, superseded: null };
    if (c.level !== s.classification) {
      const subject = { orgId: s.org_id === null ? null : Number(s.org_id), personId: s.person_id === null ? null : Number(s.person_id) };
      const w = await writeRatings(tx, actor, Number(s.round_year), s.round_title, [{ sheetId: id, ...subject, scopePath: mine.orgPath ?? s.scope_path, level: c.level }]);
      rating = { created: w.created[0]?.id ?? null, superseded: w.superseded[0]?.id ?? null };
    }
    const reason = input.reason.normalize('NFC');
    const beforeJson = {
      verifiedTotal: s.verified_total === null ? null : Number(s.verified_total),
      classification: s.classification,
      rank: prev.rank,
      ratingRecordId: prev.rating_record_id === null ? null : Number(prev.rating_record_id),
      points: Object.fromEntries(codes.map((k) => [k, before.get(k) ?? null])),
    };
    const afterJson = {
      verifiedTotal: result.total,
      classification: c.level,
      rank: mine.rank,
      ratingRecordId: rating.created ?? beforeJson.ratingRecordId,
      points: Object.fromEntries(input.points.map((p) => [p.criterionCode, { points: p.points, reason: p.reason }])),
    };
    const amendment = await tx.execute<{ id: number }>(sql`
      insert into score_amendment (sheet_id, before, after, reason, created_by)
      values (${id}, ${JSON.stringify(beforeJson)}::jsonb, ${JSON.stringify(afterJson)}::jsonb, ${reason}, ${actor.userId}) returning id`);
    const changed = toUnits(result.total) !== toUnits(beforeJson.verifiedTotal ?? 0) || c.level !== s.classification;
    await audit(tx, actor, [
      {
        action: 'scoring.sheet.amend', entityType: 'score_sheet', entityId: id, orgId: s.org_id === null ? null : Number(s.org_id),
        before: beforeJson,
        after: { ...afterJson, reason, amendmentId: Number(amendment.rows[0]!.id), supersededRating: rating.superseded, changed },
      },
    ]);
  });
}
