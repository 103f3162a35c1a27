// Nominations between levels: a round planned from its ceremony, nominations with their eligibility
// snapshot, dossiers, submissions with every transition and refusal, appraisal with returns, recusal,
// opinions of related agencies, conflicts, the what-if, and who may see what.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import JSZip from 'jszip';
import { readSheet } from '../support/xlsx';
import { startTestApp, type TestEnv } from '../support/app';
import { createUser, loginAs, smallWorld, type Client } from '../factories';
import { auditEvents, countRows } from '../support/achievements';
import { daysFromToday, multipartBody, pdfBytes } from '../support/scoring';
import { todayInVietnam } from '../../src/server/modules/imports/xlsx';
import { addWorkingDays } from '../../src/domain/nominations';
import { loadWorkCalendar } from '../../src/server/modules/work-calendar/work-calendar.service';
import { remindDueAppraisals } from '../../src/server/modules/nominations/submissions.service';
import { LIMITS } from '../../src/contracts/limits';
import type { NominationDto, NominationRoundDto, SubmissionDto, SubmissionSummaryDto, WhatIfDto } from '../../src/contracts/nominations';

let env: TestEnv;
let w: Awaited<ReturnType<typeof smallWorld>>;
const YEAR = Number(todayInVietnam().slice(0, 4));

beforeAll(async () => {
  env = await startTestApp();
  w = await smallWorld(env.database.db);
  // An officer of the district who is also a member of CĐCS A (Nguyễn Văn An himself).
  await createUser(env.database.db, 'huyen.an', [{ role: 'TDKT_OFFICER', org: w.orgs.huyen }], w.persons.an);
  await createUser(env.database.db, 'tinh.tdkt', [{ role: 'TDKT_OFFICER', org: w.orgs.tinh }]);
});
afterAll(() => env.close());

const db = () => env.database.db;
const message = (res: { json: <T>() => T }) => res.json<{ message: string }>().message;
const as = (user: string) => loginAs(env.app, user);

const AWARDS = ['LDTT', 'CSTD_CS', 'GK_CD_CAP_TREN', 'GK_CD_CAP_TREN_TT', 'GK_DOT_XUAT', 'BK_LDLD'];
function roundBody(over: Record<string, unknown> = {}) {
  return {
    orgId: w.orgs.huyen.id,
    year: YEAR,
    title: `Tổng kết thi đua năm ${YEAR}`,
    kind: 'ANNUAL',
    ceremonyDate: daysFromToday(90),
    awardCodes: AWARDS,
    parameters: { levels: [{ below: 1, appraisalWorkingDays: 5 }, { below: 0, appraisalWorkingDays: 10, councilWorkingDays: 2 }], decisionLeadWorkingDays: 5, minNonLeaderShare: 0.7 },
    ...over,
  };
}

function upload(c: Client, nominationId: number, kind: string, fileName: string, content: Buffer, supersedesId?: number) {
  const parts: Parameters<typeof multipartBody>[0] = [{ name: 'kind', value: kind }];
  if (supersedesId) parts.push({ name: 'supersedesId', value: String(supersedesId) });
  parts.push({ name: 'file', fileName, content });
  const m = multipartBody(parts);
  return c.request({ method: 'POST', url: `/api/v1/nominations/${nominationId}/documents`, payload: m.payload, headers: m.headers });
}

async function completeDossier(c: Client, id: number) {
  const n = (await c.get(`/api/v1/nominations/${id}`)).json<NominationDto>();
  for (const item of n.checklist.filter((x) => x.required && x.scope === 'NOMINATION' && x.present === 0)) {
    const res = await upload(c, id, item.kind, `${item.kind}.pdf`, pdfBytes(`${id}:${item.kind}`));
    expect(res.statusCode, res.body).toBe(200);
  }
}

const storedCount = () => {
  const dir = path.join(env.ctx.config.dataDir, 'files');
  if (!fs.existsSync(dir)) return 0;
  return fs.readdirSync(dir).filter((d) => d !== 'tmp').flatMap((d) => fs.readdirSync(path.join(dir, d))).length;
};

let roundId: number;
let anId: number; // Nguyễn Văn An, Giấy khen cấp trên (CĐCS A)
let anhId: number; // Nguyễn Thị Ánh, Giấy khen cấp trên (CĐCS A)
let submissionId: number;

