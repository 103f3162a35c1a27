// Test data built through the same code paths as production (users through insertUser, roles
// through grantRole), plus a small organisation tree inserted directly for speed.
import { sql } from 'drizzle-orm';
import type { FastifyInstance, InjectOptions } from 'fastify';
import type { Db } from '../src/server/db/client';
import { grantRole, insertUser } from '../src/server/modules/users/users.service';
import type { Role } from '../src/contracts/enums';

export const PASSWORD = 'Mật-khẩu-thử-2024';

export interface OrgRef {
  id: number;
  path: string;
  code: string;
}

export async function createOrg(db: Db, o: { code: string; name: string; kind: string; parent?: OrgRef; sector?: string; validFrom?: string }): Promise<OrgRef> {
  const ins = await db.execute<{ id: number }>(sql`
    insert into organisation (code, name, kind, sector, parent_id, path, depth, status, valid_from)
    values (${o.code}, ${o.name}, ${o.kind}, ${o.sector ?? null}, ${o.parent?.id ?? null}, '', ${o.parent ? o.parent.path.split('/').filter(Boolean).length : 0}, 'ACTIVE', ${o.validFrom ?? '2020-01-01'})
    returning id`);
  const id = Number(ins.rows[0]!.id);
  const r = await db.execute<{ id: number; path: string }>(sql`
    update organisation set path = ${o.parent?.path ?? '/'} || id || '/',
      province_root_id = ${o.parent ? sql`coalesce((select province_root_id from organisation where id = ${o.parent.id}), ${id})` : sql`null`}
    where id = ${id} returning id, path`);
  return { id: Number(r.rows[0]!.id), path: r.rows[0]!.path, code: o.code };
}

let personSeq = 0;
export async function createPerson(db: Db, org: OrgRef, p: Partial<{ fullName: string; gender: 'MALE' | 'FEMALE'; cccd: string | null; isLeader: boolean; isDirectWorker: boolean; memberCode: string; birthDate: string }> = {}) {
  personSeq++;
  const r = await db.execute<{ id: number }>(sql`
    insert into person (member_code, full_name, gender, birth_date, cccd, is_leader, is_direct_worker, status, org_id, org_path, joined_union_on)
    values (${p.memberCode ?? `T${String(personSeq).padStart(7, '0')}`}, ${p.fullName ?? `Người Thử ${personSeq}`}, ${p.gender ?? 'MALE'},
            ${p.birthDate ?? '1990-05-17'}, ${p.cccd ?? null}, ${p.isLeader ?? false}, ${p.isDirectWorker ?? false}, 'ACTIVE', ${org.id}, ${org.path}, '2015-01-01')
    returning id`);
  const id = Number(r.rows[0]!.id);
  await db.execute(sql`insert into membership (person_id, org_id, valid_from) values (${id}, ${org.id}, '2015-01-01')`);
  return id;
}

export async function createUser(db: Db, username: string, roles: { role: Role; org: OrgRef }[], personId: number | null = null) {
  return db.transaction(async (tx) => {
    const id = await insertUser(tx, { userId: null }, { username, displayName: `Người dùng ${username}`, password: PASSWORD, locale: 'vi', email: null, personId });
    for (const r of roles) await grantRole(tx, { userId: null }, id, r.role, r.org.id);
    return id;
  });
}

/**
 * A small world: TLĐ → LĐLĐ tỉnh → LĐLĐ huyện → two CĐCS (A with a tổ công đoàn, B), with a user
 * for each role that permission tests need.
 */
