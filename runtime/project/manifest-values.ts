/** Typed readers for serverless.yml values: each returns the value, or reports an error at the node and returns undefined. */
import { isMap, isScalar, isSeq, type Node } from 'yaml';
import type { DiagnosticSink, Entry } from './yaml-positions';

/** How a value reads in a message: "the string 'fast'", "a list", "nothing". */
export function describe(node: Node | null): string {
  if (!node) return 'nothing';
  if (isMap(node)) return 'a mapping';
  if (isSeq(node)) return 'a list';
  if (isScalar(node)) {
    const v = node.value;
    if (v === null) return 'nothing';
    if (typeof v === 'string') return `the text '${v}'`;
    if (typeof v === 'object') return 'a CloudFormation function';
    return String(v);
  }
  return 'an unsupported value';
}

const VARIABLE = /\$\{[^}]*\}/;

/** A Serverless Framework variable (`${env:…}`) the playground could not resolve (manifest-variables.ts warned about it). */
function hasVariable(node: Node | null): boolean {
  return isScalar(node) && typeof node.value === 'string' && VARIABLE.test(node.value);
}

function variableMessage(label: string): string {
  return `${label} uses a Serverless variable (\${…}), which the playground does not resolve yet`;
}

export function readString(sink: DiagnosticSink, e: Entry, label: string): string | undefined {
  // A variable left unresolved was reported where variables are resolved (manifest-variables.ts); the text is used as written.
  if (isScalar(e.value) && typeof e.value.value === 'string') return e.value.value;
  sink.error(e.at, `${label} must be text, not ${describe(e.value)}`);
  return undefined;
}

export function readBoolean(sink: DiagnosticSink, e: Entry, label: string): boolean | undefined {
  if (isScalar(e.value) && typeof e.value.value === 'boolean') return e.value.value;
  sink.error(e.at, `${label} must be true or false, not ${describe(e.value)}`);
  return undefined;
}

/** A whole number in [min, max]; `what` completes "must be …", e.g. "a whole number of seconds from 1 to 900". */
export function readInteger(
  sink: DiagnosticSink,
  e: Entry,
  label: string,
  min: number,
  max: number,
  what = `a whole number from ${min} to ${max}`,
): number | undefined {
  const v = isScalar(e.value) ? e.value.value : undefined;
  if (typeof v === 'number' && Number.isInteger(v) && v >= min && v <= max) return v;
  if (hasVariable(e.value)) sink.error(e.at, `${variableMessage(label)}; write ${what}`);
  else sink.error(e.at, `${label} must be ${what}, not ${describe(e.value)}`);
  return undefined;
}

/** A string or a list of strings (the framework accepts both for CORS lists). */
export function readStringList(sink: DiagnosticSink, e: Entry, label: string): string[] | undefined {
  if (isScalar(e.value) && typeof e.value.value === 'string') return [e.value.value];
  if (isSeq(e.value)) {
    const out: string[] = [];
    for (const item of e.value.items) {
      if (isScalar(item) && typeof item.value === 'string') out.push(item.value);
      else {
        sink.error((item as Node | null) ?? e.at, `${label} must be a list of text values, not ${describe(item as Node | null)}`);
        return undefined;
      }
    }
    return out;
  }
  sink.error(e.at, `${label} must be a list of text values, not ${describe(e.value)}`);
  return undefined;
}
