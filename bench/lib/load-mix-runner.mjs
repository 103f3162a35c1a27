// Load generator of bench/load-mix.ts, run as its own process so that it does not share an event loop
// with the server under test. Input: the path of a JSON plan (written by load-mix.ts) with the loopback
// URL, the steps, the sessions (cookie and CSRF token per user) and the pools each kind of request
// draws from. Every request takes the next kind from a fixed weighted sequence (seeded shuffle of
// 100 slots), so every step sees the same mix; autocannon's `setupRequest` builds it with the
// user's cookie and CSRF token, `onResponse` feeds created nominations back to the edits.
// Output: one JSON line on stdout with, per step, statuses and latencies overall and per kind.
import fs from 'node:fs';
import autocannon from 'autocannon';

const plan = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'));
const host = new URL(plan.url).hostname;
if (host !== '127.0.0.1' && host !== 'localhost' && host !== '::1') {
  console.error('load-mix-runner only targets loopback addresses');
  process.exit(2);
}

function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// ── The weighted sequence of kinds ─────────────────────────────────────────────────────────────
const rand = prng(7);
const slots = plan.mix.flatMap((m) => Array.from({ length: m.weight }, () => m.kind));
for (let i = slots.length - 1; i > 0; i--) {
  const j = Math.floor(rand() * (i + 1));
  [slots[i], slots[j]] = [slots[j], slots[i]];
}
let slot = 0;
const counters = {};
const nextOf = (kind, n) => (counters[kind] = (counters[kind] ?? -1) + 1) % n;

// ── Mutable pools ──────────────────────────────────────────────────────────────────────────────
/** Nominations created during the run, waiting for an edit: { id, version, who }. */
const editable = [];
const voteQueues = plan.vote.voters.map((v) => ({ ...v, left: [...v.itemIds] }));
const CHOICES = ['YES', 'YES', 'YES', 'NO', 'ABSTAIN'];

function headers(who, body) {
  const s = plan.sessions[who];
  const h = { cookie: s.cookie, accept: 'application/json' };
  if (body !== undefined) {
    h['x-csrf-token'] = s.csrf;
    h['content-type'] = 'application/json';
  }
  return h;
}

/** The next request: { kind, op, method, path, who, body? }. */
function nextRequest() {
  let kind = slots[slot++ % slots.length];
  if (kind === 'browse' || kind === 'search' || kind === 'dashboard') {
    const pool = plan[kind];
    const r = pool[nextOf(kind, pool.length)];
    return { kind, op: r.op, method: 'GET', path: r.path, who: r.who };
  }
  if (kind === 'nominate') {
    // Half the nominate slots edit a nomination created earlier in the run (when there is one).
    if (nextOf('nominate-turn', 2) === 1 && editable.length > 0) {
      const n = editable.shift();
      const body = { version: n.version, achievementSummary: `Hoàn thành xuất sắc nhiệm vụ; sửa lần ${n.version}: bổ sung sáng kiến cải tiến quy trình được Công đoàn cơ sở công nhận.` };
      return { kind, op: 'nominate: edit (PATCH)', method: 'PATCH', path: `/api/v1/nominations/${n.id}`, who: n.who, body, edit: n };
    }
    const c = plan.nominate[nextOf('nominate-create', plan.nominate.length)];
    return { kind, op: 'nominate: create (POST)', method: 'POST', path: '/api/v1/nominations', who: c.who, body: c.body };
  }
  if (kind === 'appraise') {
    const lines = plan.appraise;
    const k = nextOf('appraise', lines.length);
    const l = lines[k];
    // Each pass over the lines alternates accepting and returning (allowed again while under appraisal).
    const pass = Math.floor(counters.appraise / lines.length);
    const body = pass % 2 === 0 ? { decision: 'ACCEPT' } : { decision: 'RETURN', reason: 'Báo cáo thành tích chưa có xác nhận của thủ trưởng đơn vị.' };
    return { kind, op: `appraise: ${body.decision}`, method: 'POST', path: `/api/v1/submissions/${l.submissionId}/items/${l.nominationId}`, who: l.who, body };
  }
  kind = 'vote';
  const start = nextOf('vote', voteQueues.length);
  let v = voteQueues[start];
  for (let i = 1; v.left.length === 0 && i < voteQueues.length; i++) v = voteQueues[(start + i) % voteQueues.length];
  // Every voter has voted on every item: the request is a repeat vote and must be refused (409).
  const repeat = v.left.length === 0;
  const itemId = repeat ? v.itemIds[0] : v.left.shift();
  const body = { votes: [{ itemId, choice: CHOICES[nextOf('choice', CHOICES.length)] }] };
  return { kind, op: repeat ? 'vote: repeat ballot (409 expected)' : 'vote: one secret ballot', method: 'POST', path: `/api/v1/council-meetings/${plan.vote.meetingId}/ballots`, who: v.who, body };
}

