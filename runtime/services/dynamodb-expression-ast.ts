/** The parsed forms of DynamoDB expressions: document paths, operands, conditions and update actions. */
import type { AttributeValue } from './dynamodb-values';
import { expressionError, type ExpressionKind } from './dynamodb-expression-tokens';

/** A document path: attribute names and list indexes, `a.b[0]` → ['a', 'b', 0]. */
export type Path = Array<string | number>;

export type Operand =
  | { kind: 'path'; path: Path }
  | { kind: 'value'; value: AttributeValue; token: string }
  | { kind: 'size'; path: Path };

export type CompareOp = '=' | '<>' | '<' | '<=' | '>' | '>=';

export type ConditionFunction = 'attribute_exists' | 'attribute_not_exists' | 'attribute_type' | 'begins_with' | 'contains';

export type Condition =
  | { kind: 'and' | 'or'; left: Condition; right: Condition }
  | { kind: 'not'; cond: Condition }
  | { kind: 'compare'; op: CompareOp; left: Operand; right: Operand }
  | { kind: 'between'; operand: Operand; low: Operand; high: Operand }
  | { kind: 'in'; operand: Operand; list: Operand[] }
  | { kind: 'function'; name: ConditionFunction; args: Operand[] };

/** The right-hand side of a SET action. */
export type UpdateValue =
  | { kind: 'path'; path: Path }
  | { kind: 'value'; value: AttributeValue; token: string }
  | { kind: 'if_not_exists'; path: Path; fallback: UpdateValue }
  | { kind: 'list_append'; left: UpdateValue; right: UpdateValue }
  | { kind: '+' | '-'; left: UpdateValue; right: UpdateValue };

export interface UpdateActions {
  set: Array<{ path: Path; value: UpdateValue }>;
  remove: Path[];
  add: Array<{ path: Path; value: AttributeValue }>;
  delete: Array<{ path: Path; value: AttributeValue }>;
}

/** A path as DynamoDB prints it in messages: `[a, b, [0]]`. */
export function pathText(path: Path): string {
  return `[${path.map((p) => (typeof p === 'number' ? `[${p}]` : p)).join(', ')}]`;
}

/**
 * DynamoDB rejects an update or projection naming one path twice, or a path inside another ("overlap"), or a path
 * that is a map member in one place and a list element in another ("conflict").
 */
export function checkOverlap(kind: ExpressionKind, paths: Path[]): void {
  for (let i = 0; i < paths.length; i++) {
    for (let j = 0; j < i; j++) {
      const [a, b] = [paths[j], paths[i]];
      const n = Math.min(a.length, b.length);
      let k = 0;
      while (k < n && a[k] === b[k]) k++;
      const both = `path one: ${pathText(a)}, path two: ${pathText(b)}`;
      if (k === n) throw expressionError(kind, `Two document paths overlap with each other; must remove or rewrite one of these paths; ${both}`);
      if (typeof a[k] !== typeof b[k]) throw expressionError(kind, `Two document paths conflict with each other; must remove or rewrite one of these paths; ${both}`);
    }
  }
}