export async function smallWorld(db: Db) {
  const tld = await createOrg(db, { code: 'TLD', name: 'Tổng Liên đoàn Lao động Việt Nam', kind: 'TLD' });
  const tinh = await createOrg(db, { code: 'TNI', name: 'Liên đoàn Lao động tỉnh Tây Ninh', kind: 'LDLD_TINH', parent: tld });
  const huyen = await createOrg(db, { code: 'DMC', name: 'Liên đoàn Lao động huyện DMC', kind: 'LDLD_HUYEN', parent: tinh });
  const cdcsA = await createOrg(db, { code: 'DMC-A', name: 'Công đoàn cơ sở Trường THCS Phước Minh', kind: 'CDCS', parent: huyen, sector: 'TRUONG_HOC' });
  const toA = await createOrg(db, { code: 'DMC-A-T1', name: 'Tổ công đoàn Tổ Toán – Tin', kind: 'TO_CD', parent: cdcsA });
  const cdcsB = await createOrg(db, { code: 'DMC-B', name: 'Công đoàn cơ sở Công ty TNHH Sợi Thế Kỷ', kind: 'CDCS', parent: huyen, sector: 'FDI' });
  const an = await createPerson(db, cdcsA, { fullName: 'Nguyễn Văn An', cccd: '072090000001', memberCode: 'DV0000001' });
  const anh = await createPerson(db, cdcsA, { fullName: 'Nguyễn Thị Ánh', gender: 'FEMALE', cccd: '072190000002', memberCode: 'DV0000002' });
  const dang = await createPerson(db, cdcsB, { fullName: 'Đặng Văn Bình', cccd: '072090000003', memberCode: 'DV0000003', isDirectWorker: true });
  const tran = await createPerson(db, cdcsB, { fullName: 'Trần Thị Cúc', gender: 'FEMALE', cccd: '072190000004', memberCode: 'DV0000004', isLeader: true });
  const users = {
    admin: await createUser(db, 'admin', [{ role: 'SYSTEM_ADMIN', org: tld }]),
    huyenOfficer: await createUser(db, 'huyen.tdkt', [{ role: 'TDKT_OFFICER', org: huyen }]),
    cdcsA: await createUser(db, 'cdcs.a', [{ role: 'CDCS_OFFICER', org: cdcsA }]),
    cdcsB: await createUser(db, 'cdcs.b', [{ role: 'CDCS_OFFICER', org: cdcsB }]),
    viewer: await createUser(db, 'xem', [{ role: 'VIEWER', org: huyen }]),
    member: await createUser(db, 'doanvien', [{ role: 'MEMBER', org: cdcsA }], an),
  };
  return { orgs: { tld, tinh, huyen, cdcsA, toA, cdcsB }, persons: { an, anh, dang, tran }, users };
}

/** A signed-in API client: keeps the session cookie and sends the CSRF token on writes. */
export class Client {
  private cookie = '';
  csrf = '';
  constructor(private readonly app: FastifyInstance) {}

  async login(username: string, password = PASSWORD) {
    const res = await this.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password } });
    if (res.statusCode !== 200) throw new Error(`login ${username}: ${res.statusCode} ${res.body}`);
    const set = res.cookies.find((c) => c.name === 'vd_session');
    this.cookie = `vd_session=${set!.value}`;
    this.csrf = res.json().csrfToken;
    return this;
  }

  request(opts: InjectOptions & { method: string; url: string }) {
    const headers: Record<string, string> = { ...(opts.headers as Record<string, string>), cookie: this.cookie };
    if (opts.method !== 'GET') headers['x-csrf-token'] = this.csrf;
    return this.app.inject({ ...opts, headers });
  }
  get(url: string) {
    return this.request({ method: 'GET', url });
  }
  post(url: string, payload?: unknown) {
    return this.request({ method: 'POST', url, payload: payload as InjectOptions['payload'] });
  }
  patch(url: string, payload?: unknown) {
    return this.request({ method: 'PATCH', url, payload: payload as InjectOptions['payload'] });
  }
  put(url: string, payload?: unknown) {
    return this.request({ method: 'PUT', url, payload: payload as InjectOptions['payload'] });
  }
}

export async function loginAs(app: FastifyInstance, username: string) {
  return new Client(app).login(username);
}
