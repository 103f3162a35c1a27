import { describe, expect, it } from 'vitest';
import { isDatabaseUnavailable } from './db-errors';

const pgError = (code: string, message = 'x') => Object.assign(new Error(message), { code });
const wrapped = (cause: unknown) => Object.assign(new Error('Failed query: select 1'), { cause });

describe('isDatabaseUnavailable', () => {
  it.each([
    ['a restart terminating the session (57P01)', pgError('57P01', 'terminating connection due to administrator command')],
    ['a server starting up (57P03)', pgError('57P03')],
    ['a crash shutdown (57P02)', pgError('57P02')],
    ['no connection slot left (53300)', pgError('53300')],
    ['a connection exception class 08 (08006)', pgError('08006')],
    ['a refused TCP connection', pgError('ECONNREFUSED', 'connect ECONNREFUSED 127.0.0.1:5432')],
    ['a reset socket', pgError('ECONNRESET')],
    ['the driver noticing the socket closed', new Error('Connection terminated unexpectedly')],
    ['the pool waiting too long', new Error('timeout exceeded when trying to connect')],
    ['any of these wrapped by the query builder', wrapped(pgError('57P01'))],
    ['wrapped twice', wrapped(wrapped(new Error('Connection terminated unexpectedly')))],
  ])('recognises %s', (_name, err) => {
    expect(isDatabaseUnavailable(err)).toBe(true);
  });

  it.each([
    ['a unique violation (23505)', pgError('23505', 'duplicate key value violates unique constraint')],
    ['a syntax error (42601)', pgError('42601')],
    ['a serialization failure (40001)', pgError('40001')],
    ['a programming error', new TypeError('Cannot read properties of undefined')],
    ['a wrapped constraint error', wrapped(pgError('23514'))],
    ['nothing at all', undefined],
    ['a string', 'boom'],
  ])('does not mistake %s for an outage', (_name, err) => {
    expect(isDatabaseUnavailable(err)).toBe(false);
  });
});
