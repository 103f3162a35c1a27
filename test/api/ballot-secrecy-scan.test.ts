// Ballot secrecy end to end (issue 11 item 6): after a secret online vote in which every voter's
// choice is distinguishable, no endpoint, download, public page, log line or audit event links a
// ballot to its voter. Every GET route of the API is called (path parameters from the access
// matrix's finders, plus the meeting, its items, the nominations and the voters' own records) as the
// council's officer, a council member and the system administrator; every answer is decoded (JSON,
// DOCX, XLSX, PDF, HTML) and scanned, as are the application's trace-level log and the audit table.
// What counts as a leak: (a) a ballot id, receipt code, receipt hash, ballot hash or sealed envelope
// anywhere; (b) one record (a JSON object with its nested objects, a log line, an audit row, a table
// row or paragraph of a document, a spreadsheet row) holding both a voter's identity and a choice.
// The voters' persons, accounts and seats get ids from a distinctive range so that an id is never
// mistaken for another number. ballot-secrecy.test.ts proves the SQL-level properties.
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { captureLogs } from '../support/log-capture';
import { startTestApp, type TestEnv } from '../support/app';
import { Client, createUser, loginAs, type OrgRef, type smallWorld } from '../factories';
import { openVotingMeeting, type Setup } from '../support/voting-meeting';
import { FINDERS, ROUTE_TABLE, fillUrl, insertMissingObjects, minimalQuery, routeKey, type Resource } from '../support/access-matrix';
import { readSheet } from '../support/xlsx';
import { allRoutes } from '../../src/server/modules';
import { buildApp } from '../../src/server/app';
import { createContext } from '../../src/server/bootstrap';
import { loadDemo } from '../../src/server/seed/load-demo';
import { DEMO_PASSWORD } from '../../src/server/seed/demo-world';
import { receiptHash } from '../../src/server/modules/councils/ballot-chain';
import type { MeetingDto, MeetingItemDto, ReceiptDto } from '../../src/contracts/councils';

// ── The scanner ─────────────────────────────────────────────────────────────────────────────────

const CHOICE_CODES = new Set(['YES', 'NO', 'ABSTAIN']);
const CHOICE_CODE_IN_TEXT = /(?<![\p{L}\p{N}_])(?:YES|NO|ABSTAIN)(?![\p{L}\p{N}_])/u;
/** The choices as the catalogue prints them (vi: "Không tán thành" contains "tán thành"; en). */
const CHOICE_LABEL = /tán thành|không biểu quyết|(?<![\p{L}])(?:approve|reject|abstain)(?![\p{L}])/iu;

type Prim = string | number | boolean | null;

class SecrecyScanner {
  readonly findings: string[] = [];
  records = 0;
  withIdentity = 0;
  withChoice = 0;
  private readonly names: string[];

  constructor(
    private readonly secrets: string[],
    private readonly ids: Set<number>,
    names: string[],
  ) {
    this.names = names.map((n) => n.normalize('NFC').toLowerCase());
  }

  private identityIn(p: Prim): boolean {
    if (typeof p === 'number') return this.ids.has(p);
    if (typeof p !== 'string') return false;
    const s = p.normalize('NFC').toLowerCase();
    if (this.names.some((n) => s.includes(n))) return true;
    return (p.match(/\d+/g) ?? []).some((d) => this.ids.has(Number(d)));
  }

  private choiceIn(p: Prim): boolean {
    if (typeof p !== 'string') return false;
    return CHOICE_CODES.has(p.trim()) || CHOICE_CODE_IN_TEXT.test(p) || CHOICE_LABEL.test(p.normalize('NFC'));
  }

  /** One record: its values together. */
  record(where: string, values: Prim[]) {
    this.records += 1;
    const who = values.some((v) => this.identityIn(v));
    const what = values.some((v) => this.choiceIn(v));
    if (who) this.withIdentity += 1;
    if (what) this.withChoice += 1;
    if (who && what) this.findings.push(`${where}: voter and choice in one record: ${JSON.stringify(values).slice(0, 400)}`);
  }