describe('rounds', () => {
  it('plans each level’s deadlines backwards from the ceremony on the work calendar, and shows each reader their own', async () => {
    const officer = await as('huyen.tdkt');
    const res = await officer.post('/api/v1/nomination-rounds', roundBody());
    expect(res.statusCode, res.body).toBe(201);
    const round = res.json<NominationRoundDto>();
    roundId = round.id;
    const cal = await loadWorkCalendar(db(), YEAR, YEAR + 1);
    const sub = (d: string, n: number) => {
      // n working days before d (d itself when n = 0 and it is a working day).
      let x = d;
      for (let i = 0; i < n; ) {
        const prev = new Date(`${x}T00:00:00Z`);
        prev.setUTCDate(prev.getUTCDate() - 1);
        x = prev.toISOString().slice(0, 10);
        if (addWorkingDays(x, 0, cal) === x) i++;
      }
      return x;
    };
    const decisionOn = sub(round.ceremonyDate, 5);
    expect(round.decisionOn).toBe(decisionOn);
    const [bottom, top] = round.schedule;
    expect(top).toMatchObject({ below: 0, label: 'Liên đoàn Lao động huyện', forwardBy: decisionOn, councilOn: sub(decisionOn, 2) });
    expect(top!.dossiersDueAt).toBe(sub(top!.councilOn, 10));
    expect(bottom).toMatchObject({ below: 1, label: 'Công đoàn cơ sở', forwardBy: top!.dossiersDueAt, dossiersDueAt: sub(top!.dossiersDueAt, 5) });
    expect(round.awards.map((a) => a.code)).toEqual(AWARDS);
    expect(round.abilities).toContain('round.close');
    // A CĐCS reads the round with its own deadline: send by the day dossiers are due at the district.
    const seen = (await (await as('cdcs.a')).get(`/api/v1/nomination-rounds/${roundId}`)).json<NominationRoundDto>();
    expect(seen.myDeadline).toEqual({ below: 1, sendBy: top!.dossiersDueAt, appraiseBy: null });
    expect(seen.abilities).toEqual(['nomination.create', 'submission.create']);
    expect(await auditEvents(db(), 'nominations.round.create', roundId)).toHaveLength(1);
  });

  it('refuses a ceremony too close to plan for, unknown awards, and levels without the organiser; a CĐCS or a viewer cannot open one', async () => {
    const officer = await as('huyen.tdkt');
    const rounds = await countRows(db(), 'nomination_round');
    const soon = await officer.post('/api/v1/nomination-rounds', roundBody({ ceremonyDate: daysFromToday(7) }));
    expect(soon.statusCode).toBe(400);
    expect(message(soon)).toMatch(/^Không lập được tiến độ đợt xét: Theo ngày tổ chức lễ, hồ sơ phải đến cấp Công đoàn cơ sở từ ngày \d\d\/\d\d\/\d{4}/);
    const unknown = await officer.post('/api/v1/nomination-rounds', roundBody({ awardCodes: ['LDTT', 'KHONG_CO'] }));
    expect(unknown.statusCode).toBe(400);
    expect(message(unknown)).toBe('Không có hoặc đã ngừng dùng các danh hiệu, hình thức: KHONG_CO.');
    const noTop = await officer.post('/api/v1/nomination-rounds', roundBody({ parameters: { levels: [{ below: 1, appraisalWorkingDays: 5 }] } }));
    expect(noTop.statusCode).toBe(400);
    expect((await (await as('cdcs.a')).post('/api/v1/nomination-rounds', roundBody())).statusCode).toBe(404);
    expect((await (await as('xem')).post('/api/v1/nomination-rounds', roundBody())).statusCode).toBe(404);
    expect(await countRows(db(), 'nomination_round')).toBe(rounds);
  });
});

describe('nominations', () => {
  it('runs the eligibility engine on creation and keeps its explanation with the rule packs', async () => {
    const c = await as('cdcs.a');
    const res = await c.post('/api/v1/nominations', { roundId, personId: w.persons.an, awardCode: 'GK_CD_CAP_TREN', achievementSummary: 'Hoàn thành xuất sắc nhiệm vụ năm học.' });
    expect(res.statusCode, res.body).toBe(201);
    const n = res.json<NominationDto>();
    anId = n.id;
    expect(n).toMatchObject({ subjectKind: 'PERSON', subjectName: 'Nguyễn Văn An', proposerOrgId: w.orgs.cdcsA.id, holderOrgId: w.orgs.cdcsA.id, status: 'DRAFT', awardName: 'Giấy khen của Ban Chấp hành công đoàn cấp trên trực tiếp cơ sở' });
    expect(n.eligibility.target).toBe('GK_CD_CAP_TREN');
    expect(n.eligibility.rulePacks.length).toBeGreaterThan(0);
    expect(n.eligibility.reasons.length).toBeGreaterThan(0);
    expect(n.eligibilityStatus).toBe(n.eligibility.status);
    const stored = await db().execute<{ s: { rulePacks: unknown[] } }>(sql`select snapshot as s from nomination_eligibility where nomination_id = ${anId}`);
    expect(stored.rows[0]!.s.rulePacks).toEqual(n.eligibility.rulePacks);
    // The checklist of a form under the normal procedure: the tờ trình comes with the batch.
    expect(n.checklist.filter((x) => x.required).map((x) => [x.kind, x.scope])).toEqual([
      ['TO_TRINH', 'SUBMISSION'],
      ['BAO_CAO_THANH_TICH', 'NOMINATION'],
      ['BIEN_BAN_BINH_XET', 'NOMINATION'],
    ]);
    expect(n.missingDocuments).toBe(2);
    expect(n.events.map((e) => e.kind)).toEqual(['CREATED']);
    expect(n.abilities).toEqual(expect.arrayContaining(['nomination.update', 'document.upload', 'nomination.withdraw']));
    const second = await c.post('/api/v1/nominations', { roundId, personId: w.persons.anh, awardCode: 'GK_CD_CAP_TREN' });
    expect(second.statusCode, second.body).toBe(201);
    anhId = second.json<NominationDto>().id;
    expect(await auditEvents(db(), 'nominations.nomination.create', anId)).toHaveLength(1);
  });

  it('refuses a duplicate, an award outside the round, the wrong subject for an award, the simplified procedure for a merit award, and a subject out of scope', async () => {
    const c = await as('cdcs.a');
    const before = await countRows(db(), 'nomination');
    const dup = await c.post('/api/v1/nominations', { roundId, personId: w.persons.an, awardCode: 'GK_CD_CAP_TREN' });
    expect(dup.statusCode).toBe(409);
    expect(message(dup)).toBe(`Nguyễn Văn An đã được đề nghị “Giấy khen của Ban Chấp hành công đoàn cấp trên trực tiếp cơ sở” trong đợt xét này (đề nghị số ${anId}).`);
    const outside = await c.post('/api/v1/nominations', { roundId, personId: w.persons.an, awardCode: 'BK_TLD' });
    expect(message(outside)).toBe('Đợt xét này không xét “BK_TLD”.');
    const collective = await c.post('/api/v1/nominations', { roundId, personId: w.persons.an, awardCode: 'GK_CD_CAP_TREN_TT' });
    expect(message(collective)).toBe('“GK_CD_CAP_TREN_TT” chỉ dành cho tập thể, không đề nghị cho cá nhân.');
    const simplified = await c.post('/api/v1/nominations', { roundId, personId: w.persons.an, awardCode: 'LDTT', procedure: 'SIMPLIFIED' });
    expect(simplified.statusCode).toBe(400);
    const other = await c.post('/api/v1/nominations', { roundId, personId: w.persons.dang, awardCode: 'GK_CD_CAP_TREN' });
    expect(other.statusCode).toBe(400);
    expect(message(other)).toBe('Không tìm thấy cá nhân hoặc tập thể được đề nghị trong phạm vi của bạn.');
    expect(await countRows(db(), 'nomination')).toBe(before);
  });

  it('a CĐCS never sees another CĐCS’s nominations; the superior sees none of a unit’s drafts', async () => {
    expect((await (await as('cdcs.b')).get(`/api/v1/nominations/${anId}`)).statusCode).toBe(404);
    expect((await (await as('huyen.tdkt')).get(`/api/v1/nominations/${anId}`)).statusCode).toBe(404);
    const list = (await (await as('huyen.tdkt')).get(`/api/v1/nominations?roundId=${roundId}`)).json<{ total: number }>();
    expect(list.total).toBe(0);
    const own = (await (await as('cdcs.a')).get(`/api/v1/nominations?roundId=${roundId}&q=anh`)).json<{ items: { subjectName: string }[] }>();
    expect(own.items.map((x) => x.subjectName)).toEqual(['Nguyễn Thị Ánh']);
    // Only the holder's officers change it.
    const patch = await (await as('cdcs.b')).patch(`/api/v1/nominations/${anId}`, { version: 1, achievementSummary: 'x' });
    expect(patch.statusCode).toBe(404);
  });

  it('flags the same person proposed twice by the same level in a year, on both nominations', async () => {
    const c = await as('cdcs.a');
    const res = await c.post('/api/v1/nominations', { roundId, personId: w.persons.an, awardCode: 'CSTD_CS' });
    expect(res.statusCode, res.body).toBe(201);
    const twice = res.json<NominationDto>();
    expect(twice.conflictList.map((x) => [x.code, x.otherNominationId])).toEqual([['SAME_LEVEL_TWICE', anId]]);
    expect(twice.conflictList[0]!.text).toContain(`Tổng kết thi đua năm ${YEAR}`);
    const first = (await c.get(`/api/v1/nominations/${anId}`)).json<NominationDto>();
    expect(first.conflicts).toBe(1);
    // Withdrawn with a reason, it is kept and no longer conflicts.
    const withdrawn = await c.post(`/api/v1/nominations/${twice.id}/withdraw`, { version: twice.version, reason: 'Chỉ đề nghị một hình thức' });
    expect(withdrawn.statusCode, withdrawn.body).toBe(200);
    expect(withdrawn.json<NominationDto>()).toMatchObject({ status: 'WITHDRAWN' });
    expect((await c.get(`/api/v1/nominations/${anId}`)).json<NominationDto>().conflicts).toBe(0);
    expect(await auditEvents(db(), 'nominations.nomination.withdraw', twice.id)).toHaveLength(1);
  });
});

