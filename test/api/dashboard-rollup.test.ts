// Dashboard rollups (issue 10, national scale): the rollups maintained by the award_record triggers
// give exactly what the plain SQL over the base tables gives — after random inserts (one row or many
// per statement), revocations, supersessions and reinstatements (property test, each run in a
// transaction rolled back); after parallel signings for the same unit and year; and after a rebuild,
// which also leaves an audit event. The dashboard API answers from the rollups.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { sql } from 'drizzle-orm';
import { startTestApp, type TestEnv } from '../support/app';
import { createOrg, createPerson, loginAs, smallWorld, type OrgRef } from '../factories';
import type { Db, DbOrTx } from '../../src/server/db/client';
import { baseSource, type FigureSource } from '../../src/server/modules/dashboard/dashboard.base';
import { rollupSource } from '../../src/server/modules/dashboard/dashboard.rollup';
import { rebuildRollups } from '../../src/server/modules/dashboard/dashboard.rollup-rebuild';
import type { DashboardDto } from '../../src/contracts/dashboard';

const Y = 2025;
const YEARS = [Y - 4, Y - 3, Y - 2, Y - 1, Y];
const CODES = ['LDTT', 'CSTD_CS', 'BK_LDLD', 'TTLDTT', 'TO_CD_VUNG_MANH'];

let env: TestEnv;
let db: Db;
let w: Awaited<ReturnType<typeof smallWorld>>;
let orgs: OrgRef[];
let units: OrgRef[];
const persons: { id: number; org: OrgRef }[] = [];

class Rollback extends Error {}

beforeAll(async () => {
  env = await startTestApp();
  db = env.database.db;
  w = await smallWorld(db);
  const other = await createOrg(db, { code: 'TBI', name: 'Liên đoàn Lao động huyện Tân Biên', kind: 'LDLD_HUYEN', parent: w.orgs.tinh });
  const otherCdcs = await createOrg(db, { code: 'TBI-A', name: 'Công đoàn cơ sở Trường Tiểu học Tân Lập', kind: 'CDCS', parent: other });
  orgs = [w.orgs.tld, w.orgs.tinh, w.orgs.huyen, w.orgs.cdcsA, w.orgs.toA, w.orgs.cdcsB, other, otherCdcs];
  units = [w.orgs.cdcsA, w.orgs.toA, w.orgs.cdcsB, otherCdcs];
  const names = ['Lê Thị Hoa', 'Phạm Văn Hùng', 'Võ Thị Lan', 'Trương Văn Minh', 'Huỳnh Thị Ngọc', 'Đỗ Văn Phúc', 'Lý Thị Quyên', 'Ánh Dương', 'Bùi Văn An', 'Ân Thị Bé'];
  const homes = [w.orgs.cdcsA, w.orgs.cdcsA, w.orgs.toA, w.orgs.cdcsB, w.orgs.cdcsB, w.orgs.cdcsB, otherCdcs, otherCdcs, w.orgs.toA, w.orgs.cdcsA];
  for (let i = 0; i < names.length; i++) persons.push({ id: await createPerson(db, homes[i]!, { fullName: names[i]! }), org: homes[i]! });
});
afterAll(() => env.close());

const norm = (x: unknown) => JSON.stringify(x, (_k, v: unknown) => (typeof v === 'string' && /^-?\d+$/.test(v) ? Number(v) : v));
const canon = (x: unknown) => (Array.isArray(x) ? x.map(norm).sort() : JSON.parse(norm(x)) as unknown);

/** Every figure of every organisation of the tree and year, from both sources. */
async function expectSame(tx: DbOrTx, other: FigureSource = rollupSource) {
  for (const o of orgs)
    for (const year of YEARS) {
      const s = { path: o.path, year };
      for (const figure of ['awardCounts', 'shareCounts', 'streaks'] as const) {
        expect(canon(await other[figure](tx, s)), `${figure} ${o.code} ${year}`).toEqual(canon(await baseSource[figure](tx, s)));
      }
    }
}

interface NewRecord { subject: number; scope: number; year: number; code: number; female: boolean; leader: boolean; direct: boolean; small: boolean }
const recordArb = fc.record({
  subject: fc.nat(13), // 0–9 people, 10–13 units
  scope: fc.nat(3), // people: 0 = home unit, else another unit's path (a record kept elsewhere)
  year: fc.constantFrom(...YEARS),
  code: fc.nat(CODES.length - 1),
  female: fc.boolean(),
  leader: fc.boolean(),
  direct: fc.boolean(),
  small: fc.boolean(),
});
const changeArb = fc.record({ pick: fc.nat(1000), action: fc.constantFrom('REVOKE', 'SUPERSEDE', 'REINSTATE' as const) });