  /** Secrets anywhere in a text. */
  text(where: string, s: string) {
    for (const secret of this.secrets) if (s.includes(secret)) this.findings.push(`${where}: contains the secret ${secret.slice(0, 12)}…`);
  }

  /** A JSON value: every object is a record of its own values, its nested objects' and its arrays of plain values. */
  json(where: string, v: unknown) {
    this.text(where, JSON.stringify(v) ?? '');
    this.walk(where, v);
  }

  private walk(where: string, v: unknown) {
    if (Array.isArray(v)) {
      const plain = v.filter((x) => x === null || typeof x !== 'object') as Prim[];
      if (plain.length > 0) this.record(where, plain);
      for (const x of v) if (x !== null && typeof x === 'object') this.walk(where, x);
      return;
    }
    if (v === null || typeof v !== 'object') {
      this.record(where, [v as Prim]);
      return;
    }
    const values: Prim[] = [];
    const collect = (o: Record<string, unknown>) => {
      for (const x of Object.values(o)) {
        if (x === null || typeof x !== 'object') values.push(x as Prim);
        else if (Array.isArray(x)) {
          for (const e of x) if (e === null || typeof e !== 'object') values.push(e as Prim);
        } else collect(x as Record<string, unknown>);
      }
    };
    collect(v as Record<string, unknown>);
    this.record(where, values);
    const children = (o: Record<string, unknown>) => {
      for (const x of Object.values(o)) {
        if (Array.isArray(x)) for (const e of x) if (e !== null && typeof e === 'object') this.walk(where, e);
        if (x !== null && typeof x === 'object' && !Array.isArray(x)) children(x as Record<string, unknown>);
      }
    };
    children(v as Record<string, unknown>);
  }

  /** A document or sheet: the whole text for secrets, each row / paragraph / line as a record. */
  lines(where: string, whole: string, rows: string[]) {
    this.text(where, whole);
    for (const r of rows) if (r.trim()) this.record(where, [r]);
  }

  /** A log line: JSON when it parses, else text. */
  logLine(where: string, line: string) {
    this.text(where, line);
    try {
      this.walk(where, JSON.parse(line));
    } catch {
      this.record(where, [line]);
    }
  }
}

// ── Decoding answers ────────────────────────────────────────────────────────────────────────────

const entities = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&#(\d+);/g, (_m, d: string) => String.fromCodePoint(Number(d))).replace(/&amp;/g, '&');
const xmlText = (xml: string) => entities(xml.replace(/<w:tab\/>|<w:br\/>/g, ' ').replace(/<[^>]+>/g, '')).normalize('NFC');

/** The text of a .docx and its records: every table row and every paragraph. */
async function docxRecords(buf: Buffer): Promise<{ text: string; rows: string[] }> {
  const zip = await JSZip.loadAsync(buf);
  const xml = (await zip.file('word/document.xml')?.async('string')) ?? '';
  const rows = [...(xml.match(/<w:tr[ >][\s\S]*?<\/w:tr>/g) ?? []), ...(xml.match(/<w:p[ >][\s\S]*?<\/w:p>/g) ?? [])].map(xmlText);
  return { text: xmlText(xml), rows };
}

async function xlsxRecords(buf: Buffer): Promise<{ text: string; rows: string[] }> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf as unknown as ArrayBuffer);
  const rows: string[] = [];
  for (let i = 1; i <= wb.worksheets.length; i++) for (const r of await readSheet(buf, i)) rows.push(r.join(' | '));
  return { text: rows.join('\n'), rows };
}

async function pdfRecords(buf: Buffer): Promise<{ text: string; rows: string[] }> {
  const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const pdf = await getDocument({ data: new Uint8Array(buf), isEvalSupported: false }).promise;
  const rows: string[] = [];
  let current = '';
  for (let n = 1; n <= pdf.numPages; n++) {
    const content = await (await pdf.getPage(n)).getTextContent();
    for (const item of content.items) {
      if (!('str' in item)) continue;
      current += item.str;
      if (item.hasEOL) {
        rows.push(current);
        current = '';
      }
    }
    rows.push(current);
    current = '';
  }
  await pdf.destroy();
  return { text: rows.join('\n'), rows };
}