describe('the dossier', () => {
  it.each([
    ['an executable named .pdf', 'bao-cao.pdf', Buffer.from('MZ\x90\x00\x03\x00\x00\x00 this program cannot be run in DOS mode'), 415],
    ['an empty file', 'rong.pdf', Buffer.alloc(0), 400],
    ['a file over the limit', 'lon.pdf', Buffer.concat([pdfBytes('big'), Buffer.alloc(LIMITS.documentMaxBytes + 10, 0x20)]), 413],
  ])('refuses %s and keeps nothing', async (_label, name, content, status) => {
    const c = await as('cdcs.a');
    const [rows, files] = [await countRows(db(), 'nomination_document'), storedCount()];
    const res = await upload(c, anId, 'BAO_CAO_THANH_TICH', name, content);
    expect(res.statusCode).toBe(status);
    expect(message(res)).toMatch(/Chỉ nhận: PDF|Tệp rỗng|Tệp quá lớn/);
    expect([await countRows(db(), 'nomination_document'), storedCount()]).toEqual([rows, files]);
  });

  it('keeps every version: a replacement supersedes, a withdrawal needs a reason; another unit cannot upload', async () => {
    const c = await as('cdcs.a');
    const first = await upload(c, anId, 'BAO_CAO_THANH_TICH', 'Báo cáo thành tích.pdf', pdfBytes('v1'));
    expect(first.statusCode, first.body).toBe(200);
    const d1 = first.json<NominationDto>().documents.find((d) => d.kind === 'BAO_CAO_THANH_TICH')!;
    expect(d1).toMatchObject({ fileName: 'Báo cáo thành tích.pdf', status: 'ACTIVE', mimeType: 'application/pdf' });
    const second = await upload(c, anId, 'BAO_CAO_THANH_TICH', 'Báo cáo thành tích (sửa).pdf', pdfBytes('v2'), d1.id);
    const docs = second.json<NominationDto>().documents.filter((d) => d.kind === 'BAO_CAO_THANH_TICH');
    expect(docs.map((d) => [d.status, d.supersedesId])).toEqual([
      ['SUPERSEDED', null],
      ['ACTIVE', d1.id],
    ]);
    const noReason = await c.post(`/api/v1/nomination-documents/${docs[1]!.id}/revoke`, { reason: '' });
    expect(noReason.statusCode).toBe(400);
    const file = await c.get(docs[1]!.downloadUrl);
    expect(file.statusCode).toBe(200);
    expect(file.headers['x-content-type-options']).toBe('nosniff');
    expect(file.body).toContain('v2');
    expect((await upload(await as('cdcs.b'), anId, 'BAO_CAO_THANH_TICH', 'x.pdf', pdfBytes('b'))).statusCode).toBe(404);
    expect((await (await as('cdcs.b')).get(docs[1]!.downloadUrl)).statusCode).toBe(404);
  });
});

