// Demo scoring round: the district federation classifies its grassroots unions for the current year
// with the shipped 1294 template. Most units have submitted and many are verified (some with the
// verifier's corrections and reasons), one was returned for clarification, and the units of the
// demo CĐCS chairs are still drafts so that `cdcs.truong` / `cdcs.fdi` can score themselves.
// Points are deterministic (a seeded generator), on each criterion's step, and totalled and
// classified by the same domain core the server uses.
import { sql } from 'drizzle-orm';
import type { Tx } from '../db/client';
import { audit } from '../lib/audit';
import { todayInVietnam } from '../modules/imports/xlsx';
import { variantOfSector } from '../modules/scoring/rounds.service';
import { applicableCriteria, classify, DEFAULT_CLASSIFICATION, scoreSheet, type ScorecardTemplate, type UnitVariant } from '../../domain/scoring';

export const DEMO_SCORING_RETURN_REASON = 'Tiêu chí 1.2: đề nghị bổ sung danh sách chi thăm hỏi có chữ ký người nhận.';
const VERIFY_REASON = 'Minh chứng chưa đủ: chỉ có báo cáo, chưa có biên bản kèm theo.';

/** Park–Miller generator: the same demo every time. */
function generator(seed: number) {
  let s = seed % 2147483647 || 1;
  return () => (s = (s * 16807) % 2147483647) / 2147483647;
}

const onStep = (x: number, step: number) => Math.round(Math.floor(x / step) * step * 100) / 100;