function htmlRecords(html: string): { text: string; rows: string[]; json: unknown[] } {
  const json: unknown[] = [];
  for (const m of html.matchAll(/<script[^>]*>([\s\S]*?)<\/script>/g)) {
    try {
      json.push(JSON.parse(m[1]!));
    } catch {
      // not data
    }
  }
  const rows = html.split(/<\/(?:p|li|tr|div|h\d|dd|dt|section|article|item|entry|title|url)>|<br\s*\/?>/).map((s) => entities(s.replace(/<[^>]+>/g, ' ')).replace(/\s+/g, ' ').normalize('NFC'));
  return { text: html, rows, json };
}

type Kind = 'json' | 'docx' | 'xlsx' | 'pdf' | 'html' | 'text' | 'binary';

async function scanResponse(s: SecrecyScanner, where: string, res: LightMyRequestResponse): Promise<Kind> {
  const type = String(res.headers['content-type'] ?? '');
  const buf = res.rawPayload;
  if (type.includes('wordprocessingml')) {
    const d = await docxRecords(buf);
    s.lines(where, d.text, d.rows);
    return 'docx';
  }
  if (type.includes('spreadsheetml')) {
    const d = await xlsxRecords(buf);
    s.lines(where, d.text, d.rows);
    return 'xlsx';
  }
  if (type.includes('application/pdf')) {
    const d = await pdfRecords(buf);
    s.lines(where, d.text, d.rows);
    return 'pdf';
  }
  if (type.includes('json')) {
    try {
      s.json(where, JSON.parse(res.body));
      return 'json';
    } catch {
      // falls through to text
    }
  }
  if (type.startsWith('text/') || type.includes('xml')) {
    const d = htmlRecords(res.body);
    s.lines(where, d.text, d.rows);
    for (const j of d.json) s.json(`${where} (embedded data)`, j);
    return type.includes('html') ? 'html' : 'text';
  }
  s.text(where, buf.toString('latin1'));
  return 'binary';
}

// ── The scenario ────────────────────────────────────────────────────────────────────────────────

let env: TestEnv;
let w: Awaited<ReturnType<typeof smallWorld>>;
let district: OrgRef;
// The demo world (with the objects it lacks, as the access matrix adds them), so that most routes
// have an object to read; the meeting's sector union sits in district DMC.
beforeAll(async () => {
  env = await startTestApp();
  const db = env.database.db;
  await loadDemo(db, undefined, { dataDir: env.ctx.config.dataDir });
  const orgs = async (where: ReturnType<typeof sql>) =>
    (await db.execute<{ id: string; path: string; code: string }>(sql`select id, path, code from organisation where ${where} order by id`)).rows.map((r) => ({ id: Number(r.id), path: r.path, code: r.code }));
  district = (await orgs(sql`code = 'TNI-DMC'`))[0]!;
  const [cdcsA, cdcsB] = await orgs(sql`path like ${district.path + '%'} and kind = 'CDCS' and status = 'ACTIVE'`);
  const personIn = async (o: OrgRef, n: number) =>
    (await db.execute<{ id: string }>(sql`select id from person where org_path = ${o.path} and status = 'ACTIVE' order by id limit ${n}`)).rows.map((r) => Number(r.id));
  const [an, dang] = await personIn(cdcsA!, 2);
  const [tran] = await personIn(cdcsB!, 1);
  const adminId = Number((await db.execute<{ id: string }>(sql`select id from app_user where username = 'admin'`)).rows[0]!.id);
  await insertMissingObjects(db, district, an!, adminId);
  w = { orgs: { huyen: district, cdcsA: cdcsA!, cdcsB: cdcsB! }, persons: { an: an!, tran: tran!, dang: dang! } } as unknown as Awaited<ReturnType<typeof smallWorld>>;
}, 180_000);
afterAll(() => env.close());
const db = () => env.database.db;

