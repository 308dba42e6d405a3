/** The parser of DynamoDB expressions: conditions (condition, filter, key condition), updates and projections. */
import type { CompareOp, Condition, ConditionFunction, Operand, Path, UpdateActions, UpdateValue } from './dynamodb-expression-ast';
import { checkOverlap } from './dynamodb-expression-ast';
import type { ExpressionScope } from './dynamodb-expression-scope';
import { expressionError, syntaxError, tokenize, type ExpressionKind, type Token } from './dynamodb-expression-tokens';
import { isReservedWord } from './dynamodb-reserved-words';

const COMPARATORS: CompareOp[] = ['=', '<>', '<', '<=', '>', '>='];
const CONDITION_FUNCTIONS: ConditionFunction[] = ['attribute_exists', 'attribute_not_exists', 'attribute_type', 'begins_with', 'contains'];
const ARITY: Record<string, number> = {
  attribute_exists: 1, attribute_not_exists: 1, attribute_type: 2, begins_with: 2, contains: 2, size: 1, if_not_exists: 2, list_append: 2,
};
const CLAUSES = ['SET', 'REMOVE', 'ADD', 'DELETE'] as const;

class Parser {
  private readonly tokens: Token[];
  private pos = 0;

  constructor(
    readonly kind: ExpressionKind,
    private readonly source: string,
    private readonly scope: ExpressionScope,
  ) {
    if (source.trim() === '') throw new Parser.Empty();
    this.tokens = tokenize(kind, source);
  }

  static Empty = class extends Error {};

  peek(offset = 0): Token {
    return this.tokens[Math.min(this.pos + offset, this.tokens.length - 1)];
  }
  next(): Token {
    const t = this.peek();
    if (t.type !== 'eof') this.pos++;
    return t;
  }
  fail(): never {
    throw syntaxError(this.kind, this.source, this.tokens, this.pos);
  }
  expect(text: string): void {
    if (this.peek().text !== text || this.peek().type !== 'punct') this.fail();
    this.next();
  }
  isKeyword(word: string, offset = 0): boolean {
    const t = this.peek(offset);
    return t.type === 'name' && t.text.toUpperCase() === word;
  }
  end(): void {
    if (this.peek().type !== 'eof') this.fail();
  }

  // --- conditions -------------------------------------------------------------------------------------------

  condition(): Condition {
    let left = this.and();
    while (this.isKeyword('OR')) {
      this.next();
      left = { kind: 'or', left, right: this.and() };
    }
    return left;
  }
  private and(): Condition {
    let left = this.not();
    while (this.isKeyword('AND')) {
      this.next();
      left = { kind: 'and', left, right: this.not() };
    }
    return left;
  }
  private not(): Condition {
    if (this.isKeyword('NOT')) {
      this.next();
      return { kind: 'not', cond: this.not() };
    }
    return this.primary();
  }
  private primary(): Condition {
    if (this.peek().text === '(' && this.peek().type === 'punct') {
      this.next();
      const c = this.condition();
      this.expect(')');
      return c;
    }
    if (this.isCall()) {
      const name = this.peek().text;
      if ((CONDITION_FUNCTIONS as string[]).includes(name)) return this.conditionFunction(name as ConditionFunction);
      if (name !== 'size') this.notAllowed(name);
    }
    const left = this.operand();
    const t = this.peek();
    if (t.type === 'punct' && (COMPARATORS as string[]).includes(t.text)) {
      this.next();
      return { kind: 'compare', op: t.text as CompareOp, left, right: this.operand() };
    }
    if (this.isKeyword('BETWEEN')) {
      this.next();
      const low = this.operand();
      if (!this.isKeyword('AND')) this.fail();
      this.next();
      return { kind: 'between', operand: left, low, high: this.operand() };
    }
    if (this.isKeyword('IN')) {
      this.next();
      this.expect('(');
      const list = [this.operand()];
      while (this.peek().text === ',') {
        this.next();
        list.push(this.operand());
      }
      this.expect(')');
      return { kind: 'in', operand: left, list };
    }
    return this.fail();
  }

  private conditionFunction(name: ConditionFunction): Condition {
    const args = this.callArgs(() => this.operand());
    if (args.length !== ARITY[name]) throw this.arityError(name, args.length);
    if ((name === 'attribute_exists' || name === 'attribute_not_exists' || name === 'attribute_type') && args[0].kind !== 'path') {
      throw expressionError(this.kind, `Operator or function requires a document path; operator or function: ${name}`);
    }
    return { kind: 'function', name, args };
  }

  /** An operand of a condition: a path, a :value, or size(path). */
  operand(): Operand {
    const t = this.peek();
    if (t.type === 'attrValue') {
      this.next();
      return { kind: 'value', value: this.scope.value(this.kind, t.text), token: t.text };
    }
    if (this.isCall()) {
      if (t.text !== 'size') this.notAllowed(t.text);
      const args = this.callArgs(() => this.operand());
      if (args.length !== 1) throw this.arityError('size', args.length);
      if (args[0].kind !== 'path') throw expressionError(this.kind, 'Operator or function requires a document path; operator or function: size');
      return { kind: 'size', path: args[0].path };
    }
    return { kind: 'path', path: this.path() };
  }