function addDays(date: string, n: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

type Unit = { id: number; path: string; name: string; sector: string | null };
type Entry = { sheet: number; code: string; self: number; verified: number | null; reason: string | null };

export async function insertDemoScoring(tx: Tx, districtCode: string, chairUsernames: readonly string[]): Promise<number | null> {
  const d = await tx.execute<{ id: number; path: string }>(sql`select id, path from organisation where code = ${districtCode}`);
  const district = d.rows[0];
  const t = await tx.execute<{ id: number; structure: ScorecardTemplate }>(sql`select id, structure from scorecard_template where code = 'CDCS_1294' and org_id is null and status = 'PUBLISHED' order by version desc limit 1`);
  const template = t.rows[0];
  if (!district || !template) return null;
  const today = todayInVietnam();
  const year = Number(today.slice(0, 4));
  const verifier = await tx.execute<{ user_id: number }>(sql`select user_id from role_assignment where org_id = ${district.id} and role = 'TDKT_OFFICER' order by user_id limit 1`);
  const verifierId = verifier.rows[0] ? Number(verifier.rows[0].user_id) : null;
  const chairs = await tx.execute<{ org_id: number }>(sql`
    select ra.org_id from role_assignment ra join app_user u on u.id = ra.user_id where u.username = any(${sql.param([...chairUsernames])}::text[])`);
  const draftUnits = new Set(chairs.rows.map((r) => Number(r.org_id)));

  const found = await tx.execute<Unit>(sql`
    select o.id, o.path, o.name, o.sector from organisation o
    where o.path like ${`${district.path}%`} and o.id <> ${district.id} and o.status = 'ACTIVE' and o.kind in ('CDCS', 'NGHIEP_DOAN')
    order by o.path`);
  const units = found.rows.map((u) => ({ ...u, id: Number(u.id), variant: variantOfSector(u.sector) })).filter((u) => u.variant !== null) as (Unit & { variant: UnitVariant })[];
  if (units.length === 0) return null;

  const r = await tx.execute<{ id: number }>(sql`
    insert into scoring_round (org_id, org_path, year, title, template_id, mode, deadline, tie_breaks, classification, status, created_by)
    values (${district.id}, ${district.path}, ${year}, ${`Đánh giá, xếp loại chất lượng hoạt động công đoàn cơ sở năm ${year}`}, ${template.id}, 'VERIFIED',
            ${addDays(today, 20)}, ${JSON.stringify(['SECTION_TOTAL:G1', 'REGULAR_TOTAL', 'NAME'])}::jsonb, ${JSON.stringify(DEFAULT_CLASSIFICATION)}::jsonb, 'OPEN', ${verifierId})
    returning id`);
  const roundId = Number(r.rows[0]!.id);
  const sheets = await tx.execute<{ id: number; org_id: number }>(sql`
    insert into score_sheet (round_id, org_id, scope_path, variant)
    select ${roundId}, u.id, u.path, u.variant
    from unnest(${sql.param(units.map((u) => u.id))}::bigint[], ${sql.param(units.map((u) => u.path))}::text[], ${sql.param(units.map((u) => u.variant))}::text[]) as u(id, path, variant)
    returning id, org_id`);
  const sheetOf = new Map(sheets.rows.map((s) => [Number(s.org_id), Number(s.id)]));

  const rand = generator(2024);
  const entries: Entry[] = [];
  const updates: { sheet: number; status: string; self: number | null; verified: number | null; level: string | null; reason: string | null }[] = [];
  units.forEach((u, i) => {
    const sheet = sheetOf.get(u.id)!;
    // Chairs' own units stay untouched drafts; then every fifth unit is a partial draft, one is returned, …
    const state = draftUnits.has(u.id) ? 'EMPTY' : i % 5 === 0 ? 'DRAFT' : i % 7 === 3 ? 'RETURNED' : i % 5 === 1 ? 'SUBMITTED' : 'VERIFIED';
    if (state === 'EMPTY') return;
    const quality = 0.55 + rand() * 0.45;
    const self = new Map<string, number>();
    const verified = new Map<string, number>();
    const criteria = applicableCriteria(template.structure, u.variant);
    criteria.forEach(({ section, criterion }, k) => {
      if (state === 'DRAFT' && k % 2 === 1) return;
      const share = section.kind === 'DEDUCTION' ? (rand() < 0.1 ? 0.5 : 0) : Math.min(1, quality + (rand() - 0.5) * 0.3);
      const points = onStep(criterion.maxPoints * share, criterion.step);
      self.set(criterion.code, points);
      // The verifier lowers one claim in four on verified sheets, by one step or two.
      const lowered = state === 'VERIFIED' && section.kind === 'REGULAR' && points >= 2 * criterion.step && rand() < 0.25 ? onStep(points - criterion.step * (1 + Math.floor(rand() * 2)), criterion.step) : null;
      if (lowered !== null) verified.set(criterion.code, lowered);
      entries.push({ sheet, code: criterion.code, self: points, verified: lowered, reason: lowered === null ? null : VERIFY_REASON });
    });
    const options = { belowShare: DEFAULT_CLASSIFICATION.minCriterionShare };
    const selfResult = scoreSheet(template.structure, self, u.variant, options);
    if (state === 'VERIFIED') {
      const merged = new Map([...self, ...verified]);
      const v = scoreSheet(template.structure, merged, u.variant, options);
      const c = classify({ total: v.total, criteriaBelowShare: v.criteriaBelowShare, disciplinedMembersAtOrAbove: 0 }, DEFAULT_CLASSIFICATION);
      updates.push({ sheet, status: 'VERIFIED', self: selfResult.total, verified: v.total, level: c.level, reason: null });
    } else if (state === 'SUBMITTED') updates.push({ sheet, status: 'SUBMITTED', self: selfResult.total, verified: null, level: null, reason: null });
    else if (state === 'RETURNED') updates.push({ sheet, status: 'RETURNED', self: selfResult.total, verified: null, level: null, reason: DEMO_SCORING_RETURN_REASON });
  });

  if (entries.length > 0) {
    await tx.execute(sql`
      insert into score_entry (sheet_id, criterion_code, self_points, verified_points, verify_reason)
      select * from unnest(${sql.param(entries.map((e) => e.sheet))}::bigint[], ${sql.param(entries.map((e) => e.code))}::text[],
                           ${sql.param(entries.map((e) => e.self))}::numeric[], ${sql.param(entries.map((e) => e.verified))}::numeric[],
                           ${sql.param(entries.map((e) => e.reason))}::text[])`);
  }
  if (updates.length > 0) {
    await tx.execute(sql`
      update score_sheet s set status = u.status, self_total = u.self, verified_total = u.verified, classification = u.level, return_reason = u.reason,
        submitted_at = now() - interval '3 days', verified_at = case when u.status = 'VERIFIED' then now() - interval '1 day' end,
        verified_by = case when u.status = 'VERIFIED' then ${verifierId}::bigint end, version = 3
      from unnest(${sql.param(updates.map((x) => x.sheet))}::bigint[], ${sql.param(updates.map((x) => x.status))}::text[],
                  ${sql.param(updates.map((x) => x.self))}::numeric[], ${sql.param(updates.map((x) => x.verified))}::numeric[],
                  ${sql.param(updates.map((x) => x.level))}::text[], ${sql.param(updates.map((x) => x.reason))}::text[]) as u(sheet, status, self, verified, level, reason)
      where s.id = u.sheet`);
  }
  await audit(tx, { userId: null }, [
    {
      action: 'scoring.round.create', entityType: 'scoring_round', entityId: roundId, orgId: Number(district.id),
      after: { demo: true, year, sheets: units.length, statuses: Object.fromEntries(['VERIFIED', 'SUBMITTED', 'RETURNED'].map((st) => [st, updates.filter((x) => x.status === st).length])) },
    },
  ]);
  return roundId;
}
