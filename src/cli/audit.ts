import type { Command } from './commands';
import { withDatabase } from './shared';
import { verifyAuditChain } from '../server/lib/audit';

export const auditCommand: Command = {
  help: 'audit verify — recompute the audit hash chain / kiểm tra toàn vẹn nhật ký',
  async run(_values, positionals) {
    if (positionals[0] !== 'verify') {
      console.error('Usage: vinhdanh audit verify');
      return 2;
    }
    return withDatabase(async ({ db }) => {
      const r = await verifyAuditChain(db);
      if (r.ok) {
        console.log(`OK: ${r.checked} audit events, chain intact.`);
        return 0;
      }
      console.error(`TAMPERED: ${r.problems.length} problem(s) in ${r.checked} events:`);
      for (const p of r.problems.slice(0, 50)) console.error(`  event ${p.id ?? '-'}: ${p.problem} — ${p.detail}`);
      return 3;
    });
  },
};
