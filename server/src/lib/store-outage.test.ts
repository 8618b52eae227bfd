// Small: database and Redis outages are told apart from other failures (and from each other).
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { storeEndpoints, storeOutage } from './store-outage';

const endpoints = storeEndpoints('postgres://toc@db.internal:55432/toc', 'redis://cache.internal');

const pgError = (code: string) =>
  Object.assign(new pg.DatabaseError('x', 1, 'error'), { code, severity: 'FATAL' });
const socketError = (code: string, port: number) =>
  Object.assign(new Error(`connect ${code} 10.0.0.5:${port}`), { code, port, address: '10.0.0.5' });
const named = (name: string, message: string) => Object.assign(new Error(message), { name });

describe('storeOutage', () => {
  it('knows a database that is down, restarting, starting up or full', () => {
    for (const code of ['57P01', '57P02', '57P03', '08006', '08001', '53300']) {
      expect(storeOutage(pgError(code), endpoints)).toBe('database');
    }
    expect(storeOutage(new Error('Connection terminated unexpectedly'), endpoints)).toBe('database');
    expect(storeOutage(new Error('timeout exceeded when trying to connect'), endpoints)).toBe('database');
    expect(storeOutage(new Error('Query read timeout'), endpoints)).toBe('database');
  });

  it('knows Redis giving up on a command', () => {
    expect(
      storeOutage(named('MaxRetriesPerRequestError', 'Reached the max retries per request limit'), endpoints),
    ).toBe('redis');
    expect(storeOutage(new Error('Connection is closed.'), endpoints)).toBe('redis');
  });

  it('tells socket errors apart by the port they were connecting to', () => {
    expect(storeOutage(socketError('ECONNREFUSED', 55432), endpoints)).toBe('database');
    expect(storeOutage(socketError('ECONNRESET', 6379), endpoints)).toBe('redis');
    // An outbound call (a webhook, a camera) failing is not a store outage.
    expect(storeOutage(socketError('ECONNREFUSED', 443), endpoints)).toBeNull();
  });

  it('leaves query errors and everything else alone', () => {
    for (const code of ['23505', '22P02', '42P01', '57014'])
      expect(storeOutage(pgError(code), endpoints)).toBeNull();
    expect(storeOutage(new Error('boom'), endpoints)).toBeNull();
    expect(storeOutage('not an error', endpoints)).toBeNull();
  });
});
