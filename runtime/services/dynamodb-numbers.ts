/** DynamoDB's Number type: decimal strings of up to 38 significant digits, stored canonically, compared and added exactly. */
import { AwsError } from './aws-error';

/** value = m × 10^e, with m free of trailing zeros (0 has e = 0). */
interface Decimal {
  m: bigint;
  e: number;
}

const NUMBER_RE = /^([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/;
const invalid = (msg: string) => new AwsError('ValidationException', msg);

function parse(s: string): Decimal {
  const match = NUMBER_RE.exec(s);
  if (!match || (match[2] ?? '') + (match[3] ?? '') === '') throw invalid('A value provided cannot be converted into a number');
  const [, sign, int = '', frac = '', exp = '0'] = match;
  let m = BigInt((int + frac) || '0');
  let e = Number(exp) - frac.length;
  if (m === 0n) return { m: 0n, e: 0 };
  while (m % 10n === 0n) {
    m /= 10n;
    e++;
  }
  return { m: sign === '-' ? -m : m, e };
}

/** DynamoDB's limits: 38 significant digits, magnitude 1E-130 to 9.9…9E+125. */
function checked(d: Decimal): Decimal {
  if (d.m === 0n) return d;
  const digits = (d.m < 0n ? -d.m : d.m).toString().length;
  if (digits > 38) throw invalid('Attempting to store more than 38 significant digits in a Number');
  const magnitude = d.e + digits - 1;
  if (magnitude > 125) throw invalid('Number overflow. Attempting to store a number with magnitude larger than supported range');
  if (magnitude < -130) throw invalid('Number underflow. Attempting to store a number with magnitude smaller than supported range');
  return d;
}

function format(d: Decimal): string {
  const neg = d.m < 0n;
  const digits = (neg ? -d.m : d.m).toString();
  let out: string;
  if (d.e >= 0) out = digits + '0'.repeat(d.e);
  else {
    const point = digits.length + d.e;
    out = point > 0 ? `${digits.slice(0, point)}.${digits.slice(point)}` : `0.${'0'.repeat(-point)}${digits}`;
  }
  return neg ? `-${out}` : out;
}

/** The form DynamoDB stores and returns a number in ('01.50' → '1.5', '1e3' → '1000'). Throws ValidationException. */
export function canonicalNumber(s: string): string {
  return format(checked(parse(s)));
}

function aligned(a: Decimal, b: Decimal): [bigint, bigint, number] {
  const e = Math.min(a.e, b.e);
  return [a.m * 10n ** BigInt(a.e - e), b.m * 10n ** BigInt(b.e - e), e];
}

export function compareNumbers(a: string, b: string): number {
  const [x, y] = aligned(parse(a), parse(b));
  return x < y ? -1 : x > y ? 1 : 0;
}

/** Exact decimal a + b (or a − b), as SET a = a + :n and ADD compute it. */
export function addNumbers(a: string, b: string, subtract = false): string {
  const [x, y, e] = aligned(parse(a), parse(b));
  const sum = subtract ? x - y : x + y;
  return canonicalNumber(`${sum}e${e}`);
}

/** Significant digits, for DynamoDB's item size (a number takes about one byte per two digits, plus one). */
export function numberDigits(s: string): number {
  const d = parse(s);
  return d.m === 0n ? 1 : (d.m < 0n ? -d.m : d.m).toString().length;
}
