// The client address a login limit counts against: an IPv4 address, or the /64 network of an IPv6 one.
import { isIPv4, isIPv6 } from 'node:net';

/**
 * One IPv6 host usually owns a whole /64, so counting single IPv6 addresses would give it 2^64 fresh limits.
 * IPv4-mapped IPv6 (`::ffff:192.0.2.7`, what a dual-stack socket reports) counts as the IPv4 address.
 */
export function addressScope(ip: string | null | undefined): string {
  if (!ip) return 'unknown';
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(ip);
  if (mapped) return mapped[1]!;
  if (isIPv4(ip)) return ip;
  if (!isIPv6(ip)) return 'unknown';
  return `${expandIPv6(ip).slice(0, 4).join(':')}::/64`;
}

/** The eight 16-bit groups of an IPv6 address, without leading zeros; a zone (`%eth0`) is dropped. */
function expandIPv6(ip: string): string[] {
  const [head = '', tail] = ip.split('%')[0]!.toLowerCase().split('::');
  const groups = (part: string | undefined) => (part ? part.split(':') : []);
  const left = groups(head);
  const right = groups(tail);
  const middle = tail === undefined ? [] : new Array<string>(8 - left.length - right.length).fill('0');
  return [...left, ...middle, ...right].map((group) => (Number.parseInt(group, 16) || 0).toString(16));
}