describe('a submission from propose to appraisal', () => {
  it('cannot be sent while a dossier is incomplete, with the list of what is missing', async () => {
    const c = await as('cdcs.a');
    const res = await c.post('/api/v1/submissions', { roundId, fromOrgId: w.orgs.cdcsA.id, nominationIds: [anId, anhId] });
    expect(res.statusCode, res.body).toBe(201);
    const s = res.json<SubmissionDto>();
    submissionId = s.id;
    expect(s).toMatchObject({ status: 'DRAFT', toOrgId: w.orgs.huyen.id, items: 2, title: `Tờ trình đề nghị khen thưởng năm ${YEAR}` });
    expect(s.problems.length).toBe(2);
    expect(s.problems[0]).toMatch(/^Nguyễn Văn An \(Giấy khen của Ban Chấp hành công đoàn cấp trên trực tiếp cơ sở\) còn thiếu: /);
    const refused = await c.post(`/api/v1/submissions/${submissionId}/submit`, { version: s.version });
    expect(refused.statusCode).toBe(400);
    expect(message(refused)).toMatch(/^Chưa gửi được tờ trình: /);
    expect((await c.get(`/api/v1/submissions/${submissionId}`)).json<SubmissionDto>().status).toBe('DRAFT');
    // The superior does not see a draft submission.
    expect((await (await as('huyen.tdkt')).get(`/api/v1/submissions/${submissionId}`)).statusCode).toBe(404);
  });

  it('a not-eligible nomination goes forward only with a justification that every later reviewer reads', async () => {
    const c = await as('cdcs.a');
    await completeDossier(c, anId);
    await completeDossier(c, anhId);
    const n = (await c.get(`/api/v1/nominations/${anId}`)).json<NominationDto>();
    expect(n.missingDocuments).toBe(0);
    // This year's rating (only "hoàn thành nhiệm vụ"), recorded after the nomination was made: checking again finds it.
    await db().execute(sql`insert into performance_rating (person_id, scope_path, year, rating) values (${w.persons.anh}, ${w.orgs.cdcsA.path}, ${YEAR}, 'HTNV')`);
    const checked = await c.post(`/api/v1/nominations/${anhId}/reevaluate`);
    expect(checked.statusCode, checked.body).toBe(200);
    const anh = checked.json<NominationDto>();
    expect(anh.eligibilityStatus).toBe('NOT_ELIGIBLE');
    expect(anh.eligibility.reasons.some((r) => r.outcome === 'FAIL')).toBe(true);
    expect(await auditEvents(db(), 'nominations.nomination.reevaluate', anhId)).toHaveLength(1);
    let s = (await c.get(`/api/v1/submissions/${submissionId}`)).json<SubmissionDto>();
    const notEligible = s.lines.filter((l) => l.nomination.eligibilityStatus === 'NOT_ELIGIBLE');
    expect(notEligible.map((l) => l.nomination.id)).toContain(anhId);
    expect(s.problems).toEqual(notEligible.map((l) => `${l.nomination.subjectName} (${l.nomination.awardName}) chưa đủ điều kiện theo quy định mà chưa có giải trình.`));
    const refused = await c.post(`/api/v1/submissions/${submissionId}/submit`, { version: s.version });
    expect(refused.statusCode).toBe(400);
    expect(message(refused)).toContain('Nguyễn Thị Ánh (Giấy khen của Ban Chấp hành công đoàn cấp trên trực tiếp cơ sở) chưa đủ điều kiện');
    for (const line of notEligible) {
      const cur = (await c.get(`/api/v1/nominations/${line.nomination.id}`)).json<NominationDto>();
      const res = await c.patch(`/api/v1/nominations/${line.nomination.id}`, { version: cur.version, justification: 'Có thành tích đột xuất trong phòng chống bão lụt.' });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json<NominationDto>()).toMatchObject({ justification: 'Có thành tích đột xuất trong phòng chống bão lụt.', hasJustification: true, eligibilityStatus: 'NOT_ELIGIBLE' });
    }
    s = (await c.get(`/api/v1/submissions/${submissionId}`)).json<SubmissionDto>();
    expect(s.problems).toEqual([]);
  });

  it('is submitted by the unit and received by the superior, with a deadline in working days; sides cannot take each other’s steps', async () => {
    const c = await as('cdcs.a');
    const officer = await as('huyen.tdkt');
    let s = (await c.get(`/api/v1/submissions/${submissionId}`)).json<SubmissionDto>();
    expect(s.abilities).toContain('submission.submit');
    const sent = await c.post(`/api/v1/submissions/${submissionId}/submit`, { version: s.version });
    expect(sent.statusCode, sent.body).toBe(200);
    s = sent.json<SubmissionDto>();
    expect(s.status).toBe('SUBMITTED');
    expect(s.lines.every((l) => l.nomination.status === 'IN_REVIEW' && l.nomination.holderOrgId === w.orgs.huyen.id)).toBe(true);
    // Now the district sees them, CĐCS B still does not.
    expect((await officer.get(`/api/v1/nominations/${anId}`)).statusCode).toBe(200);
    expect((await (await as('cdcs.b')).get(`/api/v1/submissions/${submissionId}`)).statusCode).toBe(404);
    expect((await (await as('cdcs.b')).get(`/api/v1/nominations/${anId}`)).statusCode).toBe(404);
    const inbox = (await officer.get('/api/v1/submissions?box=INBOX')).json<{ items: SubmissionSummaryDto[] }>();
    expect(inbox.items.map((x) => x.id)).toEqual([submissionId]);
    const notice = await db().execute<{ title: string }>(sql`select title from inbox_item where org_id = ${w.orgs.huyen.id} and kind = 'NOTICE' order by id desc limit 1`);
    expect(notice.rows[0]!.title).toBe(`Tờ trình mới: Tờ trình đề nghị khen thưởng năm ${YEAR}`);

    // The province oversees but does not appraise for the district.
    const tinh = await as('tinh.tdkt');
    expect((await tinh.get(`/api/v1/submissions/${submissionId}`)).statusCode).toBe(200);
    expect((await tinh.post(`/api/v1/submissions/${submissionId}/receive`, { version: s.version })).statusCode).toBe(403);
    expect((await tinh.get('/api/v1/submissions?box=INBOX')).json<{ total: number }>().total).toBe(0);
    // A viewer and a member neither act nor see drafts.
    expect((await (await as('xem')).post(`/api/v1/submissions/${submissionId}/receive`, { version: s.version })).statusCode).toBe(403);
    expect((await (await as('doanvien')).get(`/api/v1/submissions/${submissionId}`)).statusCode).toBe(404);
    expect((await (await as('xem')).post('/api/v1/nominations', { roundId, personId: w.persons.an, awardCode: 'LDTT' })).statusCode).toBe(404);
    // The unit cannot receive its own submission; the district cannot resubmit it.
    expect((await c.post(`/api/v1/submissions/${submissionId}/receive`, { version: s.version })).statusCode).toBe(403);
    const received = await officer.post(`/api/v1/submissions/${submissionId}/receive`, { version: s.version });
    expect(received.statusCode, received.body).toBe(200);
    s = received.json<SubmissionDto>();
    const cal = await loadWorkCalendar(db(), YEAR, YEAR + 1);
    // The district's own appraisal time (level 0: 10 working days), counted from receipt.
    expect(s).toMatchObject({ status: 'RECEIVED', dueOn: addWorkingDays(todayInVietnam(), 10, cal), workingDaysLeft: 10, overdue: false });
    // A stale version is refused.
    expect((await officer.post(`/api/v1/submissions/${submissionId}/start`, { version: s.version - 1 })).statusCode).toBe(409);
    // Withdrawal is only possible before receipt.
    expect((await c.post(`/api/v1/submissions/${submissionId}/withdraw`, { version: s.version, reason: 'Gửi nhầm' })).statusCode).toBe(409);
  });

  it('the daily job reminds the appraising organisation when its deadline comes, once a day, by notice and email', async () => {
    await db().execute(sql`update app_user set email = 'huyen.tdkt@example.vn' where username = 'huyen.tdkt'`);
    const s = (await (await as('huyen.tdkt')).get(`/api/v1/submissions/${submissionId}`)).json<SubmissionDto>();
    const outbox = () => countRows(db(), 'email_outbox', sql`to_address = 'huyen.tdkt@example.vn'`);
    // Not yet: the deadline is more than 3 days away.
    expect(await remindDueAppraisals(env.ctx, todayInVietnam(), 3)).toEqual({ reminded: 0, emails: 0 });
    expect(await remindDueAppraisals(env.ctx, s.dueOn!, 0)).toEqual({ reminded: 1, emails: 1 });
    expect(await remindDueAppraisals(env.ctx, s.dueOn!, 0)).toEqual({ reminded: 0, emails: 0 });
    expect(await outbox()).toBe(1);
    const mail = await db().execute<{ subject: string; body: string }>(sql`select subject, body from email_outbox where to_address = 'huyen.tdkt@example.vn'`);
    expect(mail.rows[0]!.subject).toBe(`Nhắc thẩm định: Tờ trình đề nghị khen thưởng năm ${YEAR}`);
    expect(mail.rows[0]!.body).toContain(`/de-nghi/to-trinh/${submissionId}`);
    const notices = await countRows(db(), 'inbox_item', sql`org_id = ${w.orgs.huyen.id} and title like 'Nhắc thẩm định:%'`);
    expect(notices).toBe(1);
    // Administrators read the outbox (no SMTP server in tests: the mail waits there); others may not.
    const box = await (await as('admin')).get('/api/v1/email-outbox?q=huyen.tdkt');
    expect(box.statusCode, box.body).toBe(200);
    expect(box.json<{ items: { subject: string; status: string }[]; smtpConfigured: boolean }>()).toMatchObject({
      smtpConfigured: false,
      items: [{ subject: `Nhắc thẩm định: Tờ trình đề nghị khen thưởng năm ${YEAR}`, status: 'PENDING' }],
    });
    expect((await (await as('admin')).get('/api/v1/email-outbox?q=nhac tham dinh')).json<{ total: number }>().total).toBe(1);
    expect((await (await as('huyen.tdkt')).get('/api/v1/email-outbox')).statusCode).toBe(403);
    expect((await (await as('huyen.tdkt')).post('/api/v1/email-outbox/send')).statusCode).toBe(403);
    expect((await (await as('admin')).post('/api/v1/email-outbox/send')).json()).toEqual({ sent: 0, failed: 0, skipped: true });
  });

  it('an appraiser who is the nominee is recused; returning needs every line decided and a reason', async () => {
    const officer = await as('huyen.tdkt');
    let s = (await officer.get(`/api/v1/submissions/${submissionId}`)).json<SubmissionDto>();
    s = (await officer.post(`/api/v1/submissions/${submissionId}/start`, { version: s.version })).json<SubmissionDto>();
    expect(s.status).toBe('UNDER_APPRAISAL');
    const self = await (await as('huyen.an')).post(`/api/v1/submissions/${submissionId}/items/${anId}`, { decision: 'ACCEPT' });
    expect(self.statusCode).toBe(403);
    expect(message(self)).toBe('Bạn là người được đề nghị hoặc thuộc đơn vị được đề nghị nên không tham gia thẩm định đề nghị này.');
    // The district reads the unit's justification with the engine's explanation.
    const seen = (await officer.get(`/api/v1/nominations/${anhId}`)).json<NominationDto>();
    expect(seen).toMatchObject({ eligibilityStatus: 'NOT_ELIGIBLE', justification: 'Có thành tích đột xuất trong phòng chống bão lụt.' });
    const anLine = (await (await as('huyen.an')).get(`/api/v1/submissions/${submissionId}`)).json<SubmissionDto>().lines.find((l) => l.nomination.id === anId)!;
    expect(anLine.recused).toBe(true);

    const noReason = await officer.post(`/api/v1/submissions/${submissionId}/items/${anId}`, { decision: 'RETURN' });
    expect(noReason.statusCode).toBe(400);
    const ret = await officer.post(`/api/v1/submissions/${submissionId}/items/${anId}`, { decision: 'RETURN', reason: 'Báo cáo thành tích chưa có xác nhận của thủ trưởng đơn vị.' });
    expect(ret.statusCode, ret.body).toBe(200);
    s = ret.json<SubmissionDto>();
    const undecided = await officer.post(`/api/v1/submissions/${submissionId}/return`, { version: s.version, reason: 'Bổ sung hồ sơ' });
    expect(undecided.statusCode).toBe(409);
    expect(message(undecided)).toMatch(/^Chưa thực hiện được: /);
    s = (await officer.post(`/api/v1/submissions/${submissionId}/items/${anhId}`, { decision: 'ACCEPT' })).json<SubmissionDto>();
    expect((await officer.post(`/api/v1/submissions/${submissionId}/return`, { version: s.version })).statusCode).toBe(400);
    const returned = await officer.post(`/api/v1/submissions/${submissionId}/return`, { version: s.version, reason: 'Bổ sung hồ sơ' });
    expect(returned.statusCode, returned.body).toBe(200);
    s = returned.json<SubmissionDto>();
    expect(s).toMatchObject({ status: 'RETURNED', returnReason: 'Bổ sung hồ sơ', itemsReturned: 1 });
    const an = (await (await as('cdcs.a')).get(`/api/v1/nominations/${anId}`)).json<NominationDto>();
    expect(an).toMatchObject({ status: 'RETURNED', holderOrgId: w.orgs.cdcsA.id });
    expect(an.events.find((e) => e.kind === 'ITEM_RETURNED')).toMatchObject({ reason: 'Báo cáo thành tích chưa có xác nhận của thủ trưởng đơn vị.', orgName: 'Liên đoàn Lao động huyện DMC' });
    expect(await auditEvents(db(), 'nominations.submission.return', submissionId)).toHaveLength(1);
  });

  it('the unit fixes the returned line and resubmits; the district accepts, finishes and sends it to its council', async () => {
    const c = await as('cdcs.a');
    const officer = await as('huyen.tdkt');
    let s = (await c.get(`/api/v1/submissions/${submissionId}`)).json<SubmissionDto>();
    // Not fixed yet: resubmitting is refused.
    expect((await c.post(`/api/v1/submissions/${submissionId}/resubmit`, { version: s.version })).statusCode).toBe(409);
    const old = (await c.get(`/api/v1/nominations/${anId}`)).json<NominationDto>().documents.find((d) => d.kind === 'BAO_CAO_THANH_TICH' && d.status === 'ACTIVE')!;
    expect((await upload(c, anId, 'BAO_CAO_THANH_TICH', 'Báo cáo có xác nhận.pdf', pdfBytes('signed'), old.id)).statusCode).toBe(200);
    // The district cannot fix for the unit.
    expect((await officer.post(`/api/v1/submissions/${submissionId}/items/${anId}`, { decision: 'FIX' })).statusCode).toBe(403);
    s = (await c.post(`/api/v1/submissions/${submissionId}/items/${anId}`, { decision: 'FIX' })).json<SubmissionDto>();
    expect(s.lines.find((l) => l.nomination.id === anId)!.state).toBe('FIXED');
    const again = await c.post(`/api/v1/submissions/${submissionId}/resubmit`, { version: s.version });
    expect(again.statusCode, again.body).toBe(200);
    s = again.json<SubmissionDto>();
    expect(s.status).toBe('RESUBMITTED');
    s = (await officer.post(`/api/v1/submissions/${submissionId}/start`, { version: s.version })).json<SubmissionDto>();
    expect(s.status).toBe('UNDER_APPRAISAL');
    s = (await officer.post(`/api/v1/submissions/${submissionId}/items/${anId}`, { decision: 'ACCEPT' })).json<SubmissionDto>();
    const finished = await officer.post(`/api/v1/submissions/${submissionId}/finish`, { version: s.version });
    expect(finished.statusCode, finished.body).toBe(200);
    s = finished.json<SubmissionDto>();
    expect(s.status).toBe('APPRAISED');
    expect(s.abilities).toEqual(expect.arrayContaining(['submission.toCouncil', 'submission.escalate']));
    const council = await officer.post(`/api/v1/submissions/${submissionId}/to-council`, { version: s.version });
    expect(council.statusCode, council.body).toBe(200);
    expect(council.json<SubmissionDto>().lines.map((l) => l.nomination.status)).toEqual(['TO_COUNCIL', 'TO_COUNCIL']);
    const an = (await c.get(`/api/v1/nominations/${anId}`)).json<NominationDto>();
    expect(an.events.map((e) => e.kind)).toEqual(['CREATED', 'SUBMITTED', 'RECEIVED', 'ITEM_RETURNED', 'ITEM_FIXED', 'RESUBMITTED', 'ITEM_ACCEPTED', 'APPRAISED', 'TO_COUNCIL']);
    // Nothing moves once it is with the council.
    expect((await officer.post(`/api/v1/submissions/${submissionId}/escalate`, { version: s.version + 1 })).statusCode).toBe(409);
  });
});

