// Statistical forms (issue 10, part 2): the built-ins are there for every reader; an officer copies
// one to the district, edits it (version check → 409), retires it with a reason (never deleted), all
// audited; a layout with errors answers 400 per field in Vietnamese; the rendered .xlsx read back
// carries, in every cell, the figure computed here from the records this file inserts; readers out
// of scope get 404, users without a reading role 403, readers who do not manage 403.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { startTestApp, type TestEnv } from '../support/app';
import { createOrg, createPerson, createUser, loginAs, smallWorld, type OrgRef } from '../factories';
import { auditEvents } from '../support/achievements';
import { DASHBOARD_DEFAULT_TARGETS, SHARE_KEYS } from '../../src/contracts/dashboard';
import { AWARD_LEVELS } from '../../src/contracts/enums';
import type { PreviewDto, ReportTemplateDto, ReportTemplateListDto } from '../../src/contracts/report-templates';
import { t } from '../../src/contracts/messages';

const Y = 2025;
let env: TestEnv;
let w: Awaited<ReturnType<typeof smallWorld>>;
let other: OrgRef;

interface P { id: number; gender: 'MALE' | 'FEMALE'; isLeader: boolean; isDirectWorker: boolean }
interface Rec { personId: number | null; org: OrgRef | null; scopePath: string; code: string; year: number; status: 'ACTIVE' | 'REVOKED' }
const people = new Map<number, P>();
const records: Rec[] = [];
let catalogue: { code: string; name_vi: string; level: string; category: string; sort_order: number }[];
const SMALL_KINDS = new Set(['TO_CD']); // org_kind rank ≥ 50 (migration 0021)
const kindOf = new Map<number, string>();

beforeAll(async () => {
  env = await startTestApp();
  const db = env.database.db;
  w = await smallWorld(db);
  other = await createOrg(db, { code: 'TBI', name: 'Liên đoàn Lao động huyện Tân Biên', kind: 'LDLD_HUYEN', parent: w.orgs.tinh });
  const otherCdcs = await createOrg(db, { code: 'TBI-A', name: 'Công đoàn cơ sở Trường Tiểu học Tân Lập', kind: 'CDCS', parent: other });
  await createUser(db, 'tbi.tdkt', [{ role: 'TDKT_OFFICER', org: other }]);
  await createUser(db, 'cdcs.a.tdkt', [{ role: 'TDKT_OFFICER', org: w.orgs.cdcsA }]);
  for (const [o, k] of [[w.orgs.cdcsA, 'CDCS'], [w.orgs.toA, 'TO_CD'], [w.orgs.cdcsB, 'CDCS'], [otherCdcs, 'CDCS']] as const) kindOf.set(o.id, k);
  const person = async (org: OrgRef, fullName: string, gender: P['gender'], isLeader: boolean, isDirectWorker: boolean) => {
    const id = await createPerson(db, org, { fullName, gender, isLeader, isDirectWorker });
    people.set(id, { id, gender, isLeader, isDirectWorker });
    return { id, org };
  };
  const hoa = await person(w.orgs.cdcsA, 'Lê Thị Hoa', 'FEMALE', false, true);
  const hung = await person(w.orgs.cdcsA, 'Phạm Văn Hùng', 'MALE', true, false);
  const lan = await person(w.orgs.toA, 'Võ Thị Lan', 'FEMALE', false, true);
  const minh = await person(w.orgs.cdcsB, 'Trương Văn Minh', 'MALE', false, true);
  const ngoc = await person(w.orgs.cdcsB, 'Huỳnh Thị Ngọc', 'FEMALE', true, false);
  const quyen = await person(otherCdcs, 'Lý Thị Quyên', 'FEMALE', false, true);
  const ind = (p: { id: number; org: OrgRef }, code: string, year: number, status: Rec['status'] = 'ACTIVE') =>
    records.push({ personId: p.id, org: null, scopePath: p.org.path, code, year, status });
  const col = (org: OrgRef, code: string, year: number, status: Rec['status'] = 'ACTIVE') => records.push({ personId: null, org, scopePath: org.path, code, year, status });
  ind(hoa, 'LDTT', Y); ind(hoa, 'CSTD_CS', Y); ind(hoa, 'LDTT', Y - 1);
  ind(hung, 'LDTT', Y); ind(hung, 'LDTT', Y - 1);
  ind(lan, 'LDTT', Y); ind(lan, 'DVCD_XS', Y);
  ind(minh, 'LDTT', Y - 1); ind(minh, 'LDTT', Y, 'REVOKED');
  ind(ngoc, 'DVCD_XS', Y); ind(ngoc, 'CSTD_CS', Y - 1);
  ind(quyen, 'LDTT', Y);
  col(w.orgs.cdcsA, 'TTLDTT', Y); col(w.orgs.toA, 'TO_CD_VUNG_MANH', Y); col(w.orgs.toA, 'TO_CD_VUNG_MANH', Y - 1); col(w.orgs.cdcsB, 'TTLDTT', Y - 1); col(otherCdcs, 'TTLDTT', Y);
  col(w.orgs.cdcsB, 'CDCS_HTXSNV', Y, 'REVOKED');
  for (const r of records) {
    await db.execute(sql`insert into award_record (person_id, org_id, scope_path, award_code, year, status, revoked_at, revoked_reason)
      values (${r.personId}, ${r.org?.id ?? null}, ${r.scopePath}, ${r.code}, ${r.year}, ${r.status},
              ${r.status === 'REVOKED' ? sql`now()` : sql`null`}, ${r.status === 'REVOKED' ? 'Thu hồi theo quyết định số 12/QĐ-LĐLĐ' : null})`);
  }
  catalogue = (await db.execute<(typeof catalogue)[number]>(sql`select code, name_vi, level, category, sort_order from award_type where active`)).rows;
});
afterAll(() => env.close());

