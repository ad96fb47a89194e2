/**
 * Which address space a URL's host is in, after the rules of Private Network
 * Access (https://wicg.github.io/private-network-access/): `loopback` (this
 * machine), `private` (the local network: RFC 1918, link-local, unique-local,
 * CGNAT…) or `public`. The background fetches with the user's cookies, so a
 * link on a public page must not make Folio request the user's router or a
 * service on localhost (server-side request forgery through the extension).
 *
 * The URL parser has already normalised every IPv4 spelling (decimal
 * `2130706433`, hex `0x7f.1`, octal `0177.0.0.1`, shortened `127.1`) to dotted
 * quads and IPv6 to its compressed form (`[::ffff:7f00:1]`), so only those two
 * shapes need reading here.
 *
 * LIMIT: a host *name* that resolves to a private address (DNS pointing
 * `evil.example` at 192.168.1.1, or DNS rebinding) cannot be caught: an
 * extension has no DNS API in Chrome and fetch does not report the address it
 * connected to. Names are judged by their spelling only: `localhost` and
 * `*.localhost` are loopback, single-label names and the local-only suffixes
 * (`.local`, `.internal`, `.lan`, `.home.arpa`…) are private, every other name
 * is public. README "Security" says so too.
 */

export type AddressSpace = 'public' | 'private' | 'loopback';

/** More private = larger. A request may go to its initiator's rank or lower. */
const RANK: Record<AddressSpace, number> = { public: 0, private: 1, loopback: 2 };

/** Names that only make sense on a local network (RFC 6762 .local, RFC 8375 .home.arpa, ICANN's .internal…). */
const PRIVATE_SUFFIXES = ['.local', '.localdomain', '.internal', '.intranet', '.lan', '.home', '.corp', '.home.arpa'];

export function addressSpaceOf(url: URL | string): AddressSpace {
  let host: string;
  try {
    host = (typeof url === 'string' ? new URL(url) : url).hostname.toLowerCase();
  } catch {
    // Unparseable: treat as the most private, so nothing can be requested from it.
    return 'loopback';
  }
  if (host.endsWith('.')) host = host.slice(0, -1);
  if (host.startsWith('[') && host.endsWith(']')) return ipv6Space(host.slice(1, -1));
  const v4 = parseIpv4(host);
  if (v4) return ipv4Space(v4);
  return nameSpace(host);
}

/**
 * Private Network Access: a request may not reach a more private address space
 * than the page that asked for it. A loopback page (Folio's e2e server, a local
 * dev site) may link to loopback; a public page may not link to 192.168.x or 127.x.
 * No initiator means the request is treated as coming from the public internet.
 */
export function mayRequest(target: AddressSpace, initiator: AddressSpace = 'public'): boolean {
  return RANK[target] <= RANK[initiator];
}

function nameSpace(host: string): AddressSpace {
  if (host === '' ) return 'loopback';
  if (host === 'localhost' || host.endsWith('.localhost') || host === 'localhost.localdomain') return 'loopback';
  if (!host.includes('.')) return 'private';
  if (PRIVATE_SUFFIXES.some((suffix) => host.endsWith(suffix))) return 'private';
  return 'public';
}

/** Dotted-quad IPv4 as the URL parser writes it; null for anything else. */
function parseIpv4(host: string): [number, number, number, number] | null {
  const match = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(host);
  if (!match) return null;
  const parts = match.slice(1).map(Number);
  if (parts.some((p) => p > 255)) return null;
  return parts as [number, number, number, number];
}

function ipv4Space([a, b]: [number, number, number, number]): AddressSpace {
  // 0.0.0.0/8 "this network": connecting to 0.0.0.0 reaches the local machine on Linux and macOS.
  if (a === 127 || a === 0) return 'loopback';
  if (a === 10) return 'private';
  if (a === 172 && b >= 16 && b <= 31) return 'private';
  if (a === 192 && b === 168) return 'private';
  if (a === 169 && b === 254) return 'private'; // link-local (and cloud metadata at 169.254.169.254)
  if (a === 100 && b >= 64 && b <= 127) return 'private'; // carrier-grade NAT, RFC 6598
  if (a === 198 && (b === 18 || b === 19)) return 'private'; // benchmarking, RFC 2544
  if (a === 192 && b === 0) return 'private'; // IETF protocol assignments, 192.0.0.0/24 (and 192.0.2.0 docs)
  if (a >= 224) return 'private'; // multicast, reserved, broadcast: never a web page
  return 'public';
}

/** Eight 16-bit groups of a (bracket-less) IPv6 literal; null if it is not one. */
export function parseIpv6(text: string): number[] | null {
  let input = text.toLowerCase();
  const zone = input.indexOf('%');
  if (zone >= 0) input = input.slice(0, zone);
  // A trailing dotted IPv4 (::ffff:127.0.0.1) becomes two groups.
  const dotted = /(\d{1,3}(?:\.\d{1,3}){3})$/.exec(input);
  if (dotted) {
    const v4 = parseIpv4(dotted[1]!);
    if (!v4) return null;
    input = `${input.slice(0, dotted.index)}${((v4[0] << 8) | v4[1]).toString(16)}:${((v4[2] << 8) | v4[3]).toString(16)}`;
  }
  const halves = input.split('::');
  if (halves.length > 2) return null;
  const read = (part: string): number[] | null => {
    if (part === '') return [];
    const groups = part.split(':');
    if (groups.some((g) => !/^[0-9a-f]{1,4}$/.test(g))) return null;
    return groups.map((g) => parseInt(g, 16));
  };
  const head = read(halves[0]!);
  const tail = halves.length === 2 ? read(halves[1]!) : [];
  if (!head || !tail) return null;
  if (halves.length === 1) return head.length === 8 ? head : null;
  const missing = 8 - head.length - tail.length;
  if (missing < 1) return null;
  return [...head, ...new Array<number>(missing).fill(0), ...tail];
}

function ipv6Space(text: string): AddressSpace {
  const g = parseIpv6(text);
  if (!g) return 'loopback';
  const embedded = (hi: number, lo: number): AddressSpace => ipv4Space([hi >> 8, hi & 0xff, lo >> 8, lo & 0xff]);
  const zeros = (from: number, to: number) => g.slice(from, to).every((x) => x === 0);
  if (zeros(0, 7) && (g[7] === 0 || g[7] === 1)) return 'loopback'; // :: and ::1
  if (zeros(0, 5) && g[5] === 0xffff) return embedded(g[6]!, g[7]!); // IPv4-mapped ::ffff:a.b.c.d
  if (zeros(0, 6)) return embedded(g[6]!, g[7]!); // IPv4-compatible ::a.b.c.d (deprecated, still parsed)
  if (g[0] === 0x64 && g[1] === 0xff9b && zeros(2, 6)) return embedded(g[6]!, g[7]!); // NAT64 64:ff9b::/96
  if (g[0] === 0x2002) return embedded(g[1]!, g[2]!); // 6to4 2002:aabb:ccdd::/48
  const first = g[0]!;
  if ((first & 0xfe00) === 0xfc00) return 'private'; // unique local fc00::/7
  if ((first & 0xffc0) === 0xfe80) return 'private'; // link-local fe80::/10
  if ((first & 0xffc0) === 0xfec0) return 'private'; // site-local fec0::/10 (deprecated)
  if ((first & 0xff00) === 0xff00) return 'private'; // multicast
  return 'public';
}
