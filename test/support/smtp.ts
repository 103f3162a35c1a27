// A local SMTP server for the tests that check real e-mail: it accepts every message and keeps its
// recipients and raw text, or refuses while `refuse()` says so (a mailbox that is temporarily down).
import { SMTPServer } from 'smtp-server';

export interface CapturedMail {
  to: string[];
  raw: string;
}

export interface CaptureSmtp {
  port: number;
  url: string;
  captured: CapturedMail[];
  close(): Promise<void>;
}

export async function startCaptureSmtp(o: { refuse?: () => boolean } = {}): Promise<CaptureSmtp> {
  const captured: CapturedMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        if (o.refuse?.()) return callback(new Error('Hộp thư tạm thời không nhận thư'));
        captured.push({ to: session.envelope.rcptTo.map((r) => r.address), raw: Buffer.concat(chunks).toString('utf8') });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.server.address() as { port: number }).port;
  return { port, url: `smtp://127.0.0.1:${port}`, captured, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}