async function insertRecords(tx: DbOrTx, recs: NewRecord[]) {
  if (recs.length === 0) return;
  const rows = recs.map((r) => {
    if (r.subject < persons.length) {
      const p = persons[r.subject]!;
      const scope = r.scope === 0 ? p.org : units[r.scope]!;
      return sql`(${p.id}::bigint, null::bigint, ${scope.path}, ${CODES[r.code]!}, ${r.year}::smallint, ${r.female ? 'FEMALE' : 'MALE'}, ${r.leader}, ${r.direct}, null::boolean)`;
    }
    const u = units[r.subject - persons.length]!;
    return sql`(null::bigint, ${u.id}::bigint, ${u.path}, ${CODES[r.code]!}, ${r.year}::smallint, null, null::boolean, null::boolean, ${r.small})`;
  });
  await tx.execute(sql`
    insert into award_record (person_id, org_id, scope_path, award_code, year, subject_gender, subject_is_leader, subject_is_direct_worker, subject_small)
    values ${sql.join(rows, sql`, `)}`);
}

async function applyChange(tx: DbOrTx, c: { pick: number; action: 'REVOKE' | 'SUPERSEDE' | 'REINSTATE' }) {
  const ids = (await tx.execute<{ id: number; status: string }>(sql`select id, status from award_record order by id`)).rows;
  if (ids.length === 0) return;
  const row = ids[c.pick % ids.length]!;
  if (c.action === 'REVOKE' && row.status === 'ACTIVE') {
    await tx.execute(sql`update award_record set status = 'REVOKED', revoked_at = now(), revoked_reason = 'Thu hồi theo quyết định' where id = ${row.id}`);
  } else if (c.action === 'SUPERSEDE' && row.status === 'ACTIVE') {
    // A replacing record (another code, same subject, scope and year), then the old one marked superseded.
    const n = await tx.execute<{ id: number }>(sql`
      insert into award_record (person_id, org_id, scope_path, award_code, year, subject_gender, subject_is_leader, subject_is_direct_worker, subject_small)
      select person_id, org_id, scope_path, case when award_code = 'LDTT' then 'CSTD_CS' else 'LDTT' end, year, subject_gender, subject_is_leader, subject_is_direct_worker, subject_small
      from award_record where id = ${row.id} returning id`);
    await tx.execute(sql`update award_record set status = 'SUPERSEDED', superseded_by = ${n.rows[0]!.id} where id = ${row.id}`);
  } else if (c.action === 'REINSTATE' && row.status !== 'ACTIVE') {
    await tx.execute(sql`update award_record set status = 'ACTIVE', revoked_at = null, revoked_reason = null, superseded_by = null where id = ${row.id}`);
  }
}

