/** IP addresses and CIDR blocks (IPv4 and IPv6), for EventBridge's `cidr` pattern condition. */

interface Address {
  bits: 32 | 128;
  value: bigint;
}

/** Whether `ip` lies in the block `cidr` ('10.0.0.0/24', '2001:db8::/32'); false for anything malformed or of the other family. */
export function cidrContains(cidr: string, ip: string): boolean {
  const block = parseCidr(cidr);
  const addr = parseIp(ip);
  if (!block || !addr || block.address.bits !== addr.bits) return false;
  const shift = BigInt(addr.bits - block.prefix);
  return addr.value >> shift === block.address.value >> shift;
}

export function parseCidr(cidr: string): { address: Address; prefix: number } | null {
  const slash = cidr.indexOf('/');
  if (slash < 0 || !/^\d{1,3}$/.test(cidr.slice(slash + 1))) return null;
  const address = parseIp(cidr.slice(0, slash));
  const prefix = Number(cidr.slice(slash + 1));
  if (!address || prefix > address.bits) return null;
  return { address, prefix };
}

export function parseIp(ip: string): Address | null {
  return ip.includes(':') ? parseIpv6(ip) : parseIpv4(ip);
}

function parseIpv4(ip: string): Address | null {
  const parts = ip.split('.');
  if (parts.length !== 4) return null;
  let value = 0n;
  for (const p of parts) {
    if (!/^\d{1,3}$/.test(p) || Number(p) > 255) return null;
    value = (value << 8n) | BigInt(p);
  }
  return { bits: 32, value };
}

function parseIpv6(ip: string): Address | null {
  const halves = ip.split('::');
  if (halves.length > 2) return null;
  const groups = (s: string) => (s === '' ? [] : s.split(':'));
  const head = groups(halves[0]);
  const tail = halves.length === 2 ? groups(halves[1]) : [];
  const missing = 8 - head.length - tail.length;
  if (halves.length === 2 ? missing < 1 : missing !== 0) return null;
  let value = 0n;
  for (const g of [...head, ...Array<string>(halves.length === 2 ? missing : 0).fill('0'), ...tail]) {
    if (!/^[0-9a-fA-F]{1,4}$/.test(g)) return null;
    value = (value << 16n) | BigInt(parseInt(g, 16));
  }
  return { bits: 128, value };
}
