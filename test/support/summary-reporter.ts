// Prints one plain closing line ("N passed, N failed") that any CI log reader understands. A test
// file that fails before its tests run (an import or setup error) and errors outside tests are
// failures too, and are named on the line.
import type { Reporter, TestModule } from 'vitest/node';

export default class SummaryReporter implements Reporter {
  onTestRunEnd(modules: ReadonlyArray<TestModule>, unhandledErrors: ReadonlyArray<unknown>) {
    let passed = 0;
    let failed = 0;
    let skipped = 0;
    let failedFiles = 0;
    for (const m of modules) {
      if (m.state() === 'failed') failedFiles++;
      for (const t of m.children.allTests()) {
        const state = t.result().state;
        if (state === 'passed') passed++;
        else if (state === 'failed') failed++;
        else skipped++;
      }
    }
    const extra = [
      skipped ? `${skipped} skipped` : '',
      failedFiles ? `${failedFiles} files failed` : '',
      unhandledErrors.length ? `${unhandledErrors.length} errors outside tests` : '',
    ].filter(Boolean);
    process.stdout.write(`\nvitest: ${passed} passed, ${failed} failed${extra.map((e) => `, ${e}`).join('')}\n`);
  }
}
