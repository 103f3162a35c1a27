// Benchmark (a): diacritic-free substring search over the member list at national scale.
// Generates BENCH_MEMBERS (default 1,000,000) members with bench-data, then times the real list
// query path (listMembers / memberWhere from members.repository.ts, whatever it currently does) for
// ~200 unaccented queries drawn from the generated names, in the national scope and in one
// province's scope. For diagnosis it also times, with the same WHERE clause (memberWhere), the two
// plain statements a list is made of: the page ordered by name (LIMIT 25) and the exact count. The
// slowest queries are explained with EXPLAIN (ANALYZE, BUFFERS); candidate fixes are timed on the
// same queries, and so is the list without a search term.
import { sql, type SQL } from 'drizzle-orm';
import { generateBenchData } from '../src/server/seed/bench-data';
import { listMembers, memberWhere, type MemberFilter } from '../src/server/modules/members/members.repository';
import type { Db } from '../src/server/db/client';
import { openBenchDatabase, runCleanups } from './lib/database';
import { envInt, writeResult } from './lib/results';
import { prng, summarize, timed, type Summary } from './lib/stats';

const MEMBERS = envInt('BENCH_MEMBERS', 1_000_000);
const QUERIES = envInt('BENCH_QUERIES', 200);
const TARGET_P95_MS = 100;
const PAGE = 25;

type Category = 'full name' | 'middle + given' | 'given name' | 'family name' | '3-letter fragment';
const MIX: Array<[Category, number]> = [
  ['full name', 0.3],
  ['middle + given', 0.2],
  ['given name', 0.2],
  ['family name', 0.15],
  ['3-letter fragment', 0.15],
];

/** The list's columns and name order as members.repository.ts writes them (for the statement-level timings). */
const COLUMNS = sql`p.id, p.member_code, p.full_name, p.gender, p.birth_date, p.cccd, p.position, p.is_leader, p.is_direct_worker,
  p.phone, p.email, p.ethnicity, p.joined_union_on, p.status, p.org_id, p.org_path, o.name as org_name, p.version`;
const rowsQuery = (f: MemberFilter): SQL => sql`select ${COLUMNS} from person p left join organisation o on o.id = p.org_id
  where ${memberWhere(f)} order by p.full_name collate "vi-x-icu", p.id limit ${PAGE} offset ${0}`;
const countQuery = (f: MemberFilter): SQL => sql`select count(*)::int as n from person p where ${memberWhere(f)}`;

interface Query {
  q: string;
  category: Category;
}

async function sampleQueries(db: Db, n: number): Promise<Query[]> {
  const total = MEMBERS;
  const k = Math.min(1024, Math.ceil((4000 * 1024) / total));
  const r = await db.execute<{ name_folded: string }>(sql`
    select name_folded from person where (hashint8extended(id, 7) & 1023) < ${k} order by id limit 4000`);
  const names = r.rows.map((x) => x.name_folded);
  const rand = prng(42);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)]!;
  const out: Query[] = [];
  const seen = new Set<string>();
  for (const [category, share] of MIX) {
    const want = Math.round(n * share);
    for (let guard = 0, got = 0; got < want && guard < want * 50; guard++) {
      const words = pick(names).split(' ');
      let q: string;
      if (category === 'full name') q = words.join(' ');
      else if (category === 'middle + given') q = words.slice(-2).join(' ');
      else if (category === 'given name') q = words[words.length - 1]!;
      else if (category === 'family name') q = words[0]!;
      else {
        const long = words.filter((w) => w.length >= 3);
        if (!long.length) continue;
        const w = pick(long);
        const at = Math.floor(rand() * (w.length - 2));
        q = w.slice(at, at + 3);
      }
      // Repeats are allowed for single words (their frequency is part of reality), not for longer strings.
      if ((category === 'full name' || category === 'middle + given') && seen.has(q)) continue;
      seen.add(q);
      out.push({ q, category });
      got++;
    }
  }
  // Interleave the categories so that cache effects do not favour one of them.
  return out.map((x) => [rand(), x] as const).sort((a, b) => a[0] - b[0]).map(([, x]) => x);
}

