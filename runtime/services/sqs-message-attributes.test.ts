import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { AwsError } from './aws-error';
import { md5OfAttributes, parseMessageAttributes, recordAttributes, selectAttributes, utf8Length } from './sqs-message-attributes';

function error(fn: () => unknown) {
  try {
    fn();
  } catch (err) {
    if (err instanceof AwsError) return err.info;
    throw err;
  }
  throw new Error('did not throw');
}

/** SQS's attribute digest, written out independently with Buffers. */
function expectedMd5(attrs: Record<string, { DataType: string; StringValue?: string; BinaryValue?: Uint8Array }>): string {
  const chunks: Buffer[] = [];
  const field = (b: Buffer) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(b.length);
    chunks.push(len, b);
  };
  for (const name of Object.keys(attrs).sort()) {
    const a = attrs[name];
    field(Buffer.from(name, 'utf8'));
    field(Buffer.from(a.DataType, 'utf8'));
    chunks.push(Buffer.from([a.BinaryValue ? 2 : 1]));
    field(a.BinaryValue ? Buffer.from(a.BinaryValue) : Buffer.from(a.StringValue ?? '', 'utf8'));
  }
  return createHash('md5').update(Buffer.concat(chunks)).digest('hex');
}

describe('SQS message attributes', () => {
  const attrs = {
    orderId: { DataType: 'String', StringValue: 'o-1' },
    amount: { DataType: 'Number', StringValue: '12.5' },
    blob: { DataType: 'Binary', BinaryValue: Uint8Array.of(1, 2, 255) },
    'kind.custom': { DataType: 'String.Custom', StringValue: 'é' },
  };

  it('keeps valid attributes, sorted by name; none is null', () => {
    const parsed = parseMessageAttributes(attrs);
    expect(Object.keys(parsed ?? {})).toEqual(['amount', 'blob', 'kind.custom', 'orderId']);
    expect(parsed?.blob).toEqual({ DataType: 'Binary', BinaryValue: Uint8Array.of(1, 2, 255) });
    expect(parseMessageAttributes(undefined)).toBeNull();
    expect(parseMessageAttributes({})).toBeNull();
  });

  it('rejects what SQS rejects, with its messages', () => {
    expect(error(() => parseMessageAttributes({ a: { DataType: 'Date', StringValue: 'x' } }))).toEqual({
      name: 'InvalidParameterValue',
      message: "The type of message (user) attribute 'a' is invalid. You must use only the following supported type prefixes: Binary, Number, String.",
      statusCode: 400,
      fault: 'client',
    });
    expect(error(() => parseMessageAttributes({ a: { DataType: 'String', StringValue: '' } })).message).toBe(
      "The message (user) attribute 'a' must contain a non-empty message attribute value for message attribute type 'String'.",
    );
    expect(error(() => parseMessageAttributes({ n: { DataType: 'Number', StringValue: 'ten' } })).message).toBe("Can't cast the value of message (user) attribute 'n' to a number.");
    const eleven = Object.fromEntries(Array.from({ length: 11 }, (_, i) => [`a${i}`, { DataType: 'String', StringValue: 'x' }]));
    expect(error(() => parseMessageAttributes(eleven)).message).toBe('Number of message attributes [11] exceeds the allowed maximum [10].');
    expect(error(() => parseMessageAttributes({ 'aws.x': { DataType: 'String', StringValue: 'x' } })).message).toBe("Message (user) attribute name 'aws.x' is invalid.");
  });

  it('digests attributes as SQS does for MD5OfMessageAttributes', () => {
    expect(md5OfAttributes(attrs)).toBe(expectedMd5(attrs));
    expect(md5OfAttributes({ a: { DataType: 'String', StringValue: 'x' } })).toBe(expectedMd5({ a: { DataType: 'String', StringValue: 'x' } }));
  });

  it('selects what ReceiveMessage asked for: All, .*, names, prefix.*', () => {
    const parsed = parseMessageAttributes(attrs);
    expect(selectAttributes(parsed, ['All'])).toBe(parsed);
    expect(selectAttributes(parsed, ['.*'])).toBe(parsed);
    expect(Object.keys(selectAttributes(parsed, ['orderId', 'kind.*']) ?? {})).toEqual(['kind.custom', 'orderId']);
    expect(selectAttributes(parsed, [])).toBeNull();
    expect(selectAttributes(parsed, ['missing'])).toBeNull();
  });

  it("gives Lambda's record form: lower-case keys, binary as base64, empty lists", () => {
    expect(recordAttributes(parseMessageAttributes({ s: { DataType: 'String', StringValue: 'v' }, b: { DataType: 'Binary', BinaryValue: Uint8Array.of(104, 105) } }))).toStrictEqual({
      b: { binaryValue: 'aGk=', stringListValues: [], binaryListValues: [], dataType: 'Binary' },
      s: { stringValue: 'v', stringListValues: [], binaryListValues: [], dataType: 'String' },
    });
    expect(recordAttributes(null)).toStrictEqual({});
  });

  it('counts UTF-8 bytes', () => {
    for (const s of ['', 'abc', 'é', '€', '😀', 'a😀é€']) expect(utf8Length(s), s).toBe(Buffer.byteLength(s, 'utf8'));
  });
});
