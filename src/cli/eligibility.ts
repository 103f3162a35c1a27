import fs from 'node:fs/promises';
import { z } from 'zod';
import type { Command } from './commands';
import { evaluateRequest } from '../contracts/eligibility';
import { evaluate } from '../domain/eligibility';
import { zodDetails } from '../server/lib/http';
import type { Locale } from '../contracts/enums';

// Chosen by shape, so that errors name the field (a union would only say "invalid").
const many = z.array(evaluateRequest).min(1).max(100_000);

/**
 * `vinhdanh eligibility --facts FILE.json`: JSON in, JSON out. Evaluates one request (or an array of
 * them) with the rule packs and catalogue shipped in the code; nothing touches a database. The
 * format is documented in docs/eligibility.md and in the OpenAPI document (EvaluateRequest).
 */
export const eligibilityCommand: Command = {
  help: 'eligibility --facts FILE.json [--locale vi|en] — xét điều kiện từ dữ liệu nhập (JSON vào, JSON ra)',
  options: { facts: { type: 'string' }, locale: { type: 'string' } },
  async run(values) {
    const file = values.facts;
    if (typeof file !== 'string') {
      console.error('Usage: vinhdanh eligibility --facts FILE.json [--locale vi|en]   (FILE "-" reads standard input)');
      return 2;
    }
    const locale: Locale = values.locale === 'en' ? 'en' : 'vi';
    const text = file === '-' ? await readStdin() : await fs.readFile(file, 'utf8');
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch (err) {
      console.error(locale === 'vi' ? `Tệp không phải JSON hợp lệ: ${(err as Error).message}` : `Not valid JSON: ${(err as Error).message}`);
      return 2;
    }
    const parsed = Array.isArray(json) ? many.safeParse(json) : evaluateRequest.safeParse(json);
    if (!parsed.success) {
      console.error(JSON.stringify({ error: 'VALIDATION', fields: zodDetails(parsed.error, locale).fields }, null, 2));
      return 2;
    }
    const out = Array.isArray(parsed.data) ? parsed.data.map((r) => evaluate(r, { locale })) : evaluate(parsed.data, { locale });
    process.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
    return 0;
  },
};

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}
