/** What every DynamoDB operation shares: finding the table, checking parameters with AWS's messages, and the write it plans. */
import { AwsError } from './aws-error';
import type { Table } from './dynamodb-table';
import type { ExpressionScope } from './dynamodb-expression-scope';
import { cloneItem, itemSize, validItem, type Item } from './dynamodb-values';

export const invalid = (msg: string) => new AwsError('ValidationException', msg);
export const conditionFailed = () => new AwsError('ConditionalCheckFailedException', 'The conditional request failed');
export const notFound = () => new AwsError('ResourceNotFoundException', 'Requested resource not found');

/** What the operations need of the service. */
export interface TableHost {
  /** The table a request names (by name or ARN); throws ResourceNotFoundException or ValidationException. */
  table(name: unknown): Table;
  tables(): Table[];
  /** Applies a planned write: stores or deletes, and records the stream change. */
  write(plan: WritePlan): void;
  region(): string;
  account: string;
}

/** One item write, worked out before anything is stored (so a transaction can check all before writing any). */
export interface WritePlan {
  table: Table;
  key: Item;
  old: Item | undefined;
  /** The item after the write; undefined deletes it. */
  next: Item | undefined;
}

/** AWS's request-validation message for a missing member ('tableName', 'key', 'item'). */
export function required<T>(input: Record<string, unknown>, member: string, wireName: string): T {
  const v = input[member];
  if (v === undefined || v === null) throw invalid(`1 validation error detected: Value null at '${wireName}' failed to satisfy constraint: Member must not be null`);
  return v as T;
}

export function requiredItem(input: Record<string, unknown>, member: string, wireName: string): Item {
  return validItem(required(input, member, wireName));
}

/** A table name, or a table ARN (accepted since 2023), as DynamoDB checks it. */
export function tableNameOf(raw: unknown): string {
  if (raw === undefined || raw === null) throw invalid("1 validation error detected: Value null at 'tableName' failed to satisfy constraint: Member must not be null");
  const s = String(raw);
  const name = s.startsWith('arn:') ? s.slice(s.indexOf(':table/') + 7).split('/')[0] : s;
  if (name.length < 3 || name.length > 255) throw invalid(`1 validation error detected: Value '${s}' at 'tableName' failed to satisfy constraint: Member must have length greater than or equal to 3`);
  if (!/^[a-zA-Z0-9_.-]+$/.test(name)) throw invalid(`1 validation error detected: Value '${s}' at 'tableName' failed to satisfy constraint: Member must satisfy regular expression pattern: [a-zA-Z0-9_.-]+`);
  return name;
}

export function returnValues(input: Record<string, unknown>, allowed: string[]): string {
  const rv = input.ReturnValues ?? 'NONE';
  if (typeof rv !== 'string' || !allowed.includes(rv)) throw invalid('Return values set to invalid value');
  return rv;
}

/** Legacy (non-expression) parameters are not simulated: say so rather than ignore them. */
export function rejectLegacy(input: Record<string, unknown>, legacy: Record<string, string>): void {
  for (const [param, instead] of Object.entries(legacy)) {
    if (input[param] !== undefined) throw invalid(`The playground simulates expression parameters only: use ${instead} instead of ${param}`);
  }
}

/** DynamoDB refuses names or values when none of the request's expressions is given, and names or values left unused. */
export function checkScope(scope: ExpressionScope, expressions: Record<string, unknown>): void {
  const given = scope.given;
  const none = Object.values(expressions).every((e) => e === undefined);
  const names = Object.keys(expressions);
  const listed = names.length > 1 ? `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]} are null` : `${names[0]} is null`;
  if (none && given.values) throw invalid(`ExpressionAttributeValues can only be specified when using expressions: ${listed}`);
  if (none && given.names) throw invalid(`ExpressionAttributeNames can only be specified when using expressions: ${listed}`);
  scope.checkAllUsed();
}

const MAX_ITEM_BYTES = 400 * 1024;

export function checkItemSize(item: Item, update = false): void {
  if (itemSize(item) > MAX_ITEM_BYTES) throw invalid(update ? 'Item size to update has exceeded the maximum allowed size' : 'Item size has exceeded the maximum allowed size');
}

export function limitOf(input: Record<string, unknown>): number | undefined {
  const limit = input.Limit;
  if (limit === undefined || limit === null) return undefined;
  if (typeof limit !== 'number' || !Number.isInteger(limit) || limit < 1) {
    throw invalid(`1 validation error detected: Value '${String(limit)}' at 'limit' failed to satisfy constraint: Member must have value greater than or equal to 1`);
  }
  return limit;
}

/** Items leave the service as copies, so a caller cannot change what is stored. */
export const copy = (item: Item): Item => cloneItem(item);
