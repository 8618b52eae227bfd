// Small: the connect-time lookup refuses a name when any address it resolves to is internal, unless allow-listed.
import type { LookupAddress, LookupOptions } from 'node:dns';
import type { LookupFunction } from 'node:net';
import { describe, expect, it } from 'vitest';
import {
  EMPTY_ALLOW_LIST,
  parseAllowList,
  type OutboundAllowList,
} from '@toc/server/lib/outbound-allow-list';
import { guardedLookup, RefusedAddressError } from './guarded-lookup';

/** A resolver that answers every name with the given addresses. */
const answering =
  (...addresses: string[]): LookupFunction =>
  (_hostname, _options, callback) =>
    callback(
      null,
      addresses.map((address) => ({ address, family: address.includes(':') ? 6 : 4 })),
    );

function lookup(
  allow: OutboundAllowList,
  host: string,
  resolve?: LookupFunction,
  options: LookupOptions = { all: true },
) {
  return new Promise<{ error: NodeJS.ErrnoException | null; address: string | LookupAddress[] }>((done) =>
    guardedLookup(allow, resolve)(host, options, (error, address) => done({ error, address })),
  );
}

describe('guardedLookup', () => {
  it('refuses a public-looking name that resolves to loopback (DNS rebinding)', async () => {
    const { error } = await lookup(EMPTY_ALLOW_LIST, 'hooks.partner-city.org', answering('127.0.0.1'));
    expect(error).toBeInstanceOf(RefusedAddressError);
    expect(error?.message).toBe('refused: resolves to an internal address (loopback)');
  });

  it.each([
    [['93.184.216.34', '10.0.0.5'], 'private'],
    [['2606:4700::1111', '::1'], 'loopback'],
    [['::ffff:169.254.169.254'], 'cloud metadata'],
    [['::ffff:7f00:1'], 'loopback'],
    [['100.100.100.200'], 'CGNAT'],
    [['0.0.0.0'], 'unspecified'],
  ])('checks every address: %j is refused as %s', async (addresses, reason) => {
    const { error } = await lookup(EMPTY_ALLOW_LIST, 'hooks.partner-city.org', answering(...addresses));
    expect(error?.message).toBe(`refused: resolves to an internal address (${reason})`);
  });

  it('passes public answers on in the form the socket asked for', async () => {
    const resolve = answering('93.184.216.34', '2606:4700::1111');
    expect((await lookup(EMPTY_ALLOW_LIST, 'hooks.example.org', resolve)).address).toHaveLength(2);
    const single = await new Promise<[string, number | undefined]>((done) =>
      guardedLookup(EMPTY_ALLOW_LIST, resolve)('hooks.example.org', {}, (_error, address, family) =>
        done([address as string, family]),
      ),
    );
    expect(single).toEqual(['93.184.216.34', 4]);
  });

  it('lets internal answers through for listed networks and names only', async () => {
    const allow = parseAllowList(['10.20.0.0/16', 'siem.city.local']);
    expect((await lookup(allow, 'relay.city.example', answering('10.20.1.5'))).error).toBeNull();
    expect(
      (await lookup(allow, 'relay.city.example', answering('10.20.1.5', '10.30.1.5'))).error?.message,
    ).toMatch(/private/);
    expect((await lookup(allow, 'SIEM.city.local', answering('192.168.9.9'))).error).toBeNull();
    // Even a listed name is never sent to 0.0.0.0 or the metadata service.
    expect((await lookup(allow, 'siem.city.local', answering('169.254.169.254'))).error?.message).toMatch(
      /metadata/,
    );
  });

  it.each(['localhost', '2130706433', '0x7f000001', '127.1', '0177.0.0.1'])(
    'refuses %s through the system resolver',
    async (host) => {
      const { error } = await lookup(EMPTY_ALLOW_LIST, host);
      expect(error?.message).toBe('refused: resolves to an internal address (loopback)');
    },
  );

  it('passes resolver errors through and treats an empty answer as not found', async () => {
    const failing: LookupFunction = (_h, _o, callback) =>
      callback(Object.assign(new Error('nope'), { code: 'ENOTFOUND' }), '');
    expect((await lookup(EMPTY_ALLOW_LIST, 'missing.example.org', failing)).error?.code).toBe('ENOTFOUND');
    expect((await lookup(EMPTY_ALLOW_LIST, 'empty.example.org', answering())).error?.code).toBe('ENOTFOUND');
  });
});
