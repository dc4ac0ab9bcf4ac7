// Which hosts a webhook may reach. Alerts are sent from inside the deployment, so a webhook URL
// pointing at loopback, the private network, link-local (cloud metadata at 169.254.169.254) or
// other special-purpose ranges would let anyone who can edit a budget make the server call them
// (SSRF). Pure, so the budget schema can use it wherever it runs; the delivery side checks the
// addresses a name resolves to as well (`post-webhook.ts`).

/** Set to "1" to let webhooks reach private addresses: tests with local receivers, or an internal receiver on purpose. */
export const ALLOW_PRIVATE_WEBHOOKS_ENV = "MARGINAL_WEBHOOK_ALLOW_PRIVATE";

export function privateWebhooksAllowed(): boolean {
  return process.env[ALLOW_PRIVATE_WEBHOOKS_ENV] === "1";
}

function parseIPv4(text: string): number[] | null {
  const parts = text.split(".");
  if (parts.length !== 4 || !parts.every((p) => /^\d{1,3}$/.test(p))) return null;
  const bytes = parts.map(Number);
  return bytes.every((b) => b <= 255) ? bytes : null;
}

// [prefix, bits] of the IPv4 ranges that are not the public internet (RFC 6890 and friends).
const PRIVATE_V4: [number[], number][] = [
  [[0, 0, 0, 0], 8], // "this network"
  [[10, 0, 0, 0], 8],
  [[100, 64, 0, 0], 10], // carrier-grade NAT
  [[127, 0, 0, 0], 8],
  [[169, 254, 0, 0], 16], // link-local, cloud metadata
  [[172, 16, 0, 0], 12],
  [[192, 0, 0, 0], 24],
  [[192, 0, 2, 0], 24], // documentation
  [[192, 168, 0, 0], 16],
  [[198, 18, 0, 0], 15], // benchmarking
  [[198, 51, 100, 0], 24],
  [[203, 0, 113, 0], 24],
  [[224, 0, 0, 0], 4], // multicast
  [[240, 0, 0, 0], 4], // reserved and broadcast
];

function inRange(bytes: number[], prefix: number[], bits: number): boolean {
  for (let i = 0; i < 4 && bits > 0; i++, bits -= 8) {
    const mask = bits >= 8 ? 0xff : (0xff << (8 - bits)) & 0xff;
    if ((bytes[i] & mask) !== (prefix[i] & mask)) return false;
  }
  return true;
}

function isPrivateIPv4(bytes: number[]): boolean {
  return PRIVATE_V4.some(([prefix, bits]) => inRange(bytes, prefix, bits));
}

/** The eight 16-bit groups of an IPv6 address (with a dotted IPv4 tail allowed), or null. */
function parseIPv6(text: string): number[] | null {
  let rest = text.toLowerCase().split("%")[0];
  // A dotted IPv4 tail (::ffff:127.0.0.1) is the last two groups written another way.
  const v4 = /:(\d+\.\d+\.\d+\.\d+)$/.exec(rest);
  if (v4) {
    const bytes = parseIPv4(v4[1]);
    if (!bytes) return null;
    rest = `${rest.slice(0, v4.index + 1)}${((bytes[0] << 8) | bytes[1]).toString(16)}:${((bytes[2] << 8) | bytes[3]).toString(16)}`;
  }
  const halves = rest.split("::");
  if (halves.length > 2) return null;
  const toGroups = (s: string) => (s === "" ? [] : s.split(":"));
  const head = toGroups(halves[0]);
  const back = halves.length === 2 ? toGroups(halves[1]) : [];
  if (![...head, ...back].every((g) => /^[0-9a-f]{1,4}$/.test(g))) return null;
  const missing = 8 - head.length - back.length;
  if (halves.length === 1 ? missing !== 0 : missing < 1) return null;
  return [...head, ...Array<string>(halves.length === 2 ? missing : 0).fill("0"), ...back].map((g) => parseInt(g, 16));
}

function isPrivateIPv6(groups: number[]): boolean {
  const embeddedV4 = [groups[6] >> 8, groups[6] & 0xff, groups[7] >> 8, groups[7] & 0xff];
  const zeroUpTo = (n: number) => groups.slice(0, n).every((g) => g === 0);
  if (zeroUpTo(7) && groups[7] <= 1) return true; // :: and ::1
  if (zeroUpTo(5) && groups[5] === 0xffff) return isPrivateIPv4(embeddedV4); // IPv4-mapped
  if (groups[0] === 0x64 && groups[1] === 0xff9b && groups.slice(2, 6).every((g) => g === 0)) return isPrivateIPv4(embeddedV4); // NAT64
  if ((groups[0] & 0xfe00) === 0xfc00) return true; // unique local
  if ((groups[0] & 0xffc0) === 0xfe80 || (groups[0] & 0xffc0) === 0xfec0) return true; // link-local, site-local
  if ((groups[0] & 0xff00) === 0xff00) return true; // multicast
  if (groups[0] === 0x2001 && groups[1] === 0x0db8) return true; // documentation
  return groups[0] === 0x0100 && zeroUpTo(4); // discard-only
}

/** Whether an IP address (v4 or v6 text) is outside the public internet. Unparseable text counts as private. */
export function isPrivateAddress(address: string): boolean {
  const v4 = parseIPv4(address);
  if (v4) return isPrivateIPv4(v4);
  const v6 = parseIPv6(address.replace(/^\[|\]$/g, ""));
  return v6 ? isPrivateIPv6(v6) : true;
}

/** Whether a URL hostname is an IP literal (as WHATWG URL writes it: dotted v4, bracketed v6). */
export function isIpLiteral(hostname: string): boolean {
  return parseIPv4(hostname) !== null || hostname.startsWith("[");
}

/**
 * Why a webhook URL may not be used, or null. Catches what the URL itself shows (IP literals,
 * `localhost` names); names that resolve to private addresses are refused when sending.
 */
export function webhookUrlProblem(url: string): string | null {
  if (privateWebhooksAllowed()) return null;
  let hostname: string;
  try {
    hostname = new URL(url).hostname.toLowerCase();
  } catch {
    return null; // the URL check itself reports it
  }
  const name = hostname.replace(/\.$/, "");
  if (name === "localhost" || name.endsWith(".localhost")) return "must not point at this server (localhost)";
  if (isIpLiteral(name) && isPrivateAddress(name)) return "must be a public address, not a private, loopback or link-local one";
  return null;
}
