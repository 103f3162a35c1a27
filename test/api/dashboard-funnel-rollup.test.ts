// The dashboard's funnel rollup (issue 10, national scale; migration 0023): rollupFunnel gives exactly
// what baseFunnel computes from the base tables — after random registrations of people and units
// (statuses, reviews, later changes of status, review, scope and year, deletions; one row or many per
// statement) and random nominations of rounds of two years with random event sequences (repeated
// submissions, revocations before and after the decision, several nominations' events in one statement);
// property test, each run in a transaction rolled back. A rebuild gives the same rows as the triggers
// keep; bulk statements of 20,000 registrations and 20,000 events go through.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { sql } from 'drizzle-orm';
import { startTestApp, type TestEnv } from '../support/app';
import { createOrg, createPerson, smallWorld, type OrgRef } from '../factories';
import type { Db, DbOrTx } from '../../src/server/db/client';
import { baseFunnel } from '../../src/server/modules/dashboard/dashboard.base';
import { rollupFunnel } from '../../src/server/modules/dashboard/dashboard.rollup-funnel';
import { rollupSource } from '../../src/server/modules/dashboard/dashboard.rollup';
import { rebuildRollups } from '../../src/server/modules/dashboard/dashboard.rollup-rebuild';

const YEARS = [2024, 2025] as const;
const PERSON_CODES = ['LDTT', 'CSTD_CS'];
const UNIT_CODES = ['TTLDTT', 'CDCS_HTXSNV'];
const KINDS = ['CREATED', 'SUBMITTED', 'SUBMITTED', 'APPRAISED', 'COUNCIL_PASSED', 'COUNCIL_FAILED', 'AWARDED', 'AWARDED', 'REVOKED'];

let env: TestEnv;
let db: Db;
let orgs: OrgRef[];
let units: OrgRef[];
const persons: number[] = [];

class Rollback extends Error {}

beforeAll(async () => {
  env = await startTestApp();
  db = env.database.db;
  const w = await smallWorld(db);
  const other = await createOrg(db, { code: 'TBI', name: 'Liên đoàn Lao động huyện Tân Biên', kind: 'LDLD_HUYEN', parent: w.orgs.tinh });
  const otherCdcs = await createOrg(db, { code: 'TBI-A', name: 'Công đoàn cơ sở Trường Tiểu học Tân Lập', kind: 'CDCS', parent: other });
  orgs = [w.orgs.tld, w.orgs.tinh, w.orgs.huyen, w.orgs.cdcsA, w.orgs.toA, w.orgs.cdcsB, other, otherCdcs];
  units = [w.orgs.cdcsA, w.orgs.toA, w.orgs.cdcsB, otherCdcs];
  const names = ['Lê Thị Hoa', 'Phạm Văn Hùng', 'Võ Thị Lan', 'Trương Văn Minh', 'Huỳnh Thị Ngọc', 'Đỗ Văn Phúc'];
  for (let i = 0; i < names.length; i++) persons.push(await createPerson(db, units[i % units.length]!, { fullName: names[i]! }));
});
afterAll(() => env.close());

/** The funnel of every organisation of the tree and both years, from the rollup and from the base tables: the same rows, types included. */
async function expectSame(tx: DbOrTx) {
  for (const o of orgs)
    for (const year of YEARS) {
      const s = { path: o.path, year };
      expect(await rollupFunnel(tx, s), `funnel ${o.code} ${year}`).toEqual(await baseFunnel(tx, s));
    }
}

const one = async (tx: DbOrTx, q: ReturnType<typeof sql>) => Number((await tx.execute<{ id: number }>(q)).rows[0]!.id);

/** subject 0–5: a person, 6–9: a unit (the unit itself); its registrations are kept at `scope`. */
const registrationArb = fc.record({
  subject: fc.nat(9),
  year: fc.nat(1),
  code: fc.nat(1),
  scope: fc.nat(3),
  status: fc.constantFrom('ACTIVE', 'ACTIVE', 'REVOKED', 'SUPERSEDED'),
  review: fc.constantFrom('SUBMITTED', 'APPROVED', 'RETURNED'),
});
type NewRegistration = typeof registrationArb extends fc.Arbitrary<infer T> ? T : never;