interface Sample {
  q: string;
  category: Category;
  /** Exact number of matches (from the exact count statement). */
  matches: number;
  /** listMembers: what GET /members does. */
  combinedMs: number;
  /** The page statement ordered by name, alone. */
  rowsMs: number;
  /** The exact count statement, alone. */
  countMs: number;
}

async function measure(db: Db, paths: string[], queries: Query[]): Promise<Sample[]> {
  const out: Sample[] = [];
  for (const { q, category } of queries) {
    const f: MemberFilter = { paths, status: 'ACTIVE', q };
    const combined = await timed(() => listMembers(db, f, 'name', PAGE, 0));
    const rows = await timed(() => db.execute(rowsQuery(f)));
    const count = await timed(() => db.execute<{ n: number }>(countQuery(f)));
    out.push({ q, category, matches: Number(count.value.rows[0]!.n), combinedMs: combined.ms, rowsMs: rows.ms, countMs: count.ms });
  }
  return out;
}

function report(samples: Sample[]) {
  const by = (pick: (s: Sample) => number, xs = samples): Summary => summarize(xs.map(pick));
  const categories: Record<string, { n: number; medianMatches: number; combined: Summary; rows: Summary; count: Summary }> = {};
  for (const [c] of MIX) {
    const xs = samples.filter((s) => s.category === c);
    const m = xs.map((s) => s.matches).sort((a, b) => a - b);
    categories[c] = { n: xs.length, medianMatches: m[Math.floor(m.length / 2)] ?? 0, combined: by((s) => s.combinedMs, xs), rows: by((s) => s.rowsMs, xs), count: by((s) => s.countMs, xs) };
  }
  return { combined: by((s) => s.combinedMs), rows: by((s) => s.rowsMs), count: by((s) => s.countMs), categories };
}

// ── Candidate fixes, measured in this throwaway database only (src/server is not changed here).
// Both count through the trigram index with a cap and sort a small set of matches, as listMembers
// now does; for a large set, instead of walking the name index (whose matches can all sit at the
// far end of the alphabet: "Phan …", "Phùng …"), they page in unit order, which the org_path index
// serves from the scope's own prefix, by name within a unit — matches are spread over all units, so
// the first page is found after a few hundred rows.
const unitOrderQuery = (f: MemberFilter): SQL => sql`select ${COLUMNS} from person p left join organisation o on o.id = p.org_id
  where ${memberWhere(f)} order by p.org_path using ~<~, p.full_name collate "vi-x-icu", p.id limit ${PAGE} offset ${0}`;

interface Variant {
  key: string;
  label: string;
  run(db: Db, f: MemberFilter): Promise<{ large: boolean }>;
}
const VARIANTS: Variant[] = [
  {
    key: 'unit-order',
    label: 'as committed (count capped at 10,001; ≤ 2,000 matches sorted by name) but a larger set paged in unit order instead of walking the name index',
    async run(db, f) {
      const where = memberWhere(f);
      const n = Number((await db.execute<{ n: number }>(sql`select count(*)::int as n from (select 1 from person p where ${where} limit ${10_001}) m`)).rows[0]!.n);
      if (n <= 2000) {
        await db.execute(sql`select ${COLUMNS} from (select * from person p where ${where} offset 0) p left join organisation o on o.id = p.org_id
          order by p.full_name collate "vi-x-icu", p.id limit ${PAGE} offset ${0}`);
        return { large: false };
      }
      await db.execute(unitOrderQuery(f));
      return { large: true };
    },
  },
  {
    key: 'ids-1000',
    label: 'one pass: at most 1,001 matching ids (the count, capped at “more than 1,000”); ≤ 1,000: those ids sorted by name; more: the page in unit order',
    async run(db, f) {
      const ids = (await db.execute<{ id: number }>(sql`select p.id from person p where ${memberWhere(f)} limit ${1001}`)).rows.map((r) => Number(r.id));
      if (ids.length <= 1000) {
        await db.execute(sql`select ${COLUMNS} from person p left join organisation o on o.id = p.org_id
          where p.id = any(${sql.param(ids)}::bigint[]) order by p.full_name collate "vi-x-icu", p.id limit ${PAGE} offset ${0}`);
        return { large: false };
      }
      await db.execute(unitOrderQuery(f));
      return { large: true };
    },
  },
];
const CAP = 1000;