const as = (user: string) => loginAs(env.app, user);
const db = () => env.database.db;

// ── Figures computed here from the fixture ─────────────────────────────────────────────────────────
const counted = (path: string, year: number) => records.filter((r) => r.status === 'ACTIVE' && r.year === year && r.scopePath.startsWith(path));
const pct = (n: number, d: number) => (d === 0 ? null : Math.round((1000 * n) / d) / 10);

/** The rows of the built-in "results" form: the total, then per level (present in the catalogue) the level and each of its awards. */
function expectedResults(path: string): (string | number)[][] {
  const recs = counted(path, Y);
  const count = (codes: string[]) => {
    const i = recs.filter((r) => codes.includes(r.code) && r.personId !== null).length;
    const c = recs.filter((r) => codes.includes(r.code) && r.org !== null).length;
    return [i, c, i + c];
  };
  const levels = AWARD_LEVELS.filter((l) => catalogue.some((c) => c.level === l));
  const out: (string | number)[][] = [['', t('vi', 'reportTemplates.builtin.results.total'), ...count(catalogue.map((c) => c.code))]];
  const roman = ['I', 'II', 'III', 'IV', 'V'];
  levels.forEach((level, li) => {
    const codes = catalogue.filter((c) => c.level === level).sort((a, b) => a.sort_order - b.sort_order || (a.code < b.code ? -1 : 1));
    out.push([roman[li]!, t('vi', `awardLevel.${level}`), ...count(codes.map((c) => c.code))]);
    codes.forEach((c, ci) => out.push([String(ci + 1), c.name_vi, ...count([c.code])]));
  });
  return out;
}

