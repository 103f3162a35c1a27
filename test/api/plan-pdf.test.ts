// GET /plans/:id/document.pdf: the plan as a PDF, readable by whoever may read the plan; another
// district's officer, a grassroots union outside it and an anonymous caller get nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { startTestApp, type TestEnv } from '../support/app';
import { createOrg, createUser, loginAs, smallWorld } from '../factories';
import type { PlanDto } from '../../src/contracts/plans';

let env: TestEnv;
let w: Awaited<ReturnType<typeof smallWorld>>;
let plan: PlanDto;

const TITLE = 'Thực hiện phong trào thi đua triển khai công tác thi đua, khen thưởng năm 2024';

beforeAll(async () => {
  env = await startTestApp();
  w = await smallWorld(env.database.db);
  // A second district of the same province, with its own officer.
  const other = await createOrg(env.database.db, { code: 'TBI', name: 'Liên đoàn Lao động huyện Tân Biên', kind: 'LDLD_HUYEN', parent: w.orgs.tinh });
  await createUser(env.database.db, 'tanbien.tdkt', [{ role: 'TDKT_OFFICER', org: other }]);
  const c = await loginAs(env.app, 'huyen.tdkt');
  const res = await c.post('/api/v1/plans', planInput());
  expect(res.statusCode).toBe(200);
  plan = res.json<PlanDto>();
});
afterAll(() => env.close());

function planInput() {
  return {
    orgId: w.orgs.huyen.id,
    year: 2024,
    title: TITLE,
    theme: null,
    place: 'Huyện DMC',
    intro: 'Ban Thường vụ Liên đoàn Lao động huyện xây dựng kế hoạch với các nội dung cụ thể như sau:',
    basis: [{ text: 'Thực hiện Kế hoạch số 47/KH-LĐLĐ, ngày 28/02/2024 của Ban Thường vụ Liên đoàn Lao động tỉnh;' }],
    blocks: [
      { kind: 'HEADING_1', text: 'I. MỤC ĐÍCH, YÊU CẦU' },
      { kind: 'BULLET', text: 'Phát động và triển khai các phong trào thi đua yêu nước.' },
      { kind: 'HEADING_1', text: 'II. TỔ CHỨC THỰC HIỆN' },
      { kind: 'PARAGRAPH', text: 'Các công đoàn cơ sở xây dựng kế hoạch và tổ chức triển khai thực hiện.' },
    ],
    signer: { onBehalf: 'TM. BAN THƯỜNG VỤ', position: 'PHÓ CHỦ TỊCH', name: 'Nguyễn Văn Bình' },
    recipients: [{ text: 'Các CĐCS;', kind: 'SUBORDINATES' }, { text: 'Lưu: VP.', kind: 'ARCHIVE' }],
  };
}

async function pdfText(buf: Buffer): Promise<{ pages: number; text: string }> {
  const pdf = await getDocument({ data: new Uint8Array(buf), isEvalSupported: false }).promise;
  const parts: string[] = [];
  for (let n = 1; n <= pdf.numPages; n++) {
    const content = await (await pdf.getPage(n)).getTextContent();
    for (const item of content.items) if ('str' in item) parts.push(item.str, item.hasEOL ? ' ' : '');
  }
  const pages = pdf.numPages;
  await pdf.destroy();
  return { pages, text: parts.join('').replace(/\s+/g, ' ') };
}

describe('GET /plans/:id/document.pdf', () => {
  it('answers a PDF of the plan named after it; a draft is marked, an issued plan shows its number', async () => {
    const c = await loginAs(env.app, 'huyen.tdkt');
    const draft = await c.get(`/api/v1/plans/${plan.id}/document.pdf`);
    expect(draft.statusCode).toBe(200);
    expect(draft.headers['content-type']).toBe('application/pdf');
    expect(draft.headers['content-disposition']).toBe(`attachment; filename="ke-hoach-du-thao-${plan.id}.pdf"`);
    expect(draft.rawPayload.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const d = await pdfText(draft.rawPayload);
    expect(d.text).toContain('LIÊN ĐOÀN LAO ĐỘNG HUYỆN DMC');
    expect(d.text).toContain('LIÊN ĐOÀN LAO ĐỘNG TỈNH TÂY NINH');
    expect(d.text).toContain(TITLE);
    expect(d.text).toContain('II. TỔ CHỨC THỰC HIỆN');
    expect(d.text).toContain('Nguyễn Văn Bình');
    expect(d.text).toContain('DỰ THẢO');

    const issued = await c.post(`/api/v1/plans/${plan.id}/issue`, { version: plan.version, issuedOn: '2024-03-05' });
    expect(issued.statusCode).toBe(200);
    const pdf = await c.get(`/api/v1/plans/${plan.id}/document.pdf`);
    expect(pdf.headers['content-disposition']).toBe('attachment; filename="ke-hoach-01-2024.pdf"');
    const i = await pdfText(pdf.rawPayload);
    expect(i.text).toContain('Số: 01/KH-LĐLĐ');
    expect(i.text).toContain('Huyện DMC, ngày 05 tháng 3 năm 2024');
    expect(i.text).not.toContain('DỰ THẢO');
  });

  it('is readable by a viewer of the district', async () => {
    const viewer = await loginAs(env.app, 'xem');
    const res = await viewer.get(`/api/v1/plans/${plan.id}/document.pdf`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
  });

  it('answers 404 to another district’s officer, and to a grassroots union officer for a draft; 404 for a missing plan, 401 without a session', async () => {
    const c = await loginAs(env.app, 'huyen.tdkt');
    const draft = (await c.post('/api/v1/plans', planInput())).json<PlanDto>();
    for (const [user, id] of [['tanbien.tdkt', plan.id], ['cdcs.b', draft.id]] as const) {
      const other = await loginAs(env.app, user);
      const res = await other.get(`/api/v1/plans/${id}/document.pdf`);
      expect(res.statusCode, user).toBe(404);
      expect(res.headers['content-type']).toContain('application/json');
    }
    // The grassroots union reads the plan its district issued.
    expect((await (await loginAs(env.app, 'cdcs.b')).get(`/api/v1/plans/${plan.id}/document.pdf`)).statusCode).toBe(200);
    expect((await c.get('/api/v1/plans/999999/document.pdf')).statusCode).toBe(404);
    expect((await env.app.inject({ method: 'GET', url: `/api/v1/plans/${plan.id}/document.pdf` })).statusCode).toBe(401);
  });
});
