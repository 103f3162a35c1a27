// Fault-injection points for the crash-safety tests (issue 11): a named point in the middle of a
// write (inside its transaction) where a test process can stop the server with SIGKILL. Active only
// when VD_FAILPOINTS names the point (comma-separated); then the process prints `FAILPOINT <name>`
// and waits there for ever. Otherwise a set lookup, nothing more.
const ACTIVE = new Set(
  (process.env.VD_FAILPOINTS ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean),
);

export type FailpointName = 'import.commit.chunk' | 'decision.sign.records' | 'council.ballot.cast' | 'report.job.step' | 'certificates.render';

export async function failpoint(name: FailpointName): Promise<void> {
  if (!ACTIVE.has(name)) return;
  process.stdout.write(`FAILPOINT ${name}\n`);
  await new Promise(() => {});
}