describe('the secrecy scanner', () => {
  it('flags a voter and a choice in one record, a secret anywhere, and not a voter and a choice in separate records', async () => {
    const s = new SecrecyScanner(['ABCD-EFGH-JKLM'], new Set([7_790_001]), ['Thành viên bsx 01', 'bsx1']);
    s.json('api', { memberId: 7_790_001, choice: 'YES' });
    s.json('api', { items: [{ voter: { fullName: 'Thành viên bsx 01' }, ballot: { choice: 'NO' } }] });
    s.logLine('log', '{"level":30,"msg":"bsx1 đã bỏ phiếu: Không tán thành"}');
    s.logLine('log', 'plain line with receipt ABCD-EFGH-JKLM');
    s.lines('docx', '', ['Thành viên bsx 01 | Tán thành']);
    s.json('audit', { action: 'council.ballots.cast', actorId: 7_790_001, after: { choices: ['ABSTAIN'] } });
    expect(s.findings).toHaveLength(6);
    expect(s.findings[3]).toMatch(/^log: contains the secret ABCD-EFGH-JK/);
    const clean = new SecrecyScanner(['ABCD-EFGH-JKLM'], new Set([7_790_001]), ['Thành viên bsx 01']);
    clean.json('api', { items: [{ memberId: 7_790_001, status: 'PRESENT' }, { counts: { yes: 2, no: 1 }, outcome: 'PASSED', choice: 'YES' }], total: 2 });
    clean.lines('docx', 'Có mặt', ['Thành viên bsx 01 | Có mặt', 'Kết quả biểu quyết: tán thành 02, không tán thành 01, không biểu quyết 01.']);
    clean.json('api', { id: 7_790_002, note: 'NOTE', status: 'NOMINATED' });
    expect(clean.findings).toEqual([]);
    expect(clean.withIdentity).toBe(2);
    expect(clean.withChoice).toBe(2);
  });
});

