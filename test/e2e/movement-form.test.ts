// Browser end-to-end for "never lose work" on the movement form (/phong-trao/moi, /phong-trao/:id/sua): a
// half-filled form is autosaved on this device and offered back after a reload; leaving with unsaved changes
// asks first (in-app navigation and the browser's beforeunload); saving clears the local draft; a draft of a
// movement changed on the server since is flagged, and can be discarded.
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type Browser, type BrowserContext, type Page } from 'playwright-core';
import { launchChromium, logIn } from '../support/browser';
import { startTestApp, type TestEnv } from '../support/app';
import { loginAs, smallWorld, type Client } from '../factories';
import type { MovementDetailDto } from '../../src/contracts/movements';

const TITLE = 'Thi đua lao động giỏi, lao động sáng tạo năm 2026';
const NEW_KEY = 'vinhdanh.movementDraft.new';

let env: TestEnv;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let base: string;
let officer: Client;
let movementId: number;

const draftKeys = (p: Page) => p.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('vinhdanh.movementDraft')).sort());

beforeAll(async () => {
  env = await startTestApp({ serveWeb: true });
  await smallWorld(env.database.db);
  officer = await loginAs(env.app, 'huyen.tdkt');
  base = await env.app.listen({ port: 0, host: '127.0.0.1' });
  browser = await launchChromium();
  context = await browser.newContext({ locale: 'vi-VN', viewport: { width: 1280, height: 900 } });
  page = await context.newPage();
});

afterEach(async (ctx) => {
  if (ctx.task.result?.state === 'fail' && page) await page.screenshot({ path: path.join(os.tmpdir(), `vd-e2e-${ctx.task.name.slice(0, 30).replace(/\W+/g, '-')}.png`), fullPage: true });
});

afterAll(async () => {
  await browser?.close();
  await env?.close();
});

