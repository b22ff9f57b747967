// Which network addresses jikenbo may fetch from: never loopback, private, link-local, metadata or
// otherwise non-public ones, so a URL in a feed or a redirect cannot reach the machine's own network.
import { BlockList, isIP } from 'node:net';

interface Range {
  network: string;
  prefix: number;
  why: string;
}

const IPV4_RANGES: Range[] = [
  { network: '0.0.0.0', prefix: 8, why: 'unspecified ("this network")' },
  { network: '10.0.0.0', prefix: 8, why: 'private (10/8)' },
  { network: '100.64.0.0', prefix: 10, why: 'carrier-grade NAT (100.64/10)' },
  { network: '127.0.0.0', prefix: 8, why: 'loopback' },
  // 169.254.169.254 (cloud metadata) lies inside it; named separately below for the message.
  { network: '169.254.0.0', prefix: 16, why: 'link-local (169.254/16)' },
  { network: '172.16.0.0', prefix: 12, why: 'private (172.16/12)' },
  { network: '192.0.0.0', prefix: 24, why: 'IETF protocol assignments (192.0.0/24)' },
  { network: '192.0.2.0', prefix: 24, why: 'documentation (TEST-NET-1)' },
  { network: '192.168.0.0', prefix: 16, why: 'private (192.168/16)' },
  { network: '198.18.0.0', prefix: 15, why: 'benchmarking (198.18/15)' },
  { network: '198.51.100.0', prefix: 24, why: 'documentation (TEST-NET-2)' },
  { network: '203.0.113.0', prefix: 24, why: 'documentation (TEST-NET-3)' },
  { network: '224.0.0.0', prefix: 4, why: 'multicast' },
  { network: '240.0.0.0', prefix: 4, why: 'reserved (240/4, broadcast)' },
];

const IPV6_RANGES: Range[] = [
  { network: '::', prefix: 128, why: 'unspecified (::)' },
  { network: '::1', prefix: 128, why: 'loopback (::1)' },
  { network: 'fd00:ec2::254', prefix: 128, why: 'cloud metadata (fd00:ec2::254)' },
  { network: 'fc00::', prefix: 7, why: 'unique local (fc00::/7)' },
  { network: 'fe80::', prefix: 10, why: 'link-local (fe80::/10)' },
  { network: 'fec0::', prefix: 10, why: 'site-local (fec0::/10, deprecated)' },
  { network: 'ff00::', prefix: 8, why: 'multicast' },
  { network: '100::', prefix: 64, why: 'discard-only (100::/64)' },
  { network: '2001:db8::', prefix: 32, why: 'documentation (2001:db8::/32)' },
];

const METADATA_V4 = '169.254.169.254';

function blockListOf(ranges: Range[], type: 'ipv4' | 'ipv6'): Array<{ list: BlockList; why: string }> {
  return ranges.map(({ network, prefix, why }) => {
    const list = new BlockList();
    list.addSubnet(network, prefix, type);
    return { list, why };
  });
}

const V4 = blockListOf(IPV4_RANGES, 'ipv4');
const V6 = blockListOf(IPV6_RANGES, 'ipv6');

/**
 * Why an address must not be fetched from, or null when it is a public one. Takes an IPv4 or IPv6
 * literal (brackets allowed); anything else is refused, since only resolved addresses reach here.
 * IPv6 forms that carry an IPv4 address (mapped ::ffff:0:0/96, translated ::ffff:0:0:0/96, compatible
 * ::a.b.c.d, NAT64 64:ff9b::/96, 6to4 2002::/16) are judged by the IPv4 address they carry.
 */
export function forbiddenAddressReason(address: string): string | null {
  const bare = address.replace(/^\[|\]$/g, '').replace(/%.*$/, '');
  const family = isIP(bare);
  if (family === 4) return ipv4Reason(bare);
  if (family !== 6) return `"${address.slice(0, 60)}" is not an IP address`;
  const groups = expandIpv6(bare);
  const embedded = embeddedIpv4(groups);
  if (embedded) {
    const reason = ipv4Reason(embedded);
    return reason ? `${reason}, inside the IPv6 address ${bare}` : null;
  }
  for (const { list, why } of V6) if (list.check(bare, 'ipv6')) return why;
  return null;
}

function ipv4Reason(address: string): string | null {
  if (address === METADATA_V4) return 'cloud metadata (169.254.169.254)';
  if (address === '0.0.0.0') return 'unspecified (0.0.0.0)';
  for (const { list, why } of V4) if (list.check(address, 'ipv4')) return why;
  return null;
}

/** Eight 16-bit groups of a valid IPv6 literal (a trailing dotted IPv4 part becomes two groups). */
function expandIpv6(address: string): number[] {
  let text = address.toLowerCase();
  const dotted = /(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (dotted) {
    const [a, b, c, d] = dotted[1]!.split('.').map(Number) as [number, number, number, number];
    text = `${text.slice(0, dotted.index)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head, tail] = text.split('::') as [string, string | undefined];
  const parse = (part: string | undefined) => (part ? part.split(':').map((g) => parseInt(g, 16)) : []);
  const left = parse(head);
  const right = parse(tail);
  const fill = tail === undefined ? [] : new Array<number>(8 - left.length - right.length).fill(0);
  return [...left, ...fill, ...right];
}

function embeddedIpv4(g: number[]): string | null {
  const v4 = (hi: number, lo: number) => `${hi >> 8}.${hi & 0xff}.${lo >> 8}.${lo & 0xff}`;
  const zeroUpTo = (n: number) => g.slice(0, n).every((x) => x === 0);
  // ::ffff:a.b.c.d (mapped)
  if (zeroUpTo(5) && g[5] === 0xffff) return v4(g[6]!, g[7]!);
  // ::ffff:0:a.b.c.d (IPv4-translated, RFC 2765): a translator in the path would reach the IPv4 address
  if (zeroUpTo(4) && g[4] === 0xffff && g[5] === 0) return v4(g[6]!, g[7]!);
  // ::a.b.c.d (compatible, deprecated), but not :: or ::1 themselves
  if (zeroUpTo(6) && (g[6]! !== 0 || g[7]! > 1)) return v4(g[6]!, g[7]!);
  // 64:ff9b::a.b.c.d (NAT64 well-known prefix)
  if (g[0] === 0x64 && g[1] === 0xff9b && g.slice(2, 6).every((x) => x === 0)) return v4(g[6]!, g[7]!);
  // 2002:AABB:CCDD::/48 (6to4)
  if (g[0] === 0x2002) return v4(g[1]!, g[2]!);
  return null;
}