describe('escalation, opinions and the what-if', () => {
  let bkId: number;
  let sId: number;

  it('an award beyond the district goes up: to its council it is refused, escalation creates the district’s draft to the province', async () => {
    const c = await as('cdcs.b');
    const officer = await as('huyen.tdkt');
    const created = await c.post('/api/v1/nominations', { roundId, personId: w.persons.dang, awardCode: 'BK_LDLD', justification: 'Công nhân trực tiếp sản xuất, nhiều sáng kiến.' });
    expect(created.statusCode, created.body).toBe(201);
    bkId = created.json<NominationDto>().id;
    await completeDossier(c, bkId);
    let s = (await c.post('/api/v1/submissions', { roundId, fromOrgId: w.orgs.cdcsB.id, nominationIds: [bkId] })).json<SubmissionDto>();
    sId = s.id;
    s = (await c.post(`/api/v1/submissions/${sId}/submit`, { version: s.version })).json<SubmissionDto>();
    expect(s.status, JSON.stringify(s.problems)).toBe('SUBMITTED');
    s = (await officer.post(`/api/v1/submissions/${sId}/receive`, { version: s.version })).json<SubmissionDto>();
    s = (await officer.post(`/api/v1/submissions/${sId}/start`, { version: s.version })).json<SubmissionDto>();
    expect(s.status).toBe('UNDER_APPRAISAL');

    // Opinion of the tax office, recorded in the dossier.
    const asked = await officer.post(`/api/v1/nominations/${bkId}/opinions`, { agency: 'Chi cục Thuế khu vực', question: 'Doanh nghiệp có nợ thuế không?' });
    expect(asked.statusCode, asked.body).toBe(200);
    const opinion = asked.json<NominationDto>().opinions[0]!;
    expect(opinion).toMatchObject({ agency: 'Chi cục Thuế khu vực', state: 'WAITING', abilities: ['opinion.answer'] });
    expect((await c.post(`/api/v1/nominations/${bkId}/opinions`, { agency: 'Công an', question: 'x' })).statusCode).toBe(409);
    const answered = await officer.post(`/api/v1/opinion-requests/${opinion.id}/answer`, { outcome: 'AGREE', answer: 'Không nợ thuế.', answeredOn: todayInVietnam() });
    expect(answered.statusCode, answered.body).toBe(200);
    expect(answered.json<NominationDto>().opinions[0]).toMatchObject({ state: 'ANSWERED', outcome: 'AGREE', answer: 'Không nợ thuế.' });
    expect((await officer.post(`/api/v1/opinion-requests/${opinion.id}/answer`, { outcome: 'OBJECT', answer: 'x', answeredOn: todayInVietnam() })).statusCode).toBe(409);

    s = (await officer.post(`/api/v1/submissions/${sId}/items/${bkId}`, { decision: 'ACCEPT' })).json<SubmissionDto>();
    s = (await officer.post(`/api/v1/submissions/${sId}/finish`, { version: s.version })).json<SubmissionDto>();
    const council = await officer.post(`/api/v1/submissions/${sId}/to-council`, { version: s.version });
    expect(council.statusCode).toBe(409);
    expect(message(council)).toContain('không thuộc thẩm quyền của Liên đoàn Lao động huyện DMC');
    const up = await officer.post(`/api/v1/submissions/${sId}/escalate`, { version: s.version });
    expect(up.statusCode, up.body).toBe(200);
    const escalatedId = up.json<{ escalatedId: number }>().escalatedId;
    const next = (await officer.get(`/api/v1/submissions/${escalatedId}`)).json<SubmissionDto>();
    expect(next).toMatchObject({ status: 'DRAFT', fromOrgId: w.orgs.huyen.id, toOrgId: w.orgs.tinh.id, escalatedFromId: sId, items: 1 });
    expect(next.lines[0]!.nomination).toMatchObject({ id: bkId, status: 'DRAFT', holderOrgId: w.orgs.huyen.id });
    // The province sees nothing of the district's draft.
    expect((await (await as('tinh.tdkt')).get(`/api/v1/submissions/${escalatedId}`)).statusCode).toBe(404);
  });

  it('the simplified procedure (đột xuất): a summary report only, its own submission, and the shorter appraisal time', async () => {
    const c = await as('cdcs.b');
    const res = await c.post('/api/v1/nominations', { roundId, personId: w.persons.tran, awardCode: 'GK_DOT_XUAT', procedure: 'SIMPLIFIED', achievementSummary: 'Cứu người bị nạn trong đám cháy khu nhà trọ.' });
    expect(res.statusCode, res.body).toBe(201);
    const n = res.json<NominationDto>();
    expect(n.checklist.filter((x) => x.required && x.scope === 'NOMINATION').map((x) => x.kind)).toEqual(['TOM_TAT_THANH_TICH']);
    await completeDossier(c, n.id);
    // Not in the same tờ trình as normal-procedure nominations.
    const normal = (await c.post('/api/v1/nominations', { roundId, personId: w.persons.tran, awardCode: 'GK_CD_CAP_TREN', justification: 'Chủ tịch công đoàn tích cực.' })).json<NominationDto>();
    const mixed = await c.post('/api/v1/submissions', { roundId, fromOrgId: w.orgs.cdcsB.id, nominationIds: [n.id, normal.id] });
    expect(mixed.statusCode).toBe(400);
    expect(message(mixed)).toBe('Một tờ trình chỉ gồm các đề nghị cùng một thủ tục (thông thường hoặc đơn giản).');
    let s = (await c.post('/api/v1/submissions', { roundId, fromOrgId: w.orgs.cdcsB.id, nominationIds: [n.id] })).json<SubmissionDto>();
    expect(s).toMatchObject({ procedure: 'SIMPLIFIED', title: `Tờ trình đề nghị khen thưởng theo thủ tục đơn giản năm ${YEAR}` });
    s = (await c.post(`/api/v1/submissions/${s.id}/submit`, { version: s.version })).json<SubmissionDto>();
    expect(s.status, JSON.stringify(s.problems)).toBe('SUBMITTED');
    s = (await (await as('huyen.tdkt')).post(`/api/v1/submissions/${s.id}/receive`, { version: s.version })).json<SubmissionDto>();
    const cal = await loadWorkCalendar(db(), YEAR, YEAR + 1);
    expect(s.dueOn).toBe(addWorkingDays(todayInVietnam(), 5, cal));
  });

  it('the what-if counts a unit’s list against the shares the round asks for', async () => {
    const res = await (await as('cdcs.a')).get(`/api/v1/nominations/what-if?roundId=${roundId}&orgId=${w.orgs.cdcsA.id}`);
    expect(res.statusCode, res.body).toBe(200);
    const wi = res.json<WhatIfDto>();
    expect(wi).toMatchObject({ total: 2, persons: 2, units: 0, women: 1 });
    expect(wi.byAward).toEqual([{ awardCode: 'GK_CD_CAP_TREN', awardName: 'Giấy khen của Ban Chấp hành công đoàn cấp trên trực tiếp cơ sở', proposed: 2, allowed: null, over: 0 }]);
    // CĐCS B cannot look at A's list.
    const other = (await (await as('cdcs.b')).get(`/api/v1/nominations/what-if?roundId=${roundId}&orgId=${w.orgs.cdcsA.id}`)).json<WhatIfDto>();
    expect(other.total).toBe(0);
  });
});