describe('biểu mẫu phong trào không mất dữ liệu', () => {
  it('autosaves a half-filled new movement, asks before leaving, offers it back after a reload; saving clears it', async () => {
    await logIn(page, base, 'huyen.tdkt');
    await page.goto(`${base}/phong-trao/moi`);
    await page.getByTestId('movement-form').waitFor();
    // Nothing changed yet: nothing stored, nothing asked.
    expect(await page.getByTestId('movement-autosave').textContent()).toBe('');
    expect(await draftKeys(page)).toEqual([]);

    await page.getByTestId('movement-title').fill(TITLE);
    await page.getByTestId('movement-criterion-text').fill('Sáng kiến được công nhận');
    await expect.poll(() => page.getByTestId('movement-autosave').textContent()).toMatch(/tự động lưu/);
    const stored = await page.evaluate((k) => JSON.parse(localStorage.getItem(k) ?? 'null') as { version: number | null; form: { title: string } } | null, NEW_KEY);
    expect(stored).toMatchObject({ version: null, form: { title: TITLE } });

    // An in-app link asks first; "Ở lại" keeps the page and the edits.
    await page.getByRole('link', { name: 'Danh sách phong trào' }).click();
    await page.getByTestId('movement-leave-dialog').getByTestId('movement-leave-stay').waitFor();
    await page.getByTestId('movement-leave-stay').click();
    expect(new URL(page.url()).pathname).toBe('/phong-trao/moi');
    expect(await page.getByTestId('movement-title').inputValue()).toBe(TITLE);

    // Reloading lets the browser ask (beforeunload); the page starts empty and offers the draft back.
    const asked: string[] = [];
    page.once('dialog', (d) => {
      asked.push(d.type());
      void d.accept();
    });
    await page.reload();
    await page.getByTestId('movement-restore').waitFor();
    expect(asked).toEqual(['beforeunload']);
    expect(await page.getByTestId('movement-title').inputValue()).toBe('');
    expect(await page.getByTestId('movement-restore-stale').count()).toBe(0);
    await page.getByTestId('movement-restore-apply').click();
    expect(await page.getByTestId('movement-restore').count()).toBe(0);
    expect(await page.getByTestId('movement-title').inputValue()).toBe(TITLE);
    expect(await page.getByTestId('movement-criterion-text').inputValue()).toBe('Sáng kiến được công nhận');

    // Finishing and saving goes to the movement without asking, and leaves no local draft.
    await page.getByTestId('movement-criterion-measure').fill('Số sáng kiến mỗi CĐCS');
    await page.getByTestId('movement-criterion-target').fill('≥ 1');
    await page.getByTestId('movement-save').click();
    await page.waitForURL((u) => /^\/phong-trao\/\d+$/.test(u.pathname));
    movementId = Number(new URL(page.url()).pathname.split('/').pop());
    await page.getByTestId('movement-stepper').waitFor();
    expect(await page.getByTestId('movement-leave-dialog').count()).toBe(0);
    const saved = (await officer.get(`/api/v1/movements/${movementId}`)).json<MovementDetailDto>();
    expect(saved).toMatchObject({ title: TITLE, criteria: [{ text: 'Sáng kiến được công nhận', measure: 'Số sáng kiến mỗi CĐCS', target: '≥ 1' }] });
    expect(await draftKeys(page)).toEqual([]);
  });

  it('keeps an edit left through "Rời trang" as a draft, flags it when the movement changed on the server, and discards it on request', async () => {
    const key = `vinhdanh.movementDraft.${movementId}`;
    await page.goto(`${base}/phong-trao/${movementId}/sua`);
    await page.getByTestId('movement-form').waitFor();
    expect(await page.getByTestId('movement-restore').count()).toBe(0);
    // An untouched form leaves without asking.
    await page.getByRole('link', { name: 'Về phong trào' }).click();
    await page.waitForURL((u) => u.pathname === `/phong-trao/${movementId}`);
    expect(await draftKeys(page)).toEqual([]);

    await page.goto(`${base}/phong-trao/${movementId}/sua`);
    await page.getByTestId('movement-title').fill('Phong trào sửa trong trình duyệt');
    // Leaving at once (within the autosave pause) asks; "Rời trang" goes, and the edit is kept on this device.
    await page.getByRole('link', { name: 'Về phong trào' }).click();
    await page.getByTestId('movement-leave-confirm').click();
    await page.waitForURL((u) => u.pathname === `/phong-trao/${movementId}`);
    expect(await draftKeys(page)).toEqual([key]);
    expect((await officer.get(`/api/v1/movements/${movementId}`)).json<MovementDetailDto>().title).toBe(TITLE);

    // Meanwhile a colleague saves the movement.
    const m = (await officer.get(`/api/v1/movements/${movementId}`)).json<MovementDetailDto>();
    const { version, year, kind, slogan, content, participants, startsOn, endsOn, criteria, planId } = m;
    const colleague = { version, year, kind, title: 'Phong trào do đồng nghiệp sửa', slogan, content, participants, startsOn, endsOn, criteria, offeredAwards: m.offeredAwards.map((a) => a.code), planId };
    expect((await officer.patch(`/api/v1/movements/${movementId}`, colleague)).statusCode).toBe(200);

    // Back on the form: it shows the server's copy and offers the draft, flagged as written on an older version.
    await page.goto(`${base}/phong-trao/${movementId}/sua`);
    await page.getByTestId('movement-restore').waitFor();
    expect(await page.getByTestId('movement-title').inputValue()).toBe('Phong trào do đồng nghiệp sửa');
    expect(await page.getByTestId('movement-restore-stale').textContent()).toMatch(/đã được sửa trên máy chủ/);
    // "Bỏ bản nháp" drops it: nothing offered after a reload, nothing asked when leaving.
    await page.getByTestId('movement-restore-discard').click();
    expect(await page.getByTestId('movement-restore').count()).toBe(0);
    expect(await draftKeys(page)).toEqual([]);
    await page.reload();
    await page.getByTestId('movement-form').waitFor();
    expect(await page.getByTestId('movement-restore').count()).toBe(0);
    await page.getByRole('link', { name: 'Về phong trào' }).click();
    await page.waitForURL((u) => u.pathname === `/phong-trao/${movementId}`);
  });

  it('restores an edit into the loaded movement and saves it at the loaded version', async () => {
    await page.goto(`${base}/phong-trao/${movementId}/sua`);
    await page.getByTestId('movement-slogan').fill('Đoàn kết, sáng tạo');
    await expect.poll(() => page.getByTestId('movement-autosave').textContent()).toMatch(/tự động lưu/);
    page.once('dialog', (d) => void d.accept());
    await page.reload();
    await page.getByTestId('movement-restore').waitFor();
    // Written on the version loaded now: not flagged.
    expect(await page.getByTestId('movement-restore-stale').count()).toBe(0);
    await page.getByTestId('movement-restore-apply').click();
    expect(await page.getByTestId('movement-slogan').inputValue()).toBe('Đoàn kết, sáng tạo');
    await page.getByTestId('movement-save').click();
    await page.waitForURL((u) => u.pathname === `/phong-trao/${movementId}`);
    expect((await officer.get(`/api/v1/movements/${movementId}`)).json<MovementDetailDto>()).toMatchObject({ title: 'Phong trào do đồng nghiệp sửa', slogan: 'Đoàn kết, sáng tạo' });
    expect(await draftKeys(page)).toEqual([]);
  });
});
