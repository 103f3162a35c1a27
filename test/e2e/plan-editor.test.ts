// Browser end-to-end for the plan editor (/ke-hoach/moi, /ke-hoach/:id/sua): a district officer pastes
// the seed plan copied out of Word, renames a heading, adds a bullet, saves, reads the plan in the
// document view and downloads its PDF; a stale save shows the server's Vietnamese message; leaving
// with unsaved changes asks first and the autosaved local draft can be restored; the editor fits 360 px.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type Browser, type BrowserContext, type Page } from 'playwright-core';
import { launchChromium, logIn } from '../support/browser';
import { startTestApp, type TestEnv } from '../support/app';
import { loginAs, smallWorld, type Client } from '../factories';
import type { PlanDto } from '../../src/contracts/plans';
import { parsePlanText } from '../../src/domain/plans/parse-plan-text';

const SEED = fs.readFileSync(path.resolve(import.meta.dirname, '../../src/server/seed/data/ke-hoach-thi-dua-2024-ldld-huyen.txt'), 'utf8');
const TITLE = 'Thực hiện phong trào thi đua triển khai công tác thi đua, khen thưởng năm 2024';

let env: TestEnv;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let base: string;
let officer: Client;
let planId: number;
let w: Awaited<ReturnType<typeof smallWorld>>;

async function signIn(p: Page, username: string) {
  await logIn(p, base, username);
}

beforeAll(async () => {
  env = await startTestApp({ serveWeb: true });
  w = await smallWorld(env.database.db);
  officer = await loginAs(env.app, 'huyen.tdkt');
  base = await env.app.listen({ port: 0, host: '127.0.0.1' });
  browser = await launchChromium();
  context = await browser.newContext({ acceptDownloads: true, locale: 'vi-VN', viewport: { width: 1400, height: 900 } });
  page = await context.newPage();
});

afterEach(async (ctx) => {
  if (ctx.task.result?.state === 'fail' && page) await page.screenshot({ path: path.join(os.tmpdir(), `vd-e2e-${ctx.task.name.slice(0, 30).replace(/\W+/g, '-')}.png`), fullPage: true });
});

afterAll(async () => {
  await browser?.close();
  await env?.close();
});

