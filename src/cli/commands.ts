import type { ParseArgsConfig } from 'node:util';
import { startCommand } from './start';
import { migrateCommand, seedDemoCommand } from './db-commands';
import { userCommand } from './user';
import { auditCommand } from './audit';
import { ballotsCommand } from './ballots';
import { importCommand } from './import';
import { backupCommand, restoreCommand } from './backup';
import { benchDataCommand } from './bench-data';
import { eligibilityCommand } from './eligibility';
import { remindersCommand } from './reminders';
import { rollupsCommand } from './rollups';

export interface Command {
  help: string;
  options?: ParseArgsConfig['options'];
  run(values: Record<string, string | boolean | undefined>, positionals: string[]): Promise<number | void>;
}

export const commands: Record<string, Command> = {
  start: startCommand,
  migrate: migrateCommand,
  'seed-demo': seedDemoCommand,
  user: userCommand,
  audit: auditCommand,
  ballots: ballotsCommand,
  import: importCommand,
  backup: backupCommand, restore: restoreCommand,
  'bench-data': benchDataCommand,
  eligibility: eligibilityCommand,
  reminders: remindersCommand,
  rollups: rollupsCommand,
};
