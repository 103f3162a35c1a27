// Loads the demo world into an empty database with a handful of set-based statements.
import { sql } from 'drizzle-orm';
import type { Db, Tx } from '../db/client';
import { audit } from '../lib/audit';
import { buildDemoWorld, DEMO_PASSWORD, type DemoWorld } from './demo-world';
import { grantRole, insertUser } from '../modules/users/users.service';
import { insertSyntheticRecords } from './bench-records';
import { insertDemoPlan } from './demo-plan';
import { insertDemoClusters } from './demo-clusters';
import { insertDemoScoring } from './demo-scoring';
import { insertDemoNominations } from './demo-nominations';
import { insertDemoCouncil } from './demo-council';
import { insertDemoRegistrations } from './demo-registrations';
import { insertDemoMovements } from './demo-movements';
import { insertDemoOversight } from './demo-oversight';
import { seedDemoModels } from './demo-models';
import { insertDemoStories } from './demo-stories';

/**
 * The demo's history: ten years of ratings up to the current year, awards decided up to the year
 * before, so the current year is the one to consider (as in the year-end review it is built for).
 */
export function demoHistoryLastYear(now: Date = new Date()): number {
  return now.getFullYear();
}

async function allocateIds(tx: Tx, table: string, n: number): Promise<number[]> {
  if (n === 0) return [];
  const r = await tx.execute<{ id: number }>(
    sql`select nextval(pg_get_serial_sequence(${table}, 'id'))::bigint as id from generate_series(1, ${n})`,
  );
  return r.rows.map((x) => Number(x.id));
}

const json = (rows: unknown[]) => sql`${JSON.stringify(rows)}::jsonb`;

export async function isEmpty(db: Db): Promise<boolean> {
  const r = await db.execute(sql`select 1 from organisation limit 1`);
  return r.rows.length === 0;
}

