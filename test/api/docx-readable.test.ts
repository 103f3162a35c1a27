// Every Word document the application issues opens in a real DOCX reader (mammoth), not only as a
// well-formed zip of XML: a signed decision with its annex (more than 10 lines), both council minutes
// (the meeting and the vote count), an issued plan and the annual summary report. Each must convert
// without a reader error, and its key Vietnamese text must come back with its diacritics, in order.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import mammoth from 'mammoth';
import { startTestApp, type TestEnv } from '../support/app';
import { createPerson, loginAs, smallWorld } from '../factories';
import { insertToCouncil } from '../support/councils';
import type { DecisionDto } from '../../src/contracts/decisions';
import type { PlanDto } from '../../src/contracts/plans';
import { meetingMinutesDocx } from '../../src/server/modules/councils/documents/meeting-minutes-docx';
import { countMinutesDocx } from '../../src/server/modules/councils/documents/count-minutes-docx';
import type { MeetingMinutesData, MinutesItem } from '../../src/server/modules/councils/documents/minutes-data';
import { minutesMeeting, minutesVote } from '../../src/server/modules/councils/documents/minutes-fixture';

let env: TestEnv;
let w: Awaited<ReturnType<typeof smallWorld>>;

beforeAll(async () => {
  env = await startTestApp();
  w = await smallWorld(env.database.db);
});
afterAll(() => env.close());

const db = () => env.database.db;
const as = (user: string) => loginAs(env.app, user);

interface Read {
  /** The raw text, NFC, whitespace runs collapsed to one space. */
  text: string;
  html: string;
}

/** Opens a DOCX with mammoth both ways; fails on any reader error. */
async function readDocx(buffer: Buffer): Promise<Read> {
  expect(buffer.subarray(0, 2).toString('latin1')).toBe('PK');
  const raw = await mammoth.extractRawText({ buffer });
  const html = await mammoth.convertToHtml({ buffer });
  for (const m of [...raw.messages, ...html.messages]) expect(m.type, m.message).not.toBe('error');
  expect(raw.value.trim().length).toBeGreaterThan(100);
  expect(html.value).toContain('<p');
  // A table's header is its first row only: a data row marked as a header would repeat on every page.
  for (const head of html.value.match(/<thead>.*?<\/thead>/g) ?? []) expect(head.match(/<tr>/g), head.slice(0, 300)).toHaveLength(1);
  return { text: raw.value.normalize('NFC').replace(/\s+/g, ' '), html: html.value.normalize('NFC') };
}

/** Each part is present and after the one before it. */
function expectInOrder(text: string, parts: string[]): void {
  let from = 0;
  for (const part of parts) {
    const at = text.indexOf(part.normalize('NFC'), from);
    expect(at, `"${part}" after position ${from}`).toBeGreaterThanOrEqual(0);
    from = at + part.length;
  }
}