describe('dashboard rollups', () => {
  it('give the same figures as the base tables after random records, revocations, supersessions and reinstatements', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.array(recordArb, { minLength: 1, maxLength: 6 }), { minLength: 1, maxLength: 6 }),
        fc.array(changeArb, { maxLength: 8 }),
        async (batches, changes) => {
          await db
            .transaction(async (tx) => {
              for (const b of batches) await insertRecords(tx, b);
              for (const c of changes) await applyChange(tx, c);
              // Several rows at once: a bulk revocation of one year, then its reinstatement.
              if (changes.length > 4) {
                await tx.execute(sql`update award_record set status = 'REVOKED', revoked_at = now() where status = 'ACTIVE' and year = ${Y - 1}`);
                await expectSame(tx);
                await tx.execute(sql`update award_record set status = 'ACTIVE', revoked_at = null where status = 'REVOKED' and year = ${Y - 1}`);
              }
              await expectSame(tx);
              throw new Rollback();
            })
            .catch((e: unknown) => {
              if (!(e instanceof Rollback)) throw e;
            });
        },
      ),
      { numRuns: 40 },
    );
  }, 180_000); // 40 runs of a few hundred statements: well over the default when CI shares the machine

  it('stay right when 20 transactions sign awards for the same unit and year in parallel', async () => {
    const org = w.orgs.cdcsB;
    // The same people twice (runs of the same subject from parallel transactions), and the unit itself.
    const subjects = Array.from({ length: 20 }, (_, i) => (i < 18 ? persons[i % 6]! : null));
    await Promise.all(
      subjects.map((p, i) =>
        db.transaction(async (tx) => {
          if (p)
            await tx.execute(sql`insert into award_record (person_id, scope_path, award_code, year) values
              (${p.id}, ${org.path}, 'LDTT', ${i % 2 === 0 ? Y : Y - 1}), (${p.id}, ${org.path}, 'CSTD_CS', ${Y - 2})`);
          else await tx.execute(sql`insert into award_record (org_id, scope_path, award_code, year) values (${org.id}, ${org.path}, 'TTLDTT', ${Y - (i % 2)})`);
        }),
      ),
    );
    await Promise.all(
      subjects.slice(0, 10).map((_, i) =>
        db.transaction(async (tx) => {
          await tx.execute(sql`update award_record set status = 'REVOKED', revoked_at = now() where id = (
            select id from award_record where scope_path = ${org.path} and status = 'ACTIVE' order by id offset ${i * 2} limit 1)`);
        }),
      ),
    );
    await expectSame(db);
    const [a] = await rollupSource.awardCounts(db, { path: w.orgs.tld.path, year: Y }).then((rows) => rows.filter((r) => r.code === 'LDTT'));
    const direct = await db.execute<{ n: number }>(sql`select count(*)::int as n from award_record where status = 'ACTIVE' and award_code = 'LDTT' and year = ${Y} and person_id is not null`);
    expect(Number(a!.individuals)).toBe(Number(direct.rows[0]!.n));
  });

  it('keep the top 20 in order among many people with long runs, and follow a rename', async () => {
    const many: number[] = [];
    for (let i = 0; i < 45; i++) many.push(await createPerson(db, i % 3 === 0 ? w.orgs.toA : w.orgs.cdcsA, { fullName: `Nguyễn ${i % 2 ? 'Thị' : 'Văn'} Đức ${String.fromCharCode(65 + (i % 26))}` }));
    const rows = many.flatMap((id, i) => Array.from({ length: 2 + (i % 4) }, (_, k) => sql`(${id}::bigint, ${i % 3 === 0 ? w.orgs.toA.path : w.orgs.cdcsA.path}, 'LDTT', ${Y - k}::smallint)`));
    await db.execute(sql`insert into award_record (person_id, scope_path, award_code, year) values ${sql.join(rows, sql`, `)}`);
    await expectSame(db);
    // Renamed: the top list (read in name order from the rollup) follows.
    await db.execute(sql`update person set full_name = 'Ấu Văn Ân' where id in (${many[3]!}, ${many[7]!})`);
    // Units of the same name with runs: ties go by unit id, as in the base query.
    const unitRows = [w.orgs.cdcsA, w.orgs.toA, w.orgs.cdcsB].flatMap((u) => [Y, Y - 1, Y - 2].map((y) => sql`(${u.id}::bigint, ${u.path}, 'TTLDTT', ${y}::smallint)`));
    await db.execute(sql`insert into award_record (org_id, scope_path, award_code, year) values ${sql.join(unitRows, sql`, `)}`);
    await db.execute(sql`update organisation set name = 'Công đoàn cơ sở Ẩn Danh' where id in (${w.orgs.cdcsA.id}, ${w.orgs.toA.id}, ${w.orgs.cdcsB.id})`);
    await expectSame(db);
  });

  it('are rebuilt to the same rows as the triggers keep, with an audit event', async () => {
    const snapshot = async () =>
      db.execute(sql`
        select 'a' as t, prefix || '|' || year || '|' || award_code || '|' || individuals || '|' || non_leader || '|' || direct_worker || '|' || women || '|' || collectives || '|' || small as k
        from dash_award_rollup where individuals <> 0 or collectives <> 0
        union all select 'r', subject || '|' || year || '|' || run from dash_subject_run
        union all select 's', prefix || '|' || year || '|' || kind || '|' || run || '|' || subjects from dash_streak_count where subjects <> 0
        order by 1, 2`);
    const before = (await snapshot()).rows;
    expect(before.length).toBeGreaterThan(10);
    const r = await rebuildRollups(db, { userId: null });
    expect(r.awardRows).toBeGreaterThan(0);
    expect((await snapshot()).rows).toEqual(before);
    await expectSame(db);
    const ev = await db.execute<{ n: number }>(sql`select count(*)::int as n from audit_event where action = 'dashboard.rollups.rebuild'`);
    expect(Number(ev.rows[0]!.n)).toBe(1);
  });

  it('answer the dashboard API', async () => {
    const admin = await loginAs(env.app, 'admin');
    const res = await admin.request({ method: 'GET', url: `/api/v1/dashboard?orgId=${w.orgs.tinh.id}&year=${Y}` });
    expect(res.statusCode).toBe(200);
    const dto = res.json<DashboardDto>();
    const base = await baseSource.awardCounts(db, { path: w.orgs.tinh.path, year: Y });
    const expected = Object.fromEntries(base.map((r) => [r.code, [Number(r.individuals), Number(r.collectives)]]));
    expect(Object.fromEntries(dto.awards.items.map((i) => [i.code, [i.individuals, i.collectives]]))).toEqual(expected);
    const streaks = await baseStreaks();
    expect(dto.streaks.counts).toEqual(streaks.counts.map((c) => ({ years: Number(c.years), count: Number(c.count) })));
  });
});

const baseStreaks = () => baseSource.streaks(db, { path: w.orgs.tinh.path, year: Y });
