import type { Command } from './commands';
import { withDatabase } from './shared';
import { BenchDataError, generateBenchData } from '../server/seed/bench-data';

function intOption(v: string | boolean | undefined, name: string, fallback: number): number {
  if (v === undefined) return fallback;
  const n = Number(String(v).replace(/[_,]/g, ''));
  if (!Number.isInteger(n)) throw new BenchDataError(`--${name} must be an integer`);
  return n;
}

export const benchDataCommand: Command = {
  help: 'bench-data --members N [--seed S] — synthetic national-scale data for benchmarks (empty database only)',
  options: { members: { type: 'string' }, seed: { type: 'string' } },
  async run(values) {
    const members = intOption(values.members, 'members', 0);
    if (!members) {
      console.error('Usage: vinhdanh bench-data --members N [--seed S]   (e.g. --members 1000000)');
      return 2;
    }
    const seed = intOption(values.seed, 'seed', 1);
    return withDatabase(async ({ db }) => {
      try {
        console.log(`Generating ${members.toLocaleString('en-US')} members (seed ${seed})…`);
        const r = await generateBenchData(db, { members, seed, log: (m) => console.log(m) });
        console.log(
          `Done: ${r.organisations.total.toLocaleString('en-US')} organisations, ${r.members.toLocaleString('en-US')} members in ${r.totalSeconds} s ` +
            `(${r.membersPerSecond.toLocaleString('en-US')} members/s).`,
        );
        console.log('Create a user to browse it, e.g.: npx vinhdanh user create --username admin --password … --name "Quản trị" --role SYSTEM_ADMIN --org TLD');
        return 0;
      } catch (err) {
        if (err instanceof BenchDataError) {
          console.error(err.message);
          return 1;
        }
        throw err;
      }
    });
  },
};
