/** '@aws-sdk/util-dynamodb' inside the worker: marshall and unmarshall between JavaScript values and DynamoDB AttributeValues, with the SDK's options and messages. */

export interface MarshallOptions {
  convertEmptyValues?: boolean;
  removeUndefinedValues?: boolean;
  convertClassInstanceToMap?: boolean;
  convertTopLevelContainer?: boolean;
  allowImpreciseNumbers?: boolean;
}

export interface UnmarshallOptions {
  wrapNumbers?: boolean | ((value: string) => unknown);
  convertWithoutMapWrapper?: boolean;
}

type AV = Record<string, unknown>;

/** Runs inside the sandboxed worker: self-contained, like every function the worker program is built from. */
export function createDynamoMarshall() {
  const UNDEFINED = 'Pass options.removeUndefinedValues=true to remove undefined values from map/array/set.';

  /** A DynamoDB number kept as its decimal string (unmarshall with wrapNumbers, or to send more digits than a double holds). */
  class NumberValue {
    readonly value: string;
    constructor(value: string | number | bigint) {
      if (typeof value === 'object' && value !== null) throw new Error('NumberValue from object is not supported');
      this.value = String(value).trim();
    }
    static from(value: string | number | bigint): NumberValue {
      return (value as unknown) instanceof NumberValue ? (value as unknown as NumberValue) : new NumberValue(value);
    }
    toAttributeValue(): AV {
      return { N: this.toString() };
    }
    toBigInt(): bigint {
      return BigInt(this.value);
    }
    toString(): string {
      return this.value;
    }
    valueOf(): string {
      return this.value;
    }
  }

  const ctorName = (v: unknown) => (v && typeof v === 'object' ? (v as { constructor?: { name?: string } }).constructor?.name : undefined);
  const isBinary = (v: unknown) => v instanceof ArrayBuffer || (ArrayBuffer.isView(v) && !(v instanceof DataView)) || (typeof Blob !== 'undefined' && v instanceof Blob);
  /** Bytes cross to the page as a plain Uint8Array (a Buffer or other view becomes one). */
  const binary = (v: unknown) => (v instanceof ArrayBuffer ? new Uint8Array(v) : ArrayBuffer.isView(v) ? new Uint8Array(v.buffer, v.byteOffset, v.byteLength) : v);

  function numberAttr(n: number, o: MarshallOptions): AV {
    if (Number.isNaN(n) || n === Infinity || n === -Infinity) throw new Error('Special numeric value ' + n.toString() + ' is not allowed');
    if (!o.allowImpreciseNumbers) {
      if (n > Number.MAX_SAFE_INTEGER) throw new Error('Number ' + n.toString() + ' is greater than Number.MAX_SAFE_INTEGER. Use BigInt.');
      if (n < Number.MIN_SAFE_INTEGER) throw new Error('Number ' + n.toString() + ' is lesser than Number.MIN_SAFE_INTEGER. Use BigInt.');
    }
    return { N: n.toString() };
  }

  function mapAttr(entries: Iterable<[string, unknown]>, o: MarshallOptions): AV {
    const m: AV = {};
    for (const [k, v] of entries) {
      if (typeof v === 'function' || (v === undefined && o.removeUndefinedValues)) continue;
      m[k] = convertToAttr(v, o);
    }
    return { M: m };
  }

  function setAttr(set: Set<unknown>, o: MarshallOptions): AV {
    const values = Array.from(set).filter((v) => !(o.removeUndefinedValues && v === undefined));
    if (values.includes(undefined)) throw new Error(UNDEFINED);
    if (values.length === 0) {
      if (o.convertEmptyValues) return { NULL: true };
      throw new Error('Pass a non-empty set, or options.convertEmptyValues=true.');
    }
    const first = values[0];
    if (first instanceof NumberValue) return { NS: values.map((v) => String(v)) };
    if (typeof first === 'number') return { NS: values.map((v) => numberAttr(v as number, o).N) };
    if (typeof first === 'bigint') return { NS: values.map((v) => String(v)) };
    if (typeof first === 'string') return { SS: values };
    if (isBinary(first)) return { BS: values.map(binary) };
    throw new Error('Only Number Set (NS), Binary Set (BS) or String Set (SS) are allowed.');
  }

  function convertToAttr(data: unknown, options?: MarshallOptions): AV {
    const o = options || {};
    const name = ctorName(data);
    if (data === undefined) throw new Error(UNDEFINED);
    if (data === null) return { NULL: true };
    if (Array.isArray(data)) return { L: data.filter((v) => typeof v !== 'function' && !(o.removeUndefinedValues && v === undefined)).map((v) => convertToAttr(v, o)) };
    if (data instanceof Set || name === 'Set') return setAttr(data as Set<unknown>, o);
    if (data instanceof Map || name === 'Map') return mapAttr((data as Map<string, unknown>).entries(), o);
    if (data instanceof NumberValue) return data.toAttributeValue();
    if (isBinary(data)) {
      if (o.convertEmptyValues && (data as { byteLength?: number; size?: number }).byteLength === 0) return { NULL: true };
      return { B: binary(data) };
    }
    if (typeof data === 'boolean' || name === 'Boolean') return { BOOL: (data as boolean).valueOf() };
    if (typeof data === 'number' || name === 'Number') return numberAttr((data as number).valueOf(), o);
    if (typeof data === 'bigint') return { N: data.toString() };
    if (typeof data === 'string' || name === 'String') {
      if (o.convertEmptyValues && String(data).length === 0) return { NULL: true };
      return { S: String(data) };
    }
    if (typeof data === 'object' && (name === 'Object' || name === undefined || o.convertClassInstanceToMap)) {
      const entries: [string, unknown][] = [];
      for (const k in data) entries.push([k, (data as Record<string, unknown>)[k]]);
      return mapAttr(entries, o);
    }
    throw new Error('Unsupported type passed: ' + String(data) + '. Pass options.convertClassInstanceToMap=true to marshall typeof object as map attribute.');
  }

  function convertNumber(s: string, o: UnmarshallOptions): unknown {
    if (typeof o.wrapNumbers === 'function') return o.wrapNumbers(s);
    if (o.wrapNumbers) return NumberValue.from(s);
    const n = Number(s);
    // Integers past 2^53 come back as BigInt rather than lose digits.
    if ((n > Number.MAX_SAFE_INTEGER || n < Number.MIN_SAFE_INTEGER) && n !== Infinity && n !== -Infinity) {
      try {
        return BigInt(s);
      } catch {
        throw new Error(s + " can't be converted to BigInt. Set options.wrapNumbers to get string value.");
      }
    }
    return n;
  }

  function convertToNative(data: AV, options?: UnmarshallOptions): unknown {
    const o = options || {};
    for (const [key, value] of Object.entries(data)) {
      if (value === undefined) continue;
      switch (key) {
        case 'NULL':
          return null;
        case 'BOOL':
          return Boolean(value);
        case 'N':
          return convertNumber(value as string, o);
        case 'B':
          return value;
        case 'S':
          return String(value);
        case 'L':
          return (value as AV[]).map((v) => convertToNative(v, o));
        case 'M': {
          const out: Record<string, unknown> = {};
          for (const [k, v] of Object.entries(value as Record<string, AV>)) out[k] = convertToNative(v, o);
          return out;
        }
        case 'NS':
          return new Set((value as string[]).map((v) => convertNumber(v, o)));
        case 'BS':
          return new Set(value as unknown[]);
        case 'SS':
          return new Set((value as unknown[]).map(String));
        default:
          throw new Error('Unsupported type passed: ' + key);
      }
    }
    throw new Error('No value defined: ' + JSON.stringify(data));
  }

  /** An object becomes a map of AttributeValues (a list, a list of them); any other value one AttributeValue. */
  function marshall(data: unknown, options?: MarshallOptions): unknown {
    const av = convertToAttr(data, options);
    const key = Object.keys(av)[0];
    if ((key === 'M' || key === 'L') && !(options && options.convertTopLevelContainer)) return av[key];
    return av;
  }

  function unmarshall(data: Record<string, unknown>, options?: UnmarshallOptions): unknown {
    if (options && options.convertWithoutMapWrapper) return convertToNative(data, options);
    return convertToNative({ M: data }, options);
  }

  return { marshall, unmarshall, convertToAttr, convertToNative, NumberValue };
}

export type DynamoMarshall = ReturnType<typeof createDynamoMarshall>;
