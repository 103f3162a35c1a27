import type { Command } from './commands';
import { withDatabase } from './shared';
import { createUserInput } from '../contracts/users';
import { ROLES, type Role } from '../contracts/enums';
import { grantRole, insertUser } from '../server/modules/users/users.service';
import { findOrgByCode } from '../server/modules/organisations/organisations.repository';

export const userCommand: Command = {
  help: 'user create --username U --password P --name "Họ tên" [--role ROLE --org CODE]',
  options: { username: { type: 'string' }, password: { type: 'string' }, name: { type: 'string' }, email: { type: 'string' }, role: { type: 'string' }, org: { type: 'string' } },
  async run(values, positionals) {
    if (positionals[0] !== 'create') {
      console.error('Usage: vinhdanh user create --username U --password P --name "Họ tên" [--role ROLE --org CODE]');
      return 2;
    }
    const input = createUserInput.parse({ username: values.username, password: values.password, displayName: values.name, email: values.email ?? null });
    const role = values.role as Role | undefined;
    if (role && !ROLES.includes(role)) throw new Error(`Unknown role ${role}; one of ${ROLES.join(', ')}`);
    if (role && !values.org) throw new Error('--role needs --org CODE');
    return withDatabase(async ({ db }) => {
      await db.transaction(async (tx) => {
        const id = await insertUser(tx, { userId: null }, input);
        if (role) {
          const org = await findOrgByCode(tx, String(values.org));
          if (!org) throw new Error(`No organisation with code ${values.org}`);
          await grantRole(tx, { userId: null }, id, role, Number(org.id));
        }
        console.log(`Created user ${input.username} (id ${id})${role ? ` with role ${role} on ${values.org}` : ''}.`);
      });
    });
  },
};
