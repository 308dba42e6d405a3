/** ExpressionAttributeNames (#n) and ExpressionAttributeValues (:v) of one request, and DynamoDB's check that each is used. */
import { AwsError } from './aws-error';
import { expressionError, type ExpressionKind } from './dynamodb-expression-tokens';
import { validValue, type AttributeValue } from './dynamodb-values';

const invalid = (msg: string) => new AwsError('ValidationException', msg);

export class ExpressionScope {
  private readonly names: Record<string, string>;
  private readonly values: Record<string, AttributeValue>;
  private readonly usedNames = new Set<string>();
  private readonly usedValues = new Set<string>();

  constructor(names: unknown, values: unknown) {
    this.names = checkedMap('ExpressionAttributeNames', '#', names, (v) => {
      if (typeof v !== 'string' || v === '') throw invalid('ExpressionAttributeNames contains invalid value: Empty attribute name');
      return v;
    });
    this.values = checkedMap('ExpressionAttributeValues', ':', values, validValue);
  }

  /** Whether the request gave any names or values (they need an expression to be used in). */
  get given(): { names: boolean; values: boolean } {
    return { names: Object.keys(this.names).length > 0, values: Object.keys(this.values).length > 0 };
  }

  name(kind: ExpressionKind, token: string): string {
    const n = this.names[token];
    if (n === undefined) throw expressionError(kind, `An expression attribute name used in the document path is not defined; attribute name: ${token}`);
    this.usedNames.add(token);
    return n;
  }

  value(kind: ExpressionKind, token: string): AttributeValue {
    const v = this.values[token];
    if (v === undefined) throw expressionError(kind, `An expression attribute value used in expression is not defined; attribute value: ${token}`);
    this.usedValues.add(token);
    return v;
  }

  /** DynamoDB fails a request whose names or values are not all used by its expressions. */
  checkAllUsed(): void {
    const unusedNames = Object.keys(this.names).filter((k) => !this.usedNames.has(k));
    if (unusedNames.length) throw invalid(`Value provided in ExpressionAttributeNames unused in expressions: keys: {${unusedNames.join(', ')}}`);
    const unusedValues = Object.keys(this.values).filter((k) => !this.usedValues.has(k));
    if (unusedValues.length) throw invalid(`Value provided in ExpressionAttributeValues unused in expressions: keys: {${unusedValues.join(', ')}}`);
  }
}

function checkedMap<T>(param: string, prefix: string, raw: unknown, check: (v: unknown) => T): Record<string, T> {
  if (raw === undefined || raw === null) return {};
  if (typeof raw !== 'object' || Array.isArray(raw)) throw invalid(`${param} must be a map`);
  const entries = Object.entries(raw as Record<string, unknown>);
  if (entries.length === 0) throw invalid(`${param} must not be empty`);
  const out: Record<string, T> = {};
  for (const [k, v] of entries) {
    if (!k.startsWith(prefix) || k.length < 2) throw invalid(`${param} contains invalid key: Syntax error; key: "${k}"`);
    out[k] = check(v);
  }
  return out;
}
