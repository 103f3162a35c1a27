// `vinhdanh` command line: start the product, run migrations, load demo data, manage users,
// import members, verify the audit chain, back up and restore, generate benchmark data.
import { parseArgs } from 'node:util';
import { commands } from './commands';

const [name, ...rest] = process.argv.slice(2);
const command = name ? commands[name] : undefined;
if (!command) {
  console.log(`Cách dùng / usage: vinhdanh <lệnh> [tuỳ chọn]\n`);
  for (const [n, c] of Object.entries(commands)) console.log(`  ${n.padEnd(14)} ${c.help}`);
  process.exit(name ? 2 : 0);
}
try {
  const { values, positionals } = parseArgs({ args: rest, options: command.options ?? {}, allowPositionals: true, strict: true });
  const code = await command.run(values as Record<string, string | boolean | undefined>, positionals);
  if (typeof code === 'number' && code !== 0) process.exit(code);
} catch (err) {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
}
