/** A function's environment variables as Lambda stores them: a map of names to strings. */
import { isMap, isScalar, type Document } from 'yaml';
import { intrinsicName } from './cfn-tags';
import { nodeJson } from './manifest-cfn-values';
import { resolveIntrinsic, type IntrinsicScope } from './intrinsics';
import { describe } from './manifest-values';
import { entries, type DiagnosticSink, type Entry } from './yaml-positions';

/** Lambda's own variables: setting one fails the deploy ("…contains reserved keys…"). */
const RESERVED = new Set([
  '_HANDLER', '_X_AMZN_TRACE_ID', 'AWS_DEFAULT_REGION', 'AWS_REGION', 'AWS_EXECUTION_ENV',
  'AWS_LAMBDA_FUNCTION_NAME', 'AWS_LAMBDA_FUNCTION_MEMORY_SIZE', 'AWS_LAMBDA_FUNCTION_VERSION',
  'AWS_LAMBDA_INITIALIZATION_TYPE', 'AWS_LAMBDA_LOG_GROUP_NAME', 'AWS_LAMBDA_LOG_STREAM_NAME',
  'AWS_ACCESS_KEY', 'AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'AWS_SESSION_TOKEN',
  'AWS_LAMBDA_RUNTIME_API', 'LAMBDA_TASK_ROOT', 'LAMBDA_RUNTIME_DIR', 'TZ',
]);

/** The Lambda API's key pattern for environment variables. */
const NAME = /^[A-Za-z][A-Za-z0-9_]+$/;

/**
 * Reads `environment:`. Numbers and booleans become strings (CloudFormation stringifies them);
 * CloudFormation functions (`!Ref Queue`, `!GetAtt Queue.Arn`, `!Sub`, `!Join`) are resolved against the stack's
 * resources; one the playground cannot evaluate (`!ImportValue`) is left unset with a warning; anything else is an error.
 */
export function readEnvironment(
  sink: DiagnosticSink,
  e: Entry,
  label: string,
  doc: Document,
  scope: IntrinsicScope,
): Record<string, string> | undefined {
  if (e.value === null) return {};
  if (!isMap(e.value)) {
    sink.error(e.at, `${label} must be a mapping of NAME: value, not ${describe(e.value)}`);
    return undefined;
  }
  const env: Record<string, string> = {};
  let ok = true;
  for (const v of entries(e.value, doc)) ok = readVariable(sink, v, env, scope) && ok;
  return ok ? env : undefined;
}

function readVariable(sink: DiagnosticSink, v: Entry, env: Record<string, string>, scope: IntrinsicScope): boolean {
  if (RESERVED.has(v.key)) {
    sink.error(v.keyNode, `${v.key} is reserved by Lambda and cannot be set; Lambda sets it itself`);
    return false;
  }
  if (!NAME.test(v.key)) {
    sink.error(v.keyNode, `Environment variable name '${v.key}' is not allowed: use letters, digits and _, starting with a letter (at least 2 characters)`);
    return false;
  }
  if (intrinsicName(v.value)) {
    const r = resolveIntrinsic(nodeJson(v.value), scope);
    if (r.ok) env[v.key] = r.value;
    else if (r.unsupported) sink.warn(v.value, `Environment variable '${v.key}': ${r.message}; it is left unset`);
    else sink.error(v.value, r.message);
    return r.ok || r.unsupported;
  }
  const value = isScalar(v.value) ? v.value.value : undefined;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') {
    env[v.key] = String(value);
    return true;
  }
  sink.error(v.at, `Environment variable '${v.key}' must be text, a number or true/false, not ${describe(v.value)}`);
  return false;
}
