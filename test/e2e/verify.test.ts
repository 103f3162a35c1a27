// Browser end-to-end for certificate verification: a decision signed through the API prints its
// certificates; the QR code's page /verify/<serial> opens without login on a phone, shows only the
// name, award, decision and issuer, passes axe, and says "revoked" once the line is revoked.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Browser } from 'playwright-core';
import { launchChromium } from '../support/browser';
import { axeViolations } from '../support/axe';
import { startTestApp, type TestEnv } from '../support/app';
import { loginAs, smallWorld } from '../factories';
import { insertToCouncil } from '../support/councils';
import type { DecisionDto } from '../../src/contracts/decisions';

let env: TestEnv;
let browser: Browser;
let base: string;
let decision: DecisionDto;

beforeAll(async () => {
  env = await startTestApp({ serveWeb: true });
  const w = await smallWorld(env.database.db);
  const ids = await insertToCouncil(env.database.db, w.orgs.huyen, [{ personId: w.persons.anh, unit: w.orgs.cdcsA, name: 'Nguyễn Thị Ánh', awardCode: 'LDTT' }], 2026);
  await env.database.db.execute(sql`update nomination set status = 'COUNCIL_PASSED' where id = any(${sql.param(ids)}::bigint[])`);
  const officer = await loginAs(env.app, 'huyen.tdkt');
  const draft = (await officer.post('/api/v1/decisions', { orgId: w.orgs.huyen.id, nominationIds: ids })).json<DecisionDto>();
  const signed = await officer.post(`/api/v1/decisions/${draft.id}/sign`, { version: draft.version, signedOn: '2026-11-20', signerName: 'Nguyễn Thị Thúy' });
  expect(signed.statusCode, signed.body).toBe(200);
  decision = signed.json<DecisionDto>();
  base = await env.app.listen({ port: 0, host: '127.0.0.1' });
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await env?.close();
});

describe('/verify/<serial>', () => {
  it('shows a valid certificate to anyone, on a phone, accessibly; then shows it revoked', async () => {
    const serial = decision.items[0]!.certificateSerial!;
    expect(serial).toMatch(/^DMC-2026-\d{6}$/);
    const context = await browser.newContext({ locale: 'vi-VN', viewport: { width: 360, height: 740 } });
    try {
      const page = await context.newPage();
      await page.goto(`${base}/verify/${serial}`);
      const result = page.getByTestId('verify-result');
      await result.waitFor();
      expect(await result.getAttribute('data-status')).toBe('VALID');
      const text = await result.innerText();
      for (const part of ['Hợp lệ', 'Nguyễn Thị Ánh', 'Lao động tiên tiến', `Số ${decision.numberText} ngày 20/11/2026`, 'Liên đoàn Lao động huyện DMC']) expect(text).toContain(part);
      expect(text).not.toMatch(/\d{12}/); // no CCCD or other personal number
      expect(await axeViolations(page)).toEqual([]);
      expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);

      const officer = await loginAs(env.app, 'huyen.tdkt');
      const revoked = await officer.post(`/api/v1/decisions/${decision.id}/revoke`, { reason: 'Thành tích kê khai không trung thực.', revokingDecision: 'Quyết định số 09/QĐ-LĐLĐ ngày 25/11/2026', revokedOn: '2026-11-25' });
      expect(revoked.statusCode, revoked.body).toBe(200);
      await page.reload();
      await page.getByTestId('verify-result').waitFor();
      expect(await page.getByTestId('verify-result').getAttribute('data-status')).toBe('REVOKED');
      expect(await page.getByTestId('verify-result').innerText()).toContain('Đã bị thu hồi ngày 25/11/2026');

      await page.goto(`${base}/verify/DMC-2026-999999`);
      await page.getByTestId('verify-result').waitFor();
      expect(await page.getByTestId('verify-result').getAttribute('data-status')).toBe('NOT_FOUND');
      expect(await axeViolations(page)).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