describe('DOCX documents open in a real reader (mammoth)', () => {
  it('a signed decision with an annex of 12 lines', async () => {
    const officer = await as('huyen.tdkt');
    const names = ['Nguyễn Thị Hường', 'Trần Văn Đức', 'Lê Thị Ngọc Ánh', 'Phạm Quỳnh Hương', 'Huỳnh Tấn Lộc', 'Võ Minh Triết', 'Đặng Thị Thu Hà', 'Bùi Quang Vinh', 'Đỗ Thị Yến', 'Hồ Văn Ẩn', 'Ngô Thị Mỹ Duyên', 'Dương Văn Ổn'];
    const nominees = [];
    for (const name of names) nominees.push({ personId: await createPerson(db(), w.orgs.cdcsA, { fullName: name }), unit: w.orgs.cdcsA, name, awardCode: 'LDTT' });
    const ids = await insertToCouncil(db(), w.orgs.huyen, nominees, 2026);
    await db().execute(sql`update nomination set status = 'COUNCIL_PASSED' where id = any(${sql.param(ids)}::bigint[])`);
    const created = await officer.post('/api/v1/decisions', { orgId: w.orgs.huyen.id, nominationIds: ids });
    expect(created.statusCode, created.body).toBe(201);
    const draft = created.json<DecisionDto>();
    const signed = await officer.post(`/api/v1/decisions/${draft.id}/sign`, { version: draft.version, signedOn: '2026-03-02', overBudgetConfirmed: true });
    expect(signed.statusCode, signed.body).toBe(200);
    expect(signed.json<DecisionDto>().numberText).toBe('01/QĐ-LĐLĐ');

    const res = await officer.request({ method: 'GET', url: `/api/v1/decisions/${draft.id}/document.docx` });
    expect(res.statusCode, res.body).toBe(200);
    const { text, html } = await readDocx(res.rawPayload);
    // The header table reads left cell (issuer, number) before right cell (national motto).
    expectInOrder(text, ['LIÊN ĐOÀN LAO ĐỘNG HUYỆN DMC', 'Số: 01/QĐ-LĐLĐ', 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc', 'DMC, ngày 02 tháng 3 năm 2026', 'QUYẾT ĐỊNH', 'Căn cứ Luật Thi đua, khen thưởng', 'Điều 1', 'Điều 2', 'Điều 3', 'DANH SÁCH', 'CÁ NHÂN, TẬP THỂ ĐƯỢC KHEN THƯỞNG', '(Kèm theo Quyết định số 01/QĐ-LĐLĐ', ...names]);
    expect(html).toContain('<table');
    // The annex is a real table: one header row, then each name in a data cell (not a repeated header row).
    for (const name of names) expect(html).toContain(`<td><p>${name}</p></td>`);
  });

  it('both council minutes: the meeting minutes and the vote-count minutes', async () => {
    const vote = minutesVote({ ballotsRoot: `${'0001'}${'b'.repeat(60)}` });
    const item = (position: number, subjectName: string, over: Partial<MinutesItem> = {}): MinutesItem => ({
      position, subjectName, unitName: 'Trường THCS Lê Lợi', awardName: 'Lao động tiên tiến', method: 'SECRET_ONLINE', vote, notVotedReason: null, feedback: [], ...over,
    });
    const data: MeetingMinutesData = {
      ...minutesMeeting(),
      items: [
        item(1, 'Trần Thị Ngọc Ánh', { feedback: [{ authorName: 'Nguyễn Văn Tư', content: 'Đề nghị làm rõ số sáng kiến.', handling: 'Đã xác minh, có 02 sáng kiến được công nhận' }] }),
        item(2, 'Phan Thanh Bình', { awardName: 'Chiến sĩ thi đua cơ sở', method: 'SECRET_PAPER', vote: { ...vote, yes: 5, no: 2, perMille: 714, result: 'FAILED', explanation: '5/7 = 71,4 % < 90 %: không đạt' } }),
        item(3, 'Lý Thị Mai', { vote: null, notVotedReason: 'Đơn vị đề nghị rút hồ sơ.' }),
      ],
      notes: 'Đồng chí Nguyễn Thành Công đề nghị sớm công khai kết quả.',
      tallyHead: 'a3f1c9e07b2d4e6f8a1b3c5d7e9f0a2b4c6d8e0f1a3b5c7d9e1f3a5b7c9d1e3f5',
    };

    const meeting = await readDocx(await meetingMinutesDocx(data));
    expectInOrder(meeting.text, ['LIÊN ĐOÀN LAO ĐỘNG TỈNH TÂY NINH', 'LĐLĐ HUYỆN DƯƠNG MINH CHÂU', 'Số: 05/BB-HĐTĐKT', 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Dương Minh Châu, ngày 05 tháng 12 năm 2024', 'BIÊN BẢN HỌP', 'Xét đề nghị khen thưởng tổng kết năm 2024', 'Đặng Thị Thu Hà', 'Lê Văn Cường', 'Trần Thị Ngọc Ánh', 'Phan Thanh Bình', '5/7 = 71,4 % < 90 %: không đạt', 'Lý Thị Mai', 'Võ Minh Triết']);
    expect(meeting.text).toContain('Đi công tác tại tỉnh');
    expect(meeting.text).toContain('Đã xác minh, có 02 sáng kiến được công nhận');

    const count = await readDocx(await countMinutesDocx(data));
    expectInOrder(count.text, ['CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'BIÊN BẢN KIỂM PHIẾU', 'Lê Hoàng Phúc', 'Trần Thị Ngọc Ánh', 'Phan Thanh Bình', 'Lý Thị Mai']);
    expect(count.text).toContain('Huỳnh Tấn Lộc');
    expect(count.html).toContain('<table');
  });

  it('an issued plan', async () => {
    const c = await as('huyen.tdkt');
    const created = await c.post('/api/v1/plans', {
      orgId: w.orgs.huyen.id,
      year: 2024,
      title: 'Kế hoạch thực hiện phong trào thi đua “Lao động giỏi, lao động sáng tạo” năm 2024',
      theme: 'Điều hành linh hoạt, chủ động kịp thời, kỷ cương trách nhiệm, tăng tốc sáng tạo, hiệu quả bền vững',
      place: 'Huyện DMC',
      intro: 'Ban Thường vụ Liên đoàn Lao động huyện xây dựng kế hoạch với các nội dung cụ thể như sau:',
      basis: [{ text: 'Thực hiện Kế hoạch số 47/KH-LĐLĐ, ngày 28/02/2024 của Ban Thường vụ Liên đoàn Lao động tỉnh;' }],
      blocks: [
        { kind: 'HEADING_1', text: 'I. MỤC ĐÍCH, YÊU CẦU' },
        { kind: 'HEADING_2', text: '1. Mục đích' },
        { kind: 'BULLET', text: 'Phát động và triển khai các phong trào thi đua yêu nước.' },
        { kind: 'HEADING_1', text: 'II. CHỦ ĐỀ THI ĐUA' },
        { kind: 'QUOTE', text: '“Điều hành linh hoạt, chủ động kịp thời”' },
      ],
      signer: { onBehalf: 'TM. BAN THƯỜNG VỤ', position: 'PHÓ CHỦ TỊCH', name: 'Nguyễn Văn Bình' },
      recipients: [{ orgId: w.orgs.tinh.id, text: 'TT LĐLĐ tỉnh' }, { text: 'Lưu: VP' }],
    });
    expect(created.statusCode, created.body).toBe(200);
    const p = created.json<PlanDto>();
    const issued = await c.post(`/api/v1/plans/${p.id}/issue`, { version: p.version, issuedOn: '2024-02-05' });
    expect(issued.statusCode, issued.body).toBe(200);
    const res = await c.get(`/api/v1/plans/${p.id}/document.docx`);
    expect(res.statusCode, res.body).toBe(200);
    const { text } = await readDocx(res.rawPayload);
    expectInOrder(text, [
      'LIÊN ĐOÀN LAO ĐỘNG HUYỆN DMC',
      `Số: ${String(issued.json<PlanDto>().number).padStart(2, '0')}/KH-LĐLĐ`,
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Huyện DMC, ngày 05 tháng 02 năm 2024',
      'KẾ HOẠCH',
      'Thực hiện Kế hoạch số 47/KH-LĐLĐ',
      'I. MỤC ĐÍCH, YÊU CẦU',
      '1. Mục đích',
      'Phát động và triển khai các phong trào thi đua yêu nước.',
      'II. CHỦ ĐỀ THI ĐUA',
      '“Điều hành linh hoạt, chủ động kịp thời”',
      'TM. BAN THƯỜNG VỤ',
      'Nguyễn Văn Bình',
    ]);
    expect(text).not.toContain('DỰ THẢO');
  });

  it('the annual summary report', async () => {
    const c = await as('huyen.tdkt');
    const res = await c.post('/api/v1/reports/annual-summary.docx', {
      orgId: w.orgs.huyen.id,
      year: 2026,
      narrative: { assessment: 'Đánh giá chung: phong trào thi đua được triển khai sâu rộng.'.normalize('NFD'), shortcomings: 'Tỷ lệ khen thưởng công nhân còn thấp.' },
      signer: { name: 'Nguyễn Văn Bình' },
    });
    expect(res.statusCode, res.body).toBe(200);
    const { text, html } = await readDocx(res.rawPayload);
    expectInOrder(text, [
      'LIÊN ĐOÀN LAO ĐỘNG HUYỆN DMC',
      'Số: /BC-LĐLĐ',
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'BÁO CÁO',
      'Tổng kết công tác thi đua, khen thưởng năm 2026',
      'Danh hiệu, hình thức khen thưởng',
      'Đánh giá chung: phong trào thi đua được triển khai sâu rộng.',
      'Tỷ lệ khen thưởng công nhân còn thấp.',
      'Nguyễn Văn Bình',
    ]);
    expect(html).toContain('<table');
    // The two charts come through as images.
    expect(html.match(/<img /g) ?? []).toHaveLength(2);
  });
});
