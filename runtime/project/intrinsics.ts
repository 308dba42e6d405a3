/** CloudFormation intrinsic functions (Ref, Fn::GetAtt, Fn::Sub, Fn::Join) resolved to values, as CloudFormation does at deploy time. */
import { didYouMean } from './manifest-keys';

/** What `Ref` and `Fn::GetAtt` give for one logical id. */
export interface ResourceRefs {
  /** The CloudFormation type, for messages ('AWS::SQS::Queue'). */
  type: string;
  /** What `Ref` gives; undefined when the playground does not simulate the type. */
  ref?: string;
  /** `Fn::GetAtt` attributes the playground knows. */
  attributes: Record<string, string>;
  /** Attributes the type has but this resource lacks, with the reason (a table without a stream has no StreamArn). */
  unavailable?: Record<string, string>;
}

export interface IntrinsicScope {
  region: string;
  accountId: string;
  /** `AWS::StackName`: the framework names the stack `<service>-<stage>`. */
  stackName: string;
  resource(logicalId: string): ResourceRefs | undefined;
  /** Every logical id, for "did you mean". */
  logicalIds(): readonly string[];
}

export type Resolution =
  | { ok: true; value: string }
  /** `unsupported`: valid CloudFormation the playground cannot evaluate (Fn::ImportValue, an IAM role's Ref). */
  | { ok: false; message: string; unsupported: boolean };

/** The single `Ref` / `Fn::…` key of an intrinsic's long form, else null. */
export function intrinsicKey(value: unknown): string | null {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return null;
  const keys = Object.keys(value);
  return keys.length === 1 && (keys[0] === 'Ref' || keys[0].startsWith('Fn::')) ? keys[0] : null;
}

/** Resolves a string, a number or an intrinsic (long form, as cfn-tags parses the short forms) to text. */
export function resolveIntrinsic(value: unknown, scope: IntrinsicScope): Resolution {
  if (typeof value === 'string') return ok(value);
  if (typeof value === 'number' || typeof value === 'boolean') return ok(String(value));
  const key = intrinsicKey(value);
  if (!key) return fail(`Expected text or a CloudFormation function (!Ref, !GetAtt, !Sub, !Join), not ${shape(value)}`);
  const arg = (value as Record<string, unknown>)[key];
  switch (key) {
    case 'Ref':
      return typeof arg === 'string' ? ref(arg, scope) : fail('Ref takes a logical id, like !Ref OrdersQueue');
    case 'Fn::GetAtt':
      return getAtt(arg, scope);
    case 'Fn::Sub':
      return sub(arg, scope);
    case 'Fn::Join':
      return join(arg, scope);
    default:
      return { ok: false, message: `${key} is not resolved in the playground`, unsupported: true };
  }
}

function ok(value: string): Resolution {
  return { ok: true, value };
}

function fail(message: string): Resolution {
  return { ok: false, message, unsupported: false };
}

function shape(value: unknown): string {
  if (Array.isArray(value)) return 'a list';
  if (value === null || value === undefined) return 'nothing';
  return typeof value === 'object' ? 'a mapping' : String(value);
}

/** Pseudo parameters: `AWS::Region`, `AWS::AccountId`, … */
function pseudo(name: string, scope: IntrinsicScope): Resolution | null {
  switch (name) {
    case 'AWS::Region':
      return ok(scope.region);
    case 'AWS::AccountId':
      return ok(scope.accountId);
    case 'AWS::StackName':
      return ok(scope.stackName);
    case 'AWS::Partition':
      return ok('aws');
    case 'AWS::URLSuffix':
      return ok('amazonaws.com');
    default:
      if (!name.startsWith('AWS::')) return null;
      return { ok: false, message: `${name} is not resolved in the playground`, unsupported: true };
  }
}