function expectedShares(path: string) {
  const fig = (year: number, key: (typeof SHARE_KEYS)[number]) => {
    const recs = counted(path, year);
    if (key === 'SMALL_COLLECTIVE') {
      const cols = recs.filter((r) => r.org !== null);
      const n = cols.filter((r) => SMALL_KINDS.has(kindOf.get(r.org!.id)!)).length;
      return { n, d: cols.length, p: pct(n, cols.length) };
    }
    const inds = recs.filter((r) => r.personId !== null).map((r) => people.get(r.personId!)!);
    const test = key === 'NON_LEADER' ? (p: P) => !p.isLeader : key === 'DIRECT_WORKER' ? (p: P) => p.isDirectWorker : (p: P) => p.gender === 'FEMALE';
    const n = inds.filter(test).length;
    return { n, d: inds.length, p: pct(n, inds.length) };
  };
  return SHARE_KEYS.map((key, i) => {
    const cur = fig(Y, key);
    const prev = fig(Y - 1, key);
    const change = cur.p === null || prev.p === null ? null : Math.round((cur.p - prev.p) * 10) / 10;
    return [String(i + 1), t('vi', `dashboard.share.${key}`), cur.n, cur.d, cur.p, prev.p, change, DASHBOARD_DEFAULT_TARGETS[key]];
  });
}

/** The table rows of a rendered form: number, label and the measure cells (numbers or the cached result of a formula). */
async function tableRows(buf: Buffer, columns: number) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf as unknown as ArrayBuffer);
  const ws = wb.worksheets[0]!;
  let header = 0;
  ws.eachRow((r, n) => {
    if (!header && r.getCell(1).value === 'STT') header = n;
  });
  const out: (string | number | null)[][] = [];
  const formulas: string[] = [];
  for (let n = header + 2; n <= ws.rowCount; n++) {
    const r = ws.getRow(n);
    if (r.getCell(2).border?.left === undefined) break; // the table ends where the borders end
    const cells = Array.from({ length: columns }, (_, i) => {
      const v = r.getCell(3 + i).value;
      if (v !== null && typeof v === 'object' && 'formula' in v) {
        formulas.push(String(v.formula));
        return (v as { result: number }).result;
      }
      expect(v === null || typeof v === 'number', `row ${n} col ${3 + i}: ${JSON.stringify(v)}`).toBe(true);
      return v as number | null;
    });
    out.push([String(r.getCell(1).value ?? ''), String(r.getCell(2).value), ...cells]);
  }
  return { rows: out, formulas, ws };
}

async function builtins(user = 'huyen.tdkt', orgId = w.orgs.huyen.id) {
  const res = await (await as(user)).get(`/api/v1/report-templates?orgId=${orgId}`);
  expect(res.statusCode, res.body).toBe(200);
  const list = res.json<ReportTemplateListDto>();
  return { list, results: list.items.find((i) => i.code === 'BM01-KT')!, shares: list.items.find((i) => i.code === 'BM02-TL')! };
}