const changeArb = fc.record({
  pick: fc.nat(50),
  what: fc.constantFrom('STATUS', 'REVIEW', 'SCOPE', 'YEAR', 'DELETE'),
  status: fc.constantFrom('ACTIVE', 'REVOKED', 'SUPERSEDED'),
  review: fc.constantFrom('SUBMITTED', 'APPROVED', 'RETURNED'),
  scope: fc.nat(3),
});
type Change = typeof changeArb extends fc.Arbitrary<infer T> ? T : never;

const nominationArb = fc.record({
  subject: fc.nat(9),
  year: fc.nat(1),
  scope: fc.nat(3),
  events: fc.array(fc.nat(KINDS.length - 1), { maxLength: 7 }),
});
type NewNomination = typeof nominationArb extends fc.Arbitrary<infer T> ? T : never;

async function insertRegistrations(tx: DbOrTx, rs: NewRegistration[]): Promise<number[]> {
  if (rs.length === 0) return [];
  const rows = rs.map((r) => {
    const unit = units[r.scope]!;
    const person = r.subject < 6 ? persons[r.subject]! : null;
    const org = r.subject < 6 ? null : units[r.subject - 6]!.id;
    const code = (person ? PERSON_CODES : UNIT_CODES)[r.code]!;
    return sql`(${person}::bigint, ${org}::bigint, ${unit.path}, ${r.status}, ${YEARS[r.year]!}::smallint, ${code}, '2024-02-01'::date, ${unit.id}::bigint,
                ${r.review}, ${r.review === 'RETURNED' ? 'Thiếu bản đăng ký có chữ ký' : null}, ${r.status === 'REVOKED' ? sql`now()` : sql`null`}::timestamptz)`;
  });
  const r = await tx.execute<{ id: number }>(sql`
    insert into emulation_registration (person_id, org_id, scope_path, status, year, award_code, registered_on, unit_id, review_status, review_reason, revoked_at)
    values ${sql.join(rows, sql`, `)} returning id`);
  return r.rows.map((x) => Number(x.id));
}

/** One change to one registration; a change the unique index refuses (two in force for the same title) is undone by a savepoint. */
async function applyChange(tx: DbOrTx, ids: number[], c: Change) {
  const id = ids[c.pick % ids.length];
  if (id === undefined) return;
  const unit = units[c.scope]!;
  const change =
    c.what === 'STATUS'
      ? sql`update emulation_registration set status = ${c.status}, revoked_at = ${c.status === 'REVOKED' ? sql`now()` : sql`null`} where id = ${id}`
      : c.what === 'REVIEW'
        ? sql`update emulation_registration set review_status = ${c.review}, review_reason = ${c.review === 'RETURNED' ? 'Thiếu minh chứng' : null}, reviewed_at = now() where id = ${id}`
        : c.what === 'SCOPE'
          ? sql`update emulation_registration set scope_path = ${unit.path}, unit_id = ${unit.id} where id = ${id}`
          : c.what === 'YEAR'
            ? sql`update emulation_registration set year = (case when year = ${YEARS[0]} then ${YEARS[1]} else ${YEARS[0]} end)::smallint where id = ${id}`
            : sql`delete from emulation_registration where id = ${id}`;
  await tx.execute(sql`savepoint change`);
  try {
    await tx.execute(change);
    await tx.execute(sql`release savepoint change`);
  } catch (e) {
    if (!(e instanceof Error && /duplicate key|unique/i.test(`${e.message} ${String((e as { cause?: unknown }).cause)}`))) throw e;
    await tx.execute(sql`rollback to savepoint change`);
  }
}