  private isCall(): boolean {
    return this.peek().type === 'name' && this.peek(1).text === '(';
  }
  private callArgs<T>(arg: () => T): T[] {
    this.next();
    this.expect('(');
    const args = [arg()];
    while (this.peek().text === ',') {
      this.next();
      args.push(arg());
    }
    this.expect(')');
    return args;
  }
  private arityError(name: string, n: number) {
    return expressionError(this.kind, `Incorrect number of operands for operator or function; operator or function: ${name}, number of operands: ${n}`);
  }
  private notAllowed(name: string): never {
    if (name in ARITY) throw expressionError(this.kind, `The function is not allowed to be used this way in an expression; function: ${name}`);
    throw expressionError(this.kind, `Invalid function name; function: ${name}`);
  }

  // --- paths, updates, projections -------------------------------------------------------------------------

  path(): Path {
    const path: Path = [this.pathName()];
    for (;;) {
      const t = this.peek();
      if (t.type !== 'punct') return path;
      if (t.text === '.') {
        this.next();
        path.push(this.pathName());
      } else if (t.text === '[') {
        this.next();
        if (this.peek().type !== 'index') this.fail();
        path.push(Number(this.next().text));
        this.expect(']');
      } else return path;
    }
  }
  private pathName(): string {
    const t = this.peek();
    if (t.type === 'attrName') {
      this.next();
      return this.scope.name(this.kind, t.text);
    }
    if (t.type !== 'name') this.fail();
    if (isReservedWord(t.text)) throw expressionError(this.kind, `Attribute name is a reserved keyword; reserved keyword: ${t.text}`);
    this.next();
    return t.text;
  }

  update(): UpdateActions {
    const actions: UpdateActions = { set: [], remove: [], add: [], delete: [] };
    const seen = new Set<string>();
    do {
      const clause = CLAUSES.find((c) => this.isKeyword(c));
      if (!clause) this.fail();
      if (seen.has(clause)) throw expressionError(this.kind, `The "${clause}" section can only be used once in an update expression;`);
      seen.add(clause);
      this.next();
      for (;;) {
        const path = this.path();
        if (clause === 'SET') {
          this.expect('=');
          actions.set.push({ path, value: this.setValue() });
        } else if (clause === 'REMOVE') actions.remove.push(path);
        else {
          const t = this.peek();
          if (t.type !== 'attrValue') this.fail();
          this.next();
          actions[clause === 'ADD' ? 'add' : 'delete'].push({ path, value: this.scope.value(this.kind, t.text) });
        }
        if (this.peek().text !== ',' || this.peek().type !== 'punct') break;
        this.next();
      }
    } while (this.peek().type !== 'eof');
    checkOverlap(this.kind, [...actions.set.map((a) => a.path), ...actions.remove, ...actions.add.map((a) => a.path), ...actions.delete.map((a) => a.path)]);
    return actions;
  }

  private setValue(): UpdateValue {
    const left = this.setOperand();
    const t = this.peek();
    if (t.type === 'punct' && (t.text === '+' || t.text === '-')) {
      this.next();
      return { kind: t.text, left, right: this.setOperand() };
    }
    return left;
  }
  private setOperand(): UpdateValue {
    const t = this.peek();
    if (t.type === 'attrValue') {
      this.next();
      return { kind: 'value', value: this.scope.value(this.kind, t.text), token: t.text };
    }
    if (!this.isCall()) return { kind: 'path', path: this.path() };
    if (t.text !== 'if_not_exists' && t.text !== 'list_append') this.notAllowed(t.text);
    const args = this.callArgs(() => this.setOperand());
    if (args.length !== 2) throw this.arityError(t.text, args.length);
    if (t.text === 'list_append') return { kind: 'list_append', left: args[0], right: args[1] };
    if (args[0].kind !== 'path') throw expressionError(this.kind, 'Operator or function requires a document path; operator or function: if_not_exists');
    return { kind: 'if_not_exists', path: args[0].path, fallback: args[1] };
  }

  projection(): Path[] {
    const paths = [this.path()];
    while (this.peek().text === ',' && this.peek().type === 'punct') {
      this.next();
      paths.push(this.path());
    }
    this.end();
    checkOverlap(this.kind, paths);
    return paths;
  }
}

function emptyError(kind: ExpressionKind) {
  return expressionError(kind, 'The expression can not be empty;');
}

function run<T>(kind: ExpressionKind, source: unknown, scope: ExpressionScope, body: (p: Parser) => T): T {
  if (typeof source !== 'string') throw emptyError(kind);
  try {
    return body(new Parser(kind, source, scope));
  } catch (err) {
    if (err instanceof Parser.Empty) throw emptyError(kind);
    throw err;
  }
}

export function parseCondition(kind: ExpressionKind, source: unknown, scope: ExpressionScope): Condition {
  return run(kind, source, scope, (p) => {
    const c = p.condition();
    p.end();
    return c;
  });
}

export function parseUpdate(source: unknown, scope: ExpressionScope): UpdateActions {
  return run('UpdateExpression', source, scope, (p) => p.update());
}

export function parseProjection(source: unknown, scope: ExpressionScope): Path[] {
  return run('ProjectionExpression', source, scope, (p) => p.projection());
}
