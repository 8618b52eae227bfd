// Which IP addresses outbound notification requests may reach: public unicast only, whatever the notation.
import ipaddr from 'ipaddr.js';

export type IpAddress = ipaddr.IPv4 | ipaddr.IPv6;

/** Why an address is not public, in our own words (shown in the notification log, never taken from the input). */
export type AddressClass =
  | 'loopback'
  | 'private'
  | 'link-local'
  | 'cloud metadata'
  | 'unique-local'
  | 'CGNAT'
  | 'multicast'
  | 'broadcast'
  | 'unspecified'
  | 'reserved';

const LABELS: Partial<Record<string, AddressClass>> = {
  loopback: 'loopback',
  private: 'private',
  linkLocal: 'link-local',
  uniqueLocal: 'unique-local',
  carrierGradeNat: 'CGNAT',
  multicast: 'multicast',
  broadcast: 'broadcast',
  unspecified: 'unspecified',
};

// Instance metadata services (AWS/GCP/Azure/OpenStack, AWS over IPv6): credentials live there.
const METADATA = ['169.254.169.254', 'fd00:ec2::254'].map((a) => ipaddr.parse(a).toNormalizedString());
// IPv4-compatible IPv6 (::a.b.c.d, deprecated) is 'unicast' to ipaddr.js yet embeds an IPv4 address.
const IPV4_COMPATIBLE = ipaddr.parseCIDR('::/96');

/**
 * Parses an address in any notation ipaddr.js knows (dotted, decimal `2130706433`, hex `0x7f000001`, octal,
 * short `127.1`, IPv6 with or without brackets or zone), with IPv4-mapped IPv6 (`::ffff:127.0.0.1`) turned into
 * the IPv4 address it reaches. Null when the text is not an address (a host name).
 */
export function parseIpAddress(text: string): IpAddress | null {
  const bare = text.startsWith('[') && text.endsWith(']') ? text.slice(1, -1) : text;
  if (!ipaddr.isValid(bare)) return null;
  return ipaddr.process(bare);
}

/** Null for a public unicast address; otherwise the class that makes it internal. */
export function internalAddressClass(address: IpAddress): AddressClass | null {
  if (METADATA.includes(address.toNormalizedString())) return 'cloud metadata';
  const range = address.range();
  if (range === 'unicast') {
    return address.kind() === 'ipv6' && (address as ipaddr.IPv6).match(IPV4_COMPATIBLE) ? 'reserved' : null;
  }
  // Everything else (6to4, Teredo, NAT64, documentation, benchmarking...) either is not routable on the internet
  // or can tunnel to an address we cannot see from here.
  return LABELS[range] ?? 'reserved';
}

/** Classes no allow-list opens: none of them is ever a notification receiver, and metadata hands out credentials. */
export const NEVER_REACHABLE: ReadonlySet<AddressClass> = new Set([
  'unspecified',
  'multicast',
  'broadcast',
  'cloud metadata',
]);
