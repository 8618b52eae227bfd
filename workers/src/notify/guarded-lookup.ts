// DNS lookup for outbound notification requests: every resolved address is checked when the socket connects.
import { lookup as systemLookup, type LookupAddress } from 'node:dns';
import type { LookupFunction } from 'node:net';
import { parseIpAddress } from '@toc/server/lib/outbound-address';
import { addressRefusal, isAllowedHost, type OutboundAllowList } from '@toc/server/lib/outbound-allow-list';

/** How a refused connection shows in the notification log: a fixed text of ours. */
export class RefusedAddressError extends Error {
  readonly code = 'ERR_TOC_REFUSED_ADDRESS';
}

/** The refusal for one address the host is (or resolved to), or null when it may be reached. */
export function refusalFor(
  allow: OutboundAllowList,
  host: string,
  address: string,
  resolved: boolean,
): RefusedAddressError | null {
  const parsed = parseIpAddress(address);
  if (!parsed) return new RefusedAddressError('refused: not an IP address');
  const refusal = addressRefusal(allow, parsed, isAllowedHost(allow, host));
  if (refusal === null) return null;
  return new RefusedAddressError(
    resolved ? `refused: resolves to an internal address (${refusal})` : `refused: internal address (${refusal})`,
  );
}

/**
 * Wraps a lookup (the system resolver by default) so that a name resolving to an internal address is refused at the
 * moment of connecting: a check when the target was saved cannot see DNS answers that change later (rebinding).
 * All addresses are checked, not just the one tried first, because the socket may fall back to any of them.
 */
export function guardedLookup(
  allow: OutboundAllowList,
  resolve: LookupFunction = systemLookup as LookupFunction,
): LookupFunction {
  return (hostname, options, callback) => {
    resolve(hostname, { ...options, all: true }, (error, found) => {
      if (error) return callback(error, '');
      const addresses = Array.isArray(found)
        ? found
        : [{ address: found, family: options.family === 6 ? 6 : 4 }];
      if (addresses.length === 0)
        return callback(Object.assign(new Error(`no address for ${hostname}`), { code: 'ENOTFOUND' }), '');
      for (const { address } of addresses) {
        const refusal = refusalFor(allow, hostname, address, true);
        if (refusal) return callback(refusal, '');
      }
      if (options.all) return callback(null, addresses);
      const [first] = addresses as [LookupAddress];
      return callback(null, first.address, first.family);
    });
  };
}
