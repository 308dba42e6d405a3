/** Readers for values that may be CloudFormation functions (`!Ref`, `!GetAtt`, `!Sub`, `!Join`), or CloudFormation's stringly numbers. */
import { isMap, isScalar, isSeq, type Node } from 'yaml';
import { intrinsicKey, resolveIntrinsic, type IntrinsicScope } from './intrinsics';
import { describe } from './manifest-values';
import type { DiagnosticSink, Entry } from './yaml-positions';

/** A value read as text: `literal` when written as plain text, not computed by a CloudFormation function. */
export type RefValue = { value: string; literal: boolean } | { unsupported: string };

/** The value's plain JSON (a CloudFormation function's long form for either form), or undefined for a list. */
export function nodeJson(node: Node | null): unknown {
  if (isScalar(node)) return node.value;
  if (isMap(node) || isSeq(node)) return node.toJSON() as unknown;
  return null;
}

/**
 * Reads text, a number, or a CloudFormation function resolved against the stack. Errors (an unknown logical id,
 * a wrong shape) are reported at the node; a function the playground cannot evaluate comes back as `unsupported`.
 */
export function readRef(sink: DiagnosticSink, e: Entry, label: string, scope: IntrinsicScope): RefValue | undefined {
  const json = nodeJson(e.value);
  if (typeof json === 'string' || typeof json === 'number') return { value: String(json), literal: true };
  if (!intrinsicKey(json)) {
    sink.error(e.at, `${label} must be text or a CloudFormation function like !Ref or !GetAtt, not ${describe(e.value)}`);
    return undefined;
  }
  const r = resolveIntrinsic(json, scope);
  if (r.ok) return { value: r.value, literal: false };
  if (r.unsupported) return { unsupported: r.message };
  sink.error(e.at, r.message);
  return undefined;
}

/** CloudFormation takes `30` and `'30'` alike for integer properties. */
export function readCfnInteger(sink: DiagnosticSink, e: Entry, label: string, min: number, max: number): number | undefined {
  const raw = isScalar(e.value) ? e.value.value : undefined;
  const n = typeof raw === 'string' && /^-?\d+$/.test(raw.trim()) ? Number(raw) : raw;
  if (typeof n === 'number' && Number.isInteger(n) && n >= min && n <= max) return n;
  sink.error(e.at, `${label} must be a whole number from ${min} to ${max}, not ${describe(e.value)}`);
  return undefined;
}

/** CloudFormation takes `true` and `'true'` alike for boolean properties. */
export function readCfnBoolean(sink: DiagnosticSink, e: Entry, label: string): boolean | undefined {
  const raw = isScalar(e.value) ? e.value.value : undefined;
  if (typeof raw === 'boolean') return raw;
  if (raw === 'true' || raw === 'false') return raw === 'true';
  sink.error(e.at, `${label} must be true or false, not ${describe(e.value)}`);
  return undefined;
}

/** One of a fixed set of texts, or an error listing them. */
export function readChoice<T extends string>(sink: DiagnosticSink, e: Entry, label: string, choices: readonly T[]): T | undefined {
  const raw = isScalar(e.value) ? e.value.value : undefined;
  if (typeof raw === 'string' && (choices as readonly string[]).includes(raw)) return raw as T;
  sink.error(e.at, `${label} must be ${choices.length === 1 ? choices[0] : `one of ${choices.join(', ')}`}, not ${describe(e.value)}`);
  return undefined;
}
