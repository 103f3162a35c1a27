// The organisation chain most benchmarks start from: Tổng Liên đoàn → LĐLĐ tỉnh Tây Ninh → LĐLĐ huyện
// Dương Minh Châu (code DMC), `units` grassroots unions under the district (DMC-1 … DMC-n), `people`
// members spread over them in turn, and the district's TĐKT officer `bench.huyen`.
import type { Db } from '../../src/server/db/client';
import { createOrg, createPerson, createUser, type OrgRef } from '../../test/factories';

export interface BenchDistrict {
  tld: OrgRef;
  tinh: OrgRef;
  huyen: OrgRef;
  units: OrgRef[];
  people: number[];
  /** The user id of `bench.huyen` (null when not asked for). */
  officerId: number | null;
}

export async function benchDistrict(db: Db, opts: { units?: number; people?: number; officer?: boolean } = {}): Promise<BenchDistrict> {
  const tld = await createOrg(db, { code: 'TLD', name: 'Tổng Liên đoàn Lao động Việt Nam', kind: 'TLD' });
  const tinh = await createOrg(db, { code: 'TNI', name: 'Liên đoàn Lao động tỉnh Tây Ninh', kind: 'LDLD_TINH', parent: tld });
  const huyen = await createOrg(db, { code: 'DMC', name: 'Liên đoàn Lao động huyện Dương Minh Châu', kind: 'LDLD_HUYEN', parent: tinh });
  const units: OrgRef[] = [];
  for (let i = 1; i <= (opts.units ?? 0); i++) units.push(await createOrg(db, { code: `DMC-${i}`, name: `Công đoàn cơ sở số ${i}`, kind: 'CDCS', parent: huyen }));
  const people: number[] = [];
  for (let i = 0; i < (opts.people ?? 0); i++) people.push(await createPerson(db, units[i % units.length]!, { fullName: `Đoàn viên ${String(i + 1).padStart(4, '0')}` }));
  const officerId = (opts.officer ?? true) ? await createUser(db, 'bench.huyen', [{ role: 'TDKT_OFFICER', org: huyen }]) : null;
  return { tld, tinh, huyen, units, people, officerId };
}