describe('built-in forms rendered as .xlsx', () => {
  it('lists the built-ins for any reader; only managers may create', async () => {
    const { list, results, shares } = await builtins();
    expect(results).toMatchObject({ builtin: true, name: 'Biểu thống kê kết quả khen thưởng năm', status: 'ACTIVE' });
    expect(shares).toMatchObject({ builtin: true, name: 'Biểu tỷ lệ khen thưởng' });
    expect(list.canCreate).toBe(true);
    expect((await builtins('xem')).list.canCreate).toBe(false);
    const again = await builtins('cdcs.a', w.orgs.cdcsA.id);
    expect(again.results.id).toBe(results.id); // created once
  });

  it('the results form carries, per level and award, the individuals, collectives and totals counted from the records', async () => {
    const { results } = await builtins();
    for (const [user, org] of [['huyen.tdkt', w.orgs.huyen], ['admin', w.orgs.tinh], ['cdcs.a', w.orgs.cdcsA]] as const) {
      const res = await (await as(user)).get(`/api/v1/report-templates/${results.id}/render.xlsx?orgId=${org.id}&year=${Y}`);
      expect(res.statusCode, res.body).toBe(200);
      expect(res.headers['content-type']).toContain('spreadsheetml');
      const { rows, formulas, ws } = await tableRows(res.rawPayload, 3);
      expect(rows).toEqual(expectedResults(org.path));
      expect(formulas.length).toBe(3); // only the total row is a formula
      expect(ws.pageSetup.paperSize).toBe(9);
      expect(ws.getCell('A3').value).toBe(`BIỂU THỐNG KÊ KẾT QUẢ KHEN THƯỞNG NĂM ${Y}`);
    }
  });

  it('the shares form carries the four shares, the year before and the targets', async () => {
    const { shares } = await builtins();
    for (const org of [w.orgs.huyen, w.orgs.cdcsA]) {
      const res = await (await as('huyen.tdkt')).get(`/api/v1/report-templates/${shares.id}/render.xlsx?orgId=${org.id}&year=${Y}`);
      expect(res.statusCode, res.body).toBe(200);
      expect((await tableRows(res.rawPayload, 6)).rows).toEqual(expectedShares(org.path));
    }
  });

  it('built-ins are read-only; readers out of scope get 404, users without a reading role 403', async () => {
    const { results } = await builtins();
    const tmpl = (await (await as('huyen.tdkt')).get(`/api/v1/report-templates/${results.id}`)).json<ReportTemplateDto>();
    expect(tmpl.abilities).toEqual([]);
    const put = await (await as('huyen.tdkt')).put(`/api/v1/report-templates/${results.id}`, { version: tmpl.version, name: 'X', layout: tmpl.layout });
    expect(put.statusCode).toBe(403);
    expect(put.json().message).toBe(t('vi', 'reportTemplates.api.builtinReadOnly'));
    expect((await (await as('tbi.tdkt')).get(`/api/v1/report-templates/${results.id}/render.xlsx?orgId=${w.orgs.huyen.id}&year=${Y}`)).statusCode).toBe(404);
    expect((await (await as('doanvien')).get(`/api/v1/report-templates?orgId=${w.orgs.cdcsA.id}`)).statusCode).toBe(403);
    expect((await (await as('doanvien')).get(`/api/v1/report-templates/${results.id}`)).statusCode).toBe(403);
  });
});

