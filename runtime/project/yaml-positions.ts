/** Editor positions for serverless.yml: yaml AST ranges turned into 1-based diagnostics, plus map-walking helpers. */
import { isAlias, isMap, isScalar, type Document, type LineCounter, type Node, type Pair, type YAMLMap } from 'yaml';
import type { Diagnostic, Severity } from './types';

/** Anything with a yaml source range, or a raw [start, end) offset pair. */
export type Where = Node | [number, number] | null | undefined;

export class DiagnosticSink {
  readonly diagnostics: Diagnostic[] = [];

  constructor(
    private readonly lines: LineCounter,
    private readonly file: string,
    /** The source text, so a range can include a value's `!Tag` (yaml's node ranges start after it). */
    private readonly text = '',
  ) {}

  error(where: Where, message: string): void {
    this.add('error', where, message);
  }

  warn(where: Where, message: string): void {
    this.add('warning', where, message);
  }

  get errorCount(): number {
    return this.diagnostics.filter((d) => d.severity === 'error').length;
  }

  /** 1-based line of a node's start (1 when it has no range). */
  lineOf(where: Where): number {
    return this.lines.linePos(this.offsets(where)[0]).line || 1;
  }

  private offsets(where: Where): [number, number] {
    if (!where) return [0, 0];
    if (Array.isArray(where)) return where;
    const range = where.range;
    if (!range) return [0, 0];
    return [this.tagStart(where.tag, range[0]), range[1]];
  }

  private tagStart(tag: string | undefined, start: number): number {
    if (!tag?.startsWith('!')) return start;
    let i = start;
    while (i > 0 && (this.text[i - 1] === ' ' || this.text[i - 1] === '\t')) i--;
    return this.text.slice(i - tag.length, i) === tag ? i - tag.length : start;
  }

  private add(severity: Severity, where: Where, message: string): void {
    const [start, end] = this.offsets(where);
    const a = this.lines.linePos(start);
    const b = this.lines.linePos(Math.max(end, start));
    this.diagnostics.push({
      severity,
      message,
      file: this.file,
      line: a.line || 1,
      column: a.col || 1,
      endLine: b.line || a.line || 1,
      endColumn: end > start ? b.col : (a.col || 1) + 1,
    });
  }
}

/** One `key: value` of a mapping, with the nodes to point diagnostics at. */
export interface Entry {
  key: string;
  keyNode: Node;
  /** The value node (aliases followed), or null for `key:` with nothing after it. */
  value: Node | null;
  /** Where to point at the value: the value itself, or the key when the value is empty. */
  at: Node;
}

export function entries(map: YAMLMap, doc: Document): Entry[] {
  return map.items.map((pair: Pair) => {
    const keyNode = (deref(pair.key, doc) ?? pair.key) as Node;
    const key = isScalar(keyNode) ? String(keyNode.value) : String(keyNode);
    const value = deref(pair.value, doc);
    const empty = !value || (isScalar(value) && value.value === null && isEmptyRange(value));
    return { key, keyNode, value: empty ? null : value, at: empty ? keyNode : value };
  });
}

/** Follows `*alias` references to the anchored node. */
export function deref(node: unknown, doc: Document): Node | null {
  if (isAlias(node)) return (node.resolve(doc) as Node | undefined) ?? null;
  return (node as Node | null) ?? null;
}

function isEmptyRange(node: Node): boolean {
  return !node.range || node.range[0] === node.range[1];
}

/** The mapping under a node, or null when the node is not a mapping. */
export function asMap(node: Node | null): YAMLMap | null {
  return isMap(node) ? node : null;
}
