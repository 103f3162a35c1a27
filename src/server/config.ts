// Runtime configuration from the environment, validated once at start-up.
import path from 'node:path';
import { z } from 'zod';

const schema = z.object({
  DATABASE_URL: z.string().url().optional(),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('127.0.0.1'),
  DATA_DIR: z.string().default('data'),
  SESSION_SECRET: z.string().min(32).optional(),
  /** Set when the app is served over HTTPS (directly or behind a proxy): cookies get `Secure`. */
  SECURE_COOKIES: z.enum(['true', 'false']).optional(),
  TRUST_PROXY: z.enum(['true', 'false']).default('false'),
  SMTP_URL: z.string().optional(),
  SMTP_FROM: z.string().default('Vinh Danh <no-reply@vinhdanh.local>'),
  /** Sender of the mail Vinh Danh sends (takes precedence over SMTP_FROM). */
  MAIL_FROM: z.string().optional(),
  /** Public address of the web app, for links in emails. */
  APP_URL: z.string().default('http://localhost:3000'),
  /**
   * A report frozen or re-run as of a moment waits until every transaction that began before the
   * moment plus this margin has ended (writes made then could still commit), then computes.
   */
  REPORT_SETTLE_MS: z.coerce.number().int().min(0).max(60_000).default(2000),
  /** Longest wait for those transactions; past it the computation fails with a reason. */
  REPORT_SETTLE_MAX_MS: z.coerce.number().int().min(0).max(3_600_000).default(600_000),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

export type Config = z.infer<typeof schema> & { dataDir: string };

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = schema.parse(env);
  return { ...parsed, dataDir: path.resolve(parsed.DATA_DIR) };
}
