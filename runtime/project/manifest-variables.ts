/** Serverless Framework variables (`${self:…}`, `${sls:stage}`, `${aws:region}`, `${opt:…, 'fallback'}`) resolved before the manifest is read, as the framework does. */
import { visit, type Document, type Node } from 'yaml';
import { ACCOUNT_ID } from './resource-arns';
import { DEFAULTS } from './manifest-provider';
import type { DiagnosticSink } from './yaml-positions';

const MAX_DEPTH = 10;

/** `${source:address}` or `${file(…)}`; `${AWS::Region}` and `${Bucket.Arn}` are Fn::Sub placeholders, not framework variables. */
function isVariable(body: string): boolean {
  const text = body.trim();
  return (/^[A-Za-z][\w-]*(\([^)]*\))?:/.test(text) || /^[A-Za-z][\w-]*\([^)]*\)/.test(text)) && !text.startsWith('AWS::');
}

interface Expanded {
  value: unknown;
  /** Why each unresolved variable (as written) could not be resolved. */
  unresolved: Array<{ text: string; reason: string }>;
}

/** Resolves variables against the manifest as written (`root` is the document's plain JSON). */
export class VariableResolver {
  constructor(private readonly root: unknown) {}

  /** Expands every variable in `text`; a text that is exactly one variable takes the variable's value and type. */
  expand(text: string, depth = 0): Expanded {
    const unresolved: Expanded['unresolved'] = [];
    const pieces: unknown[] = [];
    let i = 0;
    let literal = '';
    while (i < text.length) {
      const start = text.indexOf('${', i);
      const end = start < 0 ? -1 : matchingBrace(text, start + 2);
      if (start < 0 || end < 0) break;
      const body = text.slice(start + 2, end);
      literal += text.slice(i, start);
      i = end + 1;
      if (!isVariable(body)) {
        literal += text.slice(start, i);
        continue;
      }
      const value = this.variable(body, depth, unresolved);
      if (literal) pieces.push(literal);
      literal = '';
      pieces.push(value === undefined ? text.slice(start, i) : value);
    }
    literal += text.slice(i);
    if (literal) pieces.push(literal);
    if (pieces.length === 1) return { value: pieces[0], unresolved };
    return { value: pieces.map((p) => (typeof p === 'object' && p !== null ? JSON.stringify(p) : String(p))).join(''), unresolved };
  }

  /** One `${…}` body: sources separated by commas, the first with a value wins (`${opt:stage, 'dev'}`). */
  private variable(body: string, depth: number, unresolved: Expanded['unresolved']): unknown {
    const reasons: string[] = [];
    for (const part of splitTopLevel(body)) {
      const value = this.source(part, depth, reasons);
      if (value !== undefined && value !== null) return value;
    }
    unresolved.push({ text: `\${${body}}`, reason: reasons[0] ?? 'it has no value' });
    return undefined;
  }