async function experiment(db: Db, paths: string[], queries: Query[], v: Variant) {
  for (const { q } of queries.slice(0, 10)) await v.run(db, { paths, status: 'ACTIVE', q });
  const samples: Array<{ q: string; category: Category; ms: number; large: boolean }> = [];
  for (const { q, category } of queries) {
    const r = await timed(() => v.run(db, { paths, status: 'ACTIVE', q }));
    samples.push({ q, category, ms: +r.ms.toFixed(2), large: r.value.large });
  }
  const categories = Object.fromEntries(MIX.map(([c]) => [c, summarize(samples.filter((x) => x.category === c).map((x) => x.ms))]));
  return { combined: summarize(samples.map((x) => x.ms)), categories, largeShare: samples.filter((x) => x.large).length / samples.length, slowest: [...samples].sort((a, b) => b.ms - a.ms).slice(0, 5) };
}

/** The list without a search term (the first page of GET /members): listMembers (exact count), and with the count capped. */
async function unfiltered(db: Db, paths: string[]) {
  const f: MemberFilter = { paths, status: 'ACTIVE' };
  const exact: number[] = [];
  const capped: number[] = [];
  for (let i = 0; i < 12; i++) {
    const a = await timed(() => listMembers(db, f, 'name', PAGE, 0));
    const b = await timed(() => Promise.all([db.execute(rowsQuery(f)), db.execute(sql`select count(*)::int as n from (select 1 from person p where ${memberWhere(f)} limit ${CAP + 1}) s`)]));
    if (i >= 2) {
      exact.push(a.ms);
      capped.push(b.ms);
    }
  }
  return { exactCount: summarize(exact), cappedCount: summarize(capped) };
}

async function explain(db: Db, query: SQL): Promise<string> {
  const r = await db.execute<{ 'QUERY PLAN': string }>(sql`explain (analyze, buffers) ${query}`);
  return r.rows.map((x) => x['QUERY PLAN']).join('\n');
}

