// The demo data `npm start` loads on a fresh machine: the world of the seed plan with ten years of
// award history, on which eligibility has something to explain from the first start.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestEnv } from '../support/app';
import { Client } from '../factories';
import { loadDemo, demoHistoryLastYear } from '../../src/server/seed/load-demo';
import { DEMO_PASSWORD } from '../../src/server/seed/demo-world';
import { verifyAuditChain } from '../../src/server/lib/audit';
import type { BatchResult } from '../../src/contracts/eligibility';
import type { PlanDto } from '../../src/contracts/plans';
import type { RoundDto, SheetDto, SheetSummaryDto } from '../../src/contracts/scoring';
import { DEFAULT_CLASSIFICATION } from '../../src/domain/scoring';
import type { NominationDto, NominationSummaryDto, SubmissionDto, SubmissionSummaryDto } from '../../src/contracts/nominations';
import { DEMO_NOMINATION_RETURN_REASON } from '../../src/server/seed/demo-nominations';
import type { CouncilSummaryDto, MeetingItemDto, MeetingSummaryDto } from '../../src/contracts/councils';
import type { InspectionSummaryDto, RecommendationDto } from '../../src/contracts/inspections';
import type { ComplaintSummaryDto, PublicComplaintStatus } from '../../src/contracts/complaints';
import { DEMO_PETITION_REFERENCE } from '../../src/server/seed/demo-oversight';
import { DEMO_PROPOSAL_REFERENCE, DEMO_STORY_SLUG } from '../../src/server/seed/demo-stories';
import type { StorySummaryDto } from '../../src/contracts/stories';
import type { ProposalSummaryDto } from '../../src/contracts/proposals';
import type { ModelSummaryDto } from '../../src/contracts/models';

let env: TestEnv;
const year = demoHistoryLastYear();
beforeAll(async () => {
  env = await startTestApp();
  await loadDemo(env.database.db, undefined, { dataDir: env.ctx.config.dataDir });
}, 120_000);
afterAll(() => env.close());

const count = async (q: ReturnType<typeof sql>) => Number((await env.database.db.execute<{ n: number }>(q)).rows[0]!.n);