describe('generated documents', () => {
  const text = async (bytes: Buffer) => (await (await JSZip.loadAsync(bytes)).file('word/document.xml')!.async('string')).replace(/<[^>]+>/g, '');

  it('the báo cáo thành tích is pre-filled from the nominee’s records, for the readers of the nomination only', async () => {
    await db().execute(sql`
      insert into award_record (person_id, scope_path, award_code, year, decision_number)
      values (${w.persons.an}, ${w.orgs.cdcsA.path}, 'LDTT', ${YEAR - 1}, '15/QĐ-CĐCS')`);
    const res = await (await as('cdcs.a')).get(`/api/v1/nominations/${anId}/achievement-report.docx`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('wordprocessingml');
    expect(res.headers['content-disposition']).toContain(encodeURIComponent('Báo cáo thành tích - Nguyễn Văn An.docx'));
    const body = await text(res.rawPayload);
    expect(body).toContain('BÁO CÁO THÀNH TÍCH');
    expect(body).toContain('Nguyễn Văn An');
    expect(body).toContain('Hoàn thành xuất sắc nhiệm vụ năm học.');
    expect(body).toContain('Lao động tiên tiến');
    expect(body).toContain('15/QĐ-CĐCS');
    expect((await (await as('cdcs.b')).get(`/api/v1/nominations/${anId}/achievement-report.docx`)).statusCode).toBe(404);
  });

  it('the tờ trình and its list name every line with its award, and the not-eligible ones with their justification', async () => {
    const c = await as('cdcs.a');
    const doc = await c.get(`/api/v1/submissions/${submissionId}/proposal.docx`);
    expect(doc.statusCode).toBe(200);
    const body = await text(doc.rawPayload);
    expect(body).toContain('TỜ TRÌNH');
    expect(body).toContain('Kính gửi: Liên đoàn Lao động huyện DMC');
    expect(body).toContain('Nguyễn Văn An');
    expect(body).toContain('Nguyễn Thị Ánh');
    const list = await c.get(`/api/v1/submissions/${submissionId}/list.xlsx`);
    expect(list.statusCode).toBe(200);
    const rows = await readSheet(list.rawPayload);
    const an = rows.find((r) => r.includes('Nguyễn Văn An'))!;
    expect(an).toContain('Giấy khen của Ban Chấp hành công đoàn cấp trên trực tiếp cơ sở');
    expect(an).toContain('Đạt');
    expect((await (await as('cdcs.b')).get(`/api/v1/submissions/${submissionId}/list.xlsx`)).statusCode).toBe(404);
  });
});

describe('one achievement, one form', () => {
  it('flags two nominations that cite the same achievement, across persons and levels', async () => {
    const c = await as('cdcs.b');
    const a = await c.post('/api/v1/nominations', { roundId, personId: w.persons.dang, awardCode: 'CSTD_CS', achievementRefs: ['initiative:99'], justification: 'Sáng kiến cải tiến máy dệt.' });
    expect(a.statusCode, a.body).toBe(201);
    const b = await c.post('/api/v1/nominations', { roundId, personId: w.persons.tran, awardCode: 'LDTT', achievementRefs: ['initiative:99'] });
    expect(b.statusCode, b.body).toBe(201);
    const nb = b.json<NominationDto>();
    const same = nb.conflictList.filter((x) => x.code === 'SAME_ACHIEVEMENT');
    expect(same.map((x) => x.otherNominationId)).toEqual([a.json<NominationDto>().id]);
    expect(same[0]!.text).toContain('initiative:99');
    // Trần Thị Cúc already has two other nominations from the district this year.
    expect(nb.conflictList.filter((x) => x.code === 'SAME_LEVEL_TWICE')).toHaveLength(2);
    const other = (await c.get(`/api/v1/nominations/${a.json<NominationDto>().id}`)).json<NominationDto>();
    expect(other.conflictList.filter((x) => x.code === 'SAME_ACHIEVEMENT').map((x) => x.otherNominationId)).toEqual([nb.id]);
  });
});

describe('editing a draft submission', () => {
  it('adds and removes the unit’s own drafts; another unit’s nomination, a stale version or another unit’s officer are refused', async () => {
    const c = await as('cdcs.b');
    const drafts = (await c.get(`/api/v1/nominations?roundId=${roundId}&unsubmitted=true`)).json<{ items: { id: number; procedure: string }[] }>().items.filter((n) => n.procedure === 'NORMAL');
    expect(drafts.length).toBeGreaterThanOrEqual(2);
    const first = drafts[0]!;
    const second = drafts[1]!;
    let s = (await c.post('/api/v1/submissions', { roundId, fromOrgId: w.orgs.cdcsB.id, nominationIds: [first.id] })).json<SubmissionDto>();
    const added = await c.put(`/api/v1/submissions/${s.id}/items`, { version: s.version, nominationIds: [first.id, second.id] });
    expect(added.statusCode, added.body).toBe(200);
    s = added.json<SubmissionDto>();
    expect(s.lines.map((l) => l.nomination.id)).toEqual([first.id, second.id]);
    expect(s.lines.every((l) => l.nomination.submissionId === s.id)).toBe(true);
    expect((await c.put(`/api/v1/submissions/${s.id}/items`, { version: s.version, nominationIds: [first.id, anId] })).statusCode).toBe(400);
    expect((await c.put(`/api/v1/submissions/${s.id}/items`, { version: s.version - 1, nominationIds: [first.id] })).statusCode).toBe(409);
    expect((await (await as('cdcs.a')).put(`/api/v1/submissions/${s.id}/items`, { version: s.version, nominationIds: [first.id] })).statusCode).toBe(404);
    const removed = await c.put(`/api/v1/submissions/${s.id}/items`, { version: s.version, nominationIds: [first.id] });
    expect(removed.statusCode, removed.body).toBe(200);
    expect(removed.json<SubmissionDto>().lines.map((l) => l.nomination.id)).toEqual([first.id]);
    // The removed nomination is a free draft again.
    const back = (await c.get(`/api/v1/nominations/${second.id}`)).json<NominationDto>();
    expect(back).toMatchObject({ status: 'DRAFT', submissionId: null });
    expect(await auditEvents(db(), 'nominations.submission.items', s.id)).toHaveLength(2);
  });
});
