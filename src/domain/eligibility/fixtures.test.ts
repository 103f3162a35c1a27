// Regression fixtures: past cases built from the rules (each file says why it ends as it does).
// Every expectation names the packs its reference date selects, so a change of pack windows shows.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { evaluateRequest } from '../../contracts/eligibility';
import { evaluate } from './index';

interface Expectation {
  referenceDate: string;
  packs: string[];
  status: string;
  failing: string[];
  missing: string[];
}
interface Fixture {
  name: string;
  why: string;
  request: unknown;
  expect: Expectation[];
}

const dir = join(import.meta.dirname, 'fixtures');
const fixtures: Fixture[] = readdirSync(dir)
  .filter((f) => f.endsWith('.json'))
  .sort()
  .map((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')) as Fixture);

const ruleIds = (reasons: { ruleId: string; outcome: string }[], outcome: string) => [...new Set(reasons.filter((r) => r.outcome === outcome).map((r) => r.ruleId))].sort();

describe('regression fixtures', () => {
  it('has at least 15 cases', () => {
    expect(fixtures.length).toBeGreaterThanOrEqual(15);
  });

  for (const fixture of fixtures) {
    for (const e of fixture.expect) {
      it(`${fixture.name} @ ${e.referenceDate}: ${e.status}`, () => {
        const req = evaluateRequest.parse({ ...(fixture.request as object), referenceDate: e.referenceDate });
        const result = evaluate(req);
        expect(result.rulePacks.map((p) => p.id)).toEqual(e.packs);
        expect(result.status).toBe(e.status);
        expect(ruleIds(result.reasons, 'FAIL')).toEqual([...e.failing].sort());
        expect(ruleIds(result.reasons, 'MISSING')).toEqual([...e.missing].sort());
      });
    }
  }
});
