import type { Command } from './commands';
import { withDatabase } from './shared';
import { BenchDataError, generateBenchData } from '../server/seed/bench-data';
import { generateBenchAwards, generateBenchFunnel } from '../server/seed/bench-awards';

function intOption(v: string | boolean | undefined, name: string, fallback: number): number {
  if (v === undefined) return fallback;
  const n = Number(String(v).replace(/[_,]/g, ''));
  if (!Number.isInteger(n)) throw new BenchDataError(`--${name} must be an integer`);
  return n;
}

const USAGE =
  'Usage: vinhdanh bench-data --members N [--per-cdcs 40] [--awards M --years 10] [--seed S]   (e.g. --members 1000000)\n' +
  '       vinhdanh bench-data --awards M [--years 10] [--seed S]   (awards for the members already generated)\n' +
  'National scale: --members 11300000 --per-cdcs 90 --years 10 --awards 30000000';

export const benchDataCommand: Command = {
  help: 'bench-data --members N [--per-cdcs P] [--awards M --years Y] [--seed S] — synthetic national-scale data for benchmarks (empty database only)',
  options: { members: { type: 'string' }, seed: { type: 'string' }, 'per-cdcs': { type: 'string' }, awards: { type: 'string' }, years: { type: 'string' } },
  async run(values) {
    let members: number, seed: number, perCdcs: number, awards: number, years: number;
    try {
      members = intOption(values.members, 'members', 0);
      seed = intOption(values.seed, 'seed', 1);
      perCdcs = intOption(values['per-cdcs'], 'per-cdcs', 40);
      awards = intOption(values.awards, 'awards', 0);
      years = intOption(values.years, 'years', 10);
    } catch (err) {
      console.error((err as Error).message);
      return 2;
    }
    if (!members && !awards) {
      console.error(USAGE);
      return 2;
    }
    return withDatabase(async ({ db }) => {
      try {
        const log = (m: string) => console.log(m);
        if (members) {
          console.log(`Generating ${members.toLocaleString('en-US')} members (seed ${seed}, ${perCdcs} per grassroots union on average)…`);
          const r = await generateBenchData(db, { members, seed, perCdcs, log });
          console.log(
            `Done: ${r.organisations.total.toLocaleString('en-US')} organisations, ${r.members.toLocaleString('en-US')} members in ${r.totalSeconds} s ` +
              `(${r.membersPerSecond.toLocaleString('en-US')} members/s).`,
          );
        }
        if (awards) {
          console.log(`Generating about ${awards.toLocaleString('en-US')} award records over ${years} years…`);
          const a = await generateBenchAwards(db, { awards, years, seed, log });
          console.log(
            `Done: ${a.awards.toLocaleString('en-US')} award records (${a.individuals.toLocaleString('en-US')} individual, ${a.collectives.toLocaleString('en-US')} collective), ` +
              `${a.years[0]}–${a.years[1]}, rollups rebuilt, in ${a.totalSeconds} s.`,
          );
          await generateBenchFunnel(db, { year: a.years[1], seed, log });
        }
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