function target(logicalId: string, scope: IntrinsicScope): ResourceRefs | Resolution {
  const found = scope.resource(logicalId);
  if (found) return found;
  return fail(`No resource '${logicalId}' in resources.Resources${didYouMean(logicalId, scope.logicalIds())}`);
}

function ref(logicalId: string, scope: IntrinsicScope): Resolution {
  const p = pseudo(logicalId, scope);
  if (p) return p;
  const t = target(logicalId, scope);
  if ('ok' in t) return t;
  if (t.ref === undefined) return notSimulated(logicalId, t);
  return ok(t.ref);
}

function notSimulated(logicalId: string, t: ResourceRefs): Resolution {
  return { ok: false, message: `'${logicalId}' is an ${t.type}, which the playground does not simulate`, unsupported: true };
}

function getAtt(arg: unknown, scope: IntrinsicScope): Resolution {
  const parts = typeof arg === 'string' ? splitAtt(arg) : arg;
  if (!Array.isArray(parts) || parts.length !== 2 || typeof parts[0] !== 'string' || typeof parts[1] !== 'string') {
    return fail('Fn::GetAtt takes [LogicalId, Attribute], like !GetAtt OrdersQueue.Arn');
  }
  const [logicalId, attribute] = parts as [string, string];
  const t = target(logicalId, scope);
  if ('ok' in t) return t;
  if (t.ref === undefined) return notSimulated(logicalId, t);
  const value = t.attributes[attribute];
  if (value !== undefined) return ok(value);
  const reason = t.unavailable?.[attribute];
  if (reason) return fail(reason);
  const known = Object.keys(t.attributes);
  return fail(`${t.type} '${logicalId}' has no attribute '${attribute}'; use ${known.join(', ')}`);
}

function splitAtt(text: string): string[] {
  const dot = text.indexOf('.');
  return dot < 0 ? [text] : [text.slice(0, dot), text.slice(dot + 1)];
}

/** `Fn::Sub`: `${Name}` is a Ref, `${Name.Attr}` a GetAtt, `${!Literal}` stays as `${Literal}`; the list form adds variables. */
function sub(arg: unknown, scope: IntrinsicScope): Resolution {
  const [template, vars] = Array.isArray(arg) ? [arg[0], arg[1] ?? {}] : [arg, {}];
  if (typeof template !== 'string' || !vars || typeof vars !== 'object' || Array.isArray(vars)) {
    return fail("Fn::Sub takes a text, or [text, { Name: value }], like !Sub '${AWS::StackName}-orders'");
  }
  let out = '';
  let last = 0;
  for (const m of template.matchAll(/\$\{([^}]*)\}/g)) {
    out += template.slice(last, m.index);
    last = m.index + m[0].length;
    const name = m[1].trim();
    if (name.startsWith('!')) {
      out += `\${${name.slice(1)}}`;
      continue;
    }
    const own = (vars as Record<string, unknown>)[name];
    const r = own !== undefined ? resolveIntrinsic(own, scope) : subVariable(name, scope);
    if (!r.ok) return r;
    out += r.value;
  }
  return ok(out + template.slice(last));
}

function subVariable(name: string, scope: IntrinsicScope): Resolution {
  if (name.startsWith('AWS::')) return ref(name, scope);
  const dot = name.indexOf('.');
  return dot < 0 ? ref(name, scope) : getAtt([name.slice(0, dot), name.slice(dot + 1)], scope);
}

function join(arg: unknown, scope: IntrinsicScope): Resolution {
  if (!Array.isArray(arg) || arg.length !== 2 || typeof arg[0] !== 'string' || !Array.isArray(arg[1])) {
    return fail("Fn::Join takes [delimiter, [values]], like !Join ['-', [!Ref AWS::StackName, orders]]");
  }
  const parts: string[] = [];
  for (const item of arg[1] as unknown[]) {
    const r = resolveIntrinsic(item, scope);
    if (!r.ok) return r;
    parts.push(r.value);
  }
  return ok(parts.join(arg[0]));
}
