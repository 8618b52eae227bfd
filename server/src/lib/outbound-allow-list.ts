// The operator's allow-list of on-premises notification receivers (NOTIFY_ALLOWED_HOSTS), and the connect-time rule.
import { domainToASCII } from 'node:url';
import ipaddr from 'ipaddr.js';
import {
  internalAddressClass,
  NEVER_REACHABLE,
  parseIpAddress,
  type AddressClass,
  type IpAddress,
} from './outbound-address';

/**
 * Networks (`10.20.0.0/16`, `fd12:3456::/48`, a single address) and exact host names (`siem.city.local`).
 * A municipality's LINE relay or SIEM on its own network is reached on purpose only when it is listed here.
 */
export interface OutboundAllowList {
  readonly networks: readonly [IpAddress, number][];
  readonly hosts: ReadonlySet<string>;
}

export const EMPTY_ALLOW_LIST: OutboundAllowList = { networks: [], hosts: new Set() };

const HOST_NAME =
  /^(?=.{1,253}$)[a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9_])?(?:\.[a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9_])?)*$/;

/** Lower case, ASCII (punycode), without the root's trailing dot: how URL and DNS spell the same name. */
export function normalizeHostName(name: string): string {
  const ascii = domainToASCII(name.trim().replace(/\.$/, '')) || name.trim().toLowerCase();
  return ascii.toLowerCase();
}

/** Throws on an entry that is neither a network, an address nor a host name, so a typo shows at startup. */
export function parseAllowList(entries: readonly string[]): OutboundAllowList {
  const networks: [IpAddress, number][] = [];
  const hosts = new Set<string>();
  for (const raw of entries.map((e) => e.trim()).filter(Boolean)) {
    if (raw.includes('/')) {
      if (!ipaddr.isValidCIDR(raw))
        throw new Error(`NOTIFY_ALLOWED_HOSTS: "${raw}" is not a valid network (CIDR)`);
      const [address, bits] = ipaddr.parseCIDR(raw);
      networks.push(
        address.kind() === 'ipv6' && (address as ipaddr.IPv6).isIPv4MappedAddress() && bits >= 96
          ? [(address as ipaddr.IPv6).toIPv4Address(), bits - 96]
          : [address, bits],
      );
      continue;
    }
    const address = parseIpAddress(raw);
    if (address) {
      networks.push([address, address.kind() === 'ipv4' ? 32 : 128]);
      continue;
    }
    const name = normalizeHostName(raw);
    if (!HOST_NAME.test(name))
      throw new Error(`NOTIFY_ALLOWED_HOSTS: "${raw}" is not an address, network (CIDR) or host name`);
    hosts.add(name);
  }
  return { networks, hosts };
}

export function isAllowedAddress(list: OutboundAllowList, address: IpAddress): boolean {
  return list.networks.some(
    ([network, bits]) => network.kind() === address.kind() && address.match(network, bits),
  );
}

/** A URL's host is allow-listed when it is a listed name, or an address inside a listed network. */
export function isAllowedHost(list: OutboundAllowList, host: string): boolean {
  const address = parseIpAddress(host);
  return address ? isAllowedAddress(list, address) : list.hosts.has(normalizeHostName(host));
}

/**
 * The connect-time rule for one address a host resolved to (or a literal address): null when the connection may
 * go ahead, otherwise the class that refuses it. A host listed by name may resolve to internal addresses.
 */
export function addressRefusal(
  list: OutboundAllowList,
  address: IpAddress,
  hostAllowed: boolean,
): AddressClass | null {
  const internal = internalAddressClass(address);
  if (internal === null) return null;
  if (NEVER_REACHABLE.has(internal)) return internal;
  return hostAllowed || isAllowedAddress(list, address) ? null : internal;
}