  private source(part: string, depth: number, reasons: string[]): unknown {
    if (depth > MAX_DEPTH) {
      reasons.push('variables refer to each other in a loop');
      return undefined;
    }
    if (part.startsWith('${')) {
      const inner = this.expand(part, depth + 1);
      if (inner.unresolved.length === 0) return inner.value;
      reasons.push(inner.unresolved[0].reason);
      return undefined;
    }
    if (part.includes('${')) {
      // An address built from other variables: `${self:custom.tables.${sls:stage}}`.
      const inner = this.expand(part, depth + 1);
      if (inner.unresolved.length > 0) {
        reasons.push(inner.unresolved[0].reason);
        return undefined;
      }
      part = String(inner.value);
    }
    const quoted = /^(['"])(.*)\1$/s.exec(part);
    if (quoted) return quoted[2];
    if (/^-?\d+(\.\d+)?$/.test(part)) return Number(part);
    if (part === 'true' || part === 'false') return part === 'true';
    const colon = part.indexOf(':');
    const source = colon < 0 ? part : part.slice(0, colon);
    const address = colon < 0 ? '' : part.slice(colon + 1).trim();
    const value = this.lookup(source, address, depth, reasons);
    return typeof value === 'string' ? this.nested(value, depth, reasons) : value;
  }

  private nested(value: string, depth: number, reasons: string[]): unknown {
    if (!value.includes('${')) return value;
    const inner = this.expand(value, depth + 1);
    if (inner.unresolved.length === 0) return inner.value;
    reasons.push(inner.unresolved[0].reason);
    return undefined;
  }

  private lookup(source: string, address: string, depth: number, reasons: string[]): unknown {
    switch (source) {
      case 'self': {
        const found = at(this.root, address);
        if (found !== undefined) return found;
        // The framework's defaults stand in for a stage or region the manifest leaves out.
        if (address === 'provider.stage') return DEFAULTS.stage;
        if (address === 'provider.region') return DEFAULTS.region;
        reasons.push(`nothing is set at ${address || 'the top level'}`);
        return undefined;
      }
      case 'sls':
        if (address === 'stage') return this.source('self:provider.stage', depth + 1, reasons);
        reasons.push(`the playground knows \${sls:stage} only`);
        return undefined;
      case 'aws':
        if (address === 'region') return this.source('self:provider.region', depth + 1, reasons);
        if (address === 'accountId') return ACCOUNT_ID;
        reasons.push('the playground knows ${aws:region} and ${aws:accountId} only');
        return undefined;
      case 'opt':
        reasons.push(`the playground has no CLI options; give a fallback, like \${opt:${address || 'stage'}, 'dev'}`);
        return undefined;
      case 'env':
        reasons.push(`the playground has no environment variables; give a fallback, like \${env:${address || 'NAME'}, 'value'}`);
        return undefined;
      default:
        reasons.push(`the playground does not resolve '${source.replace(/\(.*$/, '')}' variables`);
        return undefined;
    }
  }
}

function matchingBrace(text: string, from: number): number {
  let depth = 0;
  for (let i = from; i < text.length; i++) {
    if (text[i] === '{') depth++;
    else if (text[i] === '}') {
      if (depth === 0) return i;
      depth--;
    }
  }
  return -1;
}

/** Splits at commas outside quotes and nested `${…}`. */
function splitTopLevel(body: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let quote = '';
  let current = '';
  for (const ch of body) {
    if (quote) quote = ch === quote ? '' : quote;
    else if (ch === '"' || ch === "'") quote = ch;
    else if (ch === '{') depth++;
    else if (ch === '}') depth--;
    else if (ch === ',' && depth === 0) {
      parts.push(current.trim());
      current = '';
      continue;
    }
    current += ch;
  }
  parts.push(current.trim());
  return parts;
}

function at(root: unknown, address: string): unknown {
  let value = root;
  for (const key of address ? address.split('.') : []) {
    if (!value || typeof value !== 'object') return undefined;
    value = (value as Record<string, unknown>)[key];
  }
  return value;
}

/**
 * Replaces every variable in the document's values (CloudFormation functions' texts included) with its value,
 * keeping positions. An unresolved variable is a warning at its value and stays as written.
 */
export function resolveVariables(doc: Document, sink: DiagnosticSink): void {
  let root: unknown = {};
  try {
    root = doc.toJSON();
  } catch {
    // yaml refuses documents with too many aliases (a "billion laughs"); self: references then find nothing.
  }
  const resolver = new VariableResolver(root);
  visit(doc, {
    Scalar(key, node) {
      if (key === 'key') return undefined;
      const warnings: Expanded['unresolved'] = [];
      const value = deepExpand(node.value, resolver, warnings);
      for (const w of warnings) sink.warn(node, `${w.text} is not resolved (${w.reason}); it is left as written`);
      if (value === node.value) return undefined;
      // A CloudFormation function stays a parsed object in its scalar; so does any value a plain text resolves to.
      if (!isObject(value) || isObject(node.value)) {
        node.value = value;
        return undefined;
      }
      const replacement = doc.createNode(value) as Node;
      const range = node.range;
      if (range) {
        visit(replacement, { Node: (_k, n) => void (n.range = [range[0], range[1], range[2]]) });
        replacement.range = [range[0], range[1], range[2]];
      }
      return replacement;
    },
  });
}

function isObject(value: unknown): boolean {
  return value !== null && typeof value === 'object';
}

function deepExpand(value: unknown, resolver: VariableResolver, warnings: Expanded['unresolved']): unknown {
  if (typeof value === 'string') {
    if (!value.includes('${')) return value;
    const r = resolver.expand(value);
    warnings.push(...r.unresolved);
    return r.value;
  }
  if (Array.isArray(value)) {
    const out = value.map((v) => deepExpand(v, resolver, warnings));
    return out.every((v, i) => v === value[i]) ? value : out;
  }
  if (value && typeof value === 'object') {
    const source = value as Record<string, unknown>;
    const out: Record<string, unknown> = {};
    let changed = false;
    for (const [k, v] of Object.entries(source)) {
      out[k] = deepExpand(v, resolver, warnings);
      changed ||= out[k] !== v;
    }
    return changed ? out : value;
  }
  return value;
}