describe('ballot secrecy across every read', () => {
  it('no endpoint, download, public page, log line or audit event links a secret ballot to its voter', { timeout: 600_000 }, async () => {
    // Voters' persons, accounts and seats from a range no other number of this world reaches.
    for (const [table, start] of [['person', 7_770_000], ['app_user', 7_780_000], ['council_member', 7_790_000]] as const) {
      await db().execute(sql`select setval(pg_get_serial_sequence(${table}, 'id'), ${start})`);
    }

    const logs = captureLogs();
    const captured = logs.lines;
    let app: FastifyInstance | null = null;
    const stats = { routes: 0, requests: 0, ok: 0, kinds: {} as Record<string, number>, unfilled: [] as string[] };
    let scanner: SecrecyScanner | undefined;
    let meetingId = 0;
    const receipts = new Map<number, string>();
    const minutes: Record<string, { text: string; rows: string[] }> = {};
    const keyStatus = new Map<string, number>();
    try {
      app = await buildApp(createContext({ ...env.ctx.config, LOG_LEVEL: 'trace' }, env.database), { logger: true });
      await app.ready();
      const theApp = app;
      await createUser(db(), 'bsx.huyen', [{ role: 'TDKT_OFFICER', org: district }]);
      const s: Setup = await openVotingMeeting({ db: db(), app: theApp, w }, 'DMC-BSX', 'bsx', ['Nguyễn Văn An (kiểm bí mật)', 'Trần Thị Cúc (kiểm bí mật)']);
      const [a, b] = s.items.map((i) => i.id) as [number, number];
      const meeting0 = (await s.officer.get(`/api/v1/council-meetings/${s.meetingId}`)).json<MeetingDto>();
      const councilId = meeting0.councilId;
      meetingId = s.meetingId;
      // A presiding member, counters and a secretary: the voters' names then print in both minutes.
      const upd = await s.officer.patch(`/api/v1/council-meetings/${s.meetingId}`, {
        version: meeting0.version, presidingMemberId: s.members[0], counterMemberIds: [s.members[1], s.members[2]], secretaryName: 'Thư ký Hội đồng',
      });
      expect(upd.statusCode, upd.body).toBe(200);

      // Every voter's choices differ from every other's, so any link would identify them.
      const plan: [string, string][] = [['YES', 'NO'], ['NO', 'YES'], ['ABSTAIN', 'YES'], ['YES', 'ABSTAIN']];
      for (const [i, [x, y]] of plan.entries()) {
        const voter = await loginAs(theApp, `bsx${i + 1}`);
        const res = await voter.post(`/api/v1/council-meetings/${s.meetingId}/ballots`, { votes: [{ itemId: a, choice: x }, { itemId: b, choice: y }] });
        expect(res.statusCode, res.body).toBe(201);
        receipts.set(i + 1, res.json<ReceiptDto>().receipt);
      }
      const written = await s.officer.post(`/api/v1/meeting-items/${a}/written-votes`, { memberId: s.members[4], choice: 'NO' });
      expect(written.statusCode, written.body).toBe(201);
      receipts.set(5, written.json<ReceiptDto>().receipt);
      const envelopes = (await db().execute<{ id: string; sealed: string }>(sql`select id, sealed from ballot_envelope where item_id in (${a}, ${b})`)).rows;
      expect(envelopes).toHaveLength(9);
      const closed = await s.officer.post(`/api/v1/council-meetings/${s.meetingId}/close`, {});
      expect(closed.statusCode, closed.body).toBe(200);
      const items = (await s.officer.get(`/api/v1/council-meetings/${s.meetingId}/items?pageSize=100`)).json<{ items: MeetingItemDto[] }>().items;
      expect(items.find((i) => i.id === a)!.tally).toMatchObject({ counts: { yes: 2, no: 2, abstain: 1 }, written: 1 });
      expect(items.find((i) => i.id === b)!.tally).toMatchObject({ counts: { yes: 2, no: 1, abstain: 1 }, written: 0 });

      // What must never appear, and who the voters are.
      const ballots = (await db().execute<{ id: string; receipt_hash: string; hash: string }>(sql`select id, receipt_hash, hash from ballot where item_id in (${a}, ${b})`)).rows;
      expect(ballots).toHaveLength(9);
      const secrets = [
        ...receipts.values(),
        ...[...receipts.values()].flatMap((r) => [receiptHash(r, a), receiptHash(r, b)]),
        ...ballots.flatMap((x) => [x.id, x.receipt_hash, x.hash]),
        ...envelopes.flatMap((e) => [e.id, e.sealed]),
      ];
      const people = (await db().execute<{ member_id: string; person_id: string; full_name: string; user_id: string; username: string; display_name: string }>(sql`
        select cm.id as member_id, p.id as person_id, p.full_name, u.id as user_id, u.username, u.display_name
        from council_member cm join person p on p.id = cm.person_id join app_user u on u.person_id = p.id
        where cm.id = any(${sql.param(s.members)}::bigint[])`)).rows;
      expect(people).toHaveLength(5);
      const ids = new Set(people.flatMap((p) => [Number(p.member_id), Number(p.person_id), Number(p.user_id)]));
      expect(Math.min(...ids)).toBeGreaterThan(7_770_000);
      const names = people.flatMap((p) => [p.full_name, p.username, p.display_name]);
      scanner = new SecrecyScanner(secrets, ids, names);
      const sc = scanner;

      // Path parameters: the meeting, its items, the nominations, the voters; else one object of the
      // kind under the council's organisation; else anywhere.
      const extras: Partial<Record<Resource, Record<string, unknown>[]>> = {
        meeting: [{ id: s.meetingId }],
        meetingItem: items.map((i) => ({ id: i.id })),
        nomination: s.nominations.map((id) => ({ id })),
        member: [...people.map((p) => ({ id: Number(p.person_id) })), { id: w.persons.an }, { id: w.persons.tran }],
        council: [{ id: councilId, memberId: s.members[0] }],
        award: [{ code: 'CSTD_BO_TINH' }],
      };
      const paramSets = async (res: Resource | null): Promise<Record<string, unknown>[]> => {
        if (!res) return [{}];
        const out: Record<string, unknown>[] = [...(extras[res] ?? [])];
        const finder = res ? FINDERS[res] : undefined;
        if (finder) {
          let row = (await db().execute<Record<string, unknown>>(finder(s.org.path, '~none~'))).rows[0];
          row ??= (await db().execute<Record<string, unknown>>(finder(district.path, '~none~'))).rows[0];
          row ??= (await db().execute<Record<string, unknown>>(finder('', '~none~'))).rows[0];
          if (row) out.push(row);
        }
        const seen = new Set<string>();
        return out.filter((v) => !seen.has(JSON.stringify(v)) && !!seen.add(JSON.stringify(v)));
      };
      const extraQuery: Record<string, string> = {
        'GET /council-meetings': `?councilId=${councilId}&pageSize=100`,
        'GET /council-meetings/:id/items': '?pageSize=100',
        'GET /councils': `?orgId=${s.org.id}`,
        'GET /audit': `?orgId=${s.org.id}&pageSize=100`,
        'GET /audit/export.xlsx': `?orgId=${s.org.id}`,
        'GET /nominations': '?pageSize=100',
      };
      const actors: [string, Client][] = [
        ['officer', s.officer],
        ['member', await loginAs(theApp, 'bsx1')],
        ['district officer', await loginAs(theApp, 'bsx.huyen')],
        ['admin', await new Client(theApp).login('admin', DEMO_PASSWORD)],
      ];

      const gets = allRoutes().filter((r) => r.method === 'GET');
      for (const route of gets) {
        const key = routeKey(route);
        const resource = ROUTE_TABLE[key]?.[1] ?? null;
        const sets = route.url.includes(':') ? await paramSets(resource) : [{}];
        const urls = sets.map((v) => fillUrl(route.url, { code: s.org.code, ...v })).filter((u): u is string => u !== undefined);
        if (urls.length === 0) {
          stats.unfilled.push(key);
          continue;
        }
        stats.routes += 1;
        const query = extraQuery[key] ?? minimalQuery(route);
        for (const url of [...new Set(urls)]) {
          for (const [who, client] of actors) {
            const res = await client.get(`${url}${query}`);
            stats.requests += 1;
            if (res.statusCode < 300) stats.ok += 1;
            const kind = await scanResponse(sc, `${who} GET ${url}${query} → ${res.statusCode}`, res);
            stats.kinds[kind] = (stats.kinds[kind] ?? 0) + 1;
            if (url === fillUrl(route.url, { id: s.meetingId }) || url === fillUrl(route.url, { id: councilId, memberId: s.members[0] })) keyStatus.set(`${who} ${key}`, res.statusCode);
            if (res.statusCode === 200 && /minutes\.docx$/.test(url) && url.includes(`/${s.meetingId}/`)) minutes[`${who} ${key}`] = await docxRecords(res.rawPayload);
          }
        }
      }
      // A read sent as POST: the voter checks their receipt.
      for (const seat of [1, 2]) {
        const voter = await loginAs(theApp, `bsx${seat}`);
        const res = await voter.post(`/api/v1/council-meetings/${s.meetingId}/receipts/check`, { receipt: receipts.get(seat) });
        expect(res.json<{ found: boolean }>().found).toBe(true);
        await scanResponse(sc, `voter ${seat} POST receipts/check`, res);
        stats.requests += 1;
      }
      // The public site of the organisation, without a session.
      for (const path of ['', '/quyet-dinh', '/guong-dien-hinh', '/lay-y-kien', '/rss.xml']) {
        const res = await theApp.inject({ method: 'GET', url: `/cong-khai/${encodeURIComponent(s.org.code)}${path}` });
        const kind = await scanResponse(sc, `public GET /cong-khai/${s.org.code}${path} → ${res.statusCode}`, res);
        stats.requests += 1;
        stats.kinds[kind] = (stats.kinds[kind] ?? 0) + 1;
      }
      for (const url of ['/sitemap.xml', '/robots.txt', `/api/v1/public/orgs/${encodeURIComponent(s.org.code)}/documents`, `/api/v1/public/orgs/${encodeURIComponent(s.org.code)}/consultations`]) {
        const res = await theApp.inject({ method: 'GET', url });
        await scanResponse(sc, `public GET ${url} → ${res.statusCode}`, res);
        stats.requests += 1;
      }
      // A leak written through the application's own logger must be caught from the captured output.
      theApp.log.info({ memberId: s.members[0], choice: 'YES', marker: 'synthetic-leak' }, 'synthetic secrecy self-check');
    } finally {
      await app?.close();
      logs.restore();
    }
    const sc = scanner!;

    // The log, line by line.
    const logLines = captured.join('').split('\n').filter((l) => l.trim());
    expect(logLines.filter((l) => l.includes('"statusCode":')).length).toBeGreaterThan(stats.requests);
    for (const [i, l] of logLines.entries()) sc.logLine(`log line ${i + 1}`, l);

    // Every audit event.
    const audit = (await db().execute<{ id: string; actor_id: string | null; action: string; entity_type: string; entity_id: string | null; before: unknown; after: unknown }>(sql`
      select id, actor_id, action, entity_type, entity_id, before, after from audit_event order by id`)).rows;
    for (const e of audit) sc.json(`audit ${e.id} ${e.action}`, { actorId: e.actor_id === null ? null : Number(e.actor_id), action: e.action, entityType: e.entity_type, entityId: e.entity_id, before: e.before, after: e.after });
    expect(audit.filter((e) => e.action === 'council.ballots.cast' && e.entity_id === String(meetingId))).toHaveLength(4);

    // The synthetic leak is found, and nothing else.
    const synthetic = sc.findings.filter((f) => f.includes('synthetic-leak'));
    expect(synthetic).toHaveLength(1);
    const leaks = sc.findings.filter((f) => !f.includes('synthetic-leak'));
    console.log(`ballot secrecy scan: ${stats.routes} GET routes (${stats.unfilled.length} without a value for their parameters: ${stats.unfilled.join(', ')}), `
      + `${stats.requests} responses (${stats.ok} 2xx; ${Object.entries(stats.kinds).map(([k, n]) => `${k} ${n}`).join(', ')}), `
      + `${logLines.length} log lines, ${audit.length} audit rows; ${sc.records} records, ${sc.withIdentity} naming a voter, ${sc.withChoice} naming a choice; ${leaks.length} leaks`);
    expect(leaks.slice(0, 20)).toEqual([]);

    // The scan reached the places a leak would be: the meeting, its items, both minutes, as each actor.
    for (const who of ['officer', 'member', 'admin']) {
      for (const key of ['GET /council-meetings/:id', 'GET /council-meetings/:id/items', 'GET /council-meetings/:id/verify', 'GET /council-meetings/:id/minutes.docx', 'GET /council-meetings/:id/count-minutes.docx', 'GET /councils/:id']) {
        expect(keyStatus.get(`${who} ${key}`), `${who} ${key}`).toBe(200);
      }
    }
    expect(stats.routes).toBeGreaterThan(100);
    expect(sc.withIdentity).toBeGreaterThan(50);
    expect(sc.withChoice).toBeGreaterThan(10);

    // The minutes list who attended and the counts, never a choice beside a name.
    const m = minutes['officer GET /council-meetings/:id/minutes.docx']!;
    for (const p of ['Thành viên bsx 01', 'Thành viên bsx 02', 'Thành viên bsx 03', 'Thành viên bsx 04', 'Thành viên bsx 05']) expect(m.text).toContain(p);
    expect(m.text).toContain('Kết quả biểu quyết: tán thành 02, không tán thành 02, không biểu quyết 01.');
    expect(m.text).toContain('Kết quả biểu quyết: tán thành 02, không tán thành 01, không biểu quyết 01.');
    const count = minutes['officer GET /council-meetings/:id/count-minutes.docx']!;
    expect(count.text).toContain('Thành viên bsx 02');
    for (const doc of [m, count]) {
      const named = doc.rows.filter((r) => /Thành viên bsx 0\d/.test(r));
      expect(named.length).toBeGreaterThan(0);
      for (const r of named) expect(r).not.toMatch(CHOICE_LABEL);
    }
  });
});
