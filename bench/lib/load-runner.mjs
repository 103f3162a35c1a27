// Load generator, run as its own process so that it does not share an event loop with the server
// under test: autocannon against one loopback URL, every response time recorded (autocannon's own
// summary has no p95). Input: one JSON argument { url, connections, seconds, headers, warmupSeconds, paths? }.
// Output: one JSON line on stdout.
import autocannon from 'autocannon';

const opts = JSON.parse(process.argv[2] ?? '{}');
const host = new URL(opts.url).hostname;
if (host !== '127.0.0.1' && host !== 'localhost' && host !== '::1') {
  console.error('load-runner only targets loopback addresses');
  process.exit(2);
}

function run(seconds, record) {
  return new Promise((resolve, reject) => {
    const latencies = [];
    const statuses = {};
    const instance = autocannon(
      {
        url: opts.url,
        connections: opts.connections,
        duration: seconds,
        headers: opts.headers ?? {},
        timeout: 30,
        // With `paths`, every request takes the next path in turn (e.g. different search terms).
        ...(opts.paths?.length ? { requests: [{ method: 'GET', setupRequest: (req) => ({ ...req, path: opts.paths[next++ % opts.paths.length] }) }] } : {}),
      },
      (err, result) => (err ? reject(err) : resolve({ result, latencies, statuses })),
    );
    instance.on('response', (_client, statusCode, _bytes, responseTime) => {
      statuses[statusCode] = (statuses[statusCode] ?? 0) + 1;
      if (record && statusCode >= 200 && statusCode < 300) latencies.push(responseTime);
    });
  });
}

let next = 0;
const pct = (s, p) => (s.length ? s[Math.min(s.length, Math.max(1, Math.ceil((p / 100) * s.length))) - 1] : NaN);
const r2 = (x) => Math.round(x * 100) / 100;

if (opts.warmupSeconds) await run(opts.warmupSeconds, false);
const { result, latencies, statuses } = await run(opts.seconds, true);
latencies.sort((a, b) => a - b);
const ok = latencies.length;
console.log(
  JSON.stringify({
    url: opts.url,
    connections: opts.connections,
    seconds: opts.seconds,
    responses2xx: ok,
    statuses,
    errors: result.errors,
    timeouts: result.timeouts,
    requestsPerSecond: r2(ok / result.duration),
    latencyMs: {
      mean: r2(latencies.reduce((a, b) => a + b, 0) / Math.max(1, ok)),
      p50: r2(pct(latencies, 50)),
      p95: r2(pct(latencies, 95)),
      p99: r2(pct(latencies, 99)),
      max: r2(latencies[ok - 1] ?? NaN),
    },
    autocannon: { requestsPerSecondMean: result.requests.average, latencyP50: result.latency.p50, latencyP99: result.latency.p99 },
  }),
);