async function main() {
  const started = new Date();
  const bdb = await openBenchDatabase('member_search');
  console.log(`member-search: ${bdb.postgres}, ${MEMBERS.toLocaleString('en-US')} members, ${QUERIES} queries`);
  const gen = await generateBenchData(bdb.db, { members: MEMBERS, seed: 1, log: (m) => (m.startsWith('  members') ? undefined : console.log(`  ${m}`)) });
  const orgs = await bdb.db.execute<{ code: string; path: string; name: string }>(sql`select code, path, name from organisation where code in ('TLD', 'HCM')`);
  const national = orgs.rows.find((o) => o.code === 'TLD')!;
  const province = orgs.rows.find((o) => o.code === 'HCM')!;
  const provinceMembers = Number((await bdb.db.execute<{ n: number }>(sql`select count(*)::int as n from person where org_path like ${province.path + '%'}`)).rows[0]!.n);
  const queries = await sampleQueries(bdb.db, QUERIES);
  console.log(`  ${queries.length} queries, e.g. ${queries.slice(0, 8).map((x) => JSON.stringify(x.q)).join(', ')}`);

  // Warm-up (not measured): the first 20 queries in both scopes.
  await measure(bdb.db, [national.path], queries.slice(0, 20));
  await measure(bdb.db, [province.path], queries.slice(0, 20));

  const scopes: Record<string, { path: string; name: string; members: number; samples: Sample[] }> = {
    national: { path: national.path, name: national.name, members: MEMBERS, samples: [] },
    province: { path: province.path, name: province.name, members: provinceMembers, samples: [] },
  };
  for (const [key, s] of Object.entries(scopes)) {
    const t0 = performance.now();
    s.samples = await measure(bdb.db, [s.path], queries);
    const rep = report(s.samples);
    console.log(`  ${key}: rows+count p50 ${rep.combined.p50} ms, p95 ${rep.combined.p95} ms, p99 ${rep.combined.p99} ms | rows only p95 ${rep.rows.p95} ms | count only p95 ${rep.count.p95} ms  (${((performance.now() - t0) / 1000).toFixed(1)} s)`);
    for (const [c, v] of Object.entries(rep.categories)) console.log(`    ${c.padEnd(18)} n=${String(v.n).padStart(3)} median matches ${String(v.medianMatches).padStart(7)}  rows+count p50 ${v.combined.p50} p95 ${v.combined.p95}  rows p95 ${v.rows.p95}  count p95 ${v.count.p95}`);
  }

  // Plans of the slowest national queries and of one typical query per category.
  const nat = scopes.national!.samples;
  const slowest = [...nat].sort((a, b) => b.combinedMs - a.combinedMs).slice(0, 3);
  const typical = MIX.map(([c]) => {
    const xs = nat.filter((s) => s.category === c).sort((a, b) => a.combinedMs - b.combinedMs);
    return xs[Math.floor(xs.length / 2)];
  }).filter((x): x is Sample => !!x);
  const plans: Array<{ q: string; category: string; scope: string; matches: number; rowsPlan: string; countPlan: string }> = [];
  for (const s of [...slowest, ...typical]) {
    if (plans.some((p) => p.q === s.q)) continue;
    const f: MemberFilter = { paths: [national.path], status: 'ACTIVE', q: s.q };
    plans.push({ q: s.q, category: s.category, scope: 'national', matches: s.matches, rowsPlan: await explain(bdb.db, rowsQuery(f)), countPlan: await explain(bdb.db, countQuery(f)) });
  }
  console.log(`  slowest national queries: ${slowest.map((s) => `${JSON.stringify(s.q)} ${s.combinedMs.toFixed(0)} ms (${s.matches} matches)`).join(', ')}`);

  const experiments: Array<{ key: string; label: string; scope: string } & Awaited<ReturnType<typeof experiment>>> = [];
  const list: Record<string, Awaited<ReturnType<typeof unfiltered>>> = {};
  for (const [key, s] of Object.entries(scopes)) {
    for (const v of VARIANTS) {
      const e = await experiment(bdb.db, [s.path], queries, v);
      experiments.push({ key: v.key, label: v.label, scope: key, ...e });
      console.log(`  candidate ${v.key}, ${key}: p50 ${e.combined.p50} ms, p95 ${e.combined.p95} ms, p99 ${e.combined.p99} ms (${Math.round(e.largeShare * 100)} % large match sets)`);
    }
    list[key] = await unfiltered(bdb.db, [s.path]);
    console.log(`  list without a search term, ${key}: listMembers p50 ${list[key]!.exactCount.p50} ms, with a capped count p50 ${list[key]!.cappedCount.p50} ms`);
  }

  const result = {
    members: MEMBERS,
    generation: gen,
    targetP95Ms: TARGET_P95_MS,
    queries: queries.length,
    pageSize: PAGE,
    sort: 'name',
    scopes: Object.fromEntries(
      Object.entries(scopes).map(([k, s]) => [k, { name: s.name, path: s.path, members: s.members, ...report(s.samples), samples: s.samples.map((x) => ({ ...x, combinedMs: +x.combinedMs.toFixed(2), rowsMs: +x.rowsMs.toFixed(2), countMs: +x.countMs.toFixed(2) })) }]),
    ),
    plans,
    experiments,
    unfilteredList: list,
  };
  const file = writeResult('member-search', started, result, bdb.postgres);
  console.log(`  → ${file}`);
}

try {
  await main();
} finally {
  await runCleanups();
}