describe('demo data', () => {
  it('holds ten years of ratings per member, awards decided up to last year, and an intact audit chain', async () => {
    const members = await count(sql`select count(*)::int as n from person where status = 'ACTIVE'`);
    expect(members).toBeGreaterThan(2000);
    expect(await count(sql`select count(*)::int as n from performance_rating where person_id is not null`)).toBe(members * 10);
    expect(await count(sql`select count(*)::int as n from performance_rating where person_id is not null and year = ${year}`)).toBe(members);
    expect(await count(sql`select count(*)::int as n from award_record where year = ${year - 1}`)).toBeGreaterThan(0);
    expect(await count(sql`select count(*)::int as n from award_record where year >= ${year}`)).toBe(0);
    const share = await count(sql`select round(100.0 * count(*) filter (where rating = 'HTXSNV') / count(*))::int as n from performance_rating where person_id is not null`);
    expect(share).toBeGreaterThanOrEqual(10);
    expect(share).toBeLessThanOrEqual(25);
    expect((await verifyAuditChain(env.database.db)).ok).toBe(true);
  });

  it('lets the district officer run this year’s CSTĐCS review with all three answers and the quota', async () => {
    const c = await new Client(env.app).login('huyen.tdkt', DEMO_PASSWORD);
    const res = await c.get(`/api/v1/eligibility/batch?target=CSTD_CS&year=${year}&pageSize=5`);
    expect(res.statusCode).toBe(200);
    const b = res.json<BatchResult>();
    expect(b.evaluated).toBeGreaterThan(2000);
    expect(b.counts.ELIGIBLE).toBeGreaterThan(0);
    expect(b.counts.NOT_ELIGIBLE).toBeGreaterThan(0);
    expect(b.counts.ELIGIBLE + b.counts.NOT_ELIGIBLE + b.counts.MISSING_EVIDENCE).toBe(b.evaluated);
    expect(b.quota.length).toBeGreaterThan(10);
    expect(b.items).toHaveLength(5);
    expect(b.items.every((i) => i.reasons.length > 0 && i.summary.length > 0)).toBe(true);
  }, 60_000);

  it('ships the seed plan as the district’s draft plan for 2024, readable by the district officer', async () => {
    const c = await new Client(env.app).login('huyen.tdkt', DEMO_PASSWORD);
    const list = (await c.get('/api/v1/plans?year=2024')).json<{ items: PlanDto[] }>();
    const plan = list.items.find((p) => p.title.startsWith('Thực hiện phong trào thi đua'))!;
    expect(plan).toMatchObject({ status: 'DRAFT', symbol: 'KH-LĐLĐ', place: 'Huyện DMC', abilities: ['plan.update', 'plan.issue'] });
    expect(plan.theme).toBe('Điều hành linh hoạt, chủ động kịp thời, kỷ cương trách nhiệm, tăng tốc sáng tạo, hiệu quả bền vững');
    expect(plan.blocks.filter((b) => b.kind === 'HEADING_1')).toHaveLength(5);
    expect(plan.signer).toMatchObject({ onBehalf: 'TM. BAN THƯỜNG VỤ', position: 'PHÓ CHỦ TỊCH' });
    expect(plan.recipients.map((r) => r.text)).toContain('Lưu: VP.');
    expect(plan.recipients.find((r) => r.text.startsWith('TT LĐLĐ tỉnh'))!.orgId).not.toBeNull();
  });

  it('opens this year’s CĐCS classification round: verified sheets total and classify as the core says, the chairs’ units are drafts to try', async () => {
    const officer = await new Client(env.app).login('huyen.tdkt', DEMO_PASSWORD);
    const rounds = (await officer.get('/api/v1/scoring-rounds')).json<{ items: RoundDto[] }>().items;
    expect(rounds).toHaveLength(1);
    const round = rounds[0]!;
    expect(round).toMatchObject({ status: 'OPEN', templateCode: 'CDCS_1294', abilities: ['round.verify'] });
    expect(round.counts.VERIFIED).toBeGreaterThan(3);
    expect(round.counts.SUBMITTED).toBeGreaterThan(0);
    expect(round.counts.RETURNED).toBeGreaterThan(0);
    const verified = (await officer.get(`/api/v1/score-sheets?roundId=${round.id}&status=VERIFIED&pageSize=3`)).json<{ items: SheetSummaryDto[] }>().items;
    for (const s of verified) {
      const sheet = (await officer.get(`/api/v1/score-sheets/${s.id}`)).json<SheetDto>();
      expect(sheet.verified!.total).toBe(sheet.verifiedTotal);
      expect(sheet.self.total).toBe(sheet.selfTotal);
      expect(sheet.verifiedTotal!).toBeLessThanOrEqual(sheet.selfTotal!);
      // Every lowered criterion carries the verifier's reason.
      expect(sheet.criteria.filter((c) => c.verifiedPoints !== null).every((c) => c.verifyReason && c.verifiedPoints! < c.selfPoints!)).toBe(true);
      const level = sheet.verifiedTotal! >= DEFAULT_CLASSIFICATION.bands.HTXSNV ? 'HTXSNV' : sheet.verifiedTotal! >= DEFAULT_CLASSIFICATION.bands.HTTNV ? 'HTTNV' : sheet.verifiedTotal! >= DEFAULT_CLASSIFICATION.bands.HTNV ? 'HTNV' : 'KHTNV';
      // The 50 % per-criterion condition can only lower the band's level.
      expect(['HTXSNV', 'HTTNV', 'HTNV', 'KHTNV'].indexOf(sheet.classification!)).toBeGreaterThanOrEqual(['HTXSNV', 'HTTNV', 'HTNV', 'KHTNV'].indexOf(level));
    }
    const results = (await officer.get(`/api/v1/scoring-rounds/${round.id}/results?pageSize=200`)).json<{ items: { rank: number | null; status: string }[] }>();
    expect(results.items.filter((r) => r.rank !== null)).toHaveLength(round.counts.VERIFIED);
    for (const chair of ['cdcs.truong', 'cdcs.fdi']) {
      const c = await new Client(env.app).login(chair, DEMO_PASSWORD);
      const mine = (await c.get(`/api/v1/score-sheets?roundId=${round.id}`)).json<{ items: SheetSummaryDto[] }>().items;
      expect(mine, chair).toHaveLength(1);
      expect(mine[0]).toMatchObject({ status: 'DRAFT', selfTotal: null });
      expect(mine[0]!.abilities).toContain('sheet.selfScore');
    }
  }, 60_000);

  it('has a nomination round: the district’s inbox holds two batches, one was returned with a reason, and the chairs have drafts to send', async () => {
    const officer = await new Client(env.app).login('huyen.tdkt', DEMO_PASSWORD);
    const inbox = (await officer.get('/api/v1/submissions?box=INBOX')).json<{ items: SubmissionSummaryDto[] }>();
    expect(inbox.items.map((x) => x.status).sort()).toEqual(['SUBMITTED', 'UNDER_APPRAISAL']);
    const all = (await officer.get('/api/v1/submissions')).json<{ items: SubmissionSummaryDto[] }>();
    const returned = all.items.find((x) => x.status === 'RETURNED')!;
    const batch = (await officer.get(`/api/v1/submissions/${returned.id}`)).json<SubmissionDto>();
    expect(batch.returnReason).toBe(DEMO_NOMINATION_RETURN_REASON);
    expect(batch.lines.map((l) => l.state)).toEqual(['RETURNED', 'ACCEPTED', 'ACCEPTED']);
    // Every sent nomination has its generated dossier, which opens as a Word file.
    const line = (await officer.get(`/api/v1/nominations/${batch.lines[1]!.nomination.id}`)).json<NominationDto>();
    expect(line.missingDocuments).toBe(0);
    const file = await officer.get(line.documents.find((d) => d.kind === 'BAO_CAO_THANH_TICH')!.downloadUrl);
    expect(file.statusCode).toBe(200);
    expect(file.rawPayload.subarray(0, 2).toString()).toBe('PK');

    const chair = await new Client(env.app).login('cdcs.truong', DEMO_PASSWORD);
    const drafts = (await chair.get('/api/v1/nominations?unsubmitted=true')).json<{ items: NominationSummaryDto[] }>();
    expect(drafts.items).toHaveLength(3);
    expect(drafts.items.every((n) => n.status === 'DRAFT' && n.missingDocuments === 2)).toBe(true);
    expect((await verifyAuditChain(env.database.db)).ok).toBe(true);
  });

  it('has a district council whose next meeting holds the appraised batch; the council member sees it as theirs', async () => {
    const member = await new Client(env.app).login('hoidong', DEMO_PASSWORD);
    const mine = (await member.get('/api/v1/council-meetings?mine=true')).json<{ items: MeetingSummaryDto[] }>();
    expect(mine.items).toHaveLength(1);
    expect(mine.items[0]).toMatchObject({ status: 'SCHEDULED', itemCounts: { total: 3, pending: 3 }, myMemberId: expect.any(Number) });
    const officer = await new Client(env.app).login('huyen.tdkt', DEMO_PASSWORD);
    const councils = (await officer.get('/api/v1/councils')).json<{ items: CouncilSummaryDto[] }>();
    expect(councils.items.map((c) => [c.memberCount, c.abilities.includes('council.meetings')])).toEqual([[7, true]]);
    const items = (await officer.get(`/api/v1/council-meetings/${mine.items[0]!.id}/items`)).json<{ items: MeetingItemDto[] }>();
    expect(items.items.every((i) => i.awardCode === 'GK_CD_CAP_TREN' && i.status === 'PENDING')).toBe(true);
  });

  it('has the district’s oversight: a done inspection with an overdue recommendation, a planned supervision, and a petition waiting', async () => {
    const officer = await new Client(env.app).login('huyen.tdkt', DEMO_PASSWORD);
    const plan = (await officer.get('/api/v1/inspections')).json<{ items: InspectionSummaryDto[] }>();
    expect(plan.items.map((i) => [i.kind, i.status]).sort()).toEqual([['INSPECTION', 'DONE'], ['SUPERVISION', 'PLANNED']]);
    expect(plan.items.find((i) => i.status === 'DONE')!.counts).toEqual({ open: 2, overdue: 1, done: 0 });
    const overdue = (await officer.get('/api/v1/inspection-recommendations?overdue=true')).json<{ items: RecommendationDto[] }>();
    expect(overdue.items).toHaveLength(1);
    expect(overdue.items[0]!.abilities).toContain('recommendation.done');
    const letters = (await officer.get('/api/v1/complaints')).json<{ items: ComplaintSummaryDto[] }>();
    expect(letters.items.map((c) => [c.referenceCode, c.kind, c.status, c.blocksAward])).toEqual([[DEMO_PETITION_REFERENCE, 'PETITION', 'RECEIVED', false]]);
    const status = await env.app.inject({ method: 'GET', url: `/api/v1/public/complaints/${DEMO_PETITION_REFERENCE}` });
    expect(status.json<PublicComplaintStatus>()).toMatchObject({ status: 'RECEIVED', kind: 'PETITION' });
    expect((await verifyAuditChain(env.database.db)).ok).toBe(true);
  });

  it('has exemplary work: a published story with consent and a credited discoverer, a story in review at the factory union, a public proposal waiting, and the model register', async () => {
    const officer = await new Client(env.app).login('huyen.tdkt', DEMO_PASSWORD);
    const stories = (await officer.get('/api/v1/stories')).json<{ items: StorySummaryDto[] }>();
    expect(stories.items.map((s) => [s.slug, s.status]).sort()).toEqual([['sang-kien-tiet-kiem-dien-trong-ca-dem', 'IN_REVIEW'], [DEMO_STORY_SLUG, 'PUBLISHED']]);
    // The story's discoverer and the model register's three credits, in one list.
    const credits = (await officer.get('/api/v1/story-credits')).json<{ items: { target: { kind: string } }[]; total: number }>();
    expect(credits.total).toBe(4);
    expect(credits.items.filter((c) => c.target.kind === 'STORY')).toHaveLength(1);
    // The factory union's chair sees the story in review (their own), not the district's published one as a writer.
    const factory = await new Client(env.app).login('cdcs.fdi', DEMO_PASSWORD);
    const own = (await factory.get('/api/v1/stories')).json<{ items: StorySummaryDto[] }>();
    expect(own.items.map((s) => s.status)).toEqual(['IN_REVIEW']);
    const proposals = (await officer.get('/api/v1/good-deeds')).json<{ items: ProposalSummaryDto[] }>();
    expect(proposals.items.map((p) => [p.referenceCode, p.status])).toEqual([[DEMO_PROPOSAL_REFERENCE, 'RECEIVED']]);
    const models = (await officer.get('/api/v1/models')).json<{ items: ModelSummaryDto[] }>();
    expect(new Set(models.items.map((m) => m.stage))).toEqual(new Set(['REPLICATED', 'FOSTERING', 'DISCOVERED']));
    expect((await verifyAuditChain(env.database.db)).ok).toBe(true);
  });
});