/** The kind of the request whose response is being recorded (onResponse runs just before the 'response' event). */
let current = null;

function run(connections, seconds, record) {
  return new Promise((resolve, reject) => {
    const latencies = [];
    const statuses = {};
    const kinds = {};
    const instance = autocannon(
      {
        url: plan.url,
        connections,
        duration: seconds,
        timeout: 30,
        requests: [
          {
            setupRequest: (req, context) => {
              const r = nextRequest();
              context.r = r;
              return { ...req, method: r.method, path: r.path, headers: headers(r.who, r.body), body: r.body === undefined ? undefined : JSON.stringify(r.body) };
            },
            onResponse: (status, body, context) => {
              const r = context.r;
              current = r;
              if (!r) return;
              if (r.op === 'nominate: create (POST)' && status === 201) {
                const n = JSON.parse(body);
                editable.push({ id: n.id, version: n.version, who: r.who });
              } else if (r.edit) {
                // Back in the queue with its new version (or the old one after a refusal).
                editable.push(status === 200 ? { ...r.edit, version: JSON.parse(body).version } : r.edit);
              }
            },
          },
        ],
      },
      (err, result) => (err ? reject(err) : resolve({ result, latencies, statuses, kinds })),
    );
    instance.on('response', (_client, statusCode, _bytes, responseTime) => {
      if (!record) return;
      statuses[statusCode] = (statuses[statusCode] ?? 0) + 1;
      latencies.push(responseTime);
      const op = current?.op ?? 'unknown';
      const k = (kinds[op] ??= { kind: current?.kind ?? 'unknown', statuses: {}, latencies: [] });
      k.statuses[statusCode] = (k.statuses[statusCode] ?? 0) + 1;
      k.latencies.push(responseTime);
      current = null;
    });
  });
}

const pct = (s, p) => (s.length ? s[Math.min(s.length, Math.max(1, Math.ceil((p / 100) * s.length))) - 1] : NaN);
const r2 = (x) => Math.round(x * 100) / 100;
const summary = (xs) => {
  xs.sort((a, b) => a - b);
  return { n: xs.length, p50: r2(pct(xs, 50)), p95: r2(pct(xs, 95)), p99: r2(pct(xs, 99)), max: r2(xs[xs.length - 1] ?? NaN) };
};

if (plan.warmupSeconds) await run(plan.warmupConnections ?? 4, plan.warmupSeconds, false);
const steps = [];
for (const connections of plan.steps) {
  const { result, latencies, statuses, kinds } = await run(connections, plan.seconds, true);
  const count = (pred) => Object.entries(statuses).filter(([c]) => pred(Number(c))).reduce((a, [, n]) => a + n, 0);
  const step = {
    connections,
    seconds: result.duration,
    responses: latencies.length,
    statuses,
    ok: count((c) => c >= 200 && c < 300),
    client4xx: count((c) => c >= 400 && c < 500),
    server5xx: count((c) => c >= 500),
    errors: result.errors,
    timeouts: result.timeouts,
    requestsPerSecond: r2(latencies.length / result.duration),
    latencyMs: summary(latencies),
    byKind: Object.fromEntries(
      [...new Set(Object.values(kinds).map((k) => k.kind))].map((kind) => [kind, { latencyMs: summary(Object.values(kinds).filter((k) => k.kind === kind).flatMap((k) => k.latencies)) }]),
    ),
    kinds: Object.fromEntries(Object.entries(kinds).map(([op, k]) => [op, { kind: k.kind, statuses: k.statuses, latencyMs: summary(k.latencies) }])),
  };
  steps.push(step);
  console.error(`  ${String(connections).padStart(3)} connections: ${step.requestsPerSecond} req/s, p50 ${step.latencyMs.p50} ms, p95 ${step.latencyMs.p95} ms, p99 ${step.latencyMs.p99} ms, 4xx ${step.client4xx}, 5xx ${step.server5xx}, errors ${step.errors}, timeouts ${step.timeouts}`);
}
console.log(JSON.stringify({ steps, editableLeft: editable.length, votesLeft: voteQueues.reduce((a, v) => a + v.left.length, 0) }));