describe('soạn kế hoạch', () => {
  it('creates a plan by pasting the seed text, editing a heading and adding a bullet; reads it and downloads the PDF', async () => {
    await signIn(page, 'huyen.tdkt');
    await page.goto(`${base}/ke-hoach`);
    await page.getByTestId('plan-create').click();
    await page.waitForURL((u) => u.pathname === '/ke-hoach/moi');
    expect(await page.getByTestId('plan-org').inputValue()).toBe('Liên đoàn Lao động huyện DMC');

    // "Dán văn bản": the plan copied out of Word fills the form.
    await page.getByTestId('plan-paste').click();
    await page.getByTestId('plan-paste-text').fill(SEED);
    await page.getByTestId('plan-paste-apply').click();
    await expect.poll(() => page.getByTestId('plan-title').inputValue()).toBe(TITLE);
    expect(await page.getByTestId('plan-place').inputValue()).toBe('Huyện DMC');
    expect(await page.getByTestId('plan-year-field').inputValue()).toBe('2024');
    expect(await page.getByTestId('plan-theme').inputValue()).toMatch(/^Điều hành linh hoạt/);
    expect(await page.getByTestId('plan-signer-onbehalf').inputValue()).toBe('TM. BAN THƯỜNG VỤ');
    expect(await page.getByTestId('plan-recipient-row').count()).toBe(5);
    const blocks = page.getByTestId('plan-block');
    const pastedCount = await blocks.count();
    expect(pastedCount).toBe(parsePlanText(SEED).blocks.length);
    expect(pastedCount).toBeGreaterThan(70);
    // Headings are edited without their number; the number is shown beside them and in the preview.
    const firstHeading = page.locator('[data-testid="plan-block"][data-kind="HEADING_1"]').first();
    expect(await firstHeading.getByTestId('plan-block-number').textContent()).toBe('I.');
    expect(await firstHeading.getByTestId('plan-block-text').inputValue()).toBe('MỤC ĐÍCH, YÊU CẦU');
    await firstHeading.getByTestId('plan-block-text').fill('MỤC ĐÍCH VÀ YÊU CẦU');
    const preview = page.getByTestId('plan-preview');
    await expect.poll(() => preview.locator('[data-kind="HEADING_1"]').first().textContent()).toBe('I. MỤC ĐÍCH VÀ YÊU CẦU');

    // A new bullet at the end.
    await page.getByTestId('plan-block-add').click();
    await expect.poll(() => blocks.count()).toBe(pastedCount + 1);
    const added = blocks.last();
    await added.getByTestId('plan-block-kind').selectOption({ label: 'Gạch đầu dòng' });
    await added.getByTestId('plan-block-text').fill('Báo cáo kết quả thực hiện về Ban Thường vụ trước ngày 15/12/2024.');
    expect(await added.getAttribute('data-kind')).toBe('BULLET');

    // A recipient delivered to a unit's inbox: its name becomes the printed line.
    await page.getByTestId('plan-recipient-add').click();
    const unitRow = page.getByTestId('plan-recipient-row').last();
    await unitRow.getByTestId('plan-recipient-kind').click();
    await page.getByRole('option', { name: 'Đơn vị trong Vinh Danh', exact: true }).click();
    const orgInput = unitRow.getByTestId('plan-recipient-org');
    await orgInput.fill('Phước Minh');
    // The list keeps the previous results until the debounced search answers: wait until it shows
    // only the unit searched for, then choose it by keyboard (a click near the bottom of the page
    // could land on the row above while the list settles).
    await expect
      .poll(async () => (await page.getByRole('listbox').getByRole('option').allTextContents()).map((text) => text.includes('Phước Minh')), { timeout: 15_000 })
      .toEqual([true]);
    await orgInput.press('ArrowDown');
    await orgInput.press('Enter');
    await expect.poll(() => unitRow.getByTestId('plan-recipient-text').inputValue()).toBe('Công đoàn cơ sở Trường THCS Phước Minh;');

    // The pasted text has no signer name: saving without it is refused next to the field.
    await page.getByTestId('plan-save').click();
    await page.getByTestId('plan-form-invalid').waitFor();
    expect(await page.locator('[data-testid="plan-signer-name"][aria-invalid="true"]').count()).toBe(1);
    await page.getByTestId('plan-signer-name').fill('Nguyễn Văn Đức');
    await page.getByTestId('plan-save').click();
    await page.waitForURL((u) => /^\/ke-hoach\/\d+$/.test(u.pathname));
    planId = Number(new URL(page.url()).pathname.split('/').pop());

    const doc = page.getByTestId('plan-document');
    await doc.waitFor();
    const headings = await doc.locator('[data-kind="HEADING_1"]').allTextContents();
    expect(headings).toEqual(['I. MỤC ĐÍCH VÀ YÊU CẦU', 'II. CHỦ ĐỀ THI ĐUA', 'III. NỘI DUNG THI ĐUA', 'IV. GIẢI PHÁP THỰC HIỆN', 'V. TỔ CHỨC THỰC HIỆN']);
    expect(await doc.locator('[data-kind="BULLET"]').last().textContent()).toBe('- Báo cáo kết quả thực hiện về Ban Thường vụ trước ngày 15/12/2024.');
    expect(await doc.getByTestId('plan-signer').textContent()).toContain('Nguyễn Văn Đức');
    expect(await doc.getByTestId('plan-recipients').textContent()).toContain('Lưu: VP.');
    // Saved as the server keeps it: numbered headings, recipient kinds guessed from the text.
    const saved = (await officer.get(`/api/v1/plans/${planId}`)).json<PlanDto>();
    expect(saved.blocks[0]).toEqual({ kind: 'HEADING_1', text: 'I. MỤC ĐÍCH VÀ YÊU CẦU' });
    expect(saved.recipients.map((r) => r.kind)).toEqual(['OTHER', 'OTHER', 'SUBORDINATES', 'WEBSITE', 'ARCHIVE', 'ORG']);
    expect(saved.recipients[5]).toEqual({ kind: 'ORG', orgId: w.orgs.cdcsA.id, text: 'Công đoàn cơ sở Trường THCS Phước Minh;' });
    expect(saved.theme).toBe('Điều hành linh hoạt, chủ động kịp thời, kỷ cương trách nhiệm, tăng tốc sáng tạo, hiệu quả bền vững');

    // The PDF next to the Word file.
    const href = await page.getByTestId('plan-download-pdf').getAttribute('href');
    expect(href).toBe(`/api/v1/plans/${planId}/document.pdf`);
    const answer = await page.evaluate(async (url) => {
      const res = await fetch(url);
      const bytes = new Uint8Array(await res.arrayBuffer());
      return { status: res.status, type: res.headers.get('content-type') ?? '', magic: String.fromCharCode(...bytes.slice(0, 5)), size: bytes.byteLength };
    }, href!);
    expect(answer).toMatchObject({ status: 200, type: 'application/pdf', magic: '%PDF-' });
    expect(answer.size).toBeGreaterThan(20_000);
    // No local draft is left once saved.
    expect(await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('vinhdanh.planDraft')))).toEqual([]);
  });

  it('shows the server’s message for a stale version, asks before leaving unsaved work and restores the local draft', async () => {
    await page.goto(`${base}/ke-hoach/${planId}`);
    await page.getByTestId('plan-document').waitFor();
    await page.getByTestId('plan-edit').click();
    await page.waitForURL((u) => u.pathname === `/ke-hoach/${planId}/sua`);
    await page.getByTestId('plan-title').fill('Kế hoạch sửa trong trình duyệt');
    // Meanwhile a colleague saves the same plan.
    const current = (await officer.get(`/api/v1/plans/${planId}`)).json<PlanDto>();
    const { version, theme, place, intro, basis, blocks, signer, recipients } = current;
    const colleague = { version, title: 'Kế hoạch do đồng nghiệp sửa', theme, place, intro, basis, blocks, signer, recipients };
    expect((await officer.patch(`/api/v1/plans/${planId}`, colleague)).statusCode).toBe(200);
    await page.getByTestId('plan-save').click();
    await expect.poll(() => page.getByRole('alert').filter({ hasText: 'vừa được người khác sửa' }).count()).toBe(1);
    expect(new URL(page.url()).pathname).toBe(`/ke-hoach/${planId}/sua`);
    expect((await officer.get(`/api/v1/plans/${planId}`)).json<PlanDto>().title).toBe('Kế hoạch do đồng nghiệp sửa');

    // The edit is kept as a local draft.
    await expect.poll(() => page.getByTestId('plan-autosave').textContent()).toMatch(/tự động lưu/);
    // Leaving asks first; "Ở lại" keeps the page and the edit.
    await page.getByRole('link', { name: 'Hủy' }).click();
    await page.getByTestId('plan-leave-stay').click();
    expect(new URL(page.url()).pathname).toBe(`/ke-hoach/${planId}/sua`);
    expect(await page.getByTestId('plan-title').inputValue()).toBe('Kế hoạch sửa trong trình duyệt');

    // After a reload the page starts from the server's plan and offers the draft back.
    page.once('dialog', (d) => void d.accept());
    await page.reload();
    await page.getByTestId('plan-restore').waitFor();
    expect(await page.getByTestId('plan-title').inputValue()).toBe('Kế hoạch do đồng nghiệp sửa');
    // The draft was written on the colleague's version's predecessor: restoring it is flagged.
    expect(await page.getByTestId('plan-restore-stale').textContent()).toMatch(/đã được sửa trên máy chủ/);
    await page.getByTestId('plan-restore-apply').click();
    expect(await page.getByTestId('plan-title').inputValue()).toBe('Kế hoạch sửa trong trình duyệt');
    await page.getByTestId('plan-save').click();
    await page.waitForURL((u) => u.pathname === `/ke-hoach/${planId}`);
    expect((await officer.get(`/api/v1/plans/${planId}`)).json<PlanDto>().title).toBe('Kế hoạch sửa trong trình duyệt');
  });

  it('fits a 360 px phone, with the preview below the form; a viewer gets no "Tạo kế hoạch" nor "Sửa"', async () => {
    const phone = await browser.newContext({ locale: 'vi-VN', viewport: { width: 360, height: 740 } });
    try {
      const p = await phone.newPage();
      await signIn(p, 'huyen.tdkt');
      await p.goto(`${base}/ke-hoach/moi`);
      await p.getByTestId('plan-editor').waitFor();
      const form = await p.getByTestId('plan-editor').boundingBox();
      const preview = await p.getByTestId('plan-preview').boundingBox();
      expect(preview!.y).toBeGreaterThan(form!.y + form!.height - 1);
      expect(await p.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);

      const viewer = await phone.newPage();
      await phone.clearCookies();
      await signIn(viewer, 'xem');
      await viewer.goto(`${base}/ke-hoach/${planId}`);
      await viewer.getByTestId('plan-document').waitFor();
      expect(await viewer.getByTestId('plan-edit').count()).toBe(0);
      expect(await viewer.getByTestId('plan-download-pdf').count()).toBe(1);
      await viewer.goto(`${base}/ke-hoach`);
      await viewer.getByTestId('plan-row').first().waitFor();
      expect(await viewer.getByTestId('plan-create').count()).toBe(0);
    } finally {
      await phone.close();
    }
  });

  it('links a basis to an issued plan of the superior unit, with its number and date in the text', async () => {
    const admin = await loginAs(env.app, 'admin');
    const province = await admin.post('/api/v1/plans', {
      orgId: w.orgs.tinh.id,
      year: 2024,
      title: 'Phát động phong trào thi đua, triển khai công tác thi đua, khen thưởng năm 2024',
      place: 'Tây Ninh',
      blocks: [{ kind: 'HEADING_1', text: 'I. MỤC ĐÍCH, YÊU CẦU' }],
      signer: { onBehalf: 'TM. BAN THƯỜNG VỤ', position: 'CHỦ TỊCH', name: 'Lê Văn Tỉnh' },
    });
    expect(province.statusCode).toBe(200);
    const p = province.json<PlanDto>();
    expect((await admin.post(`/api/v1/plans/${p.id}/issue`, { version: p.version, issuedOn: '2024-02-28' })).statusCode).toBe(200);

    const adminContext = await browser.newContext({ locale: 'vi-VN', viewport: { width: 1400, height: 900 } });
    try {
      const a = await adminContext.newPage();
      await signIn(a, 'admin');
      await a.goto(`${base}/ke-hoach/${planId}/sua`);
      const row = a.getByTestId('plan-basis-row').first();
      await row.getByTestId('plan-basis-plan').click();
      await a.getByRole('option', { name: /^01\/KH-LĐLĐ – Phát động phong trào thi đua/ }).click();
      await expect
        .poll(() => row.getByTestId('plan-basis-text').inputValue())
        .toBe('Thực hiện Kế hoạch số 01/KH-LĐLĐ, ngày 28/02/2024 của Liên đoàn Lao động tỉnh Tây Ninh về phát động phong trào thi đua, triển khai công tác thi đua, khen thưởng năm 2024;');
      await a.getByTestId('plan-save').click();
      await a.waitForURL((u) => u.pathname === `/ke-hoach/${planId}`);
      const saved = (await officer.get(`/api/v1/plans/${planId}`)).json<PlanDto>();
      expect(saved.basis[0]).toMatchObject({ planId: p.id, text: expect.stringMatching(/^Thực hiện Kế hoạch số 01\/KH-LĐLĐ, ngày 28\/02\/2024/) });
    } finally {
      await adminContext.close();
    }
  });
});