async function insertNominations(tx: DbOrTx, rounds: number[], ns: NewNomination[]): Promise<number[]> {
  if (ns.length === 0) return [];
  const rows = ns.map((n) => {
    const unit = units[n.scope]!;
    const person = n.subject < 6 ? persons[n.subject]! : null;
    const subjectUnit = n.subject < 6 ? null : units[n.subject - 6]!;
    return sql`(${rounds[n.year]!}::bigint, ${unit.id}::bigint, ${unit.path}, ${person}::bigint, ${subjectUnit?.id ?? null}::bigint, ${(subjectUnit ?? unit).path},
                'Đối tượng thử', ${person ? 'LDTT' : 'TTLDTT'}, 'ELIGIBLE', now(), 'IN_REVIEW', ${unit.id}::bigint, ${unit.path})`;
  });
  const r = await tx.execute<{ id: number }>(sql`
    insert into nomination (round_id, proposer_org_id, proposer_path, person_id, subject_org_id, subject_path, subject_name, award_code,
                            eligibility_status, eligibility_checked_at, status, holder_org_id, holder_path)
    values ${sql.join(rows, sql`, `)} returning id`);
  return r.rows.map((x) => Number(x.id));
}

/**
 * The events of all nominations, interleaved in order (each nomination's own order kept), inserted in
 * statements of `chunk` events: one statement may carry several nominations' events, and a decision
 * and its revocation together.
 */
async function insertEvents(tx: DbOrTx, ids: number[], ns: NewNomination[], chunk: number) {
  const queue = ns.map((n, i) => n.events.map((k) => ({ id: ids[i]!, kind: KINDS[k]! })));
  const all: { id: number; kind: string }[] = [];
  for (let step = 0; queue.some((q) => q.length > 0); step++) {
    const q = queue[step % queue.length]!;
    const e = q.shift();
    if (e) all.push(e);
  }
  for (let i = 0; i < all.length; i += chunk) {
    const part = all.slice(i, i + chunk);
    await tx.execute(sql`insert into nomination_event (nomination_id, kind) values ${sql.join(
      part.map((e) => sql`(${e.id}::bigint, ${e.kind})`),
      sql`, `,
    )}`);
  }
}

async function insertRounds(tx: DbOrTx): Promise<number[]> {
  const rounds: number[] = [];
  for (const year of YEARS)
    rounds.push(
      await one(tx, sql`insert into nomination_round (org_id, org_path, year, title, kind, ceremony_date, award_codes, parameters, schedule)
                        values (${orgs[2]!.id}, ${orgs[2]!.path}, ${year}, ${`Tổng kết năm ${year}`}, 'ANNUAL', ${`${year}-12-30`}, '["LDTT","TTLDTT"]'::jsonb, '{"levels":[]}'::jsonb, '[]'::jsonb)
                        returning id`),
    );
  return rounds;
}

/** Rows with the same title and year for the same subject: only the first may be in force. */
const registrationKey = (r: NewRegistration) => `${r.subject}|${r.year}|${r.code}`;