/** `dataDir`: where the demo dossiers' files are stored; without it the submitted demo batches are left out. */
export async function loadDemo(db: Db, world: DemoWorld = buildDemoWorld(), opts: { dataDir?: string } = {}) {
  return db.transaction(async (tx) => {
    // Organisations: ids are allocated first so paths can be computed in one pass (parents come first).
    const orgIds = await allocateIds(tx, 'organisation', world.orgs.length);
    const byCode = new Map<string, { id: number; path: string; depth: number; provinceRoot: number | null }>();
    const orgRows = world.orgs.map((o, i) => {
      const id = orgIds[i]!;
      const parent = o.parentCode ? byCode.get(o.parentCode) : undefined;
      if (o.parentCode && !parent) throw new Error(`demo: parent ${o.parentCode} of ${o.code} comes later`);
      const depth = parent ? parent.depth + 1 : 0;
      const path = `${parent ? parent.path : '/'}${id}/`;
      const provinceRoot = depth === 0 ? null : depth === 1 ? id : parent!.provinceRoot;
      byCode.set(o.code, { id, path, depth, provinceRoot });
      return { id, code: o.code, name: o.name, short_name: o.shortName, kind: o.kind, sector: o.sector, parent_id: parent?.id ?? null, path, depth, province_root_id: provinceRoot, valid_from: o.validFrom, address: o.address };
    });
    await tx.execute(sql`
      insert into organisation (id, code, name, short_name, kind, sector, parent_id, path, depth, province_root_id, status, valid_from, address)
      select id, code, name, short_name, kind, sector, parent_id, path, depth, province_root_id, 'ACTIVE', valid_from, address
      from jsonb_to_recordset(${json(orgRows)}) as r(id bigint, code text, name text, short_name text, kind text, sector text, parent_id bigint,
        path text, depth smallint, province_root_id bigint, valid_from date, address text)`);
    await tx.execute(sql`
      insert into org_event (org_id, kind, effective_on, after)
      select id, 'CREATED', valid_from, jsonb_build_object('name', name, 'code', code, 'kind', kind) from organisation`);

    const personIds = await allocateIds(tx, 'person', world.persons.length);
    const personByCode = new Map<string, number>();
    const personRows = world.persons.map((p, i) => {
      const org = byCode.get(p.orgCode);
      if (!org) throw new Error(`demo: unknown unit ${p.orgCode}`);
      personByCode.set(p.memberCode, personIds[i]!);
      return {
        id: personIds[i], member_code: p.memberCode, full_name: p.fullName.normalize('NFC'), gender: p.gender, birth_date: p.birthDate, cccd: p.cccd,
        position: p.position, is_leader: p.isLeader, is_direct_worker: p.isDirectWorker, phone: p.phone, email: p.email, ethnicity: p.ethnicity,
        joined_union_on: p.joinedUnionOn, org_id: org.id, org_path: org.path, province_root_id: org.provinceRoot,
      };
    });
    for (let i = 0; i < personRows.length; i += 5000) {
      const chunk = personRows.slice(i, i + 5000);
      await tx.execute(sql`
        insert into person (id, member_code, full_name, gender, birth_date, cccd, position, is_leader, is_direct_worker, phone, email, ethnicity,
                            joined_union_on, status, org_id, org_path, province_root_id)
        select id, member_code, full_name, gender, birth_date, cccd, position, is_leader, is_direct_worker, phone, email, ethnicity,
               joined_union_on, 'ACTIVE', org_id, org_path, province_root_id
        from jsonb_to_recordset(${json(chunk)}) as r(id bigint, member_code text, full_name text, gender text, birth_date date, cccd text,
          position text, is_leader boolean, is_direct_worker boolean, phone text, email text, ethnicity text, joined_union_on date,
          org_id bigint, org_path text, province_root_id bigint)`);
    }
    await tx.execute(sql`insert into membership (person_id, org_id, valid_from) select id, org_id, coalesce(joined_union_on, current_date) from person`);

    const officerRows = world.officers.map((f) => ({ person_id: personByCode.get(f.memberCode), org_id: byCode.get(f.orgCode)?.id, title: f.title, valid_from: f.validFrom }));
    await tx.execute(sql`
      insert into officer (person_id, org_id, title, valid_from)
      select person_id, org_id, title, valid_from from jsonb_to_recordset(${json(officerRows)}) as r(person_id bigint, org_id bigint, title text, valid_from date)`);

    // Ten years of award history (ratings, LĐTT/CSTĐCS, initiatives…) so that eligibility has
    // something to explain from the first start.
    const lastYear = demoHistoryLastYear();
    const history = await insertSyntheticRecords(tx, { lastYear, years: 10, awardsThroughYear: lastYear - 1, seed: 7 });

    // The seed plan itself, as the district's draft plan for 2024.
    const planId = await insertDemoPlan(tx, 'TNI-DMC', 'TNI');
    await insertDemoClusters(tx, 'TNI-DMC', lastYear);

    const system = { userId: null };
    for (const u of world.users) {
      const userId = await insertUser(tx, system, {
        username: u.username, displayName: u.displayName, email: null, password: u.password, locale: 'vi',
        personId: u.memberCode ? (personByCode.get(u.memberCode) ?? null) : null,
      });
      await grantRole(tx, system, userId, u.role, byCode.get(u.orgCode)!.id);
    }
    await insertDemoRegistrations(tx, 'TNI-DMC');
    await insertDemoMovements(tx, 'TNI-DMC');
    await insertDemoScoring(tx, 'TNI-DMC', ['cdcs.truong', 'cdcs.fdi']);
    await insertDemoNominations(tx, 'TNI-DMC', ['cdcs.truong', 'cdcs.fdi'], opts.dataDir ?? null);
    await insertDemoCouncil(tx, 'TNI-DMC', 'hoidong');
    await insertDemoOversight(tx, 'TNI-DMC');
    await seedDemoModels(tx, 'TNI-DMC');
    await insertDemoStories(tx, 'TNI-DMC', ['cdcs.truong', 'cdcs.fdi']);
    await audit(tx, system, [{
      action: 'demo.seed', entityType: 'system', entityId: null, orgId: null,
      after: { organisations: orgRows.length, persons: personRows.length, officers: officerRows.length, users: world.users.length, ratings: history.ratings, awards: history.awards, planId },
    }]);
    return { organisations: orgRows.length, persons: personRows.length, users: world.users.map((u) => ({ username: u.username, role: u.role, orgCode: u.orgCode })), password: DEMO_PASSWORD };
  });
}
