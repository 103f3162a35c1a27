import { hash, verify } from '@node-rs/argon2';

// OWASP's Argon2id baseline (19 MiB, 2 passes, 1 lane).
const OPTIONS = { algorithm: 2 /* Algorithm.Argon2id (a const enum) */, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export const hashPassword = (password: string) => hash(password, OPTIONS);
export const verifyPassword = (passwordHash: string, password: string) => verify(passwordHash, password).catch(() => false);

let dummy: Promise<string> | null = null;
/** Verifies against a throwaway hash so unknown usernames take as long as wrong passwords. */
export async function burnVerify(password: string): Promise<void> {
  dummy ??= hashPassword('vinhdanh-dummy-password');
  await verifyPassword(await dummy, password);
}
