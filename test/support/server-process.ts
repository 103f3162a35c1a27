// The real server as a child process (`vinhdanh start`) on a test database, for tests that must kill
// it (SIGKILL) and start it again: crash safety. Requests go over HTTP with the session cookie and
// the CSRF token, as the web client sends them.
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';

const BIN = path.resolve(import.meta.dirname, '../../bin/vinhdanh.js');

export interface ServerProcess {
  base: string;
  child: ChildProcess;
  /** Resolves when the server printed the line (e.g. `FAILPOINT decision.sign.records`). */
  waitForOutput(text: string, timeoutMs?: number): Promise<void>;
  kill(): Promise<void>;
  stop(): Promise<void>;
}

export async function startServer(o: { databaseUrl: string; dataDir: string; sessionSecret: string; failpoints?: string[] }): Promise<ServerProcess> {
  const child = spawn(process.execPath, [BIN, 'start', '--no-demo'], {
    env: {
      ...process.env,
      NODE_ENV: 'production',
      DATABASE_URL: o.databaseUrl,
      DATA_DIR: o.dataDir,
      SESSION_SECRET: o.sessionSecret,
      PORT: '0',
      HOST: '127.0.0.1',
      REPORT_SETTLE_MS: '100',
      VD_FAILPOINTS: (o.failpoints ?? []).join(','),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  const waiters: { text: string; resolve: () => void }[] = [];
  const onData = (b: Buffer) => {
    out += b.toString('utf8');
    for (const w of waiters.splice(0)) {
      if (out.includes(w.text)) w.resolve();
      else waiters.push(w);
    }
  };
  child.stdout!.on('data', onData);
  child.stderr!.on('data', onData);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const waitForOutput = (text: string, timeoutMs = 60_000) =>
    new Promise<void>((resolve, reject) => {
      if (out.includes(text)) return resolve();
      const timer = setTimeout(() => reject(new Error(`server did not print "${text}" in ${timeoutMs} ms; output:\n${out.slice(-2000)}`)), timeoutMs);
      waiters.push({ text, resolve: () => (clearTimeout(timer), resolve()) });
      void exited.then(() => {
        clearTimeout(timer);
        if (!out.includes(text)) reject(new Error(`server exited before printing "${text}"; output:\n${out.slice(-2000)}`));
      });
    });
  await waitForOutput('is running at');
  const m = /is running at (http:\/\/[^\s]+)/.exec(out);
  if (!m) throw new Error(`no address in the server output:\n${out}`);
  return {
    base: m[1]!,
    child,
    waitForOutput,
    async kill() {
      child.kill('SIGKILL');
      await exited;
    },
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      await exited;
    },
  };
}

/** A signed-in HTTP client of a running server. */
export class HttpClient {
  private cookie = '';
  private csrf = '';
  constructor(private readonly base: string) {}

  async login(username: string, password: string) {
    const res = await fetch(`${this.base}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password }) });
    if (res.status !== 200) throw new Error(`login ${username}: ${res.status} ${await res.text()}`);
    const set = res.headers.getSetCookie().find((c) => c.startsWith('vd_session='));
    this.cookie = set!.split(';')[0]!;
    this.csrf = ((await res.json()) as { csrfToken: string }).csrfToken;
    return this;
  }

  /** The session cookie, for requests made with fetch directly (binary downloads). */
  cookieHeader(): string {
    return this.cookie;
  }

  /** Same session on another server process (the session lives in the database). */
  on(base: string): HttpClient {
    const c = new HttpClient(base);
    c.cookie = this.cookie;
    c.csrf = this.csrf;
    return c;
  }

  async request(method: string, url: string, body?: unknown, extraHeaders: Record<string, string> = {}): Promise<{ status: number; json: () => unknown; text: string }> {
    const headers: Record<string, string> = { cookie: this.cookie, ...extraHeaders };
    if (method !== 'GET') headers['x-csrf-token'] = this.csrf;
    let payload: BodyInit | undefined;
    if (body instanceof FormData) payload = body;
    else if (body !== undefined) {
      headers['content-type'] = 'application/json';
      payload = JSON.stringify(body);
    }
    const res = await fetch(`${this.base}${url}`, { method, headers, ...(payload !== undefined ? { body: payload } : {}) });
    const text = await res.text();
    return { status: res.status, text, json: () => JSON.parse(text) };
  }
  get(url: string) {
    return this.request('GET', url);
  }
  post(url: string, body?: unknown) {
    return this.request('POST', url, body);
  }
}