describe('an organisation’s own form', () => {
  let copy: ReportTemplateDto;

  it('a district officer copies a built-in; the copy is audited and visible below, not beside', async () => {
    const { results } = await builtins();
    const res = await (await as('huyen.tdkt')).post('/api/v1/report-templates', { orgId: w.orgs.huyen.id, code: 'bm01-dmc', name: 'Biểu 01 của huyện', copyFrom: results.id });
    expect(res.statusCode, res.body).toBe(200);
    copy = res.json<ReportTemplateDto>();
    expect(copy).toMatchObject({ code: 'BM01-DMC', builtin: false, orgId: w.orgs.huyen.id, version: 1, abilities: ['reportTemplate.update', 'reportTemplate.retire'] });
    const events = await auditEvents(db(), 'reportTemplate.create', copy.id);
    expect(events).toHaveLength(1);
    expect(events[0]!.after).toMatchObject({ code: 'BM01-DMC', copiedFrom: results.id });
    // The CĐCS below sees it (and may render it for itself); the other district does not.
    expect((await builtins('cdcs.a', w.orgs.cdcsA.id)).list.items.map((i) => i.code)).toContain('BM01-DMC');
    expect((await (await as('tbi.tdkt')).get(`/api/v1/report-templates?orgId=${other.id}`)).json<ReportTemplateListDto>().items.map((i) => i.code)).not.toContain('BM01-DMC');
    expect((await (await as('tbi.tdkt')).get(`/api/v1/report-templates/${copy.id}`)).statusCode).toBe(404);
    const mine = await (await as('cdcs.a')).get(`/api/v1/report-templates/${copy.id}/render.xlsx?orgId=${w.orgs.cdcsA.id}&year=${Y}`);
    expect(mine.statusCode).toBe(200);
    // The same code again for the same organisation is refused while the first is active.
    const dup = await (await as('huyen.tdkt')).post('/api/v1/report-templates', { orgId: w.orgs.huyen.id, code: 'BM01-DMC', name: 'Trùng', copyFrom: results.id });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().message).toBe(t('vi', 'reportTemplates.api.codeTaken', { code: 'BM01-DMC' }));
  });

  it('only the owning organisation’s managers create or edit: viewers get 403, a CĐCS below and another district 404, a reader below may not edit', async () => {
    const body = { orgId: w.orgs.huyen.id, code: 'BM09', name: 'Thử', copyFrom: copy.id };
    expect((await (await as('xem')).post('/api/v1/report-templates', body)).statusCode).toBe(403);
    expect((await (await as('cdcs.a')).post('/api/v1/report-templates', body)).statusCode).toBe(404); // the district is above its scope
    expect((await (await as('cdcs.a.tdkt')).post('/api/v1/report-templates', { ...body, orgId: w.orgs.cdcsA.id })).statusCode).toBe(200); // positive control
    expect((await (await as('tbi.tdkt')).post('/api/v1/report-templates', body)).statusCode).toBe(404);
    expect((await (await as('cdcs.a')).put(`/api/v1/report-templates/${copy.id}`, { version: 1, name: 'X', layout: copy.layout })).statusCode).toBe(403);
    expect((await (await as('cdcs.a')).get(`/api/v1/report-templates/${copy.id}`)).json<ReportTemplateDto>().abilities).toEqual([]);
    // A template of the district cannot be rendered for another district.
    expect((await (await as('admin')).get(`/api/v1/report-templates/${copy.id}/render.xlsx?orgId=${other.id}&year=${Y}`)).statusCode).toBe(400);
  });

  it('an invalid layout is refused per field in Vietnamese', async () => {
    const layout = structuredClone(copy.layout);
    layout.titleLines[0] = 'Năm {nam}';
    layout.rows[2]!.key = layout.rows[1]!.key;
    const res = await (await as('huyen.tdkt')).put(`/api/v1/report-templates/${copy.id}`, { version: 1, name: 'X', layout });
    expect(res.statusCode).toBe(400);
    const fields = res.json().details.fields as Record<string, string>;
    expect(fields['layout.titleLines.0']).toBe(t('vi', 'reportTemplates.layout.unknownPlaceholder'));
    expect(fields['layout.rows.2.key']).toBe(t('vi', 'reportTemplates.layout.duplicateKey'));
    const unknownAward = structuredClone(copy.layout);
    unknownAward.rows[2]!.selector = { kind: 'AWARD', code: 'KHONG_CO' };
    const res2 = await (await as('huyen.tdkt')).put(`/api/v1/report-templates/${copy.id}`, { version: 1, name: 'X', layout: unknownAward });
    expect(res2.statusCode).toBe(400);
    expect(res2.json().details.fields['layout.rows.2.selector.code']).toBe(t('vi', 'reportTemplates.layout.unknownAward', { code: 'KHONG_CO' }));
    expect(await auditEvents(db(), 'reportTemplate.update', copy.id)).toHaveLength(0);
  });

  it('an edit bumps the version and is audited; an edit on a stale version answers 409', async () => {
    const layout = structuredClone(copy.layout);
    layout.rows = layout.rows.filter((r) => r.selector.kind !== 'AWARD');
    layout.columns = [{ label: 'Tổng cộng', measure: 'TOTAL' }];
    const res = await (await as('huyen.tdkt')).put(`/api/v1/report-templates/${copy.id}`, { version: 1, name: 'Biểu 01 rút gọn', layout });
    expect(res.statusCode, res.body).toBe(200);
    const saved = res.json<ReportTemplateDto>();
    expect(saved).toMatchObject({ version: 2, name: 'Biểu 01 rút gọn' });
    const events = await auditEvents(db(), 'reportTemplate.update', copy.id);
    expect(events).toHaveLength(1);
    expect(events[0]!.after).toMatchObject({ version: 2, name: 'Biểu 01 rút gọn' });
    const stale = await (await as('huyen.tdkt')).put(`/api/v1/report-templates/${copy.id}`, { version: 1, name: 'Cũ', layout: copy.layout });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().message).toBe(t('vi', 'reportTemplates.api.stale'));
    // The edited form renders the level rows and the total only.
    const file = await (await as('huyen.tdkt')).get(`/api/v1/report-templates/${copy.id}/render.xlsx?orgId=${w.orgs.huyen.id}&year=${Y}`);
    const expected = expectedResults(w.orgs.huyen.path)
      .filter((r, i) => i === 0 || ['I', 'II', 'III', 'IV', 'V'].includes(String(r[0])))
      .map((r) => [r[0], r[1], r[4]]);
    expect((await tableRows(file.rawPayload, 1)).rows).toEqual(expected);
    copy = saved;
  });

  it('the preview answers the grid of a draft without saving', async () => {
    const layout = structuredClone(copy.layout);
    layout.rows.push({ key: 'NU', label: 'Tỷ lệ nữ', depth: 0, numbered: true, bold: false, selector: { kind: 'SHARE', share: 'WOMEN' } });
    layout.columns.push({ label: 'Tỷ lệ', measure: 'PERCENT' });
    const res = await (await as('cdcs.a')).post('/api/v1/report-templates/preview', { orgId: w.orgs.cdcsA.id, year: Y, layout });
    expect(res.statusCode, res.body).toBe(200);
    const p = res.json<PreviewDto>();
    const women = expectedShares(w.orgs.cdcsA.path)[2]!;
    expect(p.grid.rows.at(-1)!.cells).toEqual([null, women[4]]);
    expect(p.grid.rows[0]!.cells[0]).toBe(expectedResults(w.orgs.cdcsA.path)[0]![4]);
    expect((await (await as('tbi.tdkt')).post('/api/v1/report-templates/preview', { orgId: w.orgs.cdcsA.id, year: Y, layout })).statusCode).toBe(404);
  });

  it('retiring needs a reason, keeps the form (listed as retired) and is audited; a retired form cannot be edited', async () => {
    const noReason = await (await as('huyen.tdkt')).post(`/api/v1/report-templates/${copy.id}/retire`, { version: copy.version, reason: '' });
    expect(noReason.statusCode).toBe(400);
    const res = await (await as('huyen.tdkt')).post(`/api/v1/report-templates/${copy.id}/retire`, { version: copy.version, reason: 'LĐLĐ tỉnh ban hành mẫu mới năm 2026' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json<ReportTemplateDto>()).toMatchObject({ status: 'RETIRED', retiredReason: 'LĐLĐ tỉnh ban hành mẫu mới năm 2026', abilities: [] });
    expect(await auditEvents(db(), 'reportTemplate.retire', copy.id)).toHaveLength(1);
    expect((await builtins()).list.items.map((i) => i.id)).not.toContain(copy.id);
    const retired = await (await as('huyen.tdkt')).get(`/api/v1/report-templates?orgId=${w.orgs.huyen.id}&status=RETIRED`);
    expect(retired.json<ReportTemplateListDto>().items.map((i) => i.id)).toEqual([copy.id]);
    const put = await (await as('huyen.tdkt')).put(`/api/v1/report-templates/${copy.id}`, { version: copy.version + 1, name: 'X', layout: copy.layout });
    expect(put.statusCode).toBe(409);
    expect(put.json().message).toBe(t('vi', 'reportTemplates.api.retired'));
    // The code is free again for a new form.
    const again = await (await as('huyen.tdkt')).post('/api/v1/report-templates', { orgId: w.orgs.huyen.id, code: 'BM01-DMC', name: 'Biểu 01 mới', layout: copy.layout });
    expect(again.statusCode, again.body).toBe(200);
    const count = await db().execute<{ n: number }>(sql`select count(*)::int as n from report_template where org_id = ${w.orgs.huyen.id}`);
    expect(count.rows[0]!.n).toBe(2);
  });
});