describe('dashboard funnel rollup', () => {
  it('gives the same funnel as the base tables after random registrations, changes, nominations and events', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.uniqueArray(registrationArb, { selector: registrationKey, minLength: 1, maxLength: 8 }), { minLength: 1, maxLength: 3 }),
        fc.array(changeArb, { maxLength: 10 }),
        fc.uniqueArray(nominationArb, { selector: (n) => `${n.subject}|${n.year}`, minLength: 1, maxLength: 8 }),
        fc.integer({ min: 1, max: 6 }),
        async (batches, changes, nominations, chunk) => {
          await db
            .transaction(async (tx) => {
              // Batches may repeat a subject's title and year: keep the later duplicates out of force.
              const seen = new Set<string>();
              const ids: number[] = [];
              for (const b of batches) {
                const rows = b.map((r): NewRegistration => {
                  const k = registrationKey(r);
                  const dup = seen.has(k);
                  seen.add(k);
                  return dup && r.status === 'ACTIVE' ? { ...r, status: 'SUPERSEDED' as const } : r;
                });
                ids.push(...(await insertRegistrations(tx, rows)));
              }
              for (const c of changes) await applyChange(tx, ids, c);
              // Many rows in one statement: every registration of a year returned, then back to submitted.
              if (changes.length > 5) {
                await tx.execute(sql`update emulation_registration set review_status = 'RETURNED', review_reason = 'Trả lại hàng loạt' where year = ${YEARS[1]} and review_status <> 'RETURNED'`);
                await expectSame(tx);
                await tx.execute(sql`update emulation_registration set review_status = 'SUBMITTED', review_reason = null where year = ${YEARS[1]}`);
              }
              const rounds = await insertRounds(tx);
              const nids = await insertNominations(tx, rounds, nominations);
              await insertEvents(tx, nids, nominations, chunk);
              await expectSame(tx);
              throw new Rollback();
            })
            .catch((e: unknown) => {
              if (!(e instanceof Rollback)) throw e;
            });
        },
      ),
      { numRuns: 30 },
    );
  });

  it('counts a decision revoked before it is recorded, and a second revocation, once', async () => {
    await db
      .transaction(async (tx) => {
        const rounds = await insertRounds(tx);
        const n = { subject: 0, year: 1, scope: 0, events: [] };
        const [a, b, c] = await insertNominations(tx, rounds, [n, { ...n, subject: 1 }, { ...n, subject: 7 }]);
        const ev = (id: number, kind: string) => tx.execute(sql`insert into nomination_event (nomination_id, kind) values (${id}, ${kind})`);
        await ev(a!, 'REVOKED');
        await ev(a!, 'AWARDED'); // never decided: the revocation came first
        await ev(b!, 'AWARDED');
        await ev(b!, 'REVOKED');
        await ev(b!, 'REVOKED'); // out once
        await ev(c!, 'AWARDED');
        await ev(c!, 'AWARDED'); // in once
        const decided = (await rollupFunnel(tx, { path: orgs[0]!.path, year: YEARS[1] })).find((s) => s.stage === 'DECIDED')!;
        expect([Number(decided.individuals), Number(decided.collectives)]).toEqual([0, 1]);
        await expectSame(tx);
        throw new Rollback();
      })
      .catch((e: unknown) => {
        if (!(e instanceof Rollback)) throw e;
      });
  });

  it('stays right when decisions and revocations of the same nominations are recorded in parallel transactions', async () => {
    const rounds = await insertRounds(db);
    const ns = Array.from({ length: 8 }, (_, i): NewNomination => ({ subject: i, year: 0, scope: i % 4, events: [1] }));
    const ids = await insertNominations(db, rounds, ns);
    await insertEvents(db, ids, ns, 8);
    // Each nomination decided and revoked by two transactions at once, in both orders; a registration change alongside.
    await Promise.all(
      ids.flatMap((id, i) => {
        const kinds = i % 2 === 0 ? ['AWARDED', 'REVOKED'] : ['REVOKED', 'AWARDED'];
        return kinds.map((kind) =>
          db.transaction(async (tx) => {
            await tx.execute(sql`insert into nomination_event (nomination_id, kind) values (${id}, 'APPRAISED'), (${id}, ${kind})`);
            await tx.execute(sql`select pg_sleep(0.01)`);
          }),
        );
      }),
    );
    await expectSame(db);
    // Every one of them revoked: none decided.
    const decided = (await rollupFunnel(db, { path: orgs[0]!.path, year: YEARS[0] })).find((s) => s.stage === 'DECIDED')!;
    expect([Number(decided.individuals), Number(decided.collectives)]).toEqual([0, 0]);
  });

  it('takes 20,000 registrations and 20,000 events in one statement each', async () => {
    const unit = units[2]!;
    // 20,000 members of the unit, each registering once.
    await db.execute(sql`
      insert into person (member_code, full_name, gender, birth_date, is_leader, is_direct_worker, status, org_id, org_path, joined_union_on)
      select 'B' || lpad(g::text, 7, '0'), 'Đoàn viên ' || g, case when g % 2 = 0 then 'FEMALE' else 'MALE' end, '1990-01-01', false, g % 3 = 0, 'ACTIVE', ${unit.id}, ${unit.path}, '2015-01-01'
      from generate_series(1, 20000) g`);
    const reg = await db.execute(sql`
      insert into emulation_registration (person_id, scope_path, status, year, award_code, registered_on, unit_id, review_status, review_reason)
      select p.id, ${unit.path}, 'ACTIVE', ${YEARS[1]}, 'LDTT', '2025-02-01', ${unit.id},
             case when p.id % 10 = 0 then 'RETURNED' else 'APPROVED' end, case when p.id % 10 = 0 then 'Thiếu minh chứng' end
      from person p where p.member_code like 'B%'`);
    expect(reg.rowCount).toBe(20000);
    const rounds = await insertRounds(db);
    await db.execute(sql`
      insert into nomination (round_id, proposer_org_id, proposer_path, person_id, subject_path, subject_name, award_code,
                              eligibility_status, eligibility_checked_at, status, holder_org_id, holder_path)
      select ${rounds[1]!}, ${unit.id}, ${unit.path}, p.id, ${unit.path}, p.full_name, 'CSTD_CS', 'ELIGIBLE', now(), 'AWARDED', ${unit.id}, ${unit.path}
      from person p where p.member_code like 'B%' and p.id % 4 = 0`);
    const ev = await db.execute(sql`
      insert into nomination_event (nomination_id, kind)
      select n.id, k.kind from nomination n join nomination_round nr on nr.id = n.round_id and nr.id = ${rounds[1]!}
        cross join (values ('SUBMITTED'), ('APPRAISED'), ('COUNCIL_PASSED'), ('AWARDED')) k(kind)`);
    expect(ev.rowCount).toBe(20000);
    const f = await rollupFunnel(db, { path: unit.path, year: YEARS[1] });
    expect(f.map((s) => [s.stage, Number(s.individuals)])).toEqual([
      ['REGISTERED', 18000],
      ['NOMINATED', 5000],
      ['APPRAISED', 5000],
      ['COUNCIL', 5000],
      ['DECIDED', 5000],
    ]);
    await expectSame(db);
  });

  it('is rebuilt to the same rows as the triggers keep, and is what the live dashboard reads', async () => {
    const rounds = await insertRounds(db);
    const ns: NewNomination[] = [
      { subject: 1, year: 0, scope: 1, events: [1, 3, 4, 6, 8] },
      { subject: 8, year: 1, scope: 3, events: [1, 2, 3, 6] },
      { subject: 2, year: 1, scope: 0, events: [8, 6, 1] },
    ];
    await insertEvents(db, await insertNominations(db, rounds, ns), ns, 2);
    await insertRegistrations(db, [
      { subject: 3, year: 0, code: 1, scope: 2, status: 'ACTIVE', review: 'APPROVED' },
      { subject: 9, year: 1, code: 0, scope: 3, status: 'ACTIVE', review: 'SUBMITTED' },
    ]);
    const snapshot = async () =>
      (
        await db.execute(sql`
          select 'f' as t, prefix || '|' || year || '|' || stage || '|' || individuals || '|' || collectives as k
          from dash_funnel_rollup where individuals <> 0 or collectives <> 0
          union all select 'r', nomination_id || '|' || stage from dash_nomination_reach
          order by 1, 2`)
      ).rows;
    const before = await snapshot();
    expect(before.length).toBeGreaterThan(20);
    const r = await rebuildRollups(db, { userId: null });
    expect(r.funnelRows).toBeGreaterThan(0);
    expect(await snapshot()).toEqual(before);
    await expectSame(db);
    expect(rollupSource.funnel).toBe(rollupFunnel);
  });
});
